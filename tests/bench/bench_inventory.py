#!/usr/bin/env python3
"""Benchmark of 进销存 (H1) and traceability (H2).

    .venv/bin/python tests/bench/bench_inventory.py CONF DB [PRODUCTS [MONTHS [SERIALS]]]

Adds, in one transaction that is rolled back at the end (nothing stays in the database), PRODUCTS
stockable products (default 2,000) with MONTHS months (default 36) of done stock moves made by
set-based SQL — per product and month a receipt from a vendor, a delivery, and every few months a
customer return, a return to the vendor, a stock-count loss and a transfer between two warehouses
— and SERIALS vehicles (default 2,000) each received and delivered under its own serial number.
Then it refreshes the summary and times, warm (median of 5 after one run), as the superuser and as
a sales director (record rules applied): the pivot read_groups of the whole period (category x
month, product x month), the XLSX 进销存汇总表 over all months, and the trace of one serial.
Goals: pivot <= 1 s, XLSX <= 5 s, trace <= 0.2 s. Figures, not pass/fail."""
import sys

from benchlib import QUICK, RUNS, bench_env, timed, warm_median  # noqa: E402 - sets up Odoo first


def generate(env, products, months, serials):
    cr = env.cr
    cr.execute("SELECT id FROM res_company ORDER BY id LIMIT 1")
    company = cr.fetchone()[0]
    wh1, wh2 = env['stock.warehouse'].search([('company_id', '=', company)], limit=1), None
    wh2 = env['stock.warehouse'].create({'name': 'Bench Inventory WH2', 'code': 'BIW2', 'company_id': company})
    locations = {
        'stock': wh1.lot_stock_id.id, 'stock2': wh2.lot_stock_id.id,
        'supplier': env.ref('stock.stock_location_suppliers').id,
        'customer': env.ref('stock.stock_location_customers').id,
        'inventory': env.ref('stock.location_inventory').id,
    }
    uom = env.ref('product.product_uom_unit').id
    categ = env['product.category'].create({'name': 'Bench Inventory'})
    categs = [env['product.category'].create({'name': 'Bench Inventory %02d' % n, 'parent_id': categ.id}).id
              for n in range(20)]
    # products: templates then variants, by SQL
    cr.execute("""
        INSERT INTO product_template (name, type, categ_id, uom_id, uom_po_id, list_price, active, sale_ok,
                                      purchase_ok, tracking, invoice_policy, purchase_method, responsible_id, sale_line_warn,
                                      purchase_line_warn, create_date, write_date)
        SELECT 'Bench stock item ' || n, 'product', (%(categs)s::int[])[1 + n %% 20], %(uom)s, %(uom)s, 100, TRUE,
               TRUE, TRUE, CASE WHEN n > %(products)s THEN 'serial' ELSE 'none' END, 'order', 'receive', 1, 'no-message',
               'no-message', now(), now()
          FROM generate_series(1, %(products)s + 1) n
        RETURNING id""", {'categs': categs, 'uom': uom, 'products': products})
    templates = [row[0] for row in cr.fetchall()]
    cr.execute("""INSERT INTO product_product (product_tmpl_id, default_code, active, create_date, write_date)
                  SELECT t, 'BINV' || lpad(t::text, 7, '0'), TRUE, now(), now() FROM unnest(%s::int[]) t
                  RETURNING id, product_tmpl_id""", (templates,))
    variants = sorted(cr.fetchall(), key=lambda row: row[1])
    stock_products, vehicle = [v for v, _t in variants[:-1]], variants[-1][0]
    start = "date_trunc('month', now()) - interval '%d months'" % (months - 1)
    # (kind, source, destination, every how many months, quantity expression)
    flows = [('supplier', 'stock', 1, '20 + p %% 17'), ('stock', 'customer', 1, '12 + p %% 11'),
             ('customer', 'stock', 4, '1'), ('stock', 'supplier', 6, '2'), ('stock', 'inventory', 5, '1'),
             ('stock', 'stock2', 3, '3')]
    moved = 0
    for source, destination, every, qty in flows:
        cr.execute("""
            INSERT INTO stock_move (name, date, date_expected, company_id, product_id, product_uom_qty, product_qty,
                                    product_uom, location_id, location_dest_id, procure_method, state, price_unit,
                                    value, create_date, write_date)
            SELECT 'Bench move', d, d, %(company)s, p, q, q, %(uom)s, %(src)s, %(dst)s, 'make_to_stock', 'done',
                   CASE WHEN %(src)s = %(supplier)s THEN 50.0 ELSE -50.0 END,
                   CASE WHEN %(src)s = %(supplier)s THEN 50.0 * q ELSE -50.0 * q END, now(), now()
              FROM unnest(%(products)s::int[]) p, generate_series(0, %(months)s - 1) m,
                   LATERAL (SELECT {start} + m * interval '1 month' + (p %% 27) * interval '1 day'
                                   + interval '3 hours' AS d, ({qty})::numeric AS q) x
             WHERE m %% %(every)s = 0""".format(start=start, qty=qty),
                   {'company': company, 'uom': uom, 'src': locations[source], 'dst': locations[destination],
                    'supplier': locations['supplier'], 'products': stock_products, 'months': months,
                    'every': every})
        moved += cr.rowcount
    # serials: one lot, a receipt and a delivery each
    cr.execute("""INSERT INTO stock_production_lot (name, product_id, create_date, write_date)
                  SELECT 'BENCHVIN' || lpad(n::text, 9, '0'), %s, now(), now() FROM generate_series(1, %s) n
                  RETURNING id""", (vehicle, serials))
    lots = [row[0] for row in cr.fetchall()]
    for source, destination in (('supplier', 'stock'), ('stock', 'customer')):
        cr.execute("""
            WITH moves AS (
                INSERT INTO stock_move (name, date, date_expected, company_id, product_id, product_uom_qty,
                                        product_qty, product_uom, location_id, location_dest_id, procure_method,
                                        state, create_date, write_date, origin)
                SELECT 'Bench vehicle', now() - interval '30 days', now(), %(company)s, %(vehicle)s, 1, 1, %(uom)s,
                       %(src)s, %(dst)s, 'make_to_stock', 'done', now(), now(), lot::text
                  FROM unnest(%(lots)s::int[]) lot
                RETURNING id, origin)
            INSERT INTO stock_move_line (move_id, lot_id, product_id, product_uom_id, product_uom_qty, qty_done,
                                         location_id, location_dest_id, date, state)
            SELECT id, origin::int, %(vehicle)s, %(uom)s, 0, 1, %(src)s, %(dst)s, now() - interval '30 days', 'done'
              FROM moves""", {'company': company, 'vehicle': vehicle, 'uom': uom, 'src': locations[source],
                             'dst': locations[destination], 'lots': lots})
        moved += cr.rowcount
    cr.execute('ANALYZE stock_move; ANALYZE stock_move_line; ANALYZE stock_production_lot')
    return moved, categ, lots, vehicle, locations['customer']


def users(env):
    """A sales director and a salesperson made for the run (rolled back with it): the bench
    database has no demo users."""
    make = lambda login, group: env['res.users'].with_context(no_reset_password=True).create({
        'name': login, 'login': login, 'groups_id': [(6, 0, [env.ref('base.group_user').id, env.ref(group).id])]})
    return make('bench_inventory_director', 'sales_mis.group_director'), \
        make('bench_inventory_salesperson', 'sales_mis.group_salesperson')


def sell_vehicles(env, salesperson, vehicle, customer_location):
    """Every generated vehicle delivery becomes one of an order of `salesperson`, so that the
    salesperson's rule ("lots of own orders") has every serial to go through."""
    partner = env['res.partner'].create({'name': 'Bench vehicle buyer', 'customer': True})
    order = env['sale.order'].create({'partner_id': partner.id, 'user_id': salesperson.id,
                                      'order_line': [(0, 0, {'product_id': vehicle, 'product_uom_qty': 1.0})]})
    env.cr.execute("UPDATE stock_move SET sale_line_id = %s WHERE name = 'Bench vehicle' AND location_dest_id = %s",
                   (order.order_line.id, customer_location))


def main(conf, db, products='2000', months='36', serials='2000'):
    products, months, serials = int(products), int(months), int(serials)
    with bench_env(conf, db, {'lang': 'zh_CN'}) as env:
        cr = env.cr
        try:
            seconds, (moved, categ, lots, vehicle, customer) = timed(lambda: generate(env, products, months, serials))
            director, salesperson = users(env)
            sell_vehicles(env, salesperson, vehicle, customer)
            cr.execute("SELECT count(*) FROM stock_move")
            print('进销存 benchmark: %s products x %d months, %s serials: %s moves generated in %.1f s '
                  '(%s stock moves in the database)' % ('{:,}'.format(products), months, '{:,}'.format(serials),
                                                       '{:,}'.format(moved), seconds, '{:,}'.format(cr.fetchone()[0])))
            seconds, _ = timed(env['sales_mis_inventory.summary'].refresh)
            cr.execute('SELECT count(*) FROM sales_mis_inventory_summary')
            print('  summary refreshed in %.1f s (%s rows)' % (seconds, '{:,}'.format(cr.fetchone()[0])))
            cr.execute("SELECT name FROM stock_production_lot WHERE id = %s", (lots[len(lots) // 2],))
            serial = cr.fetchone()[0]
            cr.execute("SELECT to_char(min(month), 'YYYY-MM-DD'), to_char(max(month), 'YYYY-MM-DD') "
                       "FROM sales_mis_inventory_summary")
            first, last = cr.fetchone()

            def cases(env):
                Summary = env['sales_mis_inventory.summary']
                measures = ['opening_qty', 'in_qty', 'out_qty', 'closing_qty', 'closing_value']
                return [
                    ('pivot category x month (all months)', 'read_group', 1.0,
                     lambda: Summary.read_group([], ['categ_id', 'month'] + measures, ['categ_id', 'month:month'], lazy=False)),
                    ('pivot product totals, last month', 'read_group', 1.0,
                     lambda: Summary.read_group([('month', '=', last)], ['product_id'] + measures, ['product_id'],
                                                lazy=False)),
                    ('pivot product x month (all months)', 'read_group', 1.0,
                     lambda: Summary.read_group([('categ_id', 'child_of', categ.id)], ['product_id', 'month'] + measures,
                                                ['product_id', 'month:month'], lazy=False)),
                    ('XLSX 进销存汇总表 (all months)', 'xlsx', 5.0,
                     lambda: env['sales_mis_inventory.summary.export'].build(first, last)),
                    ('trace of one serial', 'search_read', 0.2,
                     lambda: env['sales_mis_inventory.lot.trace'].search_read([('lot_name', '=', serial)])),
                ]
            env.user.company_id  # noqa: B018 - loads the user before timing
            print('\n  %-40s %-11s %10s %10s %6s %8s' % ('case (warm median of %d)' % RUNS, 'kind', 'superuser',
                                                        'director', 'goal', 'size'))
            for (name, kind, goal, function), (_n, _k, _g, as_director) in zip(cases(env), cases(env(user=director.id))):
                ours, theirs = warm_median(function), warm_median(as_director)
                result = function()
                size = '%dkB' % (len(result[1]) // 1024) if kind == 'xlsx' else len(result)
                print('  %-40s %-11s %9.3fs %9.3fs %5.1fs %8s %s' % (name, kind, ours, theirs, goal, size,
                                                                   'ok' if max(ours, theirs) <= goal else 'SLOW'))
            # a salesperson's trace goes through the rule "lots of own orders" (a semi-join on the
            # lots sold): timed on its own
            trace = env(user=salesperson.id)['sales_mis_inventory.lot.trace']
            seconds = warm_median(lambda: trace.search_read([('lot_name', '=', serial)]))
            print('  %-40s %-11s %10s %9.3fs %5.1fs %8s %s' % ('trace of one serial, as a salesperson', 'search_read',
                                                              '', seconds, 0.2, '', 'ok' if seconds <= 0.2 else 'SLOW'))
        finally:
            cr.rollback()   # nothing of the bench stays in the database (the summary as before)
            print('\n  rolled back: the generated rows are gone')

if __name__ == '__main__':
    main(*(sys.argv[1:6] if len(sys.argv) > 3 or not QUICK else sys.argv[1:3] + ['20', '6', '20']))
