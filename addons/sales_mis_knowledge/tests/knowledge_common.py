# -*- coding: utf-8 -*-
"""Shared fixtures of the knowledge tests: the demo roles, a second East seller, a South team
with its manager and seller, a user of another company, users without a Sales MIS role."""
from odoo.tests.common import SavepointCase

from odoo.addons.sales_mis.tests.common import MANAGER, SALESPERSON, new_user


class KnowledgeCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(KnowledgeCase, cls).setUpClass()
        env = cls.env
        cls.director = env.ref('sales_mis.user_director')
        cls.manager = env.ref('sales_mis.user_manager')
        cls.salesperson = env.ref('sales_mis.user_salesperson')
        cls.team_east = env.ref('sales_mis.team_east_china')
        cls.seller_east2 = new_user(env, 'East Seller 2', 'k_east_seller2', SALESPERSON,
                                    sale_team_id=cls.team_east.id)
        cls.manager_south = new_user(env, 'South Manager', 'k_south_manager', MANAGER)
        cls.team_south = env['crm.team'].create({'name': 'K South', 'user_id': cls.manager_south.id})
        cls.seller_south = new_user(env, 'South Seller', 'k_south_seller', SALESPERSON,
                                    sale_team_id=cls.team_south.id)
        cls.other_company = env['res.company'].create({'name': 'K Other Co', 'currency_id': env.ref('base.CNY').id})
        cls.seller_other = new_user(env, 'Other Seller', 'k_other_seller', SALESPERSON,
                                    company_id=cls.other_company.id, company_ids=[(6, 0, [cls.other_company.id])])
        cls.internal = new_user(env, 'Plain Internal', 'k_internal', ('base.group_user',))
        cls.portal = new_user(env, 'Portal', 'k_portal', ('base.group_portal',))
        cls.customer = env['res.partner'].create({'name': '无锡测试水务有限公司', 'customer': True,
                                                  'industry_id': env.ref('base.res_partner_industry_E').id})
        cls.product = env['product.product'].create({'name': '测试离心泵 T-1'})
        cls.competitor = env.ref('sales_mis.competitor_huagong')

    @classmethod
    def make_bid(cls, user=None, **values):
        user = user or cls.salesperson
        values = dict({'name': '政府采购投标文件 测试项目', 'partner_id': cls.customer.id, 'user_id': user.id,
                       'team_id': user.sale_team_id.id, 'amount': 100000.0}, **values)
        return cls.env['sales_mis.bid'].sudo(user).create(values)

    @classmethod
    def make_case(cls, user=None, **values):
        user = user or cls.salesperson
        values = dict({'name': '测试案例', 'partner_id': cls.customer.id, 'user_id': user.id,
                       'team_id': user.sale_team_id.id, 'solution': '节能方案', 'result': '中标'}, **values)
        return cls.env['sales_mis.sales.case'].sudo(user).create(values)

    @classmethod
    def make_document(cls, name='测试资料', **values):
        values = dict({'name': name, 'product_tmpl_id': cls.product.product_tmpl_id.id, 'kind': 'spec'}, **values)
        return cls.env['sales_mis.product.document'].sudo(cls.manager).create(values)

    @staticmethod
    def finish_checklist(bid):
        bid.checklist_line_ids.write({'done': True})
