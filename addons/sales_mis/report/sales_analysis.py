# -*- coding: utf-8 -*-
"""Sales analysis and trends (F1): invoiced sales net of refunds per month by
product, customer, region and team, with the previous month's and the same
month last year's sales beside each figure (MoM, YoY).

A table: the month aggregates of the invoice lines, plus each aggregate again
shifted one month and one year later as "previous month" and "last year".
Grouping by month then puts a month's sales next to the month before and the
year before, at every level of the pivot; the growth rates are ratios of the
sums (read_group).  Kept up to date with the monthly actuals by the pass every
minute (sales_mis.actual.refresh): a salesperson's month whose invoices changed
is recomputed where it shows, as itself, as the next month's "previous month"
and as next year's "last year"; rebuilt in full at the start of a month (every
row of the new month changes), nightly and when its definition changes."""
import hashlib

from odoo import api, fields, models

from ..lib.read_group_fields import with_groupby_fields
from ..reporting.trends import growth
from ..lib.admin_only import admin_only
from .freshness import with_as_of
from .local_day import local_today, tz_join
from .touched_months import KEYS_TABLE, set_param, touched_docs

#: the same sums per month, salesperson and team only (~100x smaller): what most pivots ask
TEAM_TABLE = 'sales_mis_sales_analysis_team'
DEFINITION_PARAM = 'sales_mis.sales_analysis_definition'
#: the local month of each company at the last pass: a new month shows last month as "previous"
MONTHS_PARAM = 'sales_mis.sales_analysis_months'
#: the month aggregates of the invoice lines (what the analysis shifts; a pass recomputes the
#: salesperson-months whose invoices changed, then the analysis rows from here)
BASE_TABLE = 'sales_mis_sales_analysis_base'
#: the months a pass recomputes (company_id, month, user_id)
TARGETS_TABLE = 'sales_mis_analysis_targets'
#: rows of a table aliased `a` whose (company, month, salesperson) is a target
TARGET_MATCH = ('WHERE EXISTS (SELECT 1 FROM %s t WHERE t.company_id = a.company_id AND t.month = a.month '
                'AND COALESCE(t.user_id, 0) = COALESCE(a.user_id, 0))')
DIMS = 'company_id, user_id, team_id, partner_id, country_id, state_id, product_id, categ_id'
COLUMNS = 'month, %s, amount, quantity, amount_prev_month, amount_prev_year, mom, yoy' % DIMS
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

    def _base_sql(self, touched):
        """INSERT of the month aggregates of the invoice lines: all, or (`touched`) those of the
        salesperson-months in KEYS_TABLE, from their invoices only."""
        return """INSERT INTO {base} (month, {dims}, amount, quantity)
                  SELECT date_trunc('month', date)::date, {dims}, sum(amount), sum(quantity)
                    FROM sales_mis_sales_line {where} GROUP BY 1, {dims}
               """.format(base=BASE_TABLE, dims=DIMS, where='WHERE invoice_id IN %s' % touched_docs('invoice')
                          if touched else '')

    def _query(self, touched=False):
        """SELECT of the analysis rows from the month aggregates: all, or (`touched`) those of
        the (company, month, salesperson) in the temporary table TARGETS_TABLE, from the
        aggregates of these months, the month before and the month a year before."""
        sources = targets = ''
        if touched:
            # (equalities only, with NULL salespeople as 0: the planner can hash them)
            sources = """WHERE (b.company_id, b.month, COALESCE(b.user_id, 0)) IN (
                             SELECT t.company_id, v.month, COALESCE(t.user_id, 0) FROM {0} t,
                                    LATERAL (VALUES (t.month), ((t.month - interval '1 month')::date),
                                                    ((t.month - interval '1 year')::date)) v(month))
                      """.format(TARGETS_TABLE)
            targets = ('WHERE EXISTS (SELECT 1 FROM %s t WHERE t.company_id = shifted.company_id '
                       'AND t.month = shifted.month AND COALESCE(t.user_id, 0) = COALESCE(shifted.user_id, 0))'
                       % TARGETS_TABLE)
        return """
            WITH base AS (
                SELECT * FROM {base} b {sources}
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
            SELECT month, {dims},
                   sum(amount) AS amount, sum(quantity) AS quantity,
                   sum(amount_prev_month) AS amount_prev_month, sum(amount_prev_year) AS amount_prev_year,
                   NULL::float AS mom, NULL::float AS yoy
              FROM shifted {targets} GROUP BY month, {dims}
        """.format(dims=DIMS, tz_join=tz_join('base.company_id'), today=local_today(), sources=sources,
                   targets=targets, base=BASE_TABLE)

    def _team_sql(self, touched):
        return """INSERT INTO {1} (month, company_id, user_id, team_id, amount, quantity, amount_prev_month,
                                   amount_prev_year)
                  SELECT month, company_id, user_id, team_id, sum(amount), sum(quantity), sum(amount_prev_month),
                         sum(amount_prev_year) FROM {0} a {2} GROUP BY month, company_id, user_id, team_id
               """.format(self._table, TEAM_TABLE, TARGET_MATCH % TARGETS_TABLE if touched else '')

    def _definition(self):
        return hashlib.sha1((self._base_sql(False) + self._query() + self._team_sql(False) + 'v3').encode('utf-8')).hexdigest()

    @admin_only
    @api.model_cr
    def init(self):
        """Create the tables and build them, unless they exist with this definition."""
        cr = self.env.cr
        cr.execute("SELECT relkind FROM pg_class WHERE relname = %s", (self._table,))
        kind = cr.fetchone()
        cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", (DEFINITION_PARAM,))
        stored = cr.fetchone()
        if kind and kind[0] == 'r' and stored and stored[0] == self._definition():
            return
        for table in (self._table, TEAM_TABLE, BASE_TABLE):
            cr.execute("SELECT relkind FROM pg_class WHERE relname = %s", (table,))
            kind = cr.fetchone()
            if kind:
                cr.execute('DROP %s %s CASCADE' % (
                    {'v': 'VIEW', 'm': 'MATERIALIZED VIEW'}.get(kind[0], 'TABLE'), table))
        cr.execute("""CREATE TABLE {0} (id serial PRIMARY KEY, month date, company_id integer, user_id integer,
                          team_id integer, partner_id integer, country_id integer, state_id integer,
                          product_id integer, categ_id integer, amount numeric, quantity numeric,
                          amount_prev_month numeric, amount_prev_year numeric, mom float, yoy float)
                   """.format(self._table))
        cr.execute("""CREATE TABLE {0} (id serial PRIMARY KEY, month date, company_id integer, user_id integer,
                          team_id integer, amount numeric, quantity numeric, amount_prev_month numeric,
                          amount_prev_year numeric, mom float, yoy float)""".format(TEAM_TABLE))
        cr.execute("""CREATE TABLE {0} (month date, company_id integer, user_id integer, team_id integer,
                          partner_id integer, country_id integer, state_id integer, product_id integer,
                          categ_id integer, amount numeric, quantity numeric)""".format(BASE_TABLE))
        cr.execute('CREATE INDEX {0}_key ON {0} (company_id, user_id, month)'.format(BASE_TABLE))
        for table in (self._table, TEAM_TABLE):
            cr.execute('CREATE INDEX {0}_month ON {0} (month, team_id)'.format(table))
            cr.execute('CREATE INDEX {0}_company_month ON {0} (company_id, month)'.format(table))
        self._rebuild()
        set_param(self.env, DEFINITION_PARAM, self._definition())

    def _company_months(self):
        self.env.cr.execute("SELECT string_agg(c.id || ':' || date_trunc('month', {today})::date, ',' ORDER BY c.id) "
                            "FROM res_company c {tz_join}".format(today=local_today(), tz_join=tz_join('c.id')))
        return self.env.cr.fetchone()[0] or ''

    @admin_only
    @api.model
    def _rebuild(self):
        cr = self.env.cr
        cr.execute('TRUNCATE %s, %s, %s' % (self._table, TEAM_TABLE, BASE_TABLE))
        cr.execute(self._base_sql(False))
        cr.execute('ANALYZE %s' % BASE_TABLE)
        cr.execute('INSERT INTO %s (%s) %s' % (self._table, COLUMNS, self._query()))
        cr.execute(self._team_sql(False))
        cr.execute('ANALYZE %s' % self._table)
        cr.execute('ANALYZE %s' % TEAM_TABLE)
        set_param(self.env, MONTHS_PARAM, self._company_months())
        self.invalidate_cache()
        return True

    @admin_only
    @api.model
    def _refresh_touched(self):
        """Recompute the rows of the invoice salesperson-months in KEYS_TABLE (filled by the
        actuals' pass), as themselves, next month's previous month and next year's last year.
        On a new local month (once a month) rebuild: every row of the new month changes."""
        cr = self.env.cr
        if self._company_months() != self.env['ir.config_parameter'].sudo().get_param(MONTHS_PARAM):
            return self._rebuild()
        cr.execute("SELECT 1 FROM %s WHERE basis = 'invoice' LIMIT 1" % KEYS_TABLE)
        if not cr.fetchone():
            return True
        cr.execute("DELETE FROM {0} a USING (SELECT DISTINCT * FROM {1} WHERE basis = 'invoice') k "
                   "WHERE a.company_id = k.company_id AND a.month = k.month AND COALESCE(a.user_id, 0) = COALESCE(k.user_id, 0)"
                   .format(BASE_TABLE, KEYS_TABLE))
        cr.execute(self._base_sql(True))
        cr.execute('DROP TABLE IF EXISTS %s' % TARGETS_TABLE)
        cr.execute("""CREATE TEMP TABLE {0} AS
                      SELECT DISTINCT k.company_id, v.month, k.user_id FROM {1} k, LATERAL (VALUES (k.month),
                          ((k.month + interval '1 month')::date), ((k.month + interval '1 year')::date)) v(month)
                       WHERE k.basis = 'invoice'""".format(TARGETS_TABLE, KEYS_TABLE))
        cr.execute('ANALYZE %s' % TARGETS_TABLE)
        for table in (self._table, TEAM_TABLE):
            cr.execute('DELETE FROM {0} a {1}'.format(table, TARGET_MATCH % TARGETS_TABLE))
        cr.execute('INSERT INTO %s (%s) %s' % (self._table, COLUMNS, self._query(touched=True)))
        cr.execute(self._team_sql(True))
        cr.execute('DROP TABLE %s' % TARGETS_TABLE)
        self.invalidate_cache()
        return True

    @admin_only
    @api.model
    def refresh(self):
        """The pass of the monthly actuals, which keeps this analysis up to date too."""
        return self.env['sales_mis.actual'].refresh()

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        """The pivot and graph headers say how fresh the sales are."""
        result = super(SalesAnalysis, self).fields_get(allfields, attributes)
        if 'string' in result.get('amount', {}):
            result['amount']['string'] = with_as_of(self.env, result['amount']['string'])
        return result

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
