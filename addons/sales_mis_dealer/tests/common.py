# -*- coding: utf-8 -*-
"""Shared fixtures: two salespeople of two teams with their managers, a director, a dealer of each
salesperson, a level with its pricelist, products; an internal user without a Sales MIS role and
the portal users of both dealers."""
from odoo.tests.common import SavepointCase

from odoo.addons.sales_mis.tests.common import MANAGER, SALESPERSON, new_user


class DealerCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(DealerCase, cls).setUpClass()
        env = cls.env
        cls.director = env.ref('sales_mis.user_director')
        cls.manager_east = new_user(env, 'Dealer East Manager', 'dl_east_manager', MANAGER)
        cls.team_east = env['crm.team'].create({'name': 'Dealer East', 'user_id': cls.manager_east.id})
        cls.manager_east.sale_team_id = cls.team_east
        cls.manager_south = new_user(env, 'Dealer South Manager', 'dl_south_manager', MANAGER)
        cls.team_south = env['crm.team'].create({'name': 'Dealer South', 'user_id': cls.manager_south.id})
        cls.seller_east = new_user(env, 'Dealer East Seller', 'dl_east_seller', SALESPERSON,
                                   sale_team_id=cls.team_east.id)
        cls.seller_east2 = new_user(env, 'Dealer East Seller 2', 'dl_east_seller2', SALESPERSON,
                                    sale_team_id=cls.team_east.id)
        cls.seller_south = new_user(env, 'Dealer South Seller', 'dl_south_seller', SALESPERSON,
                                    sale_team_id=cls.team_south.id)
        cls.internal = new_user(env, 'Dealer Internal', 'dl_internal', ['base.group_user'])
        cls.pricelist = env['product.pricelist'].create({'name': 'Test Level A prices'})
        cls.level = env['sales_mis_dealer.level'].create({'name': 'Test Level A', 'pricelist_id': cls.pricelist.id,
                                                          'low_cover_days': 10, 'high_cover_days': 60})
        cls.area = env['sales_mis_dealer.area'].create({'name': 'Test Area', 'region': 'Test Region'})
        cls.dealer_east = cls.make_dealer('East Dealer Co.', cls.seller_east, cls.team_east)
        cls.dealer_south = cls.make_dealer('South Dealer Co.', cls.seller_south, cls.team_south)
        cls.contact_east = env['res.partner'].create({'name': 'East Buyer', 'parent_id': cls.dealer_east.id,
                                                      'email': 'buyer@east.example.com'})
        cls.contact_south = env['res.partner'].create({'name': 'South Buyer', 'parent_id': cls.dealer_south.id,
                                                       'email': 'buyer@south.example.com'})
        cls.portal_east = new_user(env, 'East Buyer', 'dl_portal_east', ['base.group_portal'],
                                   partner_id=cls.contact_east.id)
        cls.portal_south = new_user(env, 'South Buyer', 'dl_portal_south', ['base.group_portal'],
                                    partner_id=cls.contact_south.id)
        categ = env['product.category'].create({'name': 'Dealer Test Pumps'})
        cls.product_a = env['product.product'].create({'name': 'Dealer Pump', 'default_code': 'DL-PUMP',
                                                       'categ_id': categ.id, 'list_price': 100.0})
        cls.product_b = env['product.product'].create({'name': 'Dealer Valve', 'default_code': 'DL-VALVE',
                                                       'categ_id': categ.id, 'list_price': 10.0})

    @classmethod
    def make_dealer(cls, name, owner, team, **values):
        return cls.env['res.partner'].create(dict({
            'name': name, 'is_company': True, 'customer': True, 'is_dealer': True, 'dealer_level_id': cls.level.id,
            'dealer_area_id': cls.area.id, 'user_id': owner.id, 'team_id': team.id, 'dealer_since': '2020-01-01'},
            **values))

    def make_report(self, dealer, user=None, lines=(), date_from='2030-01-01', date_to='2030-01-31'):
        Report = self.env['sales_mis_dealer.stock.report']
        report = (Report.sudo(user) if user else Report).create({
            'partner_id': dealer.id, 'date_from': date_from, 'date_to': date_to,
            'line_ids': [(0, 0, {'product_id': product.id, 'opening_qty': opening, 'received_qty': received,
                                 'closing_qty': closing}) for product, opening, received, closing in lines]})
        return report
