"""Fixtures for the cross-addon tests: the throwaway database `make test` made,
and an Odoo server on a free port serving it."""
import importlib.machinery
import os
import socket
import subprocess
import sys
import time
import types
import urllib.request
import xmlrpc.client

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_ctl():
    """bin/sales-mis as a module (for DEMO_LOGINS and the database helpers)."""
    loader = importlib.machinery.SourceFileLoader('sales_mis_ctl', os.path.join(ROOT, 'bin', 'sales-mis'))
    module = types.ModuleType(loader.name)
    module.__file__ = loader.path
    loader.exec_module(module)
    return module


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


@pytest.fixture(scope='session')
def test_db():
    db = os.environ.get('SALES_MIS_TEST_DB')
    if not db:
        pytest.skip('run through `make test`, which creates the test database')
    return db


class Server:
    def __init__(self, url, db):
        self.url, self.db = url, db

    def common(self):
        return xmlrpc.client.ServerProxy(self.url + '/xmlrpc/2/common', allow_none=True)

    def login(self, login, password=None):
        uid = self.common().authenticate(self.db, login, password or login, {})
        assert uid, 'cannot log in as %s' % login
        return Client(self, uid, password or login)


class Client:
    """execute_kw bound to one user."""
    def __init__(self, server, uid, password):
        self.server, self.uid, self.password = server, uid, password
        self.proxy = xmlrpc.client.ServerProxy(server.url + '/xmlrpc/2/object', allow_none=True)

    def __call__(self, model, method, *args, **kwargs):
        return self.proxy.execute_kw(self.server.db, self.uid, self.password, model, method, list(args), kwargs)


@pytest.fixture(scope='session')
def server(test_db):
    port = free_port()
    log_path = os.path.join(ROOT, '.runtime', 'test-server-%d.log' % port)
    command = [sys.executable, os.path.join(ROOT, 'bin', 'odoo'), '-c', os.environ['SALES_MIS_TEST_CONF'],
               '-d', test_db, '--http-port=%d' % port, '--workers=0', '--max-cron-threads=0',
               '--logfile=%s' % log_path]
    process = subprocess.Popen(command, start_new_session=True)
    url = 'http://127.0.0.1:%d' % port
    deadline = time.time() + 90
    while True:
        try:
            with urllib.request.urlopen(url + '/web/login', timeout=10) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.time() > deadline:
            process.kill()
            pytest.fail('the Odoo server did not start; see %s' % log_path)
        time.sleep(0.5)
    yield Server(url, test_db)
    os.killpg(process.pid, 15)
    process.wait(timeout=30)
