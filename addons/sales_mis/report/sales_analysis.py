# -*- coding: utf-8 -*-
"""Sales analysis and trends (F1): invoiced sales net of refunds per month by
product, customer, region and team, with the previous month's and the same
month last year's sales beside each figure (MoM, YoY).

A materialized view: the month aggregates of the invoice lines, plus each
aggregate again shifted one month and one year later as "previous month" and
"last year".  Grouping by month then puts a month's sales next to the month
before and the year before, at every level of the pivot; the growth rates are
ratios of the sums (read_group).  Refreshed with the monthly actuals (cron,
hourly) and on demand."""
from odoo import api, fields, models

from ..lib.read_group_fields import with_groupby_fields
from ..reporting.trends import growth
from ..lib.admin_only import admin_only
from .local_day import local_today, tz_join

#: the same sums per month, salesperson and team only (~100x smaller): what most pivots ask
TEAM_TABLE = 'sales_mis_sales_analysis_team'
TEAM_FIELDS = {'id', 'month', 'company_id', 'user_id', 'team_id', 'quantity', 'amount', 'amount_prev_month',
               'amount_prev_year', 'mom', 'yoy', '__count'}


def _field_names(domain):
    return {leaf[0].split('.')[0] for leaf in domain if isinstance(leaf, (list, tuple)) and len(leaf) == 3}


class SalesAnalysis(models.Model):
    _name = 'sales_mis.sales.analysis'
    _description = 'Sales Analysis and Trends'
    _auto = False
    _order = 'month desc'

    month = fields.Date(string='Month', readonly=True)
    product_id = fields.Many2one('product.product', string='Product', readonly=True)
    categ_id = fields.Many2one('product.category', string='Product Category', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    country_id = fields.Many2one('res.country', string='Country', readonly=True)
    state_id = fields.Many2one('res.country.state', string='Region', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True)
    quantity = fields.Float(string='Quantity', readonly=True)
    amount = fields.Float(string='Invoiced Sales', readonly=True,
                          help='Invoiced untaxed amount net of refunds, whatever the actuals basis of the '
                               'plan completion (confirmed orders or invoices).')
    amount_prev_month = fields.Float(string='Previous Month', readonly=True)
    amount_prev_year = fields.Float(string='Same Month Last Year', readonly=True)
    mom = fields.Float(string='MoM Growth (%)', readonly=True, group_operator='avg',
                       help='Sales / previous month - 1, of the sums of the group.')
    yoy = fields.Float(string='YoY Growth (%)', readonly=True, group_operator='avg',
                       help='Sales / same month last year - 1, of the sums of the group.')

    @admin_only
    @api.model_cr
    def init(self):
        self.env.cr.execute("SELECT relkind FROM pg_class WHERE relname = %s", (self._table,))
        kind = self.env.cr.fetchone()
        if kind:
            self.env.cr.execute('DROP %s %s CASCADE' % ('VIEW' if kind[0] == 'v' else 'MATERIALIZED VIEW',
                                                        self._table))
        dims = 'company_id, user_id, team_id, partner_id, country_id, state_id, product_id, categ_id'
        self.env.cr.execute("""
            CREATE MATERIALIZED VIEW {table} AS
            WITH base AS (
                SELECT date_trunc('month', date)::date AS month, {dims},
                       sum(amount) AS amount, sum(quantity) AS quantity
                  FROM sales_mis_sales_line GROUP BY month, {dims}
            ),
            shifted AS (
                SELECT month, {dims}, amount, quantity, 0.0 AS amount_prev_month, 0.0 AS amount_prev_year
                  FROM base
                UNION ALL
                SELECT (month + interval '1 month')::date, {dims}, 0, 0, amount, 0 FROM base {tz_join}
                 WHERE month < date_trunc('month', {today})
                UNION ALL
                SELECT (month + interval '1 year')::date, {dims}, 0, 0, 0, amount FROM base {tz_join}
                 WHERE month + interval '1 year' <= date_trunc('month', {today})
            )
            SELECT row_number() OVER () AS id, month, {dims},
                   sum(amount) AS amount, sum(quantity) AS quantity,
                   sum(amount_prev_month) AS amount_prev_month, sum(amount_prev_year) AS amount_prev_year,
                   NULL::float AS mom, NULL::float AS yoy
              FROM shifted GROUP BY month, {dims}
        """.format(table=self._table, dims=dims, tz_join=tz_join('base.company_id'), today=local_today()))
        self.env.cr.execute('CREATE UNIQUE INDEX {0}_id ON {0} (id)'.format(self._table))
        self.env.cr.execute('CREATE INDEX {0}_month ON {0} (month, team_id)'.format(self._table))
        self.env.cr.execute("""
            CREATE MATERIALIZED VIEW {1} AS
            SELECT row_number() OVER () AS id, month, company_id, user_id, team_id,
                   sum(amount) AS amount, sum(quantity) AS quantity, sum(amount_prev_month) AS amount_prev_month,
                   sum(amount_prev_year) AS amount_prev_year, NULL::float AS mom, NULL::float AS yoy
              FROM {0} GROUP BY month, company_id, user_id, team_id
        """.format(self._table, TEAM_TABLE))
        self.env.cr.execute('CREATE UNIQUE INDEX {0}_id ON {0} (id)'.format(TEAM_TABLE))
        self.env.cr.execute('CREATE INDEX {0}_month ON {0} (month, team_id)'.format(TEAM_TABLE))

    @admin_only
    @api.model
    def refresh(self):
        self.env.cr.execute('REFRESH MATERIALIZED VIEW CONCURRENTLY %s' % self._table)
        self.env.cr.execute('REFRESH MATERIALIZED VIEW CONCURRENTLY %s' % TEAM_TABLE)
        self.invalidate_cache()
        return True

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """MoM and YoY of a group are growth rates of its sums.  Groupings by month, team and
        salesperson only read the small per-team aggregate (same rules, same sums)."""
        if self._name == 'sales_mis.sales.analysis':
            used = {f.split(':')[0] for f in fields} | {g.split(':')[0] for g in (
                [groupby] if isinstance(groupby, str) else groupby or [])} | _field_names(domain)
            if orderby:
                used |= {term.split()[0] for term in orderby.split(',') if term.strip()}
            if used <= TEAM_FIELDS:
                return self.env['sales_mis.sales.analysis.team'].read_group(
                    domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        wanted = [f.split(':')[0] for f in fields]
        extra = []
        if 'mom' in wanted or 'yoy' in wanted:
            extra = [f for f in ('amount', 'amount_prev_month', 'amount_prev_year') if f not in wanted]
        groups = super(SalesAnalysis, self).read_group(domain, with_groupby_fields(fields + extra, groupby, lazy),
                                                       groupby, offset=offset, limit=limit, orderby=orderby,
                                                       lazy=lazy)
        for group in groups:
            if 'mom' in wanted:
                group['mom'] = growth(group.get('amount'), group.get('amount_prev_month'))
            if 'yoy' in wanted:
                group['yoy'] = growth(group.get('amount'), group.get('amount_prev_year'))
            for key, value in group.items():  # sums over no row: None, which XML-RPC cannot send
                if value is None:
                    group[key] = False
        return groups


class SalesAnalysisTeam(models.Model):
    """Sales analysis per month, salesperson and team (see SalesAnalysis.read_group)."""
    _name = 'sales_mis.sales.analysis.team'
    _inherit = 'sales_mis.sales.analysis'
    _description = 'Sales Analysis by Team'
    _table = TEAM_TABLE
    _auto = False

    product_id = fields.Many2one(store=False)
    categ_id = fields.Many2one(store=False)
    partner_id = fields.Many2one(store=False)
    country_id = fields.Many2one(store=False)
    state_id = fields.Many2one(store=False)

    @admin_only
    @api.model_cr
    def init(self):
        pass  # made by SalesAnalysis.init from its view
