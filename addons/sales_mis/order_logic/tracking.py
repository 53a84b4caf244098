# -*- coding: utf-8 -*-
"""Order tracking 订单跟踪: one status per order across delivery, invoicing and payment.

An order moves delivery -> invoicing -> payment; an overdue invoice trumps everything, because
that is what the salesperson must chase first. Amounts are untaxed and net of refunds
(红字发票), so a refunded order goes back to "to invoice" or stays "paid" as the money says."""
from collections import namedtuple

#: (code, English label) in the order a sales order goes through them
STATUSES = [
    ('quotation', 'Quotation'),
    ('to_deliver', 'To Deliver'),
    ('partly_delivered', 'Partly Delivered'),
    ('to_invoice', 'Delivered, To Invoice'),
    ('invoiced', 'Invoiced, Unpaid'),
    ('partly_paid', 'Partly Paid'),
    ('paid', 'Paid'),
    ('overdue', 'Payment Overdue'),
    ('cancel', 'Cancelled'),
]

#: one order's facts: state of sale.order, goods quantities, untaxed amounts net of refunds, and whether
#: nothing is left to invoice by quantity (Odoo's invoice_status: a credit note for a price allowance
#: leaves the quantities invoiced, so the order then waits for payment, not for another invoice)
TrackingFacts = namedtuple('TrackingFacts', 'state qty_goods qty_delivered amount invoiced paid '
                                            'has_overdue_invoice nothing_to_invoice')

_QTY_EPSILON = 1e-6
_MONEY_EPSILON = 0.005


def tracking_status(facts):
    if facts.state == 'cancel':
        return 'cancel'
    if facts.state not in ('sale', 'done'):
        return 'quotation'
    if facts.has_overdue_invoice:
        return 'overdue'
    if facts.qty_goods > _QTY_EPSILON and facts.qty_delivered < facts.qty_goods - _QTY_EPSILON:
        return 'to_deliver' if facts.qty_delivered <= _QTY_EPSILON else 'partly_delivered'
    invoicing_done = facts.nothing_to_invoice or (
        facts.invoiced >= facts.amount - _MONEY_EPSILON and facts.invoiced > _MONEY_EPSILON)
    if not invoicing_done:
        return 'to_invoice' if facts.paid <= _MONEY_EPSILON else 'partly_paid'
    if facts.paid <= _MONEY_EPSILON:
        return 'invoiced'
    if facts.paid < facts.invoiced - _MONEY_EPSILON:
        return 'partly_paid'
    return 'paid'


def percent(part, whole):
    """Share of `whole` in percent, 0 when there is nothing to share."""
    return 100.0 * part / whole if whole else 0.0


#: one invoice's share of one order: the untaxed amount of the order on it, and the invoice itself
InvoiceShare = namedtuple('InvoiceShare', 'order_id invoice_type state amount residual total date_due')


def money_by_order(shares, today):
    """{order_id: (invoiced, paid, has_overdue_invoice)}, untaxed and net of refunds.

    A credit note (out_refund) counts negative. What is paid of an invoice is its share times the
    paid fraction of the invoice (1 - residual / total), so an invoice settled by a credit note
    nets to what the customer actually paid. `today` and `date_due` are ISO date strings."""
    result = {}
    for share in shares:
        if share.state not in ('open', 'paid'):
            continue
        sign = -1.0 if share.invoice_type == 'out_refund' else 1.0
        paid_fraction = 1.0 - share.residual / share.total if share.total else 1.0
        if share.state == 'paid':
            paid_fraction = 1.0
        invoiced, paid, overdue = result.get(share.order_id, (0.0, 0.0, False))
        late = (share.invoice_type == 'out_invoice' and share.state == 'open' and bool(share.date_due)
                and share.date_due < today and share.residual > _MONEY_EPSILON)
        result[share.order_id] = (invoiced + sign * share.amount, paid + sign * share.amount * paid_fraction,
                                  overdue or late)
    # shares of a cent come from pro-rata splits: money is kept to the cent
    return {order: (round(invoiced, 2), round(paid, 2), overdue) for order, (invoiced, paid, overdue) in result.items()}


def refund_shares(origin_shares, refund_type, refund_state, refund_amount, refund_residual, refund_total,
                  refund_date_due):
    """A credit note not linked to order lines counts against the orders of the invoice it refunds,
    in proportion to their share of that invoice."""
    origin_total = sum(share.amount for share in origin_shares)
    return [InvoiceShare(share.order_id, refund_type, refund_state,
                         refund_amount * share.amount / origin_total if origin_total else 0.0,
                         refund_residual, refund_total, refund_date_due)
            for share in origin_shares]
