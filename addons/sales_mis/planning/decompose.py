# -*- coding: utf-8 -*-
"""Target decomposition 目标分解: split a parent target among children.

A company target goes to teams, a team target to salespeople, a yearly target to
months. Parts are rounded money, and they must add up to the parent to the cent,
otherwise the roll-up of the children never matches the plan that was approved.

Allocation is the largest remainder (Hamilton) method on integer minor units:
every child first gets the floor of its exact share, the units left over go one by
one to the largest remainders, ties to the lowest index. All intermediate maths is
done with exact fractions, so the result does not depend on float rounding.
"""
from decimal import Decimal, InvalidOperation
from fractions import Fraction
import math


def equal_weights(n):
    """``n`` equal weights, for a plain equal split."""
    if n < 0:
        raise ValueError('the number of parts cannot be negative (got %r)' % (n,))
    return [1] * n


def weights_from_history(history, keys):
    """Weights for ``keys`` (in that order) from last year's actuals.

    ``history`` maps key -> amount. A missing key or an amount <= 0 gives None,
    i.e. "no history", which :func:`split_amount` replaces by the mean weight.
    """
    weights = []
    for key in keys:
        amount = history.get(key)
        weights.append(amount if amount is not None and amount > 0 else None)
    return weights


def _fraction(value, what):
    """``value`` as an exact Fraction; floats go through their shortest repr so
    that 0.1 means one tenth, as the user typed it, not the binary approximation."""
    try:
        if isinstance(value, float):
            value = Decimal(repr(value))
        if isinstance(value, Decimal) and not value.is_finite():
            raise ValueError
        return Fraction(value)
    except (ValueError, TypeError, InvalidOperation, ZeroDivisionError, OverflowError):
        raise ValueError('%s is not a finite number: %r' % (what, value))


def effective_weights(weights):
    """The weights :func:`split_amount` really uses, as Fractions.

    None ("no history") becomes the mean of the known positive weights: a newcomer
    is expected to sell like an average colleague. A known 0 stays 0. When no
    weight is known positive (all None, all zero, or a mix of both) every child
    gets weight 1, i.e. an equal split.
    """
    if not weights:
        raise ValueError('cannot split a target among zero parts: weights is empty')
    known = []
    for index, weight in enumerate(weights):
        if weight is None:
            known.append(None)
            continue
        value = _fraction(weight, 'weight #%d' % index)
        if value < 0:
            raise ValueError('weight #%d is negative (%s): weights must be >= 0' % (index, weight))
        known.append(value)
    positive = [w for w in known if w is not None and w > 0]
    if not positive:
        return [Fraction(1)] * len(known)
    mean = sum(positive) / len(positive)
    return [mean if w is None else w for w in known]


def _from_units(units, digits):
    # built from a string, so the context precision never rounds it
    return Decimal('%dE-%d' % (units, digits))


def split_amount(total, weights, digits=2):
    """Split ``total`` into ``len(weights)`` parts proportional to ``weights``.

    Every part is a Decimal with ``digits`` decimals, none is negative, and the
    parts sum exactly to ``total`` rounded ROUND_HALF_UP to ``digits``. Each part
    is within one minor unit of its exact proportional share. See
    :func:`effective_weights` for how None and zero weights are handled.

    >>> split_amount('100', [1, 1, 1])
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    """
    if not isinstance(digits, int) or digits < 0:
        raise ValueError('digits must be an integer >= 0 (got %r)' % (digits,))
    exact_total = _fraction(total, 'total')
    if exact_total < 0:
        raise ValueError('a target cannot be negative (got %s)' % (total,))
    shares = effective_weights(weights)
    # ROUND_HALF_UP of a non-negative amount, in minor units
    units = math.floor(exact_total * 10 ** digits + Fraction(1, 2))
    weight_sum = sum(shares)
    exact = [units * w / weight_sum for w in shares]
    parts = [math.floor(share) for share in exact]
    leftover = units - sum(parts)
    # largest remainder first, lowest index on ties: deterministic
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - parts[i]), i))
    for index in order[:leftover]:
        parts[index] += 1
    return [_from_units(part, digits) for part in parts]
