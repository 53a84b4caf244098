"""The bugs the fuzz tests found (issue 7, bad input), one call each over XML-RPC: each was
a Python traceback (or a wrong answer) for the integrator and is now a result or a message."""
import ast
import base64
import glob
import os
import xmlrpc.client

import pytest

from test_fuzz_common import MISSING, ROOT, make_context


@pytest.fixture(scope='module')
def ctx(server, test_db):
    context = make_context(server, test_db)
    yield context
    context['outcomes'].tables.close()


def clear_fault(call):
    """The message of the warning fault `call` raises; fails on a traceback or a result."""
    with pytest.raises(xmlrpc.client.Fault) as error:
        call()
    fault = error.value
    assert fault.faultCode == 2 and 'Traceback' not in fault.faultString, fault.faultString[-500:]
    return fault.faultString


def test_every_public_method_returns_a_value():
    """XML-RPC cannot send None ("cannot marshal None" traceback after the commit): the
    buttons returned nothing (visit done/cancel, plan submit/approve/reject/lock, statement
    approve/reset, scorecard publish/reset, duplicate ignore...)."""
    silent = []
    paths = [path for folder in ('models', 'wizard', 'report')
             for path in glob.glob(os.path.join(ROOT, 'addons', 'sales_mis*', folder, '*.py'))]
    for path in paths:
        for cls in (n for n in ast.parse(open(path, encoding='utf-8').read()).body if isinstance(n, ast.ClassDef)):
            for function in cls.body:
                if isinstance(function, ast.FunctionDef) and not function.name.startswith('_') \
                        and function.name != 'init':
                    returns = [n for n in ast.walk(function) if isinstance(n, ast.Return)]
                    if not returns or any(r.value is None or (isinstance(r.value, ast.Constant)
                                                              and r.value.value is None) for r in returns):
                        silent.append('%s:%s' % (os.path.relpath(path, ROOT), function.name))
    assert not silent, 'public methods returning None: %s' % silent


def test_buttons_return_true(ctx):
    visit = ctx['records']['sales_mis.visit']
    assert ctx['clients']['salesperson']('sales_mis.visit', 'action_done', visit) is True
    assert ctx['clients']['director']('sales_mis.plan', 'action_reject', []) is True


def test_a_button_on_no_record_is_a_message(ctx):
    message = clear_fault(lambda: ctx['clients']['salesperson']('sales_mis.contract', 'action_view_orders', []))
    assert 'one record at a time' in message


def test_validation_errors_are_messages_not_tracebacks(ctx):
    """Odoo 11 sent every ValidationError (a missing mandatory field, a reference to a
    missing record, our constraints) over XML-RPC as a traceback."""
    rpc = ctx['clients']['director']
    tables = ctx['outcomes'].tables
    before = tables.snapshot()
    clear_fault(lambda: rpc('sales_mis.plan.split', 'create', {'line_id': MISSING, 'dimension': 'team'}))
    clear_fault(lambda: rpc('sales_mis.plan.split', 'create', {'line_id': ctx['records']['sales_mis.plan.line'][0],
                                                               'dimension': 'bogus'}))
    clear_fault(lambda: rpc('sales_mis.daily.report.missing', 'create', {'date_from': 'abc', 'date_to': '2031-01-01'}))
    clear_fault(lambda: rpc('sales_mis.contract', 'create', {'title': 'x', 'partner_id': ctx['partner'],
                                                             'amount': '2000-01-01'}))
    clear_fault(lambda: rpc('sales_mis.plan.completion', 'read_group', [('bogus', '=', 1)], ['target_amount'],
                            ['team_id']))
    assert tables.snapshot() == before


def test_missing_reports_over_centuries_are_refused(ctx):
    """compute_gaps wrote one row per salesperson and working day: 1900-2200 made 2 million."""
    rpc = ctx['clients']['director']
    wizard = rpc('sales_mis.daily.report.missing', 'create', {'date_from': '1900-01-01', 'date_to': '2200-01-01'})
    assert '366' in clear_fault(lambda: rpc('sales_mis.daily.report.missing', 'compute_gaps', [wizard]))
    assert not ctx['admin']('sales_mis.daily.report.gap', 'search_count', [('wizard_id', '=', wizard)])


def test_report_build_over_xmlrpc_sends_base64(ctx):
    """The XLSX bytes reached the client as latin-1 text: not well-formed XML."""
    name, data = ctx['clients']['manager']('sales_mis.report.export', 'build', 'product_daily', '2031-01-05')
    assert name == 'product_daily-2031-01-05.xlsx'
    assert base64.b64decode(data)[:4] == b'PK\x03\x04'


def test_day_arguments_are_checked(ctx):
    rpc = ctx['clients']['manager']
    for method in ('product_daily_rows', 'collection_detail_rows', 'collection_summary_rows'):
        assert 'YYYY-MM-DD' in clear_fault(lambda: rpc('sales_mis.report.export', method, '2031-02-30'))
        clear_fault(lambda: rpc('sales_mis.report.export', method, 0))
    clear_fault(lambda: rpc('sales_mis.dashboard', 'figures', '今天'))
    clear_fault(lambda: rpc('sales_mis.arrears', 'aged_rows', False))


def test_kpi_measure_over_xmlrpc(ctx):
    """Integer dict keys cannot be sent; a company False made a SQL error."""
    rpc, users = ctx['clients']['director'], ctx['users']
    result = rpc('sales_mis.kpi.measure', 'measure', [users['salesperson']], ctx['company'], '2031-01-01', '2031-01-31')
    assert set(result) >= {'visits', 'win_rate'} and all(isinstance(k, str) for v in result.values() for k in v)
    clear_fault(lambda: rpc('sales_mis.kpi.measure', 'measure', [users['salesperson']], False, '2031-01-01', '2031-01-31'))
    clear_fault(lambda: rpc('sales_mis.kpi.measure', 'measure', 'abc', ctx['company'], '2031-01-01', '2031-13-01'))


def test_record_helpers_refuse_ids(ctx):
    """The helpers that take records are private: Odoo refuses them over RPC with a clear fault."""
    rpc = ctx['clients']['director']
    for call in (lambda: rpc('sales_mis.actual', '_history_by', ctx['records']['sales_mis.plan.line'][0], 'team'),
                 lambda: rpc('sales_mis.plan.completion', '_export_rows', ctx['records']['sales_mis.plan'][0]),
                 lambda: rpc('sales_mis.win.model', '_train', 1),
                 lambda: rpc('sales_mis.daily.report', '_activity_schedule_review',
                             ctx['records']['sales_mis.daily.report'], 1, 1)):
        with pytest.raises(xmlrpc.client.Fault) as error:
            call()
        assert error.value.faultCode == 4 and 'cannot be called remotely' in error.value.faultString, \
            error.value.faultString[-500:]
    clear_fault(lambda: rpc('sales_mis.visit.import', 'parse', [], 'date,customer,subject'))


def test_sales_analysis_read_group_without_rows_sends_false(ctx):
    """Sums over no row were None: "cannot marshal None"."""
    groups = ctx['clients']['manager']('sales_mis.sales.analysis', 'read_group', [('id', '=', MISSING)], [], [],
                                       lazy=False)
    assert groups and None not in groups[0].values()
