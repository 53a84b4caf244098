"""Fixtures for the cross-addon tests: the throwaway database `make test` made,
and an Odoo server on a free port serving it (tests/serverlib.py starts every server)."""
import importlib.machinery
import os
import types
import xmlrpc.client

import pytest

from serverlib import OdooServer, ServerDidNotStart

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_script(name, module_name):
    """The script bin/`name` (a Python file without .py) loaded as the module `module_name`."""
    loader = importlib.machinery.SourceFileLoader(module_name, os.path.join(ROOT, 'bin', name))
    module = types.ModuleType(loader.name)
    module.__file__ = loader.path
    loader.exec_module(module)
    return module


def load_ctl():
    """bin/sales-mis as a module (for DEMO_LOGINS and the database helpers)."""
    return load_script('sales-mis', 'sales_mis_ctl')


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
    """An Odoo server on the test database for the whole session (tests/serverlib.py)."""
    log = os.path.join(ROOT, '.runtime', 'test-server-%s.log' % os.getpid())
    try:
        process = OdooServer(os.environ['SALES_MIS_TEST_CONF'], test_db, log, timeout=90)
    except ServerDidNotStart as error:
        pytest.fail(str(error))
    yield Server(process.url, test_db)
    process.stop()


@pytest.fixture(scope='session')
def chromium():
    """The session's headless Chromium (tests/browserlib.py). One per test process: Playwright's
    sync API cannot be started a second time while a first one runs."""
    from browserlib import MISSING, available, launch, sync_playwright
    if not available():
        pytest.skip(MISSING)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()
