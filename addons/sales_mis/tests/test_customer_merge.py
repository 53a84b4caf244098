# -*- coding: utf-8 -*-
"""Duplicate customers 客户合并 (C3): the bulk scan lists candidate pairs; a manager
merges a pair through Odoo's merge wizard and finds visits, orders, leads and
MIS records on the kept customer; a clash on a unique constraint stops the merge
instead of deleting rows; salespeople cannot merge."""
from odoo.exceptions import AccessError, UserError

from .common import PlanningCase


class TestCustomerMerge(PlanningCase):

    def setUp(self):
        super(TestCustomerMerge, self).setUp()
        Partner = self.env['res.partner']
        common = {'customer': True, 'is_company': True, 'user_id': self.salesperson.id,
                  'team_id': self.team_east.id}
        self.kept = Partner.create(dict(common, name='佛山企业电子有限公司', email='sales@qydz.example.com'))
        self.dup = Partner.create(dict(common, name='企业电子', phone='0757-82231188',
                                       email='boss@qydz.example.com'))
        self.other = Partner.create(dict(common, name='华南机械制造有限公司'))
        self.Duplicate = self.env['sales_mis.partner.duplicate']

    def pair(self):
        return self.Duplicate.search([('partner_a_id', 'in', (self.kept | self.dup).ids),
                                      ('partner_b_id', 'in', (self.kept | self.dup).ids)])

    def visit(self, partner):
        return self.env['sales_mis.visit'].create({
            'name': 'Visit', 'partner_id': partner.id, 'user_id': self.salesperson.id,
            'team_id': self.team_east.id, 'date_start': '2030-03-01 09:00:00'})

    def order(self, partner):
        self.customer = partner
        return self.book_order(self.salesperson, '2030-02-01', [(self.product_a, 1, 100.0)])

    def merge(self, user, dst=None):
        wizard = self.env['base.partner.merge.automatic.wizard'].sudo(user).create({
            'state': 'selection', 'partner_ids': [(6, 0, (self.kept | self.dup).ids)],
            'dst_partner_id': (dst or self.kept).id})
        return wizard.action_merge()

    def test_scan_lists_the_pair_once_with_its_evidence(self):
        self.Duplicate.sudo(self.manager).action_scan()
        pair = self.pair()
        self.assertEqual(len(pair), 1)
        # issue 19: the shared company e-mail domain (qydz.example.com) is evidence too, +5
        self.assertEqual(pair.reasons, 'Name, Same e-mail domain')
        # each reader sees the evidence in their own language, whoever ran the scan
        self.assertEqual(pair.reason_codes, 'name,email_domain')
        self.assertEqual(pair.with_context(lang='en_US').reasons_label, 'Name, Same e-mail domain')
        self.assertEqual(pair.with_context(lang='zh_CN').reasons_label, '名称, 邮箱域名相同')
        self.assertEqual(pair.score, 90.0)
        self.assertEqual((pair.user_id, pair.team_id), (self.salesperson, self.team_east))
        self.assertFalse(self.Duplicate.search([('partner_a_id', '=', self.other.id)]))
        self.assertFalse(self.Duplicate.search([('partner_b_id', '=', self.other.id)]))
        # "Not a duplicate" survives the next scan and is not proposed again
        pair.sudo(self.manager).action_ignore()
        self.Duplicate.sudo()._scan()
        self.assertEqual(self.pair().state, 'ignored')

    def test_salesperson_can_neither_scan_nor_merge(self):
        with self.assertRaises(AccessError):
            self.Duplicate.sudo(self.salesperson).action_scan()
        self.Duplicate.sudo()._scan()
        pair = self.pair()
        self.assertEqual(pair.sudo(self.salesperson).read(['score'])[0]['score'], 90.0, 'own customers: readable')
        with self.assertRaises(AccessError):
            pair.sudo(self.salesperson).action_merge()
        with self.assertRaises(AccessError):
            self.merge(self.salesperson)
        self.assertTrue(self.dup.exists())

    def test_manager_merge_moves_visits_orders_leads_and_mis_records(self):
        visits = self.visit(self.kept) | self.visit(self.dup)
        orders = self.order(self.kept) | self.order(self.dup)
        lead = self.env['crm.lead'].create({'name': 'Pumps', 'type': 'opportunity', 'partner_id': self.dup.id})
        self.Duplicate.sudo()._scan()
        action = self.pair().sudo(self.manager).action_merge()
        wizard = self.env['base.partner.merge.automatic.wizard'].browse(action['res_id'])
        self.assertEqual(wizard.partner_ids, self.kept | self.dup)
        wizard.sudo(self.manager).action_merge()
        self.env.clear()
        self.assertFalse(self.dup.exists())
        kept = self.env['res.partner'].browse(wizard.dst_partner_id.id)
        self.assertEqual(self.env['sales_mis.visit'].search([('partner_id', '=', kept.id)]), visits)
        self.assertEqual(self.env['sale.order'].search([('partner_id', '=', kept.id)]), orders)
        self.assertEqual(lead.partner_id, kept)
        self.assertEqual(kept.sales_mis_visit_count, 2)
        self.assertEqual(kept.sale_order_count, 2)
        self.assertFalse(self.pair(), 'the settled pair is gone')

    def test_unique_clash_stops_the_merge_and_drops_nothing(self):
        # Both customers already got the National Day reminder: the reminder log
        # allows one per customer and day, Odoo's wizard would DELETE the second.
        Reminder = self.env['sales_mis.care.reminder']
        reminders = Reminder.create({'partner_id': self.kept.id, 'occasion': 'holiday',
                                     'occasion_date': '2030-10-01'}) \
            | Reminder.create({'partner_id': self.dup.id, 'occasion': 'holiday',
                               'occasion_date': '2030-10-01'})
        visit = self.visit(self.dup)
        with self.assertRaisesRegex(UserError, 'sales_mis_care_reminder.*reminder_uniq'):
            self.merge(self.manager)
        self.env.clear()
        self.assertTrue(self.dup.exists())
        self.assertEqual(reminders.exists(), reminders)
        self.assertEqual(reminders.mapped('partner_id'), self.kept | self.dup)
        self.assertEqual(visit.partner_id, self.dup)

    def test_each_role_sees_the_pairs_of_its_customers(self):
        Partner = self.env['res.partner']
        south = dict(customer=True, is_company=True, user_id=self.salesperson_south.id, team_id=self.team_south.id)
        south_a = Partner.create(dict(south, name='南方泵业有限公司'))
        south_b = Partner.create(dict(south, name='南方泵业'))
        self.Duplicate.sudo()._scan()
        east_pair = self.pair()
        south_pair = self.Duplicate.search([('partner_a_id', '=', south_a.id), ('partner_b_id', '=', south_b.id)])
        ids = (east_pair | south_pair).ids
        self.assertEqual(len(ids), 2)
        self.assertEqual(self.Duplicate.sudo(self.salesperson).search([('id', 'in', ids)]), east_pair)
        self.assertEqual(self.Duplicate.sudo(self.manager).search([('id', 'in', ids)]), east_pair)
        self.assertEqual(self.Duplicate.sudo(self.manager_south).search([('id', 'in', ids)]), south_pair)
        self.assertEqual(self.Duplicate.sudo(self.director).search([('id', 'in', ids)]), east_pair | south_pair)
        with self.assertRaises(AccessError):
            south_pair.sudo(self.manager).read(['score'])
        with self.assertRaises(AccessError):
            east_pair.sudo(self.salesperson).write({'state': 'ignored'})

    def test_other_company_pairs_stay_hidden(self):
        other = self.env['res.company'].create({'name': 'Other Company Ltd'})
        Partner = self.env['res.partner']
        a = Partner.create({'name': '远方阀门有限公司', 'customer': True, 'is_company': True, 'company_id': other.id})
        b = Partner.create({'name': '远方阀门', 'customer': True, 'is_company': True, 'company_id': other.id})
        self.Duplicate.sudo()._scan()
        pair = self.Duplicate.search([('partner_a_id', '=', a.id), ('partner_b_id', '=', b.id)])
        self.assertEqual(pair.company_id, other)
        self.assertFalse(self.Duplicate.sudo(self.director).search([('id', '=', pair.id)]))
