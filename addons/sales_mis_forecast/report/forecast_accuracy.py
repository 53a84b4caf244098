# -*- coding: utf-8 -*-
"""Forecast accuracy over time (G5): every forecast line of every kept run whose
month is over, beside what was actually sold that month for the same key."""
from odoo import fields, models, tools
from odoo.addons.sales_mis.lib.admin_only import admin_only

from ..lib.forecast_history import monthly_sales_sql
from ..models.forecast_run import LEVELS


class ForecastAccuracy(models.Model):
    _name = 'sales_mis_forecast.accuracy'
    _description = 'Forecast Accuracy'
    _auto = False
    _order = 'date desc, run_id desc'

    run_id = fields.Many2one('sales_mis_forecast.run', string='Forecast Run', readonly=True)
    series_id = fields.Many2one('sales_mis_forecast.series', string='Series', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    scope_team_id = fields.Many2one('crm.team', string='Run Team', readonly=True)
    level = fields.Selection(LEVELS, readonly=True)
    date = fields.Date(string='Month', readonly=True)
    run_date = fields.Date(string='Forecast Made On', readonly=True)
    months_ahead = fields.Integer(string='Months Ahead', readonly=True, group_operator='avg',
                                  help='How many months after the run the forecast month came.')
    forecast = fields.Float(readonly=True)
    actual = fields.Float(readonly=True)
    error = fields.Float(string='Error (Actual - Forecast)', readonly=True)
    abs_error = fields.Float(string='Absolute Error', readonly=True)
    ape = fields.Float(string='APE (%)', readonly=True, group_operator='avg',
                       help='Absolute percentage error; empty when nothing was sold.')
    inside_80 = fields.Float(string='Inside 80% Interval (%)', readonly=True, group_operator='avg')
    inside_95 = fields.Float(string='Inside 95% Interval (%)', readonly=True, group_operator='avg')

    @admin_only
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        sales = monthly_sales_sql(
            self.env,
            "COALESCE(s.confirmation_date, s.date_order) >= (SELECT min(date) FROM sales_mis_forecast_line)",
            "i.date_invoice >= (SELECT min(date) FROM sales_mis_forecast_line)")
        self.env.cr.execute("""
            CREATE VIEW {table} AS
            WITH sales AS ({sales})
            SELECT l.id, l.run_id, l.series_id, l.company_id, l.scope_team_id, r.level, l.date,
                   date_trunc('month', r.date_started)::date AS run_date,
                   ((extract(year FROM l.date) - extract(year FROM r.date_started)) * 12
                    + extract(month FROM l.date) - extract(month FROM r.date_started))::integer AS months_ahead,
                   l.mean AS forecast, a.actual, a.actual - l.mean AS error, abs(a.actual - l.mean) AS abs_error,
                   CASE WHEN a.actual <> 0 THEN 100.0 * abs(a.actual - l.mean) / abs(a.actual) END AS ape,
                   CASE WHEN a.actual BETWEEN l.lo_80 AND l.hi_80 THEN 100.0 ELSE 0.0 END AS inside_80,
                   CASE WHEN a.actual BETWEEN l.lo_95 AND l.hi_95 THEN 100.0 ELSE 0.0 END AS inside_95
              FROM sales_mis_forecast_line l
              JOIN sales_mis_forecast_run r ON r.id = l.run_id
              CROSS JOIN LATERAL (
                SELECT COALESCE(sum(CASE WHEN r.measure = 'quantity' THEN s.quantity ELSE s.amount END), 0.0) AS actual
                  FROM sales s
                 WHERE s.company_id = l.company_id AND s.month = l.date
                   AND (l.scope_team_id IS NULL OR s.team_id = l.scope_team_id)
                   AND CASE r.level
                       WHEN 'team' THEN COALESCE(s.team_id, 0) = COALESCE(l.team_id, 0)
                       WHEN 'category' THEN COALESCE(s.categ_id, 0) = COALESCE(l.categ_id, 0)
                       WHEN 'product' THEN s.product_id = l.product_id
                       WHEN 'customer' THEN COALESCE(s.partner_id, 0) = COALESCE(l.partner_id, 0)
                       ELSE TRUE END
              ) a
             WHERE r.state = 'done' AND l.date < date_trunc('month', now() at time zone 'UTC')::date
        """.format(table=self._table, sales=sales))
