# -*- coding: utf-8 -*-
"""Aging buckets of customer arrears 账龄: by days past the due date."""

#: (key, first day past due, last day past due or None); "not due" is everything up to day 0
BUCKETS = [
    ('not_due', None, 0),
    ('days_1_30', 1, 30),
    ('days_31_60', 31, 60),
    ('days_61_90', 61, 90),
    ('days_over_90', 91, None),
]
BUCKET_KEYS = [key for key, _first, _last in BUCKETS]


def bucket_of(days_overdue):
    """The bucket key of an amount `days_overdue` days past its due date (<= 0: not due)."""
    for key, first, last in BUCKETS:
        if (first is None or days_overdue >= first) and (last is None or days_overdue <= last):
            return key
    raise ValueError(days_overdue)


def bucket_sql(days_expression):
    """A SQL CASE giving the bucket key of `days_expression` (same limits as bucket_of)."""
    whens = ' '.join("WHEN %s <= %d THEN '%s'" % (days_expression, last, key)
                     for key, _first, last in BUCKETS if last is not None)
    return "CASE %s ELSE '%s' END" % (whens, BUCKETS[-1][0])
