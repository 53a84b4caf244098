# -*- coding: utf-8 -*-
"""How a done stock move counts in the 进销存 summary of a warehouse.

A move is seen from each internal end it has: leaving an internal location of warehouse A it is
an *out* of A, arriving in an internal location of warehouse B an *in* of B (a move between two
locations of the same warehouse is neither). The other end's location usage names the flow:

    in from  supplier             purchased in          out to supplier             purchase return
    in from  customer             customer return       out to customer             sold out
    in from  inventory/production adjustment in         out to inventory/production adjustment out
    in from  internal/transit     transfer in           out to internal/transit     transfer out

(inventory covers inventory adjustments and scrap locations; production covers manufacturing).
A supplier-to-customer move (dropship) has no internal end and is not stock.

closing = opening + total in - total out, total in = purchased in + customer returns + adjustment in
+ transfer in, total out = purchase returns + sold out + adjustment out + transfer out."""

IN_FLOWS = ('purchase_in', 'customer_return', 'adjustment_in', 'transfer_in')
OUT_FLOWS = ('purchase_return', 'sale_out', 'adjustment_out', 'transfer_out')
FLOWS = IN_FLOWS + OUT_FLOWS

#: (side, usage of the other end) -> flow
_BY_USAGE = {
    ('in', 'supplier'): 'purchase_in', ('out', 'supplier'): 'purchase_return',
    ('in', 'customer'): 'customer_return', ('out', 'customer'): 'sale_out',
    ('in', 'inventory'): 'adjustment_in', ('out', 'inventory'): 'adjustment_out',
    ('in', 'production'): 'adjustment_in', ('out', 'production'): 'adjustment_out',
    ('in', 'internal'): 'transfer_in', ('out', 'internal'): 'transfer_out',
    ('in', 'transit'): 'transfer_in', ('out', 'transit'): 'transfer_out',
}
#: what an unexpected usage (a 'view' location, a new usage) counts as: the stock still changed
_FALLBACK = {'in': 'adjustment_in', 'out': 'adjustment_out'}


def flow_of(side, other_usage):
    """The flow of a move seen from its internal end `side` ('in' or 'out') whose other end has
    location usage `other_usage`."""
    if side not in _FALLBACK:
        raise ValueError('side must be "in" or "out", not %r' % (side,))
    return _BY_USAGE.get((side, other_usage), _FALLBACK[side])


def move_sides(src_usage, dst_usage, src_warehouse, dst_warehouse):
    """[(side, other usage)] a move counts as: an out of its source warehouse and/or an in of its
    destination warehouse (internal ends only; none within one warehouse)."""
    if src_usage == 'internal' and dst_usage == 'internal' and src_warehouse == dst_warehouse:
        return []
    sides = []
    if src_usage == 'internal':
        sides.append(('out', dst_usage))
    if dst_usage == 'internal':
        sides.append(('in', src_usage))
    return sides


def flow_sql(side, other_usage):
    """The same classification as a SQL CASE over the SQL expressions `side` and `other_usage`
    (built from the table above, so SQL and Python cannot disagree)."""
    whens = ' '.join("WHEN %s = '%s' AND %s = '%s' THEN '%s'" % (side, s, other_usage, u, flow)
                     for (s, u), flow in sorted(_BY_USAGE.items()))
    return "CASE %s WHEN %s = 'in' THEN '%s' ELSE '%s' END" % (whens, side, _FALLBACK['in'], _FALLBACK['out'])
