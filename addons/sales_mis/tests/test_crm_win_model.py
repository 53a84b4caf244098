# -*- coding: utf-8 -*-
"""Win probability 赢单概率: the learned model finds a planted signal and explains it."""
import json

import numpy as np
import pandas as pd
import pytest

from odoo.addons.sales_mis.crm_logic import win_model

CATEGORICAL = ['team', 'source']
NUMERIC = ['activities', 'age_days', 'noise']


def synthetic(n=3000, seed=7):
    """Team 'A' and many activities win, old deals lose; source and noise mean nothing."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({
        'team': rng.choice(['A', 'B', 'C'], n),
        'source': rng.choice(['web', 'fair', None], n),
        'activities': rng.poisson(4, n).astype(float),
        'age_days': rng.integers(1, 200, n).astype(float),
        'noise': rng.normal(0, 1, n),
    })
    logit = -0.5 + 1.2 * (frame['team'] == 'A') + 0.35 * (frame['activities'] - 4) \
        - 0.015 * (frame['age_days'] - 100)
    frame['won'] = rng.random(n) < 1 / (1 + np.exp(-logit))
    return frame


def test_finds_the_planted_signal():
    frame = synthetic()
    model = win_model.fit(frame, CATEGORICAL, NUMERIC)
    assert model['kind'] == win_model.LOGISTIC
    team = model['coef']['team']
    assert team['A'] > team['B'] + 0.8 and team['A'] > team['C'] + 0.8
    assert abs(team['B'] - team['C']) < 0.3
    assert model['coef']['activities'] > 0.4      # standardised: 0.35 * sd 2
    assert model['coef']['age_days'] < -0.4
    assert abs(model['coef']['noise']) < 0.15
    assert max(model['coef']['source'].values()) - min(model['coef']['source'].values()) < 0.3
    assert model['metrics']['auc'] > 0.7
    json.loads(json.dumps(model))  # storable as JSON


def test_prediction_is_calibrated_and_explained_after_a_json_round_trip():
    train, test = synthetic(seed=7), synthetic(n=2000, seed=8)
    model = json.loads(json.dumps(win_model.fit(train, CATEGORICAL, NUMERIC)))
    prediction = win_model.predict(model, test)
    assert prediction.index.equals(test.index)
    assert prediction['probability'].between(0, 1).all()
    metrics = win_model.evaluate(test['won'], prediction['probability'])
    assert metrics['auc'] > 0.7 and metrics['ece'] < 0.06
    assert abs(prediction['probability'].mean() - test['won'].mean()) < 0.03
    strong = pd.DataFrame({'team': ['A'], 'source': ['web'], 'activities': [14.0],
                           'age_days': [100.0], 'noise': [0.0]})
    factors = win_model.predict(model, strong)['factors'].iloc[0]
    assert [f for f, _v, _c in factors[:2]] == ['activities', 'team']
    assert factors[0][1] == 14.0 and factors[0][2] > 0 and factors[1][1] == 'A'
    old = strong.assign(activities=4.0, team='B', age_days=400.0)
    factor = win_model.predict(model, old)['factors'].iloc[0][0]
    assert factor[0] == 'age_days' and factor[2] < 0


def test_factors_add_up_to_the_logit():
    model = win_model.fit(synthetic(), CATEGORICAL, NUMERIC)
    rows = synthetic(n=5, seed=1)
    full = win_model.predict(model, rows, top=10)
    for probability, factors in zip(full['probability'], full['factors']):
        logit = model['intercept'] + sum(model['offsets'].values()) + sum(c for _f, _v, c in factors)
        assert probability == pytest.approx(1 / (1 + np.exp(-logit)))


def test_unknown_rare_and_missing_levels():
    frame = synthetic()
    frame.loc[:4, 'team'] = 'Z'                     # rare: pooled into OTHER
    model = win_model.fit(frame, CATEGORICAL, NUMERIC)
    assert win_model.OTHER in model['levels']['team'] and 'Z' not in model['levels']['team']
    assert win_model.NONE in model['levels']['source']
    new = pd.DataFrame({'team': ['never seen', None], 'source': [None, 'web'],
                        'activities': [None, 3.0], 'age_days': [50.0, None], 'noise': [0.0, 0.0]})
    assert win_model.predict(model, new)['probability'].notna().all()


def test_deterministic():
    frame = synthetic()
    assert win_model.fit(frame, CATEGORICAL, NUMERIC) == win_model.fit(frame, CATEGORICAL, NUMERIC)


@pytest.mark.parametrize('won, reason', [
    ([], 'no closed'),
    ([True] * 200, 'at least 5 of each'),          # only wins
    ([False] * 200, 'at least 5 of each'),         # only losses
    ([True, False] * 10, 'only 20 closed'),
])
def test_not_enough_history(won, reason):
    frame = pd.DataFrame({'team': ['A'] * len(won), 'source': [None] * len(won),
                          'activities': np.arange(len(won), dtype=float),
                          'age_days': np.ones(len(won)), 'noise': np.zeros(len(won)), 'won': won})
    model = win_model.fit(frame, CATEGORICAL, NUMERIC)
    assert model['kind'] == win_model.NOT_ENOUGH_HISTORY and reason in model['reason']
    json.dumps(model)
    prediction = win_model.predict(model, frame.head(3))
    assert prediction['probability'].isna().all() and prediction['factors'].tolist() == [[]] * len(frame.head(3))


def test_constant_feature_does_not_crash():
    frame = synthetic().assign(noise=1.0)
    model = win_model.fit(frame, CATEGORICAL, NUMERIC)
    assert model['coef']['noise'] == pytest.approx(0.0, abs=1e-6)


def test_missing_column_is_refused():
    with pytest.raises(ValueError, match='missing column'):
        win_model.fit(pd.DataFrame({'won': [True]}), ['team'], [])


def test_reliability_table_and_metrics():
    y = np.array([0, 0, 1, 1] * 25)
    p = np.array([0.1, 0.2, 0.8, 0.9] * 25)
    table = win_model.reliability(y, p, bins=4)
    assert table['n'].sum() == 100
    assert table['observed'].tolist() == [0.0, 0.0, 1.0, 1.0]
    metrics = win_model.evaluate(y, p)
    assert metrics['auc'] == 1.0 and metrics['brier'] == pytest.approx(0.025)
    assert win_model.auc([1, 1], [0.2, 0.3]) is None


def test_revenue_band_and_effect():
    bands = win_model.revenue_band([None, 0, 5000, 10000, 60000, 2e6])
    assert bands.tolist() == [None, None, '0-10k', '10k-50k', '50k-200k', '1M+']
    assert win_model.effect(0.5, 0.0) == 0.0
    assert win_model.effect(0.6, 1.0) > 0 > win_model.effect(0.6, -1.0)
    assert 0 < win_model.effect(1.0, 2.0) <= 100.0


def test_log_features():
    frame = synthetic().assign(orders=lambda f: np.exp(f['activities']) - 1)
    model = win_model.fit(frame, CATEGORICAL, NUMERIC + ['orders'], log=['orders'])
    assert model['log'] == ['orders']
    assert model['means']['orders'] == pytest.approx(np.log1p(frame['orders']).mean())
    factors = win_model.predict(model, frame.head(1), top=10)['factors'].iloc[0]
    assert dict((f, v) for f, v, _c in factors).get('orders') in (None, frame['orders'].iloc[0])


def test_id_levels_do_not_depend_on_gaps_in_the_column():
    """An id column with a missing value is read as floats (7.0): the levels must still be
    the ids ('7'), as in a one-lead frame without gaps, or that lead falls into OTHER."""
    frame = synthetic()
    frame['source_id'] = np.where(frame['team'] == 'A', 7.0, np.where(frame['team'] == 'B', 8.0, np.nan))
    model = json.loads(json.dumps(win_model.fit(frame, ['source_id'], [])))
    assert model['levels']['source_id'] == ['7', '8', win_model.NONE]
    one = win_model.predict(model, pd.DataFrame({'source_id': [7]}))         # int64 column
    gappy = win_model.predict(model, pd.DataFrame({'source_id': [7.0, np.nan]}))
    assert one['probability'].iloc[0] == pytest.approx(gappy['probability'].iloc[0])
    assert one['factors'].iloc[0][0][0] == 'source_id'
