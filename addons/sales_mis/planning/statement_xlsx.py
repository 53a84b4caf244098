# -*- coding: utf-8 -*-
"""Commission statements 提成明细 as an XLSX sheet (pandas + xlsxwriter)."""
import io

import pandas as pd

from ..reporting.xlsx_safe import excel_writer

COLUMNS = ('salesperson', 'team', 'period', 'category', 'sales', 'rate', 'multiplier', 'commission')


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
    grand = {'salesperson': labels['total'], 'sales': rows['sales'].sum(), 'commission': rows['commission'].sum()}
    table = pd.concat([table, pd.DataFrame([grand])], ignore_index=True, sort=False)[list(COLUMNS)]
    buffer = io.BytesIO()
    with excel_writer(buffer) as writer:
        table.to_excel(writer, index=False, startrow=2, header=False, sheet_name='Sheet1')
        book, sheet = writer.book, writer.sheets['Sheet1']
        bold = book.add_format({'bold': True})
        money = book.add_format({'num_format': '#,##0.00'})
        sheet.merge_range(0, 0, 0, len(COLUMNS) - 1, title, book.add_format({'bold': True, 'font_size': 14}))
        for index, column in enumerate(COLUMNS):
            sheet.write(1, index, labels[column], bold)
        sheet.set_column(0, 3, 18)
        sheet.set_column(4, 4, 14, money)
        sheet.set_column(5, 6, 10)
        sheet.set_column(7, 7, 14, money)
        sheet.freeze_panes(2, 0)
    return buffer.getvalue()
