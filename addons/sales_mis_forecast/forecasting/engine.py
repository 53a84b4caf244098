"""The public entry points: many series in, forecast / baseline / backtest frames out.

The long frame becomes a `panel.Panel`; its series are cut into chunks that worker
processes (``n_jobs``) run through `selection.forecast_series`; the results come back
as arrays and are laid out as frames in one vectorised step.

Workers are forked (the package is already imported in the parent, so nothing is
imported again and no ``__main__`` guard is needed).  Inside a worker BLAS is held to
one thread: the matrices are tiny and n_jobs processes already use the cores.  With
``n_jobs=1``, or few series, everything runs in the calling process.

``scheduler`` runs the chunks on a Dask cluster instead (a ``distributed.Client`` or a
scheduler address such as ``tcp://10.0.0.5:8786``): the chunks are the same, so the
results are those of a local run.  The workers need the libraries of
config/requirements.txt but not this package: it is uploaded to them as a zip under a
name versioned by its sources (in Odoo it lives under ``odoo.addons``, which a plain Dask
worker cannot import).
"""
import collections
import hashlib
import io
import multiprocessing
import os
import tempfile
import warnings
import zipfile
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd

from . import catalog
from .panel import future_dates, to_panel
from .selection import forecast_series

__all__ = ['ForecastRun', 'run_forecast', 'forecast_many', 'backtest_many']

ForecastRun = collections.namedtuple('ForecastRun', 'forecast baseline backtest')
ForecastRun.__doc__ = """forecast: the chosen models' forecasts (the `forecast_many` frame);
baseline: the seasonal naive forecasts, same layout (model 'SeasonalNaive', or 'Naive'
for series not longer than a season);
backtest: the `backtest_many` frame."""

BACKTEST_COLUMNS = ['unique_id', 'model', 'mape', 'smape', 'mase', 'rmsse', 'points', 'chosen']
_CHUNKS_PER_JOB = 4
_MIN_SERIES_PER_JOB = 50  # below this, forking costs more than it saves


def _level_label(level):
    return '%g' % level


def _forecast_columns(levels):
    columns = ['unique_id', 'ds', 'mean']
    for level in levels:
        columns += ['lo_' + _level_label(level), 'hi_' + _level_label(level)]
    return columns + ['model']


def _check(horizon, season_length, levels, windows):
    if int(horizon) != horizon or horizon < 1:
        raise ValueError('horizon must be a positive integer, not %r' % (horizon,))
    if int(season_length) != season_length or season_length < 1:
        raise ValueError('season_length must be a positive integer, not %r' % (season_length,))
    if int(windows) != windows or windows < 1:
        raise ValueError('windows must be a positive integer, not %r' % (windows,))
    levels = sorted(set(float(level) for level in levels))
    if any(not 0 < level < 100 for level in levels):
        raise ValueError('levels must lie strictly between 0 and 100, not %r' % (levels,))
    return int(horizon), int(season_length), levels, int(windows)


def _work(task):
    """Run a chunk of series; returns plain arrays/lists (cheap to send back)."""
    series, horizon, season_length, levels, windows, forecast, single_thread = task
    limiter = None
    if single_thread:
        try:
            from threadpoolctl import threadpool_limits
            limiter = threadpool_limits(1)
        except Exception:
            limiter = None
    try:
        with warnings.catch_warnings():
            # the library warns about optimiser convergence and short series; we judge
            # models by their backtest instead
            warnings.simplefilter('ignore')
            results = [forecast_series(y, horizon, season_length, levels, windows, forecast) for y in series]
    finally:
        if limiter is not None:
            limiter.unregister()
    width = 1 + 2 * len(levels)

    def stack(forecasts):
        return np.stack([np.vstack([f.mean, f.lo, f.hi]) if f is not None else np.full((width, horizon), np.nan)
                         for f in forecasts]) if forecasts else np.empty((0, width, horizon))

    scores = [(i, name, score, chosen) for i, result in enumerate(results) for name, score, chosen in result.scores]
    return {
        'model': [r.model for r in results],
        'forecast': stack([r.forecast for r in results]) if forecast else None,
        'baseline_model': [r.baseline_model for r in results],
        'baseline': stack([r.baseline for r in results]),
        'score_series': np.array([s[0] for s in scores], dtype=np.int64),
        'score_model': [s[1] for s in scores],
        'score_values': np.array([[np.nan] * 4 + [0] if s[2] is None else
                                  [s[2].mape, s[2].smape, s[2].mase, s[2].rmsse, s[2].points] for s in scores],
                                 dtype=float).reshape(len(scores), 5),
        'score_chosen': np.array([s[3] for s in scores], dtype=bool),
    }


def _chunks(series, args, n_chunks):
    bounds = np.linspace(0, len(series), n_chunks + 1).astype(int)
    return [(series[a:b],) + args + (True,) for a, b in zip(bounds[:-1], bounds[1:])]


# Runs on a worker: imports the package uploaded under its versioned name.  Compiled from
# source into a module nobody can import, so that it is pickled by value with no reference to
# odoo (this package lives under odoo.addons in the server, which a worker has not got).
_REMOTE_SOURCE = """
def run_chunk(package, task):
    import importlib
    return importlib.import_module(package + '.engine')._work(task)
"""
_remote = {'__name__': '__sales_mis_forecast_remote__'}
exec(compile(_REMOTE_SOURCE, '<sales_mis_forecast remote>', 'exec'), _remote)


def _package_zip():
    """(package name, zip bytes) of this package under a name versioned by its sources."""
    folder = os.path.dirname(os.path.abspath(__file__))
    sources = sorted(name for name in os.listdir(folder) if name.endswith('.py'))
    digest = hashlib.sha1()
    for name in sources:
        with open(os.path.join(folder, name), 'rb') as handle:
            digest.update(name.encode() + b'\0' + handle.read())
    package = 'sales_mis_forecasting_%s' % digest.hexdigest()[:12]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w') as archive:
        for name in sources:
            archive.write(os.path.join(folder, name), '%s/%s' % (package, name))
    return package, buffer.getvalue()


def _run_on_dask(series, args, scheduler):
    from distributed import Client  # optional: only a run on a cluster needs it
    client = Client(scheduler, set_as_default=False) if isinstance(scheduler, str) else scheduler
    try:
        package, data = _package_zip()
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, '%s.zip' % package)
            with open(path, 'wb') as handle:
                handle.write(data)
            client.upload_file(path)  # on each worker: the zip goes on sys.path
        workers = max(1, len(client.scheduler_info().get('workers', {})))
        tasks = _chunks(series, args, min(len(series), workers * _CHUNKS_PER_JOB))
        return client.gather(client.map(_remote['run_chunk'], [package] * len(tasks), tasks, pure=False))
    finally:
        if client is not scheduler:
            client.close()


def _run_chunks(series, args, n_jobs, scheduler=None):
    if scheduler is not None:
        return _run_on_dask(series, args, scheduler)
    n_jobs = max(1, int(n_jobs or 1))
    n_jobs = min(n_jobs, os.cpu_count() or 1, max(1, len(series) // _MIN_SERIES_PER_JOB))
    if n_jobs == 1 or 'fork' not in multiprocessing.get_all_start_methods():
        return [_work((series,) + args + (False,))]
    tasks = _chunks(series, args, min(len(series), n_jobs * _CHUNKS_PER_JOB))
    with ProcessPoolExecutor(max_workers=n_jobs, mp_context=multiprocessing.get_context('fork')) as pool:
        return list(pool.map(_work, tasks))


def _frame(uids, dates, horizon, stacked, models, levels):
    """Long forecast frame from (series, 1 + 2L, horizon) values."""
    n = len(uids)
    data = {'unique_id': np.repeat(uids, horizon), 'ds': dates}
    values = stacked.transpose(0, 2, 1).reshape(n * horizon, -1) if n else np.empty((0, stacked.shape[1]))
    data['mean'] = values[:, 0]
    for j, level in enumerate(levels):
        data['lo_' + _level_label(level)] = values[:, 1 + j]
        data['hi_' + _level_label(level)] = values[:, 1 + len(levels) + j]
    data['model'] = np.repeat(np.asarray(models, dtype=object), horizon)
    return pd.DataFrame(data, columns=_forecast_columns(levels))


def run_forecast(df, horizon, season_length=12, levels=(80, 95), windows=3, freq='MS', fill='zero',
                 end=None, n_jobs=1, forecast=True, scheduler=None):
    """Forecast, seasonal naive baseline and backtest of every series of ``df``.

    df: long frame with columns unique_id, ds (period start dates), y.
    horizon: number of future periods; season_length: periods per season (12 for months).
    levels: prediction interval levels in %; windows: backtest origins per series.
    freq: period of ``ds`` ('MS' months, 'QS', 'YS', 'W', 'D'); fill: 'zero' or
    'interpolate' for missing periods and NaN (see `panel`); end: optional last period of
    every series (series that stop earlier are extended with ``fill``).
    n_jobs: worker processes; forecast=False skips the final fits (backtest only);
    scheduler: a Dask client or scheduler address to run the series on instead of n_jobs.

    Returns a `ForecastRun`.  Raises ValueError for invalid arguments and for an infinite
    ``y`` (beyond the float range), never because of the shape of a series.  Series of
    very large or small magnitude are forecast on a power-of-two scale (`selection`).
    """
    horizon, season_length, levels, windows = _check(horizon, season_length, levels, windows)
    data = to_panel(df, freq=freq, fill=fill, end=end)
    n = len(data.uids)
    if n:
        catalog.load_library()  # once, before forking, not once per worker
    series = [data.values[data.offsets[i]:data.offsets[i + 1]] for i in range(n)]
    parts = _run_chunks(series, (horizon, season_length, levels, windows, forecast), n_jobs,
                        scheduler) if n else []

    def gather(key):
        return [item for part in parts for item in part[key]]

    last = data.first + np.diff(data.offsets) - 1
    dates = future_dates(last, horizon, data.freq)
    width = 1 + 2 * len(levels)

    def stacked(key):
        return np.concatenate([part[key] for part in parts]) if parts else np.empty((0, width, horizon))

    forecast_frame = _frame(data.uids, dates, horizon, stacked('forecast'), gather('model'), levels) \
        if forecast else None
    baseline_frame = _frame(data.uids, dates, horizon, stacked('baseline'), gather('baseline_model'), levels)

    offsets = np.cumsum([0] + [len(part['model']) for part in parts])
    if parts:
        series_index = np.concatenate([part['score_series'] + offset for part, offset in zip(parts, offsets)])
        values = np.concatenate([part['score_values'] for part in parts])
        chosen = np.concatenate([part['score_chosen'] for part in parts])
    else:
        series_index, values, chosen = np.empty(0, dtype=np.int64), np.empty((0, 5)), np.empty(0, dtype=bool)
    backtest = pd.DataFrame({
        'unique_id': data.uids[series_index], 'model': np.asarray(gather('score_model'), dtype=object),
        'mape': values[:, 0], 'smape': values[:, 1], 'mase': values[:, 2], 'rmsse': values[:, 3],
        'points': values[:, 4].astype(np.int64), 'chosen': chosen}, columns=BACKTEST_COLUMNS)
    return ForecastRun(forecast_frame, baseline_frame, backtest)


def forecast_many(df, horizon, season_length=12, levels=(80, 95), **options):
    """Forecast every series of the long frame ``df`` (unique_id, ds, y) ``horizon`` periods ahead.

    One row per series and future period, series in `panel` order (sorted ids) and
    periods ascending, columns unique_id, ds, mean, lo_80, hi_80, lo_95, hi_95, model
    (lo_/hi_ for each of ``levels``).  ``options`` are those of `run_forecast`.
    """
    return run_forecast(df, horizon, season_length, levels, **options).forecast


def backtest_many(df, horizon, season_length=12, windows=3, **options):
    """Backtest metrics of every candidate and ensemble of every series, without the final fits.

    One row per series and option: unique_id, model, mape, smape, mase, rmsse (NaN where
    undefined), points (backtest points scored), chosen (the option the series would use).
    ``options`` are those of `run_forecast`.
    """
    options.pop('forecast', None)
    return run_forecast(df, horizon, season_length, windows=windows, forecast=False, **options).backtest
