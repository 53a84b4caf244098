# -*- coding: utf-8 -*-
"""The plan completion report 销售计划完成情况分析表 as an XLSX workbook.

One row per (team, salesperson): target, actual, completion, gap to target,
projection, then the actual of each month shown, and a totals row. pandas does
the aggregation, xlsxwriter the layout; captions come from the caller so that
the report can be translated.
"""
import io
import re
import unicodedata

import pandas as pd

from ..reporting.xlsx_safe import new_workbook

MONEY_FORMAT = '#,##0.00'
PERCENT_FORMAT = '0.0%'

DEFAULT_LABELS = {
    'salesperson': '销售员', 'team': '销售团队', 'target': '目标', 'actual': '实际',
    'completion': '完成率', 'gap': '差额', 'projection': '预测', 'total': '合计',
    'month_format': '%Y-%m',
}

_ROW_COLUMNS = ('salesperson', 'team', 'month', 'target', 'actual', 'projection')
_AMOUNTS = ['target', 'actual', 'projection']
_TITLE_ROW, _HEADER_ROW, _FIRST_DATA_ROW = 0, 1, 2


def _text_width(text):
    # CJK characters take two columns in Excel's default font
    return sum(2 if unicodedata.east_asian_width(char) in 'WF' else 1 for char in str(text))


def _sheet_name(title):
    name = re.sub(r'[\[\]:*?/\\]', ' ', title or '').strip()[:31]
    return name or 'Sheet1'


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
    month_columns = ['month_%d' % i for i in range(len(months))]
    columns = ['team', 'salesperson', 'target', 'actual', 'completion', 'gap', 'projection'] + month_columns
    captions = [labels[column] for column in columns[:7]] + [month.strftime(labels['month_format']) for month in months]

    # recomputed from the totals: a mean of ratios would weight a small target like a big one
    totals = {column: float(amount) for column, amount in table[_AMOUNTS + ['gap'] + month_columns].sum().items()}
    totals.update(team=labels['total'], salesperson='',
                  completion=totals['actual'] / totals['target'] if totals['target'] else None)

    output = io.BytesIO()
    workbook = new_workbook(output)
    sheet = workbook.add_worksheet(_sheet_name(title))
    border = {'border': 1, 'valign': 'vcenter'}
    title_format = workbook.add_format({'bold': True, 'font_size': 14, 'align': 'center', 'valign': 'vcenter'})
    header_format = workbook.add_format(dict(border, bold=True, align='center', text_wrap=True, bg_color='#D9E1F2'))
    body = {
        'text': workbook.add_format(border),
        'money': workbook.add_format(dict(border, num_format=MONEY_FORMAT)),
        'percent': workbook.add_format(dict(border, num_format=PERCENT_FORMAT)),
    }
    total = {kind: workbook.add_format(dict(border, bold=True, top=2, bg_color='#F2F2F2',
                                            **({'num_format': MONEY_FORMAT} if kind == 'money' else
                                               {'num_format': PERCENT_FORMAT} if kind == 'percent' else {})))
             for kind in body}

    last_column = len(columns) - 1
    sheet.merge_range(_TITLE_ROW, 0, _TITLE_ROW, last_column, title, title_format)
    sheet.set_row(_TITLE_ROW, 28)
    sheet.write_row(_HEADER_ROW, 0, captions, header_format)
    totals_row = _FIRST_DATA_ROW + len(table)
    for index, column in enumerate(columns):
        kind = 'text' if index < 2 else 'percent' if column == 'completion' else 'money'
        # one column at a time; None (no target) is written as a formatted blank cell
        values = table[column].astype(object).where(table[column].notna(), None).tolist()
        sheet.write_column(_FIRST_DATA_ROW, index, values, body[kind])
        sheet.write(totals_row, index, totals[column], total[kind])
        if kind == 'text':
            width = max([_text_width(captions[index])] + [_text_width(value) for value in values] + [6]) + 2
            sheet.set_column(index, index, min(width, 40))
        else:
            sheet.set_column(index, index, max(14 if kind == 'money' else 10, _text_width(captions[index]) + 2))
    # names and header stay visible while scrolling through the month columns
    sheet.freeze_panes(_FIRST_DATA_ROW, 2)
    workbook.close()
    return output.getvalue()
