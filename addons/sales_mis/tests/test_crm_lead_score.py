# -*- coding: utf-8 -*-
"""Opportunity evaluation 销售机会评估: the rule score (the win probability is test_crm_win_model.py)."""
import pytest
from hypothesis import given, settings, strategies as st

from odoo.addons.sales_mis.crm_logic import lead_score

CRITERIA = [
    {'code': 'budget', 'weight': 2, 'kind': 'boolean'},
    {'code': 'authority', 'weight': 1, 'kind': 'choice',
     'values': {'decision_maker': 1.0, 'influencer': 0.5}},
    {'code': 'need', 'weight': 1, 'kind': 'boolean'},
    {'code': 'expected_revenue', 'weight': 4, 'kind': 'range', 'low': 0, 'high': 1000000},
    {'code': 'stage_age_days', 'weight': 2, 'kind': 'range', 'low': 0, 'high': 90,
     'higher_is_better': False},
]


def test_rule_score_example():
    lead = {'budget': True, 'authority': 'influencer', 'need': False,
            'expected_revenue': 250000, 'stage_age_days': 30}
    score, factors = lead_score.rule_score(lead, CRITERIA)
    # (2*1 + 1*0.5 + 0 + 4*0.25 + 2*(2/3)) / 10 * 100
    assert score == pytest.approx((2 + 0.5 + 1 + 4 / 3) * 10)
    assert [code for code, _points in factors] == [
        'budget', 'stage_age_days', 'expected_revenue', 'authority', 'need']
    assert dict(factors)['budget'] == pytest.approx(20.0)
    assert dict(factors)['need'] == 0.0
    assert sum(points for _code, points in factors) == pytest.approx(score)


def test_rule_score_bounds_and_missing_values():
    best = {'budget': 1, 'authority': 'decision_maker', 'need': 'yes',
            'expected_revenue': 5e6, 'stage_age_days': -3}
    assert lead_score.rule_score(best, CRITERIA)[0] == pytest.approx(100.0)
    # Missing values earn nothing, whichever way the range points.
    assert lead_score.rule_score({}, CRITERIA)[0] == 0.0
    assert lead_score.rule_score({'stage_age_days': None}, CRITERIA)[0] == 0.0
    assert lead_score.rule_score({'x': 1}, [])[0] == 0.0
    assert lead_score.rule_score({'x': 1}, [{'code': 'x', 'weight': 0, 'kind': 'boolean'}])[0] == 0.0


def test_rule_score_step_and_choice_default():
    step = [{'code': 'n', 'kind': 'range', 'low': 5, 'high': 5}]
    assert lead_score.rule_score({'n': 5}, step)[0] == 100.0
    assert lead_score.rule_score({'n': 4}, step)[0] == 0.0
    choice = [{'code': 'timing', 'kind': 'choice', 'values': {'q1': 1.0}, 'default': 0.2}]
    assert lead_score.rule_score({'timing': 'q3'}, choice)[0] == pytest.approx(20.0)


def test_rule_score_refuses_bad_criteria():
    with pytest.raises(ValueError):
        lead_score.rule_score({}, [{'code': 'x', 'kind': 'fuzzy'}])
    with pytest.raises(ValueError):
        lead_score.rule_score({}, [{'code': 'x', 'kind': 'boolean', 'weight': -1}])


@settings(max_examples=100, deadline=None, database=None)
@given(st.fixed_dictionaries({
    'budget': st.booleans(), 'authority': st.sampled_from(['decision_maker', 'influencer', None]),
    'need': st.booleans(), 'expected_revenue': st.one_of(st.none(), st.floats(-1e7, 1e7)),
    'stage_age_days': st.one_of(st.none(), st.integers(-10, 400))}))
def test_rule_score_property(lead):
    score, factors = lead_score.rule_score(lead, CRITERIA)
    assert 0.0 <= score <= 100.0
    assert sum(p for _c, p in factors) == pytest.approx(score)
    assert [p for _c, p in factors] == sorted((p for _c, p in factors), reverse=True)

