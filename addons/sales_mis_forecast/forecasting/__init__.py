"""Sales forecasting core of Sales MIS (features G1/G2): plain Python, no Odoo.

    from forecasting import forecast_many, backtest_many, run_forecast, mape, smape, mase
    fc = forecast_many(df, horizon=12)      # df: unique_id, ds (period starts), y

See `engine.run_forecast` for the options (levels, backtest windows, freq, fill,
end, n_jobs).  The modules, one concept each: `panel` (long frame -> regular series),
`profile` (kind of series), `catalog` (candidates per kind), `candidates` (model
wrappers), `simple` (naive-family models), `backtest` (rolling origins and scores),
`selection` (one series end to end), `metrics`, `engine` (many series, processes, frames).

How a series is forecast
------------------------
Degenerate series never raise: all zeros -> ``Zero``; constant -> ``Constant``;
intermittent (>= ~1/4 zero periods) -> Croston-type models (CrostonSBA, TSB, ADIDA,
IMAPA) against mean/naive; short (< 2 seasons + 2) -> DOTM and non-seasonal AutoETS
against naive/mean; a single point -> ``Constant``, 2-3 points -> ``HistoricAverage``.  Missing periods and NaN are filled
(zero by default), negatives (refunds) are kept.  Regular series choose among
DynamicOptimizedTheta, MSTL (STL decomposition + DOTM on the adjusted series),
SeasonalNaive, Naive and the ensembles DOTM+MSTL and "mean of the two best" by a
3-origin rolling backtest; a single model must beat the ensembles by 10 % to be chosen.
``model`` names the winner, e.g. ``Ensemble(DynamicOptimizedTheta,MSTL)``.
The seasonal naive baseline is always computed too (`run_forecast(...).baseline`).

Library choice: statsforecast 2.1.1, not statsmodels
----------------------------------------------------
Measured on this machine (2 cores), 36-point monthly series, h=12, per series, one core:

=========================  =================  ===================================
model                      statsforecast      statsmodels 0.15
=========================  =================  ===================================
automatic ETS              30 ms (AutoETS)    855 ms (15 ETSModel fits by AICc)
one ETS structure          2.7-7 ms           120 ms (ETSModel AAdA + intervals)
Theta                      1.4 ms (DOTM)      16 ms (ThetaModel, not optimised)
automatic ARIMA            180 ms             none (one SARIMAX order: 87 ms)
=========================  =================  ===================================

statsmodels has no automatic ETS or ARIMA and is 10-30x slower per fit; its
equivalent of our selection on 10,000 series would take hours, against the goal of
120 s.  statsforecast 2.1 no longer uses numba (its models are C++ in ``_lib``): its
first call costs 0.03 s and importing it 1.2 s.  2.0.3, which still used numba, paid
JIT compilation in every fresh process: 0.35 s for the first Croston call, 4.5 s for
TBATS and 18.8 s for AutoCES.

Within statsforecast the candidate set was chosen on the M1 and Tourism monthly data
under the speed budget: AutoETS (30 ms a fit, ~55 ms per series with its backtest)
alone would take ~275 s for 10,000 series on 2 cores; AutoARIMA (180 ms) far more.
MSTL with a DOTM trend was the most accurate cheap single model (MASE 1.02 on M1
against AutoETS' 1.09) and pairs well with DOTM.  Per-series selection of one model
was worse than combining (M1, AutoETS/DOTM/SeasonalNaive/Naive: MASE 1.12 selected
against 1.06 for the fixed mean of AutoETS and DOTM), which is why ensembles are
preferred unless a single model clearly wins the backtest.

Measured result (tests/bench/forecast_accuracy.py and forecast_speed.py, 2 cores):

======================  ========  =======  =============  ============
method                  M1 sMAPE  M1 MASE  Tourism sMAPE  Tourism MASE
======================  ========  =======  =============  ============
this engine             14.38     1.042    18.51          1.458
AutoETS                 14.91     1.090    19.09          1.531
AutoTheta               17.25     1.101    20.00          1.656
AutoARIMA               16.41     1.116    19.39          1.488
MSTL (DOTM trend)       15.48     1.020    18.96          1.502
SeasonalNaive           17.30     1.314    21.67          1.631
======================  ========  =======  =============  ============

10,000 series x 36 months, horizon 12, selection and backtest included: 49 s with
n_jobs=2 (~200 series/s).
"""
from .engine import ForecastRun, backtest_many, forecast_many, run_forecast
from .metrics import mape, mase, rmsse, smape

__all__ = ['forecast_many', 'backtest_many', 'run_forecast', 'ForecastRun', 'mape', 'smape', 'mase', 'rmsse']
