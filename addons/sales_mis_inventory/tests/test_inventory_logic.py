# -*- coding: utf-8 -*-
"""The pure logic of 进销存: flows, the period roll-up and its identities, VINs."""
import datetime
import unittest

from ..inventory_logic.flows import FLOWS, flow_of, move_sides
from ..inventory_logic.ledger import identity_errors, month_range, next_month, roll_up
from ..inventory_logic.vin import check_digit, normalise, vin_problem, with_check_digit

D = datetime.date


def monthly(key, month, opening, **flows):
    row = {'key': key, 'month': month, 'opening_qty': opening, 'opening_value': opening * 10.0}
    for flow in FLOWS:
        row['%s_qty' % flow] = flows.get(flow, 0.0)
        row['%s_value' % flow] = flows.get(flow, 0.0) * 10.0
    net = sum(flows.get(f, 0.0) for f in FLOWS[:4]) - sum(flows.get(f, 0.0) for f in FLOWS[4:])
    row['closing_qty'], row['closing_value'] = opening + net, (opening + net) * 10.0
    return row


class TestFlows(unittest.TestCase):

    def test_each_usage_names_its_flow(self):
        self.assertEqual(flow_of('in', 'supplier'), 'purchase_in')
        self.assertEqual(flow_of('out', 'supplier'), 'purchase_return')
        self.assertEqual(flow_of('out', 'customer'), 'sale_out')
        self.assertEqual(flow_of('in', 'customer'), 'customer_return')
        self.assertEqual(flow_of('out', 'inventory'), 'adjustment_out')   # stock count loss, scrap
        self.assertEqual(flow_of('in', 'production'), 'adjustment_in')    # manufactured
        self.assertEqual(flow_of('out', 'transit'), 'transfer_out')
        self.assertEqual(flow_of('in', 'view'), 'adjustment_in')          # unexpected: still counted
        with self.assertRaises(ValueError):
            flow_of('sideways', 'supplier')

    def test_sides_of_a_move(self):
        self.assertEqual(move_sides('supplier', 'internal', None, 1), [('in', 'supplier')])
        self.assertEqual(move_sides('internal', 'customer', 1, None), [('out', 'customer')])
        self.assertEqual(move_sides('internal', 'internal', 1, 1), [])    # within a warehouse: no flow
        self.assertEqual(move_sides('internal', 'internal', 1, 2), [('out', 'internal'), ('in', 'internal')])
        self.assertEqual(move_sides('supplier', 'customer', None, None), [])   # dropship: not stock


class TestLedger(unittest.TestCase):

    def test_roll_up_takes_first_opening_summed_flows_last_closing(self):
        rows = [monthly('a', D(2030, 2, 1), 12.0, sale_out=5.0, customer_return=1.0),
                monthly('a', D(2030, 1, 1), 0.0, purchase_in=20.0, sale_out=8.0)]
        result = roll_up(rows)
        self.assertEqual((result['month_from'], result['month_to']), (D(2030, 1, 1), D(2030, 2, 1)))
        self.assertEqual(result['opening_qty'], 0.0)
        self.assertEqual(result['sale_out_qty'], 13.0)
        self.assertEqual(result['in_qty'], 21.0)
        self.assertEqual(result['closing_qty'], 8.0)
        self.assertEqual(result['closing_value'], 80.0)
        self.assertEqual(result['opening_qty'] + result['in_qty'] - result['out_qty'], result['closing_qty'])
        with self.assertRaises(ValueError):
            roll_up([])

    def test_identities_hold_and_breaks_are_found(self):
        good = [monthly('a', D(2030, 1, 1), 0.0, purchase_in=20.0), monthly('a', D(2030, 2, 1), 20.0, sale_out=3.0)]
        self.assertEqual(identity_errors(good), [])
        broken_chain = [good[0], monthly('a', D(2030, 2, 1), 19.0, sale_out=3.0)]
        self.assertEqual(len(identity_errors(broken_chain)), 2)           # quantity and value
        broken_row = [dict(good[0], closing_qty=21.0)]
        self.assertIn('closing 21.0', identity_errors(broken_row)[0])
        gap = [good[0], monthly('a', D(2030, 3, 1), 20.0)]
        self.assertIn('month after', identity_errors(gap)[0])

    def test_months(self):
        self.assertEqual(next_month(D(2030, 12, 15)), D(2031, 1, 1))
        self.assertEqual(month_range(D(2030, 11, 20), D(2031, 2, 3)),
                         [D(2030, 11, 1), D(2030, 12, 1), D(2031, 1, 1), D(2031, 2, 1)])
        self.assertEqual(month_range(D(2030, 3, 1), D(2030, 2, 1)), [])


class TestVin(unittest.TestCase):

    def test_valid_vins(self):
        self.assertIsNone(vin_problem('1M8GDM9AXKP042788'))          # the textbook example, check digit X
        self.assertIsNone(vin_problem(' lefyecg22khn00101 '))        # spaces and case do not matter
        self.assertEqual(normalise(' lefy ecg2 2khn00101'), 'LEFYECG22KHN00101')
        self.assertEqual(check_digit('LEFYECG2?KHN00101'), '2')
        self.assertEqual(with_check_digit('LEFYECG20KHN00101'), 'LEFYECG22KHN00101')

    def test_invalid_vins(self):
        self.assertEqual(vin_problem('LEFYECG22KHN0010'), ('length', 16))
        self.assertEqual(vin_problem('LEFYECG22KHN0O1I1'), ('characters', 'I O'))
        self.assertEqual(vin_problem('LEFYECG23KHN00101'), ('check', ('3', '2')))
        self.assertEqual(vin_problem(None), ('length', 0))
