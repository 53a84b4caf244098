"""What every Odoo benchmark script here needs: Odoo loaded through our Python 3.11
compatibility layer, a superuser environment on the bench database, warm timings."""
import contextlib
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, 'runtime'))

import odoo_py311  # noqa: E402

odoo_py311.apply()

import odoo  # noqa: E402,F401 - the scripts take odoo from here

RUNS = 5


def timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def warm_median(function):
    function()  # first run fills PostgreSQL's and Odoo's caches
    return statistics.median(timed(function)[0] for _ in range(RUNS))


@contextlib.contextmanager
def bench_env(conf, db, context=None):
    """Superuser environment on `db`; nothing is committed unless the caller commits."""
    odoo.tools.config.parse_config(['-c', conf, '-d', db, '--log-level=warn'])
    with odoo.api.Environment.manage(), odoo.registry(db).cursor() as cr:
        yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, dict(context or {}))
