#!/usr/bin/env python3
"""Benchmark of the plan completion analysis against Odoo's sale.report (A4).

    .venv/bin/python tests/bench/bench_completion.py CONF DB   (make bench does it all)

On a database filled by tests/bench/generate.py it refreshes the monthly actuals,
builds two approved plans for the last full year of history (company -> teams ->
salespeople -> months by last year's shares, and company -> teams -> product
categories), then times read_group of the completion analysis and of sale.report
for the same groupings, warm, in the same run, and prints both with their ratio.
It checks that both report the same sales for the year.  Figures, not pass/fail."""
import sys
import time

from benchlib import bench_env, timed, warm_median  # noqa: E402 - sets up Odoo first


def build_plans(env, year):
    """The two approved bench plans of `year` (made once, reused by later runs)."""
    Plan = env['sales_mis.plan']
    plans = Plan.search([('name', 'like', 'Bench %d' % year)], order='id')
    if len(plans) == 2:
        return plans
    plans.unlink()
    teams = env['crm.team'].search([('member_ids', '!=', False)])
    categories = env['product.category'].search([('child_id', '=', False)])
    people_plan = Plan.create({'name': 'Bench %d by salesperson' % year, 'year': year,
                               'scope': 'company', 'target_amount': 0.0})
    category_plan = Plan.create({'name': 'Bench %d by category' % year, 'year': year, 'scope': 'company',
                                 'categ_id': env.ref('product.product_category_all').id,
                                 'target_amount': 0.0})
    # this year's target: last year's sales + 10 %
    env.cr.execute("SELECT sum(amount) FROM sales_mis_actual WHERE basis = 'order' "
                   "AND month >= %s AND month < %s", ('%d-01-01' % (year - 1), '%d-01-01' % year))
    target = round((env.cr.fetchone()[0] or 1000000.0) * 1.1, 2)
    (people_plan | category_plan).write({'target_amount': target})
    started = time.perf_counter()
    people_plan.root_line_id.split('team', 'last_year', teams.ids)
    for team_line in people_plan.root_line_id.child_ids:
        team_line.split('salesperson', 'last_year', team_line.team_id.member_ids.ids)
    leaves = people_plan.line_ids.filtered(lambda l: not l.child_ids)
    leaves.split('month', 'last_year')
    category_plan.root_line_id.split('team', 'last_year', teams.ids)
    category_plan.root_line_id.child_ids.split('category', 'last_year', categories.ids)
    print('  plans split in %.1f s: %d and %d lines' % (time.perf_counter() - started,
                                                        len(people_plan.line_ids), len(category_plan.line_ids)))
    for plan in people_plan | category_plan:
        plan.action_submit()
        plan.action_approve()
    return people_plan | category_plan


def main(conf, db):
    with bench_env(conf, db) as env:
        cr = env.cr
        cr.execute("SELECT count(*), max(date_order) FROM sale_order_line l JOIN sale_order s ON s.id = l.order_id "
                   "WHERE s.state IN ('sale', 'done')")
        lines, last = cr.fetchone()
        year = int(str(last)[:4]) - 1
        print('Sales MIS completion benchmark: %s confirmed order lines, plan year %d' % ('{:,}'.format(lines), year))
        seconds, _ = timed(env['sales_mis.actual'].refresh)
        cr.execute('SELECT count(*) FROM sales_mis_actual')
        print('  monthly actuals refreshed in %.1f s (%s rows)' % (seconds, '{:,}'.format(cr.fetchone()[0])))
        people_plan, category_plan = build_plans(env, year)
        cr.commit()
        Completion, Report = env['sales_mis.plan.completion'], env['sale.report']
        period = [('date', '>=', '%d-01-01' % year), ('date', '<', '%d-01-01' % (year + 1)),
                  ('state', 'in', ('sale', 'done'))]
        measures = ['target_amount', 'actual_amount', 'completion', 'gap_amount', 'projected_amount']
        cases = [
            ('salesperson x month',
             lambda: Completion.read_group([('plan_id', '=', people_plan.id)], ['user_id', 'date_from'] + measures,
                                           ['user_id', 'date_from:month'], lazy=False),
             lambda: Report.read_group(period, ['user_id', 'date', 'price_subtotal'], ['user_id', 'date:month'],
                                       lazy=False)),
            ('team x category',
             lambda: Completion.read_group([('plan_id', '=', category_plan.id)], ['team_id', 'categ_id'] + measures,
                                           ['team_id', 'categ_id'], lazy=False),
             lambda: Report.read_group(period, ['team_id', 'categ_id', 'price_subtotal'], ['team_id', 'categ_id'],
                                       lazy=False)),
        ]
        print('\n  %-22s %10s %12s %8s %8s' % ('grouping (warm median)', 'completion', 'sale.report', 'ratio', 'groups'))
        for name, completion, report in cases:
            ours, theirs = warm_median(completion), warm_median(report)
            print('  %-22s %9.3fs %11.3fs %8.2f %8d' % (name, ours, theirs, ours / theirs, len(completion())))
        actual = sum(g['actual_amount'] for g in Completion.read_group(
            [('plan_id', '=', people_plan.id)], ['actual_amount'], [], lazy=False))
        reported = sum(g['price_subtotal'] for g in Report.read_group(period, ['price_subtotal'], [], lazy=False))
        print('\n  sales of %d: completion analysis %s, sale.report %s' % (
            year, '{:,.2f}'.format(actual), '{:,.2f}'.format(reported)))


if __name__ == '__main__':
    main(*sys.argv[1:3])
