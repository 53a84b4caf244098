# -*- coding: utf-8 -*-
"""Opportunity evaluation 销售机会评估: a transparent rule score and a learned win
probability, both with the factors that explain them.

Rule score (:func:`rule_score`): each criterion turns one field of the lead into a
fraction in [0, 1] and the score is ``100 * sum(weight * fraction) / sum(weight)``.
Kinds:

* ``boolean`` — truthy value → 1, else 0 (BANT: budget 预算, authority 决策权,
  need 需求, timing 时间);
* ``range`` — linear from ``low`` (0) to ``high`` (1), clipped; with
  ``higher_is_better: False`` the scale is inverted (``stage_age_days``: a deal
  that has been sitting in its stage for long is worth less). ``low == high`` is a
  step at that value. A missing value scores 0 whatever the direction;
* ``choice`` — ``values`` maps a field value to its fraction, anything else gets
  ``default`` (0).

The learned win probability is crm_logic/win_model.py (scikit-learn).
"""
import math

KINDS = ('boolean', 'range', 'choice')


def _missing(value):
    return value is None or value is False or (isinstance(value, float) and math.isnan(value))


def _fraction(lead, criterion):
    kind, code = criterion.get('kind'), criterion['code']
    value = lead.get(code)
    if kind == 'boolean':
        return 1.0 if value and not _missing(value) else 0.0
    if kind == 'range':
        if _missing(value):
            return 0.0
        low, high = float(criterion['low']), float(criterion['high'])
        value = float(value)
        if high == low:
            fraction = 1.0 if value >= high else 0.0
        else:
            fraction = min(max((value - low) / (high - low), 0.0), 1.0)
        return fraction if criterion.get('higher_is_better', True) else 1.0 - fraction
    if kind == 'choice':
        values = criterion.get('values') or {}
        fraction = values.get(value, criterion.get('default', 0.0)) if not _missing(value) \
            else criterion.get('default', 0.0)
        return min(max(float(fraction), 0.0), 1.0)
    raise ValueError('criterion %r: kind must be one of %s, got %r' % (code, KINDS, kind))


def rule_score(lead, criteria):
    """Weighted rule score of one lead.

    :param lead: mapping field code → value (a dict read from the lead).
    :param criteria: list of ``{'code', 'weight', 'kind', ...}`` (weight defaults
        to 1; negative weights are refused).
    :return: ``(score, factors)``: score in [0, 100]; factors is a list of
        ``(code, points)`` whose points add up to the score, largest first (ties in
        criteria order). Without any positive weight the score is 0.
    """
    weights = []
    for criterion in criteria:
        weight = float(criterion.get('weight', 1.0))
        if weight < 0 or math.isnan(weight):
            raise ValueError('criterion %r: weight must be >= 0' % criterion.get('code'))
        weights.append(weight)
    total = sum(weights)
    factors = []
    for criterion, weight in zip(criteria, weights):
        fraction = _fraction(lead, criterion)
        factors.append((criterion['code'], 100.0 * weight * fraction / total if total else 0.0))
    score = min(max(sum(points for _code, points in factors), 0.0), 100.0)
    factors.sort(key=lambda factor: -factor[1])  # stable: ties keep criteria order
    return score, factors

