# -*- coding: utf-8 -*-
"""Forecast runs end to end: history from confirmed orders, queue and cron, progress
seen from another transaction, all-or-nothing storage, accuracy over time, chart."""
import json
from datetime import datetime, timedelta
from unittest.mock import patch

from odoo import registry

from odoo.addons.sales_mis_forecast.models.forecast_run import PROGRESS_TABLE, RUN_LOCK, ForecastRun

from .forecast_common import ForecastCase, month_start


class TestForecastRuns(ForecastCase):

    def setUp(self):
        super(TestForecastRuns, self).setUp()
        self.book_history(self.salesperson_south, 8, [(self.product_a, 2, 100.0), (self.product_b, 5, 10.0)])

    def test_run_now_forecasts_every_series_with_ordered_intervals(self):
        run = self.make_run()
        run.action_run_now()
        self.assertEqual(run.state, 'done', run.error)
        self.assertEqual(run.series_ids.mapped('product_id'), self.product_a | self.product_b)
        self.assertEqual(run.line_count, 6)
        self.assertEqual(sorted(set(run.line_ids.mapped('date'))),
                         [month_start(-k).isoformat() for k in range(3)])
        for line in run.line_ids:
            self.assertTrue(line.lo_95 <= line.lo_80 <= line.mean <= line.hi_80 <= line.hi_95)
            self.assertEqual(line.scope_team_id, self.team_south)
        pump = run.series_ids.filtered(lambda s: s.product_id == self.product_a)
        history = json.loads(pump.history_json)
        self.assertEqual(len(history), 8)
        self.assertEqual(history[-1], [month_start(1).strftime('%Y-%m'), 200.0])
        # a constant history is forecast as such
        self.assertAlmostEqual(pump.line_ids[0].mean, 200.0, places=6)
        self.assertTrue(pump.model)
        self.assertIn('<svg', pump.chart_html)
        self.assertIn('<polygon', pump.chart_html)
        self.assertIn('<polygon', run.chart_html)  # the run shows its largest series, unsanitised
        self.assertEqual(run.progress, 100.0)

    def test_quantities_and_team_level(self):
        run = self.make_run(measure='quantity')
        run.action_run_now()
        valve = run.series_ids.filtered(lambda s: s.product_id == self.product_b)
        self.assertAlmostEqual(valve.line_ids[0].mean, 5.0, places=6)
        team_run = self.make_run(level='team')
        team_run.action_run_now()
        self.assertEqual(team_run.series_ids.team_id, self.team_south)
        self.assertAlmostEqual(team_run.series_ids.line_ids[0].mean, 250.0, places=6)

    def test_queue_then_cron(self):
        run = self.make_run()
        run.action_queue()
        self.assertEqual(run.state, 'queued')
        self.assertEqual(run.progress_message, 'Waiting for the background job.')
        self.env['sales_mis_forecast.run'].with_context(sales_mis_forecast_no_commit=True)._cron_process_queue()
        self.assertEqual(run.state, 'done')
        self.assertTrue(run.date_started and run.date_finished)
        # a run a stopped server left running is failed, not left spinning
        stuck = self.make_run()
        stuck.sudo().write({'state': 'running', 'date_started': '2001-01-01 00:00:00'})
        self.env['sales_mis_forecast.run'].with_context(sales_mis_forecast_no_commit=True)._cron_process_queue()
        self.assertEqual(stuck.state, 'failed')
        self.assertIn('Interrupted', stuck.error)

    def test_cron_fails_only_runs_whose_worker_died(self):
        """A run is "running" while a transaction holds its lock; a server killed mid-run
        (kill -9, worker recycled) leaves it "running" with no lock: the next cron fails it
        at once, so it can be queued again, and its last progress row is not shown
        (tests/faults/ kills real servers)."""
        Run = self.env['sales_mis_forecast.run'].with_context(sales_mis_forecast_no_commit=True)
        alive, dead, starting = self.make_run(), self.make_run(), self.make_run()
        a_minute_ago = (datetime.utcnow() - timedelta(minutes=1)).strftime('%Y-%m-%d %H:%M:%S')
        (alive | dead).sudo().write({'state': 'running', 'date_started': a_minute_ago})
        # committed "running" by the cron a moment ago, lock not taken yet
        starting.sudo().write({'state': 'running', 'date_started': datetime.utcnow().strftime('%Y-%m-%d %H:%M:%S')})
        for run in alive | dead:  # their progress rows, as their workers committed them
            self.env.cr.execute('INSERT INTO %s (run_id, progress, message) VALUES (%%s, 40, %%s)'
                                % PROGRESS_TABLE, (run.id, 'Forecasting series 1-500 of 800...'))
        with registry(self.env.cr.dbname).cursor() as worker:  # another server's worker on `alive`
            worker.execute('SELECT pg_advisory_xact_lock(%s, %s)', (RUN_LOCK, alive.id))
            Run._cron_process_queue()
            self.assertEqual((alive.state, dead.state, starting.state), ('running', 'failed', 'running'))
            self.assertIn('Interrupted', dead.error)
            self.assertTrue(dead.date_finished)
            self.assertEqual((alive.progress, alive.progress_message), (40.0, 'Forecasting series 1-500 of 800...'))
            worker.rollback()  # the worker dies
        alive.invalidate_cache()
        self.assertEqual((alive.state, alive.progress, alive.progress_message), ('running', 0.0, ''))
        Run._cron_process_queue()
        self.assertEqual(alive.state, 'failed')
        alive.action_queue()
        self.assertEqual((alive.progress, alive.progress_message), (0.0, 'Waiting for the background job.'))

    def test_progress_is_visible_to_other_transactions(self):
        run = self.make_run()
        run._set_progress(42.0, 'Forecasting series 1-2 of 2...')
        with registry(self.env.cr.dbname).cursor() as cr:
            cr.execute('SELECT progress, message FROM %s WHERE run_id = %%s' % PROGRESS_TABLE, (run.id,))
            self.assertEqual(cr.fetchone(), (42.0, 'Forecasting series 1-2 of 2...'))
            cr.execute('DELETE FROM %s WHERE run_id = %%s' % PROGRESS_TABLE, (run.id,))

    def test_the_missing_months_rule_of_the_run_reaches_the_engine(self):
        from odoo.addons.sales_mis_forecast.models import forecast_run as module
        real, seen = module.run_forecast, []

        def spy(*args, **kwargs):
            seen.append(kwargs['fill'])
            return real(*args, **kwargs)

        run = self.make_run(fill='interpolate')
        with patch.object(module, 'run_forecast', spy):
            run.action_run_now()
        self.assertEqual(run.state, 'done', run.error)
        self.assertEqual(set(seen), {'interpolate'})
        self.assertEqual(self.make_run().fill, 'zero')  # sales: a month without orders sold nothing

    def test_a_dask_run_uses_the_configured_scheduler_or_fails_clearly(self):
        from odoo.addons.sales_mis_forecast.models import forecast_run as module
        run = self.make_run(backend='dask')
        run.action_run_now()
        self.assertEqual(run.state, 'failed')
        self.assertIn('sales_mis_forecast.dask_scheduler', run.error)
        self.env['ir.config_parameter'].sudo().set_param('sales_mis_forecast.dask_scheduler', 'tcp://10.9.8.7:8786')
        real, seen = module.run_forecast, []

        def spy(*args, **kwargs):  # the cluster itself: tests/test_forecast_dask.py
            seen.append(kwargs['scheduler'])
            return real(*args, **dict(kwargs, scheduler=None))

        with patch.object(module, 'run_forecast', spy):
            run.action_run_now()
        self.assertEqual(run.state, 'done', run.error)
        self.assertEqual(set(seen), {'tcp://10.9.8.7:8786'})

    def test_failure_stores_the_error_and_no_line(self):
        original = ForecastRun._store

        def store_then_fail(run, *args):
            original(run, *args)
            raise RuntimeError('disk full')

        run = self.make_run()
        with patch.object(ForecastRun, '_store', store_then_fail):
            run.action_run_now()
        self.assertEqual(run.state, 'failed')
        self.assertIn('disk full', run.error)
        self.assertFalse(self.env['sales_mis_forecast.line'].search([('run_id', '=', run.id)]))
        self.assertFalse(self.env['sales_mis_forecast.series'].search([('run_id', '=', run.id)]))
        # a team without sales: a clear message, nothing stored
        empty = self.make_run(team_id=self.team_east.id, date_history_start='2001-01-01')
        empty.team_id = self.env['crm.team'].create({'name': 'Empty Team', 'user_id': self.manager.id})
        empty.action_run_now()
        self.assertEqual(empty.state, 'failed')
        self.assertIn('No confirmed sales', empty.error)
        self.assertFalse(empty.line_ids)

    def test_accuracy_compares_past_forecasts_with_what_happened(self):
        run = self.make_run(level='team')
        # as if the run had been made four months ago: its first three months are now over
        with patch.object(ForecastRun, '_history_end', lambda self: month_start(4)):
            run.action_run_now()
        self.assertEqual(run.state, 'done', run.error)
        self.book_order(self.salesperson_south, '%s' % month_start(3).replace(day=15), [(self.product_a, 1, 100.0)])
        rows = self.env['sales_mis_forecast.accuracy'].search([('run_id', '=', run.id)], order='date')
        self.assertEqual(rows.mapped('date'), [month_start(k).isoformat() for k in (4, 3, 2)])
        self.assertEqual(rows.mapped('actual'), [250.0, 350.0, 250.0])
        self.assertAlmostEqual(rows[1].error, 100.0, places=6)
        self.assertAlmostEqual(rows[1].ape, 100.0 * 100.0 / 350.0, places=6)

    def test_only_draft_or_failed_runs_change(self):
        run = self.make_run()
        run.action_run_now()
        from odoo.exceptions import AccessError
        with self.assertRaises(AccessError):  # the workflow mechanism: a done run is frozen
            run.write({'horizon': 6})
