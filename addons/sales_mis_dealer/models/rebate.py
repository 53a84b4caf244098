# -*- coding: utf-8 -*-
"""Dealer rebates 返利 (I4): a policy's tiers give a rate on a dealer's period total (invoiced,
untaxed, net of credit notes), as commission tiers do (sales_mis planning/commission.py's
tier_multiplier picks the tier); a statement per dealer and period is computed, then approved by
a manager (the team's) or a director, never by the dealer's own owner, and exported as XLSX."""
from decimal import Decimal

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.sales_mis.planning.commission import Tier, tier_multiplier
from odoo.addons.sales_mis.workflow_logic.rules import Transition, WorkflowSpec

from ..dealer_logic import rebate
from .stock_report import refuse_copied

STATEMENT_WORKFLOW = WorkflowSpec(
    protected={'state', 'base_amount', 'rate', 'amount', 'approved_by_id', 'computed_on'},
    frozen_states=('approved',), deletable_states=('draft',),
    transitions=[Transition('action_compute', ('draft',), None, "whoever may write the statement (the dealer's owner)"),
                 Transition('action_approve', ('draft',), 'approved', "the team's manager or a director, not the owner"),
                 Transition('action_reset', ('approved',), 'draft', 'the same')])


class RebatePolicy(models.Model):
    _name = 'sales_mis_dealer.rebate.policy'
    _description = 'Dealer Rebate Policy'

    name = fields.Char(string='Policy', required=True, translate=True)
    company_id = fields.Many2one('res.company', string='Company', required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    active = fields.Boolean(default=True)
    tier_ids = fields.One2many('sales_mis_dealer.rebate.tier', 'policy_id', string='Tiers', copy=True)

    @api.constrains('tier_ids')
    def _check_tiers(self):
        for policy in self:
            try:
                tier_multiplier(Decimal('0'), policy._tiers())
            except ValueError as error:
                raise ValidationError(_('Rebate policy %s: %s') % (policy.name, error))

    def _tiers(self):
        return [Tier(Decimal(str(tier.min_amount)), Decimal(str(tier.rate))) for tier in self.tier_ids]


class RebateTier(models.Model):
    _name = 'sales_mis_dealer.rebate.tier'
    _description = 'Dealer Rebate Tier'
    _order = 'min_amount'

    policy_id = fields.Many2one('sales_mis_dealer.rebate.policy', required=True, ondelete='cascade', index=True)
    min_amount = fields.Float(string='From Period Total', required=True, digits=(16, 2))
    rate = fields.Float(string='Rebate (%)', required=True, digits=(16, 2))

    _sql_constraints = [('rate_range', 'CHECK(rate >= 0 AND rate <= 100)', 'A rebate rate is between 0 and 100 %.'),
                        ('amount_positive', 'CHECK(min_amount >= 0)', 'A tier starts at 0 or more.')]


class RebateStatement(models.Model):
    _name = 'sales_mis_dealer.rebate.statement'
    _description = 'Dealer Rebate Statement'
    _inherit = ['sales_mis.workflow.mixin', 'mail.thread']
    _order = 'date_to desc, id desc'
    _workflow = STATEMENT_WORKFLOW

    partner_id = fields.Many2one('res.partner', string='Dealer', required=True, index=True, ondelete='restrict',
                                 domain=[('is_dealer', '=', True), ('parent_id', '=', False)], track_visibility='onchange')
    user_id = fields.Many2one('res.users', string='Owner', readonly=True, index=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True, index=True)
    company_id = fields.Many2one('res.company', string='Company', required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True)
    policy_id = fields.Many2one('sales_mis_dealer.rebate.policy', string='Policy', required=True,
                                track_visibility='onchange')
    date_from = fields.Date(string='Period From', required=True, track_visibility='onchange')
    date_to = fields.Date(string='Period To', required=True, track_visibility='onchange')
    state = fields.Selection([('draft', 'Draft'), ('approved', 'Approved')], string='Status', default='draft',
                             required=True, readonly=True, copy=False, track_visibility='onchange')
    base_amount = fields.Monetary(string='Period Total', readonly=True, copy=False, track_visibility='onchange',
                                  help='Invoiced untaxed, net of credit notes, in the period.')
    rate = fields.Float(string='Rebate (%)', readonly=True, copy=False, digits=(16, 2))
    amount = fields.Monetary(string='Rebate', readonly=True, copy=False, track_visibility='onchange')
    computed_on = fields.Datetime(string='Computed On', readonly=True, copy=False)
    approved_by_id = fields.Many2one('res.users', string='Approved By', readonly=True, copy=False,
                                     track_visibility='onchange')

    _sql_constraints = [('period_order', 'CHECK(date_to >= date_from)', 'A period ends on or after its start.'),
                        ('dealer_policy_period_uniq', 'unique(partner_id, policy_id, date_from, date_to)',
                         'The dealer already has a statement of this policy for this period.')]

    @api.model
    def create(self, values):
        values = dict(values, **self.env['sales_mis_dealer.stock.report']._dealer_owner(values.get('partner_id')))
        return super(RebateStatement, self).create(values)

    @api.multi
    def write(self, values):
        self._refuse_copied(values, ('user_id', 'team_id'))
        if values.get('partner_id'):
            values.update(self.env['sales_mis_dealer.stock.report']._dealer_owner(values['partner_id']))
        result = super(RebateStatement, self).write(values)
        if {'partner_id', 'policy_id', 'date_from', 'date_to', 'company_id'} & set(values):
            # what was computed no longer describes the statement: compute again before approving
            self._workflow_consequence({'computed_on': False, 'base_amount': 0.0, 'rate': 0.0, 'amount': 0.0})
        return result

    @api.multi
    def name_get(self):
        return [(s.id, '%s %s..%s' % (s.partner_id.sudo().name, s.date_from, s.date_to)) for s in self]

    def _refuse_copied(self, values, names):
        refuse_copied(self, values, names)

    def _period_totals(self):
        """{statement id: invoiced untaxed net of refunds} in one query."""
        if not self.ids:
            return {}
        self.env.cr.execute("""
            SELECT s.id, COALESCE(SUM(i.amount_untaxed_signed), 0)
              FROM sales_mis_dealer_rebate_statement s
              LEFT JOIN account_invoice i ON i.commercial_partner_id = s.partner_id AND i.company_id = s.company_id
                   AND i.type IN ('out_invoice', 'out_refund') AND i.state IN ('open', 'paid')
                   AND i.date_invoice BETWEEN s.date_from AND s.date_to
             WHERE s.id IN %s GROUP BY s.id""", (tuple(self.ids),))
        return dict(self.env.cr.fetchall())

    @api.multi
    def action_compute(self):
        if self.filtered(lambda s: s.state != 'draft'):
            raise UserError(_('Only draft rebate statements are computed.'))
        self.check_access_rights('write')
        self.check_access_rule('write')
        totals = self._period_totals()
        for statement in self:
            base = Decimal(str(totals.get(statement.id, 0.0)))
            rate = tier_multiplier(base, statement.policy_id.sudo()._tiers())
            statement._workflow_transition({
                'base_amount': float(base), 'rate': float(rate), 'amount': float(rebate.rebate_amount(base, rate)),
                'computed_on': fields.Datetime.now()})
        return True

    def _check_approver(self):
        user = self.env.user
        for statement in self:
            team = statement.sudo().team_id
            if not (user.has_group('sales_mis.group_director') or
                    (user.has_group('sales_mis.group_manager') and team and
                     (team.user_id == user or team == user.sale_team_id))):
                raise AccessError(_('Only the manager of the dealer\'s team or a sales director approves rebates.'))
            if statement.user_id == user:
                raise AccessError(_('Nobody approves the rebate of a dealer they own.'))

    @api.multi
    def action_approve(self):
        self._check_approver()
        if self.filtered(lambda s: s.state != 'draft' or not s.computed_on):
            raise UserError(_('Compute a draft rebate statement before approving it.'))
        self._workflow_transition({'state': 'approved', 'approved_by_id': self.env.uid})
        return True

    @api.multi
    def action_reset(self):
        self._check_approver()
        if self.filtered(lambda s: s.state != 'approved'):
            raise UserError(_('Only approved rebate statements go back to draft.'))
        self._workflow_transition({'state': 'draft', 'approved_by_id': False})
        return True

    @api.multi
    def action_export(self):
        return {'type': 'ir.actions.act_url', 'target': 'new',
                'url': '/sales_mis_dealer/rebate/statements.xlsx?ids=%s' % ','.join(map(str, self.ids))}
