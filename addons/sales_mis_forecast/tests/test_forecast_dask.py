# -*- coding: utf-8 -*-
"""Forecasting on a Dask cluster (issue 14, item 4): a local cluster of two worker
processes gives exactly the forecasts, baselines and backtests of a local run.  The
workers cannot import odoo.addons: the run sends the forecasting package by value."""
import os
import signal
import socket
import subprocess
import sys

import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest

from odoo.addons.sales_mis_forecast.forecasting import run_forecast

distributed = pytest.importorskip('distributed')


def _history():
    rng = np.random.default_rng(7)
    months = pd.date_range('2022-01-01', periods=30, freq='MS')
    return pd.concat([pd.DataFrame({'unique_id': 'series %02d' % i, 'ds': months,
                                    'y': rng.gamma(2.0, 50.0 * (i + 1), months.size)}) for i in range(10)],
                     ignore_index=True)


def _free_port():
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


@pytest.fixture(scope='module')
def cluster():
    """A scheduler and two single-threaded worker processes started from the command line, as
    on a real cluster (a LocalCluster would fork the Odoo test process itself)."""
    dask = os.path.join(os.path.dirname(sys.executable), 'dask')
    address = 'tcp://127.0.0.1:%d' % _free_port()
    options = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    processes = [subprocess.Popen([dask, 'scheduler', '--host', '127.0.0.1', '--port', address.rsplit(':', 1)[1],
                                   '--dashboard-address', ':0', '--no-show'], **options)]
    processes += [subprocess.Popen([dask, 'worker', address, '--nthreads', '1', '--no-dashboard',
                                    '--memory-limit', '1GB'], **options) for _ in range(2)]
    try:
        with distributed.Client(address, set_as_default=False, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
            yield client
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)


def test_a_run_on_a_dask_cluster_equals_the_local_run(cluster):
    history = _history()
    local = run_forecast(history, 6)
    with distributed.get_task_stream(cluster) as stream:
        remote = run_forecast(history, 6, scheduler=cluster)
    # the chunks ran in the two worker processes: 4 per worker
    workers = set(cluster.scheduler_info()['workers'])
    assert len(stream.data) == 8 and {task['worker'] for task in stream.data} == workers
    for name in ('forecast', 'baseline', 'backtest'):
        pdt.assert_frame_equal(getattr(remote, name), getattr(local, name))
    # by address, as the Odoo setting gives it
    first = history[history['unique_id'] < 'series 03']
    by_address = run_forecast(first, 6, scheduler=cluster.scheduler.address)
    pdt.assert_frame_equal(by_address.forecast, run_forecast(first, 6).forecast)
