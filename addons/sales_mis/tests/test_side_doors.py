# -*- coding: utf-8 -*-
"""Side doors (issue 12): every method that returns figures or acts on a user's behalf checks
the caller first. One regression test per door found open; the HTTP side (403 instead of 500)
and the full role x door table are in tests/test_side_door_matrix.py."""
import json

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from ..crm_logic import win_model
from .common import PlanningCase


class TestSideDoors(PlanningCase):

    def setUp(self):
        super(TestSideDoors, self).setUp()
        env = self.env
        Users = env['res.users'].with_context(no_reset_password=True)

        def user(login, *groups):
            return Users.create({'name': login, 'login': login, 'email': '%s@example.com' % login,
                                 'groups_id': [(6, 0, [env.ref(g).id for g in groups])]})
        self.outsiders = [user('sd_internal', 'base.group_user'),
                          user('sd_odoo_sales', 'base.group_user', 'sales_team.group_sale_salesman'),
                          user('sd_portal', 'base.group_portal')]
        self.day = '2030-03-01'
        self.south_customer = env['res.partner'].create({
            'name': 'South Pumps Ltd', 'customer': True, 'is_company': True,
            'user_id': self.salesperson_south.id, 'team_id': self.team_south.id})
        self.east_customer = env['res.partner'].create({
            'name': 'East Pumps Ltd', 'customer': True, 'is_company': True,
            'user_id': self.salesperson.id, 'team_id': self.team_east.id})

    # -- 1. figures and rows: access rights as the caller -----------------------------------

    def test_users_without_a_sales_mis_role_get_no_figures(self):
        calls = {
            'aged_rows': lambda env: env['sales_mis.arrears'].aged_rows(self.day),
            'product_daily_rows': lambda env: env['sales_mis.report.export'].product_daily_rows(self.day),
            'collection_detail_rows': lambda env: env['sales_mis.report.export'].collection_detail_rows(self.day),
            'collection_summary_rows': lambda env: env['sales_mis.report.export'].collection_summary_rows(self.day),
            'build arrears': lambda env: env['sales_mis.report.export'].build('arrears', self.day),
            'build collection_detail': lambda env: env['sales_mis.report.export'].build('collection_detail', self.day),
            'measure': lambda env: env['sales_mis.kpi.measure'].measure(
                [self.salesperson.id], self.company.id, '2030-01-01', '2030-12-31'),
        }
        for outsider in self.outsiders:
            env = self.env(user=outsider.id)
            for name, call in calls.items():
                with self.assertRaises(AccessError, msg='%s: %s' % (outsider.login, name)):
                    call(env)
        # a salesperson still gets them
        env = self.env(user=self.salesperson.id)
        for name, call in calls.items():
            call(env)

    def test_kpi_measure_counts_only_what_the_caller_may_read(self):
        self.customer = self.south_customer
        self.book_order(self.salesperson_south, '2030-02-01', [(self.product_a, 1, 100.0)])
        measure = lambda user: self.env['sales_mis.kpi.measure'].sudo(user).measure(
            [self.salesperson_south.id], self.company.id, '2030-01-01', '2030-12-31')['new_customers']
        self.assertEqual(measure(self.director), {self.salesperson_south.id: 1})
        self.assertEqual(measure(self.manager), {}, "another team's new customer is not the East manager's to count")

    # -- 2. report schedules ----------------------------------------------------------------

    def _schedule_values(self, **values):
        return dict({'name': 'Daily', 'lang': 'en_US', 'partner_ids': [(6, 0, [self.east_customer.id])],
                     'report_type_ids': [(6, 0, [self.env.ref('sales_mis.report_type_arrears').id])]}, **values)

    def test_schedule_figures_are_the_owners_own(self):
        Schedule = self.env['sales_mis.report.schedule']
        with self.assertRaises(AccessError):
            Schedule.sudo(self.manager).create(self._schedule_values(user_id=self.director.id))
        mine = Schedule.sudo(self.manager).create(self._schedule_values())
        self.assertEqual(mine.user_id, self.manager)
        with self.assertRaises(AccessError):
            mine.write({'user_id': self.director.id})
        # a director's schedule (set up by an administrator) is not the manager's to edit or send
        theirs = Schedule.create(self._schedule_values(user_id=self.director.id))
        with self.assertRaises(AccessError):
            theirs.sudo(self.manager).write({'partner_ids': [(4, self.manager.partner_id.id)]})
        with self.assertRaises(AccessError):
            theirs.sudo(self.manager).send(self.day)
        before = self.env['mail.mail'].search([])
        mine.send(self.day)
        self.assertEqual(len(self.env['mail.mail'].search([]) - before), 1)

    # -- 3. partner merge -------------------------------------------------------------------

    def _merge(self, user, partners, dst):
        wizard = self.env['base.partner.merge.automatic.wizard'].sudo(user).create({
            'state': 'selection', 'partner_ids': [(6, 0, partners.ids)], 'dst_partner_id': dst.id})
        return wizard.action_merge()

    def test_a_manager_merges_neither_another_teams_customer_nor_a_users_partner(self):
        east_dup = self.east_customer.copy({'name': 'East Pumps'})
        with self.assertRaisesRegex(AccessError, 'South'):
            self._merge(self.manager, self.south_customer | east_dup, east_dup)
        self.assertTrue(self.south_customer.exists() and self.south_customer.active)
        with self.assertRaisesRegex(AccessError, 'user'):
            self._merge(self.manager, self.salesperson_east2.partner_id | east_dup, east_dup)
        self.assertTrue(self.salesperson_east2.partner_id.active)
        # their own team's customers still merge
        self._merge(self.manager, self.east_customer | east_dup, self.east_customer)
        self.assertFalse(east_dup.exists())

    # -- 4. activities and followers --------------------------------------------------------

    def test_activities_and_followers_are_read_with_their_record(self):
        Lead = self.env['crm.lead']
        own = Lead.create({'name': 'Own lead', 'type': 'opportunity', 'user_id': self.salesperson.id,
                           'team_id': self.team_east.id})
        south = Lead.create({'name': 'South lead', 'type': 'opportunity', 'user_id': self.salesperson_south.id,
                             'team_id': self.team_south.id})
        todo = self.env.ref('mail.mail_activity_data_todo')
        model_id = self.env['ir.model']._get('crm.lead').id
        Activity = self.env['mail.activity']
        on_own = Activity.create({'res_model_id': model_id, 'res_id': own.id, 'activity_type_id': todo.id,
                                  'user_id': self.manager.id, 'summary': 'Approve 75,000'})
        on_south = Activity.create({'res_model_id': model_id, 'res_id': south.id, 'activity_type_id': todo.id,
                                    'user_id': self.salesperson_south.id, 'summary': 'Call South Pumps'})
        south.message_subscribe(partner_ids=self.director.partner_id.ids)
        seller = self.env(user=self.salesperson.id)
        found = seller['mail.activity'].search([])
        self.assertIn(on_own, found)
        self.assertNotIn(on_south, found)
        self.assertNotIn(on_south.id, [a['id'] for a in seller['mail.activity'].search_read([], ['summary'])])
        with self.assertRaises(AccessError):
            seller['mail.activity'].browse(on_south.id).read(['summary'])
        # the chatter of her own lead still shows its activities and followers
        self.assertEqual(seller['crm.lead'].browse(own.id).activity_ids, on_own)
        self.assertTrue(seller['crm.lead'].browse(own.id).message_follower_ids.read(['partner_id']))
        south_followers = self.env['mail.followers'].search([('res_model', '=', 'crm.lead'), ('res_id', '=', south.id)])
        self.assertTrue(south_followers)
        self.assertFalse(seller['mail.followers'].search([('id', 'in', south_followers.ids)]))
        with self.assertRaises(AccessError):
            seller['mail.followers'].browse(south_followers.ids).read(['partner_id'])
        # the South seller sees the South activity
        self.assertIn(on_south, self.env(user=self.salesperson_south.id)['mail.activity'].search([]))

    # -- 5. split by last year's actuals ----------------------------------------------------

    def test_last_year_history_holds_only_the_callers_actuals(self):
        self.customer = self.south_customer
        self.book_order(self.salesperson_south, '2029-03-10', [(self.product_a, 30, 100.0)])
        self.customer = self.east_customer
        self.book_order(self.salesperson, '2029-04-10', [(self.product_a, 10, 100.0)])
        self.refresh_actuals()
        plan = self.make_plan(user=self.manager, target_amount=1000.0)   # a company plan of his own
        line = plan.root_line_id.sudo(self.manager)
        history = self.env['sales_mis.actual'].sudo(self.manager)._history_by(line, 'team')
        self.assertEqual(history, {self.team_east.id: 1000.0}, "South's sales are not the East manager's")
        self.assertEqual(set(self.env['sales_mis.actual'].sudo(self.director)._history_by(
            plan.root_line_id.sudo(self.director), 'team')), {self.team_east.id, self.team_south.id})

    # -- 6. scans, training, evaluation, demo loaders ---------------------------------------

    def test_duplicate_scan_never_pairs_two_companies(self):
        other = self.env['res.company'].create({'name': 'Other Co'})
        foreign = self.env['res.partner'].create({'name': 'East Pumps Ltd', 'customer': True, 'is_company': True,
                                                  'company_id': other.id})
        self.east_customer.company_id = self.company
        self.env['sales_mis.partner.duplicate'].sudo(self.manager).action_scan()
        pairs = self.env['sales_mis.partner.duplicate'].search(
            ['|', ('partner_a_id', '=', foreign.id), ('partner_b_id', '=', foreign.id)])
        self.assertFalse(pairs)
        # a pair left by an earlier scan across companies stays out of sight
        low, high = sorted([foreign.id, self.east_customer.id])
        old = self.env['sales_mis.partner.duplicate'].create({
            'partner_a_id': low, 'partner_b_id': high, 'score': 85.0, 'state': 'ignored',
            'team_id': self.team_east.id, 'user_id': self.salesperson.id, 'company_id': self.company.id})
        self.assertNotIn(old, self.env['sales_mis.partner.duplicate'].sudo(self.manager).search([]))

    def test_training_evaluating_and_demo_loaders_check_the_caller(self):
        for user in self.outsiders + [self.salesperson]:
            with self.assertRaises(AccessError, msg=user.login):
                self.env['sales_mis.win.model'].sudo(user).train()
            with self.assertRaises(AccessError, msg=user.login):
                self.env['sales_mis.report.demo'].sudo(user).create_demo_flow()
        self.env['sales_mis.win.model'].sudo(self.manager).train()
        with self.assertRaises(AccessError):
            self.env['sales_mis.report.demo'].sudo(self.director).create_demo_flow()
        south = self.env['crm.lead'].create({'name': 'South lead', 'type': 'opportunity',
                                             'user_id': self.salesperson_south.id, 'team_id': self.team_south.id})
        with self.assertRaises(AccessError):
            south.sudo(self.salesperson).action_sales_mis_evaluate()
        for user in self.outsiders[:1] + self.outsiders[2:]:
            with self.assertRaises(AccessError):
                self.env['crm.lead'].sudo(user).action_followup_list()
            with self.assertRaises(AccessError):
                self.env['crm.lead'].sudo(user).followup_refresh()

    # -- 7. win model display ---------------------------------------------------------------

    def test_win_model_effects_are_escaped_and_float_levels_read(self):
        team = self.env['crm.team'].create({'name': '<img src=x onerror=alert(1)>'})
        model = self.env['sales_mis.win.model'].create({
            'name': 'Test', 'state': 'trained', 'company_id': self.company.id,
            'model_json': json.dumps({'kind': win_model.LOGISTIC, 'coef': {'team_id': {'%.1f' % team.id: 1.5}}})})
        html = model.coefficient_html
        self.assertIn('&lt;img src=x onerror=alert(1)&gt;', html)
        self.assertNotIn('<img', html)

    # -- 8. visits link records of their own company ----------------------------------------

    def test_a_visit_cannot_point_at_another_companys_records(self):
        other = self.env['res.company'].create({'name': 'Other Co'})
        foreign = self.env['res.partner'].create({'name': 'Foreign Ltd', 'customer': True, 'is_company': True,
                                                  'company_id': other.id})
        Visit = self.env['sales_mis.visit']
        values = {'name': 'Visit', 'user_id': self.salesperson.id, 'team_id': self.team_east.id,
                  'company_id': self.company.id, 'date_start': '2030-03-01 09:00:00'}
        with self.assertRaisesRegex(ValidationError, 'another company'):
            Visit.create(dict(values, partner_id=foreign.id))
        foreign_lead = self.env['crm.lead'].create({'name': 'Foreign lead', 'company_id': other.id})
        with self.assertRaisesRegex(ValidationError, 'another company'):
            Visit.create(dict(values, partner_id=self.east_customer.id, lead_id=foreign_lead.id))
        Visit.create(dict(values, partner_id=self.east_customer.id))

    def test_a_daily_report_collects_only_its_companys_records(self):
        other = self.env['res.company'].create({'name': 'Other Co'})
        seller = self.salesperson_east2
        seller.write({'tz': 'UTC', 'company_ids': [(4, other.id)]})
        now = fields.Datetime.now()
        shared = self.env['res.partner'].create({'name': 'Shared Ltd', 'customer': True, 'is_company': True,
                                                'company_id': False})
        self.env['sales_mis.visit'].create({'name': 'Other company visit', 'partner_id': shared.id,
                                            'user_id': seller.id, 'company_id': other.id, 'date_start': now})
        self.env['crm.lead'].create({'name': 'Other company lead', 'type': 'opportunity', 'user_id': seller.id,
                                     'company_id': other.id})
        self.env['sales_mis.visit'].create({'name': 'Own visit', 'partner_id': shared.id, 'user_id': seller.id,
                                            'company_id': self.company.id, 'date_start': now})
        report = self.env['sales_mis.daily.report'].sudo(seller).create({
            # the seller's own day (context_today of a record reads its environment's user)
            'date': fields.Date.context_today(self.env['sales_mis.daily.report'].sudo(seller)),
            'team_id': seller.sale_team_id.id})
        report.action_collect()
        names = ' '.join(report.line_ids.mapped('name'))
        self.assertIn('Own visit', names)
        self.assertNotIn('Other company', names)
