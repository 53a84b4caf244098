# -*- coding: utf-8 -*-
"""Automatic customer classes 客户分类 (C2): rules on 12-month revenue, order
count, margin and overdue receivables, applied to all customers in one pass,
with a class history; managers trigger it, salespeople cannot."""
import json
from datetime import date, timedelta

from odoo.exceptions import AccessError, ValidationError

from .common import PlanningCase


class TestCustomerClass(PlanningCase):

    def setUp(self):
        super(TestCustomerClass, self).setUp()
        Rule = self.env['sales_mis.customer.class.rule']
        Rule.search([]).unlink()  # the demo rules would compete with the test's
        Rule.create({'sequence': 1, 'code': 'A', 'min_revenue': 1000, 'min_order_count': 2,
                     'check_overdue': True, 'max_overdue_amount': 0, 'max_overdue_days': 0})
        Rule.create({'sequence': 2, 'code': 'B', 'min_revenue': 500})
        Rule.create({'sequence': 3, 'code': 'C'})
        Partner = self.env['res.partner']
        self.big = Partner.create({'name': 'Big Buyer', 'customer': True, 'is_company': True,
                                   'user_id': self.salesperson.id, 'team_id': self.team_east.id})
        self.late = Partner.create({'name': 'Late Payer', 'customer': True, 'is_company': True,
                                    'user_id': self.salesperson_south.id, 'team_id': self.team_south.id})
        self.small = Partner.create({'name': 'Small Buyer', 'customer': True, 'is_company': True})
        self.today = date.today()
        recent = (self.today - timedelta(days=30)).strftime('%Y-%m-%d')
        old = (self.today - timedelta(days=500)).strftime('%Y-%m-%d')
        for partner, day, qty in ((self.big, recent, 6), (self.big, recent, 6), (self.big, old, 50),
                                  (self.late, recent, 7), (self.late, recent, 7), (self.small, recent, 1)):
            self.customer = partner
            self.book_order(self.salesperson, day, [(self.product_a, qty, 100.0)])
        self.overdue_invoice(self.late, 300.0, days_late=45)

    def overdue_invoice(self, partner, amount, days_late):
        account = self.env['account.account'].search(
            [('user_type_id', '=', self.env.ref('account.data_account_type_revenue').id)], limit=1)
        invoice = self.env['account.invoice'].create({
            'partner_id': partner.id, 'type': 'out_invoice',
            'date_invoice': (self.today - timedelta(days=days_late + 30)).strftime('%Y-%m-%d'),
            'date_due': (self.today - timedelta(days=days_late)).strftime('%Y-%m-%d'),
            'invoice_line_ids': [(0, 0, {'name': 'Pump', 'quantity': 1, 'price_unit': amount,
                                         'account_id': account.id})]})
        invoice.action_invoice_open()
        invoice.date_due = (self.today - timedelta(days=days_late)).strftime('%Y-%m-%d')
        return invoice

    def classify(self):
        return self.env['res.partner']._sales_mis_classify(self.company, today=self.today)

    def test_rules_use_revenue_orders_and_overdue_in_one_pass(self):
        result = self.classify()
        self.assertGreaterEqual(result['total'], 3)
        # Big: 1,200 in 2 orders of the last 12 months (the old order does not count), pays on time.
        self.assertEqual(self.big.sales_mis_class, 'A')
        # Late: 1,400 in 2 orders, but an invoice 45 days overdue -> not A.
        self.assertEqual(self.late.sales_mis_class, 'B')
        self.assertEqual(self.small.sales_mis_class, 'C')
        history = self.big.sales_mis_class_history_ids
        self.assertEqual(len(history), 1)
        self.assertEqual((history.old_class, history.new_class, history.user_id), (False, 'A', self.salesperson))
        metrics = json.loads(history.metrics)
        self.assertEqual((metrics['revenue'], metrics['order_count'], metrics['overdue_amount']), (1200.0, 2, 0.0))
        late_metrics = json.loads(self.late.sales_mis_class_history_ids.metrics)
        self.assertEqual((late_metrics['overdue_amount'], late_metrics['overdue_days']), (300.0, 45))

    def test_only_changes_are_written_and_logged(self):
        self.classify()
        again = self.classify()
        self.assertEqual(again['changed'], 0)
        self.assertEqual(len(self.big.sales_mis_class_history_ids), 1)
        self.env['sales_mis.customer.class.rule'].search([('code', '=', 'A')]).min_revenue = 5000
        self.classify()
        self.assertEqual(self.big.sales_mis_class, 'B')
        self.assertEqual(self.big.sales_mis_class_history_ids[0].old_class, 'A')

    def test_roles(self):
        with self.assertRaises(AccessError):
            self.env['res.partner'].sudo(self.salesperson).action_sales_mis_classify()
        self.env['res.partner'].sudo(self.manager).action_sales_mis_classify()
        History = self.env['sales_mis.customer.class.history']
        ids = (self.big | self.late | self.small).mapped('sales_mis_class_history_ids').ids
        self.assertEqual(History.sudo(self.salesperson).search([('id', 'in', ids)]).mapped('partner_id'), self.big)
        self.assertEqual(History.sudo(self.manager).search([('id', 'in', ids)]).mapped('partner_id'), self.big)
        self.assertEqual(len(History.sudo(self.director).search([('id', 'in', ids)])), 3)
        with self.assertRaises(AccessError):
            History.browse(self.late.sales_mis_class_history_ids.id).sudo(self.salesperson).read(['new_class'])
        with self.assertRaises(AccessError):
            self.env['sales_mis.customer.class.rule'].sudo(self.manager).create({'code': 'D'})
        with self.assertRaises(ValidationError):
            self.env['sales_mis.customer.class.rule'].create({'code': 'X', 'min_revenue': -1})
