# -*- coding: utf-8 -*-
"""Order tracking 订单跟踪 and refunds 红字发票 in the database: the status follows deliveries,
invoices, credit notes and payments; late deliveries and overdue payments are listed."""
from .test_order_approval import OrderCase


class TrackingCase(OrderCase):

    def confirmed_order(self, qty=10, price=100.0, user=None):
        order = self.quotation(user or self.salesperson, qty=qty, price=price).sudo()
        order.action_confirm()
        return order

    def deliver(self, order, qty):
        picking = order.picking_ids.filtered(lambda p: p.state not in ('done', 'cancel'))
        picking.action_assign()
        picking.move_lines.write({'quantity_done': qty})
        picking.with_context(cancel_backorder=False).action_done()
        return picking

    def invoice_order(self, order):
        invoice = self.env['account.invoice'].browse(order.action_invoice_create())
        invoice.action_invoice_open()
        return invoice

    def pay(self, invoice, amount):
        journal = self.env['account.journal'].search([('type', '=', 'bank'), ('company_id', '=', invoice.company_id.id)], limit=1)
        invoice.pay_and_reconcile(journal, amount)

    def status(self, order):
        order.invalidate_cache()
        return order.tracking_status, order.invoiced_net_amount, order.paid_amount


class TestOrderTracking(TrackingCase):

    def test_status_follows_delivery_invoice_refund_and_payment(self):
        order = self.confirmed_order(qty=10, price=100.0)
        self.assertEqual(self.status(order), ('to_deliver', 0.0, 0.0))
        self.deliver(order, 4)
        self.assertEqual(order.tracking_status, 'partly_delivered')
        self.assertEqual((order.delivered_percent, order.delivered_amount), (40.0, 400.0))
        self.deliver(order, 6)
        self.assertEqual(order.tracking_status, 'to_invoice')
        invoice = self.invoice_order(order)
        self.assertEqual(self.status(order), ('invoiced', 1000.0, 0.0))
        # a credit note (red-letter invoice) of 300 made from the invoice, not linked to order lines
        refund = invoice.refund(description='Damaged pumps')
        refund.invoice_line_ids.write({'quantity': 3})
        refund.compute_taxes()
        refund.action_invoice_open()
        self.assertEqual(self.status(order), ('invoiced', 700.0, 0.0), 'net of the refund')
        self.pay(invoice, 400.0)
        self.assertEqual(self.status(order)[0], 'partly_paid')
        self.assertAlmostEqual(order.paid_amount, 400.0)
        refund_lines = (invoice | refund).mapped('move_id.line_ids').filtered(
            lambda l: l.account_id == invoice.account_id and not l.reconciled)
        refund_lines.reconcile()
        self.assertEqual((invoice.residual, refund.state), (300.0, 'paid'))
        self.assertEqual(self.status(order), ('partly_paid', 700.0, 400.0), 'the credit note pays nothing')
        self.pay(invoice, 300.0)
        self.assertEqual(self.status(order), ('paid', 700.0, 700.0),
                         'invoice settled by payments and the credit note: 700 of 700 paid')
        self.assertSqlPathAgrees(order)

    def assertSqlPathAgrees(self, orders):
        """The bulk path (install, daily cron) stores what the ORM computes."""
        fields = ('tracking_status', 'delivered_amount', 'invoiced_net_amount', 'paid_amount',
                  'delivered_percent', 'delivery_late', 'payment_overdue')
        orders.invalidate_cache()
        computed = orders.read(fields)
        self.assertEqual(self.env['sale.order']._store_tracking_sql(orders.ids), len(orders))
        self.assertEqual(orders.read(fields), computed)

    def test_paid_then_overdue_and_late_lists(self):
        paid = self.confirmed_order(qty=2, price=50.0)
        self.deliver(paid, 2)
        self.pay(self.invoice_order(paid), 100.0)
        self.assertEqual(self.status(paid), ('paid', 100.0, 100.0))

        overdue = self.confirmed_order(qty=2, price=50.0)
        self.deliver(overdue, 2)
        invoice = self.invoice_order(overdue)
        invoice.date_due = '2020-01-31'
        self.assertEqual(overdue.tracking_status, 'overdue')

        late = self.confirmed_order(qty=1, price=10.0)
        late.picking_ids.write({'scheduled_date': '2020-01-01 08:00:00'})
        self.assertTrue(late.delivery_late)
        self.env['sale.order']._cron_refresh_tracking()
        orders = paid | overdue | late
        Order = self.env['sale.order']
        self.assertEqual(Order.search([('id', 'in', orders.ids), ('payment_overdue', '=', True)]), overdue)
        self.assertEqual(Order.search([('id', 'in', orders.ids), ('delivery_late', '=', True)]), late)
        groups = Order.read_group([('id', 'in', orders.ids)], ['tracking_status'], ['tracking_status'])
        self.assertEqual(sorted(g['tracking_status'] for g in groups), ['overdue', 'paid', 'to_deliver'])
        self.assertSqlPathAgrees(orders)
        schedule = self.env['stock.picking'].search([('sale_id', 'in', orders.ids), ('picking_type_code', '=', 'outgoing')])
        self.assertEqual(schedule.mapped('delivery_warehouse_id'), late.warehouse_id)
        self.assertEqual(set(schedule.mapped('sale_user_id')), {self.salesperson})

    def test_salesperson_reads_tracking_of_own_orders(self):
        mine = self.confirmed_order()
        other = self.confirmed_order(user=self.salesperson_south)
        Order = self.env['sale.order'].sudo(self.salesperson)
        found = Order.search([('id', 'in', (mine | other).ids), ('tracking_status', '=', 'to_deliver')])
        self.assertEqual(found, mine)


class TestTrackingFollowsDeliveries(TrackingCase):
    """The tracking no longer depends on the pickings' fields (each picking write of a
    confirmation recomputed it): rescheduling and cancelling a delivery refresh it instead."""

    def test_rescheduled_then_cancelled_delivery(self):
        order = self.confirmed_order(qty=1, price=10.0)
        self.assertFalse(order.delivery_late)
        order.picking_ids.write({'scheduled_date': '2020-01-01 08:00:00'})
        self.assertTrue(order.delivery_late)
        order.picking_ids.write({'scheduled_date': '2099-01-01 08:00:00'})
        self.assertFalse(order.delivery_late)
        order.picking_ids.write({'scheduled_date': '2020-01-01 08:00:00'})
        self.assertTrue(order.delivery_late)
        order.picking_ids.action_cancel()
        self.assertFalse(order.delivery_late)
        self.env['sale.order']._store_tracking_sql(order.ids)  # the bulk path agrees
        self.assertFalse(order.delivery_late)

    def test_confirmation_computes_the_tracking_once(self):
        order = self.quotation(self.salesperson, qty=3, price=10.0).sudo()
        computed = []
        original = type(order)._compute_tracking

        def counting(records):
            computed.append(records.ids)
            return original(records)
        type(order)._compute_tracking = counting
        try:
            order.action_confirm()
        finally:
            type(order)._compute_tracking = original
        self.assertEqual(order.tracking_status, 'to_deliver')
        self.assertEqual(len(computed), 1, computed)  # was 3 with a picking dependency
