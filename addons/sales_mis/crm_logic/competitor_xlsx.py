# -*- coding: utf-8 -*-
"""Competitor analysis 竞争对手分析 (F7) as an XLSX workbook: one row per competitor
(opportunities met, won, lost, win rate of the closed ones, amounts) and a totals
row whose win rate is recomputed from the totals. Captions come from the caller
(translated); pandas shapes the table, reporting/xlsx_table.py lays it out."""
import pandas as pd

from ..reporting.xlsx_table import Column, ratio, sum_totals, table_workbook

COLUMNS = ['competitor', 'opportunities', 'won', 'lost', 'win_rate', 'amount', 'won_amount', 'lost_amount']
DEFAULT_LABELS = {
    'competitor': '竞争对手', 'opportunities': '商机数', 'won': '赢单', 'lost': '丢单', 'win_rate': '赢率',
    'amount': '预计收入', 'won_amount': '赢单金额', 'lost_amount': '丢单金额', 'total': '合计',
}
_KINDS = {'competitor': 'text', 'opportunities': 'count', 'won': 'count', 'lost': 'count', 'win_rate': 'percent',
          'amount': 'money', 'won_amount': 'money', 'lost_amount': 'money'}


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
    columns = [Column(key, labels[key], _KINDS[key]) for key in COLUMNS]
    totals = sum_totals(table, columns, labels['total'])
    totals['win_rate'] = ratio(totals['won'], totals['won'] + totals['lost'])
    return table_workbook([dict(sheet_title=title, columns=columns, frame=table, title=title, totals=totals)])
