# -*- coding: utf-8 -*-
"""This year beside last year, for the role dashboards' bar charts.

An Odoo 11 graph view draws one measure; to draw this year beside last year, Sales Analysis's
sales and same month last year are unpivoted here into rows with a `series` label, so the bars
equal that report's figures (record rules mirror its, see security/sales_mis_dashboard_rules.xml).
Target beside actual is the Target vs Actual report's (plan_completion_chart.py)."""
from odoo import fields, models, tools, api

from ..lib.admin_only import admin_only
from .sales_analysis import TEAM_TABLE

SERIES = [('this_year', 'This Year'), ('last_year', 'Last Year')]


class DashboardSeries(models.Model):
    _name = 'sales_mis.dashboard.series'
    _description = 'Dashboard Chart Series'
    _auto = False
    _order = 'month, series'

    series = fields.Selection(SERIES, string='Series', readonly=True)
    month = fields.Date(string='Month', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    amount = fields.Float(string='Amount', readonly=True)

    @admin_only
    @api.model_cr
    def init(self):
        # ids: 2 rows per row of sales analysis by team, one slot per series
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW %s AS
            SELECT sa.id * 2 + k.slot AS id, k.series, sa.month, sa.company_id, sa.team_id, sa.user_id,
                   CASE k.series WHEN 'this_year' THEN sa.amount ELSE sa.amount_prev_year END AS amount
              FROM %s sa
             CROSS JOIN (VALUES (0, 'this_year'), (1, 'last_year')) k (slot, series)
        """ % (self._table, TEAM_TABLE))
