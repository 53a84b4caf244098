#!/usr/bin/env python3
"""Benchmark of the knowledge search 知识检索 (issue 16 goal: 50,000 documents/notes in Chinese,
a search <= 0.5 s).

    .venv/bin/python tests/bench/bench_knowledge.py CONF DB [COUNT] [--explain]

In one transaction on DB that is rolled back at the end (nothing stays): COUNT (default 50,000)
synthetic Chinese texts inserted with SQL, split 40 % product documents, 30 % bids, 30 % sales
cases (each 80-400 characters from a seeded phrase list; about a third mention 投标), ANALYZE,
then the search timed as a salesperson and a director made for the run: the search form's call
(`sales_mis.knowledge.search.find`, 20 results per kind, record rules applied) and a count of
every hit per kind, for a 1-, 2-, 4-, 8-character and a two-term query and a rare word, median of
5 warm runs. Figures, not pass/fail; the load average is printed beside them. --explain also
prints PostgreSQL's plan of each kind's search for the salesperson."""
import os
import random
import statistics
import sys
import time

from benchlib import QUICK, bench_env  # noqa: E402 - Odoo importable (no database opened yet)


COUNT = 50000
PHRASES = ('政府采购', '投标文件', '离心泵', '多级泵', '泵站改造', '自来水厂', '污水处理', '循环水系统', '节能产品认证',
           '技术方案', '商务报价', '资格审查', '综合评分法', '最低价中标', '质保两年', '售后服务网点', '华东地区',
           '化工园区', '制药企业', '热电厂', '流量传感器', '控制柜', '变频调速', '能效等级', '招标公告', '评标委员会',
           '保证金退还', '合同签订', '安装调试', '验收报告', '竞争对手报价', '客户需求', '项目背景', '经验教训',
           '电耗下降', '运行维护', '备品备件', '不锈钢泵壳', '机械密封', '轴承润滑', '扬程', '流量', '口径',
           'CP-80', 'MP-150', 'FS-200', 'PCC-3', 'DN100', '2030 年', '华工泵业', 'DeltaFlow', '信远自动化')
QUERIES = ['泵', '投标', '泵站改造', '政府采购投标文件', '离心泵 华东', '鸢尾']
RUNS = 5


def text(rng):
    parts, length = [], rng.randint(80, 400)
    while sum(len(p) for p in parts) < length:
        parts.append(rng.choice(PHRASES))
        if rng.random() < 0.3:
            parts.append('，')
    if rng.random() < 0.02:
        parts.append('鸢尾')  # a rare word
    return ''.join(parts)


def median_time(function):
    function()
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


_PEOPLE = {}


def bench_people(env):
    """A team with its manager, a salesperson and a director of their own (make bench runs on a
    database without demo data; all of it is rolled back with the rows)."""
    if not _PEOPLE:
        def user(login, group):
            return env['res.users'].with_context(no_reset_password=True).create({
                'name': login, 'login': login, 'groups_id': [(6, 0, [env.ref('base.group_user').id,
                                                                      env.ref(group).id])]})
        manager = user('bench_knowledge_manager', 'sales_mis.group_manager')
        team = env['crm.team'].create({'name': 'Bench knowledge team', 'user_id': manager.id})
        salesperson = user('bench_knowledge_salesperson', 'sales_mis.group_salesperson')
        salesperson.sale_team_id = team
        director = user('bench_knowledge_director', 'sales_mis.group_director')
        _PEOPLE.update(manager=manager, team=team, salesperson=salesperson, director=director)
    return _PEOPLE


def insert(env, count, seed=16):
    from odoo.addons.sales_mis_knowledge.knowledge_logic import search_terms
    rng = random.Random(seed)
    cr = env.cr
    from psycopg2.extras import execute_values
    people = bench_people(env)
    company = env.user.company_id
    salesperson = people['salesperson']
    others = [people['manager'].id, people['director'].id, salesperson.id]
    team = people['team'].id
    product = env['product.template'].create({'name': 'Bench knowledge pump 基准泵'}).id
    partner = env['res.partner'].create({'name': '基准水务有限公司', 'customer': True}).id
    currency = company.currency_id.id
    n_docs, n_bids = count * 4 // 10, count * 3 // 10
    n_cases = count - n_docs - n_bids

    def rows(n):
        for i in range(n):
            body = text(rng)
            yield i, body[:30], search_terms.search_text([body]), rng.choice(others)

    started = time.perf_counter()
    execute_values(cr._obj, """INSERT INTO sales_mis_product_document
        (name, product_tmpl_id, kind, company_id, active, search_text, create_uid, write_uid, create_date, write_date)
        VALUES %s""", [(name, product, 'spec', company.id, True, st, 1, 1)
                       for _i, name, st, _u in rows(n_docs)],
                   template="(%s, %s, %s, %s, %s, %s, %s, %s, now() at time zone 'utc', now() at time zone 'utc')",
                   page_size=2000)
    execute_values(cr._obj, """INSERT INTO sales_mis_bid
        (name, partner_id, user_id, team_id, company_id, currency_id, date, state, search_text, create_uid, write_uid,
         create_date, write_date) VALUES %s""",
                   [(name, partner, user, team, company.id, currency, '2029-%02d-%02d' % (1 + i % 12, 1 + i % 28),
                     ('won', 'lost', 'preparing')[i % 3], st, 1, 1) for i, name, st, user in rows(n_bids)],
                   template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now() at time zone 'utc', "
                            "now() at time zone 'utc')", page_size=2000)
    execute_values(cr._obj, """INSERT INTO sales_mis_sales_case
        (name, user_id, team_id, company_id, currency_id, state, published_date, search_text, create_uid, write_uid,
         create_date, write_date) VALUES %s""",
                   [(name, user, team, company.id, currency, ('published', 'draft')[i % 2],
                     '2029-%02d-%02d' % (1 + i % 12, 1 + i % 28) if i % 2 == 0 else None, st, 1, 1)
                    for i, name, st, user in rows(n_cases)],
                   template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now() at time zone 'utc', "
                            "now() at time zone 'utc')", page_size=2000)
    inserted = time.perf_counter() - started
    for table in ('sales_mis_product_document', 'sales_mis_bid', 'sales_mis_sales_case'):
        cr.execute('ANALYZE %s' % table)
    return n_docs, n_bids, n_cases, inserted


def explain(uenv, query):
    for model in ('sales_mis.product.document', 'sales_mis.bid', 'sales_mis.sales.case'):
        records = uenv[model]
        where = records._where_calc([('keywords', 'ilike', query)])
        records._apply_ir_rules(where, 'read')
        order_by = records._generate_order_by(None, where)
        from_clause, where_clause, params = where.get_sql()
        uenv.cr.execute('EXPLAIN ANALYZE SELECT "%s".id FROM %s WHERE %s %s LIMIT 20'
                        % (records._table, from_clause, where_clause or 'TRUE', order_by), params)
        print('--- %s %s\n%s' % (model, query, '\n'.join(row[0] for row in uenv.cr.fetchall())))


def main(conf, db, count=COUNT, show_plans=False):
    print('load average before: %.2f %.2f %.2f' % os.getloadavg())
    with bench_env(conf, db) as env:
        try:
            docs, bids, cases, seconds = insert(env, count)
            print('inserted %d documents, %d bids, %d cases (search text + both GIN indexes) in %.1f s'
                  % (docs, bids, cases, seconds))
            env.cr.execute("SELECT pg_size_pretty(sum(pg_relation_size(indexrelid))) FROM pg_index i "
                           "JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE 'sales_mis_%_search_text_%'")
            print('index size (6 indexes): %s' % env.cr.fetchone()[0])
            print('%-18s %-10s %8s %12s %12s' % ('query', 'user', 'hits', 'find() s', 'count s'))
            for login in ('salesperson', 'director'):
                user = bench_people(env)[login]
                uenv = env(user=user.id)
                finder = uenv['sales_mis.knowledge.search']
                for query in QUERIES:
                    def count_all():
                        return sum(uenv[model].search_count([('keywords', 'ilike', query)])
                                   for model in ('sales_mis.product.document', 'sales_mis.bid',
                                                 'sales_mis.sales.case'))
                    hits = count_all()
                    find_s = median_time(lambda: finder.find(query, 'all', 20))
                    count_s = median_time(count_all)
                    print('%-18s %-10s %8d %12.3f %12.3f' % (query, login, hits, find_s, count_s))
                    if show_plans and login == 'salesperson':
                        explain(uenv, query)
        finally:
            env.cr.rollback()
    print('load average after: %.2f %.2f %.2f' % os.getloadavg())


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    arguments = [argument for argument in sys.argv[1:] if argument != '--explain']
    main(arguments[0], arguments[1], int(arguments[2]) if len(arguments) > 2 else 300 if QUICK else COUNT,
         '--explain' in sys.argv)
