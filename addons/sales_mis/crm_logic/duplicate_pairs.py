# -*- coding: utf-8 -*-
"""Scored candidate pairs of duplicate customers 客户合并, for a review list.

Blocking (never all pairs): :func:`.duplicates.find_duplicate_groups` (equal normalised VAT,
e-mail, phone or name key, including the English key of a bilingual name) and
:func:`.duplicates.find_similar_names` (bigram prefix filter at :data:`BLOCK_THRESHOLD`).
Every blocked pair is then judged by :func:`judge` on all its evidence:

* shared keys (``vat`` 100, ``email`` 90, ``name`` 85, ``phone`` 80, +5 per further kind);
* ``similar_name``: RapidFuzz's normalised Indel similarity of the keys ≥ ``threshold``
  (or ≥ ``threshold - SUPPORTED_MARGIN`` when a supporting clue below agrees), scored
  ``similarity * 70``;
* supporting clues (+5 each, never enough alone): ``email_domain`` (same company domain,
  not a free mail provider) and ``address`` (same normalised street) also let a similar name
  pass at ``threshold - SUPPORTED_MARGIN``; ``parent`` (same parent company) only adds its 5:
  sister companies share a parent too (中国移动通信集团江苏 / 山东);
* conflicts, shown as reasons too: ``place_conflict`` (both names carry a place and they
  do not lie inside one another: 北京 vs 上海, 腾讯科技(深圳) vs 腾讯科技(北京)),
  ``number_conflict`` (第十四 vs 第十五研究所), ``branch_conflict`` (different branches, or a
  branch and its head office), ``vat_conflict`` (two different VATs), ``parent_conflict``
  (one is recorded as the parent company of the other: head office and subsidiary).

A pair whose name evidence meets a conflict is **not proposed** unless a strong key (same VAT,
phone or e-mail) links it; then it is listed with the conflict among its reasons.
"""
from itertools import combinations

from rapidfuzz.distance import LCSseq, Indel

from . import duplicates as _duplicates
from . import names as _names
from . import places as _places

WEIGHTS = {'vat': 100, 'email': 90, 'phone': 80, 'name': 85}
STRONG = ('vat', 'email', 'phone')
SUPPORT = ('email_domain', 'address', 'parent')
CONFLICTS = ('place_conflict', 'number_conflict', 'branch_conflict', 'vat_conflict',
             'parent_conflict')
LOWERS_THRESHOLD = ('email_domain', 'address')
BONUS = 5
FUZZY_WEIGHT = 70
BLOCK_THRESHOLD = 0.8       # bigram Dice of the blocking join (beside one-edit blocking)
EDIT_BUCKET = 20            # one-edit buckets larger than this are generic stems (科技, 贸易)
BRAND_PREFIX = 3            # Chinese keys start with the 字号: its characters must agree
SUBSTITUTION_MARGIN = 0.1   # a changed (not added/dropped) character needs this much more
SUPPORTED_MARGIN = 0.15
MIN_FUZZY_KEY = 3           # 华为 / 华润: two-character keys are never "similar"
FREE_MAIL = frozenset((
    '163.com', '126.com', 'qq.com', 'foxmail.com', 'sina.com', 'sina.cn', 'sohu.com',
    'yeah.net', '139.com', 'aliyun.com', 'gmail.com', 'hotmail.com', 'outlook.com',
    'yahoo.com', 'live.com', 'icloud.com', '263.net', 'tom.com', '21cn.com', 'msn.com',
))


def _address(record):
    street = ''.join(_names._words(_names._T2S.convert(_names._text(record.get('street')))))
    return street if len(street) >= 6 else ''


def profile(record):
    """Everything :func:`judge` compares, normalised once per record."""
    get = record.get
    email = _names.normalize_email(get('email'))
    domain = email.rpartition('@')[2]
    return {
        'id': get('id'),
        'name': _names.parse_company_name(get('name')),
        'vat': _names.normalize_vat(get('vat')),
        'email': email,
        'domain': '' if domain in FREE_MAIL else domain,
        'phone': {_names.normalize_phone(get('phone')), _names.normalize_phone(get('mobile'))} - {''},
        'address': _address(record),
        'parent': get('parent_id') or None,
    }


def _common_prefix(a, b):
    size = 0
    for x, y in zip(a, b):
        if x != y:
            break
        size += 1
    return size


def name_similarity(name_a, name_b):
    """Best RapidFuzz Indel similarity (0..1) between the keys of two parsed names, less
    :data:`SUBSTITUTION_MARGIN` when the shorter key is not inside the longer one (a changed
    character: 长城/长安, SummitVista/SummitStar, rather than an added word: 茅台酒/茅台酒业).
    Chinese keys must also share their first :data:`BRAND_PREFIX` characters (the 字号)."""
    best = 0.0
    for key_a in filter(None, (name_a.core, name_a.alt_key)):
        for key_b in filter(None, (name_b.core, name_b.alt_key)):
            if min(len(key_a), len(key_b)) >= MIN_FUZZY_KEY or key_a == key_b:
                shorter = min(len(key_a), len(key_b))
                if not (key_a + key_b).isascii() and \
                        _common_prefix(key_a, key_b) < min(BRAND_PREFIX, shorter):
                    continue  # 青凯德 / 青德, 华兴联 / 兴联: another 字号 (brand), not a typo
                score = Indel.normalized_similarity(key_a, key_b)
                if LCSseq.similarity(key_a, key_b) < shorter:
                    score -= SUBSTITUTION_MARGIN
                best = max(best, score)
    return best


def _places_conflict(name_a, name_b):
    return any(not _places.agree(a, b) for a in name_a.places for b in name_b.places)


def judge(a, b, threshold=0.85):
    """``(proposed, score, reasons)`` of two :func:`profile` dicts."""
    reasons = [kind for kind in STRONG if a[kind] and b[kind] and (
        a[kind] & b[kind] if kind == 'phone' else a[kind] == b[kind])]
    name_a, name_b = a['name'], b['name']
    keys_a = {name_a.key, name_a.alt_key, name_a.core} - {''}
    if keys_a & ({name_b.key, name_b.alt_key, name_b.core} - {''}):
        reasons.append('name')
    support = [kind for kind, field in zip(SUPPORT, ('domain', 'address', 'parent'))
               if a[field] and a[field] == b[field] and not (field == 'domain' and 'email' in reasons)]
    similarity = 0.0
    if 'name' not in reasons:
        similarity = name_similarity(name_a, name_b)
        lowered = any(kind in LOWERS_THRESHOLD for kind in support)
        needed = threshold - (SUPPORTED_MARGIN if lowered else 0.0)
        if similarity < needed - 1e-9:
            similarity = 0.0
    conflicts = []
    if _places_conflict(name_a, name_b):
        conflicts.append('place_conflict')
    if name_a.numbers != name_b.numbers:
        conflicts.append('number_conflict')
    if name_a.branch != name_b.branch:
        conflicts.append('branch_conflict')
    if a['vat'] and b['vat'] and a['vat'] != b['vat']:
        conflicts.append('vat_conflict')
    if (a['parent'] and a['parent'] == b['id']) or (b['parent'] and b['parent'] == a['id']):
        conflicts.append('parent_conflict')
    strong = [kind for kind in reasons if kind in STRONG]
    named = 'name' in reasons or similarity > 0
    proposed = bool(strong) or (named and not conflicts)
    if not proposed:
        return False, 0.0, []
    if not named and not strong:
        return False, 0.0, []
    kinds = sorted(reasons + (['similar_name'] if similarity and not strong and 'name' not in reasons
                              else []))
    weights = sorted((WEIGHTS[kind] for kind in reasons), reverse=True)
    if weights:
        score = min(100.0, weights[0] + BONUS * (len(weights) - 1 + len(support)))
    else:
        score = min(84.0, round(similarity * FUZZY_WEIGHT, 1) + BONUS * len(support))
    shown = kinds + sorted(support) + (sorted(conflicts) if named or strong else [])
    return True, float(score), shown


def pair_score(reasons, similarity=0.0):
    """Score 0..100 of a pair from its shared kinds (and fuzzy name similarity)."""
    strong = sorted((WEIGHTS[kind] for kind in reasons if kind in WEIGHTS), reverse=True)
    if not strong:
        return round(similarity * FUZZY_WEIGHT, 1)
    return float(min(100, strong[0] + BONUS * (len(strong) - 1)))


def candidate_pairs(records, threshold=0.85, max_key_size=50):
    """Candidate duplicate pairs, best first.

    :param records: dicts with ``id`` and ``name``, ``vat``, ``phone``, ``mobile``,
        ``email`` and optionally ``street``, ``parent_id`` (missing/None/False allowed).
    :param threshold: minimum name similarity for ``similar_name`` pairs.
    :return: list of ``{'ids': (id_a, id_b) with id_a < id_b, 'score': float,
        'reasons': list of kinds, shared first, then clues and conflicts}``.
    """
    records = list(records)
    by_id = {record['id']: record for record in records}
    profiles = {}

    def profile_of(record_id):
        if record_id not in profiles:
            profiles[record_id] = profile(by_id[record_id])
        return profiles[record_id]

    blocked = set()
    for group in _duplicates.find_duplicate_groups(records, max_key_size=max_key_size):
        blocked.update(combinations(group['ids'], 2))
    blocked.update(_duplicates.find_one_edit_names(records, max_bucket=min(max_key_size, EDIT_BUCKET)))
    for similar in _duplicates.find_similar_names(
            records, threshold=max(threshold, BLOCK_THRESHOLD)):
        blocked.add(tuple(similar['ids']))
    pairs = []
    for id_a, id_b in blocked:
        if id_a == id_b:
            continue
        proposed, score, reasons = judge(profile_of(id_a), profile_of(id_b), threshold)
        if proposed:
            pairs.append({'ids': (id_a, id_b), 'score': score, 'reasons': reasons})
    return sorted(pairs, key=lambda pair: (-pair['score'], pair['ids']))


def candidate_pairs_by_company(records, threshold=0.85, max_key_size=50):
    """:func:`candidate_pairs` within each company (``company_id`` of the records): a pair never
    names customers of two companies. Records without a company are shared by all companies and
    paired inside each; every pair gets ``company_id``: the company of its records, or None when
    neither has one. Pairs are listed once, ordered by ids."""
    companies = sorted({r.get('company_id') for r in records if r.get('company_id')})
    shared = [r for r in records if not r.get('company_id')]
    found = {}
    for company in companies or [None]:
        group = [r for r in records if r.get('company_id') == company] + (shared if company else [])
        by_id = {r['id']: r for r in group}
        for pair in candidate_pairs(group, threshold=threshold, max_key_size=max_key_size):
            owners = {by_id[i].get('company_id') for i in pair['ids']} - {None}
            found.setdefault(pair['ids'], dict(pair, company_id=owners.pop() if owners else None))
    return [found[ids] for ids in sorted(found)]
