# -*- coding: utf-8 -*-
"""Normalisation of customer names and contact data for duplicate detection 客户合并.

Every function takes whatever sits in an Odoo char field (``None``, ``False``, ``''``
or text) and returns a plain ``str``; ``''`` means "nothing usable", and empty keys
never match anything in :mod:`.duplicates`.

:func:`normalize_company_name` applies, in this order:

1. Unicode NFKC and case folding: full-width ``ＡＢＣ　１２３（）`` becomes ``abc 123()``,
   upper case becomes lower case.
2. Bracketed segments — ``()`` ``[]`` ``{}`` ``【】`` ``〔〕`` ``〖〗`` ``「」`` ``『』``
   ``《》`` ``<>`` — whose content is a place (a name in :data:`CN_PLACES` with or
   without 省/市/自治区…, an English name in :data:`EN_PLACES`, or 中国/China) are
   removed: ``华为技术（上海）有限公司`` → ``华为技术有限公司``. Any other bracket
   content is kept, without the brackets.
3. Everything that is not a letter or a digit (ASCII and CJK punctuation, symbols,
   spaces, full-width spaces) separates words.
4. Trailing English legal-form words (:data:`EN_LEGAL_WORDS`: co, company, ltd,
   limited, inc, incorporated, llc, corp, corporation, gmbh, plc, …) are dropped
   repeatedly, then one leading English place (``shanghai abc`` → ``abc``).
5. The words are joined without spaces; trailing Chinese legal forms
   (:data:`CN_LEGAL_SUFFIXES`: 股份有限公司, 有限责任公司, 有限公司, 股份公司, 总公司,
   公司, 集团, …) are dropped repeatedly, so ``XX集团股份有限公司`` → ``XX``.
6. Leading Chinese places are dropped repeatedly (``江苏省苏州市XX`` → ``XX``).

Guards, because a wrong merge is worse than a missed one:

* nothing is stripped if it would leave the name empty (``公司`` stays ``公司``);
* a place prefix is only stripped if at least :data:`MIN_REST` (3) characters
  remain: ``北京银行`` / ``上海银行`` stay distinct, ``上海华为技术`` → ``华为技术``;
* 分公司 (branch) is deliberately **kept**: in China a branch has its own 统一社会
  信用代码 and is invoiced separately, so ``华为技术有限公司上海分公司`` is not the same
  customer as ``华为技术有限公司`` (the fuzzy :func:`.duplicates.similarity` still
  proposes the pair). 办事处 (representative office) is kept for the same reason.

Known limitation: names that differ only by their city (``上海交通大学`` /
``西安交通大学``) normalise equal; :mod:`.duplicates` then only merges them on the
name when their VAT numbers do not contradict each other.
"""
import re
import unicodedata

MIN_REST = 3

# Provinces, municipalities, autonomous regions and SARs (their short names).
CN_PROVINCES = (
    '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江',
    '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州',
    '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港',
    '澳门',
)
# Provincial capitals and the larger prefecture-level / county-level cities.
CN_CITIES = (
    '深圳', '广州', '杭州', '苏州', '南京', '武汉', '成都', '西安', '宁波', '无锡', '青岛',
    '大连', '厦门', '长沙', '郑州', '济南', '合肥', '福州', '东莞', '佛山', '沈阳', '哈尔滨',
    '长春', '昆明', '南昌', '石家庄', '太原', '南宁', '贵阳', '兰州', '海口', '珠海', '常州',
    '温州', '绍兴', '嘉兴', '金华', '台州', '湖州', '徐州', '南通', '扬州', '镇江', '盐城',
    '泰州', '烟台', '潍坊', '淄博', '威海', '临沂', '泉州', '漳州', '中山', '惠州', '江门',
    '汕头', '湛江', '肇庆', '乌鲁木齐', '呼和浩特', '包头', '银川', '西宁', '拉萨', '三亚',
    '洛阳', '唐山', '保定', '廊坊', '芜湖', '宜昌', '襄阳', '株洲', '岳阳', '柳州', '桂林',
    '绵阳', '昆山', '义乌', '江阴', '常熟', '张家港', '慈溪', '余姚', '鄂尔多斯', '大庆',
)
CN_PLACES = CN_PROVINCES + CN_CITIES
# Administrative suffixes a place may carry: 江苏省, 苏州市, 广西壮族自治区, 香港特别行政区.
_CN_ADMIN = ('壮族自治区', '回族自治区', '维吾尔自治区', '自治区', '特别行政区', '省', '市')

EN_PLACES = (
    'beijing', 'shanghai', 'tianjin', 'chongqing', 'shenzhen', 'guangzhou', 'hangzhou',
    'suzhou', 'nanjing', 'wuhan', 'chengdu', 'xian', "xi'an", 'xiamen', 'qingdao', 'dalian',
    'ningbo', 'wuxi', 'changsha', 'zhengzhou', 'jinan', 'hefei', 'fuzhou', 'dongguan',
    'foshan', 'shenyang', 'harbin', 'kunming', 'zhuhai', 'hongkong', 'hong kong', 'macau',
    'macao', 'jiangsu', 'zhejiang', 'guangdong', 'shandong', 'fujian',
)
# Only inside brackets: 华为技术(中国)有限公司; a leading 中国 is part of the name (中国银行).
_BRACKET_ONLY_PLACES = ('中国', 'china', 'prc', 'cn')

EN_LEGAL_WORDS = frozenset((
    'co', 'company', 'cos', 'ltd', 'limited', 'inc', 'incorporated', 'llc', 'llp', 'lp',
    'corp', 'corporation', 'gmbh', 'plc', 'ag', 'sa', 'sarl', 'bv', 'nv', 'pte', 'pty',
    'pvt', 'kk', 'sdn', 'bhd', 'spa', 'srl', 'oy', 'ab', 'as',
))
# Longest first so that 股份有限公司 is removed whole, not as 公司 + 股份有限.
CN_LEGAL_SUFFIXES = tuple(sorted((
    '股份有限公司', '有限责任公司', '有限公司', '股份公司', '总公司', '公司', '集团',
    '有限合伙', '合伙企业', '个人独资企业',
), key=len, reverse=True))

# Branches and representative offices are distinct customers (own credit code).
_KEPT_SUFFIXES = ('分公司', '办事处')

_OPEN = '([{【〔〖「『《<'
_CLOSE = ')]}】〕〗」』》>'
_BRACKETED = re.compile('[%s]([^%s%s]*)[%s]' % (
    re.escape(_OPEN), re.escape(_OPEN), re.escape(_CLOSE), re.escape(_CLOSE)))
_CN_PLACE_PREFIX = re.compile('^(?:%s)(?:%s)?' % (
    '|'.join(sorted(CN_PLACES, key=len, reverse=True)),
    '|'.join(_CN_ADMIN)))
_CN_PLACE_FULL = re.compile('^(?:%s)(?:%s)?$' % (
    '|'.join(sorted(CN_PLACES + _BRACKET_ONLY_PLACES[:1], key=len, reverse=True)),
    '|'.join(_CN_ADMIN)))
_EN_PLACE_WORDS = frozenset(EN_PLACES + _BRACKET_ONLY_PLACES[1:])


def _text(value):
    """NFKC + case fold; None/False/non-text gives ''."""
    if not value or not isinstance(value, str):
        return ''
    # NFKC again after casefold: folding can leave non-normalised sequences.
    return unicodedata.normalize('NFKC', unicodedata.normalize('NFKC', value).casefold())


def _words(text):
    """Split on every character that is neither a letter nor a digit."""
    words, current = [], []
    for char in text:
        if unicodedata.category(char)[0] in 'LN':
            current.append(char)
        elif current:
            words.append(''.join(current))
            current = []
    if current:
        words.append(''.join(current))
    return words


def _is_place(content):
    words = _words(content)
    if not words:
        return False
    joined = ''.join(words)
    return bool(_CN_PLACE_FULL.match(joined)) or ' '.join(words) in _EN_PLACE_WORDS \
        or joined in _EN_PLACE_WORDS


def _drop_bracketed_places(text):
    # A place in brackets is dropped; other content stays (without the brackets) so
    # that 'ABC（集团）有限公司' still loses its legal forms.
    previous = None
    while previous != text:  # nested brackets: innermost first
        previous = text
        text = _BRACKETED.sub(lambda m: ' ' if _is_place(m.group(1)) else ' %s ' % m.group(1),
                              text)
    return text


def _strip_en(words):
    while len(words) > 1 and words[-1] in EN_LEGAL_WORDS:
        words = words[:-1]
    for size in (2, 1):  # 'hong kong abc' before 'shanghai abc'
        if len(words) > size and ' '.join(words[:size]) in _EN_PLACE_WORDS \
                and len(''.join(words[size:])) >= MIN_REST:
            return words[size:]
    return words


def _strip_cn_suffixes(name):
    stripped = True
    while stripped and name not in CN_LEGAL_SUFFIXES:  # '有限公司' alone stays whole
        stripped = False
        if name.endswith(_KEPT_SUFFIXES):
            break
        for suffix in CN_LEGAL_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix):
                name, stripped = name[:-len(suffix)], True
                break
    return name


def _strip_cn_places(name):
    while True:
        match = _CN_PLACE_PREFIX.match(name)
        if not match or len(name) - match.end() < MIN_REST:
            return name
        name = name[match.end():]


def normalize_company_name(name):
    """Comparison key of a company name (see the module docstring for the rules).

    >>> normalize_company_name('上海华为技术有限公司')
    '华为技术'
    >>> normalize_company_name('ＡＢＣ　Trading Co., Ltd.')
    'abctrading'
    """
    text = _text(name)
    if not text:
        return ''
    words = _strip_en(_words(_drop_bracketed_places(text)))
    return _strip_cn_places(_strip_cn_suffixes(''.join(words)))


_EXTENSION = re.compile(r'(?:ext\.?|extension|x|转|分机|#).*$')


def normalize_phone(phone):
    """Digits of a phone number in the national form used in China.

    * full-width digits are accepted (NFKC); an extension (``ext``, ``x``, ``转``,
      ``分机``, ``#`` and everything after it) is dropped;
    * the country code 86 is removed when written ``+86``/``0086`` (or as ``86`` in
      front of an 11-digit mobile number ``1xxxxxxxxxx``); other international
      numbers keep their country code (``+1 415…`` → ``1415…``);
    * the domestic trunk prefix 0 of a landline is removed when an area code follows
      (10+ digits), so ``021-6888 1234``, ``(021)68881234`` and ``+86 21 6888 1234``
      all give ``2168881234``. A local number written without area code
      (``68881234``) therefore does *not* match its long form;
    * fewer than 7 digits left (``0``, ``-``, ``无``, extensions only) gives ``''``.
    """
    text = _text(phone).strip()
    if not text:
        return ''
    text = _EXTENSION.sub('', text)
    digits = re.sub(r'\D', '', text)
    international = text.startswith('+') or digits.startswith('00')
    if digits.startswith('00'):
        digits = digits[2:]
    if international:
        if not digits.startswith('86'):
            return digits if len(digits) >= 7 else ''
        digits = digits[2:]
    elif len(digits) == 13 and digits.startswith('861'):
        digits = digits[2:]
    if digits.startswith('0') and len(digits) >= 10:
        digits = digits[1:]
    return digits if len(digits) >= 7 else ''


def normalize_email(email):
    """Lower-case address without spaces; ``''`` when there is no ``@``.

    ``'Zhang San <ZS@Example.COM>'`` and ``'mailto:zs@example.com'`` give
    ``'zs@example.com'``; of several addresses (``a@x.cn; b@x.cn``) only the first
    is kept. Provider tricks (gmail dots, ``+tags``) are not undone: they are rare
    among Chinese business addresses and undoing them would merge real mailboxes.
    """
    text = _text(email).strip()
    if '<' in text and '>' in text:
        text = text[text.index('<') + 1:text.index('>')]
    text = re.split(r'[;,\s]+', text.strip())[0]
    if text.startswith('mailto:'):
        text = text[len('mailto:'):]
    if '@' not in text or text.startswith('@') or text.endswith('@'):
        return ''
    return text


def normalize_vat(vat):
    """Upper-case ASCII letters and digits of a tax id.

    A Chinese unified social credit code 统一社会信用代码 has 18 characters; a
    leading ``CN`` country prefix in front of one is removed (``CN91310000…`` as
    typed in Odoo's VAT field). Placeholders — fewer than 6 characters or one
    character repeated (``/``, ``无``, ``N/A``, ``000000000``) — give ``''``.
    """
    text = re.sub(r'[^A-Z0-9]', '', _text(vat).upper())
    if len(text) == 20 and text.startswith('CN'):
        text = text[2:]
    if len(text) < 6 or len(set(text)) == 1:
        return ''
    return text


# GB 32100-2015: 31 characters without I, O, S, V, Z.
_USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC = re.compile('^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$')


def is_valid_uscc(code):
    """True when ``code`` (after :func:`normalize_vat`) is an 18-character 统一社会
    信用代码 with a correct GB 32100-2015 check character."""
    code = normalize_vat(code)
    if not _USCC.match(code):
        return False
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(code[:17], _USCC_WEIGHTS))
    return _USCC_CHARS[(31 - total % 31) % 31] == code[17]
