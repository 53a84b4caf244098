# -*- coding: utf-8 -*-
"""Customer arrears 顾客欠款表 (D6, F5) with aging 账龄.

One row per open customer invoice or refund: what is still owed (company
currency, refunds negative so they net out per customer) and, in one column
per aging bucket, the same amount by how far past due it is today.  The XLSX
report ages the same invoices as of any date (`aged_rows`)."""
from odoo import api, fields, models, tools

from ..reporting.aging import BUCKETS, bucket_sql
from ..lib.rpc_input import day_arg
from ..reporting.periods import period_starts
from .visible_sql import visible_rows_sql
from .caller_access import check_readable
from .local_day import local_today, tz_join
from ..lib.admin_only import admin_only

BUCKET_LABELS = [
    ('not_due', 'Not Due'),
    ('days_1_30', '1-30 Days'),
    ('days_31_60', '31-60 Days'),
    ('days_61_90', '61-90 Days'),
    ('days_over_90', 'Over 90 Days'),
]


def _arrears_query(as_of=None):
    """Open receivables per invoice as of `as_of` (None: today, from the stored residual).
    As of an earlier date, what was reconciled after it is added back to the residual and
    later invoices are left out."""
    if as_of is None:
        return """
            SELECT inv.id, inv.id AS invoice_id, inv.type AS invoice_type, inv.commercial_partner_id AS partner_id,
                   inv.user_id, inv.team_id, inv.company_id, inv.date_invoice, inv.date_due,
                   inv.amount_total_company_signed AS amount_total, inv.residual_company_signed AS residual,
                   %s - COALESCE(inv.date_due, inv.date_invoice) AS days_overdue
              FROM account_invoice inv %s
             WHERE inv.type IN ('out_invoice', 'out_refund') AND inv.state = 'open'
        """ % (local_today(), tz_join('inv.company_id'))
    return """
        WITH later AS (
            SELECT debit_move_id AS line_id, amount FROM account_partial_reconcile WHERE max_date > %(as_of)s::date
            UNION ALL
            SELECT credit_move_id, amount FROM account_partial_reconcile WHERE max_date > %(as_of)s::date
        ),
        settled_later AS (
            -- the invoice's own receivable lines: in its move, on its account
            SELECT inv.id AS invoice_id, sum(later.amount) AS amount
              FROM later
              JOIN account_move_line il ON il.id = later.line_id
              JOIN account_invoice inv ON inv.move_id = il.move_id AND inv.account_id = il.account_id
             WHERE inv.type IN ('out_invoice', 'out_refund')
             GROUP BY inv.id
        )
        SELECT inv.id, inv.id AS invoice_id, inv.type AS invoice_type, inv.commercial_partner_id AS partner_id,
               inv.user_id, inv.team_id, inv.company_id, inv.date_invoice, inv.date_due,
               inv.amount_total_company_signed AS amount_total,
               inv.residual_company_signed
                   + COALESCE(s.amount, 0) * CASE WHEN inv.type = 'out_refund' THEN -1 ELSE 1 END AS residual,
               %(as_of)s::date - COALESCE(inv.date_due, inv.date_invoice) AS days_overdue
          FROM account_invoice inv
          LEFT JOIN settled_later s ON s.invoice_id = inv.id
         WHERE inv.type IN ('out_invoice', 'out_refund') AND inv.date_invoice <= %(as_of)s::date
           AND (inv.state = 'open' OR (inv.state = 'paid' AND s.invoice_id IS NOT NULL))
    """


class Arrears(models.Model):
    _name = 'sales_mis.arrears'
    _description = 'Customer Arrears'
    _auto = False
    _order = 'days_overdue desc, id'

    invoice_id = fields.Many2one('account.invoice', string='Invoice', readonly=True)
    invoice_type = fields.Selection([('out_invoice', 'Customer Invoice'), ('out_refund', 'Customer Refund')],
                                    string='Document Type', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True)
    date_invoice = fields.Date(string='Invoice Date', readonly=True)
    date_due = fields.Date(string='Due Date', readonly=True)
    days_overdue = fields.Integer(string='Days Past Due', readonly=True, group_operator='max')
    aging = fields.Selection(BUCKET_LABELS, string='Aging', readonly=True)
    amount_total = fields.Float(string='Invoiced Amount', readonly=True)
    residual = fields.Float(string='Amount Due', readonly=True)
    overdue = fields.Float(string='Overdue', readonly=True, help='Amount due past its due date.')
    not_due = fields.Float(string='Not Due', readonly=True)
    days_1_30 = fields.Float(string='1-30 Days', readonly=True)
    days_31_60 = fields.Float(string='31-60 Days', readonly=True)
    days_61_90 = fields.Float(string='61-90 Days', readonly=True)
    days_over_90 = fields.Float(string='Over 90 Days', readonly=True)

    @admin_only
    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        buckets = ',\n'.join("CASE WHEN aging = '{0}' THEN residual ELSE 0 END AS {0}".format(key)
                             for key, _first, _last in BUCKETS)
        self.env.cr.execute("""
            CREATE VIEW {table} AS
            SELECT open.*, CASE WHEN days_overdue > 0 THEN residual ELSE 0 END AS overdue, {buckets}
              FROM (SELECT q.*, {aging} AS aging FROM ({query}) q) open
        """.format(table=self._table, buckets=buckets, aging=bucket_sql('q.days_overdue'),
                   query=_arrears_query()))

    @api.model
    def aged_rows(self, as_of):
        """Receivables open on `as_of` that the current user may see (this model's record rules),
        as dicts: invoice_id, invoice_type, partner, salesperson, team, date_invoice, date_due,
        residual, days_overdue."""
        check_readable(self.env, self._name)
        as_of = day_arg(self.env, as_of, required=True)
        if fields.Date.to_string(period_starts(as_of)[0]) >= fields.Date.context_today(self):
            as_of = None   # today's residuals are stored
        visible, params = visible_rows_sql(self)
        # the rules select from this view; the same columns computed on `as_of` take its place
        visible = visible.replace(' FROM "%s"' % self._table,
                                  ' FROM (%s) AS "%s"' % (_arrears_query(as_of), self._table), 1)
        self.env.cr.execute("""
            SELECT a.invoice_id, a.invoice_type, p.name AS partner, up.name AS salesperson, t.name AS team,
                   a.date_invoice, a.date_due, a.residual, a.days_overdue
              FROM ({visible}) a
              JOIN res_partner p ON p.id = a.partner_id
              LEFT JOIN res_users u ON u.id = a.user_id
              LEFT JOIN res_partner up ON up.id = u.partner_id
              LEFT JOIN crm_team t ON t.id = a.team_id
             WHERE a.residual <> 0
             ORDER BY p.name, a.date_due
        """.format(visible=visible), dict(params, as_of=as_of))
        return self.env.cr.dictfetchall()
