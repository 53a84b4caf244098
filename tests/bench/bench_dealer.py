#!/usr/bin/env python3
"""Benchmark of the dealer addon (issue 15 goals: grading 1,000 dealers <= 5 s, a 10,000-row
stock report upload <= 10 s).

    .venv/bin/python tests/bench/bench_dealer.py CONF DB [DEALERS] [ROWS]

Makes DEALERS dealers (default 1,000) of one team with one confirmed order each in the period,
grades them as a director (compute + publish); makes ROWS products (default 10,000) and uploads
a stock report of that many rows as the dealer's owner, then the same file again (idempotent:
updates). Prints the times; everything is rolled back. Figures, not pass/fail."""
import base64
import datetime
import sys
import time

from benchlib import QUICK, bench_env, odoo  # noqa: E402 - sets up Odoo first


def main(conf, db, dealers=1000, rows=10000):
    dealers, rows = int(dealers), int(rows)
    with bench_env(conf, db) as env:
        cr = env.cr
        director = env.ref('sales_mis.user_director')
        seller = env.ref('sales_mis.user_salesperson')
        team = seller.sale_team_id
        today = datetime.date.today()
        start = today.replace(day=1)
        # dealers and their orders, inserted in bulk (the bench measures grading, not order entry)
        product = env['product.product'].search([('sale_ok', '=', True)], limit=1)
        started = time.perf_counter()
        cr.execute("""
            INSERT INTO res_partner (name, display_name, is_company, customer, is_dealer, user_id, team_id, company_id,
                                     active, type, invoice_warn, picking_warn, sale_warn, purchase_warn,
                                     create_date, write_date)
            SELECT 'Bench dealer ' || n, 'Bench dealer ' || n, true, true, true, %s, %s, %s, true, 'contact',
                   'no-message', 'no-message', 'no-message', 'no-message', now(), now()
              FROM generate_series(1, %s) n RETURNING id""", (seller.id, team.id, seller.company_id.id, dealers))
        ids = [row[0] for row in cr.fetchall()]
        cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)", (ids,))
        pricelist = env['product.pricelist'].search([], limit=1)
        warehouse = env['stock.warehouse'].search([('company_id', '=', seller.company_id.id)], limit=1)
        cr.execute("""
            INSERT INTO sale_order (name, partner_id, partner_invoice_id, partner_shipping_id, pricelist_id, user_id,
                                    team_id, company_id, state, date_order, confirmation_date, amount_untaxed,
                                    amount_total, amount_tax, picking_policy, warehouse_id, approval_state,
                                    create_date, write_date)
            SELECT 'BENCH/' || p, p, p, p, %s, %s, %s, %s, 'sale', %s, %s, 1000 + (p %% 97) * 50,
                   1000 + (p %% 97) * 50, 0, 'direct', %s, 'none', now(), now()
              FROM unnest(%s::int[]) p""", (pricelist.id, seller.id, team.id, seller.company_id.id, str(start),
                                            str(start), warehouse.id, ids))
        env.clear()
        print('Dealer benchmark: %s dealers with an order each (set up in %.1f s)' % (
            '{:,}'.format(dealers), time.perf_counter() - started))
        grading = env['sales_mis_dealer.grading'].sudo(director).create({
            'name': 'Bench grading', 'date_from': str(start), 'date_to': str(today), 'team_id': team.id})
        started = time.perf_counter()
        grading.action_compute()
        computed = time.perf_counter() - started
        grading.action_publish()
        print('  grading: compute %.2f s, compute + publish %.2f s, %d lines (goal <= 5 s for 1,000 dealers)' % (
            computed, time.perf_counter() - started, len(grading.line_ids)))

        # the stock upload: ROWS products of one dealer
        cr.execute("""
            WITH t AS (
                INSERT INTO product_template (name, type, categ_id, uom_id, uom_po_id, sale_ok, purchase_ok, active,
                                              list_price, tracking, responsible_id, sale_line_warn, purchase_line_warn,
                                              create_date, write_date)
                SELECT 'Bench item ' || n, 'consu', %s, %s, %s, true, true, true, 1, 'none', %s, 'no-message',
                       'no-message', now(), now()
                  FROM generate_series(1, %s) n RETURNING id, name)
            INSERT INTO product_product (product_tmpl_id, default_code, active, create_date, write_date)
            SELECT id, 'BENCH-' || substr(name, 12), true, now(), now() FROM t""",
                   (product.categ_id.id, product.uom_id.id, product.uom_id.id, odoo.SUPERUSER_ID, rows))
        data = '\n'.join(['product,opening,received,closing'] + ['BENCH-%d,%d,%d,%d' % (n, 50 + n % 40, n % 30, n % 45)
                                                                   for n in range(1, rows + 1)]).encode()
        report = env['sales_mis_dealer.stock.report'].sudo(seller).create({
            'partner_id': ids[0], 'date_from': str(start), 'date_to': str(today)})
        for attempt in ('first upload', 'same file again'):
            wizard = env['sales_mis_dealer.stock.upload'].sudo(seller).create({
                'report_id': report.id, 'data_file': base64.b64encode(data), 'filename': 'bench.csv'})
            started = time.perf_counter()
            wizard.action_import()
            print('  stock upload, %-16s %6.2f s  %s rows (%d KB), %d lines on the report (goal <= 10 s for 10,000)'
                  % (attempt, time.perf_counter() - started, '{:,}'.format(rows), len(data) // 1024,
                     len(report.line_ids)))
        cr.rollback()


if __name__ == '__main__':
    main(*(sys.argv[1:5] if len(sys.argv) > 3 or not QUICK else sys.argv[1:3] + [20, 200]))
