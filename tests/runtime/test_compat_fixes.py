"""Each compatibility fix is needed: its probe passes with the layer and fails
when that one fix is taken out (ODOO_PY311_DISABLE=<fix>)."""
import os
import subprocess
import sys

import pytest

import odoo_py311

PROBES = os.path.join(os.path.dirname(__file__), 'probes.py')

#: fix -> (probe that needs it, text the failure must show without the fix)
NEEDED_BY = {
    'collections_abc_aliases': ('import_odoo', "from 'collections'"),
    'inspect_getargspec': ('import_odoo', 'getargspec'),
    'base64_encodestring': ('base64_menu_icon', 'encodestring'),
    'thread_isalive': ('threaded_server_stop', 'isAlive'),
    'setrlimit_int': ('prefork_workers', 'did not answer'),
    'yaml_default_loader': ('yaml_data', "Loader"),
    'etree_getchildren': ('webclient_qweb', 'getchildren'),
    'pg_extra_float_digits': ('pg_float_digits', '0.30000000000000004'),
    'qweb_posonlyargs': ('qweb_render', 'posonlyargs'),
    'qweb_name_constants': ('qweb_render', "identifier field can't represent"),
    'qweb_line_ranges': ('qweb_render', 'line range'),
    'safe_eval_opcodes': ('safe_eval_domain', 'forbidden opcode'),
    'hide_bridge_addons': ('bridge_addons_hidden', 'sale_timesheet'),
    'no_addon_preload': ('addons_imported_by_registry_only', 'outside the registry'),
}


def run_probe(probe, disabled=''):
    env = dict(os.environ, ODOO_PY311_DISABLE=disabled)
    for variable in ('PGOPTIONS', 'ODOO_PRELOAD_ADDONS'):
        env.pop(variable, None)  # set by this process's own layer; the probe's decides
    result = subprocess.run([sys.executable, PROBES, probe, os.environ['SALES_MIS_TEST_DB']],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=240)
    return result.returncode, result.stdout.decode(errors='replace')


def test_every_fix_has_a_probe():
    assert set(NEEDED_BY) == set(odoo_py311.FIXES)


@pytest.mark.parametrize('probe', sorted({probe for probe, _ in NEEDED_BY.values()}))
def test_probe_passes_with_the_layer(probe):
    code, output = run_probe(probe)
    assert code == 0 and 'PROBE OK' in output, output[-3000:]


@pytest.mark.parametrize('fix', sorted(NEEDED_BY))
def test_probe_fails_without_the_fix(fix):
    probe, symptom = NEEDED_BY[fix]
    code, output = run_probe(probe, disabled=fix)
    assert code != 0, 'probe %s still passes without %s:\n%s' % (probe, fix, output[-2000:])
    assert symptom in output, output[-3000:]
