# -*- coding: utf-8 -*-
"""Forecast runs follow the workflow mechanism: state, dates, error and requester are written by
the run itself (its buttons, the queue's cron), never by an ordinary write, whatever the context."""
from odoo.exceptions import AccessError

from .forecast_common import ForecastCase

BYPASS = {'tracking_disable': True, 'mail_notrack': True, 'sales_mis_forecast_no_commit': True,
          'sales_mis_workflow_actor': 1}


class TestForecastRunWorkflow(ForecastCase):

    def test_state_and_results_cannot_be_written(self):
        run = self.make_run(user=self.manager_south)
        for values in ({'state': 'done'}, {'state': 'queued'}, {'error': 'all good'},
                       {'date_finished': '2030-01-01 00:00:00'}, {'user_id': self.director.id}):
            with self.assertRaises(AccessError, msg=values):
                run.sudo(self.manager_south).with_context(BYPASS).write(values)
        with self.assertRaises(AccessError):
            self.make_run(user=self.manager_south, state='done')
        with self.assertRaises(AccessError):
            self.make_run(user=self.manager_south, user_id=self.director.id)
        self.assertEqual(run.state, 'draft')

    def test_a_queued_run_is_frozen_until_it_is_reset(self):
        run = self.make_run(user=self.manager_south)
        run.sudo(self.manager_south).action_queue()
        with self.assertRaises(AccessError):
            run.sudo(self.manager_south).write({'horizon': 6})
        with self.assertRaises(AccessError):
            run.sudo(self.manager_south).unlink()
        run.sudo(self.manager_south).write({'name': 'Renamed'})  # a name is not a result
        run.sudo(self.manager_south).action_reset()
        self.assertEqual(run.state, 'draft')
        run.sudo(self.manager_south).write({'horizon': 6})
        self.assertEqual(run.horizon, 6)
