# -*- coding: utf-8 -*-
"""Duplicate customers 客户合并: groups of partner records that are probably the
same customer, and fuzzy name pairs worth a look.

:func:`find_duplicate_groups` links two records when one of their normalised keys
(see :mod:`.names`) is equal — name (its key, its place-free core or the English key of a
bilingual name), VAT, phone (``phone`` and ``mobile`` are one
pool, so a mobile typed in the phone field still matches) or e-mail — and closes
the links transitively (union-find): A~B by phone and B~C by VAT make one group.
Empty keys never match. Two guards against chains of false merges:

* a key value shared by more than ``max_key_size`` records (default 50) is a
  placeholder or a shared switchboard (``13800000000``, ``caiwu@163.com``,
  an agent's phone) and links nothing;
* a normalised *name* shared by records carrying two or more different VAT numbers
  is ambiguous (``北京农商银行`` / ``上海农商银行`` both normalise to ``农商银行``):
  that name links nothing, those records can only meet through their other keys.

:func:`similarity` is the Dice coefficient of the character-bigram *sets* of two
normalised names (a one-character name is its own single "bigram"); it works for
CJK as well as Latin names without word segmentation.

:func:`find_similar_names` returns all pairs of records whose normalised names are
different but have a similarity >= threshold. It is exact (no pair is missed) yet
sub-quadratic, using the prefix filter of all-pairs similarity joins: bigrams are
ordered rarest first, and two sets with Dice >= t must share a bigram within short
prefixes of that order, so only records sharing a rare bigram are ever compared;
a length filter (|B| >= t|A|/(2-t)) prunes the rest.
Measured: 10,000 synthetic Chinese company names (optional city + random 2-4
character brand + industry + legal form, 20% one-character variants of earlier
names), Python 3.11, one core: threshold 0.85 → 0.18 s, 4.5k candidate pairs
verified, 348 pairs found; threshold 0.7 → 0.23 s, 21k verified, 3.5k found —
against 50M pairs for brute force. :func:`find_duplicate_groups` on the same
records: 0.12 s (normalisation dominates).

:func:`find_one_edit_names` blocks names one character apart (deletion neighbourhoods), in
linear time. These finders only *block*: whether a pair is proposed is decided by
:func:`.duplicate_pairs.judge` (places, numbers, branches, VAT).
"""
import math
from collections import defaultdict
from itertools import combinations

from . import names as _names

KINDS = ('vat', 'email', 'phone', 'name')  # strongest evidence first, for 'key'


def _find(parent, i):
    while parent[i] != i:
        parent[i] = parent[parent[i]]  # path halving keeps the trees flat
        i = parent[i]
    return i


def _union(parent, i, j):
    ri, rj = _find(parent, i), _find(parent, j)
    if ri != rj:
        # The smaller index becomes the root: deterministic whatever the input order.
        parent[max(ri, rj)] = min(ri, rj)


def _record_keys(record):
    """{kind: set of normalised keys} of one record dict."""
    get = record.get
    phones = {_names.normalize_phone(get('phone')), _names.normalize_phone(get('mobile'))}
    return {
        'vat': {_names.normalize_vat(get('vat'))},
        'email': {_names.normalize_email(get('email'))},
        'phone': phones,
        'name': set(_name_keys(get('name'))),
    }


def _name_keys(name):
    """The key of a name, its place-free core and, for a bilingual name, the key of its
    English part."""
    parsed = _names.parse_company_name(name)
    return tuple({parsed.key, parsed.alt_key, parsed.core} - {''})


def find_duplicate_groups(records, max_key_size=50):
    """Groups of records sharing a normalised name, VAT, phone/mobile or e-mail.

    :param records: iterable of dicts with ``id`` and any of ``name``, ``vat``,
        ``phone``, ``mobile``, ``email`` (missing, None or False allowed).
    :param max_key_size: key values shared by more records than this are ignored.
    :return: list of ``{'ids': sorted ids, 'reasons': sorted kinds that linked
        members of the group, 'key': 'kind:value'}`` for groups of two or more
        records, ordered by their smallest id. ``key`` is the strongest shared key
        (VAT, then e-mail, phone, name; the smallest value within a kind) and is
        stable, so it can name the group in a merge wizard.
    """
    records = list(records)
    buckets = defaultdict(list)  # (kind, value) -> record indexes
    vats = []
    for index, record in enumerate(records):
        keys = _record_keys(record)
        vats.append(next(iter(keys['vat'])))
        for kind, values in keys.items():
            for value in values:
                if value:
                    buckets[kind, value].append(index)

    parent = list(range(len(records)))
    used = []  # (kind, value, members) that actually linked records
    for (kind, value), members in buckets.items():
        if len(members) < 2 or len(members) > max_key_size:
            continue
        if kind == 'name' and len({vats[i] for i in members} - {''}) > 1:
            continue
        for other in members[1:]:
            _union(parent, members[0], other)
        used.append((kind, value, members))

    reasons, keys = defaultdict(set), defaultdict(list)
    for kind, value, members in used:
        root = _find(parent, members[0])
        reasons[root].add(kind)
        keys[root].append((KINDS.index(kind), value, kind))
    members_of = defaultdict(list)
    for index in range(len(records)):
        members_of[_find(parent, index)].append(records[index]['id'])

    groups = []
    for root, kinds in reasons.items():
        _rank, value, kind = min(keys[root])
        groups.append({'ids': sorted(members_of[root]), 'reasons': sorted(kinds),
                       'key': '%s:%s' % (kind, value)})
    groups.sort(key=lambda group: group['ids'][0])
    return groups


def _bigrams(normalised):
    if len(normalised) < 2:
        return frozenset((normalised,)) if normalised else frozenset()
    return frozenset(normalised[i:i + 2] for i in range(len(normalised) - 1))


def _dice(a, b):
    if not a or not b:
        return 0.0
    return 2.0 * len(a & b) / (len(a) + len(b))


def similarity(a, b):
    """Bigram Dice coefficient (0..1) of two company names after normalisation.

    Empty names score 0.0 (nothing to compare), equal normalised names 1.0:
    ``similarity('上海华为技术有限公司', '华为技术（上海）有限公司') == 1.0``.
    """
    return _dice(_bigrams(_names.normalize_company_name(a)),
                 _bigrams(_names.normalize_company_name(b)))


def find_similar_names(records, threshold=0.85):
    """Pairs of records whose normalised names differ but are similar.

    :param records: iterable of dicts with ``id`` and ``name``.
    :param threshold: minimum :func:`similarity`, in (0, 1].
    :return: list of ``{'ids': [id_a, id_b] (sorted), 'score': similarity}``, best
        first then by ids. Records with *equal* normalised names are not paired
        here: :func:`find_duplicate_groups` already reports them.
    """
    if not 0 < threshold <= 1:
        raise ValueError('threshold must be in (0, 1], got %r' % (threshold,))
    ids_by_name = defaultdict(list)
    for record in records:
        normalised = _names.normalize_company_name(record.get('name'))
        if normalised:
            ids_by_name[normalised].append(record['id'])
    names = sorted(ids_by_name)
    sets = [_bigrams(name) for name in names]

    # Global order: rarest bigram first, so prefixes hold the most selective ones.
    frequency = defaultdict(int)
    for grams in sets:
        for gram in grams:
            frequency[gram] += 1
    ordered = [sorted(grams, key=lambda g: (frequency[g], g)) for grams in sets]

    eps = 1e-9  # err on the side of longer prefixes: never miss a pair
    ratio = threshold / (2.0 - threshold)
    index = defaultdict(list)  # bigram -> names (positions) already processed
    pairs = []
    for x in sorted(range(len(names)), key=lambda i: (len(sets[i]), i)):
        size = len(sets[x])
        # Against smaller-or-equal sets, the overlap needed is >= t|x|/(2-t) ...
        probe = size - math.ceil(ratio * size - eps) + 1
        min_size = ratio * size - eps
        seen = set()
        for gram in ordered[x][:probe]:
            for y in index[gram]:
                if y in seen or len(sets[y]) < min_size:
                    continue
                seen.add(y)
                score = _dice(sets[x], sets[y])
                if score >= threshold - 1e-12:
                    pairs.append((score, x, y))
        # ... and a smaller set y meets larger ones with an overlap >= t|y|.
        for gram in ordered[x][:size - math.ceil(threshold * size - eps) + 1]:
            index[gram].append(x)

    result = []
    for score, x, y in pairs:
        for id_x in ids_by_name[names[x]]:
            for id_y in ids_by_name[names[y]]:
                result.append({'ids': sorted((id_x, id_y)), 'score': score})
    result.sort(key=lambda pair: (-pair['score'], pair['ids']))
    return result


def _deletions(key):
    return {key[:i] + key[i + 1:] for i in range(len(key))}


def find_one_edit_names(records, min_length=3, max_bucket=50):
    """Pairs of record ids whose name keys (key, place-free core or English key) are one edit
    apart: one inserted, deleted or substituted character (茅台酒 / 茅台酒业, Tradng / Trading).

    Blocking by deletion neighbourhoods: a key and each of its one-character deletions go into
    buckets; two keys one edit apart always share a bucket. Buckets of more than ``max_bucket``
    records (deletions of short generic keys: 科技, 贸易) link nothing. Linear in the records.
    """
    buckets = defaultdict(set)
    for record in records:
        for key in _name_keys(record.get('name')):
            if len(key) >= min_length:
                buckets[key].add(record['id'])
                for deleted in _deletions(key):
                    buckets[deleted].add(record['id'])
    pairs = set()
    for members in buckets.values():
        if 1 < len(members) <= max_bucket:
            pairs.update(combinations(sorted(members), 2))
    return pairs
