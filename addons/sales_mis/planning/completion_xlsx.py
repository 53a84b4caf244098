# -*- coding: utf-8 -*-
"""The plan completion report 销售计划完成情况分析表 as an XLSX workbook.

One row per (team, salesperson): target, actual, completion, gap to target,
projection, then the actual of each month shown, and a totals row. pandas does
the aggregation, reporting/xlsx_table.py the layout; captions come from the caller
so that the report can be translated.
"""
import pandas as pd

from ..reporting.xlsx_table import Column, ratio, sum_totals, table_workbook

DEFAULT_LABELS = {
    'salesperson': '销售员', 'team': '销售团队', 'target': '目标', 'actual': '实际',
    'completion': '完成率', 'gap': '差额', 'projection': '预测', 'total': '合计',
    'month_format': '%Y-%m',
}

_ROW_COLUMNS = ('salesperson', 'team', 'month', 'target', 'actual', 'projection')
_AMOUNTS = ['target', 'actual', 'projection']


def _aggregate(rows, months):
    """Per (team, salesperson) sums and monthly actuals, sorted by team then salesperson."""
    keys = ['team', 'salesperson']
    month_periods = [pd.Period(month, 'M') for month in months]
    data = rows.assign(
        # a salesperson without a team must not vanish from the groupby
        team=rows['team'].fillna('').astype(str),
        salesperson=rows['salesperson'].fillna('').astype(str),
        month=pd.to_datetime(rows['month']).dt.to_period('M'),
        **{column: pd.to_numeric(rows[column]).fillna(0.0).astype(float) for column in _AMOUNTS})
    sums = data.groupby(keys, sort=True)[_AMOUNTS].sum()
    monthly = data.pivot_table(index=keys, columns='month', values='actual', aggfunc='sum', fill_value=0.0)
    monthly = monthly.reindex(index=sums.index, columns=month_periods, fill_value=0.0).fillna(0.0)
    monthly.columns = ['month_%d' % i for i in range(len(month_periods))]
    table = sums.join(monthly).reset_index()
    table['gap'] = table['target'] - table['actual']
    table['completion'] = table['actual'] / table['target'].where(table['target'] != 0)
    return table


def build_completion_workbook(rows, months, title, labels):
    """XLSX bytes of the plan completion report.

    ``rows``: DataFrame with columns salesperson, team, month (date, first of the
    month), target, actual, projection. All rows count in the target / actual /
    projection sums; ``months`` (ordered dates) only chooses the month columns,
    each showing the actual of that month. ``labels``: captions keyed salesperson,
    team, target, actual, completion, gap, projection, total and month_format (a
    strftime format); missing keys fall back to :data:`DEFAULT_LABELS`.

    Layout: row 1 the title merged across all columns, row 2 the header, one row
    per (team, salesperson) sorted by team then salesperson, then the totals row
    whose completion is total actual / total target. Completion is blank where
    the target is 0.
    """
    missing = [column for column in _ROW_COLUMNS if column not in rows.columns]
    if missing:
        raise ValueError('completion rows lack column(s): %s' % ', '.join(missing))
    labels = dict(DEFAULT_LABELS, **(labels or {}))
    months = list(months)
    table = _aggregate(rows, months)
    columns = [Column(key, labels[key], kind) for key, kind in (
        ('team', 'text'), ('salesperson', 'text'), ('target', 'money'), ('actual', 'money'),
        ('completion', 'percent'), ('gap', 'money'), ('projection', 'money'))]
    columns += [Column('month_%d' % i, month.strftime(labels['month_format']), 'money')
                for i, month in enumerate(months)]
    totals = sum_totals(table, columns, labels['total'])
    # recomputed from the totals: a mean of ratios would weight a small target like a big one
    totals.update(salesperson='', completion=ratio(totals['actual'], totals['target']))
    # names and header stay visible while scrolling through the month columns
    return table_workbook([dict(sheet_title=title, columns=columns, frame=table, title=title, totals=totals,
                                freeze_columns=2)])
