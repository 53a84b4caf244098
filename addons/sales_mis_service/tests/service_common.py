# -*- coding: utf-8 -*-
"""Shared fixtures of the service tests: two teams with their people, customers of each
salesperson, a category with an SLA policy, and a helper to file a request."""
import datetime

from odoo import fields
from odoo.tests.common import SavepointCase

from odoo.addons.sales_mis.tests.common import MANAGER, SALESPERSON, new_user


class ServiceCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(ServiceCase, cls).setUpClass()
        env = cls.env
        cls.director = env.ref('sales_mis.user_director')
        cls.manager = env.ref('sales_mis.user_manager')
        cls.salesperson = env.ref('sales_mis.user_salesperson')
        cls.team_east = env.ref('sales_mis.team_east_china')
        cls.manager_south = new_user(env, 'Svc South Manager', 'svc_south_manager', MANAGER)
        cls.team_south = env['crm.team'].create({'name': 'Svc South', 'user_id': cls.manager_south.id})
        cls.salesperson_south = new_user(env, 'Svc South Seller', 'svc_south_seller', SALESPERSON,
                                         sale_team_id=cls.team_south.id)
        cls.internal = new_user(env, 'Svc Internal', 'svc_internal', ['base.group_user'])
        cls.customer = env['res.partner'].create({'name': '杭州测试客户有限公司', 'customer': True, 'is_company': True,
                                                  'user_id': cls.salesperson.id})
        cls.contact = env['res.partner'].create({'name': '王工', 'parent_id': cls.customer.id})
        cls.customer_south = env['res.partner'].create({'name': '广州测试客户', 'customer': True, 'is_company': True,
                                                        'user_id': cls.salesperson_south.id})
        cls.portal = new_user(env, '王工', 'svc_portal', ['base.group_portal'], partner_id=cls.contact.id)
        cls.portal_south = new_user(env, 'South Portal', 'svc_portal_south', ['base.group_portal'],
                                    partner_id=env['res.partner'].create(
                                        {'name': 'South Contact', 'parent_id': cls.customer_south.id}).id)
        cls.category = env['sales_mis_service.category'].create({'name': 'Test Repair'})
        cls.env['sales_mis_service.sla'].search([]).write({'active': False})
        cls.policy = env['sales_mis_service.sla'].create({'name': 'Test 4/48', 'response_hours': 4,
                                                          'resolution_hours': 48})
        cls.urgent = env['sales_mis_service.sla'].create({'name': 'Test urgent', 'priority': '3',
                                                          'category_id': cls.category.id,
                                                          'response_hours': 1, 'resolution_hours': 8})
        cls.product = env['product.product'].create({'name': 'Svc Pump', 'list_price': 100.0})
        cls.fee_product = env['product.product'].create({'name': 'Svc Onsite Fee', 'type': 'service',
                                                         'list_price': 300.0})

    def file(self, user=None, **values):
        """A request filed by `user` (default: the salesperson) for the customer."""
        values = dict({'subject': 'Pump leaks', 'partner_id': self.customer.id, 'category_id': self.category.id,
                       'team_id': self.team_east.id}, **values)
        return self.env['sales_mis_service.request'].sudo(user or self.salesperson).create(values)

    @staticmethod
    def hours_ago(hours):
        return fields.Datetime.to_string(datetime.datetime.utcnow() - datetime.timedelta(hours=hours))
