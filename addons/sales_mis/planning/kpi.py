# -*- coding: utf-8 -*-
"""KPI scorecards 业绩考核: achievement per KPI and the weighted score and rank of
each salesperson.

A KPI's achievement is value / target, clipped to [0, cap] so that one
over-achieved KPI cannot hide all the others. A user's score is the weighted mean
of his achievements times 100; users are ranked by score, ties sharing a rank.
"""
import numpy as np
import pandas as pd

KPI_CODES = ('revenue_completion', 'collection_rate', 'new_customers', 'visits',
             'win_rate', 'gross_margin')

SCORE_COLUMNS = ('user_id', 'score', 'rank')
_INPUT_COLUMNS = ('user_id', 'kpi', 'value', 'target', 'weight')


def achievement(value, target, cap=1.5):
    """value / target clipped to [0, cap].

    Without a usable target (None or <= 0) there is nothing to divide by: anything
    achieved counts as fully over-achieved (``cap``), nothing achieved as 0.0.
    A missing value (None) counts as 0.
    """
    value = 0.0 if value is None else float(value)
    cap = float(cap)
    if target is None or target <= 0:
        return 0.0 if value <= 0 else cap
    return min(max(value / float(target), 0.0), cap)


def _achievements(value, target, cap):
    """Vectorised :func:`achievement` over two Series (NaN meaning None)."""
    value = value.fillna(0.0)
    usable = target > 0  # NaN > 0 is False, like None
    ratio = value / target.where(usable)  # no division by zero: unusable -> NaN
    fallback = np.where(value > 0, cap, 0.0)
    return pd.Series(np.where(usable, ratio, fallback), index=value.index).clip(0.0, cap)


def _empty_scores():
    return pd.DataFrame({'user_id': pd.Series(dtype=object),
                         'score': pd.Series(dtype=float),
                         'rank': pd.Series(dtype=int)})


def score_table(frame, cap=1.5):
    """One row per user with columns ``user_id, score, rank``, best first.

    ``frame`` has one row per user per KPI with columns
    ``user_id, kpi, value, target, weight``. score = 100 * sum(weight * achievement)
    / sum(weight), rounded to 2 decimals, 0 when the user's weights are all 0.
    rank is the competition ranking on the rounded score (1, 2, 2, 4), so users who
    see the same score share a rank. Sorted by rank, then user_id.
    """
    missing = [column for column in _INPUT_COLUMNS if column not in frame.columns]
    if missing:
        raise ValueError('KPI frame lacks column(s): %s' % ', '.join(missing))
    if frame.empty:
        return _empty_scores()
    weight = pd.to_numeric(frame['weight'], errors='coerce').astype(float)
    if weight.isna().any():
        raise ValueError('every KPI row needs a numeric weight')
    if (weight < 0).any():
        raise ValueError('KPI weights cannot be negative')
    value = pd.to_numeric(frame['value'], errors='coerce').astype(float)
    target = pd.to_numeric(frame['target'], errors='coerce').astype(float)
    rows = pd.DataFrame({
        'user_id': frame['user_id'],
        'weighted': weight * _achievements(value, target, float(cap)),
        'weight': weight,
    })
    totals = rows.groupby('user_id', sort=True)[['weighted', 'weight']].sum()
    # weights are >= 0, so the sum over weight > 0 is the plain sum
    score = (100.0 * totals['weighted'] / totals['weight'].where(totals['weight'] > 0)).fillna(0.0)
    result = pd.DataFrame({'user_id': totals.index, 'score': score.round(2).to_numpy()})
    result['rank'] = result['score'].rank(method='min', ascending=False).astype(int)
    return result.sort_values(['rank', 'user_id'], kind='mergesort').reset_index(drop=True)


BREAKDOWN_COLUMNS = ('user_id', 'kpi', 'value', 'target', 'weight', 'achievement', 'points')


def breakdown(frame, cap=1.5):
    """What each KPI gives each user's score: ``frame`` as for :func:`score_table`, plus
    ``achievement`` (value / target clipped to [0, cap], as in the score) and ``points``
    (100 * weight * achievement / the user's total weight: a user's points add up to his
    score before rounding; 0 when his weights are all 0). Rows in the order of ``frame``."""
    if frame.empty:
        return pd.DataFrame({column: pd.Series(dtype=object) for column in BREAKDOWN_COLUMNS})
    weight = pd.to_numeric(frame['weight'], errors='coerce').astype(float)
    value = pd.to_numeric(frame['value'], errors='coerce').astype(float)
    target = pd.to_numeric(frame['target'], errors='coerce').astype(float)
    result = pd.DataFrame({'user_id': frame['user_id'], 'kpi': frame['kpi'], 'value': value.fillna(0.0),
                           'target': target, 'weight': weight,
                           'achievement': _achievements(value, target, float(cap))})
    total = weight.groupby(frame['user_id']).transform('sum')
    result['points'] = (100.0 * weight * result['achievement'] / total.where(total > 0)).fillna(0.0)
    return result.reset_index(drop=True)
