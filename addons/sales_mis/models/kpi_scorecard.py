# -*- coding: utf-8 -*-
"""KPI scorecards 业绩考核 and ranking 业绩排名 (E1, E2).

`sales_mis.kpi` configures which KPIs count, their weight and target.  A
scorecard is one period's appraisal: computing it measures every KPI for every
salesperson in bulk SQL (one query per KPI, not per person), scores them with
the pure `planning.kpi.score_table` and stores the result, so past periods
keep the scores they had."""
import json

import pandas as pd

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape

from ..planning.kpi import KPI_CODES, breakdown, score_table
from ..workflow_logic.rules import EVERYTHING, Transition, WorkflowSpec

KPI_SELECTION = [
    ('revenue_completion', 'Revenue completion (%)'),
    ('collection_rate', 'Collection rate (%)'),
    ('new_customers', 'New customers'),
    ('visits', 'Customer visits'),
    ('win_rate', 'Win rate (%)'),
    ('gross_margin', 'Gross margin (%)'),
]
assert [code for code, _label in KPI_SELECTION] == list(KPI_CODES)
#: KPIs that count things (shown as whole numbers); the others are percentages
COUNT_KPIS = ('new_customers', 'visits')

#: scores come from the computation only; a published scorecard is final until a director reopens it
SCORECARD_WORKFLOW = WorkflowSpec(
    protected={'state', 'computed_date', 'line_ids'}, frozen_states={'done'}, deletable_states={'draft'},
    transitions=[Transition('action_compute', ('draft',), None,
                            "the manager of the scorecard's team, a director (company-wide: a director)"),
                 Transition('action_publish', ('draft',), 'done', 'the same'),
                 Transition('action_reset', ('done',), 'draft', 'a director')])
LINE_WORKFLOW = WorkflowSpec(protected=EVERYTHING, parent_field='scorecard_id', frozen_states={'done'})


class SalesKpi(models.Model):
    _name = 'sales_mis.kpi'
    _description = 'Sales KPI'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(KPI_SELECTION, required=True)
    sequence = fields.Integer(default=10)
    weight = fields.Float(required=True, default=1.0, help='Relative weight of this KPI in the score.')
    target = fields.Float(required=True, help='Value that counts as 100% achieved, per period '
                                               '(a percentage for the KPIs measured in %).')
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)

    _sql_constraints = [
        ('code_company_uniq', 'unique (code, company_id)', 'Each KPI can be configured once per company.'),
        ('weight_positive', 'CHECK (weight >= 0)', 'A KPI weight cannot be negative.'),
    ]


class Scorecard(models.Model):
    _name = 'sales_mis.scorecard'
    _description = 'KPI Scorecard'
    # the workflow mixin first: its message_post makes the caller the author of tracked transitions
    _inherit = ['sales_mis.workflow.mixin', 'mail.thread']
    _order = 'date_from desc, id desc'
    _workflow = SCORECARD_WORKFLOW

    name = fields.Char(required=True, default=lambda self: _('Scorecard'))
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', help='Empty: every sales team.')
    state = fields.Selection([('draft', 'Draft'), ('done', 'Published')], default='draft', required=True,
                             readonly=True, track_visibility='onchange')
    computed_date = fields.Datetime(readonly=True, string='Computed On')
    line_ids = fields.One2many('sales_mis.scorecard.line', 'scorecard_id', string='Scores', readonly=True)
    may_score = fields.Boolean(compute='_compute_may_score', string='You May Compute',
                               help='You may compute and publish this scorecard: you manage its team, '
                                    'or you are a sales director.')

    @api.constrains('date_from', 'date_to')
    def _check_dates(self):
        if self.filtered(lambda s: s.date_from > s.date_to):
            raise UserError(_('A scorecard period must end after it starts.'))


    def _salespeople(self):
        """The people ranked: salespeople of the company (of the team), not their managers,
        directors or administrators (every one of them is also in the salesperson group, which
        the manager group implies)."""
        env = self.env
        domain = [('share', '=', False), ('groups_id', 'in', env.ref('sales_mis.group_salesperson').id),
                  ('id', '!=', SUPERUSER_ID), ('company_ids', 'in', self.company_id.id)]
        if self.team_id:
            domain.append(('sale_team_id', '=', self.team_id.id))
        bosses = env.ref('sales_mis.group_manager') | env.ref('sales_mis.group_mis_admin') \
            | env.ref('base.group_system')
        return self.env['res.users'].sudo().search(domain) - bosses.sudo().mapped('users')

    def _compute_may_score(self):
        """Computing and publishing rank people: the manager of the scorecard's team, or a
        director (who alone scores company-wide cards, whose people the manager cannot see).
        Every manager reads every card of the company: the buttons follow this, not the group."""
        user = self.env.user
        director = self.env.uid == SUPERUSER_ID or user.has_group('sales_mis.group_director')
        manager = user.has_group('sales_mis.group_manager')
        for card in self:
            card.may_score = director or bool(manager and card.team_id and card.team_id.user_id == user)

    def _check_scorer(self):
        for card in self.filtered(lambda c: not c.may_score):
            if not card.team_id:
                raise AccessError(_('Only a sales director computes and publishes a company-wide scorecard.'))
            raise AccessError(_('Only the manager of %s or a sales director computes and publishes '
                                'this scorecard.') % card.team_id.name)

    @api.multi
    def action_compute(self):
        """Measure, score and rank; replaces the lines of a draft scorecard."""
        self.ensure_one()
        if self.state != 'draft':
            raise UserError(_('A published scorecard keeps its scores; make a new one to recompute.'))
        self._check_scorer()
        self.check_access_rights('write')
        self.check_access_rule('write')
        kpis = self.env['sales_mis.kpi'].search([('company_id', '=', self.company_id.id)])
        if not kpis:
            raise UserError(_('Configure at least one KPI first (Sales MIS > Configuration > KPIs).'))
        users = self._salespeople()
        values = self.env['sales_mis.kpi.measure'].measure(users.ids, self.company_id.id,
                                                          self.date_from, self.date_to)
        frame = pd.DataFrame([
            {'user_id': user_id, 'kpi': kpi.code, 'value': values[kpi.code].get(user_id, 0.0),
             'target': kpi.target, 'weight': kpi.weight}
            for user_id in users.ids for kpi in kpis])
        scores = score_table(frame).set_index('user_id') if not frame.empty else None
        details = {}
        for row in breakdown(frame).itertuples():
            details.setdefault(row.user_id, []).append(
                [row.kpi, row.value, row.target, row.weight, row.achievement, row.points])
        rows = [dict({code: values[code].get(user.id, 0.0) for code in KPI_CODES},
                     user_id=user.id, team_id=user.sale_team_id.id, company_id=self.company_id.id,
                     score=float(scores.at[user.id, 'score']), rank=int(scores.at[user.id, 'rank']),
                     ranked_count=len(users), breakdown=json.dumps(details.get(user.id, [])))
                for user in users]
        self._workflow_transition({'line_ids': [(5, 0, 0)] + [(0, 0, row) for row in rows],
                                   'computed_date': fields.Datetime.now()})
        return True

    @api.multi
    def action_publish(self):
        self._check_scorer()
        if self.filtered(lambda s: s.state != 'draft'):
            raise UserError(_('Only draft scorecards are published.'))
        for card in self.filtered(lambda s: not s.sudo().line_ids):
            card.action_compute()
        self._workflow_transition({'state': 'done'})
        return True

    @api.multi
    def action_reset(self):
        if not self.env.user.has_group('sales_mis.group_director'):
            raise UserError(_('Only a sales director can reopen a published scorecard.'))
        self._workflow_transition({'state': 'draft'})
        return True


class ScorecardLine(models.Model):
    _name = 'sales_mis.scorecard.line'
    _description = 'KPI Score'
    _inherit = ['sales_mis.workflow.mixin']
    _order = 'scorecard_id desc, rank, user_id'
    _workflow = LINE_WORKFLOW

    scorecard_id = fields.Many2one('sales_mis.scorecard', required=True, ondelete='cascade', index=True)
    company_id = fields.Many2one('res.company', readonly=True)
    date_from = fields.Date(related='scorecard_id.date_from', store=True, readonly=True)
    date_to = fields.Date(related='scorecard_id.date_to', store=True, readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', required=True, index=True)
    team_id = fields.Many2one('crm.team', string='Sales Team')
    score = fields.Float(group_operator='avg',
                         help='Weighted mean of the KPI achievements x 100 (each capped at 150%): '
                              'the points of the KPI breakdown add up to it.')
    rank = fields.Integer(group_operator='min',
                          help='Position by score among all the salespeople this scorecard ranks (see "Out Of"), '
                               'even where you see only some of them; equal scores share a rank.')
    ranked_count = fields.Integer(string='Out Of', readonly=True,
                                  help='How many salespeople this scorecard ranks: its team, or every '
                                       'salesperson of the company for a company-wide scorecard.')
    breakdown = fields.Text(readonly=True, help='Per KPI: [code, actual, target, weight, achievement, points] (JSON).')
    breakdown_html = fields.Html(string='KPI Breakdown', compute='_compute_breakdown_html', sanitize=False)
    revenue_completion = fields.Float(string='Revenue Completion (%)', group_operator='avg')
    collection_rate = fields.Float(string='Collection Rate (%)', group_operator='avg')
    new_customers = fields.Integer(string='New Customers')
    visits = fields.Integer(string='Visits')
    win_rate = fields.Float(string='Win Rate (%)', group_operator='avg')
    gross_margin = fields.Float(string='Gross Margin (%)', group_operator='avg')

    @api.depends('breakdown')
    def _compute_breakdown_html(self):
        labels = dict(self.env['sales_mis.kpi']._fields['code']._description_selection(self.env))
        head = ''.join('<th class="%s">%s</th>' % (css, html_escape(title)) for css, title in (
            ('', _('KPI')), ('text-right', _('Actual')), ('text-right', _('Target')),
            ('text-right', _('Achievement')), ('text-right', _('Weight')), ('text-right', _('Points'))))
        for line in self:
            rows = json.loads(line.breakdown or '[]')
            if not rows:
                line.breakdown_html = False
                continue
            body = []
            for code, value, target, weight, achievement, points in rows:
                shown = '%d' if code in COUNT_KPIS else '%.1f %%'
                body.append('<tr><td>%s</td><td class="text-right">%s</td><td class="text-right">%s</td>'
                            '<td class="text-right">%.0f %%</td><td class="text-right">%g</td>'
                            '<td class="text-right">%.1f</td></tr>' % (
                                html_escape(labels.get(code, code)), shown % round(value or 0.0, 1),
                                shown % round(target or 0.0, 1), 100.0 * achievement, weight, points))
            body.append('<tr><th colspan="5">%s</th><th class="text-right">%.2f</th></tr>'
                        % (html_escape(_('Score')), sum(row[5] for row in rows)))
            line.breakdown_html = '<table class="table table-condensed o_sales_mis_breakdown"><tr>%s</tr>%s' \
                                  '</table>' % (head, ''.join(body))

