"""One series, start to end: backtest the candidates, choose, forecast, check.

`forecast_series` is the whole per-series pipeline, run in the worker processes:

1. the series' kind (`profile`) gives its candidates (`catalog`);
2. each candidate is backtested at the origins of `backtest.plan`; a candidate that
   fails or forecasts a non-finite value scores +inf;
3. ensembles are scored from their members' backtest forecasts (the fixed pairs of
   the catalog and the mean of the series' best ``TOP_K`` singles);
4. the option with the lowest error wins, a single model's error being multiplied by
   ``SINGLE_PENALTY`` (ensembles win near-ties, see `catalog`);
5. the winner forecasts the future; if that fails or is not finite, the next option
   does, down to the naive forecast, so a series always gets a finite forecast.

Intervals are put in order (lo_95 <= lo_80 <= mean <= hi_80 <= hi_95) and, for a
history without negative values, nothing is forecast below zero.

A series of very large or very small magnitude is divided by a power of two first and
its forecasts multiplied back (`working_scale`): the libraries' optimisers lose their
footing far from unit scale (at 1e100 the seasonal models fail, from about 1e155 every
model overflows), and a power of two changes no digit of the data.  Series within
[2**-20, 2**40] (about 1e-6 to 1.1e12) are forecast as they are, so ordinary sales
figures give exactly the forecasts they always gave.
"""
import collections

import numpy as np

from . import backtest, catalog, simple
from .candidates import Ensemble, Simple
from .profile import kind_of

__all__ = ['SeriesResult', 'forecast_series', 'tidy']

SeriesResult = collections.namedtuple('SeriesResult', 'kind model forecast baseline_model baseline scores')
SeriesResult.__doc__ = """model/forecast: the chosen option and its `Forecast` (None for a backtest only run);
baseline_model/baseline: seasonal naive (naive when not longer than a season);
scores: list of (option name, backtest.Score, chosen) for every option backtested."""


def tidy(forecast, non_negative):
    """``forecast`` with its intervals in order, floored at 0 when ``non_negative``."""
    mean, lo, hi = forecast
    if lo.size:
        # widest level last: running min/max across levels keeps the nesting
        lo = np.minimum.accumulate(np.minimum(lo, mean), axis=0)
        hi = np.maximum.accumulate(np.maximum(hi, mean), axis=0)
    if non_negative:
        mean, lo, hi = np.maximum(mean, 0.0), np.maximum(lo, 0.0), np.maximum(hi, 0.0)
    return simple.Forecast(mean, lo, hi)


def _finite(forecast, h):
    return (forecast is not None and forecast.mean.shape == (h,) and np.isfinite(forecast.mean).all()
            and np.isfinite(forecast.lo).all() and np.isfinite(forecast.hi).all())


def _backtest_means(candidate, y, plan, h):
    try:
        means = candidate.backtest(y, plan)
    except Exception:
        return None
    means = [np.asarray(mean, dtype=float)[:h] for mean in means]
    if len(means) != len(plan.origins) or any(mean.size < h or not np.isfinite(mean).all() for mean in means):
        return None
    return means


def _options(kind, singles, means):
    """Single candidates, then the ensembles of the catalog and of the best singles."""
    rank = catalog.RANK_BY[kind]
    by_name = {candidate.name: candidate for candidate in singles}
    groups = [tuple(by_name[name] for name in names)
              for names in catalog.FIXED_ENSEMBLES.get(kind, ()) if all(name in by_name for name in names)]
    scored = [c for c in singles if means[c.name][1] is not None]
    if len(scored) >= catalog.TOP_K:
        best = sorted(scored, key=lambda c: getattr(means[c.name][1], rank))[:catalog.TOP_K]
        # members in catalog order, so the same pair always has the same name
        groups.append(tuple(c for c in singles if c in best))
    options = [(candidate,) for candidate in singles]
    for group in groups:
        if group not in options:
            options.append(group)
    return options


#: magnitudes (max |y|) forecast as they are; outside, the series is brought to about 2**20
SAFE_MAGNITUDE = (2.0 ** -20, 2.0 ** 40)
_WORKING_EXPONENT = 20


def working_scale(y):
    """Power of two to divide ``y`` by before forecasting: 1.0 within `SAFE_MAGNITUDE`."""
    magnitude = float(np.max(np.abs(y))) if y.size else 0.0
    if magnitude == 0.0 or SAFE_MAGNITUDE[0] <= magnitude <= SAFE_MAGNITUDE[1]:
        return 1.0
    # a subnormal series (5e-324 is 2**-1074) would need a scale below the smallest normal float,
    # which is 0.0: stop at 2**-1022 (the series then forecasts at about 2**-52, still finite)
    return float(2.0 ** max(np.floor(np.log2(magnitude)) - _WORKING_EXPONENT, -1022))


def _scaled_back(forecast, scale):
    if forecast is None:
        return None
    # a forecast of a series near the float limit may not fit back: the largest float, not inf
    top = np.finfo(float).max
    return simple.Forecast(*(np.clip(part * scale, -top, top) for part in forecast))


def forecast_series(y, horizon, season_length, levels, windows, forecast=True):
    """`SeriesResult` of one series (float array without NaN, at least one point)."""
    scale = working_scale(y)
    if scale == 1.0:
        return _forecast_series(y, horizon, season_length, levels, windows, forecast)
    result = _forecast_series(y / scale, horizon, season_length, levels, windows, forecast)
    # backtest scores (MAPE, sMAPE, MASE, RMSSE) are scale-free: only the forecasts move back
    return result._replace(forecast=_scaled_back(result.forecast, scale),
                           baseline=_scaled_back(result.baseline, scale))


def _forecast_series(y, horizon, season_length, levels, windows, forecast):
    h, m = int(horizon), int(season_length)
    kind = kind_of(y, m)
    non_negative = bool(np.min(y) >= 0)
    singles = catalog.candidates_for(kind, y.size, m)
    rank = catalog.RANK_BY[kind]
    plan = backtest.plan(y.size, h, m, windows)

    means, scores, ranked = {}, [], []
    if plan.origins:
        for candidate in singles:
            member_means = _backtest_means(candidate, y, plan, plan.horizon)
            means[candidate.name] = (member_means, backtest.score(y, plan, member_means, m)
                                     if member_means is not None else None)
        for option in _options(kind, singles, means):
            parts = [means[c.name][0] for c in option]
            if any(part is None for part in parts):
                continue
            if len(option) == 1:
                name, score = option[0].name, means[option[0].name][1]
            else:
                name = Ensemble(option).name
                score = backtest.score(y, plan, Ensemble(option).combine_backtest(parts), m)
            error = getattr(score, rank)
            if not np.isfinite(error):
                error = score.mae  # undefined scale (e.g. constant history): raw error still ranks
            penalty = catalog.SINGLE_PENALTY if len(option) == 1 else 1.0
            ranked.append((error * penalty if np.isfinite(error) else np.inf, len(ranked), name, option))
            scores.append([name, score, False])
        ranked.sort(key=lambda item: item[:2])
    if not ranked:
        # too short to backtest: the mean of what there is (the last value if one point)
        fallback = [c for c in singles if c.name in ('Zero', 'Constant')] or \
            [Simple('HistoricAverage', simple.mean)]
        ranked = [(np.inf, 0, fallback[0].name, (fallback[0],))]

    baseline_model, baseline = simple.baseline(y, h, levels, m)
    baseline = tidy(baseline, non_negative)

    chosen_name, result = ranked[0][2], None
    if forecast:
        chosen_name, result = None, None
        for _, _, name, option in ranked:
            result = _final(option, y, h, levels)
            if _finite(result, h):
                chosen_name = name
                break
        if chosen_name is None:
            chosen_name, result = 'Naive', simple.naive(y, h, levels)
            if not _finite(result, h):
                chosen_name, result = 'Zero', simple.constant(np.zeros(1), h, levels)
        result = tidy(result, non_negative)
    for row in scores:
        row[2] = row[0] == chosen_name
    if not any(row[2] for row in scores):
        scores.append([chosen_name, None, True])  # chosen without a backtest (too short, or a fallback)
    return SeriesResult(kind, chosen_name, result, baseline_model, baseline, [tuple(row) for row in scores])


def _final(option, y, h, levels):
    try:
        forecasts = [candidate.forecast(y, h, levels) for candidate in option]
    except Exception:
        return None
    if len(forecasts) == 1:
        return forecasts[0]
    if not all(_finite(forecast, h) for forecast in forecasts):
        return None
    return Ensemble(option).combine(forecasts)
