# -*- coding: utf-8 -*-
"""SLA maths (service_logic/sla.py): pure Python, no database."""
import datetime
import unittest

from odoo.addons.sales_mis_service.service_logic import sla

T0 = datetime.datetime(2030, 3, 1, 9, 0, 0)
H = datetime.timedelta(hours=1)


class TestPolicyChoice(unittest.TestCase):
    policies = [sla.Policy(1, None, None, 8, 72), sla.Policy(2, None, '3', 2, 24),
                sla.Policy(3, 7, None, 4, 48), sla.Policy(4, 7, '3', 1, 8)]

    def test_most_specific_wins(self):
        self.assertEqual(sla.pick_policy(self.policies, 7, '3').id, 4)
        self.assertEqual(sla.pick_policy(self.policies, 7, '1').id, 3)
        self.assertEqual(sla.pick_policy(self.policies, 9, '3').id, 2)
        self.assertEqual(sla.pick_policy(self.policies, 9, '1').id, 1)

    def test_category_beats_priority(self):
        policies = [sla.Policy(2, None, '3', 2, 24), sla.Policy(3, 7, None, 4, 48)]
        self.assertEqual(sla.pick_policy(policies, 7, '3').id, 3)

    def test_none_applies(self):
        self.assertIsNone(sla.pick_policy([sla.Policy(3, 7, None, 4, 48)], 8, '1'))
        self.assertIsNone(sla.pick_policy([], 8, '1'))

    def test_tie_takes_lowest_id(self):
        policies = [sla.Policy(9, None, None, 1, 2), sla.Policy(5, None, None, 3, 4)]
        self.assertEqual(sla.pick_policy(policies, 1, '1').id, 5)


class TestDeadlines(unittest.TestCase):

    def test_hours_added(self):
        response, resolution = sla.deadlines(T0, sla.Policy(1, None, None, 4, 48))
        self.assertEqual(response, T0 + 4 * H)
        self.assertEqual(resolution, datetime.datetime(2030, 3, 3, 9, 0, 0))

    def test_fractions_and_month_end(self):
        response, resolution = sla.deadlines(datetime.datetime(2030, 2, 28, 23, 0), sla.Policy(1, None, None, 1.5, 25))
        self.assertEqual(response, datetime.datetime(2030, 3, 1, 0, 30))
        self.assertEqual(resolution, datetime.datetime(2030, 3, 2, 0, 0))

    def test_zero_means_no_deadline(self):
        self.assertEqual(sla.deadlines(T0, sla.Policy(1, None, None, 0, 24)), (None, T0 + 24 * H))
        self.assertEqual(sla.deadlines(T0, None), (None, None))

    def test_bad_policies(self):
        with self.assertRaises(ValueError):
            sla.deadlines(T0, sla.Policy(1, None, None, -1, 24))
        with self.assertRaises(ValueError):
            sla.deadlines(T0, sla.Policy(1, None, None, 10, 5))


class TestOutcomes(unittest.TestCase):

    def test_met(self):
        deadline = T0 + 4 * H
        self.assertTrue(sla.met(deadline, T0 + 4 * H, T0 + 10 * H))        # on the minute counts
        self.assertFalse(sla.met(deadline, T0 + 5 * H, T0 + 10 * H))       # late
        self.assertFalse(sla.met(deadline, None, T0 + 5 * H))              # open and past due
        self.assertIsNone(sla.met(deadline, None, T0 + 3 * H))             # open, still in time
        self.assertIsNone(sla.met(None, T0, T0))                           # no SLA

    def test_overdue(self):
        deadline = T0 + 4 * H
        self.assertTrue(sla.overdue(deadline, None, T0 + 5 * H))
        self.assertFalse(sla.overdue(deadline, None, T0 + 4 * H))
        self.assertFalse(sla.overdue(deadline, T0 + 6 * H, T0 + 7 * H))
        self.assertFalse(sla.overdue(None, None, T0 + 99 * H))

    def test_met_percent(self):
        self.assertEqual(sla.met_percent([True, False, None, True, True]), 75.0)
        self.assertIsNone(sla.met_percent([None, None]))

    def test_hours_between(self):
        self.assertEqual(sla.hours_between(T0, T0 + 90 * datetime.timedelta(minutes=1)), 1.5)
        self.assertEqual(sla.hours_between(T0, T0 - H), 0.0)
        self.assertIsNone(sla.hours_between(T0, None))


class TestRepeats(unittest.TestCase):

    def test_same_customer_and_product_within_window(self):
        day = datetime.timedelta(days=1)
        complaints = [(1, 'A', 'p', T0), (2, 'A', 'p', T0 + 10 * day), (3, 'A', 'q', T0 + 11 * day),
                      (4, 'B', 'p', T0 + 12 * day), (5, 'A', 'p', T0 + 45 * day), (6, 'A', 'p', T0 + 60 * day),
                      (7, 'A', None, T0 + 61 * day), (8, 'A', None, T0 + 62 * day)]
        # 5 is 35 days after 2: no; 6 is 15 days after 5: yes; no product: never
        self.assertEqual(sla.repeats(complaints, 30), {2, 6})

    def test_order_of_input_does_not_matter(self):
        complaints = [(2, 'A', 'p', T0 + H), (1, 'A', 'p', T0)]
        self.assertEqual(sla.repeats(complaints, 1), {2})
        self.assertEqual(sla.repeats(complaints, 0), set())
