# -*- coding: utf-8 -*-
"""One XLSX layout for the standard tabular reports (F1-F5): a title row, a
subtitle (date, scope), the header, the rows and a totals row.

    build_table_workbook(frame, columns, title, subtitle='', total_label='Total') -> bytes

``columns``: [(key, caption, kind)] with kind 'text', 'date', 'integer', 'quantity',
'money' or 'percent' (percent values are fractions: 0.25 is 25 %).  Quantities and
money are summed in the totals row; a percent column may name how its total is
recomputed from the summed columns: kind 'percent:numerator/denominator' gives
total = (sum(numerator) - sum(denominator)) / |sum(denominator)| for growth rates
('growth:') or sum(numerator) / sum(denominator) for ratios ('ratio:')."""
import datetime
import io
import re
import unicodedata

import pandas as pd

from .xlsx_safe import new_workbook

FORMATS = {'money': '#,##0.00', 'quantity': '#,##0.##', 'integer': '0', 'percent': '0.0%',
           'date': 'yyyy-mm-dd'}
TITLE_ROW, SUBTITLE_ROW, HEADER_ROW, FIRST_DATA_ROW = 0, 1, 2, 3


def text_width(text):
    """Display width: CJK characters take two columns in Excel's default font."""
    return sum(2 if unicodedata.east_asian_width(char) in 'WF' else 1 for char in str(text))


def sheet_name(title):
    name = re.sub(r'[\[\]:*?/\\]', ' ', title or '').strip()[:31]
    return name or 'Sheet1'


def _cell(value):
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return datetime.datetime(value.year, value.month, value.day)
    return value


def _ratio_total(frame, spec):
    """Totals-row value of a computed percent column from its summed parts."""
    how, _sep, parts = spec.partition(':')
    numerator, denominator = parts.split('/')
    top, bottom = float(frame[numerator].sum()), float(frame[denominator].sum())
    if not bottom:
        return None
    return (top - bottom) / abs(bottom) if how == 'growth' else top / bottom


def build_table_workbook(frame, columns, title, subtitle='', total_label='Total'):
    """XLSX bytes of `frame` laid out by `columns` (see the module doc)."""
    keys = [key for key, _caption, _kind in columns]
    missing = [key for key in keys if key not in frame.columns]
    if missing:
        raise ValueError('report rows lack column(s): %s' % ', '.join(missing))
    output = io.BytesIO()
    workbook = new_workbook(output)
    sheet = workbook.add_worksheet(sheet_name(title))
    border = {'border': 1, 'valign': 'vcenter'}
    title_format = workbook.add_format({'bold': True, 'font_size': 14, 'align': 'center', 'valign': 'vcenter'})
    subtitle_format = workbook.add_format({'italic': True, 'align': 'center'})
    header_format = workbook.add_format(dict(border, bold=True, align='center', text_wrap=True, bg_color='#D9E1F2'))
    body, total = {}, {}
    for kind in ('text', 'date', 'integer', 'quantity', 'money', 'percent'):
        extra = {'num_format': FORMATS[kind]} if kind in FORMATS else {}
        body[kind] = workbook.add_format(dict(border, **extra))
        total[kind] = workbook.add_format(dict(border, bold=True, top=2, bg_color='#F2F2F2', **extra))

    last = max(len(columns) - 1, 0)
    if last:
        sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, last, title, title_format)
        sheet.merge_range(SUBTITLE_ROW, 0, SUBTITLE_ROW, last, subtitle, subtitle_format)
    else:
        sheet.write(TITLE_ROW, 0, title, title_format)
        sheet.write(SUBTITLE_ROW, 0, subtitle, subtitle_format)
    sheet.set_row(TITLE_ROW, 28)
    sheet.write_row(HEADER_ROW, 0, [caption for _key, caption, _kind in columns], header_format)
    totals_row = FIRST_DATA_ROW + len(frame)
    for index, (key, caption, kind) in enumerate(columns):
        base, _sep, spec = kind.partition(':')
        values = [_cell(value) for value in frame[key].tolist()]
        if base in ('money', 'quantity', 'integer', 'percent'):
            values = [None if value is None else float(value) for value in values]
        # write_column writes None as a formatted blank cell
        if base == 'date':
            for row, value in enumerate(values):
                if value is None:
                    sheet.write_blank(FIRST_DATA_ROW + row, index, None, body[base])
                else:
                    sheet.write_datetime(FIRST_DATA_ROW + row, index, value, body[base])
        else:
            sheet.write_column(FIRST_DATA_ROW, index, values, body[base])
        if index == 0:
            value = total_label
        elif base in ('money', 'quantity'):
            value = float(frame[key].fillna(0).astype(float).sum())
        elif base == 'percent' and spec:
            value = _ratio_total(frame, spec)
        else:
            value = None
        sheet.write(totals_row, index, value, total[base])
        if base == 'text':
            width = max([text_width(caption)] + [text_width(v) for v in values[:2000] if v is not None] + [6]) + 2
            sheet.set_column(index, index, min(width, 45))
        else:
            minimum = {'money': 14, 'quantity': 11, 'date': 11, 'percent': 9, 'integer': 8}[base]
            sheet.set_column(index, index, max(minimum, text_width(caption) + 2))
    sheet.freeze_panes(FIRST_DATA_ROW, 1)
    workbook.close()
    return output.getvalue()
