# -*- coding: utf-8 -*-
"""Commission statements 奖励分配 (E3): one salesperson's actuals of a period by
product category and their completion of the period's approved targets, run
through the scheme with the pure `planning.commission.compute_statement`; the
team's manager approves them."""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..planning.commission import compute_statement, statement_total
from ..workflow_logic.rules import EVERYTHING, Transition, WorkflowSpec
from .commission_scheme import _dec

#: the figures are the computation's, the approval the approver's; an approved statement is final
STATEMENT_WORKFLOW = WorkflowSpec(
    protected={'state', 'approved_by_id', 'amount_total', 'completion', 'multiplier', 'line_ids'},
    frozen_states={'approved'}, deletable_states={'draft'},
    transitions=[Transition('action_compute', ('draft',), None,
                            'who may change the statement (the manager of its team, a director)'),
                 Transition('action_approve', ('draft',), 'approved',
                            'the manager of its team or a director, never the statement\'s salesperson'),
                 Transition('action_reset', ('approved',), 'draft', 'the same')])
#: only the computation writes lines
LINE_WORKFLOW = WorkflowSpec(protected=EVERYTHING, parent_field='statement_id', frozen_states={'approved'})
#: what the figures were computed from: changing it voids them
COMPUTED_FROM = {'user_id', 'team_id', 'company_id', 'scheme_id', 'date_from', 'date_to'}
VOID = {'line_ids': [(5, 0, 0)], 'amount_total': 0.0, 'completion': 0.0, 'multiplier': 0.0}


class CommissionStatement(models.Model):
    _name = 'sales_mis.commission.statement'
    _description = 'Commission Statement'
    # the workflow mixin first: its message_post makes the caller the author of tracked transitions
    _inherit = ['sales_mis.workflow.mixin', 'mail.thread']
    _order = 'date_from desc, user_id'
    _workflow = STATEMENT_WORKFLOW

    name = fields.Char(compute='_compute_name', store=True)
    user_id = fields.Many2one('res.users', string='Salesperson', required=True, index=True,
                              states={'approved': [('readonly', True)]})
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True)
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True)
    scheme_id = fields.Many2one('sales_mis.commission.scheme', required=True,
                                states={'approved': [('readonly', True)]})
    date_from = fields.Date(required=True, states={'approved': [('readonly', True)]})
    date_to = fields.Date(required=True, states={'approved': [('readonly', True)]})
    state = fields.Selection([('draft', 'Draft'), ('approved', 'Approved')], default='draft', required=True,
                             readonly=True, track_visibility='onchange', copy=False)
    # a copy is a new draft to compute, not a copy of the figures or of the approval
    completion = fields.Float(string='Period Completion (%)', readonly=True, copy=False)
    multiplier = fields.Float(readonly=True, copy=False)
    line_ids = fields.One2many('sales_mis.commission.line', 'statement_id', readonly=True)
    amount_total = fields.Monetary(string='Commission', readonly=True, track_visibility='onchange', copy=False)
    approved_by_id = fields.Many2one('res.users', readonly=True, track_visibility='onchange', copy=False)

    @api.depends('user_id', 'date_from', 'date_to')
    def _compute_name(self):
        for statement in self:
            statement.name = '%s %s..%s' % (statement.user_id.name or '', statement.date_from or '',
                                             statement.date_to or '')

    @api.model
    def create(self, values):
        if values.get('user_id') and not values.get('team_id'):
            # the team decides who approves and who may see the statement
            values = dict(values, team_id=self.env['res.users'].browse(values['user_id']).sale_team_id.id)
        return super(CommissionStatement, self).create(values)

    @api.constrains('user_id', 'team_id')
    def _check_team(self):
        # the team decides who approves: a manager cannot file another team's salesperson under
        # the team he leads (and so compute and approve their commission)
        for statement in self:
            if statement.team_id != statement.user_id.sale_team_id:
                raise ValidationError(_('A commission statement belongs to the team of its salesperson (%s).')
                                      % (statement.user_id.sale_team_id.name or _('no team')))

    @api.onchange('user_id')
    def _onchange_user_id(self):
        self.team_id = self.user_id.sale_team_id

    @api.multi
    def write(self, values):
        """The workflow mixin refuses the figures and any change of an approved statement; a
        change of what the figures were computed from voids them (compute again)."""
        result = super(CommissionStatement, self).write(values)
        if COMPUTED_FROM & set(values) and self.env.uid != SUPERUSER_ID:
            computed = self.filtered(lambda s: s.sudo().line_ids or s.amount_total)
            if computed:
                computed._workflow_transition(VOID)
        return result

    @api.multi
    def action_compute(self):
        """Actuals of the period by category, completion of the period's targets, lines; for
        whoever may change the statement (access rights and rules, checked by the transition
        before anything is measured)."""
        measure = self.env['sales_mis.kpi.measure']
        self.check_access_rights('write')
        self.check_access_rule('write')
        for statement in self:
            if statement.state != 'draft':
                raise UserError(_('Only draft statements are computed.'))
            args = {'users': (statement.user_id.id,), 'company': statement.company_id.id,
                    'date_from': statement.date_from, 'date_to': statement.date_to}
            completion = dict(measure._measure_revenue_completion(args)).get(statement.user_id.id, 0.0)
            self.env.cr.execute("""
                SELECT a.categ_id, sum(a.amount)
                  FROM sales_mis_actual a JOIN res_company c ON c.id = a.company_id
                 WHERE a.basis = c.sales_mis_actual_basis AND a.company_id = %(company)s
                   AND a.user_id IN %(users)s
                   AND a.month BETWEEN date_trunc('month', %(date_from)s::date) AND %(date_to)s
                 GROUP BY a.categ_id""", args)
            actuals = {categ: _dec(amount) for categ, amount in self.env.cr.fetchall()}
            scheme = statement.scheme_id
            try:
                lines = compute_statement(actuals, _dec(completion), scheme._tiers(), scheme._category_rates(),
                                          _dec(scheme.default_rate) / 100, statement.currency_id.decimal_places)
            except ValueError as error:
                raise UserError(_('Commission scheme "%s" is not valid: %s') % (scheme.name, error))
            statement._workflow_transition({
                'line_ids': [(5, 0, 0)] + [(0, 0, {
                    'user_id': statement.user_id.id, 'team_id': statement.team_id.id,
                    'company_id': statement.company_id.id, 'categ_id': line.category,
                    'base_amount': float(line.base), 'rate': float(line.rate * 100),
                    'multiplier': float(line.multiplier), 'amount': float(line.amount)}) for line in lines],
                'completion': completion, 'amount_total': float(statement_total(lines)),
                'multiplier': float(lines[0].multiplier) if lines else 0.0})
        return True

    def _check_approver(self):
        for statement in self:
            leads_team = statement.team_id.user_id == self.env.user
            if not (self.env.user.has_group('sales_mis.group_director')
                    or (leads_team and self.env.user.has_group('sales_mis.group_manager'))):
                raise AccessError(_('Only the manager of %s or a sales director can approve this statement.')
                                  % (statement.team_id.name or _('the team')))
            if statement.user_id == self.env.user:
                raise AccessError(_('Nobody approves their own commission.'))

    @api.multi
    def action_approve(self):
        self._check_approver()
        if self.filtered(lambda s: s.state != 'draft' or not s.sudo().line_ids):
            raise UserError(_('Compute a draft statement before approving it.'))
        self._workflow_transition({'state': 'approved', 'approved_by_id': self.env.uid})
        return True

    @api.multi
    def action_reset(self):
        self._check_approver()
        if self.filtered(lambda s: s.state != 'approved'):
            raise UserError(_('Only approved statements are reset to draft.'))
        self._workflow_transition({'state': 'draft', 'approved_by_id': False})
        return True

    @api.multi
    def action_export(self):
        return {'type': 'ir.actions.act_url', 'target': 'new',
                'url': '/sales_mis/commission/statements.xlsx?ids=%s' % ','.join(map(str, self.ids))}

    @api.model
    def generate(self, scheme_id, date_from, date_to, team_id=False):
        """Draft statements of every salesperson (of a team) for a period, computed."""
        users = self.env['res.users'].search([
            ('share', '=', False), ('groups_id', 'in', self.env.ref('sales_mis.group_salesperson').id)]
            + ([('sale_team_id', '=', team_id)] if team_id else []))
        existing = self.search([('scheme_id', '=', scheme_id), ('date_from', '=', date_from),
                                ('date_to', '=', date_to), ('user_id', 'in', users.ids)]).mapped('user_id')
        statements = self.browse()
        for user in users - existing:
            statements |= self.create({'user_id': user.id, 'team_id': user.sale_team_id.id,
                                       'scheme_id': scheme_id, 'date_from': date_from, 'date_to': date_to})
        statements.action_compute()
        return statements.ids


class CommissionLine(models.Model):
    _name = 'sales_mis.commission.line'
    _description = 'Commission Statement Line'
    _inherit = ['sales_mis.workflow.mixin']
    _order = 'statement_id, categ_id'
    _workflow = LINE_WORKFLOW

    statement_id = fields.Many2one('sales_mis.commission.statement', required=True, ondelete='cascade')
    # copies of the statement's, set at creation: record rules need them from the first write
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True, index=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    currency_id = fields.Many2one(related='statement_id.currency_id', readonly=True)
    categ_id = fields.Many2one('product.category', string='Product Category')
    base_amount = fields.Monetary(string='Sales')
    rate = fields.Float(string='Rate (%)', digits=(16, 4))
    multiplier = fields.Float()
    amount = fields.Monetary(string='Commission')

