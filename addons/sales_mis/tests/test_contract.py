# -*- coding: utf-8 -*-
"""Sales contracts 销售合同: numbering, states, linked orders, fulfilment net of refunds, and
who sees which contract."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .test_order_tracking import TrackingCase


class TestContract(TrackingCase):

    def contract(self, user, **values):
        contract = self.env['sales_mis.contract'].sudo(user).create(dict({
            'title': 'Pumps 2030', 'partner_id': self.customer.id, 'user_id': user.id,
            'team_id': user.sale_team_id.id, 'amount': 5000.0,
            'date_start': '2030-01-01', 'date_end': '2030-12-31'}, **values))
        return contract

    def test_number_states_and_bad_input(self):
        contract = self.contract(self.salesperson)
        self.assertTrue(contract.name.startswith('HT'), contract.name)
        self.assertNotEqual(contract.name, self.contract(self.salesperson).name)
        with self.assertRaisesRegex(UserError, 'cannot go to'):
            contract.action_close()
        contract.action_activate()
        self.assertEqual(contract.state, 'active')
        with self.assertRaisesRegex(ValidationError, 'ends'):
            self.contract(self.salesperson, date_end='2029-12-31')
        with self.assertRaisesRegex(UserError, 'value'):
            self.contract(self.salesperson, amount=0.0).action_activate()
        other = self.env['res.partner'].create({'name': 'Someone Else', 'customer': True})
        order = self.quotation(self.salesperson, partner=other)
        with self.assertRaisesRegex(ValidationError, 'contract'):
            order.write({'contract_id': contract.id})
        tracked = contract.sudo().message_ids.mapped('tracking_value_ids').filtered(lambda t: t.field == 'state')
        self.assertTrue(tracked)

    def test_fulfilment_ordered_delivered_invoiced_paid_net_of_refunds(self):
        contract = self.contract(self.salesperson)
        contract.action_activate()
        first = self.quotation(self.salesperson, qty=10, price=100.0)
        first.write({'contract_id': contract.id})
        first.sudo().action_confirm()
        second = self.quotation(self.salesperson, qty=10, price=150.0)
        second.write({'contract_id': contract.id})
        second.sudo().action_confirm()
        self.quotation(self.salesperson, qty=99, price=10.0).write({'contract_id': contract.id})  # a quotation: not counted
        contract.invalidate_cache()
        self.assertEqual((contract.order_count, contract.ordered_amount, contract.ordered_percent), (2, 2500.0, 50.0))
        self.deliver(first.sudo(), 10)
        invoice = self.invoice_order(first.sudo())
        self.pay(invoice, 1000.0)
        refund = invoice.refund(description='Price allowance')
        refund.invoice_line_ids.write({'price_unit': 20.0})
        refund.compute_taxes()
        refund.action_invoice_open()  # a red-letter invoice of 200
        contract.invalidate_cache()
        # the customer paid 1000 and is owed the 200 of the credit note, not yet paid back
        self.assertEqual((contract.delivered_amount, contract.invoiced_amount, contract.paid_amount),
                         (1000.0, 800.0, 1000.0))
        self.assertEqual((contract.delivered_percent, contract.invoiced_percent, contract.paid_percent),
                         (20.0, 16.0, 20.0))
        journal = self.env['account.journal'].search([('type', '=', 'bank'), ('company_id', '=', refund.company_id.id)], limit=1)
        refund.pay_and_reconcile(journal, 200.0)
        contract.invalidate_cache()
        self.assertEqual((contract.invoiced_amount, contract.paid_amount), (800.0, 800.0), 'refund paid back')

    def test_each_role_sees_its_contracts(self):
        mine = self.contract(self.salesperson)
        teammate = self.contract(self.salesperson_east2)
        south = self.contract(self.salesperson_south)
        Contract = self.env['sales_mis.contract']
        ids = (mine | teammate | south).ids
        self.assertEqual(Contract.sudo(self.salesperson).search([('id', 'in', ids)]), mine)
        self.assertEqual(Contract.sudo(self.manager).search([('id', 'in', ids)]), mine | teammate)
        self.assertEqual(Contract.sudo(self.director).search([('id', 'in', ids)]), mine | teammate | south)
        with self.assertRaises(AccessError):
            teammate.sudo(self.salesperson).write({'terms': 'not mine'})
        with self.assertRaises(AccessError):
            mine.sudo(self.salesperson).unlink()
        with self.assertRaises(AccessError):
            south.sudo(self.manager).read(['name'])
        teammate.sudo(self.manager).write({'terms': 'Reviewed by the manager'})
        other_company = self.env['res.company'].create({'name': 'Other Co'})
        foreign = self.env['sales_mis.contract'].create({
            'title': 'Abroad', 'partner_id': self.customer.id, 'user_id': self.director.id, 'amount': 1.0,
            'company_id': other_company.id})
        self.assertFalse(Contract.sudo(self.director).search([('id', '=', foreign.id)]))
