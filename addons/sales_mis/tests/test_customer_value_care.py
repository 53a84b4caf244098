# -*- coding: utf-8 -*-
"""Customer value and churn (C5: RFM stored on the customer, "buying dropped"
alert once per open activity) and customer care (C4: birthdays, anniversaries,
holidays become activities for the owner, never twice), and the profile tab (C1)."""
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, ValidationError

from .common import PlanningCase


class TestCustomerValue(PlanningCase):

    def setUp(self):
        super(TestCustomerValue, self).setUp()
        Partner = self.env['res.partner']
        self.today = date.today()
        self.falling = Partner.create({'name': 'Falling Buyer', 'customer': True, 'is_company': True,
                                       'user_id': self.salesperson.id})
        self.steady = Partner.create({'name': 'Steady Buyer', 'customer': True, 'is_company': True,
                                      'user_id': self.salesperson.id})

    def sale(self, partner, months_ago, amount):
        self.customer = partner
        day = (self.today.replace(day=10) - relativedelta(months=months_ago)).strftime('%Y-%m-%d')
        self.book_order(self.salesperson, day, [(self.product_a, 1, amount)])

    def test_rfm_and_buying_dropped_alert_once(self):
        self.sale(self.falling, 5, 10000.0)
        self.sale(self.falling, 4, 10000.0)
        self.sale(self.falling, 2, 1000.0)
        self.sale(self.steady, 5, 500.0)
        self.sale(self.steady, 2, 500.0)
        Partner = self.env['res.partner']
        flagged = Partner._sales_mis_compute_value(today=self.today)
        self.assertIn(self.falling, flagged)
        self.assertNotIn(self.steady, flagged)
        self.assertTrue(self.falling.sales_mis_buying_dropped)
        self.assertEqual(self.falling.sales_mis_revenue_change, -95.0)
        self.assertFalse(self.steady.sales_mis_buying_dropped)
        self.assertEqual(len(self.falling.sales_mis_rfm), 3)
        self.assertTrue(self.falling.sales_mis_segment)
        self.assertGreaterEqual(self.falling.sales_mis_rfm_m, self.steady.sales_mis_rfm_m)
        activity_type = self.env.ref('sales_mis.mail_activity_buying_dropped')
        activities = self.falling.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.salesperson)
        Partner._sales_mis_compute_value(today=self.today)
        self.assertEqual(len(self.falling.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)), 1,
                         'no second alert while one is open')
        with self.assertRaises(AccessError):
            Partner.sudo(self.salesperson).action_sales_mis_value()


class TestCustomerCare(PlanningCase):

    def setUp(self):
        super(TestCustomerCare, self).setUp()
        self.env['sales_mis.holiday'].search([]).write({'active': False})
        self.today = date.today()
        Partner = self.env['res.partner']
        self.company_partner = Partner.create({
            'name': 'Care Customer', 'customer': True, 'is_company': True, 'user_id': self.salesperson.id,
            'team_id': self.team_east.id,
            'sales_mis_customer_since': (self.today - relativedelta(years=3) + timedelta(days=5)).strftime('%Y-%m-%d')})
        self.contact = Partner.create({
            'name': 'Ms Wang', 'parent_id': self.company_partner.id, 'sales_mis_decision_role': 'decision_maker',
            'sales_mis_birthday': (self.today - relativedelta(years=40) + timedelta(days=3)).strftime('%Y-%m-%d')})
        self.south_partner = Partner.create({'name': 'South Care', 'customer': True, 'is_company': True,
                                             'user_id': self.salesperson_south.id, 'team_id': self.team_south.id})
        holiday_day = self.today + timedelta(days=4)
        self.holiday = self.env['sales_mis.holiday'].create({
            'name': 'Test Festival', 'month': holiday_day.month, 'day': holiday_day.day, 'days_before': 7})

    def test_reminders_for_the_owner_without_duplicates(self):
        Partner = self.env['res.partner']
        reminders = Partner._cron_sales_mis_care(today=self.today)
        mine = reminders.filtered(lambda r: r.partner_id in (self.company_partner | self.contact))
        self.assertEqual(sorted(mine.mapped('occasion')), ['anniversary', 'birthday', 'holiday'])
        self.assertEqual(mine.mapped('user_id'), self.salesperson, 'the contact reminds the company owner')
        birthday = mine.filtered(lambda r: r.occasion == 'birthday')
        self.assertEqual(birthday.activity_id.date_deadline,
                         (self.today + timedelta(days=3)).strftime('%Y-%m-%d'))
        self.assertIn('Ms Wang', birthday.activity_id.summary)
        self.assertTrue(reminders.filtered(lambda r: r.partner_id == self.south_partner))
        # a finished activity does not come back the next day
        birthday.activity_id.action_feedback('Flowers sent')
        again = Partner._cron_sales_mis_care(today=self.today + timedelta(days=1))
        self.assertFalse(again.filtered(lambda r: r.partner_id in (self.company_partner | self.contact)))
        # roles: the salesperson sees only own customers' reminders
        Reminder = self.env['sales_mis.care.reminder']
        ids = reminders.ids
        seen = Reminder.sudo(self.salesperson).search([('id', 'in', ids)])
        self.assertEqual(seen.mapped('user_id'), self.salesperson)
        south = reminders.filtered(lambda r: r.partner_id == self.south_partner)
        with self.assertRaises(AccessError):
            south.sudo(self.salesperson).read(['occasion'])
        with self.assertRaises(AccessError):
            south.sudo(self.manager).read(['occasion'])
        self.assertEqual(Reminder.sudo(self.director).search_count([('id', 'in', ids)]), len(ids))

    def test_reminders_speak_the_owners_language(self):
        """Issue 13 §10: the cron wrote the reminders in the system's language."""
        self.salesperson.lang = 'zh_CN'
        reminders = self.env['res.partner'].with_context(lang='en_US')._cron_sales_mis_care(today=self.today)
        summaries = {r.occasion: r.activity_id.summary for r in reminders
                     if r.partner_id in (self.company_partner | self.contact)}
        self.assertEqual(summaries['birthday'], '%s 的生日' % self.contact.display_name)
        self.assertNotIn('greet', summaries['holiday'])
        south = reminders.filtered(lambda r: r.partner_id == self.south_partner)
        self.assertEqual(south.activity_id.summary, 'Test Festival: greet South Care', 'the south seller reads English')

    def test_holiday_validation_and_access(self):
        with self.assertRaises(ValidationError):
            self.env['sales_mis.holiday'].create({'name': 'Bad', 'month': 2, 'day': 30})
        with self.assertRaises(AccessError):
            self.holiday.sudo(self.salesperson).write({'days_before': 1})
        self.holiday.sudo(self.manager).write({'days_before': 3})

    def test_profile_tab_counts_and_key_contacts(self):
        self.env['sales_mis.visit'].create({'name': 'Visit', 'partner_id': self.company_partner.id,
                                            'user_id': self.salesperson.id, 'date_start': '2030-03-01 09:00:00'})
        Partner = self.env['res.partner'].sudo(self.salesperson)
        partner = Partner.browse(self.company_partner.id)
        self.assertEqual(partner.sales_mis_visit_count, 1)
        self.assertEqual(partner.sales_mis_key_contact_ids, self.contact)
        self.assertEqual(partner.credit_limit, 0.0)
        partner.write({'sales_mis_region': 'east', 'credit_limit': 50000})
        self.assertEqual(self.company_partner.sales_mis_region, 'east')
        action = partner.action_sales_mis_visits()
        self.assertEqual(action['domain'], [('partner_id', '=', partner.id)])
        self.env['res.partner'].fields_view_get(view_type='form')  # the tab renders
