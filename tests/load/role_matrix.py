#!/usr/bin/env python3
"""Role x model x operation matrix over XML-RPC (issue 7, L1), against a real server.

    .venv/bin/python tests/load/role_matrix.py        (make matrix: on a fresh demo database)
    tests/test_role_matrix.py                          (the same matrix inside the test command)

For every Sales MIS model, the Odoo models it extends and its report models, the administrator
makes data owned by each of: the run's salesperson (OWN), a teammate (TEAMMATE), a salesperson of
another team (OTHER_TEAM) and of another company (OTHER_COMPANY). The salesperson, the manager
leading their team and the director then read, write, unlink and create; every outcome is
compared with the EXPECTED tables of matrix_models.py / matrix_reports.py. The run prints the
matrix and the count of unexpected outcomes (exit code 1 when there is any).

SALES_MIS_MATRIX_DB / SALES_MIS_MATRIX_TEMPLATE choose the database copy and its template
(default: the load test's sales_mis_load / sales_mis_load_tpl)."""
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, 'tests'))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'load'))

import matrix_core  # noqa: E402
import matrix_fields  # noqa: E402
import matrix_models  # noqa: E402
import matrix_reports  # noqa: E402
import matrix_setup  # noqa: E402


def all_specs(ctx):
    return matrix_models.specs(ctx) + matrix_reports.specs(ctx) + matrix_fields.specs(ctx)


def run(login):
    """The whole matrix; `login(name, password)` makes an execute_kw callable for a user.
    Returns the Matrix (see matrix_core)."""
    started = time.time()
    admin = matrix_core.PerThread(lambda: login('admin', 'admin'))
    ctx = matrix_setup.prepare(admin)
    clients = matrix_setup.clients_for(lambda user, password: matrix_core.PerThread(lambda: login(user, password)), ctx)
    try:
        matrix_reports.prepare_data(ctx)
        matrix = matrix_core.run_matrix(admin, clients, ctx, all_specs(ctx),
                                        workers=int(os.environ.get('SALES_MIS_MATRIX_WORKERS', '4')))
    finally:
        matrix_reports.cleanup(ctx)
        matrix_setup.cleanup(ctx)
    matrix.elapsed = time.time() - started
    return matrix


def main():
    import run_load
    from conftest import load_ctl
    run_load.DB = os.environ.get('SALES_MIS_MATRIX_DB', run_load.DB)
    run_load.TEMPLATE = os.environ.get('SALES_MIS_MATRIX_TEMPLATE', run_load.TEMPLATE)
    sys.path.insert(0, os.path.join(ROOT, 'runtime'))
    ctl = load_ctl()
    pg = ctl.find_postgres()
    conf = run_load.fresh_database(ctl, pg)
    with run_load.serving(ctl, conf, 'matrix-server.log', '--workers=0') as url:
        matrix = run(lambda user, password: run_load.login(url, user, password))
    print('\n' + matrix.report(matrix.elapsed))
    sys.exit(1 if matrix.unexpected else 0)


if __name__ == '__main__':
    main()
