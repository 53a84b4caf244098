"""bin/odoo runs Odoo's own commands under the compatibility layer."""
import os
import subprocess
import sys

import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run_odoo(*args, stdin=''):
    return subprocess.run([sys.executable, os.path.join(ROOT, 'bin', 'odoo')] + list(args), input=stdin.encode(),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=180)


def test_shell_runs_python_against_the_database(test_db):
    result = run_odoo('shell', '-c', os.environ['SALES_MIS_TEST_CONF'], '-d', test_db, '--log-level=warn',
                      stdin="print('users:', env['res.users'].search_count([('login', '=', 'salesperson')]))\n")
    output = result.stdout.decode(errors='replace')
    assert 'users: 1' in output, output[-3000:]


def test_version_and_help():
    assert b'Odoo Server 11.0' in run_odoo('--version').stdout
    assert b'Usage' in run_odoo('--help').stdout


#: a record rule an administrator tunes before the update (security files are noupdate)
TUNED_RULE, TUNED_DOMAIN = 'rule_visit_manager', "[('user_id', '=', user.id)]"


def rule_domain(cr, domain=None):
    if domain is not None:
        cr.execute("UPDATE ir_rule SET domain_force = %s WHERE id = (SELECT res_id FROM ir_model_data "
                   "WHERE module = 'sales_mis' AND name = %s)", (domain, TUNED_RULE))
    cr.execute("SELECT r.domain_force FROM ir_rule r JOIN ir_model_data d ON d.res_id = r.id "
               "AND d.model = 'ir.rule' WHERE d.module = 'sales_mis' AND d.name = %s", (TUNED_RULE,))
    return cr.fetchone()[0]


def test_update_of_the_addons_over_their_demo_data(test_db):
    """What `make run` does after the addons changed: -u must not trip over the demo records
    (an approved plan refuses writes, so demo files are noupdate), and it keeps an
    administrator's change to a record rule (rule files are noupdate)."""
    connection = psycopg2.connect(dbname=test_db)
    connection.autocommit = True
    with connection.cursor() as cr:
        shipped = rule_domain(cr)
    assert shipped != TUNED_DOMAIN
    try:
        with connection.cursor() as cr:
            rule_domain(cr, TUNED_DOMAIN)
        result = run_odoo('-c', os.environ['SALES_MIS_TEST_CONF'], '-d', test_db,
                          '-u', 'sales_mis,sales_mis_forecast', '--stop-after-init', '--log-level=warn')
        output = result.stdout.decode(errors='replace')
        assert result.returncode == 0 and 'Traceback' not in output, output[-3000:]
        with connection.cursor() as cr:
            assert rule_domain(cr) == TUNED_DOMAIN
    finally:
        with connection.cursor() as cr:
            rule_domain(cr, shipped)
        connection.close()
