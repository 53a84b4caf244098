# -*- coding: utf-8 -*-
"""Pairs of report figures side by side, for the role dashboards' bar charts.

An Odoo 11 graph view draws one measure; to draw target beside actual, or this year
beside last year, each pair is unpivoted here into rows with a `series` label.  The rows
are the reports' own: targets and actuals of the current approved (or locked) plans from Plan
Completion, sales and same month last year from Sales Analysis, so the bars equal those
reports' figures (record rules mirror theirs, see security/sales_mis_dashboard_rules.xml)."""
from odoo import fields, models, tools, api

from ..lib.admin_only import admin_only
from .sales_analysis import TEAM_TABLE

SERIES = [('target', 'Target'), ('actual', 'Actual'), ('this_year', 'This Year'), ('last_year', 'Last Year')]


class DashboardSeries(models.Model):
    _name = 'sales_mis.dashboard.series'
    _description = 'Dashboard Chart Series'
    _auto = False
    _order = 'month, series'

    series = fields.Selection(SERIES, string='Series', readonly=True)
    month = fields.Date(string='Month', readonly=True)
    date_to = fields.Date(string='Period End', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    amount = fields.Float(string='Amount', readonly=True)

    @admin_only
    @api.model_cr
    def init(self):
        # ids: 4 rows per source row (plan completion ids are plan line ids, sales analysis
        # by team its row numbers), one slot per series
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW %s AS
            SELECT pc.id * 4 + k.slot AS id, k.series, pc.date_from AS month, pc.date_to, pc.company_id,
                   pc.team_id, pc.user_id,
                   CASE k.series WHEN 'target' THEN pc.target_amount ELSE pc.actual_amount END AS amount
              FROM sales_mis_plan_completion pc
             CROSS JOIN (VALUES (0, 'target'), (1, 'actual')) k (slot, series)
             WHERE pc.is_current AND pc.state IN ('approved', 'locked')
            UNION ALL
            SELECT sa.id * 4 + k.slot, k.series, sa.month, NULL, sa.company_id, sa.team_id, sa.user_id,
                   CASE k.series WHEN 'this_year' THEN sa.amount ELSE sa.amount_prev_year END
              FROM %s sa
             CROSS JOIN (VALUES (2, 'this_year'), (3, 'last_year')) k (slot, series)
        """ % (self._table, TEAM_TABLE))
