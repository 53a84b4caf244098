"""What every Odoo benchmark script here needs: Odoo loaded through our Python 3.11
compatibility layer, a superuser environment on the bench database, cold and warm timings.

`--quick` anywhere on a bench script's command line (taken out of sys.argv here) makes it run
once at a tiny size: `make test` does that on a 0.01-scale database so the scripts cannot rot."""
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

QUICK = '--quick' in sys.argv
if QUICK:
    sys.argv.remove('--quick')

RUNS = 1 if QUICK else 5


def timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def warm_median(function):
    function()  # first run fills PostgreSQL's and Odoo's caches
    return statistics.median(timed(function)[0] for _ in range(RUNS))


def cold_warm(*functions):
    """[(cold, warm median), ...] of each function: the cold figure is its first call in this
    process (Odoo's caches empty, as after a server start; PostgreSQL's buffers are as earlier
    runs left them), the warm one the median of RUNS more calls, the functions interleaved
    (a, b, a, b, ...) so that load drifts on the shared machine hit them alike."""
    cold = [timed(function)[0] for function in functions]
    warm = [[] for _ in functions]
    for _ in range(RUNS):
        for times, function in zip(warm, functions):
            times.append(timed(function)[0])
    return [(c, statistics.median(w)) for c, w in zip(cold, warm)]


def anchor():
    """A fixed pure-Python workload (sort 1M seeded floats): its time says how fast this machine
    is right now, so figures of busy and quiet runs can be compared."""
    import random
    rng = random.Random(1)
    started = time.perf_counter()
    sorted(rng.random() for _ in range(200000 if QUICK else 1000000))
    return time.perf_counter() - started


@contextlib.contextmanager
def bench_env(conf, db, context=None):
    """Superuser environment on `db`; nothing is committed unless the caller commits."""
    odoo.tools.config.parse_config(['-c', conf, '-d', db, '--log-level=warn'])
    with odoo.api.Environment.manage(), odoo.registry(db).cursor() as cr:
        yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, dict(context or {}))


def leader(env):
    """The leader of the first bench team, with the Sales MIS manager role (sees the team's
    figures) and Odoo's "all documents" salesman role (so that sale.report, filtered to the
    team, shows the same rows: with "own documents only" it shows the leader's own orders)."""
    team = env['crm.team'].search([('name', 'like', 'Bench Team')], order='id', limit=1)
    user = team.user_id
    groups = env.ref('sales_mis.group_manager') | env.ref('sales_team.group_sale_salesman_all_leads')
    missing = groups - user.groups_id
    if missing:
        user.write({'groups_id': [(4, group.id) for group in missing]})
    return user
