#!/usr/bin/env python3
"""Synthetic sales history for benchmarks (Odoo 11 + sale_management, sale_stock,
account_invoicing, purchase, sale_margin).

    generate(cr, scale=1.0, seed=42, years=3, end_date=None, log=print) -> dict

Everything is written with set-based SQL (INSERT ... SELECT over generate_series, or one
unnest of a small Python-computed array); nothing goes through the ORM and there is no
per-row INSERT.  Randomness comes from hashing row numbers with the seed
(``hashint8extended``), so a given (scale, seed, years, end_date) always produces the same
rows, independently of query plans or parallelism.

At scale 1.0: 20 teams x 10 salespeople, 5,000 customers, 50 categories, 2,000 products,
~200,000 confirmed sale orders with exactly 1,000,000 lines over ``years`` years, one
customer invoice per order for ~96 % of the orders older than 30 days, ~3 % refunds.
Invoices are header + line data only: no account_move / account_move_line rows.

CLI (connects through libpq defaults / PG* variables and commits):

    python tests/bench/generate.py --db DBNAME [--scale 0.01] [--years 3] [--seed 42]
"""
import argparse
import datetime
import math
import random
import sys
import time

__all__ = ['generate']

# --- fixed vocabularies ---------------------------------------------------------------

REGIONS = ['East China', 'North China', 'South China', 'Central China', 'Southwest',
           'Northeast', 'Northwest', 'Key Accounts', 'Export', 'E-commerce']
SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou',
            'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Gao', 'Luo']
GIVEN = ['Wei', 'Fang', 'Na', 'Min', 'Jing', 'Lei', 'Qiang', 'Yan', 'Jun', 'Yong', 'Jie',
         'Tao', 'Ming', 'Chao', 'Xiu', 'Hua', 'Ping', 'Gang', 'Hong', 'Bo', 'Hui', 'Dan',
         'Ying', 'Xin', 'Peng', 'Lin', 'Hao', 'Yu', 'Kai', 'Rui']
# (city, state code or '', country code, zip prefix, phone prefix, tz); repeats = weight
CITIES = [
    ('Shanghai', '', 'CN', '200', '+86 21', 'Asia/Shanghai'),
    ('Shanghai', '', 'CN', '201', '+86 21', 'Asia/Shanghai'),
    ('Beijing', '', 'CN', '100', '+86 10', 'Asia/Shanghai'),
    ('Beijing', '', 'CN', '101', '+86 10', 'Asia/Shanghai'),
    ('Shenzhen', '', 'CN', '518', '+86 755', 'Asia/Shanghai'),
    ('Guangzhou', '', 'CN', '510', '+86 20', 'Asia/Shanghai'),
    ('Hangzhou', '', 'CN', '310', '+86 571', 'Asia/Shanghai'),
    ('Suzhou', '', 'CN', '215', '+86 512', 'Asia/Shanghai'),
    ('Nanjing', '', 'CN', '210', '+86 25', 'Asia/Shanghai'),
    ('Chengdu', '', 'CN', '610', '+86 28', 'Asia/Shanghai'),
    ('Wuhan', '', 'CN', '430', '+86 27', 'Asia/Shanghai'),
    ('Tianjin', '', 'CN', '300', '+86 22', 'Asia/Shanghai'),
    ('Chongqing', '', 'CN', '400', '+86 23', 'Asia/Shanghai'),
    ("Xi'an", '', 'CN', '710', '+86 29', 'Asia/Shanghai'),
    ('Qingdao', '', 'CN', '266', '+86 532', 'Asia/Shanghai'),
    ('Xiamen', '', 'CN', '361', '+86 592', 'Asia/Shanghai'),
    ('Ningbo', '', 'CN', '315', '+86 574', 'Asia/Shanghai'),
    ('Dongguan', '', 'CN', '523', '+86 769', 'Asia/Shanghai'),
    ('San Francisco', 'CA', 'US', '941', '+1 415', 'America/Los_Angeles'),
    ('New York', 'NY', 'US', '100', '+1 212', 'America/New_York'),
    ('Houston', 'TX', 'US', '770', '+1 713', 'America/Chicago'),
    ('Chicago', 'IL', 'US', '606', '+1 312', 'America/Chicago'),
    ('Osaka', '27', 'JP', '530', '+81 6', 'Asia/Tokyo'),
    ('Yokohama', '14', 'JP', '220', '+81 45', 'Asia/Tokyo'),
    ('Mumbai', 'MH', 'IN', '400', '+91 22', 'Asia/Kolkata'),
    ('Bangalore', 'KA', 'IN', '560', '+91 80', 'Asia/Kolkata'),
    ('Sydney', 'NSW', 'AU', '200', '+61 2', 'Australia/Sydney'),
    ('Melbourne', 'VIC', 'AU', '300', '+61 3', 'Australia/Melbourne'),
    ('Kuala Lumpur', '', 'MY', '500', '+60 3', 'Asia/Kuala_Lumpur'),
    ('Jakarta', '', 'ID', '101', '+62 21', 'Asia/Jakarta'),
]
NAME_A = ['Golden', 'Silver', 'Great', 'Eastern', 'Northern', 'Pacific', 'Bright', 'Grand',
          'United', 'Rising', 'Blue', 'Green', 'Red', 'Jade', 'Pearl', 'Crystal', 'Prime',
          'Royal', 'Star', 'Sun', 'Ever', 'Long', 'Harmony', 'Fortune', 'Unity', 'Apex',
          'Summit', 'Ocean', 'River', 'Mountain', 'Phoenix', 'Dragon', 'Lotus', 'Bamboo',
          'Orient', 'Central', 'Allied', 'Modern', 'Smart', 'Noble']
NAME_B = ['Bridge', 'Wave', 'Peak', 'Gate', 'Field', 'Tree', 'Stone', 'Light', 'Wing', 'Way',
          'Tide', 'Port', 'Crown', 'Link', 'Rock', 'Path', 'Cloud', 'Bay', 'Harbor', 'Leaf',
          'Spring', 'Point', 'Line', 'Pine', 'Horse', 'Tower', 'Garden', 'Valley', 'Shore',
          'Wind', 'Fire', 'Hill', 'Lake', 'Forest', 'Sky', 'Moon', 'Crest', 'Meadow', 'Mark',
          'Trust']
NAME_C = ['Trading', 'Machinery', 'Electronics', 'Technology', 'Industrial', 'Logistics',
          'Materials', 'Equipment', 'Manufacturing', 'Supply', 'Engineering', 'Import & Export',
          'Automation', 'Chemical', 'Packaging', 'Hardware', 'Medical', 'Textile', 'Retail',
          'Distribution', 'Instruments', 'Components', 'Systems', 'Solutions', 'Commerce']
STREETS = ['Nanjing', 'Huaihai', 'Renmin', 'Zhongshan', 'Jiefang', 'Jianguo', 'Changan',
           'Century', 'Binhai', 'Xinhua', 'Heping', 'Dongfeng', 'Yanan', 'Beijing', 'Hubin']
CATEG_TOP = ['Electronics', 'Machinery', 'Chemicals', 'Packaging', 'Office Supplies',
             'Hardware', 'Textiles', 'Automotive Parts', 'Medical Supplies', 'Building Materials',
             'Lighting', 'Tools', 'Safety Equipment', 'Plastics', 'Laboratory']
CATEG_SUB = ['Sensors', 'Cables', 'Connectors', 'Motors', 'Pumps', 'Valves', 'Bearings',
             'Adhesives', 'Solvents', 'Cartons', 'Films', 'Paper', 'Fasteners', 'Hand Tools',
             'Fabrics', 'Filters', 'Gears', 'Relays', 'Switches', 'Displays', 'Batteries',
             'Controllers', 'Hoses', 'Seals', 'Coatings', 'Lubricants', 'Gloves', 'Masks',
             'Lamps', 'Drives', 'Transformers', 'Compressors', 'Fans', 'Pipes', 'Fittings',
             'Brackets', 'Enclosures', 'Labels', 'Tapes', 'Resins', 'Meters', 'Probes',
             'Heaters', 'Chillers', 'Scanners']
SERIES = ['Pro', 'Max', 'Lite', 'Plus', 'Eco', 'Ultra', 'Prime', 'Core', 'Flex', 'Nova',
          'Titan', 'Swift', 'Aero', 'Delta', 'Omega', 'Vector']

# Chinese New Year (first day of the lunar year)
CNY = {2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10), 2014: (1, 31),
       2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5),
       2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10),
       2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13),
       2030: (2, 3), 2031: (1, 23), 2032: (2, 11), 2033: (1, 31), 2034: (2, 19),
       2035: (2, 8)}
MONTH_FACTOR = [None, 0.95, 0.92, 1.0, 1.0, 1.0, 1.05, 0.95, 0.95, 1.05, 1.10, 1.25, 1.35]
WEEKDAY_FACTOR = [1.0, 1.0, 1.0, 1.0, 1.0, 0.30, 0.15]
ANNUAL_GROWTH = 0.15

# full-scale sizes
FULL = dict(teams=20, salespeople=200, customers=5000, categories=50, products=2000,
            lines=1000000)
MINIMUM = dict(teams=2, salespeople=4, customers=50, categories=5, products=20, lines=1)

VACUUMED = ['res_partner', 'ir_property', 'sale_order', 'sale_order_line', 'account_invoice',
            'account_invoice_line', 'sale_order_line_invoice_rel']
TEMP_TABLES = ['_bench_days', '_bench_o0', '_bench_o1', '_bench_ord', '_bench_p',
               '_bench_l', '_bench_oa', '_bench_cities']


def _day_factor(day):
    """Relative order intake of one calendar day (before growth and noise)."""
    f = MONTH_FACTOR[day.month] * WEEKDAY_FACTOR[day.weekday()]
    m, d = CNY.get(day.year, (2, 5))
    dist = (day - datetime.date(day.year, m, d)).days
    if -3 <= dist <= 6:            # Spring Festival holiday
        f *= 0.10
    elif -14 <= dist < -3:          # slowdown before it: 1.0 -> 0.6
        f *= 1.0 - 0.4 * (dist + 14) / 10.0
    elif 6 < dist <= 21:            # slow restart until the Lantern Festival: 0.3 -> 1.0
        f *= 0.3 + 0.7 * (dist - 6) / 15.0
    if day.month == 10 and day.day <= 7:   # National Day golden week
        f *= 0.35
    return f


def _coprime_multiplier(n, candidates=(7919, 104729, 15485863, 2654435761)):
    for c in candidates:
        if math.gcd(c, n) == 1:
            return c
    return 1


class _Gen(object):

    def __init__(self, cr, scale, seed, years, end_date, log):
        if scale <= 0:
            raise ValueError('scale must be > 0')
        if years <= 0:
            raise ValueError('years must be > 0')
        self.cr = cr
        self.scale = float(scale)
        self.seed = int(seed)
        self.years = int(years)
        if end_date is None:
            end_date = datetime.date.today()
        elif isinstance(end_date, str):
            end_date = datetime.datetime.strptime(end_date, '%Y-%m-%d').date()
        elif isinstance(end_date, datetime.datetime):
            end_date = end_date.date()
        self.end = end_date
        try:
            start = end_date.replace(year=end_date.year - self.years)
        except ValueError:          # 29 February
            start = end_date.replace(year=end_date.year - self.years, day=28)
        self.start = start + datetime.timedelta(days=1)
        # create/write date of the few configuration rows (deterministic, unlike now())
        self.setup_ts = "'%s'::timestamp" % (self.start - datetime.timedelta(days=90))
        self.log = log or (lambda msg: None)
        n = {k: max(MINIMUM[k], int(round(FULL[k] * self.scale))) for k in FULL}
        n['salespeople'] = max(n['salespeople'], n['teams'])
        self.n = n
        self.t0 = time.time()
        self.t_step = self.t0
        self.seconds = {}
        self.counts = {}

    # -- helpers --------------------------------------------------------------------------

    def q(self, sql, params=None):
        self.cr.execute(sql, params)

    def one(self, sql, params=None):
        self.cr.execute(sql, params)
        row = self.cr.fetchone()
        return row[0] if row else None

    def r(self, expr, stream):
        """Deterministic uniform [0, 1) SQL expression for integer ``expr``."""
        return 'pg_temp._bench_r((%s)::bigint, %d)' % (expr, self.seed * 1000003 + stream)

    def step(self, name, **counts):
        now = time.time()
        self.seconds[name] = round(now - self.t_step, 3)
        self.t_step = now
        self.counts.update(counts)
        extra = ', '.join('%s=%s' % kv for kv in counts.items())
        self.log('[bench] %-12s %7.2fs (total %7.2fs)%s' % (
            name, self.seconds[name], now - self.t0, ('  ' + extra) if extra else ''))

    def xmlid(self, module, name):
        return self.one("SELECT res_id FROM ir_model_data WHERE module=%s AND name=%s",
                        (module, name))

    def alloc(self, table, count):
        """Reserve ``count`` ids of ``table``; returns base (ids are base+1 .. base+count)."""
        seq = self.one("SELECT pg_get_serial_sequence(%s, 'id')", (table,))
        self.cr.execute("SELECT last_value, is_called FROM %s" % seq)
        last, called = self.cr.fetchone()
        base = max(self.one("SELECT COALESCE(MAX(id), 0) FROM %s" % table),
                   last if called else last - 1)
        if count > 0:
            self.q("SELECT setval(%s, %s, true)", (seq, base + count))
        self.touched_seq.add(table)
        return base

    def model_id(self, model):
        return self.one("SELECT id FROM ir_model WHERE model=%s", (model,))

    # -- steps ------------------------------------------------------------------------------

    def run(self):
        self.touched_seq = set()
        try:
            self.prepare()
            self.teams_users()
            self.customers()
            self.categories()
            self.products()
            self.orders_plan()
            self.order_lines()
            self.sale_orders()
            self.invoices()
            self.finish()
        finally:
            self.cleanup()
        total = round(time.time() - self.t0, 3)
        self.log('[bench] done in %.1fs' % total)
        result = dict(self.counts)
        result['seconds'] = dict(self.seconds)
        result['total_seconds'] = total
        result['scale'] = self.scale
        result['seed'] = self.seed
        result['start_date'] = self.start.isoformat()
        result['end_date'] = self.end.isoformat()
        return result

    def prepare(self):
        q = self.q
        self.prev_settings = [(name, self.one("SELECT current_setting(%s)", (name,)))
                              for name in ('work_mem', 'synchronous_commit')]
        q("SET LOCAL work_mem = '256MB'")
        q("SET LOCAL synchronous_commit = off")
        if self.one("SELECT count(*) FROM res_users WHERE left(login, 9) = 'bench_sp_'"):
            raise RuntimeError('this database already holds benchmark data (bench_sp_* users); '
                               'generate into a fresh database')
        q("""CREATE OR REPLACE FUNCTION pg_temp._bench_r(k bigint, s bigint) RETURNS float8
             LANGUAGE sql IMMUTABLE PARALLEL RESTRICTED AS
             $$ SELECT (hashint8extended(k, s) & 9007199254740991)::float8
                       / 9007199254740992.0 $$""")
        for t in TEMP_TABLES:
            q("DROP TABLE IF EXISTS pg_temp.%s" % t)

        self.company = self.xmlid('base', 'main_company') or self.one(
            "SELECT min(id) FROM res_company")
        self.company_currency = self.one("SELECT currency_id FROM res_company WHERE id=%s",
                                         (self.company,))
        self.pricelist = self.xmlid('product', 'list0') or self.one(
            "SELECT id FROM product_pricelist WHERE active ORDER BY sequence, id LIMIT 1")
        self.currency = self.one("SELECT currency_id FROM product_pricelist WHERE id=%s",
                                 (self.pricelist,)) or self.company_currency
        if self.currency != self.company_currency:
            self.log('[bench] warning: pricelist currency differs from company currency; '
                     '*_company_signed amounts are not converted')
        self.uom = self.xmlid('product', 'product_uom_unit') or self.one(
            "SELECT min(id) FROM product_uom")
        self.categ_all = self.xmlid('product', 'product_category_all') or self.one(
            "SELECT min(id) FROM product_category WHERE parent_id IS NULL")
        self.warehouse = self.one(
            "SELECT id FROM stock_warehouse WHERE company_id=%s ORDER BY id LIMIT 1",
            (self.company,))
        self.g_user = self.xmlid('base', 'group_user')
        self.g_sale = self.xmlid('sales_team', 'group_sale_salesman')
        self.payment_term = self.xmlid('account', 'account_payment_term_net')
        self.m_lead = self.model_id('crm.lead')
        self.m_team = self.model_id('crm.team')
        self.has_password_crypt = bool(self.one(
            "SELECT count(*) FROM information_schema.columns "
            "WHERE table_name='res_users' AND column_name='password_crypt'"))
        # with sales_mis installed, an order's approval state is required ('none': no approval needed)
        self.has_approval = bool(self.one(
            "SELECT count(*) FROM information_schema.columns "
            "WHERE table_name='sale_order' AND column_name='approval_state'"))
        self.setup_accounting()
        self.prop0 = self.one("SELECT COALESCE(MAX(id), 0) FROM ir_property")
        # Bulk mode: as a superuser, skip the per-row foreign-key triggers during the load
        # (5x faster) and check every foreign key of the new rows set-based in finish().
        self.fast = bool(self.one("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
        if self.fast:
            self.prev_role = self.one("SELECT current_setting('session_replication_role')")
            q("SET LOCAL session_replication_role = replica")
        else:
            self.log('[bench] not a superuser: foreign keys checked row by row (slower)')
        self.step('prepare')

    def _default_property(self, field, model):
        ref = self.one(
            "SELECT p.value_reference FROM ir_property p JOIN ir_model_fields f ON f.id=p.fields_id"
            " WHERE f.name=%s AND f.model=%s AND p.res_id IS NULL"
            " AND (p.company_id=%s OR p.company_id IS NULL)"
            " ORDER BY p.company_id NULLS LAST LIMIT 1", (field, model, self.company))
        if ref and ref.startswith('account.account,'):
            acc = int(ref.split(',')[1])
            if self.one("SELECT count(*) FROM account_account WHERE id=%s", (acc,)):
                return acc
        return None

    def _set_default_property(self, field, model, account):
        fid = self.one("SELECT id FROM ir_model_fields WHERE name=%s AND model=%s", (field, model))
        if fid:
            self.q("INSERT INTO ir_property (name, fields_id, company_id, value_reference, type,"
                   " create_uid, create_date, write_uid, write_date)"
                   " VALUES (%s, %s, %s, %s, 'many2one', 1, {ts}, 1,"
                   " {ts})".format(ts=self.setup_ts),
                   (field, fid, self.company, 'account.account,%d' % account))
            self.touched_seq.add('ir_property')

    def _create_account(self, code, name, type_xmlid, internal_type, reconcile):
        type_id = self.xmlid('account', type_xmlid)
        self.touched_seq.add('account_account')
        return self.one(
            "INSERT INTO account_account (name, code, deprecated, user_type_id, internal_type,"
            " reconcile, company_id, create_uid, create_date, write_uid, write_date)"
            " VALUES (%s, %s, false, %s, %s, %s, %s, 1, {ts}, 1,"
            " {ts}) RETURNING id".format(ts=self.setup_ts),
            (name, code, type_id, internal_type, reconcile, self.company))

    def setup_accounting(self):
        """Receivable + income account and a sale journal; created only when the database
        has no chart of accounts (e.g. installed without l10n_generic_coa)."""
        created = []
        recv = self._default_property('property_account_receivable_id', 'res.partner') or self.one(
            "SELECT id FROM account_account WHERE company_id=%s AND internal_type='receivable'"
            " AND NOT coalesce(deprecated, false) ORDER BY code LIMIT 1", (self.company,))
        if not recv:
            recv = self._create_account('BEN121', 'Bench Receivable',
                                        'data_account_type_receivable', 'receivable', True)
            self._set_default_property('property_account_receivable_id', 'res.partner', recv)
            created.append('receivable account')
        self.cr.execute(
            "SELECT id, default_credit_account_id FROM account_journal WHERE type='sale'"
            " AND company_id=%s AND coalesce(active, true) ORDER BY sequence, id LIMIT 1",
            (self.company,))
        row = self.cr.fetchone()
        journal, journal_account = row if row else (None, None)
        income = self._default_property('property_account_income_categ_id', 'product.category') \
            or journal_account or self.one(
                "SELECT a.id FROM account_account a JOIN ir_model_data d ON d.res_id=a.user_type_id"
                " AND d.model='account.account.type' AND d.module='account'"
                " AND d.name='data_account_type_revenue' WHERE a.company_id=%s"
                " AND NOT coalesce(a.deprecated, false) ORDER BY a.code LIMIT 1", (self.company,))
        if not income:
            income = self._create_account('BEN400', 'Bench Product Sales',
                                          'data_account_type_revenue', 'other', False)
            self._set_default_property('property_account_income_categ_id', 'product.category',
                                       income)
            created.append('income account')
        if not journal:
            self.touched_seq.update(['ir_sequence', 'account_journal'])
            seq = self.one(
                "INSERT INTO ir_sequence (name, implementation, active, prefix, padding,"
                " number_next, number_increment, company_id, use_date_range, create_uid,"
                " create_date, write_uid, write_date) VALUES ('Bench Customer Invoices',"
                " 'no_gap', true, 'BJ/%%(range_year)s/', 4, 1, 1, %s, true, 1,"
                " {ts}, 1, {ts}) RETURNING id".format(ts=self.setup_ts),
                (self.company,))
            journal = self.one(
                "INSERT INTO account_journal (name, code, active, type, default_credit_account_id,"
                " default_debit_account_id, update_posted, group_invoice_lines, sequence_id,"
                " sequence, company_id, refund_sequence, show_on_dashboard, color,"
                " at_least_one_inbound, at_least_one_outbound, bank_statements_source,"
                " create_uid, create_date, write_uid, write_date) VALUES"
                " ('Bench Customer Invoices', 'BJ', true, 'sale', %s, %s, false, false, %s, 5, %s,"
                " false, true, 11, true, true, 'undefined', 1, {ts}, 1,"
                " {ts}) RETURNING id".format(ts=self.setup_ts),
                (income, income, seq, self.company))
            created.append('sale journal')
        self.recv_account, self.income_account, self.journal = recv, income, journal
        if created:
            self.log('[bench] no chart of accounts found: created %s' % ', '.join(created))

    def teams_users(self):
        q, n = self.q, self.n
        nt, ns = n['teams'], n['salespeople']
        self.team0 = self.alloc('crm_team', nt)
        self.alias0 = self.alloc('mail_alias', nt)
        self.sp_partner0 = self.alloc('res_partner', ns)
        self.user0 = self.alloc('res_users', ns)
        start_ts = "(%s::date - interval '30 days')" % self._lit(self.start)
        p = dict(regions=REGIONS, surnames=SURNAMES, given=GIVEN, company=self.company,
                 lead=self.m_lead, team_model=self.m_team)
        q("""INSERT INTO mail_alias (id, alias_name, alias_model_id, alias_user_id, alias_defaults,
                 alias_force_thread_id, alias_parent_model_id, alias_parent_thread_id,
                 alias_contact, create_uid, create_date, write_uid, write_date)
             SELECT %(a0)s + t, NULL, %(lead)s, NULL,
                    '{{''type'': ''opportunity'', ''team_id'': ' || (%(t0)s + t) || '}}',
                    NULL, %(team_model)s, %(t0)s + t, 'everyone', 1, {ts}, 1, {ts}
             FROM generate_series(1, %(nt)s) t""".format(ts=start_ts),
          dict(p, a0=self.alias0, t0=self.team0, nt=nt))
        q("""INSERT INTO crm_team (id, name, active, company_id, user_id, color, team_type,
                 dashboard_graph_model, dashboard_graph_group, dashboard_graph_period,
                 dashboard_graph_group_pipeline, use_leads, use_opportunities, use_quotations,
                 use_invoices, invoiced_target, alias_id, create_uid, create_date, write_uid,
                 write_date)
             SELECT %(t0)s + t,
                    'Bench Team ' || lpad(t::text, %(wt)s, '0') || ' - '
                        || (%(regions)s::text[])[
                               1 + mod(t - 1, array_length(%(regions)s::text[], 1))],
                    true, %(company)s, NULL, mod(t, 12), 'sales', 'sale.report', 'day', 'month',
                    'day', true, true, true, true, NULL, %(a0)s + t, 1, {ts}, 1, {ts}
             FROM generate_series(1, %(nt)s) t""".format(ts=start_ts),
          dict(p, a0=self.alias0, t0=self.team0, nt=nt, wt=max(2, len(str(nt)))))
        w = max(3, len(str(ns)))
        # salesperson s (0-based) belongs to team mod(s, nt); team leader = first member (s = team)
        q("""INSERT INTO res_partner (id, name, display_name, company_id, lang, tz, active,
                 customer, supplier, employee, type, email, phone, is_company, color,
                 partner_share, commercial_partner_id, message_bounce, team_id, invoice_warn,
                 picking_warn, sale_warn, purchase_warn, create_uid, create_date, write_uid,
                 write_date)
             SELECT %(p0)s + 1 + s, nm, nm, %(company)s, 'en_US', 'Asia/Shanghai', true,
                    false, false, true, 'contact', 'bench_sp_' || lpad((s + 1)::text, %(w)s, '0')
                    || '@example.com', '+86 21 5555 ' || lpad((s + 1)::text, 4, '0'), false, 0,
                    false, %(p0)s + 1 + s, 0, %(t0)s + 1 + mod(s, %(nt)s), 'no-message',
                    'no-message', 'no-message', 'no-message', 1, {ts}, 1, {ts}
             FROM (SELECT s, (%(surnames)s::text[])[1 + mod(s, 20)] || ' '
                          || (%(given)s::text[])[1 + mod(s / 20, 30)]
                          || CASE WHEN s >= 600 THEN ' ' || (s / 600 + 1) ELSE '' END AS nm
                   FROM generate_series(0, %(ns)s - 1) s) x""".format(ts=start_ts),
          dict(p, p0=self.sp_partner0, t0=self.team0, nt=nt, ns=ns, w=w))
        if self.has_password_crypt:
            pw_col, pw_val = 'password_crypt', self._password_hash('bench')
        else:
            pw_col, pw_val = 'password', 'bench'
        q("""INSERT INTO res_users (id, active, login, {pw}, company_id, partner_id, share,
                 notification_type, sale_team_id, create_uid, create_date, write_uid, write_date)
             SELECT %(u0)s + 1 + s, true, 'bench_sp_' || lpad((s + 1)::text, %(w)s, '0'), %(pw)s,
                    %(company)s, %(p0)s + 1 + s, false, 'email', %(t0)s + 1 + mod(s, %(nt)s),
                    1, {ts}, 1, {ts}
             FROM generate_series(0, %(ns)s - 1) s""".format(ts=start_ts, pw=pw_col),
          dict(p, u0=self.user0, p0=self.sp_partner0, t0=self.team0, nt=nt, ns=ns, w=w,
               pw=pw_val))
        q("""UPDATE crm_team SET user_id = %(u0)s + 1 + (id - %(t0)s - 1)
             WHERE id > %(t0)s AND id <= %(t0)s + %(nt)s""",
          dict(u0=self.user0, t0=self.team0, nt=nt))
        q("""INSERT INTO res_company_users_rel (cid, user_id)
             SELECT %(company)s, %(u0)s + s FROM generate_series(1, %(ns)s) s""",
          dict(company=self.company, u0=self.user0, ns=ns))
        q("""WITH RECURSIVE g(id) AS (
                 SELECT unnest(%(groups)s::int[])
                 UNION SELECT r.hid FROM res_groups_implied_rel r JOIN g ON r.gid = g.id)
             INSERT INTO res_groups_users_rel (gid, uid)
             SELECT g.id, %(u0)s + s FROM g, generate_series(1, %(ns)s) s""",
          dict(groups=[x for x in (self.g_user, self.g_sale) if x], u0=self.user0, ns=ns))
        self.step('teams_users', teams=nt, salespeople=ns)

    @staticmethod
    def _password_hash(password):
        try:
            from passlib.hash import pbkdf2_sha512
            return pbkdf2_sha512.using(salt=b'bench-sales-mis', rounds=25000).hash(password)
        except Exception:                       # pragma: no cover - passlib always in Odoo
            return None

    @staticmethod
    def _lit(day):
        return "'%s'" % day.isoformat()

    def customers(self):
        q, n = self.q, self.n
        nc, ns, nt = n['customers'], n['salespeople'], n['teams']
        self.cust0 = self.alloc('res_partner', nc)
        cols = list(zip(*CITIES))
        q("""CREATE TEMP TABLE _bench_cities AS
             SELECT row_number() OVER () - 1 AS idx, c.city, c.scode, c.ccode, c.zip, c.phone,
                    c.tz, co.id AS country_id, st.id AS state_id
             FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[])
                  AS c(city, scode, ccode, zip, phone, tz)
             LEFT JOIN res_country co ON co.code = c.ccode
             LEFT JOIN res_country_state st ON st.country_id = co.id AND st.code = c.scode""",
          [list(c) for c in cols])
        ncity = len(CITIES)
        ts = "(%s::date - interval '60 days')" % self._lit(self.start)
        q("""INSERT INTO res_partner (id, name, display_name, company_id, ref, lang, tz, user_id,
                 active, customer, supplier, employee, type, street, zip, city, state_id,
                 country_id, email, phone, website, is_company, color, partner_share,
                 commercial_partner_id, commercial_partner_country_id, commercial_company_name,
                 message_bounce, team_id, invoice_warn, picking_warn, sale_warn, purchase_warn,
                 create_uid, create_date, write_uid, write_date)
             SELECT %(c0)s + 1 + c, x.nm, x.nm, %(company)s,
                    'BC' || lpad((c + 1)::text, %(wc)s, '0'), 'en_US', ci.tz,
                    %(u0)s + 1 + mod(c, %(ns)s),
                    true, true, false, false, 'contact',
                    (1 + mod(c * 37, 988))::text || ' '
                        || (%(streets)s::text[])[1 + mod(c, array_length(%(streets)s::text[], 1))]
                        || ' Road',
                    ci.zip || lpad(mod(c * 13, 1000)::text, 3, '0'), ci.city, ci.state_id,
                    ci.country_id, 'info@c' || (c + 1) || '.example.com',
                    ci.phone || ' ' || lpad(mod(c * 7919, 100000000)::text, 8, '0'),
                    'http://www.c' || (c + 1) || '.example.com', true, 0, true,
                    %(c0)s + 1 + c, ci.country_id, x.nm, 0,
                    %(t0)s + 1 + mod(mod(c, %(ns)s), %(nt)s),
                    'no-message', 'no-message', 'no-message', 'no-message',
                    1, {ts}, 1, {ts}
             FROM (SELECT c,
                          (%(a)s::text[])[1 + mod(mod(c * 7919, 40000), 40)] || ' '
                          || (%(b)s::text[])[1 + mod(mod(c * 7919, 40000) / 40, 40)] || ' '
                          || (%(cc)s::text[])[1 + mod(c * 7919, 40000) / 1600]
                          || CASE WHEN c >= 40000 THEN ' ' || (c / 40000 + 1) ELSE '' END
                          || ' Co., Ltd.' AS nm,
                          floor({rc} * %(ncity)s)::int AS cidx
                   FROM generate_series(0, %(nc)s - 1) c) x
             JOIN _bench_cities ci ON ci.idx = x.cidx""".format(ts=ts, rc=self.r('c', 11)),
          dict(c0=self.cust0, company=self.company, u0=self.user0, ns=ns, nt=nt,
               t0=self.team0, wc=max(5, len(str(nc))), streets=STREETS, a=NAME_A, b=NAME_B,
               cc=NAME_C, ncity=ncity, nc=nc))
        self.step('customers', customers=nc)

    def categories(self):
        q, n = self.q, self.n
        ncat = n['categories']
        ntop = max(1, int(round(ncat / 10.0)))
        nsub = ncat - ntop
        self.ntop, self.nsub = ntop, nsub
        self.cat0 = self.alloc('product_category', ncat)
        all_name = self.one("SELECT coalesce(complete_name, name) FROM product_category"
                            " WHERE id=%s", (self.categ_all,))
        ts = "(%s::date - interval '90 days')" % self._lit(self.start)
        # ids cat0+1 .. cat0+ntop: top level under All; then the subcategories
        q("""INSERT INTO product_category (id, name, complete_name, parent_id, create_uid,
                 create_date, write_uid, write_date)
             SELECT %(k0)s + 1 + t, nm, %(all)s || ' / ' || nm, %(all_id)s, 1, {ts}, 1, {ts}
             FROM (SELECT t, (%(top)s::text[])[1 + mod(t, array_length(%(top)s::text[], 1))]
                          || CASE WHEN t >= array_length(%(top)s::text[], 1)
                                  THEN ' ' || (t / array_length(%(top)s::text[], 1) + 1)
                                  ELSE '' END AS nm
                   FROM generate_series(0, %(ntop)s - 1) t) x""".format(ts=ts),
          dict(k0=self.cat0, all=all_name, all_id=self.categ_all, top=CATEG_TOP, ntop=ntop))
        if nsub:
            q("""INSERT INTO product_category (id, name, complete_name, parent_id, create_uid,
                     create_date, write_uid, write_date)
                 SELECT %(k0)s + 1 + %(ntop)s + s, x.nm, par.complete_name || ' / ' || x.nm,
                        par.id, 1, {ts}, 1, {ts}
                 FROM (SELECT s, (%(sub)s::text[])[1 + mod(s, array_length(%(sub)s::text[], 1))]
                              || CASE WHEN s >= array_length(%(sub)s::text[], 1)
                                      THEN ' ' || (s / array_length(%(sub)s::text[], 1) + 1)
                                      ELSE '' END AS nm
                       FROM generate_series(0, %(nsub)s - 1) s) x
                 JOIN product_category par ON par.id = %(k0)s + 1 + mod(x.s, %(ntop)s)
                 """.format(ts=ts),
              dict(k0=self.cat0, ntop=ntop, nsub=nsub, sub=CATEG_SUB))
        self._parent_store_compute()
        self.step('categories', categories=ncat)

    def _parent_store_compute(self):
        """Same numbering as odoo.models.BaseModel._parent_store_compute (children ordered
        by _parent_order = name), written back with one UPDATE."""
        self.cr.execute("SELECT id, parent_id FROM product_category ORDER BY name, id")
        children, roots = {}, []
        for cid, parent in self.cr.fetchall():
            if parent is None:
                roots.append(cid)
            else:
                children.setdefault(parent, []).append(cid)
        values = []

        def process(root, left):
            right = left + 1
            for child in children.get(root, ()):
                right = process(child, right)
            values.append((root, left, right))
            return right + 1

        pos = 0
        for root in roots:
            pos = process(root, pos)
        ids, lefts, rights = [list(x) for x in zip(*values)]
        self.q("""UPDATE product_category c SET parent_left = v.l, parent_right = v.r
                  FROM unnest(%s::int[], %s::int[], %s::int[]) AS v(id, l, r)
                  WHERE c.id = v.id AND (c.parent_left IS DISTINCT FROM v.l
                                         OR c.parent_right IS DISTINCT FROM v.r)""",
               (ids, lefts, rights))

    def products(self):
        q, n = self.q, self.n
        np_ = n['products']
        self.tmpl0 = self.alloc('product_template', np_)
        self.prod0 = self.alloc('product_product', np_)
        leaf0 = self.cat0 + 1 + (self.ntop if self.nsub else 0)
        nleaf = self.nsub or self.ntop
        ts = "(%s::date - interval '90 days')" % self._lit(self.start)
        # list price log-uniform in [8, 2500]; cost 45-80 % of it
        q("""CREATE TEMP TABLE _bench_p AS
             SELECT p AS idx, %(t0)s + 1 + p AS tmpl_id, %(p0)s + 1 + p AS pp_id,
                    'BP' || lpad((p + 1)::text, %(wp)s, '0') AS code,
                    %(leaf0)s + mod(p, %(nleaf)s) AS categ_id,
                    round(exp(ln(8) + {r1} * ln(2500.0 / 8))::numeric, 2) AS price,
                    {r2} AS cost_ratio,
                    round((0.1 + 20 * {r3})::numeric, 2) AS weight,
                    round((0.001 + 0.1 * {r4})::numeric, 4) AS volume
             FROM generate_series(0, %(np)s - 1) p""".format(
            r1=self.r('p', 21), r2=self.r('p', 22), r3=self.r('p', 23), r4=self.r('p', 24)),
          dict(t0=self.tmpl0, p0=self.prod0, leaf0=leaf0, nleaf=nleaf, np=np_,
               wp=max(5, len(str(np_)))))
        q("""ALTER TABLE _bench_p ADD COLUMN cost numeric, ADD COLUMN pname text,
                 ADD COLUMN dname text""")
        q("""UPDATE _bench_p b SET cost = round(b.price * (0.45 + 0.35 * b.cost_ratio)::numeric, 2),
                    pname = (%(series)s::text[])[
                                1 + mod(b.idx, array_length(%(series)s::text[], 1))]
                            || ' ' || c.name || ' ' || (100 + mod(b.idx * 37, 900))::text,
                    dname = NULL
             FROM product_category c WHERE c.id = b.categ_id""", dict(series=SERIES))
        q("UPDATE _bench_p SET dname = '[' || code || '] ' || pname")
        q("ALTER TABLE _bench_p ADD PRIMARY KEY (idx)")
        q("ANALYZE _bench_p")
        q("""INSERT INTO product_template (id, name, sequence, type, rental, categ_id, list_price,
                 volume, weight, sale_ok, purchase_ok, uom_id, uom_po_id, company_id, active,
                 default_code, responsible_id, sale_delay, tracking, sale_line_warn,
                 purchase_line_warn, invoice_policy, purchase_method, expense_policy,
                 service_type, create_uid, create_date, write_uid, write_date)
             SELECT tmpl_id, pname, 1, 'consu', false, categ_id, price, volume, weight, true,
                    true, %(uom)s, %(uom)s, %(company)s, true, code, 1, 0, 'none', 'no-message',
                    'no-message', 'order', 'receive', 'no', 'manual', 1, {ts}, 1, {ts}
             FROM _bench_p""".format(ts=ts), dict(uom=self.uom, company=self.company))
        q("""INSERT INTO product_product (id, default_code, active, product_tmpl_id, volume,
                 weight, create_uid, create_date, write_uid, write_date)
             SELECT pp_id, code, true, tmpl_id, volume, weight, 1, {ts}, 1, {ts}
             FROM _bench_p""".format(ts=ts))
        fid = self.one("SELECT id FROM ir_model_fields WHERE model='product.product'"
                       " AND name='standard_price'")
        q("""INSERT INTO ir_property (name, res_id, company_id, fields_id, value_float, type,
                 create_uid, create_date, write_uid, write_date)
             SELECT 'standard_price', 'product.product,' || pp_id, %(company)s, %(fid)s,
                    cost, 'float', 1, {ts}, 1, {ts}
             FROM _bench_p""".format(ts=ts), dict(company=self.company, fid=fid))
        self.touched_seq.add('ir_property')
        self.step('products', products=np_)

    def orders_plan(self):
        """One row per order with every decision (date, customer, state, invoicing...)."""
        q, n = self.q, self.n
        L = n['lines']
        # mean of 1 + floor(10 * u ** 1.25) is ~4.94 lines per order
        N = max(1, min(L, int(round(L / 4.94))))
        rng = random.Random(self.seed)
        days, weights = [], []
        d = self.start
        while d <= self.end:
            t = (d - self.start).days / 365.25
            w = (1 + ANNUAL_GROWTH) ** t * _day_factor(d) * (0.85 + 0.3 * rng.random())
            days.append(d)
            weights.append(w)
            d += datetime.timedelta(days=1)
        total = sum(weights)
        o_lo, cnt, acc, prev = [], [], 0.0, 0
        for w in weights:
            acc += w
            hi = int(round(N * acc / total))
            o_lo.append(prev)
            cnt.append(hi - prev)
            prev = hi
        cnt[-1] += N - prev
        q("CREATE TEMP TABLE _bench_days AS SELECT * FROM unnest(%s::date[], %s::int[], %s::int[])"
          " AS d(day, o_lo, cnt)", (days, o_lo, cnt))
        q("""CREATE TEMP TABLE _bench_o0 AS
             SELECT g.i, d.day, g.i - d.o_lo AS j, d.cnt,
                    floor(10 * power({r}, 1.25))::int AS e
             FROM _bench_days d CROSS JOIN LATERAL generate_series(d.o_lo, d.o_lo + d.cnt - 1) g(i)
             WHERE d.cnt > 0""".format(r=self.r('g.i', 31)))
        E = self.one("SELECT coalesce(sum(e), 0) FROM _bench_o0")
        X = L - N                 # lines beyond one per order, spread proportionally to e
        if E == 0:
            q("UPDATE _bench_o0 SET e = 1")
            E = N
        q("""CREATE TEMP TABLE _bench_o1 AS
             SELECT i, day, j, cnt, 1 + (ec * %(X)s / %(E)s) - ((ec - e) * %(X)s / %(E)s) AS nl,
                    i + (ec - e) * %(X)s / %(E)s AS lstart
             FROM (SELECT *, sum(e) OVER (ORDER BY i) AS ec FROM _bench_o0) s""",
          dict(X=X, E=E))
        nc, ns, nt, np_ = n['customers'], n['salespeople'], n['teams'], n['products']
        end = self._lit(self.end)
        cmult = _coprime_multiplier(nc)
        pmult = _coprime_multiplier(np_)
        pstep_max = max(1, np_ // 10)
        wname = max(7, len(str(N)))
        r = self.r
        q("""CREATE TEMP TABLE _bench_ord AS
             SELECT z.*,
                    CASE WHEN invoiced THEN sum(invoiced::int) OVER w END AS inv_rank,
                    CASE WHEN refunded THEN sum(refunded::int) OVER w END AS ref_rank,
                    sum(CASE WHEN invoiced THEN nl ELSE 0 END) OVER w
                        - CASE WHEN invoiced THEN nl ELSE 0 END AS il_start,
                    sum(CASE WHEN refunded THEN nl ELSE 0 END) OVER w
                        - CASE WHEN refunded THEN nl ELSE 0 END AS rl_start
             FROM (
               SELECT y.*,
                      CASE WHEN refunded THEN 'paid'
                           WHEN invoiced AND {r9} < CASE WHEN {end}::date - inv_date > 90 THEN 0.95
                                                         WHEN {end}::date - inv_date > 45 THEN 0.75
                                                         ELSE 0.35 END THEN 'paid'
                           WHEN invoiced THEN 'open' END AS inv_state,
                      CASE WHEN {r10} < 0.15 THEN 0.1 + 0.8 * {r11} END AS partial_ratio,
                      LEAST(inv_date + 5 + floor(40 * {r8})::int, {end}::date) AS ref_date
               FROM (
                 SELECT x.*,
                        %(so0)s + 1 + x.i AS so_id,
                        'BSO' || lpad((x.i + 1)::text, %(wname)s, '0') AS so_name,
                        %(c0)s + 1 + x.cust AS partner_id,
                        %(u0)s + 1 + mod(x.cust, %(ns)s) AS user_id,
                        %(t0)s + 1 + mod(mod(x.cust, %(ns)s), %(nt)s) AS team_id,
                        date_trunc('second', x.day + interval '1 hour'
                            + ((x.j + 0.5 + 0.8 * ({r2} - 0.5)) / x.cnt) * interval '9 hours')
                            AS date_order,
                        CASE WHEN x.age > 60 AND {r4} < 0.2 THEN 'done' ELSE 'sale' END AS state,
                        x.age > 30 AND {r5} < 0.96 AS invoiced,
                        x.age > 30 AND {r5} < 0.96 AND {r7} < 0.031 AS refunded,
                        LEAST(x.day + floor(15 * {r6})::int, {end}::date) AS inv_date,
                        x.age > 7 OR {r14} < 0.4 AS delivered,
                        floor({r3b} * 3 * 3600)::int AS confirm_delay,
                        mod(floor(%(np)s * power({r12}, 2))::bigint * %(pmult)s, %(np)s)::int AS p0,
                        1 + floor({r13} * %(pstep)s)::int AS pstep
                 FROM (SELECT o.*, {end}::date - o.day AS age,
                              mod(floor(%(nc)s * power({r3}, 2.2))::bigint * %(cmult)s,
                                  %(nc)s)::int AS cust
                       FROM _bench_o1 o) x
               ) y
             ) z
             WINDOW w AS (ORDER BY i)""".format(
            end=end, r2=r('x.i', 32), r3=r('o.i', 33), r3b=r('x.i', 43), r4=r('x.i', 34),
            r5=r('x.i', 35), r6=r('x.i', 36), r7=r('x.i', 37), r8=r('y.i', 38),
            r9=r('y.i', 39), r10=r('y.i', 40), r11=r('y.i', 41), r12=r('x.i', 42),
            r13=r('x.i', 44), r14=r('x.i', 45)),
          dict(so0=self.alloc('sale_order', N), wname=wname, c0=self.cust0, u0=self.user0,
               ns=ns, nt=nt, t0=self.team0, np=np_, pmult=pmult, pstep=pstep_max, nc=nc,
               cmult=cmult))
        q("ANALYZE _bench_ord")
        self.so0 = self.one("SELECT min(so_id) - 1 FROM _bench_ord")
        self.cr.execute("""SELECT count(*), sum(nl), count(*) FILTER (WHERE invoiced),
                                  coalesce(sum(nl) FILTER (WHERE invoiced), 0),
                                  count(*) FILTER (WHERE refunded),
                                  coalesce(sum(nl) FILTER (WHERE refunded), 0)
                           FROM _bench_ord""")
        (self.n_orders, self.n_lines, self.n_inv, self.n_inv_lines, self.n_ref,
         self.n_ref_lines) = [int(x) for x in self.cr.fetchone()]
        assert self.n_lines == L, (self.n_lines, L)
        self.step('plan', orders=self.n_orders)

    def order_lines(self):
        q = self.q
        self.line0 = self.alloc('sale_order_line', self.n_lines)
        r = self.r
        # quantities 1..25 skewed to small; 85 % without discount, else 5/10/15/20 %
        q("""CREATE TEMP TABLE _bench_l AS
             SELECT v.*, round(v.qty * v.price * (100 - v.disc) / 100, 2) AS sub
             FROM (
               SELECT o.i, s.seq, o.lstart + s.seq - 1 AS k, p.pp_id, p.dname, p.price, p.cost,
                      (1 + floor(25 * power({rq}, 3)))::numeric AS qty,
                      CASE WHEN {rd} < 0.85 THEN 0 ELSE 5 * (1 + floor(4 * {rd2})) END::numeric
                          AS disc
               FROM _bench_ord o
               CROSS JOIN LATERAL generate_series(1, o.nl) s(seq)
               JOIN _bench_p p ON p.idx = mod(o.p0 + (s.seq - 1) * o.pstep, %(np)s)
             ) v""".format(rq=r('o.lstart + s.seq - 1', 51), rd=r('o.lstart + s.seq - 1', 52),
                           rd2=r('o.lstart + s.seq - 1', 53)),
          dict(np=self.n['products']))
        q("""CREATE TEMP TABLE _bench_oa AS
             SELECT i, sum(sub) AS untaxed, sum(sub - round(cost * qty, 2)) AS margin
             FROM _bench_l GROUP BY i""")
        q("ANALYZE _bench_l")
        q("ANALYZE _bench_oa")
        self.step('plan_lines', order_lines=self.n_lines)

    def sale_orders(self):
        q = self.q
        p = dict(pricelist=self.pricelist, company=self.company, currency=self.currency,
                 warehouse=self.warehouse, seed=str(self.seed), l0=self.line0, uom=self.uom)
        q("""INSERT INTO sale_order (id, name, access_token, state, date_order, create_date,
                 confirmation_date, user_id, partner_id, partner_invoice_id, partner_shipping_id,
                 pricelist_id, invoice_status, amount_untaxed, amount_tax, amount_total,
                 company_id, team_id, create_uid, write_uid, write_date, margin, picking_policy,
                 warehouse_id{approval_column})
             SELECT o.so_id, o.so_name, md5('bench' || %(seed)s || o.so_name)::uuid::text,
                    o.state, o.date_order, o.date_order,
                    o.date_order + o.confirm_delay * interval '1 second',
                    o.user_id, o.partner_id, o.partner_id, o.partner_id, %(pricelist)s,
                    CASE WHEN o.invoiced AND NOT o.refunded THEN 'invoiced' ELSE 'to invoice' END,
                    a.untaxed, 0, a.untaxed, %(company)s, o.team_id, 1, 1,
                    o.date_order + o.confirm_delay * interval '1 second', a.margin, 'direct',
                    %(warehouse)s{approval_value}
             FROM _bench_ord o JOIN _bench_oa a ON a.i = o.i
             ORDER BY o.i""".format(approval_column=', approval_state' if self.has_approval else '',
                                    approval_value=", 'none'" if self.has_approval else ''), p)
        self.step('sale_order')
        # policy 'order': qty_to_invoice = ordered - invoiced; a full refund re-opens the line
        q("""INSERT INTO sale_order_line (id, order_id, name, sequence, invoice_status, price_unit,
                 price_subtotal, price_tax, price_total, price_reduce, price_reduce_taxinc,
                 price_reduce_taxexcl, discount, product_id, product_uom_qty, product_uom,
                 qty_delivered, qty_to_invoice, qty_invoiced, salesman_id, currency_id,
                 company_id, order_partner_id, is_downpayment, state, customer_lead,
                 amt_to_invoice, amt_invoiced, create_uid, create_date, write_uid, write_date,
                 margin, purchase_price)
             SELECT %(l0)s + 1 + l.k, o.so_id, l.dname, l.seq * 10,
                    CASE WHEN o.invoiced AND NOT o.refunded THEN 'invoiced' ELSE 'to invoice' END,
                    l.price, l.sub, 0, l.sub, round(l.price * (100 - l.disc) / 100, 2),
                    round(l.sub / l.qty, 2), round(l.sub / l.qty, 2), l.disc, l.pp_id, l.qty,
                    %(uom)s,
                    CASE WHEN o.delivered OR o.state = 'done' THEN l.qty ELSE 0 END,
                    CASE WHEN o.invoiced AND NOT o.refunded THEN 0 ELSE l.qty END,
                    CASE WHEN o.invoiced AND NOT o.refunded THEN l.qty ELSE 0 END,
                    o.user_id, %(currency)s, %(company)s, o.partner_id, false, o.state, 0,
                    CASE WHEN o.invoiced THEN 0 ELSE l.sub END,
                    CASE WHEN o.invoiced AND NOT o.refunded THEN l.sub ELSE 0 END,
                    1, o.date_order, 1, o.date_order + o.confirm_delay * interval '1 second',
                    l.sub - round(l.cost * l.qty, 2), l.cost
             FROM _bench_l l JOIN _bench_ord o ON o.i = l.i
             ORDER BY l.k""", p)
        self.step('sale_order_line')

    def invoices(self):
        q = self.q
        n_docs = self.n_inv + self.n_ref
        self.inv0 = self.alloc('account_invoice', n_docs)
        self.il0 = self.alloc('account_invoice_line', self.n_inv_lines + self.n_ref_lines)
        w = max(6, len(str(n_docs)))
        p = dict(inv0=self.inv0, ninv=self.n_inv, il0=self.il0, nil=self.n_inv_lines,
                 recv=self.recv_account, income=self.income_account, journal=self.journal,
                 company=self.company, currency=self.currency, term=self.payment_term,
                 seed=str(self.seed), uom=self.uom, w=w)
        # customer invoices: whole order, number BINV/<year>/<rank>
        q("""INSERT INTO account_invoice (id, name, origin, type, access_token, number, move_name,
                 reference_type, state, sent, date_invoice, date_due, partner_id, payment_term_id,
                 date, account_id, amount_untaxed, amount_untaxed_signed, amount_tax,
                 amount_total, amount_total_signed, amount_total_company_signed, currency_id,
                 journal_id, company_id, reconciled, residual, residual_signed,
                 residual_company_signed, user_id, commercial_partner_id, team_id,
                 partner_shipping_id, create_uid, create_date, write_uid, write_date)
             SELECT %(inv0)s + o.inv_rank, '', o.so_name, 'out_invoice',
                    md5('bench-inv' || %(seed)s || o.inv_rank)::uuid::text, x.num, x.num, 'none',
                    o.inv_state, false, o.inv_date,
                    o.inv_date + CASE WHEN %(term)s::int IS NULL THEN 0 ELSE 30 END,
                    o.partner_id, %(term)s, o.inv_date, %(recv)s,
                    a.untaxed, a.untaxed, 0, a.untaxed, a.untaxed, a.untaxed,
                    %(currency)s, %(journal)s, %(company)s, x.res = 0, x.res, x.res, x.res,
                    o.user_id, o.partner_id, o.team_id, o.partner_id,
                    1, o.inv_date + interval '2 hours', 1, o.inv_date + interval '2 hours'
             FROM _bench_ord o JOIN _bench_oa a ON a.i = o.i
             CROSS JOIN LATERAL (SELECT
                    'BINV/' || extract(year FROM o.inv_date) || '/'
                        || lpad(o.inv_rank::text, %(w)s, '0') AS num,
                    CASE WHEN o.inv_state = 'paid' THEN 0
                         WHEN o.partial_ratio IS NOT NULL
                              THEN round(a.untaxed * o.partial_ratio::numeric, 2)
                         ELSE a.untaxed END AS res) x
             WHERE o.invoiced
             ORDER BY o.inv_rank""", p)
        # refunds (credit notes of the whole invoice, reconciled with it): Odoo 11 copies the
        # invoice lines with their sale order lines, origin = the refunded invoice's number
        q("""INSERT INTO account_invoice (id, name, origin, type, access_token, refund_invoice_id,
                 number, move_name, reference_type, state, sent, date_invoice, date_due,
                 partner_id, date, account_id, amount_untaxed, amount_untaxed_signed,
                 amount_tax, amount_total, amount_total_signed, amount_total_company_signed,
                 currency_id, journal_id, company_id, reconciled, residual, residual_signed,
                 residual_company_signed, user_id, commercial_partner_id, team_id,
                 partner_shipping_id, create_uid, create_date, write_uid, write_date)
             SELECT %(inv0)s + %(ninv)s + o.ref_rank, 'Credit note', inv.number, 'out_refund',
                    md5('bench-ref' || %(seed)s || o.ref_rank)::uuid::text, inv.id,
                    x.num, x.num, 'none', 'paid', false, o.ref_date, o.ref_date, o.partner_id,
                    o.ref_date, %(recv)s, a.untaxed, -a.untaxed, 0, a.untaxed, -a.untaxed,
                    -a.untaxed, %(currency)s, %(journal)s, %(company)s, true, 0, 0, 0,
                    o.user_id, o.partner_id, o.team_id, o.partner_id,
                    1, o.ref_date + interval '3 hours', 1, o.ref_date + interval '3 hours'
             FROM _bench_ord o JOIN _bench_oa a ON a.i = o.i
             JOIN account_invoice inv ON inv.id = %(inv0)s + o.inv_rank
             CROSS JOIN LATERAL (SELECT 'BRINV/' || extract(year FROM o.ref_date) || '/'
                        || lpad(o.ref_rank::text, %(w)s, '0') AS num) x
             WHERE o.refunded
             ORDER BY o.ref_rank""", p)
        self.step('invoice', invoices=self.n_inv, refunds=self.n_ref)
        q("""INSERT INTO account_invoice_line (id, name, origin, sequence, invoice_id, uom_id,
                 product_id, account_id, price_unit, price_subtotal, price_total,
                 price_subtotal_signed, quantity, discount, company_id, partner_id, currency_id,
                 is_rounding_line, create_uid, create_date, write_uid, write_date)
             SELECT %(il0)s + 1 + o.il_start + l.seq - 1, l.dname, o.so_name, l.seq * 10,
                    %(inv0)s + o.inv_rank, %(uom)s, l.pp_id, %(income)s, l.price, l.sub, l.sub,
                    l.sub, l.qty, l.disc, %(company)s, o.partner_id, %(currency)s, false,
                    1, o.inv_date + interval '2 hours', 1, o.inv_date + interval '2 hours'
             FROM _bench_l l JOIN _bench_ord o ON o.i = l.i
             WHERE o.invoiced
             ORDER BY 1""", p)
        q("""INSERT INTO account_invoice_line (id, name, origin, sequence, invoice_id, uom_id,
                 product_id, account_id, price_unit, price_subtotal, price_total,
                 price_subtotal_signed, quantity, discount, company_id, partner_id, currency_id,
                 is_rounding_line, create_uid, create_date, write_uid, write_date)
             SELECT %(il0)s + %(nil)s + 1 + o.rl_start + l.seq - 1, l.dname, o.so_name,
                    l.seq * 10, %(inv0)s + %(ninv)s + o.ref_rank, %(uom)s, l.pp_id, %(income)s,
                    l.price, l.sub, l.sub, -l.sub, l.qty, l.disc, %(company)s, o.partner_id,
                    %(currency)s, false,
                    1, o.ref_date + interval '3 hours', 1, o.ref_date + interval '3 hours'
             FROM _bench_l l JOIN _bench_ord o ON o.i = l.i
             WHERE o.refunded
             ORDER BY 1""", p)
        self.step('invoice_line', invoice_lines=self.n_inv_lines, refund_lines=self.n_ref_lines)
        q("""INSERT INTO sale_order_line_invoice_rel (invoice_line_id, order_line_id)
             SELECT %(il0)s + 1 + o.il_start + l.seq - 1, %(l0)s + 1 + l.k
             FROM _bench_l l JOIN _bench_ord o ON o.i = l.i WHERE o.invoiced
             UNION ALL
             SELECT %(il0)s + %(nil)s + 1 + o.rl_start + l.seq - 1, %(l0)s + 1 + l.k
             FROM _bench_l l JOIN _bench_ord o ON o.i = l.i WHERE o.refunded""",
          dict(p, l0=self.line0))
        # monthly invoicing target of each team: 110 % of its last-12-months average
        q("""UPDATE crm_team t SET invoiced_target = s.target
             FROM (SELECT team_id, (round(sum(amount_untaxed_signed) / 12 * 1.1, -3))::int AS target
                   FROM account_invoice
                   WHERE id > %(inv0)s AND date_invoice > %(end)s::date - 365
                   GROUP BY team_id) s
             WHERE t.id = s.team_id""", dict(inv0=self.inv0, end=self.end.isoformat()))
        self.step('invoice_rel', invoice_rel=self.n_inv_lines + self.n_ref_lines)

    def finish(self):
        q = self.q
        tables = ['mail_alias', 'crm_team', 'res_partner', 'res_users', 'res_company_users_rel',
                  'res_groups_users_rel', 'product_category', 'product_template',
                  'product_product', 'ir_property', 'sale_order', 'sale_order_line',
                  'account_invoice', 'account_invoice_line', 'sale_order_line_invoice_rel']
        for t in tables:
            q("ANALYZE %s" % t)
        for t in sorted(self.touched_seq):
            seq = self.one("SELECT pg_get_serial_sequence(%s, 'id')", (t,))
            if seq:
                q("SELECT setval(%s, GREATEST((SELECT COALESCE(MAX(id), 0) FROM {t}), 1),"
                  " (SELECT COALESCE(MAX(id), 0) FROM {t}) > 0)".format(t=t), (seq,))
        self.step('analyze')
        if self.fast:
            q("SET LOCAL session_replication_role = %s", (self.prev_role,))
            self.fast = False
            checked = [
                ('mail_alias', 'id', self.alias0),
                ('crm_team', 'id', self.team0),
                ('res_partner', 'id', self.sp_partner0),
                ('res_users', 'id', self.user0),
                ('res_company_users_rel', 'user_id', self.user0),
                ('res_groups_users_rel', 'uid', self.user0),
                ('product_category', 'id', self.cat0),
                ('product_template', 'id', self.tmpl0),
                ('product_product', 'id', self.prod0),
                ('ir_property', 'id', self.prop0),
                ('sale_order', 'id', self.so0),
                ('sale_order_line', 'id', self.line0),
                ('account_invoice', 'id', self.inv0),
                ('account_invoice_line', 'id', self.il0),
                ('sale_order_line_invoice_rel', 'invoice_line_id', self.il0),
            ]
            nfk = sum(self._check_foreign_keys(*c) for c in checked)
            self.step('check_fks', foreign_keys_checked=nfk)

    def _check_foreign_keys(self, table, column, base):
        """Set-based equivalent of the FK triggers skipped during the load: one scan of the
        new rows of ``table`` left-joined to every referenced table."""
        self.cr.execute("""
            SELECT a.attname, c.confrelid::regclass::text, af.attname, c.conname
            FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
            WHERE c.conrelid = %s::regclass AND c.contype = 'f'
              AND array_length(c.conkey, 1) = 1
            ORDER BY c.conname""", (table,))
        fks = self.cr.fetchall()
        if not fks:
            return 0
        joins, counts = [], []
        for k, (col, ref_table, ref_col, _name) in enumerate(fks):
            joins.append('LEFT JOIN %s r%d ON r%d."%s" = t."%s"' % (ref_table, k, k, ref_col, col))
            counts.append('count(*) FILTER (WHERE t."%s" IS NOT NULL AND r%d."%s" IS NULL)'
                          % (col, k, ref_col))
        self.cr.execute('SELECT %s FROM %s t %s WHERE t."%s" > %d' % (
            ', '.join(counts), table, ' '.join(joins), column, base))
        bad = [(fk[3], n) for fk, n in zip(fks, self.cr.fetchone()) if n]
        if bad:
            raise RuntimeError('foreign keys violated in %s: %s' % (table, bad))
        return len(fks)

    def cleanup(self):
        try:
            if getattr(self, 'fast', False):
                self.q("SET LOCAL session_replication_role = %s", (self.prev_role,))
            for name, value in getattr(self, 'prev_settings', ()):
                self.q("SELECT set_config(%s, %s, true)", (name, value))
            for t in TEMP_TABLES:
                self.q("DROP TABLE IF EXISTS pg_temp.%s" % t)
            self.q("DROP FUNCTION IF EXISTS pg_temp._bench_r(bigint, bigint)")
        except Exception:           # transaction already aborted: temp objects die with it
            pass


def generate(cr, scale=1.0, seed=42, years=3, end_date=None, log=print):
    """Fill an Odoo 11 database (base, crm, sale_management, sale_stock, account_invoicing,
    purchase, sale_margin; no demo data needed) with synthetic sales history.

    ``cr``: psycopg2 or Odoo cursor; nothing is committed here.  ``end_date``: date, datetime
    or 'YYYY-MM-DD' (default: today).  Returns counts and the seconds of every step.
    """
    return _Gen(cr, scale, seed, years, end_date, log).run()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--db', required=True, help='database name (libpq/PG* for the rest)')
    parser.add_argument('--scale', type=float, default=1.0)
    parser.add_argument('--seed', type=int, default=42)
    parser.add_argument('--years', type=int, default=3)
    parser.add_argument('--end-date', default=None, help='YYYY-MM-DD (default: today)')
    parser.add_argument('--no-vacuum', action='store_true',
                        help='skip the VACUUM (ANALYZE) of the big tables after the commit')
    args = parser.parse_args(argv)
    import psycopg2
    conn = psycopg2.connect(dbname=args.db)
    try:
        with conn.cursor() as cr:
            result = generate(cr, scale=args.scale, seed=args.seed, years=args.years,
                              end_date=args.end_date,
                              log=lambda msg: print(msg, flush=True))
        t = time.time()
        conn.commit()
        print('[bench] committed in %.1fs' % (time.time() - t), flush=True)
        if not args.no_vacuum:
            # sets hint bits + visibility map now rather than during the first benchmark
            t = time.time()
            conn.autocommit = True
            with conn.cursor() as cr:
                for table in VACUUMED:
                    cr.execute('VACUUM (ANALYZE) %s' % table)
            print('[bench] vacuum analyze in %.1fs' % (time.time() - t), flush=True)
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.close()
    for key, value in result.items():
        if key != 'seconds':
            print('%s: %s' % (key, value))
    return 0


if __name__ == '__main__':
    sys.exit(main())
