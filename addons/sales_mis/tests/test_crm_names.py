# -*- coding: utf-8 -*-
"""Customer name and contact normalisation for duplicate detection 客户合并."""
import pytest
from hypothesis import given, settings, strategies as st

from odoo.addons.sales_mis.crm_logic import names

HUAWEI = '华为技术'


@pytest.mark.parametrize('raw', [
    '上海华为技术有限公司', '华为技术有限公司', '华为技术（上海）有限公司', '华为技术(中国)有限公司',
    '【上海市】华为技术有限公司', '上海市华为技术股份有限公司', '华为技术集团有限公司', ' 华为 技术 ',
])
def test_huawei_variants_normalise_equal(raw):
    assert names.normalize_company_name(raw) == HUAWEI


@pytest.mark.parametrize('raw', [
    'ＡＢＣ　Trading Co., Ltd.', 'abc trading company limited', 'ABC Trading Ltd',
    'Shanghai ABC Trading Co., Ltd.', 'ABC Trading Inc.', 'ABC Trading (China) Corp.',
    'abc-trading GmbH', 'ABC TRADING LLC',
])
def test_english_variants_normalise_equal(raw):
    assert names.normalize_company_name(raw) == 'abctrading'


@pytest.mark.parametrize('raw, expected', [
    ('江苏省苏州市博世汽车部件有限公司', '博世汽车部件'),
    ('广东省深圳市腾讯计算机系统有限公司', '腾讯计算机系统'),
    ('XX（集团）股份有限公司', 'xx'),
    ('中国银行股份有限公司', '中国银行'),      # a leading 中国 is part of the name
    ('北京银行', '北京银行'),                  # too little left once the city is gone
    ('上海银行股份有限公司', '上海银行'),
    ('华为技术有限公司上海分公司', '华为技术有限公司上海分公司'),  # branches stay distinct
    ('上海XX贸易有限公司北京办事处', 'xx贸易有限公司北京办事处'),
    ('公司', '公司'),                          # never stripped to nothing
    ('有限公司', '有限公司'),
    ('Hong Kong Best Ltd', 'best'),
    (None, ''), (False, ''), ('', ''), ('　（）', ''),
])
def test_company_name_examples(raw, expected):
    assert names.normalize_company_name(raw) == expected


def test_branch_differs_from_head_office():
    assert names.normalize_company_name('华为技术有限公司上海分公司') != \
        names.normalize_company_name('华为技术有限公司')


_NAME_PARTS = st.sampled_from([
    '上海', '江苏省', '苏州市', '华为', '技术', '有限公司', '股份', '公司', '集团', '分公司', '（', '）',
    '(', ')', '中国', 'co', 'ltd', ' ', '.', ',', 'ABC', 'Ｔｒａｄｉｎｇ', '　', 'shanghai', '银行', '【', '】',
])


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(_NAME_PARTS, max_size=8).map(''.join))
def test_company_name_is_idempotent_and_clean(raw):
    once = names.normalize_company_name(raw)
    assert names.normalize_company_name(once) == once
    assert once == once.strip() and ' ' not in once and once == once.lower()
    assert not any(c in once for c in '()（）【】.,')


@pytest.mark.parametrize('raw, expected', [
    ('021-6888 1234', '2168881234'),
    ('(021)68881234', '2168881234'),
    ('+86 21 6888 1234', '2168881234'),
    ('+86 (0)21 6888-1234', '2168881234'),
    ('0086 21 68881234', '2168881234'),
    ('021-68881234 转 806', '2168881234'),
    ('021-68881234 ext. 806', '2168881234'),
    ('138 0013 8000', '13800138000'),
    ('+86 138-0013-8000', '13800138000'),
    ('8613800138000', '13800138000'),
    ('１３８００１３８０００', '13800138000'),
    ('0512-6588 1234', '51265881234'),
    ('68881234', '68881234'),            # local number without area code kept as is
    ('+1 (415) 555-0100', '14155550100'),  # foreign numbers keep their country code
    ('0', ''), ('无', ''), ('-', ''), (None, ''), (False, ''),
])
def test_normalize_phone(raw, expected):
    assert names.normalize_phone(raw) == expected


@settings(max_examples=100, deadline=None, database=None)
@given(st.from_regex(r'1[3-9][0-9]{9}', fullmatch=True),
       st.sampled_from(['{}', '+86 {}', '+86-{}', '0086{}', '86{}', '{} ']))
def test_mobile_formats_agree(mobile, template):
    assert names.normalize_phone(template.format(mobile)) == mobile


@pytest.mark.parametrize('raw, expected', [
    (' ZhangSan@Example.COM ', 'zhangsan@example.com'),
    ('Zhang San <ZS@Example.com>', 'zs@example.com'),
    ('mailto:zs@example.com', 'zs@example.com'),
    ('a@x.cn; b@x.cn', 'a@x.cn'),
    ('ｚｓ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'zs@example.com'),
    ('无', ''), ('@', ''), (None, ''), (False, ''),
])
def test_normalize_email(raw, expected):
    assert names.normalize_email(raw) == expected


@pytest.mark.parametrize('raw, expected', [
    ('91350100M000100Y43', '91350100M000100Y43'),
    (' 9135 0100-m000100y43 ', '91350100M000100Y43'),
    ('ＣＮ91350100M000100Y43', '91350100M000100Y43'),
    ('DE 123456789', 'DE123456789'),
    ('/', ''), ('N/A', ''), ('000000000', ''), ('无', ''), (None, ''), (False, ''),
])
def test_normalize_vat(raw, expected):
    assert names.normalize_vat(raw) == expected


def test_uscc_check_character():
    assert names.is_valid_uscc('91350100M000100Y43')
    assert names.is_valid_uscc('cn 91350100m000100y43')
    assert not names.is_valid_uscc('91350100M000100Y44')   # wrong check character
    assert not names.is_valid_uscc('91350100M000100Y4')    # 17 characters
    assert not names.is_valid_uscc(None)
