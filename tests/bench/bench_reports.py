#!/usr/bin/env python3
"""Benchmark of the standard reports (F1, F2, F3/F4, F5) at a million order lines.

    .venv/bin/python tests/bench/bench_reports.py CONF DB

On a database filled by tests/bench/generate.py and tests/bench/generate_payments.py it
rebuilds the sales analysis, then times each report's XLSX build and its pivot read_group,
cold (first call in this process, as after a server start) and warm (median of 5), as the
superuser (no record rules) and as a team leader with the Sales MIS manager role (rules
applied), the two interleaved.  Goals: XLSX <= 5 s, read_group
<= 1 s.  Figures, not pass/fail."""
import sys

from benchlib import anchor, bench_env, cold_warm, leader, RUNS, timed  # noqa: E402 - sets up Odoo first


def cases(env, day):
    month = day[:8] + '01'
    Export = env['sales_mis.report.export']
    Line, Analysis = env['sales_mis.sales.line'], env['sales_mis.sales.analysis']
    Collection, Arrears = env['sales_mis.collection'], env['sales_mis.arrears']
    return [
        ('F2 product daily, XLSX (day+MTD+YTD)', 'xlsx', lambda: Export.build('product_daily', day)),
        ('F2 by product, one day', 'read_group',
         lambda: Line.read_group([('date', '=', day)], ['product_id', 'quantity', 'amount'], ['product_id'],
                                 lazy=False)),
        ('F2 by product, the month', 'read_group',
         lambda: Line.read_group([('date', '>=', month), ('date', '<=', day)], ['product_id', 'quantity', 'amount'],
                                 ['product_id'], lazy=False)),
        ('F5 arrears, XLSX (all open)', 'xlsx', lambda: Export.build('arrears', day)),
        ('F5 arrears by customer', 'read_group',
         lambda: Arrears.read_group([], ['partner_id', 'residual', 'not_due', 'days_1_30', 'days_31_60',
                                         'days_61_90', 'days_over_90'], ['partner_id'], lazy=False)),
        ('F5 arrears by team x aging', 'read_group',
         lambda: Arrears.read_group([], ['team_id', 'aging', 'residual'], ['team_id', 'aging'], lazy=False)),
        ('F1 sales analysis, XLSX (12 months)', 'xlsx', lambda: Export.build('sales_analysis', day)),
        ('F1 month x team, all history', 'read_group',
         lambda: Analysis.read_group([], ['month', 'team_id', 'amount', 'amount_prev_month', 'amount_prev_year',
                                          'mom', 'yoy'], ['month:month', 'team_id'], lazy=False)),
        ('F3 collection detail, XLSX', 'xlsx', lambda: Export.build('collection_detail', day)),
        ('F4 collection summary, XLSX', 'xlsx', lambda: Export.build('collection_summary', day)),
        ('Collections month x team', 'read_group',
         lambda: Collection.read_group([], ['date', 'team_id', 'amount'], ['date:month', 'team_id'], lazy=False)),
    ]


def main(conf, db):
    with bench_env(conf, db, {'lang': 'zh_CN'}) as env:
        cr = env.cr
        cr.execute("SELECT count(*) FROM sale_order_line")
        lines = cr.fetchone()[0]
        cr.execute("SELECT max(date) FROM sales_mis_collection")
        day = str(cr.fetchone()[0])
        cr.execute("SELECT count(*) FROM account_partial_reconcile")
        partials = cr.fetchone()[0]
        print('Sales MIS reports benchmark: %s order lines, %s reconciliations, report day %s'
              % ('{:,}'.format(lines), '{:,}'.format(partials), day))
        # the generators write history with past write dates, which no pass looks at: rebuild
        seconds, _ = timed(env['sales_mis.sales.analysis']._rebuild)
        cr.execute('SELECT count(*) FROM sales_mis_sales_analysis')
        print('  sales analysis rebuilt in full in %.1f s (%s rows)' % (seconds, '{:,}'.format(cr.fetchone()[0])))
        manager = leader(env)
        cr.commit()
        print('\n  %-40s %-10s %9s %9s %9s %9s %6s %6s' % (
            'case (cold; warm median of %d)' % RUNS, 'kind', 'superuser', 'warm', manager.login[:9], 'warm',
            'goal', 'rows'))
        slow = 0
        for (name, kind, function), (_n, _k, as_manager) in zip(cases(env, day), cases(env(user=manager.id), day)):
            (ours_cold, ours), (theirs_cold, theirs) = cold_warm(function, as_manager)
            result = function()
            size = len(result) if kind == 'read_group' else len(result[1])
            goal = 5.0 if kind == 'xlsx' else 1.0
            ok = max(ours_cold, ours, theirs_cold, theirs) <= goal
            slow += not ok
            print('  %-40s %-10s %8.3fs %8.3fs %8.3fs %8.3fs %6s %6s' % (
                name, kind, ours_cold, ours, theirs_cold, theirs, 'ok' if ok else 'SLOW',
                size if kind == 'read_group' else '%dkB' % (size // 1024)))
        print('\n  %d of %d cases over their goal (cold or warm); anchor %.2f s' % (slow, len(cases(env, day)),
                                                                               anchor()))


if __name__ == '__main__':
    main(*sys.argv[1:3])
