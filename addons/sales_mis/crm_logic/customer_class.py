# -*- coding: utf-8 -*-
"""Automatic customer classes 客户分类 (A/B/C…): configurable rules and the classic
Pareto ABC on revenue share.

:func:`classify` evaluates an ordered list of rules over one row per customer
(e.g. ``revenue`` of the trailing 12 months, ``order_count``, ``margin_pct``,
``overdue_days`` for payment behaviour). A rule matches when *all* its conditions
hold (a rule without conditions matches everyone, which makes a natural last
"default" rule); the first matching rule wins; unmatched customers get
``default``. A missing value (NaN/None) never satisfies a condition — not even
``!=`` — so a customer without payment history is not rewarded for "no overdue".

:func:`abc_by_share` ranks customers by revenue: A while the revenue of the
customers *before* this one is below ``a_share`` of the total, then B below
``b_share``, then C. Counting the share before the customer means the customer
that crosses 80% is still A (a single customer with 90% of the revenue is A, not
B). Equal revenues get the same class (the better one), and customers with zero,
negative (net refunds) or missing revenue are always C.
"""
import operator

import numpy as np
import pandas as pd

OPERATORS = {
    '>=': operator.ge, '>': operator.gt, '<=': operator.le, '<': operator.lt,
    '==': operator.eq, '!=': operator.ne,
    'in': lambda column, value: column.isin(list(value)),
    'not in': lambda column, value: ~column.isin(list(value)),
}


def _condition_mask(frame, condition):
    field, op = condition['field'], condition.get('op', '==')
    if field not in frame.columns:
        raise KeyError('classification rule uses unknown field %r' % (field,))
    if op not in OPERATORS:
        raise ValueError('classification rule on %r: operator must be one of %s, got %r'
                         % (field, sorted(OPERATORS), op))
    column = frame[field]
    mask = OPERATORS[op](column, condition['value'])
    return np.asarray(mask, dtype=bool) & column.notna().to_numpy()


def classify(frame, rules, default='C'):
    """Class of each customer (row of ``frame``) by the first rule that matches.

    :param rules: ordered list of ``{'class': 'A', 'conditions': [{'field',
        'op', 'value'}, ...]}``; ``op`` is one of ``>= > <= < == !=`` (or ``in``,
        ``not in`` with a list value), default ``==``.
    :return: Series of class labels indexed like ``frame`` (name ``'class'``).
    """
    result = np.full(len(frame), default, dtype=object)
    unassigned = np.ones(len(frame), dtype=bool)
    for rule in rules:
        mask = unassigned.copy()
        for condition in rule.get('conditions') or ():
            mask &= _condition_mask(frame, condition)
        result[mask] = rule['class']
        unassigned &= ~mask
    return pd.Series(result, index=frame.index, name='class')


def abc_by_share(revenue, a_share=0.8, b_share=0.95):
    """Pareto ABC class of each customer from its revenue (Series by customer).

    :return: Series of ``'A'``/``'B'``/``'C'`` indexed like ``revenue``.
    """
    if not 0 <= a_share <= b_share <= 1:
        raise ValueError('need 0 <= a_share <= b_share <= 1')
    revenue = pd.Series(revenue, dtype=float)
    positive = revenue.where(revenue > 0, 0.0).fillna(0.0)
    total = positive.sum()
    if total <= 0:
        return pd.Series('C', index=revenue.index, name='abc', dtype=object)
    ordered = positive.sort_values(ascending=False, kind='mergesort')
    before = ordered.cumsum() - ordered
    # Ties share the position of the first of them, hence the same class.
    before = before.groupby(ordered.to_numpy()).transform('min') / total
    classes = pd.Series(np.select([before < a_share, before < b_share], ['A', 'B'], 'C'),
                        index=ordered.index, dtype=object)
    classes[ordered <= 0] = 'C'
    return classes.reindex(revenue.index).rename('abc')
