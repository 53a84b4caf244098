# -*- coding: utf-8 -*-
"""Pipeline forecast (G3): open (and won) opportunities by expected closing month,
expected revenue x probability, split by forecast category."""
from odoo import fields, models, tools
from odoo.addons.sales_mis.lib.admin_only import admin_only

from ..models.crm_lead import FORECAST_CATEGORIES


class PipelineForecast(models.Model):
    _name = 'sales_mis_forecast.pipeline'
    _description = 'Pipeline Forecast'
    _auto = False
    _order = 'date, team_id, user_id'

    lead_id = fields.Many2one('crm.lead', string='Opportunity', readonly=True)
    date = fields.Date(string='Expected Month', readonly=True,
                       help='Month of the expected closing date (closing or creation date when empty).')
    company_id = fields.Many2one('res.company', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    stage_id = fields.Many2one('crm.stage', string='Stage', readonly=True)
    forecast_category = fields.Selection(FORECAST_CATEGORIES, readonly=True)
    probability = fields.Float(readonly=True, group_operator='avg')
    expected_revenue = fields.Float(readonly=True)
    weighted_amount = fields.Float(string='Weighted Pipeline', readonly=True)
    commit_amount = fields.Float(string='Commit', readonly=True, help='Closed and commit opportunities.')
    best_case_amount = fields.Float(string='Best Case', readonly=True,
                                    help='Closed, commit and best case opportunities.')

    @admin_only
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW {} AS
            SELECT l.id, l.id AS lead_id,
                   date_trunc('month', COALESCE(l.date_deadline, l.date_closed, l.create_date))::date AS date,
                   l.company_id, l.team_id, l.user_id, l.partner_id, l.stage_id, l.forecast_category,
                   l.probability, l.planned_revenue AS expected_revenue,
                   l.planned_revenue * l.probability / 100.0 AS weighted_amount,
                   CASE WHEN l.forecast_category IN ('closed', 'commit') THEN l.planned_revenue ELSE 0 END
                       AS commit_amount,
                   CASE WHEN l.forecast_category IN ('closed', 'commit', 'best_case') THEN l.planned_revenue
                        ELSE 0 END AS best_case_amount
              FROM crm_lead l
             WHERE l.type = 'opportunity' AND l.active AND l.probability > 0
        """.format(self._table))
