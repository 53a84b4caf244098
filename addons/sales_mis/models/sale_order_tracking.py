# -*- coding: utf-8 -*-
"""Order tracking 订单跟踪 (D2): one status per confirmed order across delivery, invoicing and
payment, with the untaxed amounts delivered, invoiced and paid net of refunds (红字发票, D5).

Stored, so lists filter and group on it; recomputed when the order, its lines or linked invoices
change, when a credit note that is not linked to order lines is validated or paid (account.invoice
hooks below), when a delivery is rescheduled or cancelled (stock.picking hooks below: a dependency
on the pickings' state would resolve and recompute on each of the many picking writes of a
confirmation), and daily for what time alone changes (an invoice or a delivery becoming late)."""
from collections import defaultdict

from psycopg2.extras import execute_values

from odoo import api, fields, models, tools

from ..lib.user_date import user_date
from ..order_logic import tracking as logic
from ..report.local_day import local_date, tz_join

_GOODS = ('product', 'consu')

#: the stored tracking fields, filled by _compute_tracking (ORM) or _store_tracking_sql (bulk)
TRACKING_FIELDS = ('tracking_status', 'delivered_amount', 'invoiced_net_amount', 'paid_amount',
                   'delivered_percent', 'delivery_late', 'payment_overdue')


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
                 'order_line.invoice_lines.invoice_id.date_due')
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
            # (only confirmed orders have deliveries under way)
            order.delivery_late = order in confirmed and any(
                p.picking_type_code == 'outgoing' and p.state not in ('done', 'cancel')
                and p.scheduled_date and user_date(self, p.scheduled_date) < today for p in order.picking_ids)

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
        if not invoices:
            return result
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
        for name in TRACKING_FIELDS:
            self.env.add_todo(self._fields[name], self)
        # inside a recomputation (an invoice turning paid is written by one) the running loop
        # picks the orders up; recomputing here would re-enter it
        if self.env.recompute and self.env.context.get('recompute', True):
            self.recompute()

    @api.model
    def _cron_refresh_tracking(self):
        """Daily: invoices fall due and deliveries become late with time alone."""
        self.env.cr.execute("""SELECT id FROM sale_order WHERE state IN ('sale', 'done')
                               AND COALESCE(tracking_status, '') NOT IN ('paid', 'cancel')""")
        self._store_tracking_sql([row[0] for row in self.env.cr.fetchall()])

    # ------------------------------------------------------------------ bulk path (SQL in, SQL out)

    def _auto_init(self):
        """On install, fill the tracking columns with a few set-based queries: Odoo's own
        recomputation of new stored fields goes through the ORM order by order, which takes
        minutes and gigabytes on a million order lines."""
        cr = self.env.cr
        fresh = not tools.column_exists(cr, 'sale_order', 'tracking_status')
        if fresh and tools.table_exists(cr, 'sale_order'):
            for name in TRACKING_FIELDS:
                tools.create_column(cr, 'sale_order', name, self._fields[name].column_type[1])
        result = super(SaleOrder, self)._auto_init()
        if fresh:
            self._store_tracking_sql()
        return result

    def _store_tracking_sql(self, order_ids=None):
        """Compute and store the tracking of these orders (all when None) from SQL facts and the
        pure rules; returns the number of orders written."""
        cr = self.env.cr
        today = fields.Date.context_today(self)
        where, params = ('WHERE so.id IN %s', [tuple(order_ids)]) if order_ids else ('', [])
        if order_ids is not None and not order_ids:
            return 0
        cr.execute("""
            SELECT so.id, so.state, COALESCE(so.amount_untaxed, 0), so.invoice_status,
                   COALESCE(SUM(sol.product_uom_qty) FILTER (WHERE pt.type IN %s), 0),
                   COALESCE(SUM(sol.qty_delivered) FILTER (WHERE pt.type IN %s), 0),
                   COALESCE(SUM(sol.qty_delivered * sol.price_reduce_taxexcl), 0)
              FROM sale_order so
              LEFT JOIN sale_order_line sol ON sol.order_id = so.id
              LEFT JOIN product_product pp ON pp.id = sol.product_id
              LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
            """ + where + " GROUP BY so.id", [_GOODS, _GOODS] + params)
        orders = cr.fetchall()
        cr.execute("""
            WITH links AS (
                SELECT rel.invoice_line_id, sol.order_id,
                       1.0 / COUNT(*) OVER (PARTITION BY rel.invoice_line_id) AS part
                  FROM sale_order_line_invoice_rel rel
                  JOIN sale_order_line sol ON sol.id = rel.order_line_id
                 WHERE rel.invoice_line_id IN (
                     SELECT rel2.invoice_line_id FROM sale_order_line_invoice_rel rel2
                       JOIN sale_order_line sol2 ON sol2.id = rel2.order_line_id
                       JOIN sale_order so ON so.id = sol2.order_id """ + where + """))
            SELECT links.order_id, inv.id, inv.type, inv.state, SUM(il.price_subtotal * links.part),
                   inv.residual, inv.amount_total, inv.date_due
              FROM links
              JOIN account_invoice_line il ON il.id = links.invoice_line_id
              JOIN account_invoice inv ON inv.id = il.invoice_id
             WHERE inv.state IN ('open', 'paid')
             GROUP BY links.order_id, inv.id""", params)
        by_invoice = defaultdict(list)
        shares = []
        for order_id, invoice_id, kind, state, amount, residual, total, date_due in cr.fetchall():
            share = logic.InvoiceShare(order_id, kind, state, amount or 0.0, residual or 0.0, total or 0.0, date_due)
            shares.append(share)
            by_invoice[invoice_id].append(share)
        if by_invoice:
            # credit notes made from an invoice carry no order lines: they follow their invoice
            cr.execute("""
                SELECT r.refund_invoice_id, r.type, r.state, r.amount_untaxed, r.residual, r.amount_total, r.date_due
                  FROM account_invoice r
                 WHERE r.type = 'out_refund' AND r.state IN ('open', 'paid') AND r.refund_invoice_id IN %s
                   AND NOT EXISTS (SELECT 1 FROM account_invoice_line l
                                     JOIN sale_order_line_invoice_rel rel ON rel.invoice_line_id = l.id
                                    WHERE l.invoice_id = r.id)""", [tuple(by_invoice)])
            for origin_id, kind, state, amount, residual, total, date_due in cr.fetchall():
                shares += logic.refund_shares(by_invoice[origin_id], kind, state, amount or 0.0, residual or 0.0,
                                              total or 0.0, date_due)
        money = logic.money_by_order(shares, today)
        cr.execute("""
            SELECT DISTINCT sp.sale_id FROM stock_picking sp
              JOIN stock_picking_type spt ON spt.id = sp.picking_type_id
              JOIN sale_order so ON so.id = sp.sale_id
              """ + tz_join('so.company_id') + """
             WHERE spt.code = 'outgoing' AND sp.state NOT IN ('done', 'cancel')
               AND """ + local_date('sp.scheduled_date') + """ < %s """ + where.replace('WHERE', 'AND'), [today] + params)
        late = {row[0] for row in cr.fetchall()}
        rows = []
        for order_id, state, amount, invoice_status, qty_goods, qty_delivered, delivered_amount in orders:
            invoiced, paid, overdue = money.get(order_id, (0.0, 0.0, False))
            status = logic.tracking_status(logic.TrackingFacts(
                state, qty_goods, qty_delivered, amount, invoiced, paid, overdue,
                invoice_status in ('invoiced', 'upselling')))
            rows.append((order_id, status, round(delivered_amount, 2), invoiced, paid,
                         logic.percent(qty_delivered, qty_goods), order_id in late, overdue))
        execute_values(cr, """
            UPDATE sale_order so SET tracking_status = v.status, delivered_amount = v.delivered,
                   invoiced_net_amount = v.invoiced, paid_amount = v.paid, delivered_percent = v.percent,
                   delivery_late = v.late, payment_overdue = v.overdue
              FROM (VALUES %s) AS v(id, status, delivered, invoiced, paid, percent, late, overdue)
             WHERE so.id = v.id""", rows, page_size=5000)
        self.invalidate_cache(list(TRACKING_FIELDS))
        return len(rows)


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


class StockPicking(models.Model):
    _inherit = 'stock.picking'

    def _sales_mis_refresh_tracking(self):
        self.sudo().mapped('sale_id')._refresh_tracking()

    @api.multi
    def write(self, values):
        result = super(StockPicking, self).write(values)
        if 'scheduled_date' in values or 'state' in values:
            self._sales_mis_refresh_tracking()  # the delivery may become late or stop being late
        return result

    @api.multi
    def action_cancel(self):
        result = super(StockPicking, self).action_cancel()
        self._sales_mis_refresh_tracking()  # a cancelled delivery is no longer late
        return result
