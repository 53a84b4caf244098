# -*- coding: utf-8 -*-
"""Dealer grading and rebates (I4): measures from orders, invoices and stock reports, grades and
ranks, who grades and approves, the rebate tiers, the XLSX route's checks."""
from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import DealerCase


class TestGradingRebate(DealerCase):

    @classmethod
    def setUpClass(cls):
        super(TestGradingRebate, cls).setUpClass()
        env = cls.env
        Grade = env['sales_mis_dealer.grade']
        Grade.search([]).unlink()
        cls.grade_a = Grade.create({'name': 'A', 'min_score': 70})
        cls.grade_d = Grade.create({'name': 'D', 'min_score': 0})
        cls.dealer_east2 = cls.make_dealer('East Dealer Two', cls.seller_east2, cls.team_east)
        today = fields.Date.from_string(fields.Date.context_today(env['res.partner']))
        cls.month_start = today.replace(day=1)
        cls.date_from, cls.date_to = str(cls.month_start), str(today)
        for dealer, amount in ((cls.dealer_east, 5000.0), (cls.dealer_east2, 1000.0)):
            order = env['sale.order'].create({
                'partner_id': dealer.id, 'user_id': dealer.user_id.id,
                'order_line': [(0, 0, {'product_id': cls.product_a.id, 'product_uom_qty': 1, 'price_unit': amount})]})
            order.action_confirm()
            setattr(cls, 'order_%d' % dealer.id, order)
        cls.policy = env['sales_mis_dealer.rebate.policy'].create({'name': 'Test rebates', 'tier_ids': [
            (0, 0, {'min_amount': 0, 'rate': 0}), (0, 0, {'min_amount': 1000, 'rate': 1.0}),
            (0, 0, {'min_amount': 4000, 'rate': 2.5})]})

    def make_grading(self, user, team):
        return self.env['sales_mis_dealer.grading'].sudo(user).create({
            'name': 'Test grading', 'date_from': self.date_from, 'date_to': self.date_to, 'team_id': team.id})

    def test_grading_scores_ranks_and_publishes(self):
        grading = self.make_grading(self.manager_east, self.team_east)
        grading.action_compute()
        lines = {line.partner_id: line for line in grading.line_ids}
        self.assertEqual(set(lines), {self.dealer_east, self.dealer_east2})  # the team's dealers only
        best, second = lines[self.dealer_east], lines[self.dealer_east2]
        self.assertEqual((best.rank, second.rank), (1, 2))
        self.assertEqual(best.sales_amount, 5000.0)
        # sales 100, growth/payment/stock neutral 50: 40 + 0.2 * 50 * 3 = 70 -> A
        self.assertAlmostEqual(best.score, 70.0)
        self.assertEqual(best.grade_id, self.grade_a)
        self.assertAlmostEqual(second.score, 0.4 * 20 + 30)
        self.assertEqual(second.grade_id, self.grade_d)
        with self.assertRaises(AccessError):  # lines are the computation's
            best.sudo(self.manager_east).write({'score': 99})
        with self.assertRaises(AccessError):  # nobody outside the team grades it
            grading.sudo(self.manager_south).action_publish()
        with self.assertRaises(AccessError):
            grading.sudo(self.seller_east).action_publish()
        grading.action_publish()
        self.assertEqual(self.dealer_east.dealer_grade, 'A')
        self.assertEqual(self.contact_east.dealer_grade, 'A')
        with self.assertRaises(AccessError):
            grading.sudo(self.manager_east).write({'name': 'changed'})
        # a salesperson reads the lines of own dealers only
        Line = self.env['sales_mis_dealer.grading.line']
        self.assertEqual(Line.sudo(self.seller_east).search([('grading_id', '=', grading.id)]).partner_id,
                         self.dealer_east)

    def test_rebate_tiers_and_approval(self):
        order = getattr(self, 'order_%d' % self.dealer_east.id)
        invoice = self.env['account.invoice'].browse(order.action_invoice_create())
        invoice.action_invoice_open()
        statement = self.env['sales_mis_dealer.rebate.statement'].sudo(self.seller_east).create({
            'partner_id': self.dealer_east.id, 'policy_id': self.policy.id, 'date_from': self.date_from,
            'date_to': self.date_to})
        self.assertEqual(statement.user_id, self.seller_east)
        with self.assertRaises(AccessError):
            statement.write({'amount': 1e6})
        statement.action_compute()
        self.assertEqual((statement.base_amount, statement.rate, statement.amount), (5000.0, 2.5, 125.0))
        with self.assertRaises(AccessError):  # the owner does not approve it
            statement.action_approve()
        with self.assertRaises(AccessError):
            statement.sudo(self.manager_south).action_approve()
        with self.assertRaises(AccessError):  # another salesperson does not even see it
            statement.sudo(self.seller_east2).read(['amount'])
        statement.sudo(self.manager_east).action_approve()
        self.assertEqual((statement.state, statement.approved_by_id), ('approved', self.manager_east))
        with self.assertRaises(AccessError):
            statement.write({'date_to': self.date_from})

    def test_changing_the_period_voids_the_computation(self):
        statement = self.env['sales_mis_dealer.rebate.statement'].sudo(self.seller_east).create({
            'partner_id': self.dealer_east.id, 'policy_id': self.policy.id, 'date_from': self.date_from,
            'date_to': self.date_to})
        statement.action_compute()
        statement.write({'date_from': '2000-01-01'})
        self.assertFalse(statement.computed_on)
        with self.assertRaises(UserError):
            statement.sudo(self.manager_east).action_approve()

    def test_policy_tiers_checked(self):
        with self.assertRaises(Exception):
            self.env['sales_mis_dealer.rebate.policy'].create({'name': 'Bad', 'tier_ids': [
                (0, 0, {'min_amount': 10, 'rate': 1}), (0, 0, {'min_amount': 10, 'rate': 2})]})

    def test_buttons_on_no_records(self):
        """Found by the RPC fuzzer: a button called on no records does nothing (no SQL error)."""
        self.assertTrue(self.env['sales_mis_dealer.rebate.statement'].sudo(self.seller_east).action_compute())
        self.assertTrue(self.env['sales_mis_dealer.grading'].sudo(self.manager_east).action_compute())
        self.assertTrue(self.env['sales_mis_dealer.stock.report'].sudo(self.seller_east).write(
            {'partner_id': self.dealer_east.id}))
