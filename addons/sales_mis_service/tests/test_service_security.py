# -*- coding: utf-8 -*-
"""Who sees and changes which service requests: salesperson (own customers' or assigned),
manager (teams), director (all of their companies), portal customer (own company's, read and
file), internal user without a Sales MIS role (nothing), another company (nothing)."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.sales_mis.tests.common import new_user

from .service_common import ServiceCase


class TestServiceSecurity(ServiceCase):

    @classmethod
    def setUpClass(cls):
        super(TestServiceSecurity, cls).setUpClass()
        cls.east = cls.file_as(cls, cls.salesperson, partner_id=cls.customer.id)
        cls.south = cls.file_as(cls, cls.salesperson_south, partner_id=cls.customer_south.id,
                                team_id=cls.team_south.id)
        # a south customer's request assigned to the east salesperson (service help across teams)
        cls.assigned = cls.file_as(cls, cls.manager_south, partner_id=cls.customer_south.id,
                                   team_id=cls.team_south.id, user_id=cls.salesperson.id)
        cls.all = cls.east | cls.south | cls.assigned

    def file_as(self, user, **values):
        values = dict({'subject': 'Security', 'category_id': self.category.id}, **values)
        return self.env['sales_mis_service.request'].sudo(user).create(values)

    def visible(self, user, model='sales_mis_service.request'):
        return set(self.env[model].sudo(user).search([('id', 'in', self.all.ids)]).ids)

    def test_reading(self):
        self.assertEqual(self.visible(self.salesperson), {self.east.id, self.assigned.id})
        self.assertEqual(self.visible(self.salesperson_south), {self.south.id, self.assigned.id})
        self.assertEqual(self.visible(self.manager_south), {self.south.id, self.assigned.id})
        self.assertEqual(self.visible(self.manager), {self.east.id})  # the east leader: own team's customers
        self.assertEqual(self.visible(self.director), set(self.all.ids))
        self.assertEqual(self.visible(self.portal), {self.east.id})
        self.assertEqual(self.visible(self.portal_south), {self.south.id, self.assigned.id})
        self.assertEqual(self.visible(self.salesperson, 'sales_mis_service.analysis'), {self.east.id, self.assigned.id})
        with self.assertRaises(AccessError):
            self.env['sales_mis_service.request'].sudo(self.internal).search([])
        with self.assertRaises(AccessError):
            self.env['sales_mis_service.analysis'].sudo(self.portal).search([])
        with self.assertRaises(AccessError):
            self.south.sudo(self.salesperson).read(['subject'])

    def test_writing(self):
        with self.assertRaises(AccessError):
            self.south.sudo(self.salesperson).write({'subject': 'not mine'})
        with self.assertRaises(AccessError):
            self.east.sudo(self.portal).write({'subject': 'portal edits'})
        with self.assertRaises(AccessError):  # a salesperson files only for their own customers
            self.env['sales_mis_service.request'].sudo(self.salesperson).create(
                {'subject': 'x', 'category_id': self.category.id, 'partner_id': self.customer_south.id})
        with self.assertRaises(AccessError):
            self.south.sudo(self.salesperson).action_take()
        with self.assertRaises(AccessError):
            self.east.sudo(self.salesperson_south).action_start()
        with self.assertRaises(AccessError):  # fees follow the request
            self.env['sales_mis_service.fee.line'].sudo(self.salesperson).create(
                {'request_id': self.south.id, 'product_id': self.fee_product.id, 'name': 'x', 'price_unit': 1})

    def test_portal_files_own_only(self):
        Request = self.env['sales_mis_service.request'].sudo(self.portal)
        mine = Request.create({'subject': '门户报修', 'category_id': self.category.id, 'partner_id': self.contact.id})
        self.assertEqual(mine.salesperson_id, self.salesperson, 'the customer\'s salesperson follows it up')
        self.assertEqual(mine.state, 'new')
        with self.assertRaises(AccessError):  # for another customer
            Request.create({'subject': 'x', 'category_id': self.category.id, 'partner_id': self.customer_south.id})
        with self.assertRaises(AccessError):  # straight to resolved
            Request.create({'subject': 'x', 'category_id': self.category.id, 'partner_id': self.contact.id,
                            'state': 'resolved'})
        for transition in ('action_take', 'action_cancel', 'action_assign'):
            with self.assertRaises((AccessError, UserError)):
                getattr(mine, transition)()
        self.assertEqual(mine.state, 'new')

    def test_other_company(self):
        company = self.env['res.company'].create({'name': 'Svc Other Co'})
        director_other = new_user(self.env, 'Other Director', 'svc_other_director',
                                  ['base.group_user', 'sales_mis.group_director'],
                                  company_id=company.id, company_ids=[(6, 0, company.ids)])
        self.assertEqual(self.visible(director_other), set())
        other = self.env['sales_mis_service.request'].sudo(director_other).create(
            {'subject': 'Other', 'category_id': self.category.id, 'partner_id': self.customer.id,
             'company_id': company.id})
        self.assertNotIn(other.id, set(self.env['sales_mis_service.request'].sudo(self.director).search([]).ids))
