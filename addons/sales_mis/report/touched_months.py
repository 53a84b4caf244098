# -*- coding: utf-8 -*-
"""Which (basis, company, month, salesperson) of the monthly figures changed since the last pass.

The monthly actuals and the sales analysis are tables of month aggregates; a pass recomputes
only the salesperson-months whose documents changed, so its cost follows the changes, not the
history (an order entered recomputes one salesperson's month: about a hundred lines at a
million).  A document (confirmed order, posted customer invoice or refund) belongs to the month
of its local order day or its invoice date and to its salesperson.  Changed = written since the
watermark (write_date, indexed).  A document may also leave a key (new date, salesperson,
company) or vanish: `sales_mis_actual_doc` remembers the key of every counted document at the
last pass, so the key it left is recomputed too (a deleted document is found by an
anti-join on the primary key).  All set-based SQL."""
from .local_day import local_date, tz_join

DOC_TABLE = 'sales_mis_actual_doc'
KEYS_TABLE = 'sales_mis_touched_months'
DOCS_TABLE = 'sales_mis_touched_docs'
#: joins a table aliased `a` (or the doc table `d`) to the keys `k`
KEY_MATCH = ('{0}.basis = k.basis AND {0}.company_id = k.company_id AND {0}.month = k.month '
             'AND COALESCE({0}.user_id, 0) = COALESCE(k.user_id, 0)')

#: the documents of each basis: (table, alias-qualified month, joins, "counted" condition)
_ORDER_MONTH = "date_trunc('month', %s)::date" % local_date('COALESCE(s.confirmation_date, s.date_order)')
SOURCES = {
    'order': ('sale_order s', _ORDER_MONTH, tz_join('s.company_id'), "s.state IN ('sale', 'done')"),
    'invoice': ('account_invoice s', "date_trunc('month', s.date_invoice)::date", '',
                "s.state IN ('open', 'paid') AND s.type IN ('out_invoice', 'out_refund')"),
}


def set_param(env, key, value):
    """ir.config_parameter `key` = `value` in SQL: the tables are built in init(), when the ORM
    cannot be used yet (other models' columns may not exist)."""
    env.cr.execute("""INSERT INTO ir_config_parameter (key, value, create_uid, create_date, write_uid, write_date)
                      VALUES (%s, %s, 1, now() at time zone 'UTC', 1, now() at time zone 'UTC')
                      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, write_date = EXCLUDED.write_date""",
                   (key, value))
    env['ir.config_parameter'].clear_caches()  # get_param is cached


def create_tables(cr):
    cr.execute("""CREATE TABLE IF NOT EXISTS {0} (
                      basis varchar NOT NULL, doc_id integer NOT NULL, company_id integer, month date,
                      user_id integer, PRIMARY KEY (basis, doc_id))""".format(DOC_TABLE))
    cr.execute("ALTER TABLE %s ADD COLUMN IF NOT EXISTS user_id integer" % DOC_TABLE)  # (filled by the rebuild)
    cr.execute("CREATE INDEX IF NOT EXISTS {0}_key ON {0} (basis, company_id, month, user_id)".format(DOC_TABLE))
    # the passes find changed documents by write_date
    cr.execute('CREATE INDEX IF NOT EXISTS sale_order_sales_mis_write_date ON sale_order (write_date)')
    cr.execute('CREATE INDEX IF NOT EXISTS account_invoice_sales_mis_write_date ON account_invoice (write_date)')


def remember_all(cr):
    """After a full rebuild: the key of every counted document."""
    cr.execute('TRUNCATE %s' % DOC_TABLE)
    for basis, (table, month, join, counted) in SOURCES.items():
        cr.execute("INSERT INTO {doc} (basis, doc_id, company_id, month, user_id) "
                   "SELECT %s, s.id, s.company_id, {month}, s.user_id FROM {table} {join} WHERE {counted}"
                   .format(doc=DOC_TABLE, month=month, table=table, join=join, counted=counted), (basis,))
    cr.execute('ANALYZE %s' % DOC_TABLE)


def collect(cr, since):
    """Fill the temporary table KEYS_TABLE (basis, company_id, month, user_id) with the keys to
    recompute: those of the documents changed since `since` (UTC, as write_date), where they
    are now and where they were at the last pass, and those of deleted documents; then
    remember where the changed documents are now.  Returns the number of keys."""
    cr.execute('DROP TABLE IF EXISTS %s' % KEYS_TABLE)
    cr.execute('CREATE TEMP TABLE %s (basis varchar, company_id integer, month date, user_id integer)' % KEYS_TABLE)
    for basis, (table, month, join, counted) in SOURCES.items():
        params = {'basis': basis, 'since': since}
        cr.execute('DROP TABLE IF EXISTS sales_mis_changed_docs')
        cr.execute("""
            CREATE TEMP TABLE sales_mis_changed_docs AS
            SELECT s.id, s.company_id, {month} AS month, s.user_id, ({counted}) AS counted
              FROM {table} {join} WHERE s.write_date >= %(since)s
            UNION ALL  -- deleted since the last pass (an anti-join by primary key)
            SELECT d.doc_id, NULL, NULL, NULL, false FROM {doc} d
             WHERE d.basis = %(basis)s AND NOT EXISTS (SELECT 1 FROM {table} WHERE s.id = d.doc_id)
        """.format(month=month, counted=counted, table=table, join=join, doc=DOC_TABLE), params)
        cr.execute("""
            INSERT INTO {keys}
            SELECT %(basis)s, company_id, month, user_id FROM sales_mis_changed_docs WHERE counted
            UNION
            SELECT d.basis, d.company_id, d.month, d.user_id FROM {doc} d
              JOIN sales_mis_changed_docs c ON c.id = d.doc_id WHERE d.basis = %(basis)s
        """.format(keys=KEYS_TABLE, doc=DOC_TABLE), params)
        cr.execute("DELETE FROM {doc} d USING sales_mis_changed_docs c WHERE d.basis = %(basis)s AND d.doc_id = c.id"
                   .format(doc=DOC_TABLE), params)
        cr.execute("""
            INSERT INTO {doc} (basis, doc_id, company_id, month, user_id)
            SELECT %(basis)s, id, company_id, month, user_id FROM sales_mis_changed_docs WHERE counted
        """.format(doc=DOC_TABLE), params)
        cr.execute('DROP TABLE sales_mis_changed_docs')
    # the counted documents of these keys, with statistics: the planner then reads their lines
    # by index instead of scanning every order or invoice line
    cr.execute('DROP TABLE IF EXISTS %s' % DOCS_TABLE)
    cr.execute("""CREATE TEMP TABLE {0} AS SELECT DISTINCT d.basis, d.doc_id FROM {1} d
                   JOIN (SELECT DISTINCT * FROM {2}) k ON {3}""".format(DOCS_TABLE, DOC_TABLE, KEYS_TABLE,
                                                                      KEY_MATCH.format('d')))
    cr.execute('ANALYZE %s' % DOCS_TABLE)
    cr.execute('ANALYZE %s' % KEYS_TABLE)
    cr.execute('SELECT count(*) FROM (SELECT DISTINCT * FROM %s) k' % KEYS_TABLE)
    return cr.fetchone()[0]


def touched_docs(basis):
    """SQL: the ids of the counted documents of `basis` in the keys to recompute."""
    return "(SELECT doc_id FROM %s WHERE basis = '%s')" % (DOCS_TABLE, basis)


