# -*- coding: utf-8 -*-
"""Completion analysis: target vs actual, ratio of sums, projection, bases, XLSX rows."""
from datetime import date

import xlrd

from odoo import fields

from ..planning.completion_xlsx import build_completion_workbook
from .common import PlanningCase


class TestPlanCompletion(PlanningCase):

    def approved_team_plan(self, year, target=12000.0):
        plan = self.make_plan(name='East %s' % year, year=year, scope='team', team_id=self.team_east.id,
                              target_amount=target)
        people = self.split(plan.root_line_id, 'salesperson',
                            user_ids=[(6, 0, [self.salesperson.id, self.salesperson_east2.id])])
        for person in people:
            self.split(person, 'month')
        plan.action_submit()
        plan.sudo(self.director).action_approve()
        return plan

    def completion(self, plan, groupby, user=None):
        Completion = self.env['sales_mis.plan.completion'].sudo(user or self.director)
        return Completion.read_group([('plan_id', '=', plan.id)], [g.split(':')[0] for g in groupby] +
                                     ['target_amount', 'actual_amount', 'completion', 'gap_amount',
                                      'projected_amount'], groupby, lazy=False)

    def test_actual_against_target_by_salesperson_and_month(self):
        plan = self.approved_team_plan(2030)
        self.book_order(self.salesperson, '2030-01-20', [(self.product_a, 10, 100.0)])    # 1000
        self.book_order(self.salesperson, '2030-02-03', [(self.product_b, 50, 10.0)])     # 500
        self.book_order(self.salesperson_east2, '2030-01-05', [(self.product_b, 20, 10.0)])  # 200
        self.book_order(self.salesperson_south, '2030-01-05', [(self.product_a, 9, 100.0)])  # other team
        self.refresh_actuals()
        rows = {r['user_id'][0]: r for r in self.completion(plan, ['user_id'])}
        mine = rows[self.salesperson.id]
        self.assertEqual(mine['target_amount'], 6000.0)
        self.assertAlmostEqual(mine['actual_amount'], 1500.0)
        self.assertAlmostEqual(mine['completion'], 25.0, msg='ratio of the sums, not a sum of ratios')
        self.assertAlmostEqual(mine['gap_amount'], 4500.0)
        self.assertNotIn(self.salesperson_south.id, rows)
        by_month = {r['date_from:month']: r for r in self.completion(plan, ['date_from:month'])}
        self.assertEqual(len(by_month), 12)
        january = [r for r in by_month.values()
                   if ('date_from', '>=', '2030-01-01') in [tuple(t) for t in r['__domain']]][0]
        self.assertAlmostEqual(january['actual_amount'], 1200.0)
        self.assertAlmostEqual(plan.completion, 100.0 * 1700.0 / 12000.0, places=1)
        self.assertIn('25.0%', plan.summary_html)
        self.assertIn('Actuals as of', plan.summary_html, 'the refresh time is shown')

    def test_projection_extends_the_run_rate_to_the_period_end(self):
        today = fields.Date.from_string(fields.Date.context_today(self.env['sales_mis.plan']))
        plan = self.approved_team_plan(today.year)
        # east2 has no demo orders: their year so far is exactly this order
        self.book_order(self.salesperson_east2, '%d-01-15' % today.year, [(self.product_a, 20, 100.0)])  # 2000
        self.refresh_actuals()
        # the company's local day (its partner's time zone, the same as the admin's in the demo)
        db_today = today
        start, end = date(db_today.year, 1, 1), date(db_today.year, 12, 31)
        rate = 2000.0 / ((db_today - start).days + 1)
        expected = 2000.0 + rate * (end - db_today).days
        theirs = [r for r in self.completion(plan, ['user_id']) if r['user_id'][0] == self.salesperson_east2.id][0]
        self.assertAlmostEqual(theirs['projected_amount'], expected, places=2)

    def test_invoice_basis_nets_refunds(self):
        self.company.sales_mis_actual_basis = 'invoice'
        plan = self.approved_team_plan(2030)
        account = self.env['account.account'].search(
            [('user_type_id.type', '=', 'other'), ('company_id', '=', self.company.id)], limit=1)

        def invoice(kind, amount):
            inv = self.env['account.invoice'].create({
                'partner_id': self.customer.id, 'type': kind, 'user_id': self.salesperson.id,
                'team_id': self.team_east.id, 'date_invoice': '2030-03-10',
                'invoice_line_ids': [(0, 0, {'name': 'x', 'product_id': self.product_a.id, 'quantity': 1,
                                             'price_unit': amount, 'account_id': account.id})]})
            inv.action_invoice_open()
            return inv
        invoice('out_invoice', 800.0)
        invoice('out_refund', 300.0)  # red-letter invoice
        self.book_order(self.salesperson, '2030-03-10', [(self.product_a, 99, 100.0)])  # not invoiced
        self.refresh_actuals()
        mine = [r for r in self.completion(plan, ['user_id']) if r['user_id'][0] == self.salesperson.id][0]
        self.assertAlmostEqual(mine['actual_amount'], 500.0)

    def test_category_targets_take_their_sub_categories(self):
        child = self.env['product.category'].create({'name': 'Small Pumps', 'parent_id': self.categ_a.id})
        small_pump = self.env['product.product'].create({'name': 'Small pump', 'categ_id': child.id})
        plan = self.make_plan(name='By category', year=2030, target_amount=1000.0)
        self.split(plan.root_line_id, 'category', categ_ids=[(6, 0, [self.categ_a.id, self.categ_b.id])])
        plan.action_submit()
        plan.sudo(self.director).action_approve()
        self.book_order(self.salesperson, '2030-05-01', [(small_pump, 3, 100.0), (self.product_b, 1, 10.0)])
        self.refresh_actuals()
        rows = {r['categ_id'][0]: r['actual_amount'] for r in self.completion(plan, ['categ_id'])}
        self.assertAlmostEqual(rows[self.categ_a.id], 300.0)
        self.assertAlmostEqual(rows[self.categ_b.id], 10.0)

    def test_export_rows_and_workbook_for_a_salesperson(self):
        plan = self.approved_team_plan(2030)
        self.book_order(self.salesperson, '2030-04-02', [(self.product_a, 5, 100.0)])
        self.book_order(self.salesperson_east2, '2030-04-02', [(self.product_a, 7, 100.0)])
        self.refresh_actuals()
        Completion = self.env['sales_mis.plan.completion']
        rows, months = Completion.sudo(self.salesperson)._export_rows(plan.sudo(self.salesperson))
        self.assertEqual(set(rows['salesperson']), {self.salesperson.name}, 'own rows only')
        self.assertEqual(len(months), 12)
        data = build_completion_workbook(rows, months, 'T', {'month_format': '%Y-%m'})
        sheet = xlrd.open_workbook(file_contents=data).sheet_by_index(0)
        values = [sheet.row_values(r) for r in range(sheet.nrows)]
        person = [row for row in values if self.salesperson.name in row][0]
        self.assertIn(6000.0, person)
        self.assertIn(500.0, person)
        rows_all, _months = Completion.sudo(self.manager)._export_rows(plan.sudo(self.manager))
        self.assertEqual(set(rows_all['salesperson']), {self.salesperson.name, self.salesperson_east2.name})

    def test_export_rows_give_team_targets_their_team_sales(self):
        plan = self.make_plan(name='Two teams', year=2030, target_amount=2000.0)
        teams = self.split(plan.root_line_id, 'team', team_ids=[(6, 0, [self.team_east.id, self.team_south.id])])
        self.split(teams.filtered(lambda l: l.team_id == self.team_east), 'salesperson',
                   user_ids=[(6, 0, [self.salesperson.id])])
        plan.action_submit()
        plan.sudo(self.director).action_approve()
        self.book_order(self.salesperson_south, '2030-06-01', [(self.product_a, 4, 100.0)])
        self.book_order(self.salesperson, '2030-06-01', [(self.product_a, 1, 100.0)])
        self.refresh_actuals()
        rows, _months = self.env['sales_mis.plan.completion']._export_rows(plan)
        actual = rows.groupby(['team', 'salesperson'])['actual'].sum().to_dict()
        self.assertEqual(actual[(self.team_south.name, '')], 400.0, 'a team target takes its team sales')
        self.assertEqual(actual[(self.team_east.name, self.salesperson.name)], 100.0)
