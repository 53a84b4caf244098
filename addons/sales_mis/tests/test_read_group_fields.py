# -*- coding: utf-8 -*-
"""Grouping by a field not listed among the fields read works over XML-RPC (Odoo 11 asserted
it, a traceback to the integrator; found by the fuzz test's read_group examples)."""
from odoo.tests.common import TransactionCase

from odoo.addons.sales_mis.lib.read_group_fields import with_groupby_fields


def test_missing_grouped_fields_are_added_once():
    assert with_groupby_fields(['amount'], 'team_id') == ['amount', 'team_id']
    assert with_groupby_fields(['amount'], ['user_id', 'team_id']) == ['amount', 'user_id']
    assert with_groupby_fields(['amount'], ['user_id', 'team_id'], lazy=False) == ['amount', 'user_id', 'team_id']
    assert with_groupby_fields(['amount', 'team_id'], ['team_id']) == ['amount', 'team_id']
    assert with_groupby_fields(['amount'], ['date:month']) == ['amount', 'date']
    assert with_groupby_fields([], ['team_id']) == []  # every stored field, grouped ones included


class TestReportsGroupByUnreadField(TransactionCase):

    def test_each_report_groups_by_a_field_it_was_not_asked_to_read(self):
        for model, measure in (('sales_mis.plan.completion', 'target_amount'),
                               ('sales_mis.sales.analysis', 'amount')):
            for lazy in (True, False):
                groups = self.env[model].read_group([], [measure], ['team_id', 'user_id'], lazy=lazy)
                self.assertIsInstance(groups, list, model)
