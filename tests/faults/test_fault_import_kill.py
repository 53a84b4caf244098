"""Fault: kill -9 of the server in the middle of an offline visit import (B2).

A 10,000-row CSV is uploaded over XML-RPC by the director into a scratch copy of the
test database; while PostgreSQL shows the import's INSERTs under way (the visit id
sequence moves, the rows are not committed), the whole server process group gets
SIGKILL.  Then: no visit, contact link or next-step activity of the file is in the
database; a new server on the same database re-runs the same upload (the wizard record
survived) and creates all 10,000 visits; and they are the visits a clean import of the
same file creates on an untouched copy (every column, contacts and activities,
compared by offline key)."""
import base64
import csv
import io
import shutil
import tempfile
import threading
import time
from datetime import date, timedelta

import pytest

import faultlib
from faultlib import say

ROWS = 10000
BATCH = 2000  # the wizard's BATCH_SIZE: visits per INSERT statement
KEY = 'FAULT-'
TYPES = ['visit', 'call', 'demo', 'other', '拜访']


def build_file(pg, db):
    """CSV rows over the demo customers (by name, with one of their contacts) and three
    salespeople the director may import for; every 1,000th row has a next step."""
    customers = faultlib.query(pg, db, """
        SELECT p.id, p.name, (SELECT c.name FROM res_partner c WHERE c.parent_id = p.id AND c.active
                                ORDER BY c.id LIMIT 1)
          FROM res_partner p
         WHERE p.active AND p.parent_id IS NULL AND p.is_company AND p.customer
           AND (p.company_id IS NULL OR p.company_id = (SELECT company_id FROM res_users WHERE login = 'director'))
           AND (SELECT count(*) FROM res_partner o WHERE o.active AND o.parent_id IS NULL
                   AND lower(o.name) = lower(p.name)) = 1
         ORDER BY p.id""")
    assert len(customers) >= 3, customers
    logins = ['salesperson', 'manager', 'director']
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(['offline_key', 'date', 'salesperson', 'customer', 'contacts', 'type', 'subject', 'duration',
                     'purpose', 'result', 'next_step', 'next_step_date'])
    first = date(2025, 1, 6)
    for n in range(ROWS):
        _partner_id, customer, contact = customers[n % len(customers)]
        day = first + timedelta(days=n % 600)
        writer.writerow([
            '%s%05d' % (KEY, n), '%s %02d:%02d' % (day, 8 + n % 10, (n * 7) % 60), logins[n % len(logins)],
            customer, contact if contact and n % 3 == 0 else '', TYPES[n % len(TYPES)],
            'Fault visit %d 故障' % n, '%.1f' % (0.5 + (n % 8) / 2.0), 'purpose %d' % n,
            'result %d' % n if n % 2 else '',
            'FAULT next step %d' % n if n % 1000 == 0 else '',
            str(day + timedelta(days=7)) if n % 1000 == 0 else ''])
    return out.getvalue().encode('utf-8')


def snapshot(pg, db):
    """Everything the import wrote, by offline key (ids differ between databases and runs)."""
    visits = faultlib.query(pg, db, """
        SELECT v.offline_key, v.name, v.user_id, v.team_id, v.partner_id, v.visit_type, v.date_start::text,
               v.duration, v.date_stop::text, v.purpose, v.result, v.next_step, v.next_step_date::text,
               v.state, v.company_id, v.create_uid,
               ARRAY(SELECT r.res_partner_id FROM res_partner_sales_mis_visit_rel r
                      WHERE r.sales_mis_visit_id = v.id ORDER BY 1)
          FROM sales_mis_visit v WHERE v.offline_key LIKE %s ORDER BY v.offline_key""", ('%/' + KEY + '%',))
    activities = faultlib.query(pg, db, """
        SELECT v.offline_key, a.summary, a.date_deadline::text, a.user_id, a.activity_type_id, a.note
          FROM mail_activity a JOIN sales_mis_visit v ON a.res_model = 'sales_mis.visit' AND a.res_id = v.id
         WHERE v.offline_key LIKE %s ORDER BY 1""", ('%/' + KEY + '%',))
    return visits, activities


def leftovers(pg, db, first_id):
    """What of the file is in the database: visits, contact links, activities."""
    return faultlib.query(pg, db, """
        SELECT (SELECT count(*) FROM sales_mis_visit WHERE offline_key LIKE %s OR id > %s),
               (SELECT count(*) FROM res_partner_sales_mis_visit_rel WHERE sales_mis_visit_id > %s),
               (SELECT count(*) FROM mail_activity WHERE summary LIKE 'FAULT next step%%')""",
                          ('%/' + KEY + '%', first_id, first_id))[0]


@pytest.fixture
def workspace(test_db):
    pg = faultlib.pg_params(faultlib.test_conf())
    directory = tempfile.mkdtemp(prefix='sales-mis-faults-import-')
    killed_db = clean_db = None
    servers = []
    try:
        started = time.time()
        killed_db = faultlib.scratch_copy(pg, test_db, 'imp')
        clean_db = faultlib.scratch_copy(pg, test_db, 'impclean')
        say('import: two scratch copies of %s in %.1f s' % (test_db, time.time() - started))
        yield pg, directory, killed_db, clean_db, servers
    finally:
        for server in servers:
            server.stop()
        for db in filter(None, (killed_db, clean_db)):
            faultlib.drop_database(pg, db)
        shutil.rmtree(directory, ignore_errors=True)


def test_kill_during_offline_import(workspace):
    pg, directory, killed_db, clean_db, servers = workspace
    data = build_file(pg, killed_db)
    conf = faultlib.write_conf(directory, killed_db)

    first = faultlib.OdooProcess(conf, killed_db, directory, 'import-killed')
    servers.append(first)
    director = first.server().login('director')
    wizard = director('sales_mis.visit.import', 'create', {
        'data_file': base64.b64encode(data).decode(), 'filename': 'faults.csv', 'mode': 'strict'})
    watch = faultlib.connect(pg, killed_db)
    cr = watch.cursor()
    first_id = faultlib.sequence_value(cr, 'sales_mis_visit_id_seq')
    outcome = {}

    def upload():
        try:
            outcome['result'] = director('sales_mis.visit.import', 'action_import', [wizard])
        except Exception as error:  # noqa: BLE001 - the kill breaks the connection
            outcome['error'] = error

    started = time.time()
    thread = threading.Thread(target=upload, daemon=True)
    thread.start()
    # kill once a whole batch is in and the next one is being inserted, before the commit
    inserted, activity = 0, None
    while thread.is_alive() and time.time() - started < 120:
        inserted = faultlib.sequence_value(cr, 'sales_mis_visit_id_seq') - first_id
        if BATCH < inserted < ROWS:
            cr.execute("SELECT state, now() - xact_start, left(query, 40) FROM pg_stat_activity "
                       "WHERE datname = %s AND query LIKE '%%INSERT INTO sales_mis_visit%%' "
                       "AND pid <> pg_backend_pid()", (killed_db,))
            activity = cr.fetchall()
            first.kill9()
            break
        time.sleep(0.005)
    kill_at = time.time() - started
    thread.join(30)
    assert activity is not None, 'the kill missed the INSERTs: %r (rows seen %d)' % (outcome, inserted)
    assert 'result' not in outcome, 'the import answered although the server was killed'
    say('import: SIGKILL %.1f s after the upload, %d of %d rows inserted and not committed '
        '(pg_stat_activity: %s); the client saw %s'
        % (kill_at, inserted, ROWS, activity, faultlib.fault_text(outcome['error'])))

    watch.close()
    faultlib.wait_no_backends(pg, killed_db)
    visits, links, activities = leftovers(pg, killed_db, first_id)
    say('import: after the kill: %d visits, %d contact links, %d next-step activities in the database'
        % (visits, links, activities))
    assert (visits, links, activities) == (0, 0, 0)

    second = faultlib.OdooProcess(conf, killed_db, directory, 'import-rerun')
    servers.append(second)
    started = time.time()
    director = second.server().login('director')
    director('sales_mis.visit.import', 'action_import', [wizard])
    rerun = director('sales_mis.visit.import', 'read', [wizard], ['created_count', 'skipped_count', 'error_count'])[0]
    rerun_time = time.time() - started
    assert (rerun['created_count'], rerun['skipped_count'], rerun['error_count']) == (ROWS, 0, 0), rerun

    # the same server also answers for the untouched copy: a clean import there
    started = time.time()
    clean = second.server(clean_db).login('director')
    clean_wizard = clean('sales_mis.visit.import', 'create', {
        'data_file': base64.b64encode(data).decode(), 'filename': 'faults.csv', 'mode': 'strict'})
    clean('sales_mis.visit.import', 'action_import', [clean_wizard])
    clean_time = time.time() - started
    after_kill, clean_run = snapshot(pg, killed_db), snapshot(pg, clean_db)
    assert len(after_kill[0]) == ROWS and len(after_kill[1]) == ROWS // 1000 + (ROWS % 1000 > 0)
    assert after_kill == clean_run
    with_contacts = sum(1 for row in after_kill[0] if row[-1])
    say('import: re-run on a new server: %d visits (%d with contacts, %d next-step activities) in %.1f s; '
        'a clean import on an untouched copy: the same %d visits column for column (%.1f s)'
        % (len(after_kill[0]), with_contacts, len(after_kill[1]), rerun_time, len(clean_run[0]), clean_time))
    # and uploading it once more creates nothing
    director('sales_mis.visit.import', 'action_import', [wizard])
    again = director('sales_mis.visit.import', 'read', [wizard], ['created_count', 'skipped_count'])[0]
    assert (again['created_count'], again['skipped_count']) == (0, ROWS), again
