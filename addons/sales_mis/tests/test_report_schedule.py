# -*- coding: utf-8 -*-
"""Scheduled reports: the daily cron queues one e-mail per schedule with the XLSX files."""
import base64

from .report_case import ReportCase, table


class TestReportSchedule(ReportCase):

    def test_cron_mails_the_reports_of_the_day_as_attachments(self):
        invoice = self.sell(self.seller, self.east_customer, [(self.pump, 2, 100.0)])
        self.pay(invoice, 150.0)
        self.sell(self.salesperson_south, self.south_customer, [(self.pump, 1, 100.0)])
        schedule = self.env['sales_mis.report.schedule'].sudo(self.manager).create({
            'name': 'East daily',
            'report_type_ids': [(6, 0, [self.env.ref('sales_mis.report_type_product_daily').id,
                                        self.env.ref('sales_mis.report_type_collection_summary').id])],
            'user_ids': [(6, 0, [self.seller.id])],
            'partner_ids': [(6, 0, [self.east_customer.id])],
            'lang': 'en_US',
        })
        self.assertEqual(schedule.user_id, self.manager)   # by default the creator's visibility
        schedule.sudo().user_id = self.seller   # only an administrator may choose another user's figures
        Mail = self.env['mail.mail']
        before = Mail.search([])
        self.env['sales_mis.report.schedule'].cron_send_daily()
        mail = Mail.search([]) - before
        self.assertEqual(len(mail), 1)
        self.assertEqual(set(mail.recipient_ids.ids), {self.seller.partner_id.id, self.east_customer.id})
        self.assertIn('East daily', mail.subject)
        files = {a.datas_fname: base64.b64decode(a.datas) for a in mail.attachment_ids}
        self.assertEqual(sorted(files), ['collection_summary-%s.xlsx' % self.day, 'product_daily-%s.xlsx' % self.day])
        # built with the chosen user's visibility: their own sales only
        products = table(files['product_daily-%s.xlsx' % self.day])
        self.assertEqual(products['Total']['Sales of the Day'], 200.0)
        self.assertEqual(table(files['collection_summary-%s.xlsx' % self.day])['Total']['Collected Today'], 150.0)
        self.assertTrue(schedule.last_sent)

    def test_a_salesperson_cannot_create_schedules(self):
        from odoo.exceptions import AccessError
        with self.assertRaises(AccessError):
            self.env['sales_mis.report.schedule'].sudo(self.seller).create({
                'name': 'Mine', 'report_type_ids': [(6, 0, [self.env.ref('sales_mis.report_type_arrears').id])]})
