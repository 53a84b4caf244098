# -*- coding: utf-8 -*-
"""Forecast runs 销售预测 (G1, G2, G5): one statistical forecast of every series of a
level (company, team, product category, product, customer) from the monthly sales
history, with the backtest accuracy of each series and its seasonal naive baseline.

"Run" queues the run; a cron processes queued runs in the background.  Progress
goes to a small side table through a separate, committed cursor, so the UI sees it
while the run's own transaction is still open.  The lines and series are written
at the end in one transaction: a run is either done with all its lines or failed
with none.

The state, dates, error and requester follow the workflow mechanism of sales_mis
(models/workflow_mixin.py): only the buttons and the processing write them, whatever the
caller's context; a queued, running or done run no longer changes (duplicate it)."""
import json
import logging
import time
import traceback
from datetime import date, datetime, timedelta

import pandas as pd
from dateutil.relativedelta import relativedelta
from psycopg2.extras import execute_values

from odoo import _, api, fields, models, registry
from odoo.exceptions import UserError
from odoo.addons.sales_mis.lib.admin_only import admin_only
from odoo.addons.sales_mis.workflow_logic.rules import Transition, WorkflowSpec

from ..forecasting import run_forecast
from ..lib.forecast_history import monthly_sales_sql

_logger = logging.getLogger(__name__)

LEVELS = [('company', 'Company'), ('team', 'Sales Team'), ('category', 'Product Category'),
          ('product', 'Product'), ('customer', 'Customer')]
#: the series key column of each level (None: one series for the whole company)
LEVEL_KEY = {'company': None, 'team': 'team_id', 'category': 'categ_id', 'product': 'product_id',
             'customer': 'partner_id'}
MEASURES = [('amount', 'Untaxed Amount'), ('quantity', 'Quantity')]
STATES = [('draft', 'Draft'), ('queued', 'Queued'), ('running', 'Running'), ('done', 'Done'),
          ('failed', 'Failed')]
PROGRESS_TABLE = 'sales_mis_forecast_progress'
#: series forecast per engine call, so the progress moves on big runs
CHUNK = 500
#: advisory lock (first key; second: the run id) held by the transaction processing a run:
#: a "running" run nobody holds it for lost its worker (server killed, worker recycled)
RUN_LOCK = 736041
#: grace for the instant between the cron committing "running" and taking the lock
STARTING_SECONDS = 10

RUN_WORKFLOW = WorkflowSpec(
    protected={'state', 'user_id', 'date_history_end', 'date_started', 'date_finished', 'duration', 'error'},
    frozen_states=('queued', 'running', 'done'), open_when_frozen=('name',),
    deletable_states=('draft', 'failed', 'done'), transitions=[
        Transition('action_queue', ('draft', 'failed', 'done'), 'queued', 'a sales manager who may write the run'),
        Transition('action_run_now', ('draft', 'failed', 'done'), 'done', 'as action_queue (failed on error)'),
        Transition('_cron_process_queue', ('queued',), 'done', 'the queue\'s cron, as the system'),
        Transition('_cron_process_queue', ('running',), 'failed', 'the cron, for a run whose worker died'),
        Transition('action_reset', ('failed', 'queued'), 'draft', 'whoever may write the run'),
    ])


def _default_history_start(_records=None):
    today = fields.Date.from_string(fields.Date.context_today(_records)) if _records is not None else date.today()
    return fields.Date.to_string(date(today.year - 3, 1, 1))


class ForecastRun(models.Model):
    _name = 'sales_mis_forecast.run'
    _description = 'Forecast Run'
    _inherit = ['sales_mis.workflow.mixin', 'mail.thread']
    _order = 'id desc'
    _workflow = RUN_WORKFLOW

    name = fields.Char(required=True, track_visibility='onchange',
                       default=lambda self: _('Forecast %s') % fields.Date.today())
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', track_visibility='onchange',
                              help='Optional: forecast the sales of this team only. Also decides who '
                                   'sees the run: the team and its manager.')
    user_id = fields.Many2one('res.users', string='Requested by', default=lambda self: self.env.user,
                              readonly=True, copy=False)
    level = fields.Selection(LEVELS, required=True, default='company', track_visibility='onchange',
                             help='One forecast series per company, team, product category, product or '
                                  'customer.')
    measure = fields.Selection(MEASURES, required=True, default='amount',
                               help='Quantity forecasts feed the stock warning (product level).')
    period = fields.Selection([('month', 'Monthly')], required=True, default='month')
    horizon = fields.Integer(required=True, default=12, help='Number of future months to forecast.')
    fill = fields.Selection([('zero', 'Nothing sold'), ('interpolate', 'Interpolated')],
                            string='Missing Months', required=True, default='zero',
                            help='How a month without sales inside a series is read: as nothing sold (right '
                                 'for sales, the default) or as unknown, interpolated between its neighbours.')
    backend = fields.Selection([('local', 'This server'), ('dask', 'Dask cluster')], string='Computed On',
                               required=True, default='local',
                               help='A Dask cluster computes the series on its workers (the address is the '
                                    'system parameter sales_mis_forecast.dask_scheduler); the results are those '
                                    'of this server.')
    date_history_start = fields.Date(string='History From', required=True, default=_default_history_start)
    date_history_end = fields.Date(string='History Until', readonly=True,
                                   help='Last month of history used: the month before the run.')
    state = fields.Selection(STATES, required=True, default='draft', readonly=True, copy=False,
                             track_visibility='onchange')
    progress = fields.Float(compute='_compute_progress', string='Progress (%)')
    progress_message = fields.Char(compute='_compute_progress', string='Progress Message')
    date_started = fields.Datetime(string='Started', readonly=True, copy=False)
    date_finished = fields.Datetime(string='Finished', readonly=True, copy=False)
    duration = fields.Float(string='Duration (s)', readonly=True, copy=False, digits=(16, 1))
    error = fields.Text(readonly=True, copy=False)
    line_ids = fields.One2many('sales_mis_forecast.line', 'run_id', string='Forecast Lines', readonly=True)
    series_ids = fields.One2many('sales_mis_forecast.series', 'run_id', string='Series', readonly=True)
    series_count = fields.Integer(compute='_compute_counts', string='Series')
    line_count = fields.Integer(compute='_compute_counts', string='Lines')
    total_forecast = fields.Monetary(compute='_compute_counts', string='Forecast Total',
                                     currency_field='currency_id')
    chart_series_id = fields.Many2one('sales_mis_forecast.series', compute='_compute_counts',
                                      string='Largest Series')
    chart_html = fields.Html(related='chart_series_id.chart_html', string='Chart', readonly=True, sanitize=False)

    _sql_constraints = [
        ('horizon_range', 'CHECK (horizon BETWEEN 1 AND 36)', 'The horizon must be 1 to 36 months.'),
    ]

    @admin_only
    @api.model_cr
    def init(self):
        # progress of running runs, written by a separate committed cursor (see _set_progress)
        self.env.cr.execute("""
            CREATE TABLE IF NOT EXISTS {} (
                run_id integer PRIMARY KEY, progress double precision, message varchar,
                write_date timestamp DEFAULT (now() at time zone 'UTC'))
        """.format(PROGRESS_TABLE))

    def _compute_progress(self):
        rows = {}
        if self.ids:
            # only the progress of a live worker: a killed one leaves its last row behind
            self.env.cr.execute('SELECT run_id, progress, message FROM {} WHERE run_id = ANY(%s) '
                                'AND run_id = ANY(%s)'.format(PROGRESS_TABLE), (self.ids, self._live_ids()))
            rows = {r[0]: r[1:] for r in self.env.cr.fetchall()}
        for run in self:
            if run.state == 'done':
                run.progress, run.progress_message = 100.0, _('Done: %d series forecast.') % len(run.series_ids)
            elif run.state == 'failed':
                run.progress, run.progress_message = 0.0, _('Failed: see the error.')
            elif run.state == 'queued' and run.id not in rows:
                run.progress, run.progress_message = 0.0, _('Waiting for the background job.')
            else:
                run.progress, run.progress_message = rows.get(run.id, (0.0, ''))

    def _compute_counts(self):
        if not self.ids:
            return
        groups = self.env['sales_mis_forecast.series'].read_group(
            [('run_id', 'in', self.ids)], ['run_id', 'total_forecast'], ['run_id'])
        by_run = {g['run_id'][0]: g for g in groups}
        lines = self.env['sales_mis_forecast.line'].read_group(
            [('run_id', 'in', self.ids)], ['run_id'], ['run_id'])
        lines = {g['run_id'][0]: g['run_id_count'] for g in lines}
        for run in self:
            group = by_run.get(run.id)
            run.series_count = group['run_id_count'] if group else 0
            run.total_forecast = group['total_forecast'] if group else 0.0
            run.line_count = lines.get(run.id, 0)
            run.chart_series_id = self.env['sales_mis_forecast.series'].search(
                [('run_id', '=', run.id)], order='total_forecast desc', limit=1)

    @api.constrains('level', 'measure')
    def _check_measure(self):
        for run in self.sudo():  # the record rules are checked after the constraints
            if run.measure == 'quantity' and run.level != 'product':
                raise UserError(_('Quantities can only be forecast per product.'))

    # what may change in which state, and what may be deleted: RUN_WORKFLOW (sales_mis.workflow.mixin)

    # --- buttons --------------------------------------------------------------------

    def _check_can_run(self):
        if not self.env.user.has_group('sales_mis.group_manager'):
            raise UserError(_('Only sales managers and directors can run forecasts.'))
        if self.filtered(lambda r: r.state not in ('draft', 'failed', 'done')):
            raise UserError(_('This forecast is already queued or running.'))

    @api.multi
    def action_queue(self):
        """Put the runs in the queue of the background job (every minute)."""
        self._check_can_run()
        self._workflow_transition({'state': 'queued', 'error': False})
        return True

    @api.multi
    def action_run_now(self):
        """Run at once, in this request: for small runs."""
        self._check_can_run()
        for run in self:
            run._workflow_transition({'state': 'running', 'date_started': fields.Datetime.now()})
            run._process()
        return True

    @api.multi
    def action_refresh(self):
        return True

    @api.multi
    def action_reset(self):
        self.filtered(lambda r: r.state in ('failed', 'queued'))._workflow_transition({'state': 'draft'})
        return True

    @api.model
    def _cron_process_queue(self, limit=5):
        """Process queued runs (the cron): each in its own committed transaction."""
        # tests run the cron inside their transaction: no commit there
        commit = not self.env.context.get('sales_mis_forecast_no_commit')
        # a run left "running" by a killed server or worker would never finish: its transaction
        # is gone (nothing of it was stored) and so is its lock; fail it, it can be run again
        started = fields.Datetime.to_string(datetime.utcnow() - timedelta(seconds=STARTING_SECONDS))
        running = self.search([('state', '=', 'running'), '|', ('date_started', '=', False),
                               ('date_started', '<', started)])
        live = running._live_ids()
        running.filtered(lambda run: run.id not in live)._workflow_consequence({
            'state': 'failed', 'date_finished': fields.Datetime.now(),
            'error': _('Interrupted: the server stopped while the forecast was running. Run it again.')})
        if commit:
            self.env.cr.commit()
        for run in self.search([('state', '=', 'queued')], order='id', limit=limit):
            run._workflow_consequence({'state': 'running', 'date_started': fields.Datetime.now()})
            if commit:
                self.env.cr.commit()  # the UI sees "running" at once
            run._process()
            if commit:
                self.env.cr.commit()
        return True

    # --- processing -----------------------------------------------------------------

    def _live_ids(self):
        """Ids of the runs of `self` a transaction is processing now (it holds their lock)."""
        if not self.ids:
            return []
        self.env.cr.execute("""
            SELECT objid::integer FROM pg_locks
             WHERE locktype = 'advisory' AND granted AND classid = %s AND objsubid = 2 AND objid = ANY(%s)
               AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """, (RUN_LOCK, self.ids))
        return [run_id for run_id, in self.env.cr.fetchall()]

    def _set_progress(self, progress, message):
        """Record progress in a separate transaction, committed now (visible to the UI)."""
        with registry(self.env.cr.dbname).cursor() as cr:
            cr.execute("""
                INSERT INTO {} (run_id, progress, message) VALUES (%s, %s, %s)
                ON CONFLICT (run_id) DO UPDATE SET progress = EXCLUDED.progress,
                       message = EXCLUDED.message, write_date = now() at time zone 'UTC'
            """.format(PROGRESS_TABLE), (self.id, progress, message))

    def _process(self):
        """Forecast this run; on any error the run is failed and keeps no line."""
        self.ensure_one()
        started = time.time()
        # held until this transaction ends, by commit, rollback or the death of the server
        self.env.cr.execute('SELECT pg_advisory_xact_lock(%s, %s)', (RUN_LOCK, self.id))
        if not self.date_started or self.state != 'running':
            self._workflow_consequence({'state': 'running', 'date_started': fields.Datetime.now()})
        try:
            with self.env.cr.savepoint():
                self._compute_forecast()
                self._workflow_consequence({'state': 'done', 'date_finished': fields.Datetime.now(), 'error': False,
                                            'duration': time.time() - started})
        except Exception as error:
            _logger.warning('Forecast run %s failed', self.id, exc_info=True)
            message = error.name if isinstance(error, UserError) else '%s\n\n%s' % (
                error, traceback.format_exc(limit=5))
            self.invalidate_cache()
            self._workflow_consequence({'state': 'failed', 'error': message, 'date_finished': fields.Datetime.now(),
                                        'duration': time.time() - started})
        self._set_progress(100.0 if self.state == 'done' else 0.0, '')

    def _history_end(self):
        """First day of the current month: history stops before it (the month is not over)."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        return today.replace(day=1)

    def _read_history(self):
        """Long frame unique_id, ds, y of the run's level, one SQL query."""
        key = LEVEL_KEY[self.level]
        key_sql = 'COALESCE(%s, 0)' % key if key else '0'
        measure = 'quantity' if self.measure == 'quantity' else 'amount'
        where_orders = ('s.company_id = %(company)s AND COALESCE(s.confirmation_date, s.date_order) >= %(start)s '
                        'AND COALESCE(s.confirmation_date, s.date_order) < %(end)s')
        where_refunds = 'i.company_id = %(company)s AND i.date_invoice >= %(start)s AND i.date_invoice < %(end)s'
        if self.team_id:
            where_orders += ' AND s.team_id = %(team)s'
            where_refunds += ' AND i.team_id = %(team)s'
        if self.level == 'product':
            key_filter = 'WHERE product_id IS NOT NULL'
        else:
            key_filter = ''
        self.env.cr.execute("""
            SELECT {key} AS unique_id, month AS ds, sum({measure}) AS y
              FROM ({sales}) sales {key_filter}
             GROUP BY 1, 2 ORDER BY 1, 2
        """.format(key=key_sql, measure=measure, key_filter=key_filter,
                   sales=monthly_sales_sql(self.env, where_orders, where_refunds)),
            {'company': self.company_id.id, 'start': self.date_history_start,
             'end': fields.Date.to_string(self._history_end()), 'team': self.team_id.id})
        frame = pd.DataFrame(self.env.cr.fetchall(), columns=['unique_id', 'ds', 'y'])
        frame['ds'] = pd.to_datetime(frame['ds'])
        frame['y'] = frame['y'].astype(float)
        frame['unique_id'] = frame['unique_id'].astype(str)  # '0': no key (whole company, no team...)
        return frame

    def _n_jobs(self):
        value = self.env['ir.config_parameter'].sudo().get_param('sales_mis_forecast.n_jobs', '1')
        return max(1, int(value or 1))

    def _scheduler(self):
        if self.backend != 'dask':
            return None
        address = self.env['ir.config_parameter'].sudo().get_param('sales_mis_forecast.dask_scheduler')
        if not address:
            raise UserError(_('No Dask cluster is set up: an administrator sets its scheduler address (e.g. '
                              'tcp://10.0.0.5:8786) in the system parameter sales_mis_forecast.dask_scheduler.'))
        return address

    def _compute_forecast(self):
        scheduler = self._scheduler()
        self._set_progress(2.0, _('Reading the sales history...'))
        history = self._read_history()
        if history.empty:
            raise UserError(_('No confirmed sales between %s and %s for this forecast: nothing to forecast.')
                            % (self.date_history_start, fields.Date.to_string(self._history_end())))
        end = self._history_end() - relativedelta(months=1)
        uids = sorted(history['unique_id'].unique())
        forecasts, baselines, backtests = [], [], []
        for start in range(0, len(uids), CHUNK):
            chunk = set(uids[start:start + CHUNK])
            self._set_progress(5.0 + 85.0 * start / len(uids),
                               _('Forecasting series %d-%d of %d...') % (start + 1, start + len(chunk), len(uids)))
            result = run_forecast(history[history['unique_id'].isin(chunk)], self.horizon, season_length=12,
                                  levels=(80, 95), end=pd.Timestamp(end), fill=self.fill, n_jobs=self._n_jobs(),
                                  scheduler=scheduler)
            forecasts.append(result.forecast)
            baselines.append(result.baseline)
            backtests.append(result.backtest)
        self._set_progress(92.0, _('Saving %d series...') % len(uids))
        self._store(history, pd.concat(forecasts), pd.concat(baselines), pd.concat(backtests), end)

    def _store(self, history, forecast, baseline, backtest, end):
        """Write series and lines in bulk (the run's transaction; nothing before this)."""
        # a re-run replaces its lines
        self.env.cr.execute('DELETE FROM sales_mis_forecast_line WHERE run_id = %s', (self.id,))
        self.env.cr.execute('DELETE FROM sales_mis_forecast_series WHERE run_id = %s', (self.id,))
        key = LEVEL_KEY[self.level]
        chosen = backtest[backtest['chosen']].set_index('unique_id')
        base_model = baseline.groupby('unique_id')['model'].first()
        base_scores = backtest.merge(base_model.rename('base_model').reset_index(), on='unique_id')
        base_scores = base_scores[base_scores['model'] == base_scores['base_model']].set_index('unique_id')
        totals = forecast.groupby('unique_id')['mean'].sum()
        models_by_uid = forecast.groupby('unique_id')['model'].first()
        history_by_uid = {uid: [[d.strftime('%Y-%m'), float(y)] for d, y in zip(g['ds'], g['y'])]
                          for uid, g in history.groupby('unique_id')}
        names = self._series_names([uid for uid in totals.index if uid != '0'])

        def metric(frame, uid, column):
            value = frame[column].get(uid) if uid in frame.index else None
            return None if value is None or pd.isna(value) else float(value)

        rows = []
        for uid in totals.index:
            rows.append((self.id, self.company_id.id, self.team_id.id or None, str(uid),
                         names.get(uid) or (self.company_id.name if not key else _('(none)')),
                         (int(uid) or None) if key == 'team_id' else None,
                         (int(uid) or None) if key == 'categ_id' else None,
                         (int(uid) or None) if key == 'product_id' else None,
                         (int(uid) or None) if key == 'partner_id' else None,
                         models_by_uid[uid], metric(chosen, uid, 'mape'), metric(chosen, uid, 'smape'),
                         metric(chosen, uid, 'mase'), base_model.get(uid), metric(base_scores, uid, 'mape'),
                         metric(base_scores, uid, 'smape'), metric(base_scores, uid, 'mase'),
                         float(totals[uid]), json.dumps(history_by_uid.get(uid, []))))
        cr = self.env.cr
        series_ids = execute_values(cr, """
            INSERT INTO sales_mis_forecast_series
                (run_id, company_id, scope_team_id, unique_id, name, team_id, categ_id, product_id,
                 partner_id, model, mape, smape, mase, baseline_model, baseline_mape, baseline_smape,
                 baseline_mase, total_forecast, history_json,
                 create_uid, write_uid, create_date, write_date)
            VALUES %s RETURNING id, unique_id""", rows,
            template='(' + ', '.join(['%s'] * 19) + ", {uid}, {uid}, now() at time zone 'UTC', "
                     "now() at time zone 'UTC')".format(uid=int(self.env.uid)), page_size=1000, fetch=True)
        series_of = dict((uid, sid) for sid, uid in series_ids)
        lines = [(self.id, series_of[str(uid)], self.company_id.id, self.team_id.id or None,
                  (int(uid) or None) if key == 'team_id' else None,
                  (int(uid) or None) if key == 'categ_id' else None,
                  (int(uid) or None) if key == 'product_id' else None,
                  (int(uid) or None) if key == 'partner_id' else None,
                  ds.date(), float(mean), float(lo80), float(hi80), float(lo95), float(hi95), model)
                 for uid, ds, mean, lo80, hi80, lo95, hi95, model in forecast[
                     ['unique_id', 'ds', 'mean', 'lo_80', 'hi_80', 'lo_95', 'hi_95', 'model']].itertuples(index=False)]
        execute_values(cr, """
            INSERT INTO sales_mis_forecast_line
                (run_id, series_id, company_id, scope_team_id, team_id, categ_id, product_id, partner_id,
                 date, mean, lo_80, hi_80, lo_95, hi_95, model,
                 create_uid, write_uid, create_date, write_date)
            VALUES %s""", lines,
            template='(' + ', '.join(['%s'] * 15) + ", {uid}, {uid}, now() at time zone 'UTC', "
                     "now() at time zone 'UTC')".format(uid=int(self.env.uid)), page_size=5000)
        self._workflow_consequence({'date_history_end': fields.Date.to_string(end)})
        self.invalidate_cache()

    def _series_names(self, uids):
        """Display names of the series keys, read in one query per level."""
        model = {'team': 'crm.team', 'category': 'product.category', 'product': 'product.product',
                 'customer': 'res.partner'}.get(self.level)
        if not model or not uids:
            return {}
        records = self.env[model].sudo().browse([int(uid) for uid in uids]).exists()
        return {str(record.id): record.display_name for record in records}


class ForecastRunPlan(models.Model):
    """Forecast -> plan (G4): a draft sales plan proposed from a done run."""
    _inherit = 'sales_mis_forecast.run'

    plan_ids = fields.One2many('sales_mis.plan', 'forecast_run_id', string='Plans Proposed', readonly=True)

    def _plan_year(self):
        """(year, forecast total of that year, months covered): the year the run covers most."""
        self.env.cr.execute("""
            SELECT extract(year FROM date)::integer, sum(mean), count(DISTINCT date)
              FROM sales_mis_forecast_line WHERE run_id = %s
             GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT 1""", (self.id,))
        return self.env.cr.fetchone()

    @api.multi
    def action_create_plan(self):
        """A draft year plan: target = the forecast of the year (months the horizon misses get
        the average forecast month), split by month in the forecast's proportions."""
        self.ensure_one()
        if self.state != 'done' or self.measure != 'amount':
            raise UserError(_('A plan can only be proposed from a done forecast of amounts.'))
        row = self._plan_year()
        if not row:
            raise UserError(_('This forecast has no lines.'))
        year, total, months = row
        target = max(0.0, total) * 12.0 / months
        plan = self.env['sales_mis.plan'].create({
            'name': _('Plan %s (from %s)') % (year, self.name), 'year': year, 'period_type': 'year',
            'scope': 'team' if self.team_id else 'company', 'team_id': self.team_id.id,
            'company_id': self.company_id.id, 'forecast_run_id': self.id,
            'target_amount': self.company_id.currency_id.round(target)})
        plan.root_line_id.with_context(sales_mis_forecast_run_id=self.id).split('month', 'forecast')
        note = _('Proposed from forecast "%s": %d forecast months of %s sum to %.2f.') % (
            self.name, months, year, total)
        if months < 12:
            note += ' ' + _('The %d months beyond the horizon get the average forecast month.') % (12 - months)
        plan.message_post(body=note)
        return {'type': 'ir.actions.act_window', 'res_model': 'sales_mis.plan', 'res_id': plan.id,
                'view_mode': 'form', 'target': 'current'}
