# -*- coding: utf-8 -*-
"""Shared fixtures of the marketing tests: the demo East China team (its manager leads it,
the demo salesperson sells in it), a South China team with its own manager and seller, a
director, users without a Sales MIS role, a product with a cost and customers."""
from odoo.tests.common import SavepointCase

from odoo.addons.sales_mis.tests.common import MANAGER, SALESPERSON, new_user


class MarketingCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(MarketingCase, cls).setUpClass()
        env = cls.env
        cls.company = env.user.company_id
        cls.director = env.ref('sales_mis.user_director')
        cls.manager = env.ref('sales_mis.user_manager')
        cls.salesperson = env.ref('sales_mis.user_salesperson')
        cls.team_east = env.ref('sales_mis.team_east_china')
        cls.manager_south = new_user(env, 'Mkt South Manager', 'mkt_south_manager', MANAGER)
        cls.team_south = env['crm.team'].create({'name': 'Mkt South', 'user_id': cls.manager_south.id})
        cls.manager_south.sale_team_id = cls.team_south
        cls.seller_south = new_user(env, 'Mkt South Seller', 'mkt_south_seller', SALESPERSON,
                                    sale_team_id=cls.team_south.id)
        cls.internal = new_user(env, 'Mkt Internal', 'mkt_internal', ['base.group_user'])
        cls.portal = new_user(env, 'Mkt Portal', 'mkt_portal', ['base.group_portal'])
        cls.product = env['product.product'].create({
            'name': 'Mkt Pump', 'type': 'consu', 'invoice_policy': 'order', 'list_price': 1000.0,
            'standard_price': 600.0})
        cls.industry = env['res.partner.industry'].create({'name': 'Mkt Water'})
        cls.customer = env['res.partner'].create({
            'name': '测试水务有限公司', 'customer': True, 'email': 'buy@mkt-water.example.com',
            'sales_mis_region': 'east', 'industry_id': cls.industry.id, 'user_id': cls.salesperson.id})

    @classmethod
    def make_campaign(cls, user=None, **values):
        values = dict({'name': 'Mkt Expo', 'team_id': cls.team_east.id, 'user_id': cls.manager.id,
                       'budget': 10000.0, 'date_start': '2030-03-01', 'date_end': '2030-04-30'}, **values)
        return cls.env['utm.campaign'].sudo(user or cls.manager).create(values)

    @classmethod
    def approve(cls, campaign, user=None):
        campaign.sudo(user or cls.director).action_approve()
        return campaign

    @classmethod
    def add_cost(cls, campaign, amount, date='2030-03-05', user=None):
        return cls.env['sales_mis_marketing.campaign.cost'].sudo(user or cls.manager).create({
            'campaign_id': campaign.id, 'name': 'Booth', 'amount': amount, 'date': date,
            'company_id': cls.company.id})

    @classmethod
    def book_order(cls, campaign, qty, price, date, partner=None):
        order = cls.env['sale.order'].create({
            'partner_id': (partner or cls.customer).id, 'user_id': cls.salesperson.id,
            'team_id': cls.team_east.id, 'campaign_id': campaign.id,
            'order_line': [(0, 0, {'product_id': cls.product.id, 'product_uom_qty': qty, 'price_unit': price})]})
        order.action_confirm()
        order.write({'date_order': date + ' 10:00:00', 'confirmation_date': date + ' 10:00:00'})
        return order
