# -*- coding: utf-8 -*-
"""Monthly sales actuals, the "actual" side of every target.

A materialized view aggregates confirmed order lines and posted customer
invoices (refunds negative) per month x company x salesperson x team x
product category.  At a million order lines this is a few thousand rows, so
the completion analysis reads it in milliseconds; the cost is freshness: a
cron refreshes it (hourly by default) and `refresh()` does it on demand."""
from odoo import api, fields, models

from ..models.res_company import ACTUAL_BASES, LAST_REFRESH_PARAM
from ..lib.admin_only import admin_only
from .caller_access import check_readable
from .local_day import local_date, tz_join
from .visible_sql import visible_rows_sql

#: monthly actuals per salesperson and team, all categories summed (derived from the main view)
PERSON_TABLE = 'sales_mis_actual_person'


class SalesActual(models.Model):
    _name = 'sales_mis.actual'
    _description = 'Monthly Sales Actuals'
    _auto = False
    _order = 'month desc'

    basis = fields.Selection(ACTUAL_BASES, readonly=True)
    month = fields.Date(readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    categ_id = fields.Many2one('product.category', string='Product Category', readonly=True)
    amount = fields.Float(readonly=True, string='Untaxed Amount')
    quantity = fields.Float(readonly=True)
    margin = fields.Float(readonly=True, help='Order basis only: untaxed amount minus cost.')
    line_count = fields.Integer(readonly=True)

    # order currency -> company currency; rates are relative to one base currency, so the
    # ratio of the two rates converts (sale.report divides by one rate only: base currency)
    _TO_COMPANY_CURRENCY = ('CASE WHEN pp.currency_id = co.currency_id THEN 1.0 '
                            'ELSE COALESCE(ccr.rate, 1.0) / COALESCE(cr.rate, 1.0) END')

    def _query(self):
        rates = self.env['res.currency']._select_companies_rates()
        return """
            WITH currency_rate AS (%(rates)s),
            actuals AS (
                SELECT 'order'::varchar AS basis,
                       date_trunc('month', {order_day})::date AS month,
                       s.company_id, s.user_id, s.team_id, t.categ_id,
                       sum(l.price_subtotal * {to_company}) AS amount,
                       sum(l.product_uom_qty) AS quantity,
                       sum((l.price_subtotal - COALESCE(l.purchase_price, 0) * l.product_uom_qty)
                           * {to_company}) AS margin,
                       count(*) AS line_count
                  FROM sale_order_line l
                  JOIN sale_order s ON s.id = l.order_id
                  LEFT JOIN product_product p ON p.id = l.product_id
                  LEFT JOIN product_template t ON t.id = p.product_tmpl_id
                  JOIN res_company co ON co.id = s.company_id
                  {tz_join}
                  LEFT JOIN product_pricelist pp ON pp.id = s.pricelist_id
                  LEFT JOIN currency_rate cr ON cr.currency_id = pp.currency_id
                       AND cr.company_id = s.company_id AND cr.date_start <= s.date_order
                       AND (cr.date_end IS NULL OR cr.date_end > s.date_order)
                  LEFT JOIN currency_rate ccr ON ccr.currency_id = co.currency_id
                       AND ccr.company_id = s.company_id AND ccr.date_start <= s.date_order
                       AND (ccr.date_end IS NULL OR ccr.date_end > s.date_order)
                 WHERE s.state IN ('sale', 'done')
                 GROUP BY 2, 3, 4, 5, 6
                UNION ALL
                -- price_subtotal_signed is in company currency and negative on refunds
                SELECT 'invoice', date_trunc('month', i.date_invoice)::date,
                       i.company_id, i.user_id, i.team_id, t.categ_id,
                       sum(l.price_subtotal_signed), sum(CASE WHEN i.type = 'out_refund'
                                                              THEN -l.quantity ELSE l.quantity END),
                       0, count(*)
                  FROM account_invoice_line l
                  JOIN account_invoice i ON i.id = l.invoice_id
                  LEFT JOIN product_product p ON p.id = l.product_id
                  LEFT JOIN product_template t ON t.id = p.product_tmpl_id
                 WHERE i.state IN ('open', 'paid') AND i.type IN ('out_invoice', 'out_refund')
                 GROUP BY 2, 3, 4, 5, 6
            )
            -- categ_left: the category's place in the tree at refresh time, so a target on a
            -- category finds its sub-categories by an index range
            SELECT row_number() OVER () AS id, actuals.*, pc.parent_left AS categ_left
              FROM actuals LEFT JOIN product_category pc ON pc.id = actuals.categ_id
        """.replace('{to_company}', self._TO_COMPANY_CURRENCY).replace('{tz_join}', tz_join('s.company_id')).replace(
            '{order_day}', local_date('COALESCE(s.confirmation_date, s.date_order)')) % {'rates': rates}

    @admin_only
    @api.model_cr
    def init(self):
        self.env.cr.execute("SELECT relkind FROM pg_class WHERE relname = %s", (self._table,))
        kind = self.env.cr.fetchone()
        if kind and kind[0] == 'v':
            self.env.cr.execute('DROP VIEW %s CASCADE' % self._table)
        elif kind:
            self.env.cr.execute('DROP MATERIALIZED VIEW %s CASCADE' % self._table)
        self.env.cr.execute('CREATE MATERIALIZED VIEW %s AS %s' % (self._table, self._query()))
        # the same without the category, ~50x smaller: what most targets (people, teams) read
        self.env.cr.execute("""
            CREATE MATERIALIZED VIEW {1} AS
            SELECT row_number() OVER () AS id, basis, company_id, month, user_id, team_id,
                   sum(amount) AS amount
              FROM {0} GROUP BY basis, company_id, month, user_id, team_id
        """.format(self._table, PERSON_TABLE))
        # the completion analysis looks each kind of target up by equality on these
        indexes = {self._table: ['user_id, month', 'team_id, categ_left', 'categ_left, month'],
                   PERSON_TABLE: ['user_id, month', 'team_id, month', 'month']}
        for table, keys in indexes.items():
            self.env.cr.execute('CREATE UNIQUE INDEX {0}_id ON {0} (id)'.format(table))
            for number, key in enumerate(keys):
                self.env.cr.execute('CREATE INDEX {0}_{1} ON {0} (basis, company_id, {2})'
                                    .format(table, number, key))

    @admin_only
    @api.model
    def refresh(self):
        """Recompute the actuals (CONCURRENTLY: readers are never blocked)."""
        self.env.cr.execute('REFRESH MATERIALIZED VIEW CONCURRENTLY %s' % self._table)
        self.env.cr.execute('REFRESH MATERIALIZED VIEW CONCURRENTLY %s' % PERSON_TABLE)
        self.env['ir.config_parameter'].sudo().set_param(LAST_REFRESH_PARAM, fields.Datetime.now())
        self.invalidate_cache()
        return True

    #: SQL key per split dimension; a category collects the sales of its sub-categories
    _HISTORY_KEYS = {
        'team': ('a.team_id', ''),
        'salesperson': ('a.user_id', ''),
        'month': ("(a.month + interval '1 year')::date", ''),
        'category': ('anc.id', 'JOIN product_category anc ON ac.parent_left >= anc.parent_left '
                               'AND ac.parent_left < anc.parent_right'),
    }

    @api.model
    def _history_by(self, line, dimension):
        """Last year's actuals of `line`'s scope and period, by `dimension`:
        {team id | user id | category id | this year's month (date): amount}."""
        key, join = self._HISTORY_KEYS[dimension]
        # only the actuals the caller may read: a split never reveals other teams' sales
        check_readable(self.env, self._name, 'sales_mis.plan.line')
        line.check_access_rule('read')
        visible, params = visible_rows_sql(self)
        self.env.cr.execute("""
            SELECT {key}, sum(a.amount)
              FROM ({visible}) a
              JOIN res_company c ON c.id = a.company_id AND c.sales_mis_actual_basis = a.basis
              LEFT JOIN product_category ac ON ac.id = a.categ_id
              {join}
              LEFT JOIN product_category lc ON lc.id = %(categ)s
             WHERE a.company_id = %(company)s
               AND a.month >= (%(date_from)s::date - interval '1 year')
               AND a.month <= (%(date_to)s::date - interval '1 year')
               AND (%(team)s IS NULL OR a.team_id = %(team)s)
               AND (%(user)s IS NULL OR a.user_id = %(user)s)
               AND (lc.id IS NULL OR (ac.parent_left >= lc.parent_left AND ac.parent_left < lc.parent_right))
             GROUP BY 1
        """.format(key=key, join=join, visible=visible), dict(params, **{
            'categ': line.categ_id.id or None, 'company': line.company_id.id,
            'date_from': line.date_from, 'date_to': line.date_to,
            'team': line.team_id.id or None, 'user': line.user_id.id or None}))
        rows = self.env.cr.fetchall()
        if dimension == 'month':  # Odoo's cursor returns dates as strings; the wizard's keys are dates
            return {fields.Date.from_string(k): amount for k, amount in rows if k}
        return {k: amount for k, amount in rows if k is not None}
