# -*- coding: utf-8 -*-
"""Duplicate customer groups and fuzzy name pairs 客户合并."""
import itertools
import random
import time

from hypothesis import given, settings, strategies as st

from odoo.addons.sales_mis.crm_logic import duplicates, names


def rec(id_, name=None, vat=None, phone=None, mobile=None, email=None):
    return {'id': id_, 'name': name, 'vat': vat, 'phone': phone, 'mobile': mobile, 'email': email}


def test_groups_by_each_key_and_transitively():
    records = [
        rec(1, '上海华为技术有限公司'),
        rec(2, '华为技术（上海）有限公司', phone='021-6888 1234'),
        rec(3, 'Huawei Shanghai', mobile='+86 21 68881234', vat='91350100M000100Y43'),
        rec(4, '某某贸易', vat='9135 0100 M000 100Y43'),
        rec(5, 'ABC Trading Co., Ltd.', email='Sales@ABC.com'),
        rec(6, 'Other', email='sales@abc.com '),
        rec(7, '无关公司', phone=False, mobile=None, email=False, vat=False),
        rec(8, None),
    ]
    groups = duplicates.find_duplicate_groups(records)
    assert groups == [
        {'ids': [1, 2, 3, 4], 'reasons': ['name', 'phone', 'vat'], 'key': 'vat:91350100M000100Y43'},
        {'ids': [5, 6], 'reasons': ['email'], 'key': 'email:sales@abc.com'},
    ]


def test_empty_keys_never_match():
    records = [rec(i, name='', vat='/', phone='0', email='无') for i in range(5)]
    assert duplicates.find_duplicate_groups(records) == []


def test_phone_and_mobile_are_one_pool():
    records = [rec(1, 'A', phone='13800138000'), rec(2, 'B', mobile='+86 138 0013 8000')]
    assert duplicates.find_duplicate_groups(records) == [
        {'ids': [1, 2], 'reasons': ['phone'], 'key': 'phone:13800138000'}]


def test_placeholder_keys_shared_by_many_are_ignored():
    records = [rec(i, 'Customer %d' % i, phone='13800000000') for i in range(60)]
    assert duplicates.find_duplicate_groups(records) == []
    assert len(duplicates.find_duplicate_groups(records, max_key_size=100)[0]['ids']) == 60


def test_conflicting_vats_veto_the_name():
    records = [rec(1, '北京农商银行', vat='91110000802100433B'),
               rec(2, '上海农商银行', vat='913100007793473149'),
               rec(3, '上海农商银行股份有限公司')]
    assert names.normalize_company_name(records[0]['name']) == \
        names.normalize_company_name(records[1]['name'])
    assert duplicates.find_duplicate_groups(records) == []
    # One VAT (or none) in the bucket: the name links.
    assert duplicates.find_duplicate_groups(records[1:])[0]['ids'] == [2, 3]


_ids = st.integers(0, 30)
_val = st.one_of(st.none(), st.sampled_from(['a', 'b', 'c']))


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.tuples(st.sampled_from(['', '华为', '中兴', '联想']), _val, _val),
                max_size=25, unique_by=lambda t: id(t)))
def test_groups_are_a_partition_and_order_independent(rows):
    records = [rec(i, name=n and n + '技术有限公司', phone=p and '1380013800' + str(ord(p) % 10),
                   email=e and e + '@x.cn') for i, (n, p, e) in enumerate(rows)]
    groups = duplicates.find_duplicate_groups(records)
    flat = [i for g in groups for i in g['ids']]
    assert len(flat) == len(set(flat))
    assert all(len(g['ids']) >= 2 and g['ids'] == sorted(g['ids']) for g in groups)
    assert duplicates.find_duplicate_groups(list(reversed(records))) == groups
    # Every pair sharing a non-empty key lies in one group.
    where = {i: k for k, g in enumerate(groups) for i in g['ids']}
    for a, b in itertools.combinations(records, 2):
        if any(a[f] and a[f] == b[f] for f in ('name', 'phone', 'email')):
            assert where[a['id']] == where[b['id']]


def test_similarity_examples():
    assert duplicates.similarity('上海华为技术有限公司', '华为技术（上海）有限公司') == 1.0
    assert duplicates.similarity('华为技术', '华为科技') == 2 * 1 / (3 + 3)
    assert duplicates.similarity('', '华为') == 0.0
    assert duplicates.similarity(None, None) == 0.0
    assert duplicates.similarity('ABC Trading', 'ABC Tradng') == 2 * 7 / (9 + 8)


@settings(max_examples=100, deadline=None, database=None)
@given(st.text('华为技术科有限公司ab', max_size=8), st.text('华为技术科有限公司ab', max_size=8))
def test_similarity_is_symmetric_and_bounded(a, b):
    score = duplicates.similarity(a, b)
    assert 0.0 <= score <= 1.0
    assert score == duplicates.similarity(b, a)


def brute_force(records, threshold):
    pairs = []
    for a, b in itertools.combinations(records, 2):
        na, nb = names.normalize_company_name(a['name']), names.normalize_company_name(b['name'])
        if na and nb and na != nb:
            score = duplicates.similarity(na, nb)
            if score >= threshold:
                pairs.append({'ids': sorted((a['id'], b['id'])), 'score': score})
    return sorted(pairs, key=lambda p: (-p['score'], p['ids']))


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.text('华为技术科腾讯abc', min_size=1, max_size=7), max_size=30),
       st.sampled_from([0.5, 0.6, 0.75, 0.85, 1.0]))
def test_similar_names_match_brute_force(raw_names, threshold):
    records = [{'id': i, 'name': n} for i, n in enumerate(raw_names)]
    assert duplicates.find_similar_names(records, threshold) == brute_force(records, threshold)


def test_similar_names_example():
    records = [{'id': 1, 'name': '杭州娃哈哈食品饮料有限公司'}, {'id': 2, 'name': '娃哈哈食品饮料集团'},
               {'id': 3, 'name': '娃哈哈食品饮品有限公司'}, {'id': 4, 'name': '农夫山泉股份有限公司'}]
    pairs = duplicates.find_similar_names(records, threshold=0.7)
    assert [p['ids'] for p in pairs] == [[1, 3], [2, 3]]  # 1 and 2 are equal: exact groups
    assert pairs[0]['score'] == 2 * 5 / (6 + 6)  # 娃哈 哈哈 哈食 食品 品饮 shared


def test_similar_names_scale_to_ten_thousand():
    rng = random.Random(7)
    chars = '华为腾讯阿里巴联想海尔美的格力比亚迪小米京东网易百度中兴长城宝钢三一重工徐工潍柴万科碧桂园'
    industry = ['科技', '贸易', '电子', '机械', '食品', '物流', '信息技术', '实业', '化工', '医药']
    records = []
    for i in range(10000):
        if records and rng.random() < 0.2:
            base = rng.choice(records)['name']
            pos = rng.randrange(len(base))
            name = base[:pos] + rng.choice(chars) + base[pos + (rng.random() < 0.5):]
        else:
            name = ''.join(rng.choice(chars) for _ in range(rng.randint(2, 4))) \
                + rng.choice(industry) + rng.choice(['有限公司', '股份有限公司', ''])
        records.append({'id': i, 'name': name})
    start = time.perf_counter()
    pairs = duplicates.find_similar_names(records, 0.85)
    assert time.perf_counter() - start < 5.0  # ~0.2 s measured; brute force is 50M pairs
    assert pairs and all(p['score'] >= 0.85 for p in pairs)


def test_one_edit_blocking_finds_added_dropped_and_changed_characters():
    records = [{'id': 1, 'name': '贵州茅台酒股份有限公司'}, {'id': 2, 'name': '茅台酒业有限公司'},
               {'id': 3, 'name': 'ABC Trading'}, {'id': 4, 'name': 'ABC Tradng Ltd'},
               {'id': 5, 'name': 'ABX Trading'}, {'id': 6, 'name': '农夫山泉股份有限公司'}]
    assert duplicates.find_one_edit_names(records) == {(1, 2), (3, 4), (3, 5)}
    # generic short keys: a bucket larger than max_bucket links nothing
    many = [{'id': i, 'name': '%s科技' % c} for i, c in enumerate('华中天宏新兴泰安盛达')]
    assert duplicates.find_one_edit_names(many, max_bucket=5) == set()
