"""Fault: kill -9 of the server in the middle of forecast runs (G1).

A scratch copy of the test database gets 36 months of sales of 100 extra customers
(bulk SQL), and the director forecasts the customer level (100+ series, horizon 12).

1. A clean run (run now) gives the reference lines.
2. A second run goes through the queue: the cron job (triggered over XML-RPC, as
   "Run manually" does) commits it as "running", forecasts and stores; the server is
   killed once all its series and lines are written but not committed (a row lock we
   hold on the run makes its last UPDATE wait, so the kill lands exactly there).  After a
   restart the run holds no series and no line; the next cron pass sees that no worker
   holds the run's lock and fails it ("Interrupted"), so it can be queued again.
3. A third run is run now (in the request) and killed half a second into the forecasting
   of its series (the committed progress says so).  After a restart: still a draft, no
   series, no line, no stale progress.
4. Both killed runs are run again (queue + cron, run now): their series and lines equal
   the clean run's, value for value."""
import shutil
import tempfile
import threading
import time

import pytest

import faultlib
from faultlib import say

CUSTOMERS = 100
MONTHS = 36
HORIZON = 12
PROGRESS = 'sales_mis_forecast_progress'


def clone_rows(cr, table, overrides, source):
    """INSERT INTO table SELECT every column of the template row `t` (from `source`, a FROM
    clause naming it t), some replaced by SQL expressions; returns the row count."""
    cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s AND column_name <> 'id' "
               "ORDER BY ordinal_position", (table,))
    columns = [name for name, in cr.fetchall()]
    select = ', '.join(overrides.get(c, 't."%s"' % c) for c in columns)
    cr.execute('INSERT INTO "%s" (%s) SELECT %s FROM %s' % (table, ', '.join('"%s"' % c for c in columns),
                                                           select, source))
    return cr.rowcount


def generate_history(pg, db):
    """CUSTOMERS customers with one confirmed order a month for MONTHS months (copies of a
    demo history order and its first line); amounts with level, trend, season and wiggle."""
    conn = faultlib.connect(pg, db)
    conn.autocommit = False
    with conn.cursor() as cr:
        cr.execute("SELECT min(id) FROM sale_order WHERE client_order_ref = 'Forecast demo history' "
                   "AND state = 'sale'")
        order, = cr.fetchone()
        assert order, 'the demo forecast history is missing'
        cr.execute('SELECT partner_id FROM sale_order WHERE id = %s', (order,))
        partner, = cr.fetchone()
        cr.execute('SELECT min(id) FROM sale_order_line WHERE order_id = %s', (order,))
        line, = cr.fetchone()
        name = "'Fault Customer ' || lpad(g::text, 4, '0')"
        clone_rows(cr, 'res_partner', {'name': name, 'display_name': name, 'ref': "'FAULT' || g"},
                   'res_partner t, generate_series(1, %d) g WHERE t.id = %d' % (CUSTOMERS, partner))
        cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE ref LIKE 'FAULT%'")
        stamp = ("date_trunc('month', now() at time zone 'UTC') - interval '1 month' * (%d - m) "
                 "+ interval '10 hours'" % MONTHS)
        clone_rows(cr, 'sale_order', {
            'name': "'FAULTH/' || p.k || '/' || m", 'partner_id': 'p.id', 'partner_invoice_id': 'p.id',
            'partner_shipping_id': 'p.id', 'date_order': stamp, 'confirmation_date': stamp,
            'client_order_ref': "'Faults history'", 'state': "'sale'"},
            "sale_order t, (SELECT id, substr(ref, 6)::int AS k FROM res_partner WHERE ref LIKE 'FAULT%%') p, "
            "generate_series(0, %d) m WHERE t.id = %d" % (MONTHS - 1, order))
        amount = ("round(((1000 + (k % 50) * 40) * (1 + 0.25 * sin(2 * pi() * m / 12 + k % 12)) "
                  "* (1 + 0.01 * m * (k % 5 - 2)) * (1 + 0.05 * sin(7 * m + 3 * k)))::numeric, 2)")
        clone_rows(cr, 'sale_order_line', {
            'order_id': 'o.id', 'product_uom_qty': '1', 'price_unit': amount, 'price_subtotal': amount,
            'price_total': amount, 'price_tax': '0', 'price_reduce': amount},
            "sale_order_line t, (SELECT id, split_part(name, '/', 2)::int AS k, split_part(name, '/', 3)::int AS m "
            "FROM sale_order WHERE name LIKE 'FAULTH/%%') o WHERE t.id = %d" % line)
        cr.execute("SELECT to_char(date_trunc('month', now() at time zone 'UTC') - interval '%d months', "
                   "'YYYY-MM-DD')" % MONTHS)
        first_month, = cr.fetchone()
    conn.commit()
    conn.close()
    return first_month


def stored(pg, db, run_id):
    """(series, lines) of a run, by series key, without ids and timestamps."""
    series = faultlib.query(pg, db, """
        SELECT unique_id, name, model, mape, smape, mase, baseline_model, baseline_mape, baseline_smape,
               baseline_mase, total_forecast, history_json
          FROM sales_mis_forecast_series WHERE run_id = %s ORDER BY unique_id""", (run_id,))
    lines = faultlib.query(pg, db, """
        SELECT s.unique_id, l.date::text, l.mean, l.lo_80, l.hi_80, l.lo_95, l.hi_95, l.model, l.partner_id
          FROM sales_mis_forecast_line l JOIN sales_mis_forecast_series s ON s.id = l.series_id
         WHERE l.run_id = %s ORDER BY s.unique_id, l.date""", (run_id,))
    return series, lines


def committed(pg, db, run_id):
    """What another session sees of a run: state, series count, line count, progress row."""
    return faultlib.query(pg, db, """
        SELECT r.state, (SELECT count(*) FROM sales_mis_forecast_series WHERE run_id = r.id),
               (SELECT count(*) FROM sales_mis_forecast_line WHERE run_id = r.id),
               (SELECT progress FROM {} WHERE run_id = r.id)
          FROM sales_mis_forecast_run r WHERE r.id = %s""".format(PROGRESS), (run_id,))[0]


def in_thread(call, *args):
    outcome = {}

    def target():
        try:
            outcome['result'] = call(*args)
        except Exception as error:  # noqa: BLE001 - the kill breaks the connection
            outcome['error'] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread, outcome


@pytest.fixture
def workspace(test_db):
    pg = faultlib.pg_params(faultlib.test_conf())
    directory = tempfile.mkdtemp(prefix='sales-mis-faults-forecast-')
    db = None
    servers = []
    try:
        started = time.time()
        db = faultlib.scratch_copy(pg, test_db, 'fc')
        copied = time.time()
        first_month = generate_history(pg, db)
        say('forecast: scratch copy of %s in %.1f s, %d customers x %d months of orders added in %.1f s'
            % (test_db, copied - started, CUSTOMERS, MONTHS, time.time() - copied))
        yield pg, directory, db, first_month, servers
    finally:
        for server in servers:
            server.stop()
        if db:
            faultlib.drop_database(pg, db)
        shutil.rmtree(directory, ignore_errors=True)


def test_kill_during_forecast_runs(workspace):
    pg, directory, db, first_month, servers = workspace
    conf = faultlib.write_conf(directory, db)
    values = {'level': 'customer', 'measure': 'amount', 'horizon': HORIZON, 'date_history_start': first_month}

    server = faultlib.OdooProcess(conf, db, directory, 'forecast-1')
    servers.append(server)
    director, admin = server.server().login('director'), server.server().login('admin')
    cron = admin('ir.model.data', 'xmlid_to_res_id', 'sales_mis_forecast.cron_process_forecast_runs')

    # 1. the reference
    clean = director('sales_mis_forecast.run', 'create', dict(values, name='Faults clean run'))
    started = time.time()
    director('sales_mis_forecast.run', 'action_run_now', [clean])
    clean_time = time.time() - started
    reference = stored(pg, db, clean)
    assert committed(pg, db, clean)[0] == 'done'
    n_series, n_lines = len(reference[0]), len(reference[1])
    assert n_series > CUSTOMERS and n_lines == n_series * HORIZON
    say('forecast: clean run: %d series, %d lines in %.1f s' % (n_series, n_lines, clean_time))

    # 2. queued run, killed with all its series and lines written but not committed
    queued = director('sales_mis_forecast.run', 'create', dict(values, name='Faults run killed in the cron'))
    director('sales_mis_forecast.run', 'action_queue', [queued])
    watch = faultlib.connect(pg, db)
    cr = watch.cursor()
    gate = faultlib.connect(pg, db)
    gate.autocommit = False
    first_line = faultlib.sequence_value(cr, 'sales_mis_forecast_line_id_seq')
    started = time.time()
    thread, outcome = in_thread(admin, 'ir.cron', 'method_direct_trigger', [cron])
    held, blocked, written = False, [], 0
    while thread.is_alive() and time.time() - started < 300:
        if not held:
            cr.execute('SELECT 1 FROM %s WHERE run_id = %%s' % PROGRESS, (queued,))
            if cr.fetchone():
                # the cron committed "running" and the worker began: hold the run's row, so its
                # last statement (the UPDATE after the lines) waits; FK checks pass
                gate.cursor().execute('SELECT 1 FROM sales_mis_forecast_run WHERE id = %s FOR NO KEY UPDATE',
                                      (queued,))
                held = True
        else:
            cr.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock' "
                       "AND query LIKE 'UPDATE \"sales_mis_forecast_run\"%%'", (db,))
            blocked = cr.fetchall()
            if blocked:
                written = faultlib.sequence_value(cr, 'sales_mis_forecast_line_id_seq') - first_line
                server.kill9()
                break
        time.sleep(0.01)
    thread.join(30)
    gate.rollback()
    gate.close()
    watch.close()
    assert blocked and 'result' not in outcome, (held, outcome)
    faultlib.wait_no_backends(pg, db)
    state = committed(pg, db, queued)
    say('forecast: queued run killed by SIGKILL %.1f s into the cron job, its %d series and %d lines written '
        'and not committed: state %s, %d series, %d lines committed'
        % (time.time() - started, n_series, written, *state[:3]))
    assert written == n_lines and state[:3] == ('running', 0, 0)

    server = faultlib.OdooProcess(conf, db, directory, 'forecast-2')
    servers.append(server)
    director, admin = server.server().login('director'), server.server().login('admin')
    # the cron leaves a run that started less than 10 s ago alone (STARTING_SECONDS; date_started
    # is in whole seconds)
    faultlib.query(pg, db, "SELECT pg_sleep(greatest(0, 11.5 - extract(epoch FROM now() at time zone 'UTC' "
                           "- date_started))) FROM sales_mis_forecast_run WHERE id = %s", (queued,))
    try:
        director('sales_mis_forecast.run', 'action_queue', [queued])
        requeue = 'accepted'
    except Exception as error:  # noqa: BLE001 - shown in the outcome
        requeue = faultlib.fault_text(error)
    admin('ir.cron', 'method_direct_trigger', [cron])
    run = director('sales_mis_forecast.run', 'read', [queued], ['state', 'error', 'progress_message'])[0]
    say('forecast: after a restart, queueing it again: %s; the next cron pass: state %s (%s)'
        % (requeue, run['state'], (run['error'] or '').splitlines()[0] if run['error'] else '-'))
    assert run['state'] == 'failed' and 'Interrupted' in run['error'], run
    assert committed(pg, db, queued)[1:3] == (0, 0)

    # 3. run now (in the request), killed while forecasting
    direct = director('sales_mis_forecast.run', 'create', dict(values, name='Faults run now killed'))
    watch = faultlib.connect(pg, db)
    cr = watch.cursor()
    started = time.time()
    thread, outcome = in_thread(director, 'sales_mis_forecast.run', 'action_run_now', [direct])
    seen, forecasting_since = None, None
    while thread.is_alive() and time.time() - started < 300:
        cr.execute('SELECT progress, message FROM %s WHERE run_id = %%s' % PROGRESS, (direct,))
        seen = cr.fetchone()
        if seen and seen[1].startswith('Forecasting series'):
            forecasting_since = forecasting_since or time.time()
            if time.time() - forecasting_since >= 0.5:  # inside the engine call
                server.kill9()
                break
        time.sleep(0.01)
    thread.join(30)
    watch.close()
    assert forecasting_since and 'result' not in outcome, (seen, outcome)
    faultlib.wait_no_backends(pg, db)
    state = committed(pg, db, direct)
    say('forecast: run-now run killed by SIGKILL %.1f s in, %.1f s into "%s" (progress %.0f %%): '
        'state %s, %d series, %d lines committed' % (time.time() - started, time.time() - forecasting_since,
                                                     seen[1], seen[0], *state[:3]))
    assert state[:3] == ('draft', 0, 0)

    server = faultlib.OdooProcess(conf, db, directory, 'forecast-3')
    servers.append(server)
    director, admin = server.server().login('director'), server.server().login('admin')
    run = director('sales_mis_forecast.run', 'read', [direct], ['state', 'progress', 'progress_message'])[0]
    say('forecast: after a restart it shows: %s, progress %.0f %% "%s" (its last progress row, %.0f %%, is '
        'not shown: no worker holds the run)' % (run['state'], run['progress'], run['progress_message'], state[3]))
    assert (run['state'], run['progress']) == ('draft', 0.0), run

    # 4. both again
    started = time.time()
    director('sales_mis_forecast.run', 'action_queue', [queued])
    admin('ir.cron', 'method_direct_trigger', [cron])
    director('sales_mis_forecast.run', 'action_run_now', [direct])
    rerun_time = time.time() - started
    for run_id in (queued, direct):
        assert committed(pg, db, run_id)[0] == 'done'
        assert stored(pg, db, run_id) == reference
    say('forecast: both runs again (queue + cron, run now) in %.1f s: each %d series and %d lines, '
        'equal to the clean run value for value' % (rerun_time, n_series, n_lines))
