# -*- coding: utf-8 -*-
"""What the pipeline said then vs what happened (G3): every snapshot's figures for
a month that is over, beside the sales of that month (confirmed orders net of
refunds, as the statistical forecasts use) of the same team and salesperson."""
from odoo import fields, models, tools
from odoo.addons.sales_mis.lib.admin_only import admin_only

from ..lib.forecast_history import monthly_sales_sql


class SnapshotAccuracy(models.Model):
    _name = 'sales_mis_forecast.snapshot.accuracy'
    _description = 'Pipeline Snapshots vs Actuals'
    _auto = False
    _order = 'date desc, snapshot_date desc'

    snapshot_date = fields.Date(string='Snapshot Date', readonly=True)
    date = fields.Date(string='Month', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    weighted_amount = fields.Float(string='Weighted Pipeline (then)', readonly=True)
    commit_amount = fields.Float(string='Commit (then)', readonly=True)
    best_case_amount = fields.Float(string='Best Case (then)', readonly=True)
    actual = fields.Float(string='Actual Sales', readonly=True)
    error = fields.Float(string='Actual - Weighted', readonly=True)

    @admin_only
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        sales = monthly_sales_sql(
            self.env,
            "COALESCE(s.confirmation_date, s.date_order) >= (SELECT min(date) FROM sales_mis_forecast_snapshot)",
            "i.date_invoice >= (SELECT min(date) FROM sales_mis_forecast_snapshot)")
        self.env.cr.execute("""
            CREATE VIEW {table} AS
            WITH said AS (
                SELECT snapshot_date, date, company_id, team_id, user_id,
                       sum(weighted_amount) AS weighted_amount,
                       sum(CASE WHEN forecast_category IN ('closed', 'commit') THEN expected_revenue ELSE 0 END)
                           AS commit_amount,
                       sum(CASE WHEN forecast_category IN ('closed', 'commit', 'best_case')
                                THEN expected_revenue ELSE 0 END) AS best_case_amount
                  FROM sales_mis_forecast_snapshot
                 WHERE date < date_trunc('month', now() at time zone 'UTC')::date
                 GROUP BY 1, 2, 3, 4, 5
            ), happened AS (
                SELECT month, company_id, team_id, user_id, sum(amount) AS actual
                  FROM ({sales}) sales GROUP BY 1, 2, 3, 4
            )
            SELECT row_number() OVER () AS id, said.*, COALESCE(h.actual, 0.0) AS actual,
                   COALESCE(h.actual, 0.0) - said.weighted_amount AS error
              FROM said
              LEFT JOIN happened h ON h.month = said.date AND h.company_id = said.company_id
                   AND h.team_id IS NOT DISTINCT FROM said.team_id AND h.user_id IS NOT DISTINCT FROM said.user_id
        """.format(table=self._table, sales=sales))
