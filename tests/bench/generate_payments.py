#!/usr/bin/env python3
"""Journal entries, customer payments and reconciliations for a database filled by
generate.py (which writes invoices as header and line data only).

    generate_payments(cr, seed=42, log=print) -> dict

Set-based SQL only (INSERT ... SELECT), deterministic: the payment date of an invoice
is its invoice date plus 0-59 days drawn from ``hashint8extended(invoice id, seed)``,
capped at the last invoice date of the data set.  It writes:

* per customer invoice and refund an ``account_move`` (journal BJ) with a receivable line
  (account BEN121, due on the invoice's due date, ``amount_residual`` = the invoice's
  residual) and an income line (BEN400); ``account_invoice.move_id`` points to it;
* a refund (a full credit note of its invoice) is reconciled with its invoice: one
  ``account_partial_reconcile`` for the refund's amount, no money;
* the rest of what is paid (total - residual - refunds) is one ``account_payment``
  (journal BBK "Bench Bank", posted / reconciled) with its move (bank debit, receivable
  credit), reconciled with the invoice's receivable line.  Partly paid open invoices get
  a payment for the paid part only, so residuals stay consistent.

CLI (libpq defaults / PG* variables; commits, then VACUUM ANALYZE):

    python tests/bench/generate_payments.py --db DBNAME [--seed 42]
"""
import argparse
import sys
import time

__all__ = ['generate_payments']

VACUUMED = ['account_move', 'account_move_line', 'account_payment', 'account_partial_reconcile',
            'account_invoice', 'account_invoice_payment_rel']


class AlreadyGenerated(RuntimeError):
    """The database holds this generator's rows already (make bench then skips it)."""


def generate_payments(cr, seed=42, log=print):
    started, seconds = time.time(), {}

    def q(sql, params=None, step=None):
        t = time.time()
        cr.execute(sql, params)
        if step:
            seconds[step] = round(time.time() - t, 2)
            log('[payments] %-28s %6.1fs' % (step, seconds[step]))

    def one(sql, params=None):
        cr.execute(sql, params)
        row = cr.fetchone()
        return row and row[0]

    if one("SELECT count(*) FROM account_journal WHERE code = 'BBK'"):
        raise AlreadyGenerated('this database already holds bench payments (journal BBK)')
    if not one("SELECT count(*) FROM account_invoice WHERE left(number, 4) = 'BINV'"):
        raise RuntimeError('no bench invoices: run generate.py first')
    q("SET LOCAL work_mem = '256MB'")
    q("SET LOCAL synchronous_commit = off")
    if one("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"):
        q("SET LOCAL session_replication_role = replica")   # skip per-row FK triggers
    # the journal and accounts generate.py used: its own (BJ, BEN121, BEN400) on a database
    # without a chart of accounts, else the chart's
    cr.execute("""SELECT inv.company_id, inv.journal_id, inv.account_id, l.account_id
                    FROM account_invoice inv JOIN account_invoice_line l ON l.invoice_id = inv.id
                   WHERE left(inv.number, 4) = 'BINV' ORDER BY inv.id LIMIT 1""")
    company, sale_journal, receivable, income = cr.fetchone()
    currency = one("SELECT currency_id FROM res_company WHERE id = %s", (company,))
    end_date = one("SELECT max(date_invoice) FROM account_invoice WHERE type = 'out_invoice'")
    params = dict(company=company, currency=currency, sale_journal=sale_journal, receivable=receivable,
                  income=income, end_date=end_date, seed=seed)

    # a bank account and journal
    q("""INSERT INTO account_account (name, code, user_type_id, internal_type, reconcile, company_id,
                                      create_uid, create_date, write_uid, write_date)
         SELECT 'Bench Bank', 'BEN101', t.id, 'liquidity', false, %(company)s, 1, now(), 1, now()
           FROM account_account_type t WHERE t.type = 'liquidity' ORDER BY t.id LIMIT 1""", params)
    params['bank_account'] = one("SELECT id FROM account_account WHERE code = 'BEN101'")
    q("""INSERT INTO account_journal (name, code, type, sequence_id, company_id, default_debit_account_id,
                                      default_credit_account_id, update_posted, active, show_on_dashboard,
                                      create_uid, create_date, write_uid, write_date)
         SELECT 'Bench Bank', 'BBK', 'bank', sequence_id, company_id, %(bank_account)s, %(bank_account)s,
                false, true, true, 1, now(), 1, now()
           FROM account_journal WHERE id = %(sale_journal)s""", params)
    params['bank_journal'] = one("SELECT id FROM account_journal WHERE code = 'BBK'")
    params['method'] = one("SELECT id FROM account_payment_method WHERE code = 'manual' AND payment_type = 'inbound'")

    # the invoices, their new ids and what money paid of them
    q("""CREATE TEMP TABLE gp_inv AS
         SELECT inv.id AS invoice_id, inv.type, inv.number, inv.date_invoice,
                COALESCE(inv.date_due, inv.date_invoice) AS date_due, inv.commercial_partner_id AS partner_id,
                inv.amount_total AS total, inv.residual,
                nextval('account_move_id_seq') AS move_id,
                nextval('account_move_line_id_seq') AS receivable_line,
                nextval('account_move_line_id_seq') AS income_line
           FROM account_invoice inv
          WHERE inv.type IN ('out_invoice', 'out_refund') AND inv.state IN ('open', 'paid') AND inv.move_id IS NULL
          ORDER BY inv.id""", step='invoices')
    q("CREATE INDEX ON gp_inv (invoice_id)")
    q("""CREATE TEMP TABLE gp_refund AS
         SELECT r.invoice_id AS refund_id, r.receivable_line AS refund_line, i.receivable_line AS invoice_line,
                i.invoice_id, r.total, GREATEST(r.date_invoice, i.date_invoice) AS date
           FROM gp_inv r
           JOIN account_invoice ri ON ri.id = r.invoice_id
           JOIN gp_inv i ON i.invoice_id = ri.refund_invoice_id
          WHERE r.type = 'out_refund'""")
    q("""CREATE TEMP TABLE gp_pay AS
         SELECT i.invoice_id, i.number, i.partner_id, i.receivable_line AS invoice_line, i.residual,
                round(i.total - i.residual - COALESCE(rf.total, 0), 2) AS amount,
                LEAST(i.date_invoice + ((hashint8extended(i.invoice_id, %(seed)s) & 63) %% 60)::int,
                      %(end_date)s::date) AS date,
                nextval('account_payment_id_seq') AS payment_id, nextval('account_move_id_seq') AS move_id,
                nextval('account_move_line_id_seq') AS bank_line, nextval('account_move_line_id_seq') AS credit_line
           FROM gp_inv i
           LEFT JOIN (SELECT invoice_id, sum(total) AS total FROM gp_refund GROUP BY invoice_id) rf
                  ON rf.invoice_id = i.invoice_id
          WHERE i.type = 'out_invoice' AND round(i.total - i.residual - COALESCE(rf.total, 0), 2) > 0
          ORDER BY i.invoice_id""", params, step='payments planned')

    # invoice moves: receivable + income lines
    q("""INSERT INTO account_move (id, name, ref, date, journal_id, state, company_id, partner_id, amount,
                                   matched_percentage, create_uid, create_date, write_uid, write_date)
         SELECT move_id, number, number, date_invoice, %(sale_journal)s, 'posted', %(company)s, partner_id, total,
                CASE WHEN total > 0 THEN (total - residual) / total ELSE 1 END, 1, now(), 1, now()
           FROM gp_inv""", params, step='invoice moves')
    q("""INSERT INTO account_move_line (id, move_id, name, ref, date, date_maturity, journal_id, company_id,
                                        company_currency_id, account_id, user_type_id, partner_id, invoice_id,
                                        debit, credit, balance, amount_residual, amount_currency, quantity,
                                        reconciled, tax_exigible, create_uid, create_date, write_uid, write_date)
         SELECT receivable_line, move_id, number, number, date_invoice, date_due, %(sale_journal)s, %(company)s,
                %(currency)s, %(receivable)s, a.user_type_id, partner_id, invoice_id,
                CASE WHEN type = 'out_invoice' THEN total ELSE 0 END,
                CASE WHEN type = 'out_refund' THEN total ELSE 0 END,
                CASE WHEN type = 'out_invoice' THEN total ELSE -total END,
                CASE WHEN type = 'out_invoice' THEN residual ELSE -residual END, 0, 1,
                residual = 0, true, 1, now(), 1, now()
           FROM gp_inv, account_account a WHERE a.id = %(receivable)s
         UNION ALL
         SELECT income_line, move_id, number, number, date_invoice, date_due, %(sale_journal)s, %(company)s,
                %(currency)s, %(income)s, a.user_type_id, partner_id, invoice_id,
                CASE WHEN type = 'out_refund' THEN total ELSE 0 END,
                CASE WHEN type = 'out_invoice' THEN total ELSE 0 END,
                CASE WHEN type = 'out_invoice' THEN -total ELSE total END, 0, 0, 1,
                false, true, 1, now(), 1, now()
           FROM gp_inv, account_account a WHERE a.id = %(income)s""", params, step='invoice move lines')
    q("""UPDATE account_invoice inv SET move_id = g.move_id, account_id = %(receivable)s
           FROM gp_inv g WHERE g.invoice_id = inv.id""", params, step='invoices linked')

    # payments with their moves
    q("""INSERT INTO account_payment (id, name, payment_type, partner_type, partner_id, amount, currency_id,
                                      payment_date, journal_id, payment_method_id, state, company_id,
                                      communication, move_name, payment_difference_handling,
                                      create_uid, create_date, write_uid, write_date)
         SELECT payment_id, 'BPAY/' || to_char(date, 'YYYY') || '/' || lpad(payment_id::text, 7, '0'),
                'inbound', 'customer', partner_id, amount, %(currency)s, date, %(bank_journal)s, %(method)s,
                CASE WHEN residual = 0 THEN 'reconciled' ELSE 'posted' END, %(company)s, number,
                'BPAY/' || to_char(date, 'YYYY') || '/' || lpad(payment_id::text, 7, '0'), 'open',
                1, now(), 1, now()
           FROM gp_pay""", params, step='account_payment')
    q("""INSERT INTO account_invoice_payment_rel (payment_id, invoice_id)
         SELECT payment_id, invoice_id FROM gp_pay""")
    q("""INSERT INTO account_move (id, name, ref, date, journal_id, state, company_id, partner_id, amount,
                                   matched_percentage, create_uid, create_date, write_uid, write_date)
         SELECT move_id, 'BPAY/' || to_char(date, 'YYYY') || '/' || lpad(payment_id::text, 7, '0'), number, date,
                %(bank_journal)s, 'posted', %(company)s, partner_id, amount, 1, 1, now(), 1, now()
           FROM gp_pay""", params, step='payment moves')
    q("""INSERT INTO account_move_line (id, move_id, name, ref, date, date_maturity, journal_id, company_id,
                                        company_currency_id, account_id, user_type_id, partner_id, payment_id,
                                        debit, credit, balance, amount_residual, amount_currency, quantity,
                                        reconciled, tax_exigible, create_uid, create_date, write_uid, write_date)
         SELECT bank_line, move_id, 'Customer Payment', number, date, date, %(bank_journal)s, %(company)s,
                %(currency)s, %(bank_account)s, b.user_type_id, partner_id, payment_id,
                amount, 0, amount, 0, 0, 1, false, true, 1, now(), 1, now()
           FROM gp_pay, account_account b WHERE b.id = %(bank_account)s
         UNION ALL
         SELECT credit_line, move_id, 'Customer Payment: ' || number, number, date, date, %(bank_journal)s,
                %(company)s, %(currency)s, %(receivable)s, r.user_type_id, partner_id, payment_id,
                0, amount, -amount, 0, 0, 1, true, true, 1, now(), 1, now()
           FROM gp_pay, account_account r WHERE r.id = %(receivable)s""", params, step='payment move lines')

    # reconciliations: payments with invoices, refunds with the invoices they credit
    q("""INSERT INTO account_partial_reconcile (debit_move_id, credit_move_id, amount, amount_currency,
                                                company_id, max_date, create_uid, create_date, write_uid,
                                                write_date)
         SELECT invoice_line, credit_line, amount, 0, %(company)s, date, 1, now(), 1, now() FROM gp_pay
         UNION ALL
         SELECT invoice_line, refund_line, total, 0, %(company)s, date, 1, now(), 1, now() FROM gp_refund
         ORDER BY 1, 2""", params, step='partial reconciles')

    # the foreign keys the replica role did not check
    for table, column, target in (('account_move_line', 'move_id', 'account_move'),
                                  ('account_move_line', 'payment_id', 'account_payment'),
                                  ('account_partial_reconcile', 'debit_move_id', 'account_move_line'),
                                  ('account_partial_reconcile', 'credit_move_id', 'account_move_line')):
        bad = one("SELECT count(*) FROM {0} x LEFT JOIN {2} y ON y.id = x.{1} "
                  "WHERE x.{1} IS NOT NULL AND y.id IS NULL".format(table, column, target))
        if bad:
            raise RuntimeError('%d rows of %s.%s point nowhere' % (bad, table, column))
    stats = {
        'invoice_moves': one("SELECT count(*) FROM gp_inv"),
        'payments': one("SELECT count(*) FROM gp_pay"),
        'collected': float(one("SELECT COALESCE(sum(amount), 0) FROM gp_pay")),
        'refund_reconciles': one("SELECT count(*) FROM gp_refund"),
        'seconds': seconds,
    }
    for table in VACUUMED:
        q('ANALYZE %s' % table)
    log('[payments] done in %.1fs' % (time.time() - started))
    return stats


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--db', required=True, help='database name (libpq/PG* for the rest)')
    parser.add_argument('--seed', type=int, default=42)
    args = parser.parse_args(argv)
    import psycopg2
    conn = psycopg2.connect(dbname=args.db)
    try:
        with conn.cursor() as cr:
            result = generate_payments(cr, seed=args.seed, log=lambda msg: print(msg, flush=True))
        conn.commit()
        conn.autocommit = True
        with conn.cursor() as cr:
            for table in VACUUMED:
                cr.execute('VACUUM (ANALYZE) %s' % table)
    except AlreadyGenerated as done:
        conn.rollback()
        print('skipped: %s' % done)
        return 0
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.close()
    for key, value in result.items():
        print('%s: %s' % (key, value))
    return 0


if __name__ == '__main__':
    sys.exit(main())
