# -*- coding: utf-8 -*-
"""Sales plans 销售计划 (A1, A3): a target for a period and scope, split into a
tree of plan lines, approved through draft -> submitted -> approved -> locked.

A submitted, approved or locked plan is read-only; re-planning copies it into a
new revision and the old revision stays readable (it stops being the current one
when the new revision is approved). The state, approver and revision links follow
the workflow mechanism (models/workflow_mixin.py): only the buttons write them,
whatever the caller's context, and every move is tracked."""
import calendar
from datetime import date

from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError

from ..workflow_logic.rules import Transition, WorkflowSpec
from .res_company import LAST_REFRESH_PARAM

PERIOD_TYPES = [('year', 'Year'), ('quarter', 'Quarter'), ('month', 'Month')]
SCOPES = [('company', 'Company'), ('team', 'Sales Team'), ('salesperson', 'Salesperson')]
STATES = [('draft', 'Draft'), ('submitted', 'Submitted'), ('approved', 'Approved'), ('locked', 'Locked')]
#: states in which neither the plan nor its lines change (re-plan instead)
FROZEN_STATES = ('submitted', 'approved', 'locked')

PLAN_WORKFLOW = WorkflowSpec(
    protected={'state', 'approved_by_id', 'approved_date', 'is_current', 'revision', 'previous_revision_id'},
    frozen_states=FROZEN_STATES, deletable_states=('draft',), transitions=[
        Transition('action_submit', ('draft',), 'submitted', 'whoever may write the plan; its lines must add up'),
        Transition('action_approve', ('submitted',), 'approved',
                   'a director (company plans) or a manager who may write the plan'),
        Transition('action_reject', ('submitted',), 'draft', 'as action_approve'),
        Transition('action_lock', ('approved',), 'locked', 'a director'),
        Transition('action_replan', ('approved', 'locked'), 'draft',
                   'a new revision (the old one stays), by whoever may create plans'),
    ])


def period_dates(period_type, year, quarter=None, month=None):
    """First and last day of a plan period."""
    if period_type == 'year':
        return date(year, 1, 1), date(year, 12, 31)
    if period_type == 'quarter':
        first = 3 * (quarter - 1) + 1
        return date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


class SalesPlan(models.Model):
    _name = 'sales_mis.plan'
    _description = 'Sales Plan'
    _inherit = ['sales_mis.workflow.mixin', 'mail.thread', 'mail.activity.mixin']
    _order = 'date_from desc, scope, id desc'
    _workflow = PLAN_WORKFLOW

    name = fields.Char(required=True, track_visibility='onchange', states={'draft': [('readonly', False)]})
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True, store=True)
    period_type = fields.Selection(PERIOD_TYPES, required=True, default='year')
    year = fields.Integer(required=True, default=lambda self: fields.Date.from_string(fields.Date.today()).year)
    quarter = fields.Selection([(str(q), 'Q%d' % q) for q in range(1, 5)])
    month = fields.Selection([(str(m), '%02d' % m) for m in range(1, 13)])
    date_from = fields.Date(compute='_compute_dates', store=True)
    date_to = fields.Date(compute='_compute_dates', store=True)
    scope = fields.Selection(SCOPES, required=True, default='company')
    team_id = fields.Many2one('crm.team', string='Sales Team')
    user_id = fields.Many2one('res.users', string='Salesperson')
    categ_id = fields.Many2one('product.category', string='Product Category',
                               help='Optional: a target for this product category only.')
    target_amount = fields.Monetary(string='Target Amount', required=True, currency_field='currency_id',
                                    track_visibility='onchange')
    target_qty = fields.Float(string='Target Quantity', help='Optional quantity target.')
    state = fields.Selection(STATES, default='draft', required=True, readonly=True, copy=False,
                             track_visibility='onchange')
    revision = fields.Integer(default=1, readonly=True, copy=False)
    previous_revision_id = fields.Many2one('sales_mis.plan', readonly=True, copy=False,
                                           string='Replaces Revision')
    is_current = fields.Boolean(string='Current Revision', default=True, readonly=True, copy=False,
                                help='False once a newer revision of this plan is approved.')
    approved_by_id = fields.Many2one('res.users', readonly=True, copy=False, track_visibility='onchange')
    approved_date = fields.Datetime(readonly=True, copy=False)
    line_ids = fields.One2many('sales_mis.plan.line', 'plan_id', string='Plan Lines', copy=False)
    completion = fields.Float(compute='_compute_completion', string='Completion (%)', digits=(16, 1),
                              help='Actual / target of the whole plan.')
    summary_html = fields.Html(compute='_compute_completion', string='Completion Summary', sanitize=False)
    root_line_id = fields.Many2one('sales_mis.plan.line', compute='_compute_root_line')
    line_count = fields.Integer(compute='_compute_root_line')

    @api.depends('period_type', 'year', 'quarter', 'month')
    def _compute_dates(self):
        for plan in self:
            if plan.year and (plan.period_type == 'year' or (plan.period_type == 'quarter' and plan.quarter)
                              or (plan.period_type == 'month' and plan.month)):
                start, end = period_dates(plan.period_type, plan.year, int(plan.quarter or 0), int(plan.month or 0))
                plan.date_from, plan.date_to = fields.Date.to_string(start), fields.Date.to_string(end)

    @api.depends('line_ids.parent_id')
    def _compute_root_line(self):
        for plan in self:
            plan.root_line_id = plan.line_ids.filtered(lambda l: not l.parent_id)[:1]
            plan.line_count = len(plan.line_ids)

    def _completion_groups(self, groupby):
        return self.env['sales_mis.plan.completion'].read_group(
            [('plan_id', 'in', self.ids)],
            [g.split(':')[0] for g in groupby]
            + ['target_amount', 'actual_amount', 'completion', 'gap_amount', 'projected_amount'],
            groupby, lazy=False)

    def _compute_completion(self):
        by_plan = {g['plan_id'][0]: g for g in self._completion_groups(['plan_id'])}
        for plan in self:
            group = by_plan.get(plan.id)
            plan.completion = (group['completion'] or 0.0) if group else 0.0
            plan.summary_html = plan._summary_html() if len(self) == 1 else False

    def _summary_html(self):
        """Target, actual, completion, gap and projection per team and salesperson, and in total."""
        rows = self._completion_groups(['team_id', 'user_id'])
        if not rows:
            return '<p class="text-muted">%s</p>' % _('No targets yet: split the plan.')
        total = {key: sum(row[key] or 0.0 for row in rows)
                 for key in ('target_amount', 'actual_amount', 'gap_amount', 'projected_amount')}
        total['completion'] = (100.0 * total['actual_amount'] / total['target_amount']
                               if total['target_amount'] else False)
        money = lambda value: '{:,.2f}'.format(value or 0.0)
        cells = lambda row: ''.join('<td class="text-right">%s</td>' % value for value in (
            money(row['target_amount']), money(row['actual_amount']),
            '%.1f%%' % row['completion'] if row['completion'] is not False else '',
            money(row['gap_amount']), money(row['projected_amount'])))
        label = lambda value: tools.html_escape(value[1]) if value else ''
        body = ''.join('<tr><td>%s</td><td>%s</td>%s</tr>' % (label(row['team_id']), label(row['user_id']), cells(row))
                       for row in rows)
        body += '<tr class="o_sales_mis_total"><th colspan="2">%s</th>%s</tr>' % (
            _('Total'), cells(total).replace('<td', '<th').replace('</td>', '</th>'))
        head = ''.join('<th>%s</th>' % h for h in (_('Sales Team'), _('Salesperson'), _('Target'), _('Actual'),
                                                  _('Completion'), _('Gap'), _('Projection')))
        refreshed = self.env['ir.config_parameter'].sudo().get_param(LAST_REFRESH_PARAM)
        freshness = '<p class="text-muted">%s</p>' % (_('Actuals as of %s (UTC).') % refreshed) if refreshed else ''
        return '<table class="table table-condensed"><thead><tr>%s</tr></thead><tbody>%s</tbody></table>%s' % (
            head, body, freshness)

    @api.multi
    def action_open_completion(self):
        action = self.env.ref('sales_mis.action_plan_completion').read()[0]
        action['domain'] = [('plan_id', 'in', self.ids)]
        action['context'] = {}
        return action

    @api.multi
    def action_export_completion(self):
        self.ensure_one()
        return {'type': 'ir.actions.act_url', 'target': 'new',
                'url': '/sales_mis/plan/%d/completion.xlsx' % self.id}

    @api.constrains('target_amount', 'target_qty')
    def _check_not_negative(self):
        for plan in self:
            if plan.target_amount < 0 or plan.target_qty < 0:
                raise ValidationError(_('The target of plan "%s" cannot be negative.') % plan.name)

    @api.constrains('period_type', 'quarter', 'month', 'year', 'scope', 'team_id', 'user_id')
    def _check_period_and_scope(self):
        for plan in self:
            if plan.period_type == 'quarter' and not plan.quarter:
                raise ValidationError(_('Choose the quarter of plan "%s".') % plan.name)
            if plan.period_type == 'month' and not plan.month:
                raise ValidationError(_('Choose the month of plan "%s".') % plan.name)
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(_('The year of plan "%s" must be between 2000 and 2100.') % plan.name)
            if plan.scope == 'team' and not plan.team_id:
                raise ValidationError(_('A sales team plan needs its sales team.'))
            if plan.scope == 'salesperson' and not plan.user_id:
                raise ValidationError(_('A salesperson plan needs its salesperson.'))

    @api.constrains('state', 'is_current', 'date_from', 'date_to', 'scope', 'team_id', 'user_id', 'categ_id')
    def _check_no_overlap(self):
        for plan in self.filtered(lambda p: p.state in ('approved', 'locked') and p.is_current):
            overlapping = self.sudo().search([  # also plans this user cannot see
                ('id', '!=', plan.id), ('state', 'in', ('approved', 'locked')), ('is_current', '=', True),
                ('company_id', '=', plan.company_id.id), ('scope', '=', plan.scope),
                ('team_id', '=', plan.team_id.id), ('user_id', '=', plan.user_id.id),
                ('categ_id', '=', plan.categ_id.id),
                ('date_from', '<=', plan.date_to), ('date_to', '>=', plan.date_from),
            ], limit=1)
            if overlapping:
                raise ValidationError(_(
                    'Plan "%s" overlaps the approved plan "%s" for the same scope and period. '
                    'Re-plan the approved one instead of approving a second plan.')
                    % (plan.name, overlapping.name))

    # --- root line follows the plan header ---------------------------------------

    def _root_line_values(self):
        self.ensure_one()
        return {
            'plan_id': self.id, 'team_id': self.team_id.id, 'user_id': self.user_id.id,
            'categ_id': self.categ_id.id, 'date_from': self.date_from, 'date_to': self.date_to,
            'target_amount': self.target_amount, 'target_qty': self.target_qty,
        }

    @api.model
    def create(self, values):
        plan = super(SalesPlan, self).create(values)
        if not plan.line_ids:
            self.env['sales_mis.plan.line'].create(plan._root_line_values())
        return plan

    @api.multi
    def write(self, values):
        # submitted, approved and locked plans are frozen by sales_mis.workflow.mixin
        result = super(SalesPlan, self).write(values)
        header = {'team_id', 'user_id', 'categ_id', 'period_type', 'year', 'quarter', 'month',
                  'target_amount', 'target_qty'}
        if header & set(values):
            for plan in self:
                root = plan.root_line_id
                if root and not root.child_ids:
                    root.write(plan._root_line_values())
                elif root and ('target_amount' in values or 'target_qty' in values):
                    raise UserError(_('Plan "%s" is already split: change the target by splitting again '
                                      '(the split replaces the children).') % plan.name)
        return result

    # --- workflow -------------------------------------------------------------------

    def _check_approver(self):
        for plan in self:
            needed = 'sales_mis.group_director' if plan.scope == 'company' else 'sales_mis.group_manager'
            if not self.env.user.has_group(needed):
                raise AccessError(_('Only a %s can approve plan "%s".') % (
                    _('sales director') if plan.scope == 'company' else _('sales manager'), plan.name))
            if plan.scope == 'salesperson' and plan.user_id == self.env.user:
                raise AccessError(_('Nobody approves their own target: plan "%s" must be approved by another '
                                  'manager or a sales director.') % plan.name)

    @api.multi
    def action_submit(self):
        for plan in self:
            if plan.state != 'draft':
                raise UserError(_('Only draft plans can be submitted.'))
            plan.line_ids._check_children_sum()
        self._workflow_transition({'state': 'submitted'})
        return True  # XML-RPC cannot marshal None

    @api.multi
    def action_approve(self):
        self._check_approver()
        if self.filtered(lambda p: p.state != 'submitted'):
            raise UserError(_('Only submitted plans can be approved.'))
        self.check_access_rule('write')  # before anything changes, also the replaced revision
        for plan in self:
            # the replaced revision stops counting before this one starts
            plan.previous_revision_id._workflow_consequence({'is_current': False})
            plan._workflow_transition({'state': 'approved', 'approved_by_id': self.env.uid,
                                       'approved_date': fields.Datetime.now()})
        return True  # XML-RPC cannot marshal None

    @api.multi
    def action_reject(self):
        self._check_approver()
        if self.filtered(lambda p: p.state != 'submitted'):
            raise UserError(_('Only submitted plans can be sent back to draft.'))
        self._workflow_transition({'state': 'draft'})
        return True  # XML-RPC cannot marshal None

    @api.multi
    def action_lock(self):
        if not self.env.user.has_group('sales_mis.group_director'):
            raise AccessError(_('Only a sales director can lock plans.'))
        if self.filtered(lambda p: p.state != 'approved'):
            raise UserError(_('Only approved plans can be locked.'))
        self._workflow_transition({'state': 'locked'})
        return True  # XML-RPC cannot marshal None

    @api.multi
    def action_replan(self):
        """A new draft revision with a copy of the line tree; this one stays as it is."""
        self.ensure_one()
        if self.state not in ('approved', 'locked') or not self.is_current:
            raise UserError(_('Only the current approved or locked revision can be re-planned.'))
        if self.sudo().search_count([('previous_revision_id', '=', self.id)]):
            raise UserError(_('Plan "%s" already has a newer revision.') % self.name)
        new = self.copy({'line_ids': []})  # as the caller: their right to create plans
        new._workflow_transition({'revision': self.revision + 1, 'previous_revision_id': self.id})
        new.line_ids.unlink()
        self.root_line_id._copy_tree(new, parent=False)
        return {'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': new.id,
                'view_mode': 'form', 'target': 'current'}
