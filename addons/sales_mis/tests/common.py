# -*- coding: utf-8 -*-
"""Shared fixtures of the planning tests: two teams, their people, products in
two categories, and helpers to book confirmed orders on a given date."""
from odoo.tests.common import TransactionCase


class PlanningCase(TransactionCase):

    def setUp(self):
        super(PlanningCase, self).setUp()
        env = self.env
        self.director = env.ref('sales_mis.user_director')
        self.manager = env.ref('sales_mis.user_manager')
        self.salesperson = env.ref('sales_mis.user_salesperson')
        self.team_east = env.ref('sales_mis.team_east_china')
        Users = env['res.users'].with_context(no_reset_password=True)
        self.manager_south = Users.create({
            'name': 'South Manager', 'login': 'test_south_manager', 'email': 'south.manager@example.com',
            'groups_id': [(6, 0, [env.ref('base.group_user').id, env.ref('sales_mis.group_manager').id])]})
        self.team_south = env['crm.team'].create({'name': 'South China', 'user_id': self.manager_south.id})
        self.salesperson_south = Users.create({
            'name': 'South Seller', 'login': 'test_south_seller', 'email': 'south.seller@example.com', 'sale_team_id': self.team_south.id,
            'groups_id': [(6, 0, [env.ref('base.group_user').id, env.ref('sales_mis.group_salesperson').id])]})
        self.salesperson_east2 = Users.create({
            'name': 'East Seller 2', 'login': 'test_east_seller2', 'email': 'east.seller2@example.com', 'sale_team_id': self.team_east.id,
            'groups_id': [(6, 0, [env.ref('base.group_user').id, env.ref('sales_mis.group_salesperson').id])]})
        self.categ_a = env['product.category'].create({'name': 'Test Pumps'})
        self.categ_b = env['product.category'].create({'name': 'Test Valves'})
        self.product_a = env['product.product'].create({'name': 'Pump', 'categ_id': self.categ_a.id,
                                                        'list_price': 100.0, 'standard_price': 60.0})
        self.product_b = env['product.product'].create({'name': 'Valve', 'categ_id': self.categ_b.id,
                                                        'list_price': 10.0, 'standard_price': 4.0})
        self.customer = env['res.partner'].create({'name': 'Test Customer Co.', 'customer': True})
        self.company = env.user.company_id
        self.company.sales_mis_actual_basis = 'order'

    def book_order(self, user, date, lines):
        """A confirmed order of `user` on `date` (YYYY-MM-DD); lines: [(product, qty, price)]."""
        order = self.env['sale.order'].create({
            'partner_id': self.customer.id, 'user_id': user.id, 'team_id': user.sale_team_id.id,
            'order_line': [(0, 0, {'product_id': p.id, 'product_uom_qty': q, 'price_unit': price})
                           for p, q, price in lines]})
        order.action_confirm()
        order.write({'date_order': date + ' 10:00:00', 'confirmation_date': date + ' 10:00:00'})
        return order

    def refresh_actuals(self):
        self.env['sales_mis.actual'].refresh()

    def make_plan(self, user=None, **values):
        values = dict({'name': 'Plan 2030', 'year': 2030, 'period_type': 'year', 'scope': 'company',
                       'target_amount': 1200000.0}, **values)
        return self.env['sales_mis.plan'].sudo(user or self.director).create(values)

    def split(self, line, dimension, method='equal', user=None, **values):
        wizard = self.env['sales_mis.plan.split'].sudo(user or self.director).create(
            dict({'line_id': line.id, 'dimension': dimension, 'method': method}, **values))
        wizard.action_split()
        return line.child_ids
