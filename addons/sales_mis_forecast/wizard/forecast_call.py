# -*- coding: utf-8 -*-
"""The forecast call of a month (G3): weighted pipeline per salesperson, with the
manager adjustments rolled up salesperson -> team -> company."""
from odoo import _, api, fields, models

from ..forecasting.pipeline import roll_up

LEVELS = [('salesperson', 'Salesperson'), ('team', 'Sales Team'), ('company', 'Company')]


class ForecastCall(models.TransientModel):
    _name = 'sales_mis_forecast.call'
    _description = 'Forecast Call'

    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    date = fields.Date(string='Month', required=True, default=lambda self: fields.Date.today()[:8] + '01')
    line_ids = fields.One2many('sales_mis_forecast.call.line', 'call_id', string='Forecast Call', readonly=True)

    @api.multi
    def action_compute(self):
        """Fill the lines: what each salesperson's pipeline says and what managers made of it."""
        self.ensure_one()
        month = self.date[:8] + '01'
        domain = [('company_id', '=', self.company_id.id), ('date', '=', month)]
        pipeline = self.env['sales_mis_forecast.pipeline'].read_group(
            domain, ['user_id', 'team_id', 'weighted_amount', 'commit_amount', 'best_case_amount'],
            ['user_id', 'team_id'], lazy=False)
        base, team_of, figures = {}, {}, {}
        for group in pipeline:
            user = group['user_id'] and group['user_id'][0]
            team = group['team_id'] and group['team_id'][0]
            base[user] = base.get(user, 0.0) + group['weighted_amount']
            team_of[user] = team
            figures[user] = (group['commit_amount'], group['best_case_amount'])
        adjustments = self.env['sales_mis_forecast.adjustment'].search(domain)
        persons = {a.user_id.id: a.amount for a in adjustments if a.level == 'salesperson'}
        teams = {a.team_id.id: a.amount for a in adjustments if a.level == 'team'}
        company = [a.amount for a in adjustments if a.level == 'company']
        for adjustment in adjustments.filtered(lambda a: a.level == 'salesperson'):
            team_of.setdefault(adjustment.user_id.id, adjustment.team_id.id)
        person_figures, team_figures, company_figure = roll_up(
            base, team_of, persons, teams, company[0] if company else None)
        lines = [(5, 0, 0)]
        for user, amount in sorted(person_figures.items(), key=lambda item: (team_of.get(item[0]) or 0, item[0] or 0)):
            lines.append((0, 0, {'level': 'salesperson', 'user_id': user or False, 'team_id': team_of.get(user) or False,
                                 'weighted_amount': base.get(user, 0.0),
                                 'commit_amount': figures.get(user, (0.0, 0.0))[0],
                                 'best_case_amount': figures.get(user, (0.0, 0.0))[1],
                                 'adjusted': user in persons, 'forecast_amount': amount}))
        for team, amount in sorted(team_figures.items(), key=lambda item: item[0] or 0):
            members = [u for u, t in team_of.items() if t == team]
            lines.append((0, 0, {'level': 'team', 'team_id': team or False,
                                 'weighted_amount': sum(base.get(u, 0.0) for u in members),
                                 'commit_amount': sum(figures.get(u, (0.0, 0.0))[0] for u in members),
                                 'best_case_amount': sum(figures.get(u, (0.0, 0.0))[1] for u in members),
                                 'adjusted': team in teams, 'forecast_amount': amount}))
        lines.append((0, 0, {'level': 'company', 'weighted_amount': sum(base.values()),
                             'commit_amount': sum(f[0] for f in figures.values()),
                             'best_case_amount': sum(f[1] for f in figures.values()),
                             'adjusted': bool(company), 'forecast_amount': company_figure}))
        self.line_ids = lines
        return {'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': self.id,
                'view_mode': 'form', 'target': 'new', 'name': _('Forecast Call')}


class ForecastCallLine(models.TransientModel):
    _name = 'sales_mis_forecast.call.line'
    _description = 'Forecast Call Line'
    _order = 'id'

    call_id = fields.Many2one('sales_mis_forecast.call', required=True, ondelete='cascade')
    level = fields.Selection(LEVELS, readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    weighted_amount = fields.Float(string='Weighted Pipeline', readonly=True)
    commit_amount = fields.Float(string='Commit', readonly=True)
    best_case_amount = fields.Float(string='Best Case', readonly=True)
    adjusted = fields.Boolean(string='Adjusted', readonly=True)
    forecast_amount = fields.Float(string='Forecast Call', readonly=True,
                                   help='The adjustment where a manager made one, else the sum of the level below.')
