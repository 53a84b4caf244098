# -*- coding: utf-8 -*-
"""The pass every minute keeps the monthly actuals and the sales analysis exactly what a
full rebuild gives, recomputing only the months whose documents changed; the completion, the
analysis and the dashboard move after one pass; the screens say how fresh they are."""
from .common import PlanningCase

ACTUALS = """SELECT basis, company_id, month, user_id, team_id, categ_id, categ_left, round(sum(amount), 2),
                    round(sum(quantity), 3), round(sum(margin), 2), sum(line_count)
               FROM sales_mis_actual GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7"""
PERSON = """SELECT basis, company_id, month, user_id, team_id, round(sum(amount), 2) FROM sales_mis_actual_person
             GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"""
ANALYSIS = """SELECT month, company_id, user_id, team_id, partner_id, country_id, state_id, product_id, categ_id,
                     round(sum(amount), 2), round(sum(quantity), 3), round(sum(amount_prev_month), 2),
                     round(sum(amount_prev_year), 2)
                FROM sales_mis_sales_analysis GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9"""
TEAM = """SELECT month, company_id, user_id, team_id, round(sum(amount), 2), round(sum(amount_prev_month), 2),
                 round(sum(amount_prev_year), 2)
            FROM sales_mis_sales_analysis_team GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"""


class TestFiguresIncremental(PlanningCase):

    def snapshot(self):
        result = {}
        for name, sql in (('actuals', ACTUALS), ('person', PERSON), ('analysis', ANALYSIS), ('team', TEAM)):
            self.env.cr.execute(sql)
            result[name] = self.env.cr.fetchall()
        return result

    def invoice(self, kind, amount, day, user=None):
        account = self.env['account.account'].search(
            [('user_type_id.type', '=', 'other'), ('company_id', '=', self.company.id)], limit=1)
        user = user or self.salesperson
        inv = self.env['account.invoice'].create({
            'partner_id': self.customer.id, 'type': kind, 'user_id': user.id,
            'team_id': user.sale_team_id.id, 'date_invoice': day,
            'invoice_line_ids': [(0, 0, {'name': 'x', 'product_id': self.product_a.id, 'quantity': 1,
                                         'price_unit': amount, 'account_id': account.id})]})
        inv.action_invoice_open()
        return inv

    def test_a_pass_gives_what_a_full_rebuild_gives(self):
        Actual = self.env['sales_mis.actual']
        moved = self.book_order(self.salesperson, '2030-07-10', [(self.product_a, 3, 100.0)])
        deleted = self.book_order(self.salesperson_east2, '2030-04-11', [(self.product_b, 7, 10.0)])
        cancelled = self.book_order(self.salesperson_south, '2030-05-12', [(self.product_a, 1, 55.5)])
        self.invoice('out_invoice', 800.0, '2029-02-10')
        Actual.refresh()
        # after that pass (each change alone in its month, so that each path of the pass is
        # needed): a new order, one moved to another month and to another salesperson, one
        # cancelled, one cancelled and deleted, a new category (the tree is renumbered),
        # an invoice and a refund, last year's invoice (shown as "last year" a year later)
        self.book_order(self.salesperson, '2030-03-20', [(self.product_a, 2, 99.99), (self.product_b, 3, 10.01)])
        moved.write({'date_order': '2030-06-01 10:00:00', 'confirmation_date': '2030-06-01 10:00:00',
                     'user_id': self.salesperson_east2.id})
        cancelled.action_cancel()
        deleted.action_cancel()
        deleted.unlink()
        child = self.env['product.category'].create({'name': 'Small Pumps', 'parent_id': self.categ_a.id})
        small = self.env['product.product'].create({'name': 'Small pump', 'categ_id': child.id})
        self.book_order(self.salesperson, '2030-03-21', [(small, 1, 12.34)])
        self.invoice('out_invoice', 1234.56, '2030-02-10')
        self.invoice('out_refund', 300.0, '2030-02-11')
        self.invoice('out_invoice', 77.0, '2029-03-05', user=self.salesperson_south)
        self.assertTrue(Actual.refresh())
        incremental = self.snapshot()
        Actual._rebuild_all()
        full = self.snapshot()
        for name in full:
            self.assertEqual(incremental[name], full[name], '%s: the pass and a full rebuild differ' % name)
        # and the pass did see the changes
        self.env.cr.execute("SELECT round(sum(amount), 2) FROM sales_mis_actual WHERE basis = 'order' "
                            "AND month = '2030-06-01' AND user_id = %s", (self.salesperson_east2.id,))
        self.assertEqual(float(self.env.cr.fetchone()[0]), 300.0)
        self.env.cr.execute("SELECT count(*) FROM sales_mis_actual WHERE basis = 'order' AND month IN "
                            "('2030-04-01', '2030-05-01', '2030-07-01') AND user_id IN %s",
                            ((self.salesperson.id, self.salesperson_east2.id, self.salesperson_south.id),))
        self.assertEqual(self.env.cr.fetchone()[0], 0, 'moved, cancelled and deleted orders left their month')

    def test_a_pass_recomputes_only_the_months_that_changed(self):
        Actual = self.env['sales_mis.actual']
        Actual.refresh()
        self.env.cr.execute("SELECT id, month FROM sales_mis_actual")
        before = dict(self.env.cr.fetchall())
        self.book_order(self.salesperson, '2030-03-20', [(self.product_a, 2, 100.0)])
        Actual.refresh()
        self.env.cr.execute("SELECT id, month FROM sales_mis_actual")
        after = dict(self.env.cr.fetchall())
        rewritten = {str(month) for month in set(after.values()) ^ set(before.values())} | {
            str(after[i]) for i in set(after) - set(before)}
        self.assertEqual(rewritten, {'2030-03-01'}, 'only the order\'s month is rewritten')
        self.assertTrue(set(before) - set(after) <= {i for i, m in before.items() if str(m) == '2030-03-01'})

    def test_completion_analysis_and_dashboard_move_after_one_pass(self):
        cron = self.env.ref('sales_mis.cron_refresh_actuals')
        self.assertEqual((cron.interval_number, cron.interval_type, cron.code.strip(), cron.active),
                         (1, 'minutes', 'model.refresh()', True))
        plan = self.make_plan(name='East 2030', year=2030, scope='team', team_id=self.team_east.id,
                              target_amount=12000.0)
        plan.action_submit()
        plan.sudo(self.director).action_approve()
        self.env['sales_mis.actual'].refresh()
        director = self.director

        def actual():
            return self.env['sales_mis.plan.completion'].sudo(director).read_group(
                [('plan_id', '=', plan.id)], ['actual_amount'], [], lazy=False)[0]['actual_amount']

        def analysis(month, measure='amount'):
            groups = self.env['sales_mis.sales.analysis'].sudo(director).read_group(
                [('month', '=', month), ('team_id', '=', self.team_east.id)], [measure], [], lazy=False)
            return groups and groups[0][measure] or 0.0

        def chart(month):
            groups = self.env['sales_mis.dashboard.series'].sudo(director).read_group(
                [('month', '=', month), ('team_id', '=', self.team_east.id), ('series', '=', 'last_year')],
                ['amount'], [], lazy=False)
            return groups and groups[0]['amount'] or 0.0

        before, analysed = actual(), analysis('2030-02-01')
        self.book_order(self.salesperson, '2030-02-10', [(self.product_a, 4, 100.0)])
        self.invoice('out_invoice', 250.0, '2030-02-10')
        self.assertEqual((actual(), analysis('2030-02-01')), (before, analysed), 'nothing moves before the pass')
        self.env['sales_mis.actual'].refresh()  # what the cron runs every minute
        self.assertAlmostEqual(actual() - before, 400.0)
        self.assertAlmostEqual(analysis('2030-02-01') - analysed, 250.0)
        # the dashboard's chart: an invoice of February 2024 is February 2025's "last year"
        charted = chart('2025-02-01')
        self.invoice('out_invoice', 125.0, '2024-02-10')
        self.assertEqual(chart('2025-02-01'), charted, 'nothing moves before the pass')
        self.env['sales_mis.actual'].refresh()
        self.assertAlmostEqual(chart('2025-02-01') - charted, 125.0)
        # the screens say how fresh
        stamp = self.env['ir.config_parameter'].sudo().get_param('sales_mis.actuals_refreshed_at')
        self.assertTrue(stamp)
        self.assertIn('Actuals as of', plan.summary_html)
        label = self.env['sales_mis.plan.completion'].sudo(director).fields_get(['actual_amount'])
        self.assertIn(' as of 20', label['actual_amount']['string'])
        label = self.env['sales_mis.sales.analysis'].sudo(director).fields_get(['amount'])
        self.assertIn(' as of 20', label['amount']['string'])
        figures = self.env['sales_mis.dashboard'].sudo(director).figures()
        self.assertRegex(figures['figures_as_of'], r'^\d{4}-\d\d-\d\d \d\d:\d\d$')
