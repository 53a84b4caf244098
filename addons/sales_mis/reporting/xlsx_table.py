# -*- coding: utf-8 -*-
"""The one XLSX layer of the addons: every exported workbook is a list of columns
written by `write_table` into a workbook opened by `xlsx_safe` (text stays text).

A sheet is: an optional title row (merged across the columns) and subtitle row, the
header (captions in the caller's language), one row per record, an optional totals
row, frozen below the header.  Builders only describe their columns:

    Column(key, caption, kind, width=None)
    write_table(workbook, sheet_title, columns, frame, title=None, subtitle=None,
                totals=None, freeze_columns=1)
    table_workbook(sheets) -> bytes             sheets: [dict of write_table's arguments]
    sum_totals(frame, columns, label) -> {key: value} (money and quantities summed)
    build_table_workbook(frame, columns, title, subtitle='', total_label='Total') -> bytes

kind: 'text', 'date', 'integer' (ids, years: no thousands separator), 'count',
'quantity', 'money', 'number' (no format), 'percent' (fractions: 0.25 is 25 %),
'text_entry' (a column the user types into: text format on the whole column) or
'wrapped' (long text).  `width`: a fixed column width; None sizes the column from its
caption and text (CJK characters count double)."""
import collections
import datetime
import io
import re
import unicodedata

import pandas as pd

from .xlsx_safe import new_workbook

FORMATS = {'money': '#,##0.00', 'quantity': '#,##0.##', 'integer': '0', 'count': '#,##0', 'percent': '0.0%',
           'date': 'yyyy-mm-dd', 'text_entry': '@'}
NUMERIC = ('integer', 'count', 'quantity', 'money', 'number', 'percent')
MIN_WIDTHS = {'text': 6, 'wrapped': 6, 'text_entry': 6, 'date': 11, 'integer': 8, 'count': 10, 'quantity': 11,
              'money': 14, 'number': 10, 'percent': 9}
MAX_TEXT_WIDTH = 45
#: formats that also apply to the empty cells of the column (the cells a user fills in)
COLUMN_WIDE = {'text_entry': {'num_format': '@'}, 'wrapped': {'text_wrap': True, 'valign': 'top'}}

Column = collections.namedtuple('Column', 'key caption kind width')
Column.__new__.__defaults__ = (None,)


def text_width(text):
    """Display width: CJK characters take two columns in Excel's default font."""
    return sum(2 if unicodedata.east_asian_width(char) in 'WF' else 1 for char in str(text))


def sheet_name(title):
    name = re.sub(r'[\[\]:*?/\\]', ' ', title or '').strip()[:31]
    return name or 'Sheet1'


def _cell(value, kind):
    if isinstance(value, str):  # the common cases first: this runs once per cell
        return value
    if isinstance(value, float):
        return None if value != value else value
    if value is None or pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return datetime.datetime(value.year, value.month, value.day)
    if kind in NUMERIC:
        return float(value)
    return value


class _Formats(object):
    """The cell formats of one workbook, made once per kind."""

    def __init__(self, workbook):
        border = {'border': 1, 'valign': 'vcenter'}
        self.title = workbook.add_format({'bold': True, 'font_size': 14, 'align': 'center', 'valign': 'vcenter'})
        self.subtitle = workbook.add_format({'italic': True, 'align': 'center'})
        self.header = workbook.add_format(dict(border, bold=True, align='center', text_wrap=True,
                                               bg_color='#D9E1F2'))
        self.body, self.total, self.column = {}, {}, {}
        for kind in MIN_WIDTHS:
            extra = {'num_format': FORMATS[kind]} if kind in FORMATS else {}
            self.body[kind] = workbook.add_format(dict(border, **dict(extra, **COLUMN_WIDE.get(kind, {}))))
            self.total[kind] = workbook.add_format(dict(border, bold=True, top=2, bg_color='#F2F2F2', **extra))
            self.column[kind] = workbook.add_format(COLUMN_WIDE[kind]) if kind in COLUMN_WIDE else None


def _formats(workbook):
    if not hasattr(workbook, '_sales_mis_formats'):
        workbook._sales_mis_formats = _Formats(workbook)
    return workbook._sales_mis_formats


def check_columns(frame, columns):
    """`columns` as Column tuples; a ValueError names the keys `frame` lacks."""
    columns = [Column(*column) for column in columns]
    missing = [column.key for column in columns if column.key not in frame.columns]
    if missing:
        raise ValueError('report rows lack column(s): %s' % ', '.join(missing))
    return columns


def write_table(workbook, sheet_title, columns, frame, title=None, subtitle=None, totals=None, freeze_columns=1):
    """Adds a sheet with `frame` laid out by `columns` (see the module doc); `totals`:
    {key: value} of the totals row (None: no totals row)."""
    columns = check_columns(frame, columns)
    formats = _formats(workbook)
    sheet = workbook.add_worksheet(sheet_name(sheet_title))
    row = 0
    last = max(len(columns) - 1, 0)
    for text, fmt in ((title, formats.title), (subtitle, formats.subtitle)):
        if text is None:
            continue
        if last:
            sheet.merge_range(row, 0, row, last, text, fmt)
        else:
            sheet.write(row, 0, text, fmt)
        if fmt is formats.title:
            sheet.set_row(row, 28)
        row += 1
    header_row, first_row = row, row + 1
    sheet.write_row(header_row, 0, [column.caption for column in columns], formats.header)
    for index, column in enumerate(columns):
        values = [_cell(value, column.kind) for value in frame[column.key].tolist()]
        body = formats.body[column.kind]
        if column.kind == 'date':  # write_column would not know these are dates
            for offset, value in enumerate(values):
                if value is None:
                    sheet.write_blank(first_row + offset, index, None, body)
                else:
                    sheet.write_datetime(first_row + offset, index, value, body)
        else:  # None is written as a formatted blank cell
            sheet.write_column(first_row, index, values, body)
        if totals is not None:
            sheet.write(first_row + len(values), index, totals.get(column.key), formats.total[column.kind])
        sheet.set_column(index, index, column.width or _width(column, values), formats.column[column.kind])
    sheet.freeze_panes(first_row, freeze_columns)
    return sheet


def _width(column, values):
    minimum = MIN_WIDTHS[column.kind]
    if column.kind in ('text', 'wrapped', 'text_entry'):
        widths = [text_width(value) for value in values[:2000] if value is not None]
        return min(max([text_width(column.caption), minimum] + widths) + 2, MAX_TEXT_WIDTH)
    return max(minimum, text_width(column.caption) + 2)


def table_workbook(sheets):
    """XLSX bytes of one or more sheets, each given as keyword arguments of write_table."""
    output = io.BytesIO()
    workbook = new_workbook(output)
    for sheet in sheets:
        write_table(workbook, **sheet)
    workbook.close()
    return output.getvalue()


def sum_totals(frame, columns, label):
    """The usual totals row: `label` in the first column, money and quantities summed."""
    totals = {}
    for index, column in enumerate(Column(*column) for column in columns):
        if index == 0:
            totals[column.key] = label
        elif column.kind in ('money', 'quantity', 'count'):
            totals[column.key] = float(pd.to_numeric(frame[column.key]).fillna(0).astype(float).sum())
    return totals


def ratio(top, bottom):
    """top / bottom, None without a basis: a totals row recomputes its rates from its sums."""
    return top / bottom if bottom else None


# ---------------------------------------------------------------- the standard reports F1-F5

def _ratio_total(frame, spec):
    """Totals-row value of a computed percent column from its summed parts: kind
    'percent:growth:numerator/denominator' gives (sum(n) - sum(d)) / |sum(d)|,
    'percent:ratio:numerator/denominator' sum(n) / sum(d)."""
    how, _sep, parts = spec.partition(':')
    numerator, denominator = parts.split('/')
    top, bottom = float(frame[numerator].sum()), float(frame[denominator].sum())
    if not bottom:
        return None
    return (top - bottom) / abs(bottom) if how == 'growth' else top / bottom


def build_table_workbook(frame, columns, title, subtitle='', total_label='Total'):
    """XLSX bytes of a standard report: `columns` [(key, caption, kind)], where a percent
    kind may say how its total is recomputed ('percent:growth:a/b', 'percent:ratio:a/b')."""
    plain = check_columns(frame, [(key, caption, kind.partition(':')[0]) for key, caption, kind in columns])
    totals = sum_totals(frame, plain, total_label) if plain else {}
    for key, _caption, kind in columns:
        base, _sep, spec = kind.partition(':')
        if base == 'percent' and spec:
            totals[key] = _ratio_total(frame, spec)
    return table_workbook([dict(sheet_title=title, columns=plain, frame=frame, title=title, subtitle=subtitle,
                                totals=totals)])
