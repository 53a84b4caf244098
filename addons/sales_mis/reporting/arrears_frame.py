# -*- coding: utf-8 -*-
"""The customer arrears report 顾客欠款表: open amounts per customer by aging bucket."""
import pandas as pd

from .aging import BUCKET_KEYS, bucket_of

KEYS = ['partner', 'salesperson', 'team']


def arrears_by_customer(rows):
    """One row per (customer, salesperson, team) with the total due, the overdue part and one
    column per aging bucket (see aging.BUCKETS), largest balance first.  ``rows``: iterable of
    dicts with partner, salesperson, team, residual (refunds negative) and days_overdue."""
    frame = pd.DataFrame(list(rows), columns=KEYS + ['residual', 'days_overdue'])
    if frame.empty:
        return pd.DataFrame(columns=KEYS + ['residual', 'overdue'] + BUCKET_KEYS)
    for key in KEYS:
        frame[key] = frame[key].fillna('').astype(str)
    frame['residual'] = pd.to_numeric(frame['residual']).fillna(0.0).astype(float)
    frame['bucket'] = [bucket_of(int(days or 0)) for days in frame['days_overdue']]
    table = frame.pivot_table(index=KEYS, columns='bucket', values='residual', aggfunc='sum', fill_value=0.0)
    table = table.reindex(columns=BUCKET_KEYS, fill_value=0.0)
    table['overdue'] = table[[key for key in BUCKET_KEYS if key != 'not_due']].sum(axis=1)
    table['residual'] = table[BUCKET_KEYS].sum(axis=1)
    table = table.reset_index()
    table = table[table['residual'].abs() > 0.005] if len(table) else table
    return table.sort_values(['residual', 'partner'], ascending=[False, True]).reset_index(drop=True)[
        KEYS + ['residual', 'overdue'] + BUCKET_KEYS]
