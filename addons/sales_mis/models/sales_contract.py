# -*- coding: utf-8 -*-
"""Sales contracts 销售合同 (D1): the agreement with a customer, its orders, and how far it is
fulfilled: ordered, delivered, invoiced and paid, untaxed and net of credit notes (D5).

Fulfilment sums the stored tracking amounts of the linked confirmed orders with one read_group
for all contracts on screen (sale_order_tracking.py keeps those amounts current).

The status follows the workflow mechanism (models/workflow_mixin.py): only the buttons move it,
whatever the caller's context; a closed or cancelled contract no longer changes."""
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..order_logic.tracking import percent
from ..workflow_logic.rules import Transition, WorkflowSpec

CONTRACT_STATES = [
    ('draft', 'Draft'),
    ('active', 'Active'),
    ('closed', 'Closed'),
    ('cancel', 'Cancelled'),
]

CONTRACT_WORKFLOW = WorkflowSpec(
    protected={'state'}, frozen_states=('closed', 'cancel'), deletable_states=('draft', 'cancel'), transitions=[
        Transition('action_activate', ('draft',), 'active', 'whoever may write the contract, once it has a value'),
        Transition('action_close', ('active',), 'closed', 'whoever may write the contract'),
        Transition('action_cancel', ('draft', 'active'), 'cancel', 'whoever may write the contract'),
        Transition('action_draft', ('cancel',), 'draft', 'whoever may write the contract'),
    ])

#: contract field <- sum of this sale.order field over the contract's confirmed orders
_FULFILMENT = {
    'ordered_amount': 'amount_untaxed',
    'delivered_amount': 'delivered_amount',
    'invoiced_amount': 'invoiced_net_amount',
    'paid_amount': 'paid_amount',
}


class SalesContract(models.Model):
    _name = 'sales_mis.contract'
    _description = 'Sales Contract'
    _inherit = ['sales_mis.workflow.mixin', 'mail.thread', 'mail.activity.mixin']
    _order = 'date_signed desc, id desc'
    _workflow = CONTRACT_WORKFLOW

    name = fields.Char(string='Contract Number', required=True, copy=False, readonly=True, index=True,
                       default=lambda self: _('New'))
    title = fields.Char(string='Subject', required=True, track_visibility='onchange')
    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True,
                                 domain=[('customer', '=', True)], track_visibility='onchange')
    user_id = fields.Many2one('res.users', string='Salesperson', required=True, index=True,
                              default=lambda self: self.env.user, track_visibility='onchange')
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True, track_visibility='onchange',
                              default=lambda self: self.env.user.sale_team_id)
    company_id = fields.Many2one('res.company', string='Company', required=True, index=True,
                                 default=lambda self: self.env['res.company']._company_default_get('sales_mis.contract'))
    currency_id = fields.Many2one('res.currency', string='Currency', required=True,
                                  default=lambda self: self.env.user.company_id.currency_id)
    amount = fields.Monetary(string='Contract Value', required=True, track_visibility='onchange',
                             help='Untaxed value agreed in the contract; fulfilment is measured against it.')
    date_signed = fields.Date(string='Signed On', track_visibility='onchange')
    date_start = fields.Date(string='Start Date', track_visibility='onchange')
    date_end = fields.Date(string='End Date', track_visibility='onchange')
    payment_term_id = fields.Many2one('account.payment.term', string='Payment Terms', track_visibility='onchange')
    terms = fields.Text(string='Terms and Conditions')
    state = fields.Selection(CONTRACT_STATES, string='Status', required=True, default='draft', copy=False, readonly=True,
                             track_visibility='onchange')
    order_ids = fields.One2many('sale.order', 'contract_id', string='Orders')
    order_count = fields.Integer(string='Orders', compute='_compute_fulfilment')
    ordered_amount = fields.Monetary(string='Ordered', compute='_compute_fulfilment',
                                     help='Untaxed amount of the confirmed orders of the contract.')
    delivered_amount = fields.Monetary(string='Delivered', compute='_compute_fulfilment')
    invoiced_amount = fields.Monetary(string='Invoiced', compute='_compute_fulfilment',
                                      help='Untaxed amount invoiced, minus credit notes.')
    paid_amount = fields.Monetary(string='Paid', compute='_compute_fulfilment')
    ordered_percent = fields.Float(string='Ordered (%)', compute='_compute_fulfilment')
    delivered_percent = fields.Float(string='Delivered (%)', compute='_compute_fulfilment')
    invoiced_percent = fields.Float(string='Invoiced (%)', compute='_compute_fulfilment')
    paid_percent = fields.Float(string='Paid (%)', compute='_compute_fulfilment')

    _sql_constraints = [
        ('name_company_uniq', 'unique(name, company_id)', 'The contract number must be unique per company.'),
        ('amount_positive', 'CHECK(amount >= 0)', 'The contract value cannot be negative.'),
    ]

    @api.constrains('date_start', 'date_end')
    def _check_dates(self):
        for contract in self:
            if contract.date_start and contract.date_end and contract.date_end < contract.date_start:
                raise ValidationError(_('Contract %s ends (%s) before it starts (%s).')
                                      % (contract.name, contract.date_end, contract.date_start))

    @api.depends('order_ids.state', 'order_ids.amount_untaxed', 'order_ids.delivered_amount',
                 'order_ids.invoiced_net_amount', 'order_ids.paid_amount', 'amount')
    def _compute_fulfilment(self):
        totals = defaultdict(dict)
        if self.ids:
            # sudo: fulfilment counts every order of the contract, also a teammate's
            groups = self.env['sale.order'].sudo().read_group(
                [('contract_id', 'in', self.ids), ('state', 'in', ('sale', 'done'))],
                ['contract_id'] + list(_FULFILMENT.values()), ['contract_id'])
            for group in groups:
                values = {field: group[order_field] or 0.0 for field, order_field in _FULFILMENT.items()}
                values['order_count'] = group['contract_id_count']
                totals[group['contract_id'][0]] = values
        for contract in self:
            values = totals.get(contract.id, {})
            contract.order_count = values.get('order_count', 0)
            for field in _FULFILMENT:
                amount = values.get(field, 0.0)
                contract[field] = amount
                contract[field.replace('_amount', '_percent')] = percent(amount, contract.amount)

    @api.model
    def create(self, values):
        if values.get('name', _('New')) == _('New'):
            company = self.env['res.company'].browse(values.get('company_id')) or self.env.user.company_id
            values['name'] = self.env['ir.sequence'].with_context(force_company=company.id).next_by_code(
                'sales_mis.contract') or _('New')
        return super(SalesContract, self).create(values)

    @api.onchange('user_id')
    def _onchange_user_id(self):
        if self.user_id.sale_team_id:
            self.team_id = self.user_id.sale_team_id

    def _set_state(self, state, allowed_from):
        for contract in self:
            if contract.state not in allowed_from:
                raise UserError(_('Contract %s is %s; it cannot go to %s from there.') % (
                    contract.name, dict(self._fields['state']._description_selection(self.env))[contract.state],
                    dict(self._fields['state']._description_selection(self.env))[state]))
        self._workflow_transition({'state': state})
        return True

    @api.multi
    def action_activate(self):
        for contract in self:
            if not contract.amount:
                raise UserError(_('Enter the value of contract %s before activating it.') % contract.name)
        return self._set_state('active', ('draft',))

    @api.multi
    def action_close(self):
        return self._set_state('closed', ('active',))

    @api.multi
    def action_cancel(self):
        return self._set_state('cancel', ('draft', 'active'))

    @api.multi
    def action_draft(self):
        return self._set_state('draft', ('cancel',))

    @api.multi
    def action_view_orders(self):
        self.ensure_one()
        action = self.env.ref('sale.action_orders').read()[0]
        action['domain'] = [('contract_id', '=', self.id)]
        action['context'] = {'default_contract_id': self.id, 'default_partner_id': self.partner_id.id,
                             'default_user_id': self.user_id.id, 'default_team_id': self.team_id.id}
        return action


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    contract_id = fields.Many2one('sales_mis.contract', string='Contract', index=True, copy=False,
                                  track_visibility='onchange',
                                  domain="[('partner_id', 'child_of', partner_id), ('state', '=', 'active')]")

    @api.constrains('contract_id', 'partner_id', 'pricelist_id', 'company_id')
    def _check_contract(self):
        for order in self.filtered('contract_id'):
            contract = order.contract_id.sudo()
            if contract.partner_id.commercial_partner_id != order.partner_id.commercial_partner_id:
                raise ValidationError(_('Order %s is for %s but contract %s is with %s.') % (
                    order.name, order.partner_id.display_name, contract.name, contract.partner_id.display_name))
            if contract.currency_id != order.currency_id:
                raise ValidationError(_('Order %s is in %s but contract %s is in %s: use a pricelist in the '
                                        'contract\'s currency.') % (order.name, order.currency_id.name,
                                                                    contract.name, contract.currency_id.name))
            if contract.company_id != order.company_id:
                raise ValidationError(_('Order %s and contract %s belong to different companies.')
                                      % (order.name, contract.name))
            if contract.state not in ('active', 'closed') and order.state in ('sale', 'done'):
                raise ValidationError(_('Contract %s is not active: activate it before linking confirmed orders.')
                                      % contract.name)
