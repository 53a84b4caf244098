# -*- coding: utf-8 -*-
"""Automatic customer classes 客户分类: ordered rules and the Pareto ABC."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from odoo.addons.sales_mis.crm_logic import customer_class

RULES = [
    {'class': 'A', 'conditions': [{'field': 'revenue', 'op': '>=', 'value': 1000000},
                                  {'field': 'overdue_days', 'op': '<=', 'value': 30}]},
    {'class': 'B', 'conditions': [{'field': 'revenue', 'op': '>=', 'value': 200000}]},
    {'class': 'B', 'conditions': [{'field': 'order_count', 'op': '>', 'value': 10},
                                  {'field': 'margin_pct', 'op': '>', 'value': 0.25}]},
    {'class': 'D', 'conditions': [{'field': 'overdue_days', 'op': '>', 'value': 90}]},
]


def customers():
    return pd.DataFrame({
        'revenue': [2e6, 2e6, 5e5, 5e4, 5e4, 1e4, 3e6],
        'order_count': [40, 40, 5, 12, 12, 1, 50],
        'margin_pct': [0.2, 0.2, 0.1, 0.3, 0.1, 0.05, 0.3],
        'overdue_days': [10, 60, 0, 0, 120, 0, np.nan],
    }, index=[11, 12, 13, 14, 15, 16, 17])


def test_classify_first_matching_rule_wins():
    result = customer_class.classify(customers(), RULES)
    assert result.tolist() == ['A', 'B', 'B', 'B', 'D', 'C', 'B']
    assert result.index.tolist() == [11, 12, 13, 14, 15, 16, 17]


def test_missing_values_never_satisfy_a_condition():
    frame = customers()
    rules = [{'class': 'X', 'conditions': [{'field': 'overdue_days', 'op': '!=', 'value': 5}]}]
    assert customer_class.classify(frame, rules).loc[17] == 'C'   # NaN != 5 is not "true"
    assert (customer_class.classify(frame, rules).drop(17) == 'X').all()


def test_rule_without_conditions_is_a_default_and_other_ops():
    frame = customers().assign(region=['华东', '华南', '华东', '华北', '华东', '西南', '华南'])
    rules = [{'class': 'East', 'conditions': [{'field': 'region', 'value': '华东'}]},
             {'class': 'South', 'conditions': [{'field': 'region', 'op': 'in', 'value': ['华南']}]},
             {'class': 'Other', 'conditions': []}]
    assert customer_class.classify(frame, rules, default='?').tolist() == \
        ['East', 'South', 'East', 'Other', 'East', 'Other', 'South']
    assert customer_class.classify(frame.iloc[:0], rules).tolist() == []


def test_classify_refuses_unknown_field_and_operator():
    with pytest.raises(KeyError):
        customer_class.classify(customers(), [{'class': 'A', 'conditions': [
            {'field': 'nope', 'op': '>', 'value': 1}]}])
    with pytest.raises(ValueError):
        customer_class.classify(customers(), [{'class': 'A', 'conditions': [
            {'field': 'revenue', 'op': '=>', 'value': 1}]}])


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.tuples(st.floats(0, 1e6), st.integers(0, 50)), max_size=30),
       st.floats(0, 1e6), st.integers(0, 50))
def test_classify_matches_row_by_row(rows, revenue_limit, count_limit):
    frame = pd.DataFrame(rows, columns=['revenue', 'order_count'])
    rules = [{'class': 'A', 'conditions': [{'field': 'revenue', 'op': '>=', 'value': revenue_limit},
                                           {'field': 'order_count', 'op': '>', 'value': count_limit}]},
             {'class': 'B', 'conditions': [{'field': 'revenue', 'op': '>=', 'value': revenue_limit}]}]
    expected = ['A' if r >= revenue_limit and c > count_limit else 'B' if r >= revenue_limit else 'C'
                for r, c in rows]
    assert customer_class.classify(frame, rules).tolist() == expected


def test_abc_by_share_example():
    revenue = pd.Series({'a': 500.0, 'b': 300.0, 'c': 100.0, 'd': 60.0, 'e': 40.0, 'f': 0.0, 'g': -5.0})
    # shares before: a 0, b .5, c .8, d .9, e .96
    assert customer_class.abc_by_share(revenue).to_dict() == {
        'a': 'A', 'b': 'A', 'c': 'B', 'd': 'B', 'e': 'C', 'f': 'C', 'g': 'C'}


def test_abc_one_giant_customer_is_a_and_ties_share_a_class():
    assert customer_class.abc_by_share(pd.Series([90.0, 5.0, 5.0])).tolist() == ['A', 'B', 'B']
    # 4 equal customers: the 80% line falls inside the tie, all stay A.
    assert customer_class.abc_by_share(pd.Series([25.0] * 4)).tolist() == ['A'] * 4
    assert customer_class.abc_by_share(pd.Series([0.0, np.nan])).tolist() == ['C', 'C']
    assert customer_class.abc_by_share(pd.Series([], dtype=float)).tolist() == []


@settings(max_examples=80, deadline=None, database=None)
@given(st.lists(st.integers(-10, 1000), max_size=40))
def test_abc_is_monotonic_in_revenue(values):
    revenue = pd.Series(values, dtype=float)
    classes = customer_class.abc_by_share(revenue)
    order = {'A': 0, 'B': 1, 'C': 2}
    for i in range(len(values)):
        for j in range(len(values)):
            if values[i] >= values[j]:
                assert order[classes[i]] <= order[classes[j]]
    positive = revenue.clip(lower=0)
    if positive.sum() > 0:
        a_revenue = positive[classes == 'A'].sum()
        assert a_revenue >= 0.8 * positive.sum() - 1e-9   # A covers at least 80%
