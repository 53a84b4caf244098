# -*- coding: utf-8 -*-
"""Forecast -> plan (G4) and the stock warning (G6)."""
from odoo.exceptions import UserError

from .forecast_common import ForecastCase, month_start


class TestForecastPlanStock(ForecastCase):

    def setUp(self):
        super(TestForecastPlanStock, self).setUp()
        self.book_history(self.salesperson_south, 6, [(self.product_a, 3, 100.0), (self.product_b, 10, 10.0)])

    def test_create_plan_from_a_done_run(self):
        run = self.make_run(level='team', horizon=24)
        run.action_run_now()
        action = run.sudo(self.director).action_create_plan()
        plan = self.env['sales_mis.plan'].browse(action['res_id'])
        year = month_start(-12).year  # a 24-month horizon covers next year completely
        self.assertEqual((plan.state, plan.year, plan.scope, plan.team_id), ('draft', year, 'team', self.team_south))
        self.assertEqual(plan.forecast_run_id, run)
        self.assertAlmostEqual(plan.target_amount, 12 * 400.0, places=2)
        months = plan.root_line_id.child_ids
        self.assertEqual(len(months), 12)
        self.assertAlmostEqual(sum(months.mapped('target_amount')), plan.target_amount, places=2)
        self.assertEqual(set(months.mapped('target_amount')), {400.0})

    def test_split_method_forecast_uses_the_latest_team_run(self):
        run = self.make_run(level='team', team_id=False, horizon=24)
        run.action_run_now()
        plan = self.make_plan(year=month_start(-12).year, target_amount=1000.0)
        split = self.env['sales_mis.plan.split'].sudo(self.director).create({
            'line_id': plan.root_line_id.id, 'dimension': 'team', 'method': 'forecast',
            'team_ids': [(6, 0, run.series_ids.mapped('team_id').ids)]})
        split.action_split()
        by_team = {l.team_id: l.target_amount for l in plan.root_line_id.child_ids}
        series = {s.team_id: s for s in run.series_ids}
        total = sum(max(0.0, sum(s.line_ids.filtered(lambda l: l.date[:4] == str(plan.year)).mapped('mean')))
                    for s in series.values())
        south = sum(series[self.team_south].line_ids.filtered(lambda l: l.date[:4] == str(plan.year)).mapped('mean'))
        self.assertAlmostEqual(by_team[self.team_south], 1000.0 * south / total, delta=0.02)
        with self.assertRaises(UserError):
            self.env['sales_mis.plan.split'].create({'line_id': plan.root_line_id.id, 'dimension': 'salesperson',
                                                     'method': 'forecast'}).action_split()

    def test_stock_warning_lists_products_short_over_their_lead_time(self):
        Products = self.env['product.product']
        motor = Products.create({'name': 'Motor', 'type': 'product', 'sale_delay': 45, 'list_price': 50.0})
        seal = Products.create({'name': 'Seal', 'type': 'product', 'sale_delay': 15, 'list_price': 1.0})
        self.book_history(self.salesperson_south, 6, [(motor, 3, 50.0), (seal, 10, 1.0)])
        run = self.make_run(measure='quantity')
        run.action_run_now()
        Warnings = self.env['sales_mis_forecast.stock.warning']
        rows = {w.product_id: w for w in Warnings.search([('run_id', '=', run.id)])}
        self.assertAlmostEqual(rows[motor].demand, 4.5, places=6)  # 1.5 months of 3
        self.assertAlmostEqual(rows[seal].shortfall, 5.0, places=6)  # half a month of 10
        # consumables keep no stock: never warned about
        self.assertNotIn(self.product_a, rows)
        stock = self.env.ref('stock.stock_location_stock')
        self.env['stock.quant']._update_available_quantity(seal, stock, 6.0)
        rows = {w.product_id: w for w in Warnings.search([('run_id', '=', run.id)])}
        self.assertNotIn(seal, rows)
        self.assertAlmostEqual(rows[motor].shortfall, 4.5 - rows[motor].incoming, places=6)
