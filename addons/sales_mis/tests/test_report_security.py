# -*- coding: utf-8 -*-
"""Who sees which figures in the standard reports: salesperson own, manager the teams
they lead or belong to, director all; nobody writes to a report."""
from odoo.exceptions import AccessError

from .report_case import ReportCase, table

MODELS = ['sales_mis.sales.line', 'sales_mis.sales.analysis', 'sales_mis.collection', 'sales_mis.arrears']


class TestReportSecurity(ReportCase):

    def setUp(self):
        super(TestReportSecurity, self).setUp()
        self.east_invoice = self.sell(self.seller, self.east_customer, [(self.pump, 3, 100.0)])
        self.pay(self.east_invoice, 100.0)
        self.south_invoice = self.sell(self.salesperson_south, self.south_customer, [(self.pump, 5, 100.0)])
        self.pay(self.south_invoice, 200.0)
        self.refresh_reports()

    def partners(self, model, user):
        return set(self.env[model].sudo(user).search([]).mapped('partner_id').ids) & {
            self.east_customer.id, self.south_customer.id}

    def test_each_role_sees_its_scope_in_every_report(self):
        east, south = self.east_customer.id, self.south_customer.id
        for model in MODELS:
            self.assertEqual(self.partners(model, self.seller), {east}, model)
            self.assertEqual(self.partners(model, self.salesperson_south), {south}, model)
            self.assertEqual(self.partners(model, self.manager), {east}, model)
            self.assertEqual(self.partners(model, self.manager_south), {south}, model)
            self.assertEqual(self.partners(model, self.director), {east, south}, model)

    def test_salesperson_cannot_read_or_write_others_figures(self):
        for model in MODELS:
            other = self.env[model].search([('partner_id', '=', self.south_customer.id)], limit=1)
            self.assertTrue(other, model)
            with self.assertRaises(AccessError):
                other.sudo(self.seller).read(['partner_id'])
            mine = self.env[model].sudo(self.seller).search([], limit=1)
            with self.assertRaises(AccessError):
                mine.write({'partner_id': self.south_customer.id})
            with self.assertRaises(AccessError):
                self.env[model].sudo(self.director).create({'partner_id': east_id(self)})

    def test_xlsx_files_follow_the_rules(self):
        seller = table(self.build('collection_summary', user=self.seller))
        self.assertEqual(seller['Total']['Collected Today'], 100.0)
        director = table(self.build('collection_summary', user=self.director))
        self.assertGreaterEqual(director['Total']['Collected Today'], 300.0)
        arrears = table(self.build('arrears', user=self.manager_south))
        self.assertEqual(set(arrears) - {'Total'}, {'South Buyer Ltd'})
        self.assertEqual(arrears['Total']['Amount Due'], 300.0)

    def test_dashboard_of_a_manager_counts_their_teams_only(self):
        figures = self.env['sales_mis.dashboard'].sudo(self.manager_south).figures()
        self.assertEqual(figures['sales_today'], 500.0)
        self.assertEqual(figures['collected_today'], 200.0)
        self.assertEqual(figures['arrears_total'], 300.0)
        self.assertIn('South Buyer Ltd', figures['top_customers'])
        self.assertNotIn('East Buyer Ltd', figures['top_customers'])
        action = self.env['sales_mis.dashboard'].sudo(self.manager_south).action_open()
        self.assertEqual(action['res_model'], 'sales_mis.dashboard')
        # its breadcrumb names the dashboard, not only the day
        dashboard = self.env['sales_mis.dashboard'].browse(action['res_id'])
        self.assertEqual(dashboard.display_name, 'Sales Dashboard of %s' % figures['date'])


def east_id(case):
    return case.east_customer.id
