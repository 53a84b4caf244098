# -*- coding: utf-8 -*-
"""Dealer stock reports (I3): workflow, figures, alerts to the owner, uploads (row errors,
idempotence, limits) and who may see and change which report."""
import base64

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import DealerCase


def csv_file(*rows):
    return base64.b64encode('\n'.join(','.join(map(str, row)) for row in rows).encode('utf-8'))


class TestStockReport(DealerCase):

    def test_figures_and_workflow_with_alerts(self):
        report = self.make_report(self.dealer_east, self.seller_east, lines=[
            (self.product_a, 40, 60, 35),   # sold 65 in 31 days: 16.7 days of cover -> ok (10..60)
            (self.product_b, 30, 20, 2)])   # sold 48: 1.3 days -> low
        line_a, line_b = report.line_ids.sorted(lambda l: l.product_id.id)
        self.assertEqual(line_a.sell_through_qty, 65.0)
        self.assertAlmostEqual(line_a.cover_days, round(35 / (65 / 31.0), 1))
        self.assertEqual((line_a.stock_status, line_b.stock_status), ('ok', 'low'))
        self.assertEqual((report.low_count, report.over_count, report.sold_qty), (1, 0, 113.0))
        report.sudo(self.seller_east).action_submit()
        self.assertEqual(report.state, 'submitted')
        with self.assertRaises(AccessError):  # frozen once submitted
            line_a.sudo(self.seller_east).write({'closing_qty': 1})
        with self.assertRaises(AccessError):  # another salesperson confirms nothing
            report.sudo(self.seller_east2).action_confirm()
        report.sudo(self.manager_east).action_confirm()
        self.assertEqual((report.state, report.confirmed_by_id), ('confirmed', self.manager_east))
        activity = self.env['mail.activity'].search([('res_model', '=', report._name), ('res_id', '=', report.id)])
        self.assertEqual(activity.user_id, self.seller_east)
        self.assertIn('1', activity.summary)
        self.assertIn(self.product_b.name, activity.note)
        with self.assertRaises(AccessError):
            report.sudo(self.seller_east).write({'state': 'draft'})
        with self.assertRaises(AccessError):
            report.sudo(self.seller_east).unlink()

    def test_closing_above_stock_refused(self):
        with self.assertRaises(ValidationError):
            self.make_report(self.dealer_east, self.seller_east, lines=[(self.product_a, 1, 1, 5)])

    def test_not_a_dealer_refused(self):
        customer = self.env['res.partner'].create({'name': 'Plain Customer', 'customer': True,
                                                   'user_id': self.seller_east.id})
        with self.assertRaises(ValidationError):
            self.make_report(customer)

    def test_who_sees_which_report(self):
        east = self.make_report(self.dealer_east, lines=[(self.product_a, 1, 1, 1)])
        south = self.make_report(self.dealer_south, lines=[(self.product_a, 1, 1, 1)])
        Report = self.env['sales_mis_dealer.stock.report']
        Line = self.env['sales_mis_dealer.stock.report.line']
        ids = [east.id, south.id]
        self.assertEqual(Report.sudo(self.seller_east).search([('id', 'in', ids)]), east)
        self.assertEqual(Report.sudo(self.seller_east2).search([('id', 'in', ids)]), Report)
        self.assertEqual(Report.sudo(self.manager_south).search([('id', 'in', ids)]), south)
        self.assertEqual(len(Report.sudo(self.director).search([('id', 'in', ids)])), 2)
        self.assertFalse(Line.sudo(self.seller_east).search([('report_id', '=', south.id)]))
        with self.assertRaises(AccessError):
            south.sudo(self.seller_east).read(['date_from'])
        with self.assertRaises(AccessError):
            south.line_ids.sudo(self.seller_east).write({'closing_qty': 0})
        with self.assertRaises(AccessError):  # a report for another salesperson's dealer
            self.make_report(self.dealer_south, self.seller_east, date_from='2031-01-01', date_to='2031-01-31')
        with self.assertRaises(AccessError):
            Report.sudo(self.internal).search([])
        # the dealer's portal user reads its own submitted reports, nothing of the other dealer's
        east.action_submit()
        south.action_submit()
        self.assertEqual(Report.sudo(self.portal_east).search([('id', 'in', ids)]), east)
        self.assertEqual(Line.sudo(self.portal_east).search([('report_id', 'in', ids)]), east.line_ids)
        with self.assertRaises(AccessError):
            east.sudo(self.portal_east).write({'date_from': '2030-01-02'})


class TestStockUpload(DealerCase):

    def upload(self, report, data, user=None, filename='stock.csv'):
        wizard = self.env['sales_mis_dealer.stock.upload'].sudo(user or self.seller_east).create(
            {'report_id': report.id, 'data_file': data, 'filename': filename})
        return wizard.action_import()

    def test_upload_is_idempotent(self):
        report = self.make_report(self.dealer_east, self.seller_east)
        data = csv_file(['product', 'opening', 'received', 'closing'], ['DL-PUMP', 10, 20, 15], ['Dealer Valve', 3, 0, 3])
        self.upload(report, data)
        self.upload(report, data)
        self.assertEqual(len(report.line_ids), 2)
        pump = report.line_ids.filtered(lambda l: l.product_id == self.product_a)
        self.assertEqual((pump.sell_through_qty, pump.cover_days, pump.stock_status), (15.0, 31.0, 'ok'))
        valve = report.line_ids - pump
        self.assertEqual((valve.cover_days, valve.stock_status), (-1.0, 'over'))
        self.upload(report, csv_file(['product', 'opening', 'received', 'closing'], ['DL-PUMP', 10, 20, 0]))
        self.assertEqual(len(report.line_ids), 2)
        self.assertEqual(pump.closing_qty, 0.0)

    def test_row_errors_write_nothing(self):
        report = self.make_report(self.dealer_east, self.seller_east)
        data = csv_file(['product', 'opening', 'received', 'closing'], ['DL-PUMP', 10, 20, 5],
                        ['NOPE', 1, 1, 1], ['DL-VALVE', 1, 1, 9])
        with self.assertRaises(UserError) as refusal:
            self.upload(report, data)
        self.assertIn('Row 3', refusal.exception.name)
        self.assertIn('Row 4', refusal.exception.name)
        self.assertFalse(report.line_ids)

    def test_bounded_like_the_visit_import(self):
        report = self.make_report(self.dealer_east, self.seller_east)
        huge = base64.b64encode(b'product,opening,received,closing\n' + b'DL-PUMP,1,1,1\n' * 1400000)
        with self.assertRaises(UserError) as refusal:
            self.upload(report, huge)
        self.assertIn('10', refusal.exception.name)  # the 10 MB limit, stated
        with self.assertRaises(UserError):
            self.upload(report, base64.b64encode(b'PK\x03\x04 not really a workbook'), filename='stock.xlsm')
        with self.assertRaises(UserError):
            self.upload(report, csv_file(['product', 'product', 'opening', 'received', 'closing']))

    def test_upload_needs_the_right_to_change_the_report(self):
        report = self.make_report(self.dealer_south, lines=[(self.product_a, 1, 1, 1)])
        data = csv_file(['product', 'opening', 'received', 'closing'], ['DL-PUMP', 10, 20, 5])
        with self.assertRaises(AccessError):
            self.upload(report, data, user=self.seller_east)
        report.action_submit()
        with self.assertRaises(UserError):  # no longer a draft
            self.upload(report, data, user=self.seller_south)
        self.assertEqual(report.line_ids.closing_qty, 1.0)


class TestReportsFollowTheDealer(DealerCase):

    def test_new_owner_gets_the_reports(self):
        report = self.make_report(self.dealer_east, lines=[(self.product_a, 5, 5, 5)])
        report.action_submit()
        self.dealer_east.sudo(self.manager_east).write({'user_id': self.seller_east2.id})
        self.assertEqual((report.user_id, report.line_ids.user_id), (self.seller_east2, self.seller_east2))
        Report = self.env['sales_mis_dealer.stock.report']
        self.assertEqual(Report.sudo(self.seller_east2).search([('id', '=', report.id)]), report)
        self.assertFalse(Report.sudo(self.seller_east).search([('id', '=', report.id)]))
        with self.assertRaises(AccessError):  # the owner is the dealer's, not typed in
            report.sudo(self.seller_east2).write({'user_id': self.seller_east.id})
