# -*- coding: utf-8 -*-
"""Order tracking 订单跟踪 (D2): one status per confirmed order across delivery, invoicing and
payment, with the untaxed amounts delivered, invoiced and paid net of refunds (红字发票, D5).

Stored, so lists filter and group on it; recomputed when lines, pickings or linked invoices change,
when a credit note that is not linked to order lines is validated or paid (account.invoice hooks
below), and daily for what time alone changes (an invoice or a delivery becoming late)."""
from collections import defaultdict

from odoo import api, fields, models

from ..order_logic import tracking as logic

_GOODS = ('product', 'consu')


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    tracking_status = fields.Selection(
        logic.STATUSES, string='Tracking Status', compute='_compute_tracking', store=True, index=True,
        compute_sudo=True, track_visibility='onchange',
        help='Where the order stands across delivery, invoicing and payment; "Payment Overdue" '
             'as soon as one of its invoices is past due.')
    delivered_amount = fields.Monetary(string='Delivered Amount', compute='_compute_tracking', store=True,
                                       compute_sudo=True, help='Untaxed value of the quantities delivered.')
    invoiced_net_amount = fields.Monetary(string='Invoiced (Net of Refunds)', compute='_compute_tracking',
                                          store=True, compute_sudo=True,
                                          help='Untaxed amount invoiced minus credit notes (red-letter invoices).')
    paid_amount = fields.Monetary(string='Paid Amount', compute='_compute_tracking', store=True, compute_sudo=True,
                                  help='Untaxed share of the invoices the customer has paid, net of refunds.')
    delivered_percent = fields.Float(string='Delivered (%)', compute='_compute_tracking', store=True,
                                     compute_sudo=True, group_operator='avg')
    delivery_late = fields.Boolean(string='Delivery Late', compute='_compute_tracking', store=True,
                                   compute_sudo=True, help='A delivery is past its scheduled date and not done.')
    payment_overdue = fields.Boolean(string='Payment Overdue', compute='_compute_tracking', store=True,
                                     compute_sudo=True, help='An invoice of the order is open past its due date.')

    @api.depends('state', 'amount_untaxed', 'invoice_status', 'order_line.qty_delivered', 'order_line.product_uom_qty',
                 'order_line.price_reduce_taxexcl', 'order_line.invoice_lines.price_subtotal',
                 'order_line.invoice_lines.invoice_id.state', 'order_line.invoice_lines.invoice_id.residual',
                 'order_line.invoice_lines.invoice_id.date_due',
                 'picking_ids.state', 'picking_ids.scheduled_date')
    def _compute_tracking(self):
        today = fields.Date.context_today(self)
        confirmed = self.filtered(lambda o: o.state in ('sale', 'done') and o.id)
        money = logic.money_by_order(confirmed._tracking_invoice_shares(), today) if confirmed else {}
        for order in self:
            goods = order.order_line.filtered(lambda l: l.product_id.type in _GOODS)
            qty_goods = sum(goods.mapped('product_uom_qty'))
            qty_delivered = sum(goods.mapped('qty_delivered'))
            invoiced, paid, overdue = money.get(order.id, (0.0, 0.0, False))
            order.tracking_status = logic.tracking_status(logic.TrackingFacts(
                order.state, qty_goods, qty_delivered, order.amount_untaxed, invoiced, paid, overdue,
                order.invoice_status in ('invoiced', 'upselling')))
            order.delivered_amount = sum(l.qty_delivered * l.price_reduce_taxexcl for l in order.order_line)
            order.delivered_percent = logic.percent(qty_delivered, qty_goods)
            order.invoiced_net_amount = invoiced
            order.paid_amount = paid
            order.payment_overdue = overdue
            # late from the day after the scheduled day: a delivery planned for today is not late yet
            order.delivery_late = any(p.picking_type_code == 'outgoing' and p.state not in ('done', 'cancel')
                                      and p.scheduled_date and p.scheduled_date[:10] < today for p in order.picking_ids)

    def _tracking_invoice_shares(self):
        """The untaxed share of each validated invoice and credit note in each of these orders."""
        shares = defaultdict(float)
        invoice_lines = self.mapped('order_line.invoice_lines').filtered(
            lambda l: l.invoice_id.state in ('open', 'paid'))
        for line in invoice_lines:
            order_lines = line.sale_line_ids
            for order_line in order_lines:
                shares[(order_line.order_id.id, line.invoice_id)] += line.price_subtotal / len(order_lines)
        result = [logic.InvoiceShare(order_id, inv.type, inv.state, amount, inv.residual, inv.amount_total,
                                     inv.date_due) for (order_id, inv), amount in shares.items()]
        # credit notes made from an invoice ("refund" mode) carry no order lines: they follow their invoice
        invoices = invoice_lines.mapped('invoice_id')
        refunds = self.env['account.invoice'].search([
            ('refund_invoice_id', 'in', invoices.ids), ('type', '=', 'out_refund'), ('state', 'in', ('open', 'paid'))])
        for refund in refunds - invoices:
            origin = [logic.InvoiceShare(order_id, inv.type, inv.state, amount, 0.0, 0.0, False)
                      for (order_id, inv), amount in shares.items() if inv == refund.refund_invoice_id]
            result += logic.refund_shares(origin, refund.type, refund.state, refund.amount_untaxed,
                                          refund.residual, refund.amount_total, refund.date_due)
        return result

    def _refresh_tracking(self):
        """Recompute the tracking of these orders now (what `depends` cannot see)."""
        for name in ('tracking_status', 'delivered_amount', 'invoiced_net_amount', 'paid_amount',
                     'delivered_percent', 'delivery_late', 'payment_overdue'):
            self.env.add_todo(self._fields[name], self)
        # inside a recomputation (an invoice turning paid is written by one) the running loop
        # picks the orders up; recomputing here would re-enter it
        if self.env.recompute and self.env.context.get('recompute', True):
            self.recompute()

    @api.model
    def _cron_refresh_tracking(self):
        """Daily: invoices fall due and deliveries become late with time alone."""
        orders = self.search([('state', 'in', ('sale', 'done')), ('tracking_status', 'not in', ('paid', 'cancel'))])
        orders._refresh_tracking()


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'

    def _sales_mis_orders(self):
        """The orders of these invoices, and of the invoices these credit notes refund."""
        invoices = self | self.mapped('refund_invoice_id')
        return invoices.sudo().mapped('invoice_line_ids.sale_line_ids.order_id')

    @api.multi
    def action_invoice_open(self):
        result = super(AccountInvoice, self).action_invoice_open()
        self._sales_mis_orders()._refresh_tracking()
        return result

    @api.multi
    def action_invoice_paid(self):
        result = super(AccountInvoice, self).action_invoice_paid()
        self._sales_mis_orders()._refresh_tracking()
        return result

    @api.multi
    def action_invoice_re_open(self):
        result = super(AccountInvoice, self).action_invoice_re_open()
        self._sales_mis_orders()._refresh_tracking()
        return result

    @api.multi
    def action_invoice_cancel(self):
        result = super(AccountInvoice, self).action_invoice_cancel()
        self._sales_mis_orders()._refresh_tracking()
        return result
