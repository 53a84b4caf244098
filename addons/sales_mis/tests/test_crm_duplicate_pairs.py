# -*- coding: utf-8 -*-
"""Scored duplicate candidate pairs 客户合并: table-driven, pure Python."""
import pytest

from odoo.addons.sales_mis.crm_logic.duplicate_pairs import candidate_pairs, candidate_pairs_by_company, pair_score


def ids_of(pairs):
    return {pair['ids'] for pair in pairs}


@pytest.mark.parametrize('name_a, name_b, candidates', [
    ('企业电子', '佛山企业电子', True),
    ('企业电子', '企业电子有限公司', True),
    ('佛山企业电子', '企业电子有限公司', True),
    ('佛山市企业电子股份有限公司', '企业电子', True),
    ('ＡＢＣ Trading Co., Ltd.', 'abc trading', True),
    ('Foshan ABC Trading Limited', 'ABC TRADING CO LTD', True),
    ('企业电子', '华南机械制造', False),
    ('企业电子', '企业管理咨询', False),
    ('北京银行', '上海银行', False),
    ('ABC Trading', 'XYZ Logistics', False),
])
def test_name_candidates(name_a, name_b, candidates):
    pairs = candidate_pairs([{'id': 1, 'name': name_a}, {'id': 2, 'name': name_b}])
    assert ((1, 2) in ids_of(pairs)) is candidates


def test_other_keys_and_scores():
    records = [
        {'id': 1, 'name': '甲公司', 'vat': '91440600MA4UJ1K23X'},
        {'id': 2, 'name': '乙公司', 'vat': 'CN91440600MA4UJ1K23X'},
        {'id': 3, 'name': '丙商贸', 'phone': '0757-8223 1188', 'email': 'Buyer@Example.com'},
        {'id': 4, 'name': '丁实业', 'mobile': '+86 757 82231188', 'email': 'buyer@example.com '},
        {'id': 5, 'name': '戊科技'},
    ]
    pairs = {pair['ids']: pair for pair in candidate_pairs(records)}
    assert set(pairs) == {(1, 2), (3, 4)}
    assert pairs[1, 2]['reasons'] == ['vat'] and pairs[1, 2]['score'] == 100
    assert pairs[3, 4]['reasons'] == ['email', 'phone'] and pairs[3, 4]['score'] == 95


def test_fuzzy_names_are_weaker_than_keys():
    pairs = candidate_pairs([{'id': 1, 'name': '华为技术有限公司'}, {'id': 2, 'name': '华为技木有限公司'}],
                            threshold=0.3)
    assert pairs and pairs[0]['reasons'] == ['similar_name'] and pairs[0]['score'] < 70
    assert pair_score(['vat', 'email', 'phone', 'name']) == 100


def test_chained_members_pair_only_on_what_they_share():
    # 1~2 by phone, 2~3 by VAT: 1 and 3 share nothing, so no (1, 3) pair.
    records = [{'id': 1, 'name': 'A1', 'phone': '13800138000'},
               {'id': 2, 'name': 'B2', 'phone': '13800138000', 'vat': '91440600MA4UJ1K23X'},
               {'id': 3, 'name': 'C3', 'vat': '91440600MA4UJ1K23X'}]
    assert ids_of(candidate_pairs(records)) == {(1, 2), (2, 3)}


def test_pairs_stay_inside_a_company():
    records = [{'id': 1, 'name': '企业电子', 'company_id': 1}, {'id': 2, 'name': '企业电子', 'company_id': 2},
               {'id': 3, 'name': '企业电子有限公司', 'company_id': 1}, {'id': 4, 'name': '企业电子', 'company_id': None}]
    pairs = {pair['ids']: pair['company_id'] for pair in candidate_pairs_by_company(records)}
    # never 1-2 nor 2-3 (two companies); a customer without company pairs inside each company
    assert pairs == {(1, 3): 1, (1, 4): 1, (3, 4): 1, (2, 4): 2}
    assert {pair['ids']: pair['company_id'] for pair in candidate_pairs_by_company(records[3:] + [
        {'id': 5, 'name': '企业电子', 'company_id': None}])} == {(4, 5): None}


@pytest.mark.parametrize('name_a, name_b', [
    ('北京华联商厦股份有限公司', '上海华联商厦股份有限公司'),
    ('杭州市第一人民医院', '宁波市第一人民医院'),
    ('腾讯科技（深圳）有限公司', '腾讯科技（北京）有限公司'),
    ('Shanghai Electric Co Ltd', 'Beijing Electric Co Ltd'),
    ('中国电子科技集团公司第十四研究所', '中国电子科技集团公司第十五研究所'),
    ('中国石油天然气股份有限公司大庆油田分公司', '中国石油天然气股份有限公司辽河油田分公司'),
    ('华为技术有限公司上海分公司', '华为技术有限公司'),
    ('长城汽车股份有限公司', '长安汽车股份有限公司'),
])
def test_conflicting_places_numbers_and_branches_are_not_proposed(name_a, name_b):
    assert candidate_pairs([{'id': 1, 'name': name_a}, {'id': 2, 'name': name_b}]) == []


def test_a_shared_phone_still_proposes_and_shows_the_conflict():
    pairs = candidate_pairs([{'id': 1, 'name': '杭州市第一人民医院', 'phone': '0571-5600 7000'},
                             {'id': 2, 'name': '宁波市第一人民医院', 'phone': '+86 571 56007000'}])
    assert pairs[0]['ids'] == (1, 2)
    assert pairs[0]['reasons'] == ['name', 'phone', 'place_conflict']


@pytest.mark.parametrize('name_a, name_b, reason', [
    ('臺灣積體電路製造股份有限公司', '台湾积体电路制造股份有限公司', 'name'),
    ('北京市海淀区中关村科技发展有限公司', '中关村科技发展有限公司', 'name'),
    ('中兴通讯股份有限公司（ZTE Corporation）', 'ZTE Corp.', 'name'),
    ('贵州茅台酒股份有限公司', '贵州茅台酒业股份有限公司', 'similar_name'),
])
def test_issue_kinds_are_found(name_a, name_b, reason):
    pairs = candidate_pairs([{'id': 1, 'name': name_a}, {'id': 2, 'name': name_b}])
    assert pairs and reason in pairs[0]['reasons']


def test_supporting_clues_add_to_a_similar_name_but_never_pair_alone():
    a = {'id': 1, 'name': '贵州茅台酒股份有限公司', 'email': 'a@moutai.example.cn', 'street': '茅台镇一号路88号'}
    b = {'id': 2, 'name': '贵州茅台酒业股份有限公司', 'email': 'b@moutai.example.cn', 'street': '茅台镇一号路88号'}
    pair = candidate_pairs([a, b])[0]
    assert pair['reasons'] == ['similar_name', 'address', 'email_domain']
    assert pair['score'] == pair_score((), 6 / 7) + 10
    assert candidate_pairs([dict(a, name='甲公司'), dict(b, name='乙公司')]) == []


def test_parent_company_evidence():
    head = {'id': 1, 'name': '华为技术有限公司'}
    subsidiary = {'id': 2, 'name': '华为技术（深圳）有限公司', 'parent_id': 1}
    # one recorded as the parent company of the other: head office and subsidiary, not a duplicate
    assert candidate_pairs([head, dict(subsidiary, parent_id=None)])[0]['reasons'] == ['name']
    assert candidate_pairs([head, subsidiary]) == []
    # ... unless a strong key links them; the relation is then shown
    pair = candidate_pairs([dict(head, phone='0755-28780808'), dict(subsidiary, phone='075528780808')])[0]
    assert pair['reasons'] == ['name', 'phone', 'parent_conflict']
    # a shared parent adds 5 to a name, but does not make sister companies "similar"
    sisters = [{'id': 3, 'name': '中国移动通信集团江苏有限公司', 'parent_id': 9},
               {'id': 4, 'name': '中国移动通信集团山东有限公司', 'parent_id': 9}]
    assert candidate_pairs(sisters) == []
    twins = [dict(sisters[0], id=5), dict(sisters[0], id=6, name='中國移動通信集團江蘇有限公司')]
    pair = candidate_pairs(twins)[0]
    assert pair['reasons'] == ['name', 'parent'] and pair['score'] == 90
