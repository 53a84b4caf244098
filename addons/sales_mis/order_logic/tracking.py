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

#: one order's facts: state of sale.order, goods quantities, untaxed amounts net of refunds
TrackingFacts = namedtuple('TrackingFacts', 'state qty_goods qty_delivered amount invoiced paid has_overdue_invoice')

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
    if facts.invoiced < facts.amount - _MONEY_EPSILON or facts.invoiced <= _MONEY_EPSILON:
        return 'to_invoice' if facts.paid <= _MONEY_EPSILON else 'partly_paid'
    if facts.paid <= _MONEY_EPSILON:
        return 'invoiced'
    if facts.paid < facts.invoiced - _MONEY_EPSILON:
        return 'partly_paid'
    return 'paid'


def percent(part, whole):
    """Share of `whole` in percent, 0 when there is nothing to share."""
    return 100.0 * part / whole if whole else 0.0
