# -*- coding: utf-8 -*-
"""Scored candidate pairs of duplicate customers 客户合并, for a review list.

:func:`candidate_pairs` turns the groups of :func:`.duplicates.find_duplicate_groups`
(equal normalised VAT, e-mail, phone or name) and the fuzzy name pairs of
:func:`.duplicates.find_similar_names` into pairs ``(id_a, id_b)`` with a score
0..100 and the kinds of evidence the *two* records share (a group linked by a
chain A~B~C does not mean A and C share a key; their pair says only what they do
share, or ``similar_name``).

Score: the strongest evidence gives the base (:data:`WEIGHTS`), each further kind
adds :data:`BONUS`, capped at 100; a fuzzy name alone scores ``similarity * 70``.
Pairs inside one group are all listed (groups are small: keys shared by more
than ``max_key_size`` records link nothing).
"""
from itertools import combinations

from . import duplicates as _duplicates
from . import names as _names

WEIGHTS = {'vat': 100, 'email': 90, 'phone': 80, 'name': 85}
BONUS = 5
FUZZY_WEIGHT = 70


def _keys(record):
    get = record.get
    return {
        'vat': {_names.normalize_vat(get('vat'))} - {''},
        'email': {_names.normalize_email(get('email'))} - {''},
        'phone': {_names.normalize_phone(get('phone')), _names.normalize_phone(get('mobile'))} - {''},
        'name': {_names.normalize_company_name(get('name'))} - {''},
    }


def pair_score(reasons, similarity=0.0):
    """Score 0..100 of a pair from its shared kinds (and fuzzy name similarity)."""
    strong = sorted((WEIGHTS[kind] for kind in reasons if kind in WEIGHTS), reverse=True)
    if not strong:
        return round(similarity * FUZZY_WEIGHT, 1)
    return float(min(100, strong[0] + BONUS * (len(strong) - 1)))


def candidate_pairs(records, threshold=0.85, max_key_size=50):
    """Candidate duplicate pairs, best first.

    :param records: dicts with ``id`` and ``name``, ``vat``, ``phone``, ``mobile``,
        ``email`` (missing/None/False allowed).
    :param threshold: minimum fuzzy name similarity for ``similar_name`` pairs.
    :return: list of ``{'ids': (id_a, id_b) with id_a < id_b, 'score': float,
        'reasons': sorted list of kinds}``.
    """
    records = list(records)
    by_id = {record['id']: record for record in records}
    keys = {}
    pairs = {}
    for group in _duplicates.find_duplicate_groups(records, max_key_size=max_key_size):
        for id_a, id_b in combinations(group['ids'], 2):
            for record_id in (id_a, id_b):
                if record_id not in keys:
                    keys[record_id] = _keys(by_id[record_id])
            shared = [kind for kind in _duplicates.KINDS
                      if keys[id_a][kind] & keys[id_b][kind]]
            if shared:  # chained members sharing nothing are left to their own links
                pairs[id_a, id_b] = {'ids': (id_a, id_b), 'reasons': sorted(shared),
                                     'score': pair_score(shared)}
    for similar in _duplicates.find_similar_names(records, threshold=threshold):
        ids = tuple(similar['ids'])
        if ids[0] == ids[1] or ids in pairs:
            continue
        pairs[ids] = {'ids': ids, 'reasons': ['similar_name'],
                      'score': pair_score((), similar['score'])}
    return sorted(pairs.values(), key=lambda pair: (-pair['score'], pair['ids']))


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
