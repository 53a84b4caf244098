# -*- coding: utf-8 -*-
"""Laws and examples of the pure forecasting core (no database needed).

Property tests (hypothesis) over degenerate series: forecast_many never raises and
always returns one finite, ordered row per series and future period, in a fixed
order, the same on every run.  Example tests pin the metrics and the behaviour on
named degenerate cases."""
import ast
import os
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.addons.sales_mis_forecast.forecasting import (backtest_many, forecast_many, mape, mase,
                                                        run_forecast, smape)
from odoo.addons.sales_mis_forecast.forecasting.backtest import plan

COLUMNS = ['unique_id', 'ds', 'mean', 'lo_80', 'hi_80', 'lo_95', 'hi_95', 'model']
PACKAGE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'forecasting')
SETTINGS = settings(max_examples=40, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def long_frame(series, start='2022-01-01'):
    """Long frame of {uid: values}; None values become missing rows (a gap in the months)."""
    frames = []
    for uid, values in series.items():
        ds = pd.date_range(start, periods=len(values), freq='MS')
        frame = pd.DataFrame({'unique_id': uid, 'ds': ds, 'y': values})
        frames.append(frame[[v is not None for v in values]].astype({'y': float}))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=['unique_id', 'ds', 'y'])


# --- strategies: the degenerate shapes a sales history takes ------------------------------

values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def degenerate_series(draw):
    n = draw(st.integers(min_value=1, max_value=40))
    shape = draw(st.sampled_from(['zeros', 'constant', 'random', 'intermittent', 'refunds', 'seasonal']))
    if shape == 'zeros':
        y = [0.0] * n
    elif shape == 'constant':
        y = [draw(values)] * n
    elif shape == 'intermittent':
        y = [draw(st.sampled_from([0.0, 0.0, 0.0, draw(st.floats(1, 50))])) for _ in range(n)]
    elif shape == 'refunds':
        y = [draw(st.floats(-500, 1000)) for _ in range(n)]
    elif shape == 'seasonal':
        level, amplitude = draw(st.floats(10, 1e5)), draw(st.floats(0, 0.9))
        y = list(level * (1 + amplitude * np.sin(2 * np.pi * np.arange(n) / 12)))
    else:
        y = draw(st.lists(values, min_size=n, max_size=n))
    # NaN gaps and missing months (None = row left out), never the first point
    holes = draw(st.lists(st.tuples(st.integers(1, max(1, n - 1)), st.sampled_from([np.nan, None])), max_size=4))
    for position, hole in holes:
        if position < n:
            y[position] = hole
    return y


frames = st.dictionaries(st.sampled_from(['a', 'b', 'c', 'd']), degenerate_series(), min_size=1, max_size=3)


def check_forecast(fc, df, horizon):
    assert list(fc.columns) == COLUMNS
    uids = sorted(df['unique_id'].unique())
    assert len(fc) == len(uids) * horizon
    # series in sorted order, months ascending and consecutive after each series' last month
    assert list(fc['unique_id'].iloc[::horizon]) == uids
    for uid, group in fc.groupby('unique_id', sort=False):
        last = df.loc[df['unique_id'] == uid, 'ds'].max()
        expected = pd.date_range(last + pd.offsets.MonthBegin(1), periods=horizon, freq='MS')
        assert list(group['ds']) == list(expected)
        assert group['model'].nunique() == 1
    numbers = fc[COLUMNS[2:7]].to_numpy(dtype=float)
    assert np.isfinite(numbers).all()
    assert (fc['lo_95'] <= fc['lo_80']).all() and (fc['lo_80'] <= fc['mean']).all()
    assert (fc['mean'] <= fc['hi_80']).all() and (fc['hi_80'] <= fc['hi_95']).all()
    assert fc['model'].map(lambda m: isinstance(m, str) and len(m) > 0).all()


# --- laws ---------------------------------------------------------------------------------

@SETTINGS
@given(series=frames, horizon=st.integers(min_value=1, max_value=14))
def test_never_raises_shape_order_finite_intervals(series, horizon):
    df = long_frame(series)
    fc = forecast_many(df, horizon)
    check_forecast(fc, df, horizon)


@settings(max_examples=10, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(series=frames)
def test_deterministic(series):
    df = long_frame(series)
    first, second = run_forecast(df, 6), run_forecast(df.sample(frac=1.0, random_state=1), 6)
    pd.testing.assert_frame_equal(first.forecast, second.forecast)
    pd.testing.assert_frame_equal(first.backtest, second.backtest)


@SETTINGS
@given(series=frames)
def test_backtest_rows_and_one_chosen_model_per_series(series):
    df = long_frame(series)
    run = run_forecast(df, 6)
    bt = run.backtest
    assert list(bt.columns) == ['unique_id', 'model', 'mape', 'smape', 'mase', 'rmsse', 'points', 'chosen']
    assert set(bt['unique_id']) == set(df['unique_id'])
    chosen = bt[bt['chosen']]
    assert chosen['unique_id'].is_unique and len(chosen) == df['unique_id'].nunique()
    used = run.forecast.drop_duplicates('unique_id').set_index('unique_id')['model']
    assert (chosen.set_index('unique_id')['model'] == used.reindex(chosen['unique_id'])).all()
    for column in ('mape', 'smape', 'mase', 'rmsse'):
        assert not np.isinf(bt[column]).any()
    # the seasonal naive baseline is there for every series, in the forecast's layout
    assert list(run.baseline.columns) == COLUMNS and len(run.baseline) == len(run.forecast)
    assert (run.baseline['unique_id'].to_numpy() == run.forecast['unique_id'].to_numpy()).all()
    assert set(run.baseline['model']) <= {'SeasonalNaive', 'Naive'}
    assert np.isfinite(run.baseline[COLUMNS[2:7]].to_numpy(dtype=float)).all()


# --- examples: degenerate series by name --------------------------------------------------

def test_named_degenerate_series():
    rng = np.random.default_rng(3)
    df = long_frame({
        'zero': [0.0] * 30,
        'constant': [42.0] * 30,
        'one': [7.0],
        'three': [5.0, 8.0, 6.0],
        'intermittent': list(np.where(rng.random(36) < 0.7, 0.0, rng.integers(1, 9, 36).astype(float))),
        'refunds': list(rng.normal(100, 80, 36)),
        'gaps': [10.0, None, np.nan, 12.0, 11.0, None, 13.0, 12.0, 14.0, np.nan],
    })
    fc = forecast_many(df, 12)
    check_forecast(fc, df, 12)
    by_series = fc.groupby('unique_id')
    model = by_series['model'].first()
    assert model['zero'] == 'Zero' and (by_series.get_group('zero')[COLUMNS[2:7]] == 0).all().all()
    assert model['constant'] == 'Constant' and (by_series.get_group('constant')['mean'] == 42.0).all()
    assert model['one'] == 'Constant' and (by_series.get_group('one')['mean'] == 7.0).all()
    assert model['three'] == 'HistoricAverage' and np.allclose(by_series.get_group('three')['mean'], 19.0 / 3)
    assert re.search('Croston|TSB|ADIDA|IMAPA|HistoricAverage|Naive', model['intermittent'])
    # a history without negatives is never forecast below zero; one with refunds may be
    assert (fc.loc[fc['unique_id'] != 'refunds', COLUMNS[2:7]] >= 0).all().all()
    assert (by_series.get_group('refunds')['lo_95'] < 0).any()


def test_seasonal_series_uses_the_library_models_and_follows_the_season():
    t = np.arange(60)
    season = 100 + 40 * np.sin(2 * np.pi * t / 12)
    y = season + np.random.default_rng(0).normal(0, 2, t.size)
    df = long_frame({'s': list(y[:48])})
    run = run_forecast(df, 12)
    mean = run.forecast['mean'].to_numpy()
    assert np.mean(np.abs(mean - season[48:])) < 8  # the seasonal swing is +-40
    assert run.forecast['model'].iloc[0] not in ('Naive', 'HistoricAverage')
    theta = run.backtest[run.backtest['model'] == 'DynamicOptimizedTheta']
    assert len(theta) == 1 and np.isfinite(theta['mase']).all()


def test_other_levels_and_frequencies():
    df = long_frame({'q': [float(v) for v in range(1, 21)]})
    df['ds'] = pd.date_range('2019-01-01', periods=20, freq='QS')
    fc = forecast_many(df, 4, season_length=4, levels=(50, 99), freq='QS')
    assert list(fc.columns) == ['unique_id', 'ds', 'mean', 'lo_50', 'hi_50', 'lo_99', 'hi_99', 'model']
    assert list(fc['ds']) == list(pd.date_range('2024-01-01', periods=4, freq='QS'))
    assert (fc['lo_99'] <= fc['lo_50']).all() and (fc['hi_50'] <= fc['hi_99']).all()


def test_messy_input_duplicates_text_and_unknown_dates():
    df = pd.DataFrame({
        'unique_id': ['a', 'a', 'a', 'a', None, 'a'],
        'ds': ['2024-01-01', '2024-01-15', '2024-02-01', 'not a date', '2024-01-01', '2024-03-01'],
        'y': [1, 2, 'x', 5, 9, float('nan')],
    })
    fc = forecast_many(df, 3)
    # Jan = 1 + 2 (same month), Feb = text -> missing -> 0, Mar = NaN -> missing -> 0
    assert list(fc['ds']) == list(pd.date_range('2024-04-01', periods=3, freq='MS'))
    assert np.isfinite(fc[COLUMNS[2:7]].to_numpy(dtype=float)).all()


def test_figures_beyond_the_float_range_are_refused_not_zeroed():
    df = long_frame({'a': [1.0] * 12, 'big': [5.0] * 11 + [float('inf')]})
    with pytest.raises(ValueError, match=r"float range .* series 'big' \(row 24\)"):
        forecast_many(df, 3)


@pytest.mark.parametrize('magnitude', [1e-12, 1e15, 1e100, 1e155, 1e300])
def test_huge_and_tiny_series_forecast_like_their_unit_scale_twin(magnitude):
    # issue 14: from about 1e155 every model overflowed and the series silently got model Zero
    months = np.arange(36)
    base = 100 + 10 * np.sin(months / 12 * 2 * np.pi) + np.where(months % 5 == 0, 3.0, -2.0)
    unit = forecast_many(long_frame({'s': base}), 6)
    scaled = forecast_many(long_frame({'s': base * magnitude}), 6)
    assert list(scaled['model']) == list(unit['model']) and scaled['model'].iloc[0] != 'Zero'
    for column in COLUMNS[2:7]:
        np.testing.assert_allclose(scaled[column].to_numpy(dtype=float) / magnitude,
                                   unit[column].to_numpy(dtype=float), rtol=1e-3)


def test_ordinary_magnitudes_are_forecast_unscaled():
    from odoo.addons.sales_mis_forecast.forecasting.selection import working_scale
    assert working_scale(np.array([0.0, 3.5, 1e12])) == 1.0
    assert working_scale(np.zeros(5)) == 1.0
    scale = working_scale(np.array([1.0, 1e155]))
    assert scale != 1.0 and np.log2(scale) == int(np.log2(scale))  # a power of two: no digit changes
    assert 2 ** 20 <= 1e155 / scale < 2 ** 21
    # the smallest float: the scale stays a normal float (found by hypothesis: 2**-1094 is 0.0)
    assert working_scale(np.array([5e-324])) == 2.0 ** -1022
    fc = forecast_many(long_frame({'a': [5e-324]}), 6)
    assert np.isfinite(fc[COLUMNS[2:7]].to_numpy(dtype=float)).all()


def test_end_extends_series_that_stopped_selling():
    df = long_frame({'a': [5.0] * 24, 'b': [3.0] * 30})
    fc = forecast_many(df, 2, end='2024-12-01')
    assert set(fc['ds']) == {pd.Timestamp('2025-01-01'), pd.Timestamp('2025-02-01')}


def test_empty_frame_and_invalid_arguments():
    empty = forecast_many(pd.DataFrame(columns=['unique_id', 'ds', 'y']), 3)
    assert list(empty.columns) == COLUMNS and empty.empty
    df = long_frame({'a': [1.0, 2.0, 3.0]})
    for kwargs in ({'horizon': 0}, {'horizon': 2, 'levels': (80, 100)}, {'horizon': 2, 'season_length': 0}):
        with pytest.raises(ValueError):
            forecast_many(df, **kwargs)
    with pytest.raises(ValueError):
        forecast_many(df.drop(columns='y'), 3)


def test_processes_give_the_same_result():
    rng = np.random.default_rng(5)
    series = {'s%03d' % i: list(rng.gamma(2.0, 50.0, 16 + i % 20)) for i in range(120)}
    df = long_frame(series)
    one = forecast_many(df, 4, n_jobs=1)
    two = forecast_many(df, 4, n_jobs=2)
    pd.testing.assert_frame_equal(one, two)


def test_backtest_many_matches_the_run():
    t = np.arange(40)
    df = long_frame({'a': list(50 + 10 * np.sin(2 * np.pi * t / 12) + t), 'b': [0.0, 2.0] * 15})
    bt = backtest_many(df, 6)
    assert bt.groupby('unique_id')['chosen'].sum().tolist() == [1, 1]
    pd.testing.assert_frame_equal(bt, run_forecast(df, 6).backtest)


def test_backtest_origins():
    assert plan(36, 12, 12, 3) == ((24, 28, 32), 12)
    assert plan(120, 18, 12, 3) == ((66, 84, 102), 18)
    assert plan(30, 12, 12, 3) == ((24, 26, 28), 6)
    assert plan(5, 12, 12, 3).origins == (3, 4)
    assert plan(3, 12, 12, 3).origins == ()


def test_package_is_plain_python_with_relative_imports():
    """No odoo anywhere in the package, and its own modules only imported relatively."""
    for name in sorted(os.listdir(PACKAGE)):
        if not name.endswith('.py'):
            continue
        with open(os.path.join(PACKAGE, name)) as source:
            tree = ast.parse(source.read(), name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules = [node.module]
            else:
                continue
            for module in modules:
                assert module.split('.')[0] not in ('odoo', 'forecasting', 'sales_mis_forecast'), (name, module)


# --- metrics ------------------------------------------------------------------------------

def test_mape():
    assert mape([100, 200], [110, 180]) == pytest.approx(10.0)
    assert mape([0, 100], [5, 90]) == pytest.approx(10.0)  # zero actuals are left out
    assert np.isnan(mape([0, 0], [1, 2]))
    assert mape([100, np.nan], [110, 5]) == pytest.approx(10.0)


def test_smape():
    assert smape([100], [110]) == pytest.approx(200 * 10 / 210)
    assert smape([0, 0], [0, 0]) == 0.0
    assert smape([0], [5]) == pytest.approx(200.0)
    assert smape([-100], [100]) == pytest.approx(200.0)
    assert np.isnan(smape([], []))


def test_mase():
    # in-sample naive MAE of 1, 2, 3, 4, 5 is 1
    assert mase([6, 7], [6, 9], [1, 2, 3, 4, 5]) == pytest.approx(1.0)
    # seasonal scale: |y_t - y_{t-2}| of [1, 5, 3, 7, 5] is 2
    assert mase([9], [8], [1, 5, 3, 7, 5], season_length=2) == pytest.approx(0.5)
    # shorter than a season: falls back to the one-step scale
    assert mase([3], [1], [1, 2], season_length=12) == pytest.approx(2.0)
    assert np.isnan(mase([1], [2], [3, 3, 3]))
    with pytest.raises(ValueError):
        mase([1, 2], [1], [1, 2, 3])
