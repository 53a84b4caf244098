"""bin/odoo runs Odoo's own commands under the compatibility layer."""
import os
import subprocess
import sys

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


def test_update_of_the_addons_over_their_demo_data(test_db):
    """What `make run` does after the addons changed: -u must not trip over the demo records
    (an approved plan refuses writes, so demo files are noupdate)."""
    result = run_odoo('-c', os.environ['SALES_MIS_TEST_CONF'], '-d', test_db, '-u', 'sales_mis,sales_mis_forecast',
                      '--stop-after-init', '--log-level=warn')
    output = result.stdout.decode(errors='replace')
    assert result.returncode == 0 and 'Traceback' not in output, output[-3000:]
