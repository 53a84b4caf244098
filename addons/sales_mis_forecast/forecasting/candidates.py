"""The candidate models, behind one small interface.

Every candidate answers two questions about a series ``y`` (a float array):

``backtest(y, plan)``
    point forecasts of ``plan.horizon`` steps from each origin of the backtest `Plan`;
``forecast(y, h, levels)``
    the `Forecast` of the next ``h`` steps with intervals at ``levels``.

Library candidates (statsforecast) are fitted once at the first backtest origin and
moved to the later origins with the library's ``forward`` (the same parameters run
over the longer history).  That is the usual "no refit" rolling origin, out of sample
as the parameters never saw the test periods, and it costs one fit instead of one per
origin.  The final forecast is a fresh fit on the whole history.  (Reusing the
structure chosen at the first origin for the final fit, which would skip AutoETS'
search, was measured and rejected: MASE on M1 monthly went from 1.09 to 1.25.)

Croston-type models have no native intervals; theirs are normal intervals with the
RMSE of the history around the forecast rate, i.e. the spread of one period's demand.
"""
import numpy as np

from . import simple
from .simple import Forecast

__all__ = ['Candidate', 'Simple', 'Library', 'Intermittent', 'Ensemble']


class Candidate(object):
    """Base class: a named model."""
    name = None

    def backtest(self, y, plan):
        raise NotImplementedError

    def forecast(self, y, h, levels):
        raise NotImplementedError

    def __repr__(self):
        return '<%s %s>' % (type(self).__name__, self.name)


class Simple(Candidate):
    """One of the closed-form models of `simple` (naive, seasonal naive, mean)."""

    def __init__(self, name, function, **kwargs):
        self.name = name
        self.function = function
        self.kwargs = kwargs

    def backtest(self, y, plan):
        return [self.function(y[:o], plan.horizon, (), **self.kwargs).mean for o in plan.origins]

    def forecast(self, y, h, levels):
        return self.function(y, h, levels, **self.kwargs)


def _as_forecast(result, levels):
    mean = np.asarray(result['mean'], dtype=float)
    if not levels:
        empty = np.empty((0, mean.size))
        return Forecast(mean, empty, empty)
    lo = np.vstack([np.asarray(result['lo-%s' % _label(level)], dtype=float) for level in levels])
    hi = np.vstack([np.asarray(result['hi-%s' % _label(level)], dtype=float) for level in levels])
    return Forecast(mean, lo, hi)


def _label(level):
    """statsforecast's key for a level: 'lo-80', or 'lo-99.5'."""
    return int(level) if float(level).is_integer() else level


class Library(Candidate):
    """A statsforecast model made by ``factory()``."""

    def __init__(self, name, factory):
        self.name = name
        self.factory = factory

    def backtest(self, y, plan):
        model = self.factory().fit(y=y[:plan.origins[0]])
        means = [np.asarray(model.predict(h=plan.horizon)['mean'], dtype=float)]
        for origin in plan.origins[1:]:
            means.append(np.asarray(model.forward(y=y[:origin], h=plan.horizon)['mean'], dtype=float))
        return means

    def forecast(self, y, h, levels):
        # the library names its keys after the levels as given: 80 -> 'lo-80', 80.0 -> 'lo-80.0'
        levels = [_label(level) for level in levels]
        return _as_forecast(self.factory().forecast(y=y, h=h, level=levels or None), levels)


class Intermittent(Library):
    """A Croston-type statsforecast model (flat forecast of the demand rate).

    These fit in microseconds, so the backtest simply refits at every origin."""

    def backtest(self, y, plan):
        return [np.asarray(self.factory().forecast(y=y[:o], h=plan.horizon)['mean'], dtype=float)
                for o in plan.origins]

    def forecast(self, y, h, levels):
        mean = np.asarray(self.factory().forecast(y=y, h=h)['mean'], dtype=float)
        sigma = float(np.sqrt(np.mean((y - mean[0]) ** 2)))
        return simple.with_normal_intervals(mean, np.full(h, sigma), list(levels))


class Ensemble(Candidate):
    """The mean of its members' forecasts, intervals included (quantile averaging)."""

    def __init__(self, members):
        self.members = tuple(members)
        self.name = 'Ensemble(%s)' % ','.join(member.name for member in self.members)

    def combine_backtest(self, member_means):
        return [np.mean(means, axis=0) for means in zip(*member_means)]

    def combine(self, forecasts):
        return Forecast(*(np.mean(parts, axis=0) for parts in zip(*forecasts)))
