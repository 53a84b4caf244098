# -*- coding: utf-8 -*-
"""Opportunity evaluation 销售机会评估: rule scores and the learned win probability."""
import json

import numpy as np
import pandas as pd
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


def synthetic(n=600, seed=3):
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({
        'expected_revenue': rng.lognormal(11, 1, n),
        'stage_age_days': rng.integers(0, 120, n).astype(float),
        'visits': rng.poisson(3, n).astype(float),
        'noise': rng.normal(0, 1, n),
    })
    logit = 0.6 * frame['visits'] - 0.04 * frame['stage_age_days'] + 0.2
    frame['won'] = rng.random(n) < 1 / (1 + np.exp(-logit))
    return frame


FEATURES = ['expected_revenue', 'stage_age_days', 'visits', 'noise']


def test_win_model_recovers_planted_effects():
    frame = synthetic()
    model = lead_score.fit_win_model(frame, FEATURES)
    assert model['kind'] == 'logistic' and model['converged']
    assert model['coef']['visits'] > 0.5
    assert model['coef']['stage_age_days'] < -0.5
    assert abs(model['coef']['noise']) < 0.3
    assert model['metrics']['auc'] > 0.75
    json.dumps(model)  # storable as is


def test_win_model_is_deterministic_and_predictions_are_probabilities():
    frame = synthetic()
    first = lead_score.fit_win_model(frame, FEATURES, l2=2.0)
    assert lead_score.fit_win_model(frame.sample(frac=1.0, random_state=1), FEATURES, l2=2.0)['coef'] \
        == pytest.approx(first['coef'], rel=1e-6)
    assert lead_score.fit_win_model(frame, FEATURES, l2=2.0) == first
    prediction = lead_score.predict_win(first, frame.head(50))
    assert list(prediction.columns) == ['probability', 'top_factors']
    assert prediction.index.equals(frame.head(50).index)
    assert prediction['probability'].between(0, 1).all()
    row = prediction['top_factors'].iloc[0]
    assert 1 <= len(row) <= 3
    assert [abs(c) for _f, c in row] == sorted((abs(c) for _f, c in row), reverse=True)


def test_top_factors_carry_the_sign():
    model = lead_score.fit_win_model(synthetic(), FEATURES)
    lead = pd.DataFrame({'expected_revenue': [None], 'stage_age_days': [model['means']['stage_age_days']],
                         'visits': [12.0], 'noise': [None]})
    factors = lead_score.predict_win(model, lead)['top_factors'].iloc[0]
    assert factors[0][0] == 'visits' and factors[0][1] > 0
    assert all(feature not in ('expected_revenue', 'noise') for feature, _c in factors)  # mean: 0
    old = lead.assign(visits=model['means']['visits'], stage_age_days=200.0)
    factor = lead_score.predict_win(model, old)['top_factors'].iloc[0][0]
    assert factor[0] == 'stage_age_days' and factor[1] < 0


def test_stronger_penalty_shrinks_coefficients():
    frame = synthetic()
    loose = lead_score.fit_win_model(frame, FEATURES, l2=0.01)
    tight = lead_score.fit_win_model(frame, FEATURES, l2=1000.0)
    assert abs(tight['coef']['visits']) < abs(loose['coef']['visits'])


@pytest.mark.parametrize('won, expected', [
    ([True] * 30, 31 / 32),          # one class only
    ([True, False] * 5, 0.5),        # too few rows
    ([], 0.5),                       # no data at all
])
def test_base_rate_model(won, expected):
    frame = pd.DataFrame({'visits': np.arange(len(won), dtype=float), 'won': won})
    model = lead_score.fit_win_model(frame, ['visits'])
    assert model['kind'] == 'base_rate' and model['coef'] == {'visits': 0.0}
    prediction = lead_score.predict_win(model, pd.DataFrame({'visits': [1.0, 50.0]}))
    assert prediction['probability'].tolist() == pytest.approx([expected, expected])
    assert prediction['top_factors'].tolist() == [[], []]


def test_separable_data_stays_finite():
    frame = pd.DataFrame({'x': np.arange(40, dtype=float), 'won': np.arange(40) >= 20})
    model = lead_score.fit_win_model(frame, ['x'], l2=1e-6)
    assert np.isfinite(model['coef']['x']) and model['coef']['x'] > 0
    assert model['metrics']['auc'] == 1.0


@settings(max_examples=80, deadline=None, database=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 5)), min_size=1, max_size=25))
def test_auc_matches_pairwise_definition(rows):
    y = [r[0] for r in rows]
    s = [r[1] for r in rows]
    pos = [b for a, b in rows if a]
    neg = [b for a, b in rows if not a]
    expected = None
    if pos and neg:
        expected = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / (len(pos) * len(neg))
    result = lead_score.auc(y, s)
    assert result == (None if expected is None else pytest.approx(expected))
