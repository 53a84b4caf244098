# -*- coding: utf-8 -*-
"""Target and actual of the plan completion as two rows per plan line, so that Odoo's
graph view (one measure per chart in Odoo 11) draws them as bars side by side: group
by month and by "Figure".  Same scope, same record rules as sales_mis.plan.completion."""
from odoo import api, fields, models, tools

from ..models.sales_plan import STATES
from ..lib.admin_only import admin_only
from .plan_completion import actual_label


class PlanCompletionChart(models.Model):
    _name = 'sales_mis.plan.completion.chart'
    _description = 'Sales Plan Target vs Actual'
    _auto = False
    _order = 'date_from, line_id, kind desc'

    line_id = fields.Many2one('sales_mis.plan.line', string='Plan Line', readonly=True)
    plan_id = fields.Many2one('sales_mis.plan', string='Plan', readonly=True)
    state = fields.Selection(STATES, string='Plan Status', readonly=True)
    is_current = fields.Boolean(string='Current Revision', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    categ_id = fields.Many2one('product.category', string='Product Category', readonly=True)
    date_from = fields.Date(string='Month', readonly=True)
    date_to = fields.Date(string='Period End', readonly=True)
    kind = fields.Selection([('target', 'Target'), ('actual', 'Actual')], string='Figure', readonly=True)
    amount = fields.Float(string='Amount', readonly=True)

    @admin_only
    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW %s AS
            SELECT 2 * c.id AS id, c.id AS line_id, c.plan_id, c.state, c.is_current, c.company_id,
                   c.team_id, c.user_id, c.categ_id, c.date_from, c.date_to, 'target'::varchar AS kind,
                   c.target_amount AS amount
              FROM sales_mis_plan_completion c
            UNION ALL
            SELECT 2 * c.id + 1, c.id, c.plan_id, c.state, c.is_current, c.company_id,
                   c.team_id, c.user_id, c.categ_id, c.date_from, c.date_to, 'actual', c.actual_amount
              FROM sales_mis_plan_completion c
        """ % self._table)

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        """The "Actual" bars say whether they count ordered or invoiced sales."""
        result = super(PlanCompletionChart, self).fields_get(allfields, attributes)
        if 'selection' in result.get('kind', {}):
            result['kind']['selection'] = [(key, actual_label(self) if key == 'actual' else label)
                                           for key, label in result['kind']['selection']]
        return result
