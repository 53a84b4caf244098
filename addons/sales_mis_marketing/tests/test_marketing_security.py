# -*- coding: utf-8 -*-
"""Campaigns are team or company-wide marketing objects: salespeople read their team's and the
company-wide campaigns and change none; managers change the campaigns of the teams they lead;
directors all of their companies; users without a Sales MIS role see none of the marketing
fields, costs or results."""
from odoo.exceptions import AccessError

from .marketing_common import MarketingCase


class TestMarketingSecurity(MarketingCase):

    @classmethod
    def setUpClass(cls):
        super(TestMarketingSecurity, cls).setUpClass()
        cls.east = cls.make_campaign(name='Mkt East Sec')
        cls.south = cls.make_campaign(user=cls.manager_south, name='Mkt South Sec', team_id=cls.team_south.id,
                                      user_id=cls.manager_south.id)
        cls.company_wide = cls.make_campaign(user=cls.director, name='Mkt Company Sec', team_id=False,
                                             user_id=cls.director.id)
        cls.cost = cls.add_cost(cls.east, 10.0)

    def visible(self, user):
        ids = (self.east | self.south | self.company_wide).ids
        return self.env['utm.campaign'].sudo(user).search([('id', 'in', ids)])

    def test_salesperson_reads_team_and_company_wide_and_changes_nothing(self):
        self.assertEqual(self.visible(self.salesperson), self.east | self.company_wide)
        self.assertEqual(self.visible(self.seller_south), self.south | self.company_wide)
        with self.assertRaises(AccessError):
            self.south.sudo(self.salesperson).check_access_rule('read')
        with self.assertRaises(AccessError):
            self.east.sudo(self.salesperson).write({'objective': 'mine'})
        with self.assertRaises(AccessError):
            self.make_campaign(user=self.salesperson)
        self.assertEqual(self.cost.sudo(self.salesperson).amount, 10.0)
        with self.assertRaises(AccessError):
            self.cost.sudo(self.salesperson).write({'amount': 1.0})
        with self.assertRaises(AccessError):
            self.add_cost(self.east, 1.0, user=self.salesperson)

    def test_manager_changes_teams_led_only(self):
        self.assertEqual(self.visible(self.manager), self.east | self.company_wide)
        self.east.sudo(self.manager).write({'objective': 'ok'})
        with self.assertRaises(AccessError):
            self.company_wide.sudo(self.manager).write({'objective': 'no'})
        with self.assertRaises(AccessError):
            self.south.sudo(self.manager).write({'objective': 'no'})
        with self.assertRaises(AccessError):
            self.make_campaign(user=self.manager, team_id=self.team_south.id)
        with self.assertRaises(AccessError):
            self.make_campaign(user=self.manager, team_id=False)
        with self.assertRaises(AccessError):
            self.add_cost(self.south, 1.0, user=self.manager)

    def test_director_changes_all(self):
        self.assertEqual(self.visible(self.director), self.east | self.south | self.company_wide)
        self.south.sudo(self.director).write({'objective': 'ok'})
        self.add_cost(self.south, 1.0, user=self.director)

    def test_users_without_a_role_get_no_marketing_data(self):
        for outsider in (self.internal, self.portal):
            for field in ('budget', 'state', 'cost_ids', 'roi', 'segment_classes'):
                with self.assertRaises(AccessError):
                    self.east.sudo(outsider).read([field])
            with self.assertRaises(AccessError):
                self.env['sales_mis_marketing.campaign.cost'].sudo(outsider).search([])
        with self.assertRaises(AccessError):
            self.east.sudo(self.internal).write({'budget': 1.0})
        with self.assertRaises(AccessError):
            self.east.sudo(self.internal).action_approve()
