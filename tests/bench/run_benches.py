"""Fills a bench database and runs the bench scripts on it: what `make bench` does after
installing the addons, and what `make test` does once at a tiny scale (`quick`) so the
scripts cannot rot.  No Odoo import here: every script runs in its own process, as a
user would run it."""
import os
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))

#: bench scripts with their own make target and databases, not run on the bench database
SEPARATE = {'bench_write_overhead.py': 'make bench-writes (three databases of its own)'}


def _generator_args(name, scale):
    if name == 'generate_leads.py' and scale < 1:  # 50,000 closed and 5,000 open at scale 1
        return ['--closed', str(max(400, int(50000 * scale))), '--open', str(max(50, int(5000 * scale)))]
    return []


def _generated(db, env):
    import psycopg2
    # PGHOST/PGPORT/... of the cluster bin/sales-mis found
    conn = psycopg2.connect(dbname=db, **{key: env['PG' + key.upper()] for key in ('host', 'port', 'user', 'password')
                                          if env.get('PG' + key.upper())})
    try:
        with conn.cursor() as cr:
            # generate.py's salespeople (it refuses to run twice; demo orders do not count)
            cr.execute("SELECT count(*) FROM res_users WHERE left(login, 9) = 'bench_sp_'")
            return cr.fetchone()[0] > 0
    finally:
        conn.close()


def run(conf, db, names=(), scale=1.0, quick=False, env=None, log=print):
    """Generate the history if generate.py has not filled the database yet, run every generate_*.py
    (each skips what it already made), then every bench_*.py (or those whose name contains
    one of `names`) as `script CONF DB [--quick]`.  Returns [(script, seconds, exit code)]."""
    env = dict(os.environ if env is None else env)
    python = sys.executable
    results = []

    def script(name, *args):
        log('running %s %s' % (name, ' '.join(args)))
        started = time.perf_counter()
        code = subprocess.run([python, os.path.join(BENCH_DIR, name)] + list(args), env=env).returncode
        results.append((name, time.perf_counter() - started, code))
        return code

    if not _generated(db, env):
        log('generating bench history at scale %s' % scale)
        if script('generate.py', '--db', db, '--scale', str(scale)) != 0:
            return results
    for name in sorted(os.listdir(BENCH_DIR)):
        if name.startswith('generate_') and name.endswith('.py'):
            if script(name, '--db', db, *_generator_args(name, scale)) != 0:
                return results
    for name in sorted(os.listdir(BENCH_DIR)):
        wanted = not names or any(n in name for n in names)
        if name.startswith('bench_') and name.endswith('.py') and wanted:
            if name in SEPARATE:
                log('skipping %s: run it with %s' % (name, SEPARATE[name]))
                continue
            script(name, conf, db, *(['--quick'] if quick else []))
    return results
