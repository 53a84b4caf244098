# -*- coding: utf-8 -*-
"""The sales manager's dashboard (F8): the key figures of the day in one screen.

Figures are read as the current user through the report models, so record
rules apply: a manager sees the teams they lead, a director everything."""
from odoo import _, api, fields, models
from odoo.tools import html_escape

from ..lib.rpc_input import day_arg
from ..reporting.periods import period_starts
from .caller_access import check_readable
from .freshness import figures_as_of


class Dashboard(models.TransientModel):
    _name = 'sales_mis.dashboard'
    _description = 'Sales Dashboard'
    _rec_name = 'date'

    date = fields.Date(string='Day', required=True, default=fields.Date.context_today, readonly=True)
    sales_today = fields.Float(string="Today's Sales", readonly=True)
    sales_mtd = fields.Float(string='Sales Month to Date', readonly=True)
    target_month = fields.Float(string='Target of the Month', readonly=True)
    completion_mtd = fields.Float(string='Month Completion (%)', readonly=True)
    plan_completion = fields.Float(string='Plan Completion of the Month (%)', readonly=True,
                                   help='Actual / target of the approved plans of this month, on the '
                                        'actuals basis of Plan Completion (ordered or invoiced).')
    collected_today = fields.Float(string="Today's Collections", readonly=True)
    collected_mtd = fields.Float(string='Collections Month to Date', readonly=True)
    arrears_total = fields.Float(string='Customer Arrears', readonly=True)
    arrears_overdue = fields.Float(string='Overdue Arrears', readonly=True)
    arrears_over_90 = fields.Float(string='Over 90 Days', readonly=True)
    figures_as_of = fields.Char(string='Plan Completion and Charts as of', readonly=True,
                                help='Sales, collections and arrears are live; plan completion and the '
                                     'charts read the monthly figures, brought up to date every minute.')
    top_customers = fields.Html(string='Top Customers This Month', readonly=True, sanitize=False)
    currency_id = fields.Many2one('res.currency', default=lambda self: self.env.user.company_id.currency_id,
                                  readonly=True)

    @api.multi
    def name_get(self):
        # the breadcrumb shows this, not the bare date of _rec_name
        return [(dashboard.id, _('Sales Dashboard of %s') % dashboard.date) for dashboard in self]

    @api.model
    def _sum(self, model, domain, field):
        groups = self.env[model].read_group(domain, [field], [])
        return groups and groups[0][field] or 0.0

    @api.model
    def figures(self, day=None):
        """The dashboard's values for `day` (default today), as the current user may see them."""
        check_readable(self.env, 'sales_mis.sales.line', 'sales_mis.plan.completion', 'sales_mis.collection',
                       'sales_mis.arrears')
        day, month_start, _year = period_starts(day_arg(self.env, day) or fields.Date.context_today(self))
        day_s, month_s = fields.Date.to_string(day), fields.Date.to_string(month_start)
        sales_mtd = self._sum('sales_mis.sales.line', [('date', '>=', month_s), ('date', '<=', day_s)], 'amount')
        plans = self.env['sales_mis.plan.completion'].read_group([
            ('is_current', '=', True), ('state', 'in', ('approved', 'locked')),
            ('date_from', '<=', day_s), ('date_to', '>=', day_s)], ['target_amount', 'actual_amount'], [])
        target = plans and plans[0]['target_amount'] or 0.0
        plan_actual = plans and plans[0]['actual_amount'] or 0.0
        customers = self.env['sales_mis.sales.line'].read_group(
            [('date', '>=', month_s), ('date', '<=', day_s)], ['partner_id', 'amount'], ['partner_id'],
            orderby='amount desc', limit=5)
        rows = ''.join('<tr><td>%s</td><td class="text-right">%s</td></tr>' % (
            html_escape(group['partner_id'][1] if group['partner_id'] else ''), '{:,.2f}'.format(group['amount']))
            for group in customers)
        return {
            'date': day_s,
            'sales_today': self._sum('sales_mis.sales.line', [('date', '=', day_s)], 'amount'),
            'sales_mtd': sales_mtd,
            'target_month': target,
            'completion_mtd': 100.0 * sales_mtd / target if target else 0.0,
            'plan_completion': 100.0 * plan_actual / target if target else 0.0,
            'collected_today': self._sum('sales_mis.collection', [('date', '=', day_s)], 'amount'),
            'collected_mtd': self._sum('sales_mis.collection', [('date', '>=', month_s), ('date', '<=', day_s)],
                                       'amount'),
            'arrears_total': self._sum('sales_mis.arrears', [], 'residual'),
            'arrears_overdue': self._sum('sales_mis.arrears', [], 'overdue'),
            'arrears_over_90': self._sum('sales_mis.arrears', [], 'days_over_90'),
            'figures_as_of': figures_as_of(self.env),
            'top_customers': '<table class="table table-condensed"><tr><th>%s</th><th class="text-right">%s</th>'
                             '</tr>%s</table>' % (_('Customer'), _('Sales'), rows),
        }

    @api.model
    def action_open(self):
        dashboard = self.create(self.figures())
        return {'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': dashboard.id,
                'view_mode': 'form', 'target': 'current', 'name': _('Sales Dashboard'),
                'flags': {'mode': 'readonly'}}

    @api.multi
    def action_refresh(self):
        return self.action_open()
