# -*- coding: utf-8 -*-
"""Weekly snapshots of the pipeline forecast (G3): what the pipeline said then, so
it can be set beside what was sold (`sales_mis_forecast.snapshot.accuracy`)."""
from odoo import api, fields, models

from .crm_lead import FORECAST_CATEGORIES
from odoo.addons.sales_mis.lib.admin_only import admin_only


class ForecastSnapshot(models.Model):
    _name = 'sales_mis_forecast.snapshot'
    _description = 'Pipeline Forecast Snapshot'
    _order = 'snapshot_date desc, date, team_id, user_id'

    snapshot_date = fields.Date(string='Snapshot Date', required=True, readonly=True, index=True)
    date = fields.Date(string='Expected Month', required=True, readonly=True)
    company_id = fields.Many2one('res.company', required=True, readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    forecast_category = fields.Selection(FORECAST_CATEGORIES, readonly=True)
    opportunity_count = fields.Integer(string='Opportunities', readonly=True)
    expected_revenue = fields.Float(readonly=True)
    weighted_amount = fields.Float(string='Weighted Pipeline', readonly=True)

    @admin_only  # maintenance: copies every company's pipeline (the daily cron)
    @api.model
    def take_snapshot(self):
        """Copy today's pipeline (one row per month, team, salesperson and category)."""
        today = fields.Date.context_today(self)
        self.env.cr.execute('DELETE FROM sales_mis_forecast_snapshot WHERE snapshot_date = %s', (today,))
        self.env.cr.execute("""
            INSERT INTO sales_mis_forecast_snapshot
                (snapshot_date, date, company_id, team_id, user_id, forecast_category, opportunity_count,
                 expected_revenue, weighted_amount, create_uid, write_uid, create_date, write_date)
            SELECT %(today)s, p.date, p.company_id, p.team_id, p.user_id, p.forecast_category, count(*),
                   sum(p.expected_revenue), sum(p.weighted_amount), %(uid)s, %(uid)s,
                   now() at time zone 'UTC', now() at time zone 'UTC'
              FROM sales_mis_forecast_pipeline p
             WHERE p.company_id IS NOT NULL
             GROUP BY p.date, p.company_id, p.team_id, p.user_id, p.forecast_category
        """, {'today': today, 'uid': self.env.uid})
        return True
