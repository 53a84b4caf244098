# -*- coding: utf-8 -*-
"""One XLSX layer (issue 17): every workbook of both addons is laid out by
reporting/xlsx_table.py, so every export has the same header, number formats, frozen
header and totals row, and no core borrows another core's private helpers.
Pure Python, no database."""
import datetime
import io
import os
import re

import openpyxl
import pandas as pd
import pytest

from odoo.addons.sales_mis.crm_logic import visit_import
from odoo.addons.sales_mis.crm_logic.competitor_xlsx import build_competitor_workbook
from odoo.addons.sales_mis.planning.completion_xlsx import build_completion_workbook
from odoo.addons.sales_mis.planning.statement_xlsx import COLUMNS as STATEMENT_COLUMNS, build_statement_workbook
from odoo.addons.sales_mis.reporting.xlsx_table import Column, build_table_workbook, table_workbook

ADDON = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAYER = (os.path.join('reporting', 'xlsx_table.py'), os.path.join('reporting', 'xlsx_safe.py'))


def sources():
    """(relative path, text) of the non-test Python files of both addons."""
    for root in (ADDON, os.path.join(os.path.dirname(ADDON), 'sales_mis_forecast')):
        for folder, _dirs, files in os.walk(root):
            if 'tests' in folder.split(os.sep):
                continue
            for name in files:
                if name.endswith('.py'):
                    path = os.path.join(folder, name)
                    with open(path, encoding='utf-8') as source:
                        yield os.path.relpath(path, os.path.dirname(ADDON)), source.read()


def test_only_the_layer_opens_workbooks_and_sheets():
    offenders = [path for path, text in sources() if not path.endswith(LAYER)
                 and re.search(r'new_workbook\(|add_worksheet\(|\.to_excel\(', text)]
    assert offenders == []


def test_no_core_imports_private_names_of_another():
    offenders = [path for path, text in sources()
                 if re.search(r'from \.\.\w+\.\w+ import \(?[^)\n]*\b_[a-z]', text)]
    assert offenders == []


def _builders():
    month = datetime.date(2030, 1, 1)
    completion = pd.DataFrame([('张三', '华东', month, 100.0, 80.0, 90.0)],
                              columns=['salesperson', 'team', 'month', 'target', 'actual', 'projection'])
    statement = pd.DataFrame([('张三', '华东', '2030-01', 'A', 1000.0, 3.0, 1.0, 30.0)], columns=STATEMENT_COLUMNS)
    labels = dict({column: column for column in STATEMENT_COLUMNS}, total='Total')
    table = pd.DataFrame({'name': ['甲'], 'amount': [1.0]})
    return {
        # name: (bytes, header row, first data row)
        'table': (build_table_workbook(table, [('name', 'Name', 'text'), ('amount', 'Amount', 'money')], 'T'), 3),
        'completion': (build_completion_workbook(completion, [month], 'T', {}), 2),
        'statement': (build_statement_workbook(statement, 'T', labels), 2),
        'competitor': (build_competitor_workbook([('X', 2, 1, 0, 10.0, 5.0, 0.0)], 'T'), 2),
        'template': (visit_import.template_xlsx({}), 1),
    }


@pytest.mark.parametrize('name', sorted(_builders()))
def test_every_export_has_the_same_header_and_frozen_header(name):
    data, header_row = _builders()[name]
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    header = sheet[header_row]
    assert all(cell.font.b and cell.fill.fgColor.rgb == 'FFD9E1F2' for cell in header if cell.value), name
    assert sheet.freeze_panes.endswith(str(header_row + 1)), sheet.freeze_panes


def test_template_columns_are_text_so_typed_dates_stay_text():
    sheet = openpyxl.load_workbook(io.BytesIO(visit_import.template_xlsx(
        {}, example=[{'date': '2030-03-01', 'customer': 'ABC'}]))).worksheets[0]
    assert [cell.value for cell in sheet[1]] == visit_import.COLUMN_NAMES
    date = sheet.cell(2, visit_import.COLUMN_NAMES.index('date') + 1)
    assert (date.value, date.data_type, date.number_format) == ('2030-03-01', 's', '@')


def test_layer_without_title_or_totals_starts_with_the_header_and_ends_with_the_rows():
    frame = pd.DataFrame({'name': ['a', 'b'], 'qty': [1, 2]})
    data = table_workbook([dict(sheet_title='S', columns=[Column('name', '名称', 'text'),
                                                          Column('qty', 'Qty', 'quantity', 30)], frame=frame)])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [['名称', 'Qty'], ['a', 1], ['b', 2]]
    assert sheet['B2'].number_format == '#,##0.##'
    assert sheet.column_dimensions['B'].width == pytest.approx(30, abs=1)
