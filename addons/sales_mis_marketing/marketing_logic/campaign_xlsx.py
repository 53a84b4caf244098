# -*- coding: utf-8 -*-
"""活动效果分析表, the campaign effect analysis, as an XLSX workbook: one row per campaign
(plan, budget, cost, attributed leads, opportunities, orders, revenue, margin, ROI) and a
totals row whose ROI is recomputed from the summed margin and cost. Captions come from the
caller (translated); the workbook is written by reporting/xlsx_table.py through xlsx_safe
(campaign names stay text, never formulas)."""
import datetime

import pandas as pd

from odoo.addons.sales_mis.reporting.xlsx_table import Column, sum_totals, table_workbook

from .roi import budget_use, roi

COLUMNS = ['campaign', 'channel', 'team', 'state', 'date_start', 'date_end', 'budget', 'cost', 'budget_use',
           'lead_count', 'opportunity_count', 'order_count', 'order_amount', 'invoiced_amount', 'margin', 'roi']
DEFAULT_LABELS = {
    'campaign': '营销活动', 'channel': '渠道', 'team': '销售团队', 'state': '状态', 'date_start': '开始日期',
    'date_end': '结束日期', 'budget': '预算', 'cost': '费用', 'budget_use': '预算使用率', 'lead_count': '线索',
    'opportunity_count': '商机', 'order_count': '订单', 'order_amount': '订单金额', 'invoiced_amount': '开票收入',
    'margin': '毛利', 'roi': '投资回报率', 'total': '合计',
}
KINDS = {'campaign': 'text', 'channel': 'text', 'team': 'text', 'state': 'text', 'date_start': 'date',
         'date_end': 'date', 'budget': 'money', 'cost': 'money', 'budget_use': 'percent', 'lead_count': 'count',
         'opportunity_count': 'count', 'order_count': 'count', 'order_amount': 'money',
         'invoiced_amount': 'money', 'margin': 'money', 'roi': 'percent'}


def _date(value):
    if isinstance(value, datetime.date):
        return value
    return datetime.datetime.strptime(value[:10], '%Y-%m-%d').date() if value else None


def campaign_table(rows):
    """DataFrame in COLUMNS order, best ROI first (campaigns without cost last), then name."""
    base = [c for c in COLUMNS if c not in ('roi', 'budget_use')]
    frame = pd.DataFrame(list(rows), columns=base)
    for column in base:
        if KINDS[column] in ('money', 'count'):
            frame[column] = pd.to_numeric(frame[column]).fillna(0).astype(float)
    for column in ('date_start', 'date_end'):  # 'YYYY-MM-DD' text or False/None from the rows
        frame[column] = [_date(value) for value in frame[column]]
    frame['roi'] = [roi(m, c) for m, c in zip(frame['margin'], frame['cost'])]
    frame['budget_use'] = [budget_use(c, b) for c, b in zip(frame['cost'], frame['budget'])]
    frame['_sort'] = frame['roi'].fillna(float('-inf'))
    frame = frame.sort_values(['_sort', 'campaign'], ascending=[False, True], kind='stable')
    return frame[COLUMNS].reset_index(drop=True)


def build_campaign_workbook(rows, title, labels=None, subtitle=''):
    """XLSX bytes: title, header (frozen), one row per campaign, totals row."""
    labels = dict(DEFAULT_LABELS, **(labels or {}))
    table = campaign_table(rows)
    columns = [Column(key, labels[key], KINDS[key]) for key in COLUMNS]
    totals = sum_totals(table, columns, labels['total'])
    totals['roi'] = roi(totals['margin'], totals['cost'])
    totals['budget_use'] = budget_use(totals['cost'], totals['budget'])
    return table_workbook([dict(sheet_title=title, columns=columns, frame=table, title=title, subtitle=subtitle,
                                totals=totals)])
