# -*- coding: utf-8 -*-
"""Spreadsheets that never execute their input (issue 12).

Customer, user or competitor names are user text: xlsxwriter's default `write()`
turns text starting with "=" into a formula and URL-looking text into a hyperlink.
Every workbook of the addons is opened here (through the one XLSX layer,
reporting/xlsx_table.py), with both conversions off, so text is always written as
text; CSV cells that a spreadsheet would read as a formula get a
leading apostrophe.

    new_workbook(output) -> xlsxwriter.Workbook
    csv_cell(value) -> value, neutralised if it is formula-like text
"""
import xlsxwriter

#: text stays text: no formulas, no hyperlinks, no numbers guessed from text
SAFE_OPTIONS = {'in_memory': True, 'strings_to_formulas': False, 'strings_to_urls': False,
                'strings_to_numbers': False}

#: first characters that make a spreadsheet read a CSV cell as a formula (OWASP CSV injection)
FORMULA_STARTS = ('=', '+', '-', '@', '\t', '\r')


def new_workbook(output):
    """An xlsxwriter workbook writing into `output` (a BytesIO) that keeps text as text."""
    return xlsxwriter.Workbook(output, dict(SAFE_OPTIONS))


def csv_cell(value):
    """`value` for a CSV file: text that starts like a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
