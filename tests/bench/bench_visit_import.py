#!/usr/bin/env python3
"""Benchmark of the offline visit import 离线录入 (B2) through its wizard.

    .venv/bin/python tests/bench/bench_visit_import.py CONF DB [ROWS]

Builds a CSV of ROWS (default 10,000) visits and work logs of one salesperson on the
database's customers (a tenth with contacts, one in a hundred with a next step (a to-do each)), uploads it
through the wizard as that salesperson, then uploads it again (all rows already
imported).  Prints the times; everything is rolled back.  Figures, not pass/fail."""
import base64
import sys
import time

from benchlib import QUICK, bench_env, odoo  # noqa: E402 - sets up Odoo first

HEADER = 'offline_key,date,salesperson,customer,contacts,type,subject,duration,purpose,result,next_step,next_step_date'
TYPES = ['visit', 'call', 'other', '拜访', '电话', 'demo']


def build_csv(customers, contacts, rows):
    lines = [HEADER]
    for i in range(rows):
        name = customers[i % len(customers)]
        contact = contacts.get(name, '') if i % 10 == 0 else ''
        next_step = ('Send the offer %d' % i, '2031-01-%02d' % (1 + i % 28)) if i % 100 == 5 else ('', '')
        lines.append(','.join(['', '2030-%02d-%02d %02d:%02d' % (1 + i % 12, 1 + i % 28, 8 + i % 10, i % 60), '',
                               '"%s"' % name.replace('"', '""'), '"%s"' % contact.replace('"', '""'),
                               TYPES[i % len(TYPES)], 'Offline log %d 离线记录' % i, '0.5',
                               'Purpose', 'Result', next_step[0], next_step[1]]))
    return '\n'.join(lines).encode('utf-8')


def main(conf, db, rows=None):
    rows = int(rows or (200 if QUICK else 10000))
    with bench_env(conf, db) as env:
        cr = env.cr
        seller = env['res.users'].search([('groups_id', 'in', env.ref('sales_mis.group_salesperson').id),
                                          ('share', '=', False), ('id', '!=', odoo.SUPERUSER_ID)], limit=1)
        cr.execute("SELECT p.name, min(c.name) FROM res_partner p LEFT JOIN res_partner c ON c.parent_id = p.id "
                   "AND c.active WHERE p.active AND p.parent_id IS NULL AND p.name IS NOT NULL "
                   "AND (p.company_id IS NULL OR p.company_id = %s) GROUP BY p.name HAVING count(DISTINCT p.id) = 1 "
                   "AND count(DISTINCT c.name) <= count(c.id) LIMIT 500", (seller.company_id.id,))
        found = cr.fetchall()
        customers = [name for name, _c in found]
        contacts = {name: contact for name, contact in found if contact}
        data = build_csv(customers, contacts, rows)
        print('Offline visit import benchmark: %s rows (%d KB CSV, %d with a next step), %d customers, as %s' % (
            '{:,}'.format(rows), len(data) // 1024, len(range(5, rows, 100)), len(customers), seller.login))
        Wizard = env['sales_mis.visit.import'].sudo(seller)
        for attempt in ('first upload', 'same file again'):
            wizard = Wizard.create({'data_file': base64.b64encode(data), 'filename': 'bench.csv',
                                    'mode': 'valid_only'})
            started = time.perf_counter()
            wizard.action_import()
            seconds = time.perf_counter() - started
            print('  %-16s %6.1f s  created %s, already imported %s, rows with errors %s' % (
                attempt, seconds, wizard.created_count, wizard.skipped_count, wizard.error_count))
            if wizard.error_text:
                print('    ' + '\n    '.join(wizard.error_text.splitlines()[:5]))
        cr.rollback()


if __name__ == '__main__':
    main(*sys.argv[1:4])
