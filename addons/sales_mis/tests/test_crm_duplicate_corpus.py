# -*- coding: utf-8 -*-
"""Precision and recall of duplicate detection 客户合并 on a labelled corpus of public Chinese
company names (tests/data/duplicates_*.csv: name_a, name_b, phones, VATs, e-mails, label, kind).

Four parts:

* ``duplicates_tune.csv``: used to tune the normaliser and the judge;
* ``duplicates_heldout.csv``: written beside the tuned part and not tuned on at first, but visible
  (its failures printed) during later tuning rounds, so it is no longer blind;
* ``duplicates_blind.csv``: written and committed on its own before it was ever scored. Its first
  run (precision 100.0 %, recall 93.7 %) is the honest estimate on names the code had not seen.
  It revealed two general defects that were then fixed (阿里 of 阿里巴巴 read as 阿里地区; 戴尔中国
  not read as 戴尔（中国）), so its figure since (recall 96.8 %) is no longer blind; its two
  remaining misses (one changed character in mid-name: 科枝, 开法) were left alone;
* ``duplicates_blind2.csv``: a second blind part (173 pairs, 82 tricky non-duplicates), written
  from public names that appear in no other part and committed unscored. Its first and only
  measured run: precision 100.0 %, recall 96.7 % (88/91; all 82 non-duplicates right). Its three
  misses are one kind, a bank branch written without the legal form in mid-name (中国工商银行
  股份有限公司上海市分行 vs 中国工商银行上海市分行, the same for 浦发 杭州 and 渤海 成都); the
  normaliser was not changed after it, so this figure stays blind.

Each pair is scored alone through :func:`candidate_pairs` at the server's threshold, exactly as a
scan would. Run with ``-s`` to see the figures by kind.
"""
import csv
import os
from collections import defaultdict

import pytest

from odoo.addons.sales_mis.crm_logic.duplicate_pairs import candidate_pairs

DATA = os.path.join(os.path.dirname(__file__), 'data')
PARTS = ('duplicates_tune.csv', 'duplicates_heldout.csv', 'duplicates_blind.csv',
         'duplicates_blind2.csv')
# The goal on every part: >= 95 % precision and >= 95 % recall.
GOAL = (0.95, 0.95)


def load(name):
    with open(os.path.join(DATA, name), encoding='utf-8') as handle:
        return list(csv.DictReader(handle))


def proposed(row):
    records = [{'id': i + 1, 'name': row['name_' + side], 'phone': row['phone_' + side],
                'vat': row['vat_' + side], 'email': row['email_' + side]}
               for i, side in enumerate('ab')]
    return any(pair['ids'] == (1, 2) for pair in candidate_pairs(records))


def evaluate(rows):
    """(precision, recall, {kind: (right, total)}, wrong rows)."""
    tp = fp = fn = 0
    by_kind, wrong = defaultdict(lambda: [0, 0]), []
    for row in rows:
        found, label = proposed(row), row['label'] == '1'
        tp += found and label
        fp += found and not label
        fn += label and not found
        by_kind[row['kind']][0] += found == label
        by_kind[row['kind']][1] += 1
        if found != label:
            wrong.append(row)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, dict(by_kind), wrong


def report(title, rows):
    precision, recall, by_kind, wrong = evaluate(rows)
    print('\n%s: %d pairs (%d duplicates) precision %.1f %% recall %.1f %%' % (
        title, len(rows), sum(r['label'] == '1' for r in rows), 100 * precision, 100 * recall))
    for kind, (right, total) in sorted(by_kind.items()):
        print('  %-16s %3d / %3d right' % (kind, right, total))
    for row in wrong:
        print('  WRONG (label %s) %s | %s' % (row['label'], row['name_a'], row['name_b']))
    return precision, recall


def test_corpus_is_large_and_balanced():
    rows = [row for part in PARTS for row in load(part)]
    assert len(rows) >= 200
    negatives = sum(r['label'] == '0' for r in rows)
    assert 0.4 <= negatives / len(rows) <= 0.6
    # every row parsed (a stray comma would shift the columns)
    assert all(r['label'] in ('0', '1') and r['kind'] and None not in r for r in rows)
    # the parts share no pair, in either order
    pairs = [frozenset((r['name_a'], r['name_b'])) for r in rows]
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize('part', PARTS)
def test_precision_and_recall(part):
    precision, recall = report(part, load(part))
    floor_precision, floor_recall = GOAL
    assert precision >= floor_precision and recall >= floor_recall
