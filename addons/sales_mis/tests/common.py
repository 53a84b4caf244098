# -*- coding: utf-8 -*-
"""Shared fixtures of the planning tests: two teams, their people, products in
two categories, and helpers to book confirmed orders on a given date."""
from odoo.tests.common import TransactionCase


def new_user(env, name, login, groups, **values):
    """A user of the groups given by xml id (base.group_user for internal users), e-mail login@example.com."""
    return env['res.users'].with_context(no_reset_password=True).create(dict({
        'name': name, 'login': login, 'email': '%s@example.com' % login,
        'groups_id': [(6, 0, [env.ref(group).id for group in groups])]}, **values))


#: the groups of an internal salesperson and of a sales manager
SALESPERSON = ('base.group_user', 'sales_mis.group_salesperson')
MANAGER = ('base.group_user', 'sales_mis.group_manager')


class PlanningCase(TransactionCase):

    def setUp(self):
        super(PlanningCase, self).setUp()
        env = self.env
        self.director = env.ref('sales_mis.user_director')
        self.manager = env.ref('sales_mis.user_manager')
        self.salesperson = env.ref('sales_mis.user_salesperson')
        self.team_east = env.ref('sales_mis.team_east_china')
        self.manager_south = new_user(env, 'South Manager', 'test_south_manager', MANAGER)
        self.team_south = env['crm.team'].create({'name': 'South China', 'user_id': self.manager_south.id})
        self.salesperson_south = new_user(env, 'South Seller', 'test_south_seller', SALESPERSON,
                                          sale_team_id=self.team_south.id)
        self.salesperson_east2 = new_user(env, 'East Seller 2', 'test_east_seller2', SALESPERSON,
                                          sale_team_id=self.team_east.id)
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
