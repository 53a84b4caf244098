"""Rolling-origin backtest: where the origins fall, and how a candidate is scored there.

A candidate is fitted on the history up to an origin and forecasts the periods after
it; its errors over a few origins estimate how it will do on the real future.  The
origins follow one rule for every series length:

* the training part is at least two seasons (``2 * m``) when the series allows it,
  else half the series (at least 3 points);
* the backtest horizon is the forecast horizon, shortened when the series is too
  short to hold a full one after the minimum training part;
* ``windows`` origins ``step`` apart end the last window at the last observation
  when they fit, with ``step`` the horizon for long series (windows side by side) and
  shorter for short ones; when even that does not fit, the origins start at the
  minimum training length and the later windows are cut short by the end of the data
  (a 36-month series with horizon 12 is tested from months 24, 28 and 32 on 12, 8 and
  4 months).
"""
import collections

import numpy as np

from .metrics import mape, mase_scale, rmsse, smape

__all__ = ['Plan', 'plan', 'Score', 'score']

Plan = collections.namedtuple('Plan', 'origins horizon')
Plan.__doc__ = """origins: increasing int positions (train = y[:origin]); horizon: steps forecast at each."""

Score = collections.namedtuple('Score', 'mape smape mase rmsse mae points')


def plan(n, horizon, season_length, windows):
    """The backtest `Plan` of a series of ``n`` points; no origins when it is too short."""
    m = max(int(season_length), 1)
    min_train = 2 * m if n >= 2 * m + 2 else max(3, n // 2)
    h = min(int(horizon), n - min_train)
    if h < 1 or windows < 1:
        return Plan((), 0)
    step = max(1, min(h, (n - min_train) // windows))
    start = max(min_train, n - h - (windows - 1) * step)
    return Plan(tuple(o for o in (start + k * step for k in range(windows)) if o < n), h)


def score(y, the_plan, forecasts, season_length):
    """`Score` of the forecasts made at each origin of ``the_plan`` (a list of arrays).

    Errors of all origins are pooled.  The MASE/RMSSE scale is the one of the whole
    history, the same for every candidate of the series, so ranking candidates by MASE
    is ranking them by mean absolute error."""
    actual = np.concatenate([y[o:o + the_plan.horizon] for o in the_plan.origins])
    predicted = np.concatenate([np.asarray(f, dtype=float)[:min(the_plan.horizon, y.size - o)]
                                for o, f in zip(the_plan.origins, forecasts)])
    m = season_length
    errors = np.abs(actual - predicted)
    mae = float(np.mean(errors)) if np.isfinite(errors).all() else float('inf')
    scale = mase_scale(y, m)
    with np.errstate(over='ignore', divide='ignore', invalid='ignore'):
        scaled = mae / scale
    return Score(mape(actual, predicted), smape(actual, predicted),
                 float(scaled) if np.isfinite(scaled) else float('nan'),
                 rmsse(actual, predicted, y, 1), mae, actual.size)
