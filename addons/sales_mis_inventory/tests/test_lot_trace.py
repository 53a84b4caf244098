# -*- coding: utf-8 -*-
"""Traceability of lots, serials and VINs: where a lot came from and where it went, searched by
VIN or customer, and who sees which trace (salesperson: lots of own orders; manager: of the
teams led; director and stock users: all; no role, portal, another company: nothing)."""
from odoo.exceptions import AccessError, ValidationError

from ..inventory_logic.vin import with_check_digit
from .inventory_common import InventoryCase
from odoo.addons.sales_mis.tests.common import new_user


class TestLotTrace(InventoryCase):

    @classmethod
    def setUpClass(cls):
        super(TestLotTrace, cls).setUpClass()
        env = cls.env
        demo = env['sales_mis_inventory.demo']
        cls.truck = cls.product('Test Light Truck', cost=90000.0, tracking='serial', sales_mis_is_vehicle=True,
                                sales_mis_vehicle_model='Test JX1041')
        cls.registration = env['product.product'].create({'name': 'Test Registration Service', 'type': 'service',
                                                          'sales_mis_agency_service': 'registration'})
        cls.vendor = env['res.partner'].create({'name': 'Test Truck Works', 'supplier': True})
        cls.buyer = env['res.partner'].create({'name': 'Test Logistics Co.', 'customer': True})
        cls.other_buyer = env['res.partner'].create({'name': 'Test Municipal Co.', 'customer': True})
        cls.vins = [with_check_digit('LTEST0000KA%06d' % n) for n in range(1, 4)]
        day = cls.this_month
        demo._purchase(cls.vendor, [(cls.truck, 3, 90000.0)], day, lots=cls.vins)
        cls.lots = {lot.name: lot for lot in env['stock.production.lot'].search([('name', 'in', cls.vins)])}
        # sold in order of reservation (first in, first out): the first VIN by our salesperson
        cls.own_delivery = demo._sell(cls.salesperson, cls.buyer, [(cls.truck, 1, 110000.0),
                                                                   (cls.registration, 1, 1500.0)], day)
        cls.other_seller = env.ref('base.user_demo')          # North China: not the East manager's team
        demo._sell(cls.other_seller, cls.other_buyer, [(cls.truck, 1, 109000.0)], day)
        cls.own_vin = cls.own_delivery.move_line_ids.lot_id.name
        cls.other_vin = (env['sales_mis_inventory.lot.sale'].search([('user_id', '=', cls.other_seller.id),
                                                                     ('lot_id.name', 'in', cls.vins)]).lot_id.name)
        cls.unsold_vin = (set(cls.vins) - {cls.own_vin, cls.other_vin}).pop()
        demo._return(cls.own_delivery, {cls.truck.id: 1}, day)   # the customer brings it back

    def trace(self, user, vin):
        return self.env['sales_mis_inventory.lot.trace'].sudo(user).search([('lot_name', '=', vin)])

    def test_where_a_vin_came_from_and_went(self):
        rows = self.trace(self.director, self.own_vin)
        kinds = rows.mapped('kind')
        self.assertEqual(kinds, ['purchase_in', 'sale_out', 'customer_return'])
        receipt, delivery, back = rows
        # the order's name shows through the trace; the order itself stays Purchase's
        self.assertEqual((receipt.partner_id, receipt.purchase_id.sudo().partner_id), (self.vendor, self.vendor))
        self.assertTrue(receipt.picking_id)
        self.assertTrue(receipt.invoice_numbers.startswith('BILL/'), receipt.invoice_numbers)   # the vendor's bill
        self.assertEqual(delivery.partner_id, self.buyer)
        self.assertEqual(delivery.sale_user_id, self.salesperson)
        self.assertEqual(delivery.picking_id, self.own_delivery)
        self.assertEqual(delivery.invoice_numbers, delivery.sale_id.sudo().invoice_ids.number)
        self.assertIn('Test Registration Service', delivery.agency_services)
        self.assertTrue(back.is_return)
        self.assertEqual(back.sale_id, delivery.sale_id)
        lot = self.lots[self.own_vin]
        self.assertEqual(lot.sales_mis_trace_ids, rows)
        self.assertEqual(lot.sales_mis_vehicle_model, 'Test JX1041')

    def test_search_by_vin_or_customer(self):
        Trace = self.env['sales_mis_inventory.lot.trace'].sudo(self.director)
        self.assertEqual(Trace.search([('lot_name', 'ilike', self.own_vin[-6:].lower())]).mapped('lot_name'),
                         [self.own_vin] * 3)
        by_customer = Trace.search([('partner_id', 'child_of', self.other_buyer.id)])
        self.assertEqual(by_customer.mapped('lot_name'), [self.other_vin])

    def test_who_sees_which_trace(self):
        self.assertEqual(len(self.trace(self.salesperson, self.own_vin)), 3)   # the whole trace of an own lot
        self.assertFalse(self.trace(self.salesperson, self.other_vin))
        self.assertFalse(self.trace(self.salesperson, self.unsold_vin))
        self.assertEqual(len(self.trace(self.manager, self.own_vin)), 3)       # their team's
        self.assertFalse(self.trace(self.manager, self.other_vin))
        for user in (self.director, self.stock_user):
            for vin in self.vins:
                self.assertTrue(self.trace(user, vin), (user.login, vin))
        for user in (self.internal, self.portal):
            with self.assertRaises(AccessError):
                self.trace(user, self.own_vin)
        other_company = self.env['res.company'].create({'name': 'Test Other Dealer Co.'})
        director_b = new_user(self.env, 'Test Director B', 'test_inv_director_b',
                              ['base.group_user', 'sales_mis.group_director', 'stock.group_stock_user'],
                              company_id=other_company.id, company_ids=[(6, 0, [other_company.id])])
        self.assertFalse(self.trace(director_b, self.own_vin))

    def test_vins_are_checked_and_normalised(self):
        Lot = self.env['stock.production.lot']
        with self.assertRaises(ValidationError):
            Lot.create({'name': 'LTEST0000KA000099', 'product_id': self.truck.id})  # wrong check digit
        with self.assertRaises(ValidationError):
            Lot.create({'name': 'SHORT', 'product_id': self.truck.id})
        good = with_check_digit('LTEST0000KA000099')
        lot = Lot.create({'name': ' %s ' % good.lower(), 'product_id': self.truck.id})
        self.assertEqual(lot.name, good)
        pump = self.product('Test Lot Pump', tracking='lot')
        self.assertEqual(Lot.create({'name': 'lb-01', 'product_id': pump.id}).name, 'lb-01')  # not a vehicle
        with self.assertRaises(ValidationError):
            self.truck.product_tmpl_id.tracking = 'lot'
