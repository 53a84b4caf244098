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
        # the split service, as the East manager, with the South run pinned by context
        line = plan.root_line_id.sudo(self.manager).with_context(sales_mis_forecast_run_id=south_run.id)
        with self.assertRaises(AccessError):
            line._split_weights('forecast', line._split_keys('month'), 'month')
        with self.assertRaises(AccessError):  # the public door (RPC, data files) too, leaving nothing behind
            line.split('month', 'forecast')
        self.assertFalse(plan.root_line_id.child_ids)
        # the director may read it: the same split takes its shape
        director_line = plan.root_line_id.sudo(self.director).with_context(sales_mis_forecast_run_id=south_run.id)
        weights = director_line._split_weights('forecast', director_line._split_keys('month'), 'month')
        self.assertTrue(any(weights))
