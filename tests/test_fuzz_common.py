"""Shared machinery of the fuzz tests over XML-RPC (issue 7, bad input): the inventory of
public methods read from the addons' source, the snapshot of the tables for the
"no partial write" check, and the classification of one call's answer."""
import ast
import datetime
import glob
import os
import time
import uuid
import xmlrpc.client
from xml.parsers.expat import ExpatError

import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: a record id that exists in no table of the test database
MISSING = 987654321
ROLES = ('salesperson', 'manager', 'director')
#: Odoo 11's XML-RPC fault codes of a clear error (UserError/ValidationError/MissingError,
#: AccessDenied, AccessError); 1 is "application error", the traceback
CLEAR_FAULT_CODES = {2, 3, 4}


#: the workflow mechanism (addons/sales_mis/models/workflow_mixin.py)
WORKFLOW_MIXIN = 'sales_mis.workflow.mixin'


def source_inventory():
    """{(model, method)} of every public method defined in the models, wizards and reports
    of every addon of addons/ (create/write/unlink included: they are overridden)."""
    found = set()
    paths = []
    for addon in sorted(name for name in os.listdir(os.path.join(ROOT, 'addons'))
                        if os.path.exists(os.path.join(ROOT, 'addons', name, '__manifest__.py'))):
        for folder in ('models', 'wizard', 'report'):
            paths += glob.glob(os.path.join(ROOT, 'addons', addon, folder, '*.py'))
    for path in sorted(paths):
        tree = ast.parse(open(path, encoding='utf-8').read())
        for cls in (node for node in tree.body if isinstance(node, ast.ClassDef)):
            model, guarded = None, False
            for statement in cls.body:
                if isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name):
                    target, value = statement.targets[0].id, statement.value
                    if target == '_name' and isinstance(value, ast.Constant):
                        model = value.value
                    elif target == '_inherit' and model is None and isinstance(value, ast.Constant):
                        model = value.value
                    if target == '_inherit' and isinstance(value, ast.List):
                        guarded |= any(isinstance(item, ast.Constant) and item.value == WORKFLOW_MIXIN
                                       for item in value.elts)
            for function in cls.body:
                if isinstance(function, ast.FunctionDef) and not function.name.startswith('_') and model:
                    found.add((model, function.name))
            if guarded and model:
                # the workflow mixin's create/write/unlink guard every model that inherits it
                found.update((model, method) for method in ('create', 'write', 'unlink'))
    return found


class Tables:
    """Row counts and last write of every table a Sales MIS method may touch, read with SQL
    on the test database (the server commits each call: a failed call must leave them equal)."""
    PREFIXES = ('sales_mis', 'crm_', 'sale_', 'account_invoice', 'account_move', 'mail_', 'res_partner',
                'res_users', 'ir_attachment', 'product_')
    #: written on purpose outside the request's transaction (progress of running forecasts)
    IGNORED = {'sales_mis_forecast_progress'}

    def __init__(self, dbname):
        self.connection = psycopg2.connect(dbname=dbname)
        self.connection.autocommit = True
        with self.connection.cursor() as cr:
            cr.execute("""
                SELECT t.table_name, bool_or(c.column_name = 'write_date')
                  FROM information_schema.tables t
                  JOIN information_schema.columns c ON c.table_name = t.table_name AND c.table_schema = t.table_schema
                 WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                 GROUP BY t.table_name""")
            self.tables = sorted((name, has_write_date) for name, has_write_date in cr.fetchall()
                                 if name.startswith(self.PREFIXES) and name not in self.IGNORED)
        self.query = ' UNION ALL '.join(
            "SELECT '{0}', count(*), {1} FROM \"{0}\"".format(
                name, 'max(write_date)::text' if has_write_date else 'NULL') for name, has_write_date in self.tables)

    def snapshot(self):
        with self.connection.cursor() as cr:
            cr.execute(self.query)
            return {name: (count, last) for name, count, last in cr.fetchall()}

    @staticmethod
    def diff(before, after):
        return {name: (before.get(name), after.get(name)) for name in set(before) | set(after)
                if before.get(name) != after.get(name)}

    def close(self):
        self.connection.close()


class Outcomes:
    """Calls a method and classifies its answer: ('ok', result) or ('error', message).
    A traceback, an unclear fault or a partial write is recorded in `problems`."""

    def __init__(self, tables):
        self.tables, self.problems, self.counts = tables, [], {'ok': 0, 'error': 0, 'problem': 0}
        self.times = {}
        #: the full fault text of each problem (its traceback tells where it was raised)
        self.fault_texts, self.current_fault = [], ''

    def call(self, rpc, model, name, args=(), kwargs=None):
        kwargs = kwargs or {}
        before = self.tables.snapshot()
        label = '%s.%s%r%s as uid %s' % (model, name, tuple(args), kwargs or '', rpc.uid)
        started = time.time()
        self.current_fault = ''
        try:
            try:
                result = rpc(model, name, *args, **kwargs)
            finally:
                key = '%s.%s' % (model, name)
                self.times[key] = max(self.times.get(key, 0.0), time.time() - started)
        except xmlrpc.client.Fault as fault:
            text = self.current_fault = fault.faultString or ''
            if 'Traceback' in text or fault.faultCode not in CLEAR_FAULT_CODES or not text.strip():
                self.problem('traceback', label, text.strip().splitlines()[-1] if text.strip() else repr(fault))
            written = Tables.diff(before, self.tables.snapshot())
            if written:
                self.problem('partial write', label, written)
            self.counts['error'] += 1
            return 'error', text
        except (xmlrpc.client.ProtocolError, ExpatError) as error:  # no XML-RPC answer at all
            self.problem('no XML-RPC answer', label, repr(error))
            return 'error', repr(error)
        self.counts['ok'] += 1
        return 'ok', result

    def problem(self, kind, label, detail):
        self.counts['problem'] += 1
        self.fault_texts.append(self.current_fault)
        self.problems.append('%s: %s -> %s' % (kind, label[:300], str(detail)[:300]))

    def slowest(self, count=5):
        return sorted(self.times.items(), key=lambda item: -item[1])[:count]

    def check(self, condition, label, detail=''):
        if not condition:
            self.problem('wrong result', label, detail)


def make_context(server, test_db):
    """Clients of each role, the SQL snapshot and records of our own to call methods on
    (the demo records stay untouched: the server commits every call)."""
    RUN = uuid.uuid4().hex[:8]
    admin = server.login('admin', 'admin')
    clients = {role: server.login(role) for role in ROLES}
    ref = lambda xmlid: admin('ir.model.data', 'xmlid_to_res_id', xmlid)  # noqa: E731
    users = {role: clients[role].uid for role in ROLES}
    company = admin('res.users', 'read', [users['director']], ['company_id'])[0]['company_id'][0]
    team = admin('res.users', 'read', [users['salesperson']], ['sale_team_id'])[0]['sale_team_id'][0]
    other_company = admin('res.company', 'search', [('id', '!=', company)], limit=1)
    partner = admin('res.partner', 'create', {'name': 'Fuzz customer %s' % RUN, 'customer': True,
                                              'user_id': users['salesperson']})
    records = {}
    plan = clients['director']('sales_mis.plan', 'create', {
        'name': 'Fuzz plan %s' % RUN, 'year': 2031, 'target_amount': 120000.0})
    records['sales_mis.plan'] = [plan]
    records['sales_mis.plan.line'] = admin('sales_mis.plan.line', 'search', [('plan_id', '=', plan)])
    records['sales_mis.visit'] = [clients['salesperson']('sales_mis.visit', 'create', {
        'name': 'Fuzz visit %s' % RUN, 'partner_id': partner})]
    records['sales_mis.contract'] = [clients['salesperson']('sales_mis.contract', 'create', {
        'title': 'Fuzz contract %s' % RUN, 'partner_id': partner, 'amount': 1000.0})]
    taken = {r['date'] for r in admin('sales_mis.daily.report', 'search_read', [
        ('user_id', '=', users['salesperson']), ('date', '>=', '2031-01-01')], fields=['date'])}
    day = next(d for d in (datetime.date(2031, 1, 1) + datetime.timedelta(days=n) for n in range(10000))
               if str(d) not in taken)
    records['sales_mis.daily.report'] = [clients['salesperson']('sales_mis.daily.report', 'create', {
        'date': str(day)})]
    records['crm.lead'] = [clients['salesperson']('crm.lead', 'create', {
        'name': 'Fuzz opportunity %s' % RUN, 'type': 'opportunity', 'partner_id': partner})]
    records['res.partner'] = [partner]
    records['sales_mis_forecast.run'] = [clients['director']('sales_mis_forecast.run', 'create', {
        'name': 'Fuzz forecast %s' % RUN, 'horizon': 3, 'date_history_start': '2099-01-01'})]
    records['sale.order'] = [clients['salesperson']('sale.order', 'create', {'partner_id': partner})]
    category = admin('sales_mis_service.category', 'search', [], limit=1)
    records['sales_mis_service.request'] = [clients['salesperson']('sales_mis_service.request', 'create', {
        'subject': 'Fuzz request %s' % RUN, 'partner_id': partner, 'category_id': category[0]})] if category else []
    tables = Tables(test_db)
    return {'admin': admin, 'clients': clients, 'users': users, 'company': company, 'team': team,
           'other_company': other_company[0] if other_company else MISSING, 'partner': partner,
           'records': records, 'outcomes': Outcomes(tables), 'ref': ref}
