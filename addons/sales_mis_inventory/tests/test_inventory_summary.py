# -*- coding: utf-8 -*-
"""The 进销存 summary on generated moves: the identities (opening of month n = closing of month
n-1, closing = opening + in - out on every row), the closing equal to the stock on hand, the
company's local month, the flows of each location usage, the range export and who may read it."""
import datetime
import io
import random

from dateutil.relativedelta import relativedelta

import openpyxl

from odoo.exceptions import AccessError, UserError

from ..inventory_logic.flows import FLOWS, flow_of
from ..inventory_logic.flows import flow_sql
from ..inventory_logic.ledger import identity_errors, roll_up
from ..report.inventory_summary import REFRESHED_PARAM
from .inventory_common import InventoryCase

MEASURE_KEYS = ['opening_qty', 'opening_value', 'closing_qty', 'closing_value'] + [
    '%s_%s' % (flow, measure) for flow in FLOWS for measure in ('qty', 'value')]


class TestInventorySummary(InventoryCase):

    @classmethod
    def setUpClass(cls):
        super(TestInventorySummary, cls).setUpClass()
        cls.products = [cls.product('Test Gen Pump %d' % n, cost=10.0 * (n + 1)) for n in range(3)]
        # random moves over 14 months between every kind of location, never below zero on hand
        rng = random.Random(15)
        stock = {(wh, p): 0.0 for wh in (cls.wh1, cls.wh2) for p in cls.products}
        others_in = [cls.supplier, cls.customer, cls.inventory, cls.production, cls.transit]
        others_out = [cls.supplier, cls.customer, cls.inventory, cls.production, cls.scrap, cls.transit]
        cls.generated = 0
        for back in range(13, -1, -1):
            for _n in range(5):
                product = rng.choice(cls.products)
                warehouse = rng.choice((cls.wh1, cls.wh2))
                other = cls.wh2 if warehouse == cls.wh1 else cls.wh1
                stamp = cls.month_stamp(back, day=rng.randint(1, 28), hour=rng.randint(0, 23))
                roll = rng.random()
                if roll < 0.45 or stock[(warehouse, product)] < 1:
                    qty = float(rng.randint(1, 30))
                    cls.move(product, rng.choice(others_in), warehouse.lot_stock_id, qty, stamp,
                             price=rng.choice([0.0, 7.5]))
                    stock[(warehouse, product)] += qty
                elif roll < 0.6:   # between warehouses: an out of one, an in of the other
                    qty = float(rng.randint(1, int(stock[(warehouse, product)])))
                    cls.move(product, warehouse.lot_stock_id, other.lot_stock_id, qty, stamp)
                    stock[(warehouse, product)] -= qty
                    stock[(other, product)] += qty
                else:
                    qty = float(rng.randint(1, int(stock[(warehouse, product)])))
                    cls.move(product, warehouse.lot_stock_id, rng.choice(others_out), qty, stamp)
                    stock[(warehouse, product)] -= qty
                cls.generated += 1
        cls.expected_on_hand = stock
        cls.refresh()

    def rows(self, products, user=None):
        Summary = self.env['sales_mis_inventory.summary'].sudo(user) if user else self.env['sales_mis_inventory.summary']
        records = Summary.search([('product_id', 'in', [p.id for p in products])])
        result = []
        for record in records.read(['company_id', 'warehouse_id', 'product_id', 'month'] + MEASURE_KEYS
                                   + ['in_qty', 'out_qty', 'in_value', 'out_value']):
            row = dict(record, key=(record['company_id'][0], record['warehouse_id'] and record['warehouse_id'][0],
                                    record['product_id'][0]))
            row['month'] = self.env['sales_mis_inventory.summary']._fields['month'].from_string(record['month'])
            result.append(row)
        return result

    def test_identities_on_generated_moves(self):
        rows = self.rows(self.products)
        self.assertGreaterEqual(len(rows), 14 * 2 * len(self.products) - 10)
        self.assertEqual(identity_errors(rows), [])
        # the stored totals are the sums of their flows
        for row in rows:
            self.assertAlmostEqual(row['in_qty'] - row['out_qty'], row['closing_qty'] - row['opening_qty'])

    def test_closing_is_the_stock_on_hand(self):
        latest = {}
        for row in self.rows(self.products):
            if row['month'] == self.this_month:
                latest[(row['warehouse_id'][0], row['product_id'][0])] = row['closing_qty']
        for (warehouse, product), qty in self.expected_on_hand.items():
            on_hand = product.with_context(warehouse=warehouse.id).qty_available
            self.assertAlmostEqual(on_hand, qty)
            self.assertAlmostEqual(latest.get((warehouse.id, product.id), 0.0), qty,
                                   msg='%s in %s' % (product.name, warehouse.name))

    def test_sql_classification_is_the_python_one(self):
        for side in ('in', 'out'):
            for usage in ('supplier', 'customer', 'inventory', 'production', 'internal', 'transit', 'view', 'x'):
                self.env.cr.execute('SELECT %s' % flow_sql("'%s'" % side, "'%s'" % usage))
                self.assertEqual(self.env.cr.fetchone()[0], flow_of(side, usage), (side, usage))

    def test_month_is_the_companys_local_month_and_flows_follow_usage(self):
        product = self.product('Test Boundary Valve', cost=5.0)
        month_3 = self.this_month - relativedelta(months=3)
        self.move(product, self.supplier, self.wh1.lot_stock_id, 10.0, self.month_stamp(3))
        # 17:00 UTC on the last day of the month before = 01:00 on the 1st in Shanghai
        self.move(product, self.supplier, self.wh1.lot_stock_id, 4.0,
                  '%s 17:00:00' % (month_3 - datetime.timedelta(days=1)).isoformat())
        self.move(product, self.wh1.lot_stock_id, self.customer, 3.0, self.month_stamp(2))
        self.move(product, self.customer, self.wh1.lot_stock_id, 1.0, self.month_stamp(2, day=20))
        self.move(product, self.wh1.lot_stock_id, self.supplier, 2.0, self.month_stamp(1))
        self.move(product, self.wh1.lot_stock_id, self.scrap, 1.0, self.month_stamp(1, day=12))
        self.move(product, self.wh1.lot_stock_id, self.wh1.wh_input_stock_loc_id, 5.0, self.month_stamp(1))
        self.refresh()
        by_month = {row['month']: row for row in self.rows([product])}
        self.assertEqual(by_month[month_3]['purchase_in_qty'], 14.0)   # the boundary move is in Shanghai's month
        self.assertEqual(by_month[month_3]['purchase_in_value'], 70.0)
        self.assertEqual(min(by_month), month_3)
        month_2, month_1 = sorted(by_month)[1:3]
        self.assertEqual((by_month[month_2]['sale_out_qty'], by_month[month_2]['customer_return_qty']), (3.0, 1.0))
        self.assertEqual((by_month[month_1]['purchase_return_qty'], by_month[month_1]['adjustment_out_qty']),
                         (2.0, 1.0))
        self.assertEqual(by_month[month_1]['transfer_out_qty'], 0.0)   # within the warehouse: no flow
        self.assertEqual(by_month[self.this_month]['closing_qty'], 9.0)

    def test_range_rows_are_the_roll_up_of_the_months(self):
        months = sorted({row['month'] for row in self.rows(self.products)})
        first, last = months[3], months[9]
        Export = self.env['sales_mis_inventory.summary.export'].sudo(self.director)
        exported = {(row['warehouse_id'], row['product_id']): row
                    for row in Export.summary_rows(str(first), str(last))
                    if row['product_id'] in [p.id for p in self.products]}
        by_key = {}
        for row in self.rows(self.products):
            if first <= row['month'] <= last:
                by_key.setdefault((row['warehouse_id'][0], row['product_id'][0]), []).append(row)
        self.assertEqual(set(exported), set(key for key, rows in by_key.items()
                                            if any(abs(r[k]) > 1e-9 for r in rows for k in MEASURE_KEYS)))
        for key, row in exported.items():
            expected = roll_up(by_key[key])
            for name in MEASURE_KEYS + ['in_qty', 'out_value']:
                self.assertAlmostEqual(row[name], expected[name], msg='%s %s' % (key, name))

    def test_xlsx_keeps_text_as_text(self):
        product = self.product('=HYPERLINK("http://evil.example","点我")', cost=3.0)
        self.move(product, self.supplier, self.wh1.lot_stock_id, 6.0, self.month_stamp(0, day=1))
        self.refresh()
        filename, data = self.env['sales_mis_inventory.summary.export'].sudo(self.director).build(
            str(self.this_month), str(self.this_month), warehouse_id=self.wh1.id)
        self.assertTrue(filename.endswith('.xlsx'))
        sheet = openpyxl.load_workbook(io.BytesIO(data)).active
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == product.name]
        self.assertEqual(len(cells), 1)
        self.assertEqual(cells[0].data_type, 's')
        self.assertIn('as of', sheet['A2'].value)

    def test_bad_arguments_are_clear_errors(self):
        Export = self.env['sales_mis_inventory.summary.export'].sudo(self.director)
        for args in (('2030-13-01', '2030-12-01'), ('2030-05-01', '2030-01-01'), ('1900-01-01', '2030-01-01'),
                     ('2030-01-01', '2030-02-01', 'abc')):
            with self.assertRaises(UserError):
                Export.summary_rows(*args)

    def test_who_may_read_the_summary(self):
        Export = self.env['sales_mis_inventory.summary.export']
        month = str(self.this_month)
        for user in (self.manager, self.director, self.stock_user):
            self.assertTrue(self.rows(self.products, user), user.login)
            Export.sudo(user).summary_rows(month, month)
        for user in (self.salesperson, self.internal, self.portal):
            with self.assertRaises(AccessError, msg=user.login):
                self.env['sales_mis_inventory.summary'].sudo(user).search([])
            with self.assertRaises(AccessError, msg=user.login):
                Export.sudo(user).summary_rows(month, month)
        # another company's summary: not for a user outside it
        other = self.env['res.company'].create({'name': 'Test Other Pumps Co.'})
        with self.assertRaises(AccessError):
            Export.sudo(self.manager).summary_rows(month, month, other.id)
        self.assertFalse(self.env['sales_mis_inventory.summary'].sudo(self.manager).search(
            [('company_id', '=', other.id)]))

    def test_maintenance_is_for_administrators(self):
        doors = [('sales_mis_inventory.summary', 'init'), ('sales_mis_inventory.summary', 'refresh'),
                 ('sales_mis_inventory.summary', 'cron_refresh'), ('sales_mis_inventory.lot.trace', 'init'),
                 ('sales_mis_inventory.lot.sale', 'init'), ('sales_mis_inventory.demo', 'load'),
                 ('sales_mis_inventory.demo', 'load_when_ready')]
        for user in (self.salesperson, self.manager, self.director, self.stock_user):
            for model, method in doors:
                with self.assertRaises(AccessError, msg='%s.%s as %s' % (model, method, user.login)):
                    getattr(self.env[model].sudo(user), method)()
        Summary = self.env['sales_mis_inventory.summary']
        self.assertTrue(Summary.cron_refresh())              # moves changed within the margin: refreshed
        self.env.cr.execute("UPDATE ir_config_parameter SET value = to_char(now() at time zone 'UTC' "
                            "+ interval '1 hour', 'YYYY-MM-DD HH24:MI:SS') WHERE key = %s", (REFRESHED_PARAM,))
        self.env['ir.config_parameter'].clear_caches()
        self.assertFalse(Summary.cron_refresh())             # nothing changed since: left as it is
        self.assertTrue(self.env['sales_mis_inventory.summary'].sudo(self.manager).refreshed_at())
