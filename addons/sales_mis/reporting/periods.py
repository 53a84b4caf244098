# -*- coding: utf-8 -*-
"""The periods of a daily report: the day, month to date, year to date."""
import datetime


def period_starts(day):
    """(day, first of its month, first of its year) for a date or 'YYYY-MM-DD'."""
    if isinstance(day, str):
        day = datetime.datetime.strptime(day[:10], '%Y-%m-%d').date()
    return day, day.replace(day=1), day.replace(month=1, day=1)


def last_months(day, count):
    """First days of the `count` months up to and including the month of `day`, oldest first."""
    day = period_starts(day)[0]
    months, year, month = [], day.year, day.month
    for _ in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]
