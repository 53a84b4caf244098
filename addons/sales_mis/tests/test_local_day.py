# -*- coding: utf-8 -*-
"""Every "day" is the local day of the company and its users, never the UTC day. The company's
time zone is chosen so that its date differs from the UTC date at the hour the test runs
(UTC-12 before noon UTC, UTC+14 after 10:00 UTC): a UTC day anywhere shows up as a failure."""
import datetime

from odoo import fields
from odoo.tests.common import TransactionCase

from .common import new_user, SALESPERSON
from .report_case import ReportCase


def a_zone_on_another_day(utc_now):
    """A time zone whose date is not the UTC date at `utc_now` (Etc/GMT signs are inverted)."""
    return 'Etc/GMT+12' if utc_now.hour < 12 else 'Etc/GMT-14'


class TestLocalDay(ReportCase):

    def setUp(self):
        super(TestLocalDay, self).setUp()
        self.tz = a_zone_on_another_day(datetime.datetime.utcnow())
        self.company.partner_id.tz = self.tz
        (self.seller | self.env.user).write({'tz': self.tz})
        self.local_today = fields.Date.context_today(self.env['sales_mis.visit'].sudo(self.seller))
        self.assertNotEqual(self.local_today, fields.Date.to_string(datetime.datetime.utcnow().date()))

    def test_a_new_user_takes_the_company_time_zone(self):
        user = new_user(self.env, 'Zone Seller', 'test_zone_seller', SALESPERSON)
        self.assertEqual(user.tz, self.tz)
        chosen = new_user(self.env, 'Own Zone', 'test_own_zone', SALESPERSON, tz='Europe/Paris')
        self.assertEqual(chosen.tz, 'Europe/Paris')

    def test_an_invoice_due_today_is_not_overdue(self):
        invoice = self.sell(self.seller, self.east_customer, [(self.pump, 1, 100.0)], day=self.local_today)
        invoice.date_due = self.local_today
        row = self.env['sales_mis.arrears'].sudo(self.seller).search([('invoice_id', '=', invoice.id)])
        self.assertEqual(row.days_overdue, 0)

    def test_a_visit_of_this_moment_counts_on_the_local_day(self):
        visit = self.env['sales_mis.visit'].sudo(self.seller).create({
            'name': 'Visit of now', 'partner_id': self.east_customer.id, 'date_start': fields.Datetime.now()})
        visit.action_done()
        figures = self.env['sales_mis.kpi.measure'].measure(
            [self.seller.id], self.company.id, self.local_today, self.local_today)
        self.assertEqual(figures['visits'].get(self.seller.id), 1)
        report = self.env['sales_mis.daily.report'].sudo(self.seller).create(
            {'team_id': self.seller.sale_team_id.id})
        self.assertEqual(report.date, self.local_today)
        report.action_collect()
        self.assertIn('Visit of now', ' '.join(report.line_ids.mapped('name')))

    def test_an_order_of_this_moment_counts_in_the_local_month(self):
        order = self.env['sale.order'].create({
            'partner_id': self.east_customer.id, 'user_id': self.seller.id, 'team_id': self.team_east.id,
            'order_line': [(0, 0, {'product_id': self.pump.id, 'product_uom_qty': 1, 'price_unit': 100.0})]})
        order.action_confirm()
        self.refresh_actuals()
        months = self.env['sales_mis.actual'].search([('user_id', '=', self.seller.id), ('basis', '=', 'order')])
        self.assertEqual(months.mapped('month'), [self.local_today[:8] + '01'])

    def test_a_delivery_scheduled_now_is_not_late(self):
        order = self.env['sale.order'].create({
            'partner_id': self.east_customer.id, 'user_id': self.seller.id, 'team_id': self.team_east.id,
            'order_line': [(0, 0, {'product_id': self.pump.id, 'product_uom_qty': 1, 'price_unit': 100.0})]})
        order.action_confirm()
        order.picking_ids.write({'scheduled_date': fields.Datetime.now()})
        self.assertFalse(order.delivery_late)
        self.env['sale.order']._store_tracking_sql(order.ids)
        self.env.cr.execute('SELECT delivery_late FROM sale_order WHERE id = %s', order.ids)
        self.assertFalse(self.env.cr.fetchone()[0])


class TestDemoTimeZone(TransactionCase):

    def test_demo_users_and_company_live_in_beijing_time(self):
        for xml_id in ('base.main_partner', 'sales_mis.user_director', 'sales_mis.user_manager',
                       'sales_mis.user_salesperson', 'sales_mis.user_mis_admin', 'base.user_root'):
            self.assertEqual(self.env.ref(xml_id).tz, 'Asia/Shanghai', xml_id)
