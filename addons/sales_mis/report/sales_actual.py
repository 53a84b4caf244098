# -*- coding: utf-8 -*-
"""Monthly sales actuals, the "actual" side of every target.

A table aggregates confirmed order lines and posted customer invoices (refunds
negative) per month x company x salesperson x team x product category (about
600,000 rows at a million order lines: salespeople x categories x months), so
the completion analysis reads it by index in milliseconds.  A cron pass every
minute (`refresh()`) recomputes only the (basis, company, month, salesperson) whose
orders or invoices changed since the last pass (touched_months.py), with the same query as
the full rebuild (`_rebuild()`, nightly and when the definition changes), so the
figures are at most a minute or two old and a pass costs what changed."""
import hashlib

from odoo import api, fields, models

from ..models.res_company import ACTUAL_BASES, LAST_REFRESH_PARAM
from ..lib.admin_only import admin_only
from .caller_access import check_readable
from .order_currency import RATE_JOINS, TO_COMPANY
from .local_day import local_date, tz_join
from .visible_sql import visible_rows_sql
from . import touched_months
from .touched_months import KEY_MATCH, KEYS_TABLE, touched_docs

#: monthly actuals per salesperson and team, all categories summed (derived from the main table)
PERSON_TABLE = 'sales_mis_actual_person'
#: where a pass starts looking for changed documents (UTC, like write_date)
WATERMARK_PARAM = 'sales_mis.actuals_watermark'
#: fingerprint of the tables' definition: a module update rebuilds them only when it changed
DEFINITION_PARAM = 'sales_mis.actuals_definition'
#: where the next pass starts: this pass's start, or the start of the oldest transaction still
#: open on this database (Odoo dates a write by its transaction's start, so what that
#: transaction commits later is dated after this watermark and seen by the next pass)
WATERMARK_SQL = """SELECT LEAST(now(), min(xact_start)) AT TIME ZONE 'UTC' FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid()"""
COLUMNS = 'basis, month, company_id, user_id, team_id, categ_id, amount, quantity, margin, line_count, categ_left'


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

    def _query(self, touched=False):
        """SELECT of the actuals: all of them, or (`touched`) only those of the (basis, company,
        month, salesperson) listed in the temporary table KEYS_TABLE."""
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
                  {rate_joins}
                 WHERE s.state IN ('sale', 'done') {order_keys}
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
                 WHERE i.state IN ('open', 'paid') AND i.type IN ('out_invoice', 'out_refund') {invoice_keys}
                 GROUP BY 2, 3, 4, 5, 6
            )
            -- categ_left: the category's place in the tree at refresh time, so a target on a
            -- category finds its sub-categories by an index range
            SELECT actuals.*, pc.parent_left AS categ_left
              FROM actuals LEFT JOIN product_category pc ON pc.id = actuals.categ_id
        """.replace('{order_keys}', 'AND s.id IN %s' % touched_docs('order') if touched else '').replace(
            '{invoice_keys}', 'AND i.id IN %s' % touched_docs('invoice') if touched else '').replace(
            '{to_company}', TO_COMPANY).replace('{rate_joins}', RATE_JOINS).replace(
            '{tz_join}', tz_join('s.company_id')).replace(
            '{order_day}', local_date('COALESCE(s.confirmation_date, s.date_order)')) % {'rates': rates}

    def _definition(self):
        return hashlib.sha1((self._query() + COLUMNS + 'v3').encode('utf-8')).hexdigest()

    @admin_only
    @api.model_cr
    def init(self):
        """Create the tables and build them in full, unless they exist with this definition
        (a module update then keeps them: the next pass brings them up to date)."""
        cr = self.env.cr
        touched_months.create_tables(cr)
        cr.execute("SELECT relkind FROM pg_class WHERE relname = %s", (self._table,))
        kind = cr.fetchone()
        cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", (DEFINITION_PARAM,))
        stored = cr.fetchone()
        if kind and kind[0] == 'r' and stored and stored[0] == self._definition():
            return
        for table in (self._table, PERSON_TABLE):
            cr.execute("SELECT relkind FROM pg_class WHERE relname = %s", (table,))
            kind = cr.fetchone()
            if kind:
                cr.execute('DROP %s %s CASCADE' % (
                    {'v': 'VIEW', 'm': 'MATERIALIZED VIEW'}.get(kind[0], 'TABLE'), table))
        cr.execute("""CREATE TABLE {0} (id serial PRIMARY KEY, basis varchar, month date, company_id integer,
                          user_id integer, team_id integer, categ_id integer, amount numeric, quantity numeric,
                          margin numeric, line_count bigint, categ_left integer)""".format(self._table))
        # the same without the category, ~50x smaller: what most targets (people, teams) read
        cr.execute("""CREATE TABLE {0} (id serial PRIMARY KEY, basis varchar, company_id integer, month date,
                          user_id integer, team_id integer, amount numeric)""".format(PERSON_TABLE))
        # the completion analysis looks each kind of target up by equality on these
        # (a team x category target: team by equality, then the category range and the months, or
        # the planner takes the category index and filters out the other teams' rows)
        indexes = {self._table: ['user_id, month', 'team_id, categ_left, month', 'categ_left, month', 'month'],
                   PERSON_TABLE: ['user_id, month', 'team_id, month', 'month']}
        for table, keys in indexes.items():
            for number, key in enumerate(keys):
                cr.execute('CREATE INDEX {0}_{1} ON {0} (basis, company_id, {2})'.format(table, number, key))
        self._rebuild()
        touched_months.set_param(self.env, DEFINITION_PARAM, self._definition())

    def _person_sql(self, touched):
        return """INSERT INTO {person} (basis, company_id, month, user_id, team_id, amount)
                  SELECT basis, company_id, month, user_id, team_id, sum(amount) FROM {table} a {where}
                   GROUP BY basis, company_id, month, user_id, team_id""".format(
            person=PERSON_TABLE, table=self._table,
            where='WHERE EXISTS (SELECT 1 FROM %s k WHERE %s)' % (KEYS_TABLE, KEY_MATCH.format('a'))
                  if touched else '')

    def _set_watermark(self):
        self.env.cr.execute(WATERMARK_SQL)
        mark = self.env.cr.fetchone()[0]
        touched_months.set_param(self.env, WATERMARK_PARAM, str(mark))
        touched_months.set_param(self.env, LAST_REFRESH_PARAM, fields.Datetime.now())

    @admin_only
    @api.model
    def _rebuild(self):
        """Recompute all actuals from scratch (nightly, and when the definition changes)."""
        cr = self.env.cr
        cr.execute('TRUNCATE %s, %s' % (self._table, PERSON_TABLE))
        cr.execute('INSERT INTO %s (%s) %s' % (self._table, COLUMNS, self._query()))
        cr.execute(self._person_sql(False))
        touched_months.remember_all(cr)
        cr.execute('ANALYZE %s' % self._table)
        cr.execute('ANALYZE %s' % PERSON_TABLE)
        self._set_watermark()
        self.invalidate_cache()
        return True

    @admin_only
    @api.model
    def _rebuild_all(self):
        """The nightly safety net: what no pass sees (a product moved to another category,
        new currency rates, a company's time zone) is in the figures the next morning."""
        self._rebuild()
        self.env['sales_mis.sales.analysis']._rebuild()
        return True

    @admin_only
    @api.model
    def refresh(self):
        """One pass (the cron's, every minute): recompute the salesperson-months whose documents
        changed since the last pass, in the actuals and in the sales analysis.  Returns True."""
        cr = self.env.cr
        since = self.env['ir.config_parameter'].sudo().get_param(WATERMARK_PARAM)
        if not since:
            return self._rebuild()
        self._set_watermark()  # before reading: what is written during the pass is seen next time
        if touched_months.collect(cr, since):
            for table in (self._table, PERSON_TABLE):
                cr.execute('DELETE FROM {0} a USING (SELECT DISTINCT * FROM {1}) k WHERE {2}'.format(
                    table, KEYS_TABLE, KEY_MATCH.format('a')))
            cr.execute('INSERT INTO %s (%s) %s' % (self._table, COLUMNS, self._query(touched=True)))
            cr.execute(self._person_sql(True))
        # a new or moved category renumbers the tree: the stored places follow
        cr.execute("SELECT 1 FROM product_category WHERE write_date >= %s LIMIT 1", (since,))
        if cr.fetchone():
            cr.execute("""UPDATE {0} a SET categ_left = pc.parent_left FROM product_category pc
                           WHERE pc.id = a.categ_id AND a.categ_left IS DISTINCT FROM pc.parent_left"""
                       .format(self._table))
        self.env['sales_mis.sales.analysis']._refresh_touched()
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
