# -*- coding: utf-8 -*-
"""Commission statements 提成明细 as an XLSX sheet (pandas shapes the rows,
reporting/xlsx_table.py lays them out)."""
import pandas as pd

from ..reporting.xlsx_table import Column, table_workbook

COLUMNS = ('salesperson', 'team', 'period', 'category', 'sales', 'rate', 'multiplier', 'commission')
_KINDS = {'sales': 'money', 'rate': 'number', 'multiplier': 'number', 'commission': 'money'}


def build_statement_workbook(rows, title, labels):
    """One line per statement line, a subtotal row per salesperson and a grand total.

    `rows`: DataFrame with COLUMNS; `labels`: captions for COLUMNS plus 'total'."""
    missing = [c for c in COLUMNS if c not in rows.columns]
    if missing:
        raise ValueError('missing columns: %s' % ', '.join(missing))
    rows = rows.sort_values(['salesperson', 'period', 'category'], kind='stable')
    subtotals = rows.groupby(['salesperson'], sort=True)[['sales', 'commission']].sum().reset_index()
    subtotals['category'] = labels['total']
    table = pd.concat([rows, subtotals], ignore_index=True, sort=False)
    table['_order'] = table['category'].eq(labels['total']).astype(int)
    table = table.sort_values(['salesperson', '_order', 'period', 'category'], kind='stable')
    table = table[list(COLUMNS)]
    grand = {'salesperson': labels['total'], 'sales': float(rows['sales'].sum()),
             'commission': float(rows['commission'].sum())}
    columns = [Column(key, labels[key], _KINDS.get(key, 'text')) for key in COLUMNS]
    return table_workbook([dict(sheet_title='Sheet1', columns=columns, frame=table, title=title, totals=grand,
                                freeze_columns=0)])
