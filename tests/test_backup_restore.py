"""Backup and restore (L3): bin/odoo-db backs up the test database with its filestore,
restores it under a new name, and every table (MIS records and the Odoo records they
hang on) and every filestore file comes back identical; a damaged backup restores
nothing at all."""
import json
import os
import subprocess
import sys
import uuid
import zipfile

import pytest

from conftest import ROOT

TOOL = [sys.executable, os.path.join(ROOT, 'bin', 'odoo-db')]


def tool(action, *args):
    return subprocess.run(TOOL + [action, '-c', os.environ['SALES_MIS_TEST_CONF']] + list(args),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)


def checksum(db):
    result = tool('checksum', db)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def database_exists(db):
    out = subprocess.run(['psql', '-At', '-d', 'postgres', '-c',
                          "SELECT count(*) FROM pg_database WHERE datname = '%s'" % db],
                         stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()
    return out == '1'


@pytest.fixture
def restored_name():
    name = 'sales_mis_restore_%s' % uuid.uuid4().hex[:8]
    yield name
    subprocess.run(['dropdb', '--if-exists', name], stderr=subprocess.DEVNULL)


def test_backup_restore_round_trip(test_db, restored_name, tmp_path):
    backup = str(tmp_path / 'backup.zip')
    result = tool('backup', test_db, backup)
    assert result.returncode == 0, result.stderr[-2000:]
    with zipfile.ZipFile(backup) as archive:
        names = archive.namelist()
    assert 'dump.sql' in names and 'manifest.json' in names
    assert any(name.startswith('filestore/') for name in names)
    before = checksum(test_db)
    result = tool('restore', backup, restored_name)
    assert result.returncode == 0, result.stderr[-2000:]
    after = checksum(restored_name)
    mis_tables = sorted(t for t in before if t.startswith('sales_mis'))
    assert len(mis_tables) > 10
    print('\n%d tables, %d Sales MIS tables, %d rows, %d filestore files compared' % (
        len(before) - 1, len(mis_tables), sum(v[0] for k, v in before.items() if k != '<filestore>'),
        before['<filestore>'][0]))
    assert sorted(after) == sorted(before)
    differing = {table: (before[table], after[table]) for table in before if before[table] != after[table]}
    assert differing == {}


def test_damaged_backup_restores_nothing(test_db, restored_name, tmp_path):
    good, bad = str(tmp_path / 'good.zip'), str(tmp_path / 'bad.zip')
    assert tool('backup', test_db, good).returncode == 0
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, 'w') as target:
        for name in source.namelist():
            data = source.read(name)
            if name == 'dump.sql':  # cut the dump in the middle of its data
                data = data[:len(data) // 2] + b'\nTHIS IS NOT SQL;\n'
            target.writestr(name, data)
    result = tool('restore', bad, restored_name)
    assert result.returncode != 0
    assert 'psql could not restore' in result.stderr
    assert not database_exists(restored_name)
