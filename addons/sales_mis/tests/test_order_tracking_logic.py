# -*- coding: utf-8 -*-
"""Order tracking status and money net of refunds (pure)."""
from odoo.addons.sales_mis.order_logic import tracking as t


def status(state='sale', goods=10.0, delivered=0.0, amount=1000.0, invoiced=0.0, paid=0.0, overdue=False,
           nothing_to_invoice=False):
    return t.tracking_status(t.TrackingFacts(state, goods, delivered, amount, invoiced, paid, overdue,
                                             nothing_to_invoice))


def test_the_road_of_an_order():
    assert status(state='draft') == 'quotation'
    assert status(state='cancel') == 'cancel'
    assert status() == 'to_deliver'
    assert status(delivered=4.0) == 'partly_delivered'
    assert status(delivered=10.0) == 'to_invoice'
    assert status(goods=0.0) == 'to_invoice', 'services only: straight to invoicing'
    assert status(delivered=10.0, invoiced=1000.0) == 'invoiced'
    assert status(delivered=10.0, invoiced=1000.0, paid=400.0) == 'partly_paid'
    assert status(delivered=10.0, invoiced=1000.0, paid=1000.0) == 'paid'
    assert status(delivered=10.0, invoiced=1000.0, overdue=True) == 'overdue'
    assert status(delivered=10.0, invoiced=400.0, paid=400.0) == 'partly_paid', 'prepaid part, rest to invoice'
    # a price allowance credit note: quantities all invoiced, 700 of 1000 net, all of it paid
    assert status(delivered=10.0, invoiced=700.0, paid=700.0, nothing_to_invoice=True) == 'paid'
    assert status(delivered=10.0, invoiced=700.0, paid=0.0, nothing_to_invoice=False) == 'to_invoice'


def share(order, amount, kind='out_invoice', state='open', residual=None, total=None, due='2030-01-31'):
    total = amount if total is None else total
    return t.InvoiceShare(order, kind, state, amount, total if residual is None else residual, total, due)


def test_refunds_net_out_of_invoiced_and_paid():
    invoice = share(1, 1000.0, residual=0.0, state='paid')
    refund = share(1, 300.0, kind='out_refund', state='paid', residual=0.0)
    assert t.money_by_order([invoice, refund], '2030-06-01') == {1: (700.0, 700.0, False)}
    # the credit note is reconciled with the invoice, the rest is still due: nothing paid yet
    invoice = share(1, 1000.0, residual=700.0)
    assert t.money_by_order([invoice, refund], '2030-01-15') == {1: (700.0, 0.0, False)}
    assert t.money_by_order([invoice, refund], '2030-02-01') == {1: (700.0, 0.0, True)}
    assert t.money_by_order([share(1, 50.0, state='draft')], '2030-01-01') == {}


def test_a_refund_without_order_lines_follows_its_invoice_pro_rata():
    origin = [share(1, 600.0), share(2, 400.0)]
    shares = t.refund_shares(origin, 'out_refund', 'open', 100.0, 100.0, 100.0, False)
    assert [(s.order_id, s.amount) for s in shares] == [(1, 60.0), (2, 40.0)]
    money = t.money_by_order(origin + shares, '2029-01-01')
    assert money[1][0] == 540.0 and money[2][0] == 360.0
