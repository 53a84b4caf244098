# -*- coding: utf-8 -*-
"""The period roll-up of the 进销存 summary: monthly rows of one key (company, warehouse,
product) -> one row for a range of months, and the identities every row must satisfy.

A monthly row is a dict with 'month' (a date, the 1st), opening_<m>, closing_<m> and
<flow>_<m> for each flow of flows.FLOWS, m in MEASURES."""
from .flows import FLOWS, IN_FLOWS, OUT_FLOWS

MEASURES = ('qty', 'value')


def totals(row, measure):
    """(total in, total out) of a row for `measure`."""
    return (sum(row.get('%s_%s' % (flow, measure)) or 0.0 for flow in IN_FLOWS),
            sum(row.get('%s_%s' % (flow, measure)) or 0.0 for flow in OUT_FLOWS))


def roll_up(rows):
    """One row over the months of `rows` (monthly rows of one key, any order): the opening of
    the first month, the flows summed, the closing of the last month."""
    if not rows:
        raise ValueError('no monthly row to roll up')
    rows = sorted(rows, key=lambda row: row['month'])
    result = {'month_from': rows[0]['month'], 'month_to': rows[-1]['month']}
    for measure in MEASURES:
        result['opening_%s' % measure] = rows[0]['opening_%s' % measure] or 0.0
        result['closing_%s' % measure] = rows[-1]['closing_%s' % measure] or 0.0
        for flow in FLOWS:
            key = '%s_%s' % (flow, measure)
            result[key] = sum(row.get(key) or 0.0 for row in rows)
        result['in_%s' % measure], result['out_%s' % measure] = totals(result, measure)
    return result


def identity_errors(rows, tolerance=1e-6):
    """The broken identities among monthly rows of many keys: closing = opening + in - out on each
    row, and opening(month n) = closing(month n-1) between consecutive months of a key (a key's
    months are consecutive: a missing month is an error too). `rows` carry a 'key'. [] when all hold."""
    errors = []
    by_key = {}
    for row in rows:
        by_key.setdefault(row['key'], []).append(row)
        for measure in MEASURES:
            total_in, total_out = totals(row, measure)
            expected = (row['opening_%s' % measure] or 0.0) + total_in - total_out
            if abs(expected - (row['closing_%s' % measure] or 0.0)) > tolerance * max(1.0, abs(expected)):
                errors.append('%s %s %s: closing %s != opening + in - out = %s' % (
                    row['key'], row['month'], measure, row['closing_%s' % measure], expected))
    for key, months in by_key.items():
        months.sort(key=lambda row: row['month'])
        for before, after in zip(months, months[1:]):
            if next_month(before['month']) != after['month']:
                errors.append('%s: month after %s is %s' % (key, before['month'], after['month']))
            for measure in MEASURES:
                closing, opening = before['closing_%s' % measure] or 0.0, after['opening_%s' % measure] or 0.0
                if abs(closing - opening) > tolerance * max(1.0, abs(closing)):
                    errors.append('%s %s %s: opening %s != closing of %s %s' % (
                        key, after['month'], measure, opening, before['month'], closing))
    return errors


def next_month(day):
    """The 1st of the month after `day`."""
    return day.replace(year=day.year + 1, month=1, day=1) if day.month == 12 else day.replace(month=day.month + 1, day=1)


def month_range(first, last):
    """The 1st of every month from `first`'s month to `last`'s month."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months
