# -*- coding: utf-8 -*-
"""Daily work report 工作日报 (B7): the arithmetic of a salesperson's day.

Which UTC interval a local working day covers, which days of a range are working
days, and the order the collected lines are shown in.  No Odoo import."""
from datetime import date, datetime, time, timedelta

import pytz

#: line kinds in the order a report lists them
LINE_KINDS = ['visit', 'call', 'work', 'activity', 'new_lead', 'stage', 'won', 'lost']


def to_date(value):
    return value if isinstance(value, date) else datetime.strptime(value[:10], '%Y-%m-%d').date()


def day_bounds_utc(day, tz):
    """[start, end) in naive UTC of the local calendar `day` in time zone `tz`."""
    zone = pytz.timezone(tz or 'UTC')
    day = to_date(day)
    start = zone.localize(datetime.combine(day, time(0, 0)))
    end = zone.localize(datetime.combine(day + timedelta(days=1), time(0, 0)))
    return (start.astimezone(pytz.utc).replace(tzinfo=None), end.astimezone(pytz.utc).replace(tzinfo=None))


def working_days(date_from, date_to):
    """Mondays to Fridays of [date_from, date_to]."""
    day, last = to_date(date_from), to_date(date_to)
    days = []
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def sort_lines(lines):
    """Lines (dicts with 'kind' and 'time') by time, then kind; lines without time last."""
    return sorted(lines, key=lambda line: (line.get('time') or '9999', LINE_KINDS.index(line['kind'])))
