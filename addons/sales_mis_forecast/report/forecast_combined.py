# -*- coding: utf-8 -*-
"""Statistical and pipeline forecasts side by side (G3), per month, team and
salesperson: the statistical mean of the latest done company- or team-level run,
the weighted pipeline, commit, best case and the manager adjustments."""
from odoo import fields, models, tools
from odoo.addons.sales_mis.lib.admin_only import admin_only


class ForecastCombined(models.Model):
    _name = 'sales_mis_forecast.combined'
    _description = 'Combined Sales Forecast'
    _auto = False
    _order = 'date, team_id, user_id'

    date = fields.Date(string='Month', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    statistical = fields.Float(string='Statistical Forecast', readonly=True,
                               help='Mean of the latest done company or team forecast run.')
    statistical_lo_80 = fields.Float(string='Statistical Low 80%', readonly=True)
    statistical_hi_80 = fields.Float(string='Statistical High 80%', readonly=True)
    weighted_amount = fields.Float(string='Weighted Pipeline', readonly=True)
    commit_amount = fields.Float(string='Commit', readonly=True)
    best_case_amount = fields.Float(string='Best Case', readonly=True)
    adjustment_amount = fields.Float(string='Manager Adjustments', readonly=True)

    @admin_only
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW {} AS
            WITH latest AS (
                SELECT DISTINCT ON (company_id) id, company_id
                  FROM sales_mis_forecast_run
                 WHERE state = 'done' AND level IN ('company', 'team') AND team_id IS NULL
                   AND measure = 'amount'
                 ORDER BY company_id, date_finished DESC NULLS LAST, id DESC
            ), parts AS (
                SELECT l.date, l.company_id, l.team_id, NULL::integer AS user_id, l.mean AS statistical,
                       l.lo_80 AS statistical_lo_80, l.hi_80 AS statistical_hi_80,
                       0.0 AS weighted_amount, 0.0 AS commit_amount, 0.0 AS best_case_amount,
                       0.0 AS adjustment_amount
                  FROM sales_mis_forecast_line l JOIN latest ON latest.id = l.run_id
                UNION ALL
                SELECT date, company_id, team_id, user_id, 0, 0, 0, weighted_amount, commit_amount,
                       best_case_amount, 0
                  FROM sales_mis_forecast_pipeline
                UNION ALL
                SELECT date, company_id, team_id, user_id, 0, 0, 0, 0, 0, 0, amount
                  FROM sales_mis_forecast_adjustment
            )
            SELECT row_number() OVER () AS id, date, company_id, team_id, user_id,
                   sum(statistical) AS statistical, sum(statistical_lo_80) AS statistical_lo_80,
                   sum(statistical_hi_80) AS statistical_hi_80, sum(weighted_amount) AS weighted_amount,
                   sum(commit_amount) AS commit_amount, sum(best_case_amount) AS best_case_amount,
                   sum(adjustment_amount) AS adjustment_amount
              FROM parts
             GROUP BY date, company_id, team_id, user_id
        """.format(self._table))
