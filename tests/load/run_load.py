#!/usr/bin/env python3
"""Load test (issue 7): the server in prefork mode, N parallel XML-RPC clients for a
bounded time logging visits, creating and confirming orders and reading the plan
completion; then every acknowledged write is checked in the database (and nothing else).

    .venv/bin/python tests/load/run_load.py [--clients 20] [--seconds 60] [--workers 4]
    (make load)

Works on a fresh copy of a demo database (sales_mis_load, made from the template
sales_mis_load_tpl, which is rebuilt when the addons change). Prints throughput,
latency percentiles per operation, errors by kind and the lost/phantom write counts.
Figures, not pass/fail; the exit code is 1 when a write was lost or invented or an
error other than a serialization conflict happened."""
import argparse
import collections
import contextlib
import os
import random
import statistics
import sys
import threading
import time
import uuid
import xmlrpc.client

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, 'tests'))

from conftest import load_ctl  # noqa: E402 - the same helpers as the tests
from serverlib import OdooServer  # noqa: E402

TEMPLATE, DB = 'sales_mis_load_tpl', 'sales_mis_load'
SERIALIZATION = ('could not serialize access', 'concurrent update')


def fresh_database(ctl, pg):
    """A new copy of the demo template; the template is (re)built when the addons changed."""
    stamp = os.path.join(ctl.RUNTIME, '%s.addons-sha1' % TEMPLATE)
    fingerprint = ctl.addons_fingerprint()
    current = open(stamp).read() if os.path.exists(stamp) else ''
    if ctl.database_state(pg, TEMPLATE) is None or current != fingerprint:
        ctl.drop_database(pg, TEMPLATE)
        ctl.create_database(ctl.write_config(pg, TEMPLATE, name='%s.conf' % TEMPLATE), TEMPLATE)
        with open(stamp, 'w') as handle:
            handle.write(fingerprint)
    ctl.drop_database(pg, DB)
    conn = ctl.pg_connect(pg)
    conn.autocommit = True
    with conn.cursor() as cr:
        cr.execute('CREATE DATABASE "%s" TEMPLATE "%s"' % (DB, TEMPLATE))
    conn.close()
    return ctl.write_config(pg, DB, name='%s.conf' % DB)


@contextlib.contextmanager
def serving(ctl, conf, log_name, *options):
    """An Odoo server on `DB` with `options`, answering /web/login; yields its URL, stops it after."""
    with OdooServer(conf, DB, os.path.join(ctl.RUNTIME, log_name), *options, timeout=180) as server:
        yield server.url


class Rpc:
    def __init__(self, url, uid, password):
        self.uid, self.password = uid, password
        self.proxy = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object', allow_none=True)

    def __call__(self, model, method, *args, **kwargs):
        return self.proxy.execute_kw(DB, self.uid, self.password, model, method, list(args), kwargs)


def login(url, user, password):
    uid = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common').authenticate(DB, user, password, {})
    assert uid, 'cannot log in as %s' % user
    return Rpc(url, uid, password)


def prepare(url, clients):
    """One salesperson and one customer per client, as the administrator."""
    admin = login(url, 'admin', 'admin')
    team = admin('ir.model.data', 'xmlid_to_res_id', 'sales_mis.team_east_china')
    group = admin('ir.model.data', 'xmlid_to_res_id', 'sales_mis.group_salesperson')
    base = admin('ir.model.data', 'xmlid_to_res_id', 'base.group_user')
    product = admin('product.product', 'search', [('sale_ok', '=', True), ('type', '=', 'consu')], limit=1)
    product = product or admin('product.product', 'search', [('sale_ok', '=', True)], limit=1)
    people = []
    for n in range(clients):
        login_name = 'load_sp_%02d' % n
        existing = admin('res.users', 'search', [('login', '=', login_name)])
        uid = existing[0] if existing else admin('res.users', 'create', {
            'name': 'Load Seller %02d' % n, 'login': login_name, 'password': login_name,
            'email': '%s@example.com' % login_name, 'sale_team_id': team,
            'groups_id': [(6, 0, [base, group])]}, context={'no_reset_password': True})
        partner = admin('res.partner', 'create', {'name': 'Load Customer %02d' % n, 'customer': True,
                                                  'user_id': uid})
        people.append((login_name, uid, partner))
    return people, product[0]


class Client(threading.Thread):
    def __init__(self, url, person, product, tag, deadline, seed):
        super(Client, self).__init__(daemon=True)
        self.url, self.person, self.product, self.tag, self.deadline = url, person, product, tag, deadline
        self.random = random.Random(seed)
        self.latencies = collections.defaultdict(list)
        self.errors = collections.Counter()
        self.acked = {'visit': set(), 'order': set()}
        self.error_samples = []

    def run(self):
        login_name, uid, partner = self.person
        rpc = login(self.url, login_name, login_name)
        n = 0
        while time.time() < self.deadline:
            n += 1
            kind = self.random.choices(['visit', 'order', 'completion'], [5, 3, 2])[0]
            marker = '%s-%s-%d' % (self.tag, login_name, n)
            started = time.perf_counter()
            try:
                if kind == 'visit':
                    rpc('sales_mis.visit', 'create', {
                        'name': marker, 'partner_id': partner, 'user_id': uid, 'visit_type': 'visit',
                        'purpose': 'load test'})
                    self.acked['visit'].add(marker)
                elif kind == 'order':
                    order = rpc('sale.order', 'create', {
                        'partner_id': partner, 'user_id': uid, 'client_order_ref': marker,
                        'order_line': [(0, 0, {'product_id': self.product, 'product_uom_qty': 1,
                                               'price_unit': 10.0})]})
                    rpc('sale.order', 'action_confirm', [order])
                    self.acked['order'].add(marker)
                else:
                    rpc('sales_mis.plan.completion', 'read_group', [],
                        ['target_amount', 'actual_amount', 'user_id', 'date_from'], ['user_id', 'date_from:month'],
                        lazy=False)
                self.latencies[kind].append(time.perf_counter() - started)
            except Exception as error:  # noqa: BLE001 - every failure is counted and classified
                text = str(error)
                key = 'serialization' if any(s in text for s in SERIALIZATION) else type(error).__name__
                self.errors[(kind, key)] += 1
                if len(self.error_samples) < 3:
                    self.error_samples.append(text[-300:])


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100.0 * (len(values) - 1))))] if values else float('nan')


def check_writes(ctl, pg, tag, clients):
    """Acknowledged writes vs what the database holds for this run's tag."""
    acked_visits = set().union(*(c.acked['visit'] for c in clients))
    acked_orders = set().union(*(c.acked['order'] for c in clients))
    conn = ctl.pg_connect(pg, DB)
    with conn.cursor() as cr:
        cr.execute("SELECT name FROM sales_mis_visit WHERE name LIKE %s", (tag + '-%',))
        visits = {row[0] for row in cr.fetchall()}
        cr.execute("SELECT client_order_ref, state FROM sale_order WHERE client_order_ref LIKE %s", (tag + '-%',))
        orders = dict(cr.fetchall())
    conn.close()
    confirmed = {ref for ref, state in orders.items() if state == 'sale'}
    return {
        'visits acknowledged': len(acked_visits), 'visits in database': len(visits),
        'visits lost': len(acked_visits - visits), 'visits not acknowledged': len(visits - acked_visits),
        'orders confirmed+acknowledged': len(acked_orders), 'orders confirmed in database': len(confirmed),
        'orders lost': len(acked_orders - confirmed),
        # an order whose confirm call failed stays a quotation: allowed, it was not acknowledged
        'orders confirmed but not acknowledged': len(confirmed - acked_orders),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--clients', type=int, default=20)
    parser.add_argument('--seconds', type=int, default=60)
    parser.add_argument('--workers', type=int, default=4)
    options = parser.parse_args()
    sys.path.insert(0, os.path.join(ROOT, 'runtime'))
    ctl = load_ctl()
    pg = ctl.find_postgres()
    conf = fresh_database(ctl, pg)
    server_options = ['--workers=%d' % options.workers, '--limit-time-real=300']
    with serving(ctl, conf, 'load-server.log', *server_options) as url:
        people, product = prepare(url, options.clients)
        tag = 'load-%s' % uuid.uuid4().hex[:8]
        deadline = time.time() + options.seconds
        clients = [Client(url, people[i], product, tag, deadline, i) for i in range(options.clients)]
        started = time.time()
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        elapsed = time.time() - started
    latencies = collections.defaultdict(list)
    errors = collections.Counter()
    for client in clients:
        for kind, values in client.latencies.items():
            latencies[kind].extend(values)
        errors.update(client.errors)
    total = sum(len(v) for v in latencies.values())
    print('\nLoad: %d clients, %d workers, %.0f s, %d successful calls, %.1f operations/s' % (
        options.clients, options.workers, elapsed, total, total / elapsed))
    print('  %-12s %7s %8s %8s %8s %8s' % ('operation', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'))
    for kind in sorted(latencies):
        values = latencies[kind]
        print('  %-12s %7d %8.0f %8.0f %8.0f %8.0f' % (
            kind, len(values), 1000 * statistics.median(values), 1000 * percentile(values, 95),
            1000 * percentile(values, 99), 1000 * max(values)))
    print('  errors: %s' % (dict(errors) or 'none'))
    for sample in sum((c.error_samples for c in clients), [])[:3]:
        print('    e.g. %s' % sample.replace('\n', ' ')[-200:])
    result = check_writes(ctl, pg, tag, clients)
    for key, value in result.items():
        print('  %-40s %d' % (key, value))
    unexpected = sum(n for (kind, key), n in errors.items() if key != 'serialization')
    lost = result['visits lost'] + result['visits not acknowledged'] + result['orders lost']
    print('  unexpected errors: %d, lost or phantom writes: %d' % (unexpected, lost))
    sys.exit(1 if unexpected or lost else 0)


if __name__ == '__main__':
    main()
