# -*- coding: utf-8 -*-
"""The standard reports (F1-F5) as XLSX files, for downloads and scheduled e-mails.

Each report reads its model as the current user, so record rules decide whose
figures are in it; captions follow the language of the context."""
import base64
import datetime

import pandas as pd

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..reporting.arrears_frame import arrears_by_customer
from ..reporting.periods import last_months, period_starts
from ..reporting.xlsx_table import build_table_workbook
from ..lib.rpc_input import day_arg
from ..report.visible_sql import visible_rows_sql
from ..report.caller_access import check_readable

REPORT_TYPES = [
    ('sales_analysis', 'Sales Analysis and Trends'),
    ('product_daily', 'Product Sales Daily Report'),
    ('collection_detail', 'Collection Detail Daily Report'),
    ('collection_summary', 'Collection Summary Daily Report'),
    ('arrears', 'Customer Arrears'),
]

#: the models whose figures each report returns (the caller must be allowed to read them)
REPORT_MODELS = {
    'sales_analysis': ('sales_mis.sales.analysis',),
    'product_daily': ('sales_mis.sales.line',),
    'collection_detail': ('sales_mis.collection',),
    'collection_summary': ('sales_mis.collection',),
    'arrears': ('sales_mis.arrears',),
}


class ReportExport(models.AbstractModel):
    _name = 'sales_mis.report.export'
    _description = 'Sales MIS Report Export'

    @api.model
    @api.returns('self', lambda value: [value[0], base64.b64encode(value[1]).decode()])
    def build(self, report_type, day=None):
        """(file name, XLSX bytes) of `report_type` for `day` (date or 'YYYY-MM-DD'; default today).
        Over XML-RPC the bytes come base64-encoded, as Odoo's binary fields."""
        if not isinstance(report_type, str) or report_type not in dict(REPORT_TYPES):
            raise UserError(_('Unknown report: %s') % report_type)
        check_readable(self.env, *REPORT_MODELS[report_type])
        day = period_starts(day_arg(self.env, day) or fields.Date.context_today(self))[0]
        frame, columns, title = getattr(self, '_report_%s' % report_type)(day)
        subtitle = _('Date: %s') % day.isoformat()
        data = build_table_workbook(frame, columns, title, subtitle, total_label=_('Total'))
        return '%s-%s.xlsx' % (report_type, day.isoformat()), data

    # -- F1 -------------------------------------------------------------------------------
    @api.model
    def _report_sales_analysis(self, day):
        months = last_months(day, 12)
        groups = self.env['sales_mis.sales.analysis'].read_group(
            [('month', '>=', fields.Date.to_string(months[0])), ('month', '<=', fields.Date.to_string(months[-1]))],
            ['month', 'team_id', 'amount', 'amount_prev_month', 'amount_prev_year'],
            ['month:month', 'team_id'], lazy=False, orderby='month')
        rows = [{'month': next(t[2] for t in g['__domain'] if t[0] == 'month' and t[1] == '>=')[:7],
                 'team': g['team_id'][1] if g['team_id'] else '',
                 'amount': g['amount'], 'prev_month': g['amount_prev_month'], 'prev_year': g['amount_prev_year']}
                for g in groups]
        frame = pd.DataFrame(rows, columns=['month', 'team', 'amount', 'prev_month', 'prev_year'])
        frame = frame.sort_values(['month', 'team']).reset_index(drop=True)
        for column, base in (('mom', 'prev_month'), ('yoy', 'prev_year')):
            frame[column] = ((frame['amount'] - frame[base]) / frame[base].abs()).where(frame[base] != 0)
        columns = [('month', _('Month'), 'text'), ('team', _('Sales Team'), 'text'),
                   ('amount', _('Sales'), 'money'), ('prev_month', _('Previous Month'), 'money'),
                   ('mom', _('MoM Growth'), 'percent:growth:amount/prev_month'),
                   ('prev_year', _('Same Month Last Year'), 'money'),
                   ('yoy', _('YoY Growth'), 'percent:growth:amount/prev_year')]
        return frame, columns, _('Sales Analysis and Trends')

    # -- F2 -------------------------------------------------------------------------------
    @api.model
    def product_daily_rows(self, day):
        """Per product: quantity and amount of `day`, month to date and year to date, net of refunds,
        of the invoiced sales the current user may see (one query)."""
        check_readable(self.env, 'sales_mis.sales.line')
        day, month_start, year_start = period_starts(day_arg(self.env, day, required=True))
        visible, params = visible_rows_sql(self.env['sales_mis.sales.line'])
        self.env.cr.execute("""
            SELECT s.product_id, COALESCE(pp.default_code, '') AS code, COALESCE(pt.name, '') AS product,
                   sum(s.quantity) FILTER (WHERE s.date = %(day)s) AS day_qty,
                   sum(s.amount) FILTER (WHERE s.date = %(day)s) AS day_amount,
                   sum(s.quantity) FILTER (WHERE s.date >= %(month)s) AS mtd_qty,
                   sum(s.amount) FILTER (WHERE s.date >= %(month)s) AS mtd_amount,
                   sum(s.quantity) AS ytd_qty, sum(s.amount) AS ytd_amount
              FROM ({visible}) s
              LEFT JOIN product_product pp ON pp.id = s.product_id
              LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE s.date >= %(year)s AND s.date <= %(day)s
             GROUP BY s.product_id, pp.default_code, pt.name
            HAVING sum(s.amount) FILTER (WHERE s.date >= %(month)s) <> 0
                OR sum(s.quantity) FILTER (WHERE s.date >= %(month)s) <> 0
             ORDER BY sum(s.amount) FILTER (WHERE s.date = %(day)s) DESC NULLS LAST,
                      sum(s.amount) FILTER (WHERE s.date >= %(month)s) DESC NULLS LAST, pt.name
        """.format(visible=visible), dict(params, day=day, month=month_start, year=year_start))
        rows = self.env.cr.dictfetchall()
        for row in rows:
            for key in ('day_qty', 'day_amount', 'mtd_qty', 'mtd_amount', 'ytd_qty', 'ytd_amount'):
                row[key] = row[key] or 0.0
        return rows

    @api.model
    def _report_product_daily(self, day):
        keys = ['code', 'product', 'day_qty', 'day_amount', 'mtd_qty', 'mtd_amount', 'ytd_qty', 'ytd_amount']
        frame = pd.DataFrame(self.product_daily_rows(day), columns=keys)
        columns = [('code', _('Internal Reference'), 'text'), ('product', _('Product'), 'text'),
                   ('day_qty', _('Quantity of the Day'), 'quantity'), ('day_amount', _('Sales of the Day'), 'money'),
                   ('mtd_qty', _('Quantity Month to Date'), 'quantity'),
                   ('mtd_amount', _('Sales Month to Date'), 'money'),
                   ('ytd_qty', _('Quantity Year to Date'), 'quantity'),
                   ('ytd_amount', _('Sales Year to Date'), 'money')]
        return frame, columns, _('Product Sales Daily Report')

    # -- F3 -------------------------------------------------------------------------------
    @api.model
    def collection_detail_rows(self, day):
        """The collections of `day` the current user may see, with the names to print (one query)."""
        check_readable(self.env, 'sales_mis.collection')
        day = day_arg(self.env, day, required=True)
        visible, params = visible_rows_sql(self.env['sales_mis.collection'])
        self.env.cr.execute("""
            SELECT COALESCE(p.name, '') AS partner, COALESCE(inv.number, inv.move_name, '') AS invoice,
                   c.invoice_type, COALESCE(pay.name, '') AS payment, COALESCE(j.name, '') AS journal,
                   COALESCE(up.name, '') AS salesperson, COALESCE(t.name, '') AS team, c.amount
              FROM ({visible}) c
              LEFT JOIN res_partner p ON p.id = c.partner_id
              LEFT JOIN account_invoice inv ON inv.id = c.invoice_id
              LEFT JOIN account_payment pay ON pay.id = c.payment_id
              LEFT JOIN account_journal j ON j.id = c.journal_id
              LEFT JOIN res_users u ON u.id = c.user_id
              LEFT JOIN res_partner up ON up.id = u.partner_id
              LEFT JOIN crm_team t ON t.id = c.team_id
             WHERE c.date = %(day)s
             ORDER BY p.name, inv.number, c.id
        """.format(visible=visible), dict(params, day=period_starts(day)[0]))
        return self.env.cr.dictfetchall()

    @api.model
    def _report_collection_detail(self, day):
        types = dict(self.env['sales_mis.collection']._fields['invoice_type']._description_selection(self.env))
        rows = [dict(row, type=types.get(row['invoice_type'], '')) for row in self.collection_detail_rows(day)]
        keys = ['partner', 'invoice', 'type', 'payment', 'journal', 'salesperson', 'team', 'amount']
        frame = pd.DataFrame(rows, columns=keys)
        columns = [('partner', _('Customer'), 'text'), ('invoice', _('Invoice'), 'text'),
                   ('type', _('Document Type'), 'text'), ('payment', _('Payment'), 'text'),
                   ('journal', _('Payment Journal'), 'text'), ('salesperson', _('Salesperson'), 'text'),
                   ('team', _('Sales Team'), 'text'), ('amount', _('Collected Amount'), 'money')]
        return frame, columns, _('Collection Detail Daily Report')

    # -- F4 -------------------------------------------------------------------------------
    @api.model
    def collection_summary_rows(self, day):
        """Per (team, salesperson): collected on `day`, month to date and year to date."""
        check_readable(self.env, 'sales_mis.collection')
        day, month_start, year_start = period_starts(day_arg(self.env, day, required=True))
        visible, params = visible_rows_sql(self.env['sales_mis.collection'])
        self.env.cr.execute("""
            SELECT c.team_id, c.user_id, COALESCE(t.name, '') AS team, COALESCE(up.name, '') AS salesperson,
                   COALESCE(sum(c.amount) FILTER (WHERE c.date = %(day)s), 0) AS day_amount,
                   COALESCE(sum(c.amount) FILTER (WHERE c.date >= %(month)s), 0) AS mtd_amount,
                   COALESCE(sum(c.amount), 0) AS ytd_amount
              FROM ({visible}) c
              LEFT JOIN crm_team t ON t.id = c.team_id
              LEFT JOIN res_users u ON u.id = c.user_id
              LEFT JOIN res_partner up ON up.id = u.partner_id
             WHERE c.date >= %(year)s AND c.date <= %(day)s
             GROUP BY c.team_id, c.user_id, t.name, up.name
             ORDER BY t.name, up.name
        """.format(visible=visible), dict(params, day=day, month=month_start, year=year_start))
        return self.env.cr.dictfetchall()

    @api.model
    def _report_collection_summary(self, day):
        keys = ['team', 'salesperson', 'day_amount', 'mtd_amount', 'ytd_amount']
        frame = pd.DataFrame(self.collection_summary_rows(day), columns=keys)
        columns = [('team', _('Sales Team'), 'text'), ('salesperson', _('Salesperson'), 'text'),
                   ('day_amount', _('Collected Today'), 'money'),
                   ('mtd_amount', _('Collected Month to Date'), 'money'),
                   ('ytd_amount', _('Collected Year to Date'), 'money')]
        return frame, columns, _('Collection Summary Daily Report')

    # -- F5 -------------------------------------------------------------------------------
    @api.model
    def _report_arrears(self, day):
        frame = arrears_by_customer(self.env['sales_mis.arrears'].aged_rows(day))
        columns = [('partner', _('Customer'), 'text'), ('salesperson', _('Salesperson'), 'text'),
                   ('team', _('Sales Team'), 'text'), ('residual', _('Amount Due'), 'money'),
                   ('overdue', _('Overdue'), 'money'), ('not_due', _('Not Due'), 'money'),
                   ('days_1_30', _('1-30 Days'), 'money'), ('days_31_60', _('31-60 Days'), 'money'),
                   ('days_61_90', _('61-90 Days'), 'money'), ('days_over_90', _('Over 90 Days'), 'money')]
        return frame, columns, _('Customer Arrears')
