#!/usr/bin/env python3
"""Benchmark of duplicate detection 客户查重 at 100,000 customers.

    .venv/bin/python tests/bench/bench_duplicates.py CONF DB      (make bench ONLY=duplicates)
    .venv/bin/python tests/bench/bench_duplicates.py --pure       (the scan only, no database)

1. Full scan: 100,000 synthetic customers (seeded; Chinese names = optional province/city/district
   + 2-3 character brand + industry + legal form, a tenth English names, 8 % variants of an
   earlier customer: traditional characters, bracketed or prefixed place, other legal form,
   mistyped legal form, upper case without punctuation; 60 % with a phone), scored through
   crm_logic.duplicate_pairs.candidate_pairs_by_company as the scan does, without a database.
2. On-create check: the same customers inserted (SQL, in a transaction rolled back at the end) into
   DB, then the customer form's onchange ("possible duplicate of …") timed on new names, median of
   warm runs.
Wall seconds are printed beside CPU seconds, the load average, and an anchor (a fixed pure-Python
workload timed in the same run) so figures from a busy machine can be compared.
Figures, not pass/fail."""
import os
import random
import statistics
import sys
import time

from benchlib import QUICK, ROOT, bench_env  # noqa: E402 - Odoo importable (no database opened yet)

sys.path.insert(0, os.path.join(ROOT, 'addons'))

COUNT = 2000 if QUICK else 100000  # --quick: make test's smoke run
CITIES = ('北京', '上海', '广州', '深圳', '杭州', '苏州', '南京', '武汉', '成都', '西安', '宁波', '无锡',
          '青岛', '大连', '厦门', '长沙', '郑州', '济南', '合肥', '福州', '东莞', '佛山', '沈阳', '昆明',
          '温州', '绍兴', '嘉兴', '台州', '徐州', '南通', '烟台', '潍坊', '泉州', '中山', '惠州', '洛阳')
PROVINCES = ('江苏省', '浙江省', '广东省', '山东省', '福建省', '河南省', '湖北省', '四川省')
DISTRICTS = ('海淀区', '朝阳区', '浦东新区', '南山区', '西湖区', '天河区', '江宁区', '武侯区')
BRAND = ('华中天宏新兴泰安盛达恒通瑞丰鑫源隆金海德嘉信诚远博明辉永昌佳利宇宝亿聚合康鼎晟创威力腾飞'
         '凯正光大东方联华振兴汇中南北京沪粤闽浙苏鲁豫川湘鄂赣皖冀辽吉黑蒙桂琼渝滇黔藏陕甘青宁新')
INDUSTRY = ('科技', '贸易', '电子', '机械', '食品', '物流', '信息技术', '实业', '化工', '医药', '建材',
            '纺织', '服饰', '汽车部件', '电气', '环保', '能源', '建设工程', '餐饮管理', '文化传媒')
LEGAL = ('有限公司', '股份有限公司', '有限责任公司', '集团有限公司', '')
EN_WORDS = ('Sino', 'Grand', 'Ocean', 'Golden', 'Bright', 'Star', 'Pacific', 'Dragon', 'Union', 'Eagle',
            'Harmony', 'Silver', 'Orient', 'Crown', 'Summit', 'Delta', 'Apex', 'Prime', 'Nova', 'Vista')
EN_INDUSTRY = ('Trading', 'Electronics', 'Machinery', 'Logistics', 'Technology', 'Chemical', 'Textile')


def anchor():
    """A fixed pure-Python workload (sort 1M seeded floats, 2M dict ops): its time says how fast
    this machine is right now."""
    rng = random.Random(1)
    started = time.perf_counter()
    size = 100000 if QUICK else 1000000
    sorted(rng.random() for _ in range(size))
    table = {}
    for i in range(size):
        table[i % 5003] = table.get(i % 5003, 0) + i
    return time.perf_counter() - started


def load():
    one, five, _fifteen = os.getloadavg()
    return 'load %.2f / %.2f (1/5 min), %d cores' % (one, five, os.cpu_count())


def timed(function):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def generate(count=COUNT, seed=7):
    import opencc
    to_traditional = opencc.OpenCC('s2t')
    rng = random.Random(seed)
    records = []
    for i in range(count):
        phone = '1%d%09d' % (rng.randint(30, 99), rng.randrange(10 ** 9)) if rng.random() < 0.6 else ''
        if records and rng.random() < 0.08:
            base = rng.choice(records)
            name, kind = base['name'], rng.randrange(6)
            if kind == 0:
                name = to_traditional.convert(name)
            elif kind == 1 and not name.isascii():
                name = name.replace('有限公司', '（%s）有限公司' % rng.choice(CITIES), 1)
            elif kind == 2 and not name.isascii():
                name = rng.choice(PROVINCES) + name
            elif kind == 3:
                name = name.replace('股份有限公司', '有限公司').replace('Co., Ltd.', 'Limited')
            elif kind == 4:
                name = name.replace('有限公司', '有限公').replace('Co., Ltd.', 'CO LTD').upper()
            phone = base['phone'] if rng.random() < 0.3 else phone
        elif rng.random() < 0.1:
            name = '%s %s %s Co., Ltd.' % (rng.choice(
                ('Shanghai', 'Beijing', 'Shenzhen', 'Ningbo', '')), ''.join(
                rng.sample(EN_WORDS, 2)), rng.choice(EN_INDUSTRY))
        else:
            place = rng.random()
            prefix = (rng.choice(CITIES) + '市' if place < 0.3 else rng.choice(CITIES) if place < 0.5
                      else rng.choice(PROVINCES) + rng.choice(CITIES) if place < 0.55
                      else '北京市' + rng.choice(DISTRICTS) if place < 0.6 else '')
            name = prefix + ''.join(rng.choice(BRAND) for _ in range(rng.randint(2, 3))) \
                + rng.choice(INDUSTRY) + rng.choice(LEGAL)
        records.append({'id': i + 1, 'name': name.strip(), 'phone': phone, 'vat': '', 'email': '',
                        'mobile': '', 'company_id': 1})
    return records


def scan(records):
    from sales_mis.crm_logic import duplicate_pairs, names
    names.parse_company_name.cache_clear()
    wall, cpu, pairs = timed(lambda: duplicate_pairs.candidate_pairs_by_company(records))
    reasons = {}
    for pair in pairs:
        for reason in pair['reasons']:
            reasons[reason] = reasons.get(reason, 0) + 1
    print('  full scan, %d customers:        %6.2f s wall, %6.2f s CPU  (%d pairs; %s)' % (
        len(records), wall, cpu, len(pairs), ', '.join('%s %d' % r for r in sorted(reasons.items()))))


def on_create(conf, db, records):
    from psycopg2.extras import execute_values
    from sales_mis.crm_logic import names
    with bench_env(conf, db) as env:
        cr = env.cr
        company = env.user.company_id.id
        started = time.perf_counter()
        # Other NOT NULL columns (invoice_warn, sale_warn, … of installed modules) are copied
        # from the company's own partner.
        cr.execute("""SELECT column_name FROM information_schema.columns
                       WHERE table_name = 'res_partner' AND is_nullable = 'NO'
                         AND column_default IS NULL""")
        own = ('id', 'name', 'display_name', 'phone', 'customer', 'active', 'is_company',
               'company_id', 'sales_mis_name_core')
        copied = [row[0] for row in cr.fetchall() if row[0] not in own]
        template = env.user.company_id.partner_id.id
        execute_values(cr, """
            INSERT INTO res_partner (name, display_name, phone, customer, active, is_company,
                                     company_id, sales_mis_name_core%s)
            SELECT v.name, v.name, v.phone, true, true, true, %d, v.core%s
              FROM (VALUES %%s) AS v (name, phone, core), res_partner t
             WHERE t.id = %d""" % (''.join(', ' + c for c in copied), company,
                                   ''.join(', t.' + c for c in copied), template), [
            (r['name'], r['phone'] or None, names.parse_company_name(r['name']).core or None)
            for r in records], page_size=5000)
        cr.execute('ANALYZE res_partner')
        print('  inserted %d customers in %.1f s (rolled back at the end)' % (
            len(records), time.perf_counter() - started))
        Partner = env['res.partner']
        probes = ['%s%s' % (prefix, records[i]['name']) for i, prefix in
                  zip(range(5, min(50000, len(records)), 2500 if len(records) > 50000 else 100),
                      ('', '深圳', '（上海）') * 10)]
        probes += ['完全没有的名称科技有限公司', '腾讯科技（北京）有限公司', '臺灣積體電路製造股份有限公司']
        times, warned = [], 0
        for name in probes:
            record = Partner.new({'name': name, 'customer': True, 'is_company': True,
                                  'company_id': company})
            record._onchange_sales_mis_duplicate_warning()  # warm
            wall, _cpu, result = timed(record._onchange_sales_mis_duplicate_warning)
            times.append(wall)
            warned += bool(result)
        print('  on-create check (onchange method), %d names: median %.3f s, max %.3f s wall (%d warned)'
              % (len(probes), statistics.median(times), max(times), warned))
        # The same through the form's RPC entry point (what the browser calls on typing a name).
        spec = {name: '1' if name in ('name', 'vat') else '' for name in
                ('name', 'vat', 'customer', 'is_company', 'parent_id', 'company_id', 'phone',
                 'mobile', 'email', 'street')}
        times = []
        for name in probes:
            values = {'name': name, 'customer': True, 'is_company': True, 'company_id': company,
                      'parent_id': False, 'vat': False, 'phone': False, 'mobile': False,
                      'email': False, 'street': False}
            Partner.onchange(values, 'name', spec)  # warm
            times.append(timed(lambda: Partner.onchange(values, 'name', spec))[0])
        print('  on-create check (form onchange RPC), %d names: median %.3f s, max %.3f s wall'
              % (len(probes), statistics.median(times), max(times)))
        cr.rollback()


def main(args):
    print('bench duplicates: %s; anchor %.2f s' % (load(), anchor()))
    started = time.perf_counter()
    records = generate()
    print('  generated %d synthetic customers in %.1f s' % (len(records), time.perf_counter() - started))
    scan(records)
    if args and args[0] != '--pure':
        on_create(args[0], args[1], records)
    print('  end: %s; anchor %.2f s' % (load(), anchor()))


if __name__ == '__main__':
    main(sys.argv[1:])
