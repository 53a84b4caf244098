"""Every bench script runs once at a tiny scale, so `make bench` cannot rot unseen.

On a scratch database (a copy of the test database that `bin/sales-mis test` makes before
any test connects; a targeted run copies it here) the generators fill 0.01 of the bench
history (10,000 order lines) and each tests/bench/bench_*.py runs with `--quick` (one timed
run, tiny inputs), the way `make bench` runs them (tests/bench/run_benches.py). Each must
exit 0; the completion bench also exits 1 when its two sides report different sales."""
import configparser
import os
import sys
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'bench'))

import run_benches  # noqa: E402


def _pg_env(conf):
    parser = configparser.ConfigParser()
    parser.read(conf)
    options = parser['options']
    env = dict(os.environ)
    for key in ('host', 'port', 'user', 'password'):
        value = options.get('db_' + key, 'False')
        if value and value != 'False':
            env['PG' + key.upper()] = value
    return env


def _connect(env, db='postgres'):
    import psycopg2
    conn = psycopg2.connect(dbname=db, **{key: env['PG' + key.upper()] for key in ('host', 'port', 'user', 'password')
                                          if env.get('PG' + key.upper())})
    conn.autocommit = True
    return conn


@pytest.fixture(scope='module')
def scratch():
    conf, test_db = os.environ['SALES_MIS_TEST_CONF'], os.environ['SALES_MIS_TEST_DB']
    env = _pg_env(conf)
    db = os.environ.get('SALES_MIS_BENCH_SMOKE_DB')
    if not db:  # a targeted run: copy the test database after closing this process's sessions on it
        import odoo
        odoo.sql_db.close_db(test_db)
        db = 'sales_mis_bench_smoke_%d' % os.getpid()
        conn = _connect(env)
        with conn.cursor() as cr:
            cr.execute('CREATE DATABASE "%s" TEMPLATE "%s"' % (db, test_db))
        conn.close()
    # Bench data has a single currency (tests/bench/README.md); the demo data's rates would make
    # sale.report (which converts to the base currency) and the actuals (company currency) differ
    conn = _connect(env, db)
    with conn.cursor() as cr:
        cr.execute('DELETE FROM res_currency_rate')
    conn.close()
    try:
        yield conf, db, env
    finally:
        conn = _connect(env)
        with conn.cursor() as cr:
            cr.execute('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s', (db,))
            cr.execute('DROP DATABASE IF EXISTS "%s"' % db)
        conn.close()


def test_every_bench_script_runs_at_tiny_scale(scratch):
    conf, db, env = scratch
    started = time.perf_counter()
    lines = []
    results = run_benches.run(conf, db, scale=0.01, quick=True, env=env, log=lines.append)
    ran = {name for name, _seconds, _code in results}
    expected = {name for name in os.listdir(os.path.join(HERE, 'bench'))
                if name.endswith('.py') and (name.startswith('bench_') or name.startswith('generate'))
                and name not in run_benches.SEPARATE}
    assert ran == expected, 'not run: %s' % sorted(expected - ran)
    failed = [(name, code) for name, _seconds, code in results if code != 0]
    assert not failed, failed
    print('bench scripts at scale 0.01 in %.1f s: %s' % (time.perf_counter() - started, ', '.join(
        '%s %.1f s' % (name, seconds) for name, seconds, _code in results)))
