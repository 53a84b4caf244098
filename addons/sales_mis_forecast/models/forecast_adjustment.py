# -*- coding: utf-8 -*-
"""Manager adjustments of the pipeline forecast (G3): an amount that replaces the
forecast of a salesperson, a team or the company for one month, with the reason.
They roll up salesperson -> team -> company (see `forecasting.pipeline.roll_up`)."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ForecastAdjustment(models.Model):
    _name = 'sales_mis_forecast.adjustment'
    _description = 'Forecast Adjustment'
    _inherit = ['mail.thread']
    _order = 'date desc, team_id, user_id'

    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True)
    date = fields.Date(string='Month', required=True, track_visibility='onchange',
                       default=lambda self: fields.Date.today()[:8] + '01',
                       help='The month adjusted (its first day).')
    team_id = fields.Many2one('crm.team', string='Sales Team', track_visibility='onchange',
                              help='Empty with no salesperson: the company forecast.')
    user_id = fields.Many2one('res.users', string='Salesperson', track_visibility='onchange')
    amount = fields.Monetary(string='Forecast Amount', required=True, currency_field='currency_id',
                             track_visibility='onchange',
                             help='Replaces the forecast of this salesperson, team or company for the month.')
    comment = fields.Text(string='Reason', required=True, track_visibility='onchange')
    level = fields.Selection([('salesperson', 'Salesperson'), ('team', 'Sales Team'), ('company', 'Company')],
                             compute='_compute_level', store=True)

    _sql_constraints = [
        ('one_per_scope', 'UNIQUE (company_id, date, team_id, user_id)',
         'There is already an adjustment for this month and scope: change it instead.'),
    ]

    @api.depends('team_id', 'user_id')
    def _compute_level(self):
        for adjustment in self:
            adjustment.level = ('salesperson' if adjustment.user_id else
                                'team' if adjustment.team_id else 'company')

    @api.onchange('user_id')
    def _onchange_user_id(self):
        if self.user_id and self.user_id.sale_team_id:
            self.team_id = self.user_id.sale_team_id

    @api.model
    def create(self, values):
        values = dict(values)
        if values.get('date'):
            values['date'] = values['date'][:8] + '01'
        if values.get('user_id') and not values.get('team_id'):
            values['team_id'] = self.env['res.users'].browse(values['user_id']).sale_team_id.id
        self._check_company_level(values)
        return super(ForecastAdjustment, self).create(values)

    def _check_company_level(self, values):
        # checked on the values: a constraint would read the record before the access rules
        if not values.get('team_id') and not values.get('user_id') \
                and not self.env.user.has_group('sales_mis.group_director'):
            raise ValidationError(_('Only a sales director can adjust the company forecast.'))

    @api.multi
    def write(self, values):
        if values.get('date'):
            values = dict(values, date=values['date'][:8] + '01')
        if 'team_id' in values or 'user_id' in values:
            for adjustment in self:
                self._check_company_level({'team_id': values.get('team_id', adjustment.team_id.id),
                                           'user_id': values.get('user_id', adjustment.user_id.id)})
        return super(ForecastAdjustment, self).write(values)
