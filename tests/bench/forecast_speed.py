#!/usr/bin/env python3
"""Speed of the forecasting core (G1/G2): 10,000 monthly series of 36 points, horizon 12.

    .venv/bin/python tests/bench/forecast_speed.py [--series 10000] [--n-jobs 2] [--horizon 12]
    .venv/bin/python tests/bench/forecast_speed.py --dask 2 --series 100000   (on a Dask cluster)

Times `run_forecast` end to end (long frame in -> forecast, seasonal naive baseline and
3-origin backtest of every candidate out: selection and final fits included) in a fresh
process, so the library import and any first-call cost are counted, and prints seconds
and series per second.  Goal: <= 120 s on the 2-core machine.  Plain Python, no Odoo.

The series imitate the monthly sales of a product/customer/salesperson: a level drawn
log-uniformly, a trend of -20..+30 % a year, a Q4 peak and a Chinese New Year dip of
random strength, multiplicative noise; 10 % of them are intermittent (most months
without a sale), 1 % are all zero and 1 % carry refunds (negative months).  Fixed seed.

``--dask N`` starts a local Dask cluster (a scheduler and N single-threaded worker
processes, as `dask scheduler` / `dask worker` would on other machines), runs the same
series on it through ``scheduler=``, prints its time beside the local run of the same
process (the anchor; CPU seconds of this process and the load average with each) and
checks that both give the same forecasts.  ``--dask-only`` skips the local run (for a
series count the local run cannot hold).
"""
import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, 'addons', 'sales_mis_forecast'))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402


def synthetic_sales(n_series, length=36, seed=7):
    """Long frame (unique_id, ds, y) of ``n_series`` monthly series, vectorised."""
    rng = np.random.default_rng(seed)
    t = np.arange(length)
    month = t % 12
    level = np.exp(rng.uniform(np.log(50), np.log(50000), n_series))[:, None]
    trend = (1 + rng.uniform(-0.2, 0.3, n_series)[:, None]) ** (t / 12.0)
    q4 = rng.uniform(0, 0.5, n_series)[:, None] * np.isin(month, (10, 11))
    cny = rng.uniform(0, 0.4, n_series)[:, None] * (month == 1)
    noise = rng.lognormal(0, rng.uniform(0.05, 0.35, n_series)[:, None], (n_series, length))
    y = level * trend * (1 + q4 - cny) * noise
    kind = rng.random(n_series)
    intermittent = kind < 0.10
    y[intermittent] = np.where(rng.random((intermittent.sum(), length)) < 0.6, 0.0,
                               rng.poisson(3, (intermittent.sum(), length)) + 1.0)
    y[(kind >= 0.10) & (kind < 0.11)] = 0.0
    refunds = (kind >= 0.11) & (kind < 0.12)
    y[refunds] -= level[refunds] * (rng.random((refunds.sum(), length)) < 0.1) * 2
    ds = pd.date_range('2023-07-01', periods=length, freq='MS')
    return pd.DataFrame({'unique_id': np.repeat(np.arange(n_series), length),
                         'ds': np.tile(ds.values, n_series), 'y': np.round(y.ravel(), 2)})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--series', type=int, default=10000)
    parser.add_argument('--length', type=int, default=36)
    parser.add_argument('--horizon', type=int, default=12)
    parser.add_argument('--n-jobs', type=int, default=2)
    parser.add_argument('--dask', type=int, default=0, metavar='WORKERS')
    parser.add_argument('--dask-only', action='store_true')
    args = parser.parse_args()
    df = synthetic_sales(args.series, args.length)
    if args.dask:
        return on_dask(df, args)

    started = time.perf_counter()
    # the imports (statsforecast, pyarrow: ~1.2 s) are part of the cost
    from forecasting import run_forecast
    run = run_forecast(df, args.horizon, season_length=12, n_jobs=args.n_jobs)
    seconds = time.perf_counter() - started

    assert len(run.forecast) == args.series * args.horizon
    print('series %d x %d months, horizon %d, n_jobs %d, %d cores'
          % (args.series, args.length, args.horizon, args.n_jobs, os.cpu_count()))
    print('total %.1f s  ->  %.0f series/s  (goal <= 120 s)' % (seconds, args.series / seconds))
    chosen = run.forecast.drop_duplicates('unique_id')['model'].value_counts()
    print('models chosen:')
    for model, count in chosen.items():
        print('  %-50s %6d' % (model, count))


def on_dask(df, args):
    import subprocess
    import pandas.testing as pdt
    from distributed import Client
    from forecasting import run_forecast

    dask = os.path.join(os.path.dirname(sys.executable), 'dask')
    address = 'tcp://127.0.0.1:8799'
    quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    processes = [subprocess.Popen([dask, 'scheduler', '--host', '127.0.0.1', '--port', '8799',
                                   '--dashboard-address', ':0', '--no-show'], **quiet)]
    processes += [subprocess.Popen([dask, 'worker', address, '--nthreads', '1', '--no-dashboard'], **quiet)
                  for _ in range(args.dask)]

    def timed(label, **options):
        wall, cpu = time.perf_counter(), time.process_time()
        run = run_forecast(df, args.horizon, season_length=12, **options)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print('%-34s %8.1f s wall  %7.1f s CPU here  load %.2f  %6.0f series/s'
              % (label, wall, cpu, os.getloadavg()[0], args.series / wall), flush=True)
        return run, wall

    try:
        with Client(address, set_as_default=False, timeout=60) as client:
            client.wait_for_workers(args.dask, timeout=60)
            print('series %d x %d months, horizon %d, %d cores here, Dask workers %d'
                  % (args.series, args.length, args.horizon, os.cpu_count(), args.dask))
            remote, remote_wall = timed('Dask cluster (%d workers)' % args.dask, scheduler=client)
            if not args.dask_only:
                local, local_wall = timed('local, n_jobs %d (anchor)' % args.n_jobs, n_jobs=args.n_jobs)
                pdt.assert_frame_equal(remote.forecast, local.forecast)
                print('same forecasts: yes; ratio Dask / local %.2f' % (remote_wall / local_wall))
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


if __name__ == '__main__':
    main()
