#!/usr/bin/env python3
"""What our addons add to everyday writes (issue 17, item 2): one process, three databases
without demo data, the same writes as a salesperson, interleaved.

    stock  base + crm + sale_management (the plain Odoo apps of a small sales company)
    deps   the Odoo modules sales_mis depends on (crm, sale_management, sale_stock, sale_margin,
           account_invoicing, purchase): the anchor
    ours   deps + sales_mis + sales_mis_forecast

Each iteration runs, in every database (the order of the databases rotates per iteration so
that load drifts on the shared machine hit all three alike), as the salesperson, each write
committed on its own: a quotation of N lines created, then confirmed; an opportunity created; an
activity created on it; and (ours only) a customer visit with a next step (which schedules an
activity). Printed per operation and database: median and p90 wall ms, median SQL queries,
CPU seconds of this process; then the ratios ours / deps (the goal is <= 1.10). Figures, not
pass/fail.

The databases are made once (`-i ... --without-demo=all`, a minute or two each) and reused
while they hold the right modules; `ours` is updated (`-u`) when the addons' code changed.

    make bench-writes [BENCH_WRITES_ARGS="--orders 30"]
    .venv/bin/python tests/bench/bench_write_overhead.py [--orders 200] [--warmup 5] [--lines 5]
        [--prefix sales_mis_bw] [--blame] [--profile "ours:lead create"]

--blame counts the queries of `ours` by the frame of our addons that issued them; --profile
prints cProfile's top functions of the writes named (BENCH_PROFILE_FILTER=sales_mis narrows it).
"""
import argparse
import cProfile
import importlib.machinery
import importlib.util
import os
import pstats
import statistics
import subprocess
import sys
import time
import traceback
from collections import Counter

from benchlib import ROOT, odoo

DEPS = ['crm', 'sale_management', 'sale_stock', 'sale_margin', 'account_invoicing', 'purchase']
STACKS = [('stock', ['base', 'crm', 'sale_management']),
          ('deps', ['base'] + DEPS),
          ('ours', ['base'] + DEPS + sorted(name for name in os.listdir(os.path.join(ROOT, 'addons'))
                                            if os.path.exists(os.path.join(ROOT, 'addons', name, '__manifest__.py'))))]
OPERATIONS = ['order create', 'order confirm', 'lead create', 'activity create', 'visit create']
LOGIN = 'bench_writer'


def _sales_mis_cli():
    loader = importlib.machinery.SourceFileLoader('sales_mis_cli', os.path.join(ROOT, 'bin', 'sales-mis'))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader('sales_mis_cli', loader))
    loader.exec_module(module)
    return module


def _installed(pg, db):
    import psycopg2
    params = {k: v for k, v in pg.items() if v}
    try:
        with psycopg2.connect(dbname=db, **params) as conn, conn.cursor() as cr:
            cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed'")
            modules = {row[0] for row in cr.fetchall()}
            cr.execute("SELECT value FROM ir_config_parameter WHERE key = 'sales_mis.bench_fingerprint'")
            row = cr.fetchone()
            return modules, row and row[0]
    except psycopg2.Error:
        return None, None


def prepare_databases(prefix):
    """{stack: db}, each made or updated as needed; returns the config path too."""
    cli = _sales_mis_cli()
    pg = cli.find_postgres()
    fingerprint = cli.addons_fingerprint()
    dbs = {}
    conf = None
    for stack, modules in STACKS:
        db = '%s_%s' % (prefix, stack)
        conf = cli.write_config(pg, db, name='%s.conf' % db)
        installed, stamp = _installed(pg, db)
        command = None
        if installed is None or not set(modules) <= installed:
            if installed is not None:
                cli.drop_database(pg, db)
            command = ['-i', ','.join(modules), '--without-demo=all']
        elif stack == 'ours' and stamp != fingerprint:
            command = ['-u', ','.join(cli.OUR_ADDONS)]
        if command:
            print('[bench] %s: %s (a minute or two)' % (db, ' '.join(command[:2])), flush=True)
            subprocess.run(cli.ODOO + ['-c', conf, '-d', db] + command + ['--stop-after-init', '--log-level=warn'],
                           check=True, env=cli.odoo_env())
            if stack == 'ours':
                _stamp(pg, db, fingerprint)
        dbs[stack] = db
    return conf, dbs


def _stamp(pg, db, fingerprint):
    import psycopg2
    params = {k: v for k, v in pg.items() if v}
    with psycopg2.connect(dbname=db, **params) as conn, conn.cursor() as cr:
        cr.execute("DELETE FROM ir_config_parameter WHERE key = 'sales_mis.bench_fingerprint'")
        cr.execute("INSERT INTO ir_config_parameter (key, value) VALUES ('sales_mis.bench_fingerprint', %s)",
                   [fingerprint])


def fixtures(env):
    """The salesperson, a customer and a product (made once, found again later)."""
    Users = env['res.users'].with_context(no_reset_password=True)
    user = Users.search([('login', '=', LOGIN)])
    groups = [env.ref('sales_team.group_sale_salesman').id]
    if 'sales_mis.visit' in env:
        groups.append(env.ref('sales_mis.group_salesperson').id)
    if not user:
        user = Users.create({'name': 'Bench Writer', 'login': LOGIN, 'email': 'bench.writer@example.com',
                             'groups_id': [(6, 0, [env.ref('base.group_user').id] + groups)]})
        team = env.ref('sales_team.team_sales_department')
        team.write({'member_ids': [(4, user.id)]})
        user.write({'sale_team_id': team.id})
    customer = env['res.partner'].search([('name', '=', 'Bench Write Customer')], limit=1) or \
        env['res.partner'].create({'name': 'Bench Write Customer', 'is_company': True, 'customer': True,
                                   'email': 'customer@example.com', 'user_id': user.id})
    product = env['product.product'].search([('default_code', '=', 'BW-1')], limit=1) or \
        env['product.product'].create({'name': 'Bench Write Product', 'default_code': 'BW-1', 'type': 'consu',
                                       'list_price': 10.0, 'standard_price': 6.0})
    env.cr.commit()
    return user.id, customer.id, product.id


class Stack(object):
    """One database: its cursor, the salesperson's environment and the timings."""

    def __init__(self, name, db, lines):
        self.name, self.db, self.lines = name, db, lines
        self.registry = odoo.registry(db)
        self.cr = self.registry.cursor()
        admin = odoo.api.Environment(self.cr, odoo.SUPERUSER_ID, {})
        self.uid, self.partner_id, self.product_id = fixtures(admin)
        self.env = odoo.api.Environment(self.cr, self.uid, {'lang': 'en_US', 'tz': 'Asia/Shanghai'})
        self.wall = {op: [] for op in OPERATIONS}
        self.queries = {op: [] for op in OPERATIONS}
        self.cpu = {op: 0.0 for op in OPERATIONS}
        self.profiler = None
        self.profiled = set()
        self.operation = None  # the write being measured, for watch_queries
        self.blame = None  # Counter of (operation, our frame) -> queries, with --blame

    def watch_queries(self):
        """Count each query against the innermost frame of our addons that issued it."""
        self.blame = Counter()
        stack = self
        original = type(self.cr).execute
        ours = os.path.join(ROOT, 'addons') + os.sep

        def execute(cr, *args, **kwargs):
            if stack.operation:
                frames = [f for f in traceback.extract_stack()[:-1] if f.filename.startswith(ours)]
                where = ('%s:%d %s' % (os.path.relpath(frames[-1].filename, ours), frames[-1].lineno,
                                       frames[-1].name)) if frames else '(Odoo alone)'
                stack.blame[stack.operation, where] += 1
            return original(cr, *args, **kwargs)
        self.cr.execute = execute.__get__(self.cr)

    def run(self, operation, function, record):
        self.env.clear()  # every write is a new request
        queries = self.cr.sql_log_count
        cpu, started = time.process_time(), time.perf_counter()
        self.operation = operation if record else None
        profiling = self.profiler is not None and operation in self.profiled
        if profiling:
            self.profiler.enable()
        result = function()
        self.cr.commit()
        if profiling:
            self.profiler.disable()
        wall = time.perf_counter() - started
        self.operation = None
        if record:
            self.wall[operation].append(wall)
            self.queries[operation].append(self.cr.sql_log_count - queries)
            self.cpu[operation] += time.process_time() - cpu
        return result

    def iteration(self, number, record):
        env = self.env
        lines = [(0, 0, {'product_id': self.product_id, 'product_uom_qty': 1 + (number + i) % 7,
                         'price_unit': 10.0 + i}) for i in range(self.lines)]
        order = self.run('order create', lambda: env['sale.order'].create(
            {'partner_id': self.partner_id, 'order_line': lines}).id, record)
        self.run('order confirm', lambda: env['sale.order'].browse(order).action_confirm(), record)
        lead = self.run('lead create', lambda: env['crm.lead'].create({
            'name': 'Bench opportunity %d' % number, 'type': 'opportunity', 'partner_id': self.partner_id,
            'planned_revenue': 1000.0 + number, 'user_id': self.uid}).id, record)
        self.run('activity create', lambda: env['mail.activity'].create({
            'res_model_id': env['ir.model']._get('crm.lead').id, 'res_id': lead,
            'activity_type_id': env.ref('mail.mail_activity_data_todo').id, 'summary': 'Call back',
            'note': '<p>Call back about the quotation</p>', 'user_id': self.uid,
            'date_deadline': '2030-01-01'}).id, record)
        if 'sales_mis.visit' in env:
            self.run('visit create', lambda: env['sales_mis.visit'].create({
                'name': 'Bench visit %d' % number, 'partner_id': self.partner_id, 'lead_id': lead,
                'purpose': 'Present the new range', 'result': 'Interested', 'next_step': 'Send the offer',
                'next_step_date': '2030-01-01'}).id, record)

    def close(self):
        self.cr.close()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] if ordered else float('nan')


def report(stacks, seconds, load_before):
    print('\n%d iterations per database in %.0f s; load average before %s, after %s; %d CPU cores' % (
        len(stacks[0].wall['order create']), seconds, ' '.join('%.2f' % x for x in load_before),
        ' '.join('%.2f' % x for x in os.getloadavg()), os.cpu_count()))
    print('%-16s %-6s %10s %10s %9s %12s' % ('operation', 'db', 'median ms', 'p90 ms', 'queries', 'cpu s (all)'))
    medians = {}
    for operation in OPERATIONS:
        for stack in stacks:
            wall = stack.wall[operation]
            if not wall:
                continue
            medians[operation, stack.name] = statistics.median(wall) * 1000
            print('%-16s %-6s %10.1f %10.1f %9d %12.2f' % (
                operation, stack.name, medians[operation, stack.name], percentile(wall, 0.9) * 1000,
                statistics.median(stack.queries[operation]), stack.cpu[operation]))
    by_name = {stack.name: stack for stack in stacks}
    ratio = lambda operation, a, b: (by_name[a].cpu[operation] / by_name[b].cpu[operation]
                                     if by_name[b].cpu[operation] else float('nan'))
    queries = lambda operation, name: statistics.median(by_name[name].queries[operation])
    print('\nratios ours / deps (goal <= 1.10), and deps / stock for scale: median wall, this process\'s '
          'CPU, median queries')
    for operation in OPERATIONS[:4]:
        print('  %-16s ours/deps wall %.2f  cpu %.2f  queries %.2f    deps/stock wall %.2f  cpu %.2f' % (
            operation, medians[operation, 'ours'] / medians[operation, 'deps'], ratio(operation, 'ours', 'deps'),
            queries(operation, 'ours') / queries(operation, 'deps'),
            medians[operation, 'deps'] / medians[operation, 'stock'], ratio(operation, 'deps', 'stock')))
    if ('visit create', 'ours') in medians:
        print('  %-16s visit(ours) / lead create(deps) %.2f   / activity create(deps) %.2f' % (
            'visit create', medians['visit create', 'ours'] / medians['lead create', 'deps'],
            medians['visit create', 'ours'] / medians['activity create', 'deps']))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--orders', type=int, default=200, help='measured iterations per database')
    parser.add_argument('--warmup', type=int, default=5, help='iterations run first and not counted')
    parser.add_argument('--lines', type=int, default=5)
    parser.add_argument('--prefix', default='sales_mis_bw', help='database names: PREFIX_stock/_deps/_ours')
    parser.add_argument('--only', choices=[s for s, _m in STACKS], action='append',
                        help='run only these databases (ratios need deps and ours)')
    parser.add_argument('--blame', action='store_true',
                        help='count the queries of `ours` by the frame of our addons that issued them')
    parser.add_argument('--profile', help='STACK:OPERATION[,OPERATION]: cProfile these writes (top 40 cumulative)')
    args = parser.parse_args()

    conf, dbs = prepare_databases(args.prefix)
    odoo.tools.config.parse_config(['-c', conf, '--log-level=warn'])
    with odoo.api.Environment.manage():
        stacks = [Stack(name, dbs[name], args.lines) for name, _m in STACKS if not args.only or name in args.only]
        if args.profile:
            name, operations = args.profile.split(':')
            for stack in stacks:
                if stack.name == name:
                    stack.profiler = cProfile.Profile()
                    stack.profiled = set(operations.split(','))
        if args.blame:
            for stack in stacks:
                if stack.name == 'ours':
                    stack.watch_queries()
        load_before = os.getloadavg()
        started = time.perf_counter()
        try:
            for number in range(args.warmup + args.orders):
                shift = number % len(stacks)
                for stack in stacks[shift:] + stacks[:shift]:
                    stack.iteration(number, record=number >= args.warmup)
            report(stacks, time.perf_counter() - started, load_before) if len(stacks) == 3 else None
            for stack in stacks:
                if len(stacks) != 3:
                    for operation in OPERATIONS:
                        if stack.wall[operation]:
                            print('%s %-16s %8.1f ms %5d queries' % (
                                stack.name, operation, statistics.median(stack.wall[operation]) * 1000,
                                statistics.median(stack.queries[operation])))
                if stack.blame:
                    runs = len(stack.wall['order create'])
                    print('\nqueries of ours per write, by the frame of our addons that issued them:')
                    for (operation, where), count in sorted(stack.blame.items()):
                        if count >= runs:
                            print('  %-16s %6.1f  %s' % (operation, count / float(runs), where))
                if stack.profiler:
                    pstats.Stats(stack.profiler, stream=sys.stdout).sort_stats('cumulative').print_stats(os.environ.get("BENCH_PROFILE_FILTER", ""), 45)
        finally:
            for stack in stacks:
                stack.close()


if __name__ == '__main__':
    main()
