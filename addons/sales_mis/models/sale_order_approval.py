# -*- coding: utf-8 -*-
"""Order approval 订单审核 (D4): a quotation over the company's amount or discount threshold, or
for a customer over the credit limit or with overdue debt, is confirmed only after a manager of
its team approves it. The rules are in order_logic/approval.py; this is the ORM glue: facts read
in bulk, the request as an activity for the team leader, the decision tracked in the chatter.

The approval fields follow the workflow mechanism (models/workflow_mixin.py): only the
Request/Approve/Reject buttons write them, whatever the caller's context. An approval is bound
to what was approved by a fingerprint of the order's terms (order_logic/approval.py); any
change of them voids it."""
from collections import defaultdict

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import formatLang
from odoo.tools import html_escape

from ..order_logic import approval as rules
from ..workflow_logic.rules import Transition, WorkflowSpec

APPROVAL_STATES = [
    ('none', 'Not Requested'),
    ('requested', 'Awaiting Approval'),
    ('approved', 'Approved'),
    ('rejected', 'Rejected'),
]

#: fields only the approval buttons write
APPROVAL_FIELDS = {'approval_state', 'approval_amount', 'approval_user_id', 'approval_date', 'approval_comment',
                   'approval_fingerprint'}

#: the order's approval in the workflow table; Odoo's own `state` (quotation -> sale) stays Odoo's
ORDER_APPROVAL_WORKFLOW = WorkflowSpec(
    state_field='approval_state', protected=APPROVAL_FIELDS, transitions=[
        Transition('action_request_approval', ('none', 'rejected', 'requested'), 'requested',
                   'whoever may write the order, when it needs approval'),
        Transition('action_approve', ('none', 'requested', 'rejected'), 'approved',
                   'the leader of the order\'s team or a director, never its salesperson'),
        Transition('action_reject', ('none', 'requested', 'rejected'), 'rejected', 'as action_approve'),
        Transition('_void_changed_approvals', ('approved',), 'none',
                   'the system, when the approved terms of a quotation change'),
    ])


class SaleOrder(models.Model):
    _name = 'sale.order'
    _inherit = ['sale.order', 'sales_mis.workflow.mixin']
    _workflow = ORDER_APPROVAL_WORKFLOW

    approval_state = fields.Selection(APPROVAL_STATES, string='Approval', default='none', required=True,
                                      copy=False, readonly=True, track_visibility='onchange')
    approval_amount = fields.Monetary(string='Approved Total', copy=False, readonly=True,
                                      help='The order total the approval covers; changing the total voids it.')
    approval_user_id = fields.Many2one('res.users', string='Approved By', copy=False, readonly=True,
                                       track_visibility='onchange')
    approval_date = fields.Datetime(string='Approval Date', copy=False, readonly=True)
    approval_comment = fields.Text(string='Approval Comment', copy=False, readonly=True,
                                   track_visibility='onchange')
    approval_fingerprint = fields.Char(string='Approved Terms', copy=False, readonly=True,
                                       help='Digest of what was approved (customer, salesperson, team, '
                                            'currency, total and lines); any change voids the approval.')
    approval_reasons = fields.Text(string='Approval Reasons', compute='_compute_approval',
                                   help='Why this order needs a manager\'s approval before confirmation.')
    approval_required = fields.Boolean(string='Needs Approval', compute='_compute_approval')
    approval_blocking = fields.Boolean(
        string='Blocked Until Approved', compute='_compute_approval', search='_search_approval_blocking',
        help='Needs approval and has no valid one (none yet, rejected, or the order changed since).')

    # ------------------------------------------------------------------ facts and reasons

    def _approval_facts(self):
        """{order id: OrderFacts} for these orders, customers' debt read in two queries, and only
        what the company's policy checks (overdue invoices; receivables of customers with a
        credit limit): a confirmation pays for no figure the rules will not look at."""
        policies = {order.id: order._approval_policy() for order in self}
        commercial = lambda orders: orders.mapped('partner_id.commercial_partner_id')
        overdue_partners = commercial(self.filtered(lambda o: policies[o.id].check_overdue))
        credit_partners = commercial(self.filtered(lambda o: policies[o.id].check_credit)).filtered(
            lambda p: p.credit_limit > 0)
        overdue = defaultdict(float)
        if overdue_partners:
            groups = self.env['account.invoice'].sudo().read_group(
                [('commercial_partner_id', 'in', overdue_partners.ids), ('type', '=', 'out_invoice'),
                 ('state', '=', 'open'), ('date_due', '<', fields.Date.context_today(self))],
                ['commercial_partner_id', 'residual_company_signed'], ['commercial_partner_id'])
            for group in groups:
                overdue[group['commercial_partner_id'][0]] = group['residual_company_signed']
        receivable = {p.id: p.credit for p in credit_partners.sudo()}  # one SQL query for all of them
        facts = {}
        for order in self:
            company_currency = order.company_id.currency_id
            to_company = order.currency_id.with_context(date=order.date_order)
            partner = order.partner_id.commercial_partner_id
            facts[order.id] = rules.OrderFacts(
                amount=to_company.compute(order.amount_total, company_currency) if order.currency_id else order.amount_total,
                max_discount=max(order.order_line.mapped('discount') or [0.0]),
                credit_limit=partner.credit_limit, open_receivable=receivable.get(partner.id, 0.0),
                overdue_amount=overdue[partner.id])
        return facts

    def _approval_policy(self):
        company = self.company_id or self.env.user.company_id
        return rules.ApprovalPolicy(
            amount_threshold=company.sales_mis_approval_amount,
            discount_threshold=company.sales_mis_approval_discount,
            check_credit=company.sales_mis_approval_credit,
            check_overdue=company.sales_mis_approval_overdue)

    def _approval_reason_text(self, reason):
        currency = self.company_id.currency_id
        # the reader's language sets the separators, the currency its symbol and side
        money = lambda amount: formatLang(self.env, amount, currency_obj=currency)
        values = reason.values
        if reason.code == rules.AMOUNT:
            return _('Order total %s is above the approval threshold of %s.') % (
                money(values['amount']), money(values['threshold']))
        if reason.code == rules.DISCOUNT:
            return _('A line discount of %.1f%% is above the approval threshold of %.1f%%.') % (
                values['discount'], values['threshold'])
        if reason.code == rules.CREDIT:
            return _('Open receivables %s plus this order come to %s, over the credit limit of %s.') % (
                money(values['receivable']), money(values['exposure']), money(values['limit']))
        return _('The customer has %s of overdue invoices.') % money(values['overdue'])

    def _approval_reasons_text(self, reasons):
        return '\n'.join('• ' + self._approval_reason_text(r) for r in reasons)

    def _approval_summary(self):
        return _('Approve order %s') % self.name

    @api.depends('amount_total', 'order_line.discount', 'order_line.price_unit', 'order_line.product_uom_qty',
                 'order_line.product_id', 'order_line.tax_id', 'partner_id', 'user_id', 'team_id', 'state',
                 'approval_state', 'approval_amount', 'approval_fingerprint')
    def _compute_approval(self):
        open_orders = self.filtered(lambda o: o.state in ('draft', 'sent'))
        facts = open_orders._approval_facts() if open_orders else {}
        holding = open_orders._approvals_holding()
        for order in self:
            reasons = []
            if order.id in facts:
                reasons = rules.approval_reasons(facts[order.id], order._approval_policy())
            order.approval_reasons = order._approval_reasons_text(reasons)
            order.approval_required = bool(reasons)
            order.approval_blocking = bool(reasons) and order.id not in holding

    def _search_approval_blocking(self, operator, value):
        if operator not in ('=', '!=') or not isinstance(value, bool):
            raise UserError(_('Unsupported search on "Blocked Until Approved".'))
        quotations = self.search([('state', 'in', ('draft', 'sent'))])
        blocked = quotations.filtered('approval_blocking')
        wanted = (operator == '=') == value
        return [('id', 'in' if wanted else 'not in', blocked.ids)]

    # ------------------------------------------------------------------ what was approved

    def _approval_fingerprints(self):
        """{order id: fingerprint of its current terms}; the lines of all orders are read together,
        as the system: the digest must not depend on what the reader may see (taxes, products)."""
        result = {}
        for order in self.sudo():
            lines = [rules.LineTerms(line.product_id.id, line.product_uom.id, line.product_uom_qty,
                                     line.price_unit, line.discount, tuple(line.tax_id.ids))
                     for line in order.order_line]
            result[order.id] = rules.approval_fingerprint(rules.OrderTerms(
                order.partner_id.id, order.user_id.id, order.team_id.id, order.company_id.id,
                order.currency_id.id, order.amount_total, lines))
        return result

    def _approvals_holding(self):
        """Ids of the orders among these whose approval still covers their terms."""
        approved = self.filtered(lambda o: o.approval_state == 'approved')
        current = approved._approval_fingerprints() if approved else {}
        return {order.id for order in approved if rules.approval_holds(order.approval_fingerprint, current[order.id])}

    # ------------------------------------------------------------------ workflow

    @api.multi
    def action_request_approval(self):
        todo = self.env.ref('mail.mail_activity_data_todo')
        for order in self:
            if not order.approval_blocking:
                raise UserError(_('Order %s does not need approval; confirm it directly.') % order.name)
            leader = order.team_id.user_id
            if not leader:
                raise UserError(_('The sales team of order %s has no team leader to approve it. '
                                  'Ask your administrator to set one on the team.') % order.name)
            order._workflow_transition({'approval_state': 'requested', 'approval_comment': False})
            # the to-do is the leader's: in their language, not the requester's
            theirs = order.with_context(lang=leader.lang or order.env.lang)
            facts = theirs._approval_facts()
            reasons = rules.approval_reasons(facts[order.id], theirs._approval_policy()) if order.id in facts else []
            self.env['mail.activity'].sudo().create({
                'res_model_id': self.env['ir.model']._get_id('sale.order'), 'res_id': order.id,
                'activity_type_id': todo.id, 'user_id': leader.id,
                'summary': theirs._approval_summary(),
                'note': '<p>%s</p>' % html_escape(theirs._approval_reasons_text(reasons)).replace('\n', '<br/>'),
            })
        return True

    @api.multi
    def action_open_approval_decision(self):
        self.ensure_one()
        self._check_may_approve()
        action = self.env.ref('sales_mis.action_order_approval_decision').read()[0]
        action['context'] = {'default_order_id': self.id}
        return action

    def _check_may_approve(self):
        user = self.env.user
        is_director = user.has_group('sales_mis.group_director')
        for order in self:
            if order.state not in ('draft', 'sent'):
                raise UserError(_('Order %s is no longer a quotation; there is nothing to approve.') % order.name)
            if user.id == order.user_id.id:
                raise AccessError(_('You cannot approve or reject your own order %s; '
                                    'another manager of the team must do it.') % order.name)
            if not rules.may_approve(user.id, order.user_id.id, order.team_id.user_id == user, is_director):
                raise AccessError(_('Only the leader of team %s or a sales director can approve order %s.')
                                  % (order.team_id.name or '-', order.name))

    def _close_approval_activities(self, feedback):
        todo = self.env.ref('mail.mail_activity_data_todo')
        activities = self.env['mail.activity'].sudo().search([
            ('res_model', '=', 'sale.order'), ('res_id', 'in', self.ids), ('activity_type_id', '=', todo.id),
            ('summary', 'in', [o.with_context(lang=lang)._approval_summary() for o in self
                               for lang, _name in self.env['res.lang'].get_installed()])])
        activities.action_feedback(feedback)

    @api.multi
    def action_approve(self, comment=False):
        self._check_may_approve()
        fingerprints = self._approval_fingerprints()
        for order in self:
            order._workflow_transition({
                'approval_state': 'approved', 'approval_amount': order.amount_total,
                'approval_fingerprint': fingerprints[order.id], 'approval_user_id': self.env.uid,
                'approval_date': fields.Datetime.now(), 'approval_comment': comment or False})
        self._close_approval_activities(_('Approved. %s') % (comment or ''))
        return True

    @api.multi
    def action_reject(self, comment):
        if not (comment or '').strip():
            raise UserError(_('Please say why the order is rejected, so the salesperson can act on it.'))
        self._check_may_approve()
        self._workflow_transition({'approval_state': 'rejected', 'approval_amount': 0.0, 'approval_fingerprint': False,
                                   'approval_user_id': self.env.uid, 'approval_date': fields.Datetime.now(),
                                   'approval_comment': comment})
        self._close_approval_activities(_('Rejected: %s') % comment)
        return True

    @api.multi
    def action_confirm(self):
        # the superuser is the system (installation, data migration), not a salesperson
        if self.env.uid != SUPERUSER_ID:
            for order in self.filtered('approval_blocking'):
                if order.approval_state == 'approved':
                    why = _('It was approved, but the order has changed since: request approval again.')
                elif order.approval_state == 'requested':
                    why = _('Approval has been requested and is waiting for the team manager.')
                elif order.approval_state == 'rejected':
                    why = _('It was rejected: %s') % (order.approval_comment or '')
                else:
                    why = _('Click "Request Approval" to ask the team manager.')
                raise UserError(_('Order %s needs a manager\'s approval before it can be confirmed:\n%s\n%s')
                                % (order.name, order.approval_reasons, why))
        return super(SaleOrder, self).action_confirm()

    # ------------------------------------------------------------------ integrity

    # the approval fields are guarded by sales_mis.workflow.mixin; called here first, because on
    # sale.order the mixin comes after Odoo's own overrides

    @api.model
    def create(self, values):
        self._workflow_check_create(values)
        return super(SaleOrder, self).create(values)

    @api.multi
    def write(self, values):
        self._workflow_check_write(values)
        result = super(SaleOrder, self).write(values)
        if not APPROVAL_FIELDS.issuperset(values):
            self._void_changed_approvals()
        return result

    def _void_changed_approvals(self):
        """An approval covers the terms it was given for: once any of them changes, the quotation
        needs approving again. Only approved quotations are fingerprinted (no cost for others)."""
        approved = self.filtered(lambda o: o.approval_state == 'approved' and o.state in ('draft', 'sent'))
        if not approved:
            return
        holding = approved._approvals_holding()
        changed = approved.filtered(lambda o: o.id not in holding)
        if not changed:
            return
        # a consequence of a change the caller was allowed to make, and it only takes away
        changed._workflow_consequence({'approval_state': 'none', 'approval_fingerprint': False})
        author = self.env.user.partner_id.id
        for order in changed.sudo():
            order.message_post(author_id=author, body=_(
                'Approval withdrawn: the order changed after it was approved (customer, salesperson, team, '
                'lines, prices, discounts, taxes or total).'))


class SaleOrderLine(models.Model):
    _inherit = 'sale.order.line'

    @api.model
    def create(self, values):
        line = super(SaleOrderLine, self).create(values)
        line.order_id._void_changed_approvals()
        return line

    @api.multi
    def write(self, values):
        orders = self.mapped('order_id')  # a line moved away changes the order it leaves, too
        result = super(SaleOrderLine, self).write(values)
        (orders | self.mapped('order_id'))._void_changed_approvals()
        return result

    @api.multi
    def unlink(self):
        orders = self.mapped('order_id')
        result = super(SaleOrderLine, self).unlink()
        orders.exists()._void_changed_approvals()
        return result
