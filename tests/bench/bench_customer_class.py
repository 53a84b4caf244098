#!/usr/bin/env python3
"""Benchmark of the automatic customer classes 客户分类 (C2), and of the other
bulk customer jobs (duplicate scan C3, RFM/churn C5), on the bench database.

    .venv/bin/python tests/bench/bench_customer_class.py CONF DB

On a database filled by tests/bench/generate.py (5,000 customers, 1M order
lines) it installs A/B/C rules whose revenue thresholds are the 80th and 50th
percentiles of the customers' trailing 12-month revenue (A also needs 6 orders
and at most 30 days overdue), then times: the first classification (every
customer changes class and gets a history row), a rerun (nothing changes), a
rerun after raising the A threshold, the duplicate scan and the RFM/churn
computation. "Today" is the day of the last order, so the 12 months are full.
Everything is rolled back at the end: the run can be repeated. Figures, not
pass/fail."""
import sys

from benchlib import bench_env, odoo, timed  # noqa: E402 - sets up Odoo first


def main(conf, db):
    with bench_env(conf, db) as env:
        cr = env.cr
        cr.execute("SELECT count(*), max(COALESCE(confirmation_date, date_order))::date FROM sale_order "
                   "WHERE state IN ('sale', 'done')")
        orders, last_day = cr.fetchone()
        cr.execute("SELECT count(*) FROM sale_order_line")
        lines = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM res_partner WHERE active AND customer AND parent_id IS NULL")
        customers = cr.fetchone()[0]
        today = odoo.fields.Date.from_string(last_day)  # the cursor returns dates as text
        print('bench %s: %d customers, %d confirmed orders, %d order lines, today = %s'
              % (db, customers, orders, lines, today))
        company = env.user.company_id
        Partner = env['res.partner']
        metrics = Partner._sales_mis_metrics(company, today)
        a_min, b_min = (float(metrics['revenue'].quantile(q)) for q in (0.8, 0.5))
        Rule = env['sales_mis.customer.class.rule']
        Rule.search([('company_id', '=', company.id)]).write({'active': False})
        Rule.create({'sequence': 1, 'code': 'A', 'min_revenue': a_min, 'min_order_count': 6,
                     'check_overdue': True, 'max_overdue_amount': a_min, 'max_overdue_days': 30})
        Rule.create({'sequence': 2, 'code': 'B', 'min_revenue': b_min})
        Rule.create({'sequence': 3, 'code': 'C'})
        cr.execute("UPDATE res_partner SET sales_mis_class = NULL")

        def run():
            result = Partner._sales_mis_classify(company, today=today)
            return result

        for label in ('first run (all change)', 'rerun (no change)'):
            seconds, result = timed(run)
            print('  classify, %-28s %6.2f s  (%d customers, %d changed)' % (label + ':', seconds,
                                                                              result['total'], result['changed']))
        Rule.search([('code', '=', 'A'), ('company_id', '=', company.id)]).min_revenue = a_min * 1.5
        seconds, result = timed(run)
        print('  classify, %-28s %6.2f s  (%d customers, %d changed)' % ('A threshold +50%:', seconds,
                                                                          result['total'], result['changed']))
        cr.execute("SELECT sales_mis_class, count(*) FROM res_partner WHERE sales_mis_class IS NOT NULL "
                   "GROUP BY 1 ORDER BY 1")
        print('  classes:', ', '.join('%s %d' % row for row in cr.fetchall()))
        cr.execute("SELECT count(*) FROM sales_mis_customer_class_history")
        print('  history rows:', cr.fetchone()[0])
        seconds, count = timed(lambda: env['sales_mis.partner.duplicate']._scan())
        print('  duplicate scan:                      %6.2f s  (%d candidate pairs)' % (seconds, count))
        seconds, flagged = timed(lambda: Partner._sales_mis_compute_value(today=today))
        print('  RFM + churn flags + alerts:          %6.2f s  (%d buying dropped)' % (seconds, len(flagged)))
        cr.rollback()


if __name__ == '__main__':
    main(*sys.argv[1:3])
