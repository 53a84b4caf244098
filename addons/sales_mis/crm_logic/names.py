# -*- coding: utf-8 -*-
"""Normalisation of customer names and contact data for duplicate detection 客户合并.

Every function takes whatever sits in an Odoo char field (``None``, ``False``, ``''``
or text) and returns a plain ``str``; ``''`` means "nothing usable", and empty keys
never match anything in :mod:`.duplicates`.

:func:`parse_company_name` reads a company name into structured parts
(:class:`CompanyName`): the comparison ``key``, the English name of a bilingual name
(``alt_key``), the ``places`` it names, its ``numbers`` and its ``branch``:

1. Unicode NFKC and case folding (full width, upper case), then traditional →
   simplified characters with OpenCC (臺灣電子 → 台湾电子).
2. Bracketed segments (``()`` ``[]`` ``【】`` ``〔〕`` ``「」`` ``《》`` …) that name a place —
   any province, city, district or county of :mod:`.places` (the ``cpca`` table),
   an English place, or 中国/China — become ``places``; an English name in brackets
   after a Chinese one becomes ``alt_key``; other content stays, without brackets.
3. A Chinese name followed (or preceded) by its English name, separated by a space,
   is split: the English part is ``alt_key``.
4. Punctuation and spaces go; trailing English legal words (co, ltd, limited, inc,
   corp, group, …), a country word (China) except in first place, and Chinese legal forms
   (股份有限公司, 有限公司, 集团, …, also typed with one wrong or missing character:
   股分有限公司, 有限公) go, then 中国 just before them (戴尔中国有限公司 = 戴尔（中国）有限公司).
5. Leading places go into ``places`` (江苏省苏州市 / 北京市海淀区 / 东莞市长安镇 / Shanghai …),
   as long as :data:`MIN_REST` characters remain: the ``key`` of 北京银行 stays whole;
   its ``core`` (银行) drops the place anyway and is only compared together with places.
6. ``numbers`` (第一 / 第十四 / 1st / 2 …, as integers; in the key 第十四 is written 第14)
   and ``branch`` (the part after the legal form ending in 分公司, 分厂, 办事处, 分行 …) stay
   in the key and are also returned, because they are identity: 第十四研究所 is not 第十五研究所.

:func:`normalize_company_name` is the ``key``. Places are *not* in the key; whether two
names' places agree or conflict is judged by :mod:`.duplicate_pairs`.
"""
import functools
import re
import unicodedata
from collections import namedtuple

import opencc

from . import places as _places

MIN_REST = 3
# Change it whenever a rule below changes a key or core: stored name cores (the on-create
# check's index) are recomputed once on the next module update.
NORMALISER_VERSION = '2026-12-05.4'

EN_LEGAL_WORDS = frozenset((
    'co', 'company', 'cos', 'ltd', 'limited', 'inc', 'incorporated', 'llc', 'llp', 'lp',
    'corp', 'corporation', 'gmbh', 'plc', 'ag', 'sa', 'sarl', 'bv', 'nv', 'pte', 'pty',
    'pvt', 'kk', 'sdn', 'bhd', 'spa', 'srl', 'oy', 'ab', 'as', 'group', 'the',
))
# Longest first so that 股份有限公司 is removed whole, not as 公司 + 股份有限.
CN_LEGAL_SUFFIXES = tuple(sorted((
    '股份有限公司', '有限责任公司', '有限公司', '股份公司', '总公司', '公司', '集团',
    '有限合伙', '合伙企业', '个人独资企业', '集团有限公司',
), key=len, reverse=True))
_LONG_LEGAL = ('股份有限公司', '有限责任公司', '有限公司')
_CN_LEGAL_INSIDE = ('有限责任公司', '股份有限公司', '有限公司', '公司', '集团')

# Branches and representative offices are distinct customers (own credit code).
BRANCH_WORDS = ('分公司', '分厂', '办事处', '代表处', '分行', '支行', '分店', '营业部',
                '分部', '分院', '分校', '分所', '分中心', '工厂')
_KEPT_SUFFIXES = BRANCH_WORDS

CompanyName = namedtuple('CompanyName', 'key alt_key places numbers branch core')

_OPEN = '([{【〔〖「『《<'
_CLOSE = ')]}】〕〗」』》>'
_BRACKETED = re.compile('[%s]([^%s%s]*)[%s]' % (
    re.escape(_OPEN), re.escape(_OPEN), re.escape(_CLOSE), re.escape(_CLOSE)))
_CJK = re.compile('[\u3400-\u9fff]')
_LATIN_ONLY = re.compile("^[a-z0-9 .,&'/+-]*[a-z][a-z0-9 .,&'/+-]*$")
# A Chinese name then its English name (or the other way round), split at a space.
_TAIL_LATIN = re.compile("^(.*[\u3400-\u9fff][^a-z]*?)\s+([a-z][a-z0-9 .,&'/+-]*)$")
_HEAD_LATIN = re.compile("^([a-z][a-z0-9 .,&'/+-]*?)\s+([^a-z]*[\u3400-\u9fff].*)$")
_CN_DIGITS = {'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6,
              '七': 7, '八': 8, '九': 9}
_CN_UNITS = {'十': 10, '百': 100, '千': 1000}
_NUMBER = re.compile('第([零〇一二两三四五六七八九十百千0-9]+)|([0-9]+)(?:st|nd|rd|th)?')
_EN_ORDINALS = {'first': 1, 'second': 2, 'third': 3, 'fourth': 4, 'fifth': 5, 'sixth': 6,
                'seventh': 7, 'eighth': 8, 'ninth': 9, 'tenth': 10}

_T2S = opencc.OpenCC('t2s')


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


def _place_of(content):
    """The place a bracket content names entirely (北京 / 北京市海淀区 / Shanghai), or None."""
    words = _words(content)
    if not words:
        return None
    place = _places.lookup(' '.join(words))
    if place is None:
        place = _places.lookup(''.join(words))
    if place is not None:
        return place
    joined, found = ''.join(words), []
    while joined:
        place, size = _places.leading(joined)
        if not size:
            return None
        found.append(place)
        joined = joined[size:]
    return frozenset().union(*found)


def _cn_number(text):
    if text.isdigit():
        return int(text)
    if not any(char in _CN_UNITS for char in text):  # 七〇一 is 701, digit by digit
        return int(''.join(str(_CN_DIGITS[char]) for char in text))
    total, digit = 0, 0
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        else:
            total += (digit or 1) * _CN_UNITS[char]
            digit = 0
    return total + digit


_CN_ORDINAL = re.compile('第([零〇一二两三四五六七八九十百千]+)')


def _arabic_ordinal(match):
    """第十四 → 第14: one spelling of a number in the key (第十四研究所 = 第14研究所)."""
    return '第%d' % _cn_number(match.group(1))


def _strip_en(words, places):
    # 'ABC (China) Ltd' = 'ABC CHINA LTD': the country goes wherever it stands, except first
    # (China Mobile); in brackets it is already gone.
    words = words[:1] + [w for w in words[1:] if w not in _places.NATIONAL or not w.isascii()]
    while len(words) > 1 and words[-1] in EN_LEGAL_WORDS:
        words = words[:-1]
    for _round in range(3):  # 'shanghai abc', 'abc china', 'hong kong abc'
        stripped = False
        for size in (2, 1):
            head, tail = ' '.join(words[:size]), ' '.join(words[-size:])
            if len(words) > size and _places.lookup(head) is not None \
                    and len(''.join(words[size:])) >= MIN_REST:
                places.append(_places.lookup(head))
                words, stripped = words[size:], True
                break
            if len(words) > size and _places.lookup(tail) is not None \
                    and len(''.join(words[:-size])) >= MIN_REST:
                places.append(_places.lookup(tail))
                words, stripped = words[:-size], True
                break
        while len(words) > 1 and words[-1] in EN_LEGAL_WORDS:
            words, stripped = words[:-1], True
        if not stripped:
            break
    return words


def _mistyped_legal_suffix(name):
    """Length of a legal form at the end of ``name`` typed with one wrong character
    (股分有限公司, 有阴公司) or cut short by one (有限公), else 0. Only the long forms: a
    one-character slip in 公司 or 集团 would be a different word."""
    for suffix in _LONG_LEGAL:
        tail = name[-len(suffix):]
        if len(name) > len(suffix) and sum(x != y for x, y in zip(tail, suffix)) == 1 \
                and tail[-1] == suffix[-1]:
            return len(suffix)
        if len(name) > len(suffix) - 1 and name.endswith(suffix[:-1]):
            return len(suffix) - 1
    return 0


def _strip_cn_suffixes(name):
    stripped = True
    while stripped and name not in CN_LEGAL_SUFFIXES:  # '有限公司' alone stays whole
        stripped = False
        if name.endswith(_KEPT_SUFFIXES):
            break
        size = _mistyped_legal_suffix(name)  # before 有限公司 leaves 股分 behind
        if size:
            name, stripped = name[:-size], True
            continue
        for suffix in CN_LEGAL_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix):
                name, stripped = name[:-len(suffix)], True
                break
    return name


# A town or street office after a recognised place: 东莞市*长安镇*, 海淀区*中关村街道*.
_TOWN = re.compile('^[\u4e00-\u9fff]{2,3}?(?:镇|乡|街道)')


def _strip_cn_places(name, places, min_rest=MIN_REST):
    while True:
        place, size = _places.leading(name)
        if not size:
            return name
        town = _TOWN.match(name[size:])
        if town and len(name) - size - town.end() >= min_rest:
            size += town.end()
        if len(name) - size < min_rest:
            return name
        places.append(place)
        name = name[size:]


def _strip_cn_country(name):
    """戴尔中国 → 戴尔: 中国 just before the legal form is the country qualifier, written like
    戴尔（中国）or 'Dell China Ltd'. At the start it is part of the name (中国银行)."""
    for word in _places.NATIONAL:
        if not word.isascii() and name.endswith(word) and len(name) - len(word) >= 2 \
                and _CJK.match(name[-len(word) - 1]):
            return name[:-len(word)]
    return name


def _branch(key):
    """The branch part of a key: what follows the last legal form (华为技术有限公司*上海分公司*),
    or the last six characters when no legal form precedes the branch word."""
    word = next((w for w in BRANCH_WORDS if key.endswith(w)), None)
    if not word:
        return ''
    head = key[:-len(word)]  # 公司 inside 分公司 is not the legal form
    cut = max(head.rfind(legal) + len(legal) if head.rfind(legal) >= 0 else -1
              for legal in _CN_LEGAL_INSIDE)
    return key[cut:] if 0 < cut else key[-6:]


def _split_bilingual(text):
    """(main text, English name or '') of a name that carries both."""
    latin = []

    def bracket(match):
        content = match.group(1)
        if _LATIN_ONLY.match(content) and _places.lookup(' '.join(_words(content))) is None \
                and _CJK.search(text):
            latin.append(content)
            return ' '
        return match.group(0)

    text = _BRACKETED.sub(bracket, text)
    if not latin and _CJK.search(text):
        for pattern, main, other in ((_TAIL_LATIN, 1, 2), (_HEAD_LATIN, 2, 1)):
            match = pattern.match(text.strip())
            if match and len(re.sub('[^a-z]', '', match.group(other))) >= 4:
                return match.group(main), match.group(other)
    return text, ' '.join(latin)


def _parse_part(text, places):
    previous = None
    while previous != text:  # nested brackets: innermost first
        previous = text

        def bracket(match):
            place = _place_of(match.group(1))
            if place is not None:
                places.append(place)
                return ' '
            return ' %s ' % match.group(1)
        text = _BRACKETED.sub(bracket, text)
    words = _strip_en(_words(text), places)
    name, previous = _CN_ORDINAL.sub(_arabic_ordinal, ''.join(words)), None
    while name != previous:  # 戴尔中国有限公司, 上海公司中国: a legal form before the country too
        previous, name = name, _strip_cn_country(_strip_cn_suffixes(name))
    return _strip_cn_places(name, places)


def _core(key, places):
    """The key without the leading places that :data:`MIN_REST` made it keep (北京银行 → 银行):
    compared only together with the places, by :mod:`.duplicate_pairs`."""
    return _strip_cn_places(key, places, min_rest=2)


def _numbers(key, latin_words=()):
    found = [_cn_number(a or b) for a, b in _NUMBER.findall(key)]
    found += [_EN_ORDINALS[w] for w in latin_words if w in _EN_ORDINALS]
    return tuple(sorted(found))


@functools.lru_cache(maxsize=1 << 18)  # a scan parses each name several times
def parse_company_name(name):
    """:class:`CompanyName` of a company name (see the module docstring for the rules)."""
    text = _T2S.convert(_text(name)) if name and isinstance(name, str) else ''
    if not text:
        return CompanyName('', '', (), (), '', '')
    main, latin = _split_bilingual(text)
    found = []
    key = _parse_part(main, found)
    alt_key = _parse_part(latin, found) if latin else ''
    if not key:
        key, alt_key = alt_key, ''
    core = _core(key, found)
    places = tuple(p for p in found if p)  # national names agree with everything
    return CompanyName(key, alt_key if alt_key != key else '', places,
                       _numbers(key, _words(text)), _branch(key), core)


def normalize_company_name(name):
    """Comparison key of a company name (see the module docstring for the rules).

    >>> normalize_company_name('上海华为技术有限公司')
    '华为技术'
    >>> normalize_company_name('ＡＢＣ　Trading Co., Ltd.')
    'abctrading'
    """
    return parse_company_name(name).key


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
