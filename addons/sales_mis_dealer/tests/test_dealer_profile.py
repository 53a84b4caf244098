# -*- coding: utf-8 -*-
"""Dealer profiles (I1): who sees and changes which dealer, the level's pricelist, yearly sales,
contracts, the import template read by Odoo's importer."""
import csv
import os

from odoo.exceptions import AccessError

from .common import DealerCase

TEMPLATE = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'static', 'import',
                        'dealers_import_template.csv')


class TestDealerVisibility(DealerCase):

    def visible(self, user, *partners):
        ids = [p.id for p in partners]
        return set(self.env['res.partner'].sudo(user).search([('id', 'in', ids)]).ids)

    def test_salesperson_sees_own_dealers_only(self):
        self.assertEqual(self.visible(self.seller_east, self.dealer_east, self.dealer_south, self.contact_east,
                                      self.contact_south), {self.dealer_east.id, self.contact_east.id})
        self.assertEqual(self.visible(self.seller_east2, self.dealer_east, self.dealer_south), set())

    def test_salesperson_cannot_read_or_write_anothers_dealer(self):
        with self.assertRaises(AccessError):
            self.dealer_south.sudo(self.seller_east).read(['name', 'dealer_level_id'])
        with self.assertRaises(AccessError):
            self.dealer_south.sudo(self.seller_east).write({'phone': '000'})
        with self.assertRaises(AccessError):
            self.contact_south.sudo(self.seller_east).read(['name'])
        with self.assertRaises(AccessError):
            self.dealer_east.sudo(self.seller_east2).write({'dealer_since': '2000-01-01'})
        self.assertEqual(self.dealer_east.dealer_since, '2020-01-01')

    def test_salesperson_cannot_move_dealers_between_owners(self):
        with self.assertRaises(AccessError):
            self.dealer_east.sudo(self.seller_east).write({'user_id': self.seller_east2.id})
        customer = self.env['res.partner'].create({'name': 'Someone Else Co.', 'customer': True,
                                                   'user_id': self.seller_east2.id})
        with self.assertRaises(AccessError):  # taking a colleague's customer by making it a dealer
            customer.sudo(self.seller_east).write({'is_dealer': True})
        with self.assertRaises(AccessError):
            self.env['res.partner'].sudo(self.seller_east).create({'name': 'Gift Dealer', 'is_dealer': True,
                                                                   'user_id': self.seller_east2.id})
        self.assertEqual(self.dealer_east.user_id, self.seller_east)
        self.assertFalse(customer.is_dealer)

    def test_salesperson_creates_own_dealer_with_contacts(self):
        dealer = self.env['res.partner'].sudo(self.seller_east).create({
            'name': 'New Dealer', 'is_company': True, 'is_dealer': True, 'user_id': self.seller_east.id,
            'dealer_level_id': self.level.id, 'child_ids': [(0, 0, {'name': 'New Buyer'})]})
        self.assertTrue(dealer.child_ids.is_dealer)
        self.assertEqual(dealer.child_ids.dealer_level_id, self.level)
        self.assertEqual(self.visible(self.seller_east2, dealer, dealer.child_ids), set())

    def test_manager_sees_teams_dealers_director_all(self):
        self.assertEqual(self.visible(self.manager_east, self.dealer_east, self.dealer_south),
                         {self.dealer_east.id})
        self.assertEqual(self.visible(self.manager_south, self.dealer_east, self.dealer_south),
                         {self.dealer_south.id})
        self.assertEqual(self.visible(self.director, self.dealer_east, self.dealer_south),
                         {self.dealer_east.id, self.dealer_south.id})
        # a manager may give a dealer of the team to another salesperson
        self.dealer_east.sudo(self.manager_east).write({'user_id': self.seller_east2.id})
        self.assertEqual(self.visible(self.seller_east2, self.dealer_east), {self.dealer_east.id})

    def test_internal_and_portal_users_see_no_dealer(self):
        self.assertEqual(self.visible(self.internal, self.dealer_east, self.dealer_south), set())
        # a dealer's portal user reads its own company, never another dealer
        self.assertEqual(self.visible(self.portal_east, self.dealer_east, self.dealer_south),
                         {self.dealer_east.id})
        with self.assertRaises(AccessError):
            self.dealer_east.sudo(self.portal_east).write({'phone': '000'})

    def test_other_company_dealer_hidden(self):
        other = self.env['res.company'].create({'name': 'Dealer Other Co'})
        dealer = self.make_dealer('Other Company Dealer', self.seller_east, self.team_east, company_id=other.id)
        self.assertEqual(self.visible(self.seller_east, dealer), set())
        self.assertEqual(self.visible(self.director, dealer), set())


class TestDealerProfile(DealerCase):

    def test_level_sets_pricelist(self):
        self.assertEqual(self.dealer_east.property_product_pricelist, self.pricelist)
        other = self.env['product.pricelist'].create({'name': 'Level B prices'})
        level_b = self.env['sales_mis_dealer.level'].create({'name': 'Test Level B', 'pricelist_id': other.id})
        self.dealer_east.sudo(self.seller_east).write({'dealer_level_id': level_b.id})
        self.assertEqual(self.dealer_east.property_product_pricelist, other)
        self.assertEqual(self.contact_east.dealer_level_id, level_b)

    def test_yearly_sales_in_sql(self):
        order = self.env['sale.order'].create({
            'partner_id': self.contact_east.id, 'user_id': self.seller_east.id,
            'order_line': [(0, 0, {'product_id': self.product_a.id, 'product_uom_qty': 3, 'price_unit': 100.0})]})
        order.action_confirm()
        dealer = self.dealer_east.sudo(self.seller_east)
        self.assertAlmostEqual(dealer.dealer_sales_this_year, 300.0)
        self.assertAlmostEqual(dealer.dealer_sales_last_year, 0.0)
        self.assertAlmostEqual(self.dealer_south.dealer_sales_this_year, 0.0)

    def test_contract_count(self):
        self.env['sales_mis.contract'].create({'title': 'Dealer agreement', 'partner_id': self.dealer_east.id,
                                               'user_id': self.seller_east.id, 'amount': 1000.0})
        self.assertEqual(self.dealer_east.sudo(self.seller_east).dealer_contract_count, 1)
        action = self.dealer_east.sudo(self.seller_east).action_dealer_contracts()
        self.assertEqual(action['domain'], [('partner_id', '=', self.dealer_east.id)])

    def test_import_template_loads_with_odoos_importer(self):
        with open(TEMPLATE, encoding='utf-8') as handle:
            rows = list(csv.reader(handle))
        header, example = rows[0], rows[1]
        # the template names the demo level and area; made here when the database has no demo data
        for model, column, values in (('sales_mis_dealer.level', 'dealer_level_id', {}),
                                      ('sales_mis_dealer.area', 'dealer_area_id', {'region': '华东'})):
            name = example[header.index(column)]
            if not self.env[model].search([('name', '=', name)]):
                self.env[model].create(dict(values, name=name))
        example[header.index('user_id')] = self.seller_east.login
        result = self.env['res.partner'].sudo(self.manager_east).load(header, [example])
        self.assertFalse([m for m in result['messages'] if m['type'] == 'error'], result['messages'])
        dealer = self.env['res.partner'].browse(result['ids'])
        self.assertTrue(dealer.is_dealer)
        self.assertEqual(dealer.user_id, self.seller_east)
        self.assertTrue(dealer.dealer_region)
        # a salesperson cannot import a dealer for someone else
        example[0] = 'Another Imported Dealer'
        result = self.env['res.partner'].sudo(self.seller_east2).load(header, [example])
        self.assertFalse(result['ids'])
