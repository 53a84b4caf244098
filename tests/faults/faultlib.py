"""Helpers of the fault scenarios (issue 7, deliverable 3): scratch copies of the test
database, Odoo servers of our own (started in their own process group, so that a
SIGKILL takes the whole server and nothing else), a private PostgreSQL cluster, and
what PostgreSQL lets us observe of a transaction that is still open.

The shared `server` fixture of tests/conftest.py is never used here: these servers get
killed."""
import atexit
import configparser
import os
import re
import shutil
import subprocess
import tempfile
import time
import uuid
import xmlrpc.client

import psycopg2

from conftest import ROOT, Server, load_ctl
from serverlib import OdooServer, free_port

CTL = load_ctl()


def say(message):
    """A line of the scenario's outcome (pytest -s shows it; the report quotes it)."""
    print('[faults] %s' % message, flush=True)


# --- the test database and its PostgreSQL ---------------------------------------------

def test_conf():
    return os.environ['SALES_MIS_TEST_CONF']


def read_options(conf):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(conf)
    return dict(parser['options'])


def pg_params(conf):
    """host/port/user/password of the PostgreSQL a config file points to ('' = default)."""
    options = read_options(conf)
    return {key: ('' if options.get('db_' + key, 'False') in ('False', '') else options['db_' + key])
            for key in ('host', 'port', 'user', 'password')}


def connect(pg, db='postgres'):
    conn = psycopg2.connect(dbname=db, **{k: v for k, v in pg.items() if v})
    conn.autocommit = True
    return conn


def query(pg, db, sql, params=None):
    conn = connect(pg, db)
    try:
        with conn.cursor() as cr:
            cr.execute(sql, params)
            return cr.fetchall() if cr.description else None
    finally:
        conn.close()


def pg_env(pg):
    env = dict(os.environ)
    for key, value in pg.items():
        env.pop('PG' + key.upper(), None)
        if value:
            env['PG' + key.upper()] = value
    return env


def server_major(pg):
    return int(query(pg, 'postgres', 'SHOW server_version_num')[0][0]) // 10000


def pg_bindir(minimum_major):
    """Binaries (pg_dump, initdb, pg_ctl...) of at least `minimum_major`: Debian's
    /usr/lib/postgresql/N/bin, else those of the pgserver package (config/requirements.txt)."""
    candidates = []
    for name in os.listdir('/usr/lib/postgresql') if os.path.isdir('/usr/lib/postgresql') else []:
        if name.isdigit() and os.path.exists('/usr/lib/postgresql/%s/bin/initdb' % name):
            candidates.append((int(name), '/usr/lib/postgresql/%s/bin' % name))
    try:
        from pgserver._commands import POSTGRES_BIN_PATH
        out = subprocess.run([str(POSTGRES_BIN_PATH / 'postgres'), '--version'], stdout=subprocess.PIPE,
                             universal_newlines=True).stdout
        candidates.append((int(re.search(r'(\d+)\.', out).group(1)), str(POSTGRES_BIN_PATH)))
    except Exception:  # noqa: BLE001 - no pgserver: Debian's binaries or nothing
        pass
    usable = sorted(c for c in candidates if c[0] >= minimum_major)
    assert usable, 'no PostgreSQL binaries of version >= %s (Debian postgresql or pgserver)' % minimum_major
    return usable[0][1]


def dump_test_db(pg, db, path):
    """pg_dump -Fc of the test database (it may be in use: a dump is one consistent snapshot,
    where CREATE DATABASE ... TEMPLATE needs the source idle)."""
    bindir = pg_bindir(server_major(pg))
    subprocess.run([os.path.join(bindir, 'pg_dump'), '-Fc', '--no-owner', '-f', path, db],
                   env=pg_env(pg), check=True)


_DUMPS = {}


def test_db_dump(pg, db):
    """The dump of the test database, made once per test session (removed at exit)."""
    if db not in _DUMPS:
        directory = tempfile.mkdtemp(prefix='sales-mis-faults-dump-')
        atexit.register(shutil.rmtree, directory, True)
        path = os.path.join(directory, '%s.dump' % db)
        dump_test_db(pg, db, path)
        os.chmod(directory, 0o755)  # readable by pg_restore whoever runs it
        _DUMPS[db] = path
    return _DUMPS[db]


def restore(pg, path, db, bindir=None):
    """A new database from a dump, in one transaction (twice as fast as one per object)."""
    query(pg, 'postgres', 'CREATE DATABASE "%s" ENCODING \'UTF8\' TEMPLATE template0' % db)
    bindir = bindir or pg_bindir(server_major(pg))
    subprocess.run([os.path.join(bindir, 'pg_restore'), '--no-owner', '--single-transaction', '-d', db, path],
                   env=pg_env(pg), check=True)


_BASES = {}


def scratch_copy(pg, test_db, tag):
    """A new scratch database with the content of the test database: the test database is in
    use (no CREATE DATABASE ... TEMPLATE from it), so it is restored from its dump once per
    session into an idle base database (dropped at exit), which is then copied."""
    if test_db not in _BASES:
        base = scratch_name('base')
        restore(pg, test_db_dump(pg, test_db), base)
        atexit.register(drop_database, pg, base)
        _BASES[test_db] = base
    db = scratch_name(tag)
    copy_database(pg, _BASES[test_db], db)
    return db


def copy_database(pg, source, db):
    """A copy of an idle database (ours, nobody else connects to it)."""
    query(pg, 'postgres', 'CREATE DATABASE "%s" TEMPLATE "%s"' % (db, source))


def drop_database(pg, db):
    query(pg, 'postgres', 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s', (db,))
    query(pg, 'postgres', 'DROP DATABASE IF EXISTS "%s"' % db)
    shutil.rmtree(os.path.join(ROOT, '.runtime', 'data', 'filestore', db), ignore_errors=True)


def scratch_name(tag):
    """A scratch database named after the test database (so a leftover is recognisable)."""
    base = os.environ.get('SALES_MIS_TEST_DB', 'sales_mis')[:30]
    return '%s_faults_%s_%s' % (base, tag, uuid.uuid4().hex[:6])


def write_conf(directory, db, pg=None, source=None):
    """The test config with another database (and, given `pg`, another PostgreSQL, with the
    filestore in `directory`)."""
    with open(source or test_conf()) as handle:
        text = handle.read()
    values = {'db_name': db, 'dbfilter': '^%s$' % db}
    if pg is not None:
        values.update({'db_' + key: value or 'False' for key, value in pg.items()})
        values['data_dir'] = os.path.join(directory, 'odoo-data')
    for key, value in values.items():
        text, count = re.subn(r'(?m)^%s\s*=.*$' % key, '%s = %s' % (key, value), text)
        if not count:
            text = text.replace('[options]', '[options]\n%s = %s' % (key, value), 1)
    path = os.path.join(directory, '%s.conf' % db)
    with open(path, 'w') as handle:
        handle.write(text)
    return path


def backends(pg, db):
    """Sessions on `db` other than ours: [(pid, state, query)]."""
    return query(pg, 'postgres', "SELECT pid, state, left(query, 80) FROM pg_stat_activity "
                                 "WHERE datname = %s AND pid <> pg_backend_pid()", (db,))


def wait_no_backends(pg, db, timeout=60):
    """After a kill -9 the server's sessions end when PostgreSQL notices the closed socket
    (and roll back what they had not committed)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        left = backends(pg, db)
        if not left:
            return
        time.sleep(0.1)
    raise AssertionError('sessions of the killed server still open after %s s: %r' % (timeout, left))


def sequence_value(cr, sequence):
    """last_value of a sequence: it moves as rows get their ids, committed or not."""
    cr.execute('SELECT last_value, is_called FROM "%s"' % sequence)
    value, called = cr.fetchone()
    return value if called else value - 1


# --- Odoo servers of our own ---------------------------------------------------------

class OdooProcess(OdooServer):
    """`bin/odoo` on one database in threaded mode (tests/serverlib.py), logging to
    `log_dir`/`name`.log."""

    def __init__(self, conf, db, log_dir, name, *options):
        super(OdooProcess, self).__init__(conf, db, os.path.join(log_dir, '%s.log' % name), *options)

    def server(self, db=None):
        """The conftest client factory: .login(name) -> execute_kw bound to a user."""
        return Server(self.url, db or self.db)


class TimeoutTransport(xmlrpc.client.Transport):
    def __init__(self, timeout):
        super(TimeoutTransport, self).__init__()
        self.timeout = timeout

    def make_connection(self, host):
        connection = super(TimeoutTransport, self).make_connection(host)
        connection.timeout = self.timeout
        return connection


def rpc(url, db, login, timeout=60):
    """execute_kw as `login` (password = login) with a socket timeout: a hung server fails
    the call instead of the test."""
    common = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common', transport=TimeoutTransport(timeout))
    uid = common.authenticate(db, login, login, {})
    assert uid, 'cannot log in as %s' % login
    proxy = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object', allow_none=True, transport=TimeoutTransport(timeout))

    def call(model, method, *args, **kwargs):
        return proxy.execute_kw(db, uid, login, model, method, list(args), kwargs)
    return call


def fault_text(error):
    """Short text of what a client saw: the exception of an XML-RPC fault (PostgreSQL's
    FATAL reason when there is one), or the broken connection."""
    if not isinstance(error, xmlrpc.client.Fault):
        return '%s: %s' % (type(error).__name__, str(error)[:120])
    text = error.faultString
    raised = re.findall(r'(?m)^([\w.]+(?:Error|Exception)): ?(.*)$', text)
    kind, message = raised[-1] if raised else ('Fault', text.strip().splitlines()[-1])
    fatal = re.search(r'FATAL:\s+(.*)', text)
    if fatal:
        message = 'FATAL: %s' % fatal.group(1)
    elif 'Is the server running' in text:
        message = 'no server on the socket'
    return '%s: %s' % (kind.split('.')[-1], message.strip()[:120])


# --- a private PostgreSQL cluster ----------------------------------------------------

class PrivateCluster:
    """initdb + pg_ctl in a temporary directory, on a Unix socket only (no TCP port), as the
    `postgres` system user when we are root (initdb refuses root); superuser role = our user,
    trust authentication."""

    def __init__(self, bindir, directory):
        self.bindir, self.directory = bindir, directory
        self.data = os.path.join(directory, 'data')
        self.port = str(free_port())
        self.log = os.path.join(directory, 'postgresql.log')
        self.role = 'odoo' if os.geteuid() == 0 else (os.environ.get('USER') or 'odoo')
        self.as_user = ['runuser', '-u', 'postgres', '--'] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(directory, 'postgres')
        self.run('initdb', '-D', self.data, '-U', self.role, '--auth=trust', '-E', 'UTF8', '--locale=C',
                 '--no-sync')

    @property
    def params(self):
        return {'host': self.directory, 'port': self.port, 'user': self.role, 'password': ''}

    def run(self, program, *args):
        return subprocess.run(self.as_user + [os.path.join(self.bindir, program)] + list(args),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True,
                              check=True, cwd=self.directory).stdout

    def pg_ctl(self, *args):
        options = ("-c listen_addresses='' -c unix_socket_directories='%s' -c port=%s "
                   "-c shared_buffers=32MB -c max_connections=80" % (self.directory, self.port))
        return self.run('pg_ctl', '-D', self.data, '-l', self.log, '-o', options, '-w', '-t', '60', *args)

    def start(self):
        self.pg_ctl('start')

    def is_up(self):
        try:
            connect(self.params).close()
            return True
        except psycopg2.Error:
            return False

    def destroy(self):
        try:
            self.pg_ctl('stop', '-m', 'immediate')
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.directory, ignore_errors=True)


def private_tempdir(prefix):
    """A short path (Unix socket paths are limited to ~107 bytes)."""
    return tempfile.mkdtemp(prefix=prefix, dir='/tmp')

