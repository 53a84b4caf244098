# -*- coding: utf-8 -*-
"""Service requests and complaints 服务请求与投诉 (K1).

A request names the customer, and where known the order, product and lot/serial it is about.
Its SLA policy (category x priority) fixes the response and resolution deadlines when it is
filed; later edits of category or priority do not move them (a deadline that could be pushed
back by editing would promise nothing). The service team is a sales team (crm.team): its
leader is the manager who gets the escalations, and the team-based record rules of Sales MIS
apply unchanged.

The status follows the workflow mechanism (sales_mis models/workflow_mixin.py): only the
transition methods below move it and the dates it stamps, each checking its caller first."""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.sales_mis.models.activity_deadline import _deadline_field
from odoo.addons.sales_mis.workflow_logic.rules import Transition, WorkflowSpec

from ..service_logic import sla
from .service_sla import PRIORITIES

STATES = [
    ('new', 'New'),
    ('assigned', 'Assigned'),
    ('in_progress', 'In Progress'),
    ('resolved', 'Resolved'),
    ('closed', 'Closed'),
    ('cancel', 'Cancelled'),
]
OPEN_STATES = ('new', 'assigned', 'in_progress')
KINDS = [('request', 'Service Request'), ('complaint', 'Complaint')]
MANAGER = 'sales_mis.group_manager'
#: days within which a complaint of the same customer about the same product is a repeat
REPEAT_DAYS_PARAM = 'sales_mis_service.repeat_days'
DEFAULT_REPEAT_DAYS = 30

REQUEST_WORKFLOW = WorkflowSpec(
    protected={'state', 'date_request', 'date_assigned', 'date_responded', 'date_resolved', 'date_closed',
               'response_deadline', 'resolution_deadline', 'sla_id', 'escalated', 'escalated_response',
               'escalated_resolution', 'date_escalated', 'is_repeat', 'invoice_id'},
    frozen_states=('closed', 'cancel'), deletable_states=('new', 'cancel'), transitions=[
        Transition('action_assign', ('new', 'assigned'), 'assigned',
                   'a sales manager (of the request\'s teams, by record rules) or a director; a '
                   'salesperson only to take the request themselves'),
        Transition('action_start', ('assigned',), 'in_progress', 'the assigned person, a manager, a director'),
        Transition('action_resolve', ('in_progress',), 'resolved', 'the assigned person, a manager, a director'),
        Transition('action_reopen', ('resolved',), 'in_progress', 'whoever may write the request'),
        Transition('action_close', ('resolved',), 'closed',
                   'the customer\'s salesperson (after the callback), a manager, a director'),
        Transition('action_cancel', OPEN_STATES, 'cancel',
                   'a manager or a director; the author of a request still new'),
        Transition('action_reset', ('cancel',), 'new', 'a manager or a director'),
        Transition('action_create_invoice', ('resolved', 'closed'), None,
                   'whoever may write the request and create customer invoices'),
    ])


class ServiceRequest(models.Model):
    _name = 'sales_mis_service.request'
    _description = 'Service Request'
    # the workflow mixin first (see sales_mis models/workflow_mixin.py)
    _inherit = ['sales_mis.workflow.mixin', 'mail.thread', 'mail.activity.mixin', 'portal.mixin',
                'sales_mis.activity.deadline']
    _order = 'date_request desc, id desc'
    _workflow = REQUEST_WORKFLOW

    # not stored (sales_mis models/activity_deadline.py): escalation files activities in bulk SQL,
    # and a portal customer filing a request cannot write the stored one (it is for internal users)
    activity_date_deadline = _deadline_field()

    name = fields.Char(string='Reference', required=True, copy=False, readonly=True, index=True,
                       default=lambda self: _('New'))
    subject = fields.Char(required=True, track_visibility='onchange')
    description = fields.Text()
    kind = fields.Selection(KINDS, string='Type', required=True, default='request', track_visibility='onchange')
    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True,
                                 track_visibility='onchange')
    # both follow the customer (create/write set them from it, whatever the caller sends): the
    # record rules read them, so they are plain columns written with the request, not related
    # fields recomputed after the access check of its creation
    commercial_partner_id = fields.Many2one('res.partner', string='Customer Company', readonly=True, index=True)
    salesperson_id = fields.Many2one('res.users', string='Salesperson', readonly=True, index=True,
                                     help="The customer's salesperson when the request was filed; they call back "
                                          "when it is resolved.")
    order_id = fields.Many2one('sale.order', string='Order', track_visibility='onchange',
                               domain="[('partner_id', 'child_of', commercial_partner_id)]")
    product_id = fields.Many2one('product.product', string='Product', index=True, track_visibility='onchange')
    lot_id = fields.Many2one('stock.production.lot', string='Lot/Serial Number', track_visibility='onchange',
                             domain="[('product_id', '=', product_id)]")
    category_id = fields.Many2one('sales_mis_service.category', string='Category', required=True, index=True,
                                  track_visibility='onchange')
    priority = fields.Selection(PRIORITIES, required=True, default='1', track_visibility='onchange')
    team_id = fields.Many2one('crm.team', string='Service Team', index=True, track_visibility='onchange',
                              help='The team that handles the request; its leader receives the escalations.')
    user_id = fields.Many2one('res.users', string='Assigned To', index=True, track_visibility='onchange')
    company_id = fields.Many2one('res.company', string='Company', required=True, index=True,
                                 default=lambda self: self.env['res.company']._company_default_get(
                                     'sales_mis_service.request'))
    state = fields.Selection(STATES, string='Status', required=True, default='new', copy=False, readonly=True,
                             index=True, track_visibility='onchange')
    resolution = fields.Text(string='Resolution', help='What was done to solve the request.')

    # dates: stamped by the transitions, deadlines from the SLA policy when filed
    date_request = fields.Datetime(string='Received', required=True, readonly=True, copy=False, index=True,
                                   default=fields.Datetime.now)
    sla_id = fields.Many2one('sales_mis_service.sla', string='SLA Policy', readonly=True, copy=False)
    # few indexes: escalation rewrites every overdue row, and each index costs it a write per row
    response_deadline = fields.Datetime(string='Respond By', readonly=True, copy=False)
    resolution_deadline = fields.Datetime(string='Resolve By', readonly=True, copy=False)
    date_assigned = fields.Datetime(string='Assigned On', readonly=True, copy=False)
    date_responded = fields.Datetime(string='Responded On', readonly=True, copy=False,
                                     help='When work started: the first response to the customer.')
    date_resolved = fields.Datetime(string='Resolved On', readonly=True, copy=False)
    date_closed = fields.Datetime(string='Closed On', readonly=True, copy=False)
    response_hours = fields.Float(string='Response Time (Hours)', compute='_compute_durations', store=True,
                                  compute_sudo=True)
    resolution_hours = fields.Float(string='Resolution Time (Hours)', compute='_compute_durations', store=True,
                                  compute_sudo=True)
    sla_response_met = fields.Boolean(string='Responded in Time', compute='_compute_sla_status')
    sla_resolution_met = fields.Boolean(string='Resolved in Time', compute='_compute_sla_status')
    overdue = fields.Boolean(string='Overdue', compute='_compute_sla_status', search='_search_overdue')

    # escalation (service_escalation.py)
    escalated = fields.Boolean(readonly=True, copy=False, track_visibility='onchange')
    escalated_response = fields.Boolean(string='Escalated: Response Late', readonly=True, copy=False)
    escalated_resolution = fields.Boolean(string='Escalated: Resolution Late', readonly=True, copy=False)
    date_escalated = fields.Datetime(string='Escalated On', readonly=True, copy=False)

    is_repeat = fields.Boolean(string='Repeat Complaint', readonly=True, copy=False,
                               help='A complaint of the same customer about the same product within the '
                                    'repeat window (30 days unless configured).')

    # callbacks and fees
    callback_ids = fields.One2many('sales_mis_service.callback', 'request_id', string='Callbacks')
    satisfaction = fields.Float(string='Satisfaction (1-5)', compute='_compute_satisfaction', store=True, compute_sudo=True,
                                group_operator='avg', help='Score of the latest callback.')
    fee_line_ids = fields.One2many('sales_mis_service.fee.line', 'request_id', string='Service Fees')
    currency_id = fields.Many2one('res.currency', related='company_id.currency_id', readonly=True)
    fee_total = fields.Monetary(string='Fees', compute='_compute_fee_total', store=True, compute_sudo=True)
    invoice_id = fields.Many2one('account.invoice', string='Fee Invoice', readonly=True, copy=False,
                                 track_visibility='onchange')

    # ------------------------------------------------------------ computes

    @api.depends('date_request', 'date_responded', 'date_resolved')
    def _compute_durations(self):
        for request in self:
            start = fields.Datetime.from_string(request.date_request)
            request.response_hours = sla.hours_between(
                start, fields.Datetime.from_string(request.date_responded)) or 0.0
            request.resolution_hours = sla.hours_between(
                start, fields.Datetime.from_string(request.date_resolved)) or 0.0

    def _compute_sla_status(self):
        now = fields.Datetime.from_string(fields.Datetime.now())
        for request in self:
            dt = fields.Datetime.from_string
            response = sla.met(dt(request.response_deadline), dt(request.date_responded), now)
            resolution = sla.met(dt(request.resolution_deadline), dt(request.date_resolved), now)
            request.sla_response_met = bool(response)
            request.sla_resolution_met = bool(resolution)
            request.overdue = request.state in OPEN_STATES and (
                sla.overdue(dt(request.response_deadline), dt(request.date_responded), now)
                or sla.overdue(dt(request.resolution_deadline), dt(request.date_resolved), now))

    def _search_overdue(self, operator, value):
        if operator not in ('=', '!=') or not isinstance(value, bool):
            raise UserError(_('Overdue can only be searched as true or false.'))
        now = fields.Datetime.now()
        domain = ['&', ('state', 'in', OPEN_STATES),
                  '|', '&', ('date_responded', '=', False), ('response_deadline', '<', now),
                  '&', ('date_resolved', '=', False), ('resolution_deadline', '<', now)]
        return domain if (operator == '=') == value else ['!'] + domain

    @api.depends('callback_ids.score', 'callback_ids.date')
    def _compute_satisfaction(self):
        for request in self:
            latest = request.callback_ids.sorted(lambda c: (c.date or '', c.id))[-1:]
            request.satisfaction = float(latest.score) if latest else 0.0

    @api.depends('fee_line_ids.subtotal')
    def _compute_fee_total(self):
        for request in self:
            request.fee_total = sum(request.fee_line_ids.mapped('subtotal'))

    # ------------------------------------------------------------ create

    @api.model
    def create(self, values):
        if values.get('name', _('New')) == _('New'):
            company = self.env['res.company'].browse(values.get('company_id')) or self.env.user.company_id
            values['name'] = self.env['ir.sequence'].sudo().with_context(force_company=company.id).next_by_code(
                'sales_mis_service.request') or _('New')
        request = super(ServiceRequest, self).create(self._with_customer(values))
        request._apply_sla()
        request._mark_repeats()
        return request

    @api.multi
    def write(self, values):
        if 'user_id' in values:
            self._check_reassign(values['user_id'])
        return super(ServiceRequest, self).write(self._with_customer(values))

    def _check_reassign(self, user_id):
        """Below manager, a request changes hands only to or from oneself: a salesperson takes an
        unassigned request or hands back their own, never a colleague's."""
        if self.env.uid == SUPERUSER_ID or self._is_manager():
            return
        me = self.env.user
        for request in self.sudo():
            if (request.user_id and request.user_id != me) or (user_id and user_id != me.id):
                raise AccessError(_('Only a sales manager or a director may give request %s to somebody else.')
                                  % request.name)

    def _with_customer(self, values):
        """`values` with the customer company and salesperson taken from the customer (read as the
        system: a portal customer cannot read their salesperson's user)."""
        values = dict(values)
        if 'partner_id' not in values:
            if {'commercial_partner_id', 'salesperson_id'} & set(values) and self.env.uid != SUPERUSER_ID:
                raise UserError(_('The customer company and the salesperson of a service request follow its '
                                  'customer: change the customer instead.'))
            return values
        partner = self.env['res.partner'].sudo().browse(values['partner_id'] or [])
        commercial = partner.commercial_partner_id
        values['commercial_partner_id'] = commercial.id or False
        values['salesperson_id'] = commercial.user_id.id or False
        return values

    @api.onchange('partner_id')
    def _onchange_partner_id(self):
        self.commercial_partner_id = self.partner_id.commercial_partner_id
        self.salesperson_id = self.partner_id.commercial_partner_id.user_id

    def _apply_sla(self):
        """The SLA policy and deadlines of new requests: the system's conclusion from a filing the
        caller was allowed to make (no grant)."""
        for request in self:
            policy = self.env['sales_mis_service.sla']._policy_for(
                request.company_id, request.category_id, request.priority)
            start = fields.Datetime.from_string(request.date_request)
            response, resolution = sla.deadlines(start, policy._as_logic() if policy else None)
            request._workflow_consequence({
                'sla_id': policy.id or False,
                'response_deadline': response and fields.Datetime.to_string(response) or False,
                'resolution_deadline': resolution and fields.Datetime.to_string(resolution) or False})

    def _repeat_days(self):
        value = self.env['ir.config_parameter'].sudo().get_param(REPEAT_DAYS_PARAM, DEFAULT_REPEAT_DAYS)
        try:
            return max(0, int(value))
        except (TypeError, ValueError):
            return DEFAULT_REPEAT_DAYS

    def _mark_repeats(self):
        """Flag new complaints that repeat one of the same customer company and product within the
        window: one SQL query over the earlier complaints of those customers (all of them, also
        those the caller may not read: a repeat is a fact about the customer)."""
        complaints = self.filtered(lambda r: r.kind == 'complaint' and r.product_id)
        if not complaints:
            return
        days = self._repeat_days()
        self.env.cr.execute("""
            SELECT id, commercial_partner_id, product_id, date_request FROM sales_mis_service_request
             WHERE kind = 'complaint' AND state != 'cancel'
               AND commercial_partner_id IN %s AND product_id IN %s
               AND date_request >= %s::timestamp - make_interval(days => %s)""", (
            tuple(complaints.mapped('commercial_partner_id').ids), tuple(complaints.mapped('product_id').ids),
            min(complaints.mapped('date_request')), days))
        rows = [(r[0], r[1], r[2], fields.Datetime.from_string(r[3]) if isinstance(r[3], str) else r[3])
                for r in self.env.cr.fetchall()]
        found = sla.repeats(rows, days) & set(complaints.ids)
        if found:
            self.browse(sorted(found))._workflow_consequence({'is_repeat': True})

    # ------------------------------------------------------------ callers

    def _is_manager(self):
        return self.env.user.has_group(MANAGER)

    def _check_state(self, allowed_from, target):
        labels = dict(self._fields['state']._description_selection(self.env))
        for request in self:
            if request.state not in allowed_from:
                raise UserError(_('Request %s is %s; it cannot go to %s from there.') % (
                    request.name, labels[request.state], labels.get(target, target)))

    def _check_handler(self, what):
        """The assigned person, a manager or a director (rules say which requests)."""
        if self._is_manager():
            return
        for request in self:
            if request.user_id != self.env.user:
                raise AccessError(_('Only %s (assigned), a sales manager or a director may %s request %s.') % (
                    request.user_id.name or _('the assigned person'), what, request.name))

    def _now(self):
        return fields.Datetime.now()

    # ------------------------------------------------------------ transitions

    @api.multi
    def action_assign(self):
        """Assign to the person in "Assigned To" (a salesperson may only take a request themselves)."""
        self._check_state(('new', 'assigned'), 'assigned')
        for request in self:
            if not request.user_id:
                raise UserError(_('Choose who the request %s is assigned to first.') % request.name)
            if not self._is_manager() and request.user_id != self.env.user:
                raise AccessError(_('Only a sales manager or a director may assign request %s to somebody '
                                    'else; you may take it yourself.') % request.name)
        return self._workflow_transition({'state': 'assigned', 'date_assigned': self._now()})

    @api.multi
    def action_take(self):
        """Take the request yourself: you become the assigned person."""
        self._check_state(('new', 'assigned'), 'assigned')
        self.write({'user_id': self.env.user.id})  # as the caller: rules, and no colleague's request
        return self.action_assign()

    @api.multi
    def action_start(self):
        """Start the work: the first response to the customer."""
        self._check_state(('assigned',), 'in_progress')
        self._check_handler(_('start'))
        return self._workflow_transition({'state': 'in_progress', 'date_responded': self._now()})

    @api.multi
    def action_resolve(self):
        """Resolved, once the resolution is written down: the callback comes next."""
        self._check_state(('in_progress',), 'resolved')
        self._check_handler(_('resolve'))
        for request in self:
            if not (request.resolution or '').strip():
                raise UserError(_('Write down how request %s was resolved first.') % request.name)
        return self._workflow_transition({'state': 'resolved', 'date_resolved': self._now()})

    @api.multi
    def action_reopen(self):
        """The solution did not hold: back to work; the resolution date is cleared."""
        self._check_state(('resolved',), 'in_progress')
        return self._workflow_transition({'state': 'in_progress', 'date_resolved': False})

    @api.multi
    def action_close(self):
        """Close a resolved request (below manager: the customer's salesperson, after a callback)."""
        self._check_state(('resolved',), 'closed')
        if not self._is_manager():
            for request in self:
                if request.salesperson_id != self.env.user:
                    raise AccessError(_('Only the customer\'s salesperson, a sales manager or a director may '
                                        'close request %s.') % request.name)
                if not request.callback_ids:
                    raise UserError(_('Call the customer back and record the callback before closing '
                                      'request %s.') % request.name)
        return self._workflow_transition({'state': 'closed', 'date_closed': self._now()})

    @api.multi
    def action_cancel(self):
        """Cancel an open request (below manager: only one's own, while it is new)."""
        self._check_state(OPEN_STATES, 'cancel')
        if not self._is_manager():
            for request in self:
                if request.state != 'new' or request.create_uid != self.env.user:
                    raise AccessError(_('Only a sales manager or a director may cancel request %s (its author '
                                        'only while it is new).') % request.name)
        return self._workflow_transition({'state': 'cancel'})

    @api.multi
    def action_reset(self):
        """A cancelled request back to new (managers and directors)."""
        self._check_state(('cancel',), 'new')
        if not self._is_manager():
            raise AccessError(_('Only a sales manager or a director may reopen a cancelled request.'))
        return self._workflow_transition({'state': 'new', 'date_assigned': False, 'date_responded': False,
                                          'date_resolved': False})

    @api.multi
    def action_create_invoice(self):
        """Settle the service fees: one draft customer invoice per request from its uninvoiced fee
        lines, created as the caller (who needs Odoo's rights to create invoices)."""
        self._check_state(('resolved', 'closed'), 'resolved')
        self.check_access_rights('write')
        self.check_access_rule('write')
        invoices = self.env['account.invoice']
        for request in self:
            if request.invoice_id and request.invoice_id.state != 'cancel':
                raise UserError(_('Request %s already has the fee invoice %s.') % (
                    request.name, request.invoice_id.number or request.invoice_id.id))
            lines = request.fee_line_ids.filtered(lambda l: not l.invoice_line_id)
            if not lines:
                raise UserError(_('Request %s has no service fee to invoice.') % request.name)
            invoice = invoices.create(request._invoice_values(lines))
            for fee, invoice_line in zip(lines, invoice.invoice_line_ids):
                fee._workflow_consequence({'invoice_line_id': invoice_line.id})
            invoice.compute_taxes()
            request._workflow_transition({'invoice_id': invoice.id})
            invoices |= invoice
        action = self.env.ref('account.action_invoice_tree1').read()[0]
        action.update({'res_id': invoices[:1].id, 'view_mode': 'form',
                       'views': [(self.env.ref('account.invoice_form').id, 'form')]})
        return action

    def _invoice_values(self, lines):
        self.ensure_one()
        partner = self.commercial_partner_id
        return {
            'type': 'out_invoice',
            'partner_id': partner.id,
            'company_id': self.company_id.id,
            'currency_id': self.company_id.currency_id.id,
            'account_id': partner.with_context(force_company=self.company_id.id).property_account_receivable_id.id,
            'origin': self.name,
            'user_id': self.env.user.id,
            'invoice_line_ids': [(0, 0, fee._invoice_line_values()) for fee in lines],
        }

    @api.multi
    def action_view_invoice(self):
        """The fee invoice of the request."""
        self.ensure_one()
        action = self.env.ref('account.action_invoice_tree1').read()[0]
        action.update({'res_id': self.invoice_id.id, 'view_mode': 'form',
                       'views': [(self.env.ref('account.invoice_form').id, 'form')]})
        return action

    # ------------------------------------------------------------ portal

    @api.multi
    def _compute_portal_url(self):
        for request in self:
            request.portal_url = '/my/service/%s' % request.id
