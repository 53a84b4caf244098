# -*- coding: utf-8 -*-
"""Acceptance of the standard reports: after delivery, invoice, a partial payment and a refund,
every report (pivot model and XLSX) shows the figures net of the refund."""
from .report_case import ReportCase, read_xlsx, table


class TestReportFlow(ReportCase):

    def setUp(self):
        super(TestReportFlow, self).setUp()
        # 10 pumps at 100 + 20 valves at 10 = 1200, 400 paid, 2 pumps (200) refunded
        self.invoice = self.sell(self.seller, self.east_customer,
                                 [(self.pump, 10, 100.0), (self.valve, 20, 10.0)])
        self.payment = self.pay(self.invoice, 400.0)
        self.credit = self.refund(self.invoice, 2)
        # an older invoice of the same customer, 45 days past due, and one of the south team
        self.old = self.sell(self.seller, self.east_customer, [(self.valve, 10, 10.0)], day=self.days_ago(45))
        self.pay(self.old, 30.0)
        self.south = self.sell(self.salesperson_south, self.south_customer, [(self.pump, 1, 100.0)])
        self.refresh_reports()

    def test_sales_lines_net_the_refund(self):
        groups = self.env['sales_mis.sales.line'].read_group(
            [('partner_id', '=', self.east_customer.id), ('date', '=', self.day)],
            ['product_id', 'amount', 'quantity'], ['product_id'])
        by_product = {g['product_id'][0]: g for g in groups}
        self.assertAlmostEqual(by_product[self.pump.id]['amount'], 800.0)
        self.assertAlmostEqual(by_product[self.pump.id]['quantity'], 8.0)
        self.assertAlmostEqual(by_product[self.valve.id]['amount'], 200.0)

    def test_sales_analysis_nets_the_refund_and_compares_months(self):
        Analysis = self.env['sales_mis.sales.analysis']
        month = self.day[:8] + '01'
        group = Analysis.read_group([('partner_id', '=', self.east_customer.id), ('month', '=', month)],
                                    ['amount', 'mom', 'yoy'], [])[0]
        self.assertAlmostEqual(group['amount'], 1000.0 + (100.0 if self.days_ago(45)[:7] == self.day[:7] else 0.0))
        by_team = Analysis.read_group([('month', '=', month)], ['team_id', 'amount'], ['team_id'])
        self.assertIn(self.team_east.id, [g['team_id'][0] for g in by_team if g['team_id']])
        rows = read_xlsx(self.build('sales_analysis', user=self.seller))
        self.assertEqual(rows[2][:3], ['Month', 'Sales Team', 'Sales'])
        this_month = [r for r in rows[3:] if r[0] == self.day[:7]]
        self.assertEqual([r[1] for r in this_month], [self.team_east.name])   # the south sale is not theirs
        self.assertAlmostEqual(this_month[0][2], group['amount'])
        self.assertEqual(rows[-1][0], 'Total')

    def test_daily_reports_open_on_todays_figures(self):
        """Issue 13 §9: Daily Reports opened as a new record with Save/Discard and zeros until "Show"."""
        action = self.env.ref('sales_mis.action_daily_sales_report')
        self.assertEqual(action.target, 'inline', 'a report page, not a record being edited')
        self.seller.tz = self.env.user.tz   # the seller's today is the day of the sales above
        Wizard = self.env['sales_mis.daily.sales.report'].sudo(self.seller)
        names = [name for name in Wizard.fields_view_get(view_type='form')['fields']]
        values = dict(dict.fromkeys(names, False), **Wizard.default_get(names))   # as the client sends them
        opened = Wizard.onchange(values, [], Wizard._onchange_spec())['value']   # what the client asks on open
        lines = [command[2] for command in opened['line_ids'] if command[0] == 0]
        pump = [line for line in lines if line['product_id'] and line['product_id'][0] == self.pump.id]
        self.assertEqual([(line['day_qty'], line['day_amount']) for line in pump], [(8.0, 800.0)])
        changed = Wizard.onchange(dict(values, report_type='collection_summary'), 'report_type',
                                  Wizard._onchange_spec())['value']
        teams = [command[2]['team_id'] for command in changed['line_ids'] if command[0] == 0]
        self.assertIn(self.team_east.id, [team[0] for team in teams if team])

    def test_product_daily_report_has_day_month_and_year_columns(self):
        rows = self.env['sales_mis.report.export'].sudo(self.seller).product_daily_rows(self.day)
        pump = [r for r in rows if r['product_id'] == self.pump.id][0]
        self.assertEqual((pump['day_qty'], pump['day_amount']), (8.0, 800.0))
        self.assertEqual(pump['mtd_amount'], 800.0)
        self.assertEqual(pump['ytd_amount'], 800.0)
        xlsx = table(self.build('product_daily', user=self.seller))
        self.assertEqual(xlsx['RP1']['Sales of the Day'], 800.0)
        self.assertEqual(xlsx['RP1']['Quantity Year to Date'], 8.0)
        self.assertNotIn('Report Pump', [r.get('Product') for k, r in xlsx.items() if k != 'RP1'])
        # the south invoice is not the salesperson's
        self.assertEqual(xlsx['Total']['Sales of the Day'], 1000.0)

    def test_collections_of_the_day(self):
        Collection = self.env['sales_mis.collection'].sudo(self.seller)
        today = Collection.search([('date', '=', self.day)])
        self.assertEqual(sorted(today.mapped('amount')), [30.0, 400.0])
        self.assertEqual(today.mapped('payment_id') and True, True)
        detail = read_xlsx(self.build('collection_detail', user=self.seller))
        self.assertEqual(detail[2][0], 'Customer')
        self.assertEqual(detail[-1][0], 'Total')
        self.assertEqual(detail[-1][-1], 430.0)
        summary = table(self.build('collection_summary', user=self.seller))
        self.assertEqual(summary[self.team_east.name]['Collected Today'], 430.0)
        self.assertEqual(summary['Total']['Collected Year to Date'], 430.0)

    def test_money_paid_back_on_a_refund_counts_negative(self):
        self.pay(self.credit, 50.0)
        amounts = self.env['sales_mis.collection'].search([('invoice_id', '=', self.credit.id)]).mapped('amount')
        self.assertEqual(amounts, [-50.0])
        summary = table(self.build('collection_summary', user=self.seller))
        self.assertEqual(summary['Total']['Collected Today'], 380.0)

    def test_arrears_net_the_refund_and_age_the_old_invoice(self):
        Arrears = self.env['sales_mis.arrears'].sudo(self.seller)
        group = Arrears.read_group([('partner_id', '=', self.east_customer.id)],
                                   ['residual', 'not_due', 'days_31_60', 'overdue'], [])[0]
        # 1200 - 400 paid - 200 refunded, plus 100 - 30 of the old one
        self.assertAlmostEqual(group['residual'], 670.0)
        self.assertAlmostEqual(group['not_due'], 600.0)
        self.assertAlmostEqual(group['days_31_60'], 70.0)
        self.assertAlmostEqual(group['overdue'], 70.0)
        xlsx = table(self.build('arrears', user=self.seller))
        row = xlsx['East Buyer Ltd']
        self.assertEqual((row['Amount Due'], row['Not Due'], row['31-60 Days']), (670.0, 600.0, 70.0))
        self.assertEqual(xlsx['Total']['Amount Due'], 670.0)

    def test_arrears_as_of_an_earlier_date_add_back_later_payments(self):
        yesterday = self.days_ago(1)
        rows = self.env['sales_mis.arrears'].sudo(self.seller).aged_rows(yesterday)
        self.assertEqual([(r['invoice_id'], r['residual'], r['days_overdue']) for r in rows],
                         [(self.old.id, 100.0, 44)])

    def test_chinese_captions_follow_the_language(self):
        self.env['res.lang'].load_lang('zh_CN')
        for source, value in (('Customer', '客户'), ('Customer Arrears', '顾客欠款表')):
            self.env['ir.translation'].create({'type': 'code', 'name': 'addons/sales_mis/models/report_export.py',
                                               'lang': 'zh_CN', 'src': source, 'value': value, 'state': 'translated'})
        rows = read_xlsx(self.build('arrears', lang='zh_CN'))
        self.assertEqual(rows[0][0], '顾客欠款表')
        self.assertEqual(rows[2][0], '客户')
        self.assertNotEqual(rows[-1][0], 'Total')   # Odoo's own Chinese 总计
        self.assertEqual(read_xlsx(self.build('arrears', lang='en_US'))[2][0], 'Customer')
