"""Fault: PostgreSQL restarts under a running Odoo server.

The machine's PostgreSQL is shared (other tests, CI), so this starts a private cluster
(initdb + pg_ctl in a temporary directory, Unix socket only), restores the test
database into it and serves it with an Odoo server of its own.  A client keeps logging
visits (writes) and counting them (reads) over XML-RPC while the cluster is restarted
twice: `pg_ctl restart -m fast` (a clean restart: sessions terminated, in-flight
transactions rolled back) and `pg_ctl stop -m immediate` + start (a crash: WAL recovery).
The Odoo server is never restarted: its connection pool drops the dead connections and
opens new ones.  Every write Odoo acknowledged is in the database afterwards, and
nothing it did not acknowledge."""
import collections
import os
import threading
import time

import pytest

import faultlib
from faultlib import say


class Caller(threading.Thread):
    """Logs one visit per call (marker in the subject), then reads the count, until stopped;
    records every call's outcome with its time."""

    def __init__(self, client, partner, tag):
        super(Caller, self).__init__(daemon=True)
        self.client, self.partner, self.tag = client, partner, tag
        self.calls, self.acked = [], set()
        self.stopping = threading.Event()

    def run(self):
        n = 0
        while not self.stopping.is_set():
            n += 1
            marker = '%s-%05d' % (self.tag, n)
            started = time.time()
            try:
                self.client('sales_mis.visit', 'create', {'name': marker, 'partner_id': self.partner,
                                                          'visit_type': 'call', 'purpose': 'restart test'})
                self.acked.add(marker)
                self.client('sales_mis.visit', 'search_count', [('name', '=like', self.tag + '-%')])
                self.calls.append((started, time.time(), None))
            except Exception as error:  # noqa: BLE001 - counted and shown
                self.calls.append((started, time.time(), faultlib.fault_text(error)))
                time.sleep(0.05)


def restart_under_load(cluster, caller, how):
    """Restart the cluster while `caller` calls; returns (seconds down, failed calls, first
    error, calls after the restart until the first success, later calls, later failures)."""
    while len(caller.calls) < 5:  # it serves before
        time.sleep(0.05)
    assert all(error is None for _s, _e, error in caller.calls[-5:]), caller.calls[-5:]
    before = len(caller.calls)
    down = time.time()
    if how == 'fast':
        cluster.pg_ctl('restart', '-m', 'fast')
    else:
        cluster.pg_ctl('stop', '-m', 'immediate')
        cluster.start()
    up = time.time()
    deadline = up + 60
    while time.time() < deadline:  # until 10 successful calls in a row after the restart
        recent = [c for c in caller.calls[before:] if c[0] > up]
        if len(recent) >= 10 and all(c[2] is None for c in recent[-10:]):
            break
        time.sleep(0.05)
    calls = caller.calls[before:]
    failures = [c for c in calls if c[2]]
    after = [c for c in calls if c[0] > up]
    until_ok = next((i for i, c in enumerate(after) if c[2] is None), None)
    return {'down': up - down, 'calls': len(calls), 'failed': len(failures),
            'errors': collections.Counter(c[2] for c in failures).most_common(),
            'failed after up': sum(1 for c in after if c[2]), 'until ok': until_ok,
            'ok after': sum(1 for c in after if c[2] is None)}


@pytest.fixture
def private_server(test_db):
    pg = faultlib.pg_params(faultlib.test_conf())
    directory = faultlib.private_tempdir('smf-pg-')
    bindir = faultlib.pg_bindir(faultlib.server_major(pg))
    cluster, server = None, None
    try:
        started = time.time()
        cluster = faultlib.PrivateCluster(bindir, directory)
        cluster.start()
        db = faultlib.scratch_name('pg')
        faultlib.restore(cluster.params, faultlib.test_db_dump(pg, test_db), db, bindir)
        conf = faultlib.write_conf(directory, db, pg=cluster.params)
        server = faultlib.OdooProcess(conf, db, directory, 'odoo-on-private-cluster')
        say('postgres: private cluster (%s, socket %s) with a copy of %s and an Odoo server on it in %.1f s'
            % (bindir, directory, test_db, time.time() - started))
        yield cluster, server, db
    finally:
        if server:
            server.stop()
        if cluster:
            cluster.destroy()


def test_postgres_restart_under_running_server(private_server):
    cluster, server, db = private_server
    salesperson = faultlib.rpc(server.url, db, 'salesperson')
    partner = salesperson('res.partner', 'search', [('customer', '=', True), ('is_company', '=', True)], limit=1)[0]
    assert salesperson('sales_mis.visit', 'search_count', []) >= 0  # it serves
    tag = 'pg-restart-%d' % os.getpid()
    caller = Caller(salesperson, partner, tag)
    caller.start()
    outcomes = {}
    try:
        for how in ('fast', 'immediate'):
            outcomes[how] = restart_under_load(cluster, caller, how)
    finally:
        caller.stopping.set()
        caller.join(60)
    assert server.process.poll() is None, 'the Odoo server died'
    for how, outcome in outcomes.items():
        say('postgres: %s restart (%.1f s down) under %d calls: %d failed (%s), the first call after it came '
            'back %s, then %d calls succeeded%s' % (
                {'fast': 'pg_ctl restart -m fast', 'immediate': 'crash (stop -m immediate) + start'}[how],
                outcome['down'], outcome['calls'], outcome['failed'],
                '; '.join('%d x %s' % (n, text) for text, n in outcome['errors']) or '-',
                'succeeded' if outcome['until ok'] == 0 else 'failed (%s calls until the first success)'
                % outcome['until ok'], outcome['ok after'],
                '' if not outcome['failed after up'] else ' (%d failed after it was back)' % outcome['failed after up']))
        assert outcome['ok after'] >= 10
    # what Odoo acknowledged is there, and nothing else
    names = {name for name, in faultlib.query(cluster.params, db, "SELECT name FROM sales_mis_visit WHERE name LIKE %s",
                                               (tag + '-%',))}
    lost, unacked = caller.acked - names, names - caller.acked
    failed = sum(1 for c in caller.calls if c[2])
    say('postgres: %d visits acknowledged, %d in the database: %d lost, %d written but not acknowledged '
        '(%d calls failed in all); the server was not restarted'
        % (len(caller.acked), len(names), len(lost), len(unacked), failed))
    assert not lost
    assert len(unacked) <= failed
    # and a new login works on the same server
    assert faultlib.rpc(server.url, db, 'director')('sales_mis.visit', 'search_count', [('name', '=like', tag + '-%')]) \
        == len(names)
