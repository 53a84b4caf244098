"""The one way the tests, the fault scenarios, the load test and the probes start an Odoo
server and wait for it: `bin/odoo` on a free port, in its own process group (a SIGKILL
takes the whole server and nothing else), polled until /web/login answers 200.

Standard library only: scripts import it as well as pytest (tests/ on sys.path)."""
import os
import signal
import socket
import subprocess
import sys
import time
import http.cookiejar
import json
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ODOO = [sys.executable, os.path.join(ROOT, 'bin', 'odoo')]


def free_port():
    """A TCP port nobody listens on right now (the kernel's choice)."""
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def odoo_env():
    """The environment of a server: Odoo 11 compiles its stylesheets with node_modules' lessc."""
    env = dict(os.environ)
    env['PATH'] = os.path.join(ROOT, 'node_modules', '.bin') + os.pathsep + env.get('PATH', '')
    return env


class ServerDidNotStart(AssertionError):
    pass


class OdooServer:
    """`bin/odoo -c conf -d db` serving HTTP on a free port (threaded, no cron, unless
    `options` say otherwise), started and polled by the constructor; stop() or `with`."""

    def __init__(self, conf, db, log, *options, timeout=120):
        self.conf, self.db, self.log = conf, db, log
        self.port = free_port()
        self.url = 'http://127.0.0.1:%d' % self.port
        defaults = [] if any(o.startswith('--workers') for o in options) else ['--workers=0']
        command = ODOO + ['-c', conf, '-d', db, '--http-port=%d' % self.port, '--max-cron-threads=0',
                          '--longpolling-port=%d' % free_port(), '--logfile=%s' % log] + defaults + list(options)
        os.makedirs(os.path.dirname(log), exist_ok=True)
        self.process = subprocess.Popen(command, env=odoo_env(), start_new_session=True)
        self.wait_until_serving(timeout)

    def wait_until_serving(self, timeout):
        deadline = time.time() + timeout
        while True:
            try:
                with urllib.request.urlopen(self.url + '/web/login', timeout=10) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            if self.process.poll() is not None or time.time() > deadline:
                self.stop()
                raise ServerDidNotStart('the Odoo server did not start; see %s\n%s' % (self.log, self.log_tail()))
            time.sleep(0.2)

    def stop(self):
        """SIGTERM to the process group (workers included), SIGKILL if it lingers."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(30)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                self.kill9()

    def kill9(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(30)

    def log_text(self):
        try:
            with open(self.log, errors='replace') as handle:
                return handle.read()
        except OSError:
            return ''

    def log_tail(self, lines=30):
        return ''.join(self.log_text().splitlines(True)[-lines:])

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def session(server, login):
    """An opener carrying the web session cookie of `login` (password = login)."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    body = json.dumps({'jsonrpc': '2.0', 'params': {'db': server.db, 'login': login, 'password': login}})
    request = urllib.request.Request(server.url + '/web/session/authenticate', body.encode(),
                                     {'Content-Type': 'application/json'})
    assert json.loads(opener.open(request).read())['result']['uid'], login
    return opener
