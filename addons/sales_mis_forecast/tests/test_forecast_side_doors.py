# -*- coding: utf-8 -*-
"""Split by forecast (issue 12): the weights come only from runs the caller may read; the
context key that pins a run is no way around the record rules."""
from odoo.exceptions import AccessError

from .forecast_common import ForecastCase, month_start


class TestForecastSideDoors(ForecastCase):

    def test_a_pinned_run_must_be_readable_by_the_caller(self):
        self.book_history(self.salesperson_south, 6, [(self.product_a, 3, 100.0)])
        south_run = self.make_run(level='team', horizon=24)   # the South team's: not the East manager's
        south_run.action_run_now()
        plan = self.make_plan(user=self.manager, year=month_start(-12).year, target_amount=1200.0)
        split = self.env['sales_mis.plan.split'].sudo(self.manager).with_context(
            sales_mis_forecast_run_id=south_run.id).create({
                'line_id': plan.root_line_id.id, 'dimension': 'month', 'method': 'forecast'})
        with self.assertRaises(AccessError):
            split._weights_forecast(split._keys())
        # the director may read it: the same split takes its shape
        director_split = self.env['sales_mis.plan.split'].sudo(self.director).with_context(
            sales_mis_forecast_run_id=south_run.id).create({
                'line_id': plan.root_line_id.id, 'dimension': 'month', 'method': 'forecast'})
        weights = director_split._weights_forecast(director_split._keys())
        self.assertTrue(any(weights))
