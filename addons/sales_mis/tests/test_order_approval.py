# -*- coding: utf-8 -*-
"""Order approval 订单审核 in the database: reasons, request, the manager's decision, four eyes,
and an approval voided by a later change of the total."""
from odoo.exceptions import AccessError, UserError

from .common import PlanningCase


class OrderCase(PlanningCase):

    def setUp(self):
        super(OrderCase, self).setUp()
        self.company.write({'sales_mis_approval_amount': 50000.0, 'sales_mis_approval_discount': 15.0,
                            'sales_mis_approval_credit': True, 'sales_mis_approval_overdue': True})

    def quotation(self, user, qty=10, price=100.0, discount=0.0, partner=None):
        return self.env['sale.order'].sudo(user).create({
            'partner_id': (partner or self.customer).id, 'user_id': user.id, 'team_id': user.sale_team_id.id,
            'order_line': [(0, 0, {'product_id': self.product_a.id, 'product_uom_qty': qty,
                                   'price_unit': price, 'discount': discount, 'tax_id': [(6, 0, [])]})]})

    def invoice(self, partner, amount, date_due, refund=False):
        account = self.env['account.account'].search([('user_type_id.type', '=', 'receivable')], limit=1)
        income = self.env['account.account'].search([('user_type_id.type', '=', 'other')], limit=1)
        invoice = self.env['account.invoice'].create({
            'partner_id': partner.id, 'type': 'out_refund' if refund else 'out_invoice', 'account_id': account.id,
            'date_invoice': '2020-01-01', 'date_due': date_due,
            'invoice_line_ids': [(0, 0, {'name': 'Pump', 'quantity': 1, 'price_unit': amount, 'account_id': income.id})]})
        invoice.action_invoice_open()
        invoice.date_due = date_due
        return invoice


class TestOrderApproval(OrderCase):

    def test_small_order_confirms_without_approval(self):
        order = self.quotation(self.salesperson)
        self.assertFalse(order.approval_required)
        order.sudo(self.salesperson).action_confirm()
        self.assertEqual(order.state, 'sale')

    def test_salesperson_sees_why_and_cannot_confirm(self):
        order = self.quotation(self.salesperson, qty=100, price=600.0, discount=20.0)  # 48,000 after discount
        self.assertTrue(order.approval_blocking)
        self.assertNotIn('total', order.approval_reasons.split('\n')[0][:3])
        self.assertEqual(len(order.approval_reasons.split('\n')), 1, order.approval_reasons)
        self.assertIn('20.0%', order.approval_reasons)
        with self.assertRaisesRegex(UserError, 'needs a manager'):
            order.sudo(self.salesperson).action_confirm()
        self.assertEqual(order.state, 'draft')

    def test_request_approve_confirm(self):
        order = self.quotation(self.salesperson, qty=100, price=600.0)  # 60,000
        self.assertIn('above the approval threshold', order.approval_reasons)
        order.sudo(self.salesperson).action_request_approval()
        self.assertEqual(order.approval_state, 'requested')
        activity = order.activity_ids
        self.assertEqual((len(activity), activity.user_id), (1, self.manager), 'a to-do for the team leader')
        with self.assertRaisesRegex(UserError, 'waiting for the team manager'):
            order.sudo(self.salesperson).action_confirm()
        wizard = self.env['sales_mis.order.approval'].sudo(self.manager).create(
            {'order_id': order.id, 'decision': 'approve', 'comment': 'Strategic customer'})
        wizard.action_decide()
        self.assertEqual((order.approval_state, order.approval_user_id, order.approval_amount),
                         ('approved', self.manager, 60000.0))
        self.assertFalse(order.activity_ids, 'the to-do is done')
        self.assertFalse(order.approval_blocking)
        order.sudo(self.salesperson).action_confirm()
        self.assertEqual(order.state, 'sale')
        tracked = order.sudo().message_ids.mapped('tracking_value_ids').filtered(lambda t: t.field == 'approval_state')
        self.assertIn('Approved', tracked.mapped('new_value_char'))

    def test_the_approval_todo_speaks_the_leaders_language(self):
        """Issue 13 §10: the to-do was written in the requester's language."""
        self.manager.lang = 'zh_CN'
        self.salesperson.lang = 'en_US'
        order = self.quotation(self.salesperson, qty=100, price=600.0)  # 60,000
        order.sudo(self.salesperson).with_context(lang='en_US').action_request_approval()
        activity = order.activity_ids
        self.assertEqual(activity.summary, '审核订单 %s' % order.name)
        self.assertIn('超过审核阈值', activity.note)
        self.assertNotIn('above', activity.note)
        # a director deciding in English still closes the Chinese to-do
        order.sudo(self.director).with_context(lang='en_US').action_approve('ok')
        self.assertFalse(order.activity_ids)

    def test_changing_the_total_voids_the_approval(self):
        order = self.quotation(self.salesperson, qty=100, price=600.0)
        order.sudo(self.salesperson).action_request_approval()
        order.sudo(self.manager).action_approve('ok')
        order.order_line.sudo(self.salesperson).write({'product_uom_qty': 150})
        self.assertEqual(order.approval_state, 'none')
        self.assertTrue(order.approval_blocking)
        with self.assertRaisesRegex(UserError, 'needs a manager'):
            order.sudo(self.salesperson).action_confirm()

    def test_reject_needs_a_comment_and_says_why(self):
        order = self.quotation(self.salesperson, qty=100, price=600.0)
        order.sudo(self.salesperson).action_request_approval()
        with self.assertRaisesRegex(UserError, 'say why'):
            order.sudo(self.manager).action_reject('  ')
        order.sudo(self.manager).action_reject('Price too low')
        self.assertEqual(order.approval_state, 'rejected')
        with self.assertRaisesRegex(UserError, 'Price too low'):
            order.sudo(self.salesperson).action_confirm()

    def test_four_eyes_and_team_scope(self):
        own = self.quotation(self.salesperson, qty=100, price=600.0)
        own.sudo(self.salesperson).action_request_approval()
        with self.assertRaises(AccessError):
            own.sudo(self.salesperson).action_approve('self service')
        with self.assertRaises(AccessError):
            own.sudo(self.salesperson).write({'approval_state': 'approved'})
        with self.assertRaises(AccessError):
            own.sudo(self.manager_south).action_approve('not my team')
        managers_own = self.quotation(self.manager, qty=100, price=600.0)
        with self.assertRaisesRegex(AccessError, 'your own order'):
            managers_own.sudo(self.manager).action_approve('mine')
        managers_own.sudo(self.director).action_approve('director signs')
        self.assertEqual(managers_own.approval_state, 'approved')

    def test_credit_limit_and_overdue_debt(self):
        debtor = self.env['res.partner'].create({'name': 'Debtor Ltd', 'customer': True, 'credit_limit': 5000.0})
        self.invoice(debtor, 4500.0, '2099-12-31')
        order = self.quotation(self.salesperson, qty=10, price=100.0, partner=debtor)
        self.assertIn('over the credit limit', order.approval_reasons)
        self.assertNotIn('overdue', order.approval_reasons)
        late = self.env['res.partner'].create({'name': 'Late Payer', 'customer': True})
        self.invoice(late, 800.0, '2020-01-31')
        order = self.quotation(self.salesperson, partner=late)
        self.assertEqual(order.approval_reasons.count('\n'), 0)
        self.assertIn('overdue invoices', order.approval_reasons)
        blocked = self.env['sale.order'].search([('approval_blocking', '=', True), ('id', '=', order.id)])
        self.assertEqual(blocked, order)

    def test_manager_sees_team_orders_salesperson_only_own(self):
        mine = self.quotation(self.salesperson)
        teammate = self.quotation(self.salesperson_east2)
        south = self.quotation(self.salesperson_south)
        ids = (mine | teammate | south).ids
        Order = self.env['sale.order']
        self.assertEqual(Order.sudo(self.salesperson).search([('id', 'in', ids)]), mine)
        self.assertEqual(Order.sudo(self.manager).search([('id', 'in', ids)]), mine | teammate)
        self.assertEqual(Order.sudo(self.director).search([('id', 'in', ids)]), mine | teammate | south)
        with self.assertRaises(AccessError):
            teammate.sudo(self.salesperson).read(['name'])
        with self.assertRaises(AccessError):
            south.sudo(self.manager).read(['name'])
