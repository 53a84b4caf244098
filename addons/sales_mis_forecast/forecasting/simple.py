"""Closed-form benchmark models with normal prediction intervals, in plain numpy.

Naive (last value), SeasonalNaive (same period last season), Mean (historic average)
and Constant (a constant history repeated with zero-width intervals).  They are the
fallbacks for degenerate series and the seasonal-naive baseline computed beside every
chosen model.  They are written here rather than taken from the library because they
are a few array operations: statsforecast's own versions cost ~0.4 ms a call in
Python overhead, which at 10,000 series x 4 backtest origins would be ~15 s of the
speed budget for nothing.

Intervals follow the textbook (Hyndman & Athanasopoulos, FPP3 5.5) benchmark formulas:
sigma is the RMSE of the model's one-step in-sample residuals, widened with the step k
as sqrt(k) (naive), sqrt(floor((k - 1) / m) + 1) (seasonal naive) or sqrt(1 + 1/n)
(mean).  A history too short for residuals gets zero-width intervals: the point
forecast is all there is.
"""
import collections
from statistics import NormalDist

import numpy as np

__all__ = ['Forecast', 'z_values', 'naive', 'seasonal_naive', 'mean', 'constant', 'with_normal_intervals',
           'baseline']

Forecast = collections.namedtuple('Forecast', 'mean lo hi')
Forecast.__doc__ = """A forecast of h steps: mean (h,), lo and hi (len(levels), h), levels ascending."""


def z_values(levels):
    """Two-sided normal quantiles of each level in % (80 -> 1.2816)."""
    return np.array([NormalDist().inv_cdf(0.5 + level / 200.0) for level in levels])


def with_normal_intervals(point, sigma, levels):
    """`Forecast` of ``point`` with mean +- z * sigma (sigma per step, shape (h,))."""
    width = np.outer(z_values(levels), sigma)
    return Forecast(point, point - width, point + width)


def _rmse(residuals):
    residuals = residuals[np.isfinite(residuals)]
    return float(np.sqrt(np.mean(residuals ** 2))) if residuals.size else 0.0


def naive(y, h, levels):
    steps = np.arange(1, h + 1)
    sigma = _rmse(np.diff(y)) * np.sqrt(steps)
    return with_normal_intervals(np.full(h, y[-1], dtype=float), sigma, levels)


def seasonal_naive(y, h, levels, season_length):
    """None when the history is not longer than one season (no seasonal difference to learn from)."""
    m = season_length
    if m <= 1 or y.size <= m:
        return None
    steps = np.arange(h)
    point = y[y.size - m + steps % m].astype(float)
    sigma = _rmse(y[m:] - y[:-m]) * np.sqrt(steps // m + 1)
    return with_normal_intervals(point, sigma, levels)


def mean(y, h, levels):
    n = y.size
    sigma = float(np.std(y, ddof=1)) * np.sqrt(1.0 + 1.0 / n) if n > 1 else 0.0
    return with_normal_intervals(np.full(h, float(np.mean(y))), np.full(h, sigma), levels)


def constant(y, h, levels):
    """The last value, with zero-width intervals (for a history that never changed)."""
    return with_normal_intervals(np.full(h, float(y[-1])), np.zeros(h), levels)


def baseline(y, h, levels, season_length):
    """(name, `Forecast`) of the benchmark every forecast is compared with: the seasonal
    naive one, or the naive one for a history not longer than a season."""
    forecast = seasonal_naive(y, h, levels, season_length)
    if forecast is None:
        return 'Naive', naive(y, h, levels)
    return 'SeasonalNaive', forecast
