"""bin/sales-mis finds PostgreSQL: PG* variables, then the local server, else an embedded one."""
import os

import psycopg2
import pytest

from conftest import load_ctl

ctl = load_ctl()


def test_local_server_is_found_without_variables(monkeypatch):
    for name in ('PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD'):
        monkeypatch.delenv(name, raising=False)
    pg = ctl.find_postgres()
    conn = ctl.pg_connect(pg)
    conn.close()


def test_pg_variables_that_do_not_answer_stop_with_a_clear_message(monkeypatch):
    monkeypatch.setenv('PGHOST', '127.0.0.1')
    monkeypatch.setenv('PGPORT', '1')
    with pytest.raises(SystemExit) as stop:
        ctl.find_postgres()
    assert 'does not answer' in str(stop.value)


def test_embedded_postgres_starts_and_serves_an_odoo_role(tmp_path):
    pgdata = str(tmp_path / 'pgdata')
    pg = ctl.start_embedded_postgres(pgdata)
    try:
        assert pg['user'] == 'odoo', 'Odoo refuses to run as "postgres"'
        conn = psycopg2.connect(dbname='postgres', host=pg['host'], user=pg['user'])
        with conn.cursor() as cr:
            cr.execute('SHOW server_version')
            assert int(cr.fetchone()[0].split('.')[0]) >= 15
            cr.execute('SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user')
            assert cr.fetchone()[0]
        conn.close()
        again = ctl.start_embedded_postgres(pgdata)  # a second start reuses the running cluster
        assert again == pg
    finally:
        import pgserver
        # pgserver runs the cluster as its own system user when we are root
        pgserver.pg_ctl(['-w', '-m', 'immediate', 'stop'], pgdata=pgdata,
                        user='pgserver' if os.geteuid() == 0 else None)
