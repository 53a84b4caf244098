# -*- coding: utf-8 -*-
"""Competitor analysis 竞争对手分析 (F7) as an XLSX workbook: one row per competitor
(opportunities met, won, lost, win rate of the closed ones, amounts) and a totals
row whose win rate is recomputed from the totals. Captions come from the caller
(translated); pandas shapes the table, xlsxwriter lays it out."""
import io

import pandas as pd

from ..planning.completion_xlsx import _sheet_name, _text_width
from ..reporting.xlsx_safe import new_workbook

COLUMNS = ['competitor', 'opportunities', 'won', 'lost', 'win_rate', 'amount', 'won_amount', 'lost_amount']
DEFAULT_LABELS = {
    'competitor': '竞争对手', 'opportunities': '商机数', 'won': '赢单', 'lost': '丢单', 'win_rate': '赢率',
    'amount': '预计收入', 'won_amount': '赢单金额', 'lost_amount': '丢单金额', 'total': '合计',
}
_KINDS = {'competitor': 'text', 'opportunities': 'int', 'won': 'int', 'lost': 'int', 'win_rate': 'percent',
          'amount': 'money', 'won_amount': 'money', 'lost_amount': 'money'}
_HEADER_ROW, _FIRST_DATA_ROW = 1, 2


def competitor_table(rows):
    """DataFrame in COLUMNS order, sorted by opportunities met (most first), then name."""
    frame = pd.DataFrame(list(rows), columns=[c for c in COLUMNS if c != 'win_rate'])
    for column in COLUMNS[1:]:
        if column != 'win_rate':
            frame[column] = pd.to_numeric(frame[column]).fillna(0)
    closed = frame['won'] + frame['lost']
    frame['win_rate'] = (frame['won'] / closed.where(closed > 0)).astype(float)
    frame = frame.sort_values(['opportunities', 'competitor'], ascending=[False, True], kind='stable')
    return frame[COLUMNS].reset_index(drop=True)


def build_competitor_workbook(rows, title, labels=None):
    """XLSX bytes: title row, header (frozen), one row per competitor, totals row."""
    labels = dict(DEFAULT_LABELS, **(labels or {}))
    table = competitor_table(rows)
    totals = {column: float(table[column].sum()) for column in COLUMNS[1:] if column != 'win_rate'}
    closed = totals['won'] + totals['lost']
    totals.update(competitor=labels['total'], win_rate=totals['won'] / closed if closed else None)

    output = io.BytesIO()
    workbook = new_workbook(output)
    sheet = workbook.add_worksheet(_sheet_name(title))
    border = {'border': 1, 'valign': 'vcenter'}
    formats = {'text': {}, 'int': {'num_format': '#,##0'}, 'percent': {'num_format': '0.0%'},
               'money': {'num_format': '#,##0.00'}}
    body = {kind: workbook.add_format(dict(border, **extra)) for kind, extra in formats.items()}
    total = {kind: workbook.add_format(dict(border, bold=True, top=2, bg_color='#F2F2F2', **extra))
             for kind, extra in formats.items()}
    header = workbook.add_format(dict(border, bold=True, align='center', text_wrap=True, bg_color='#D9E1F2'))
    sheet.merge_range(0, 0, 0, len(COLUMNS) - 1, title,
                      workbook.add_format({'bold': True, 'font_size': 14, 'align': 'center'}))
    sheet.set_row(0, 26)
    captions = [labels[column] for column in COLUMNS]
    sheet.write_row(_HEADER_ROW, 0, captions, header)
    totals_row = _FIRST_DATA_ROW + len(table)
    for index, column in enumerate(COLUMNS):
        kind = _KINDS[column]
        values = table[column].astype(object).where(table[column].notna(), None).tolist()
        sheet.write_column(_FIRST_DATA_ROW, index, values, body[kind])
        sheet.write(totals_row, index, totals[column], total[kind])
        if kind == 'text':
            width = max([_text_width(captions[index])] + [_text_width(v) for v in values] + [10]) + 2
            sheet.set_column(index, index, min(width, 40))
        else:
            sheet.set_column(index, index, max(16 if kind == 'money' else 10, _text_width(captions[index]) + 2))
    sheet.freeze_panes(_FIRST_DATA_ROW, 1)
    workbook.close()
    return output.getvalue()
