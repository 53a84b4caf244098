# -*- coding: utf-8 -*-
"""The addon's one server-wide change (issue 12): XML-RPC faults for bad input, installed
by the post_load hook, with an off switch that leaves Odoo's own handlers; no model method
is patched.  The faults themselves are proven over XML-RPC by tests/test_fuzz_rpc.py."""
import ast
import os
import subprocess
import sys
import xmlrpc.client

import psycopg2

from odoo.exceptions import UserError, ValidationError
from odoo.models import BaseModel
from odoo.service import wsgi_server
from odoo.tools import config

from odoo.addons.sales_mis import rpc_faults

ADDON = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(os.path.dirname(ADDON))


def test_the_manifest_names_the_hook_and_the_hook_installs_the_faults():
    with open(os.path.join(ADDON, '__manifest__.py'), encoding='utf-8') as manifest:
        hook = ast.literal_eval(manifest.read())['post_load']
    from odoo.addons import sales_mis
    assert callable(getattr(sales_mis, hook))
    # this process loaded the addon through Odoo (the test registry): the hook has run
    assert rpc_faults.installed()


def test_input_errors_become_warnings_and_other_errors_stay_tracebacks():
    message = rpc_faults.input_error_message
    assert message(ValidationError('A visit lasts 0-24 hours.')) == 'A visit lasts 0-24 hours.'
    assert message(ValueError('Expected singleton: sale.order(7, 8)')) == \
        'Expected one record of sale.order, got 2: this action works on one record at a time.'
    assert message(ValueError('Expected singleton: sales_mis.plan()')).startswith(
        'Expected one record of sales_mis.plan, got 0')
    assert message(ValueError("Wrong value for sales_mis.visit.visit_type: 'x'")).startswith('Wrong value')
    assert message(psycopg2.DataError('ERROR:  date/time field value out of range\nLINE 1')) == \
        'date/time field value out of range'
    # not input errors: Odoo's own handling (UserError is a warning already; bugs stay tracebacks)
    for error in (UserError('x'), ValueError('something else'), KeyError('x'), ZeroDivisionError()):
        assert message(error) is None


def fault_of(handler, error):
    try:
        xmlrpc.client.loads(handler(error))
    except xmlrpc.client.Fault as fault:
        return fault.faultCode, fault.faultString
    raise AssertionError('no fault')


def test_the_installed_handlers_answer_warnings():
    code, text = fault_of(wsgi_server.xmlrpc_handle_exception_int, ValidationError('Too long.'))
    assert (code, text) == (wsgi_server.RPC_FAULT_CODE_WARNING, 'Too long.')
    code, text = fault_of(wsgi_server.xmlrpc_handle_exception_int, ValueError('Expected singleton: x.y()'))
    assert code == wsgi_server.RPC_FAULT_CODE_WARNING and 'Expected one record of x.y, got 0' in text
    code, text = fault_of(wsgi_server.xmlrpc_handle_exception_string, ValidationError('Too long.'))
    assert code.startswith('warning -- ') and code.endswith('Too long.')
    code, text = fault_of(wsgi_server.xmlrpc_handle_exception_int, ZeroDivisionError('bug'))
    assert code == wsgi_server.RPC_FAULT_CODE_APPLICATION_ERROR, 'a bug stays a traceback'


def test_the_off_switch_leaves_odoos_handlers(monkeypatch):
    patched = (wsgi_server.xmlrpc_handle_exception_int, wsgi_server.xmlrpc_handle_exception_string)
    try:
        rpc_faults.uninstall()
        originals = (wsgi_server.xmlrpc_handle_exception_int, wsgi_server.xmlrpc_handle_exception_string)
        assert all(handler.__module__ == 'odoo.service.wsgi_server' for handler in originals)
        for value in ('0', 'false', 'OFF'):
            monkeypatch.setenv('SALES_MIS_RPC_PATCHES', value)
            assert rpc_faults.install() is False
            assert (wsgi_server.xmlrpc_handle_exception_int, wsgi_server.xmlrpc_handle_exception_string) == originals
        code, _text = fault_of(wsgi_server.xmlrpc_handle_exception_int, ValidationError('Too long.'))
        assert code == wsgi_server.RPC_FAULT_CODE_APPLICATION_ERROR, "Odoo 11's own answer: a traceback"
        monkeypatch.delenv('SALES_MIS_RPC_PATCHES')
        monkeypatch.setitem(config.options, 'sales_mis_rpc_patches', 'False')
        assert rpc_faults.install() is False
        monkeypatch.setitem(config.options, 'sales_mis_rpc_patches', 'True')
        assert rpc_faults.install() is True and rpc_faults.install() is True
        assert wsgi_server.xmlrpc_handle_exception_int.sales_mis_original is originals[0], 'wrapped once'
    finally:
        wsgi_server.xmlrpc_handle_exception_int, wsgi_server.xmlrpc_handle_exception_string = patched


def test_no_model_method_is_patched():
    assert BaseModel.ensure_one.__module__ == 'odoo.models'


def test_switched_off_in_a_fresh_server_process():
    """Through Odoo's own module loading (load_openerp_module calls the post_load hook):
    switched off, Odoo's handlers stay; switched on, ours wrap them."""
    script = (
        "import sys; sys.path.insert(0, %r)\n"
        "import odoo_py311; odoo_py311.apply()\n"
        "import odoo\n"
        "odoo.tools.config.parse_config(['-c', %r])\n"
        "from odoo.modules.module import load_openerp_module\n"
        "load_openerp_module('sales_mis')\n"
        "from odoo.service import wsgi_server\n"
        "print(hasattr(wsgi_server.xmlrpc_handle_exception_int, 'sales_mis_original'),"
        " wsgi_server.xmlrpc_handle_exception_int.__module__)\n"
    ) % (os.path.join(ROOT, 'runtime'), config.rcfile)
    answers = {}
    for value in ('0', '1'):
        env = dict(os.environ, SALES_MIS_RPC_PATCHES=value)
        done = subprocess.run([sys.executable, '-c', script], env=env, cwd=ROOT, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        answers[value] = done.stdout.strip().splitlines()[-1]
    assert answers == {'0': 'False odoo.service.wsgi_server', '1': 'True odoo.addons.sales_mis.rpc_faults'}
