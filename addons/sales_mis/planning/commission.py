# -*- coding: utf-8 -*-
"""Commissions 奖励分配: the commission statement of one salesperson for one period.

Each product category has a commission rate (a fraction of the actual sales); the
whole statement is multiplied by the tier reached by the period's TOTAL completion
of the plan, so selling a lot of one category cannot lift the tier of another.
"""
from dataclasses import dataclass
from decimal import Decimal, ROUND_HALF_UP

ZERO = Decimal('0')


@dataclass(frozen=True)
class Tier:
    """From ``min_completion`` percent of the plan on (e.g. Decimal('80')), the
    commission is multiplied by ``multiplier`` (e.g. Decimal('1.2'))."""
    min_completion: Decimal
    multiplier: Decimal


@dataclass(frozen=True)
class StatementLine:
    """One category of a statement: amount = base * rate * multiplier, rounded."""
    category: object
    base: Decimal
    rate: Decimal
    multiplier: Decimal
    amount: Decimal


def _decimal(value):
    # floats through str, so 0.03 is three hundredths and not its binary neighbour
    return value if isinstance(value, Decimal) else Decimal(str(value))


def tier_multiplier(completion_pct, tiers):
    """Multiplier of the tier with the highest ``min_completion`` <= ``completion_pct``.

    Tiers may come in any order. Reaching a threshold exactly counts (80% gets the
    80% tier). Decimal('0') when no tier applies. Two tiers with the same threshold,
    or a negative multiplier, are configuration errors (ValueError).
    """
    thresholds = set()
    best = None
    for tier in tiers:
        if tier.multiplier < 0:
            raise ValueError('tier multiplier cannot be negative (tier from %s%%: %s)'
                             % (tier.min_completion, tier.multiplier))
        if tier.min_completion in thresholds:
            raise ValueError('two commission tiers start at %s%%' % tier.min_completion)
        thresholds.add(tier.min_completion)
        if tier.min_completion <= completion_pct and (best is None or tier.min_completion > best.min_completion):
            best = tier
    return ZERO if best is None else _decimal(best.multiplier)


def compute_statement(actual_by_category, completion_pct, tiers, category_rates, default_rate, digits=2):
    """Statement lines, one per category of ``actual_by_category``, sorted by str(category).

    rate = ``category_rates.get(category, default_rate)`` (fractions, e.g. 0.03);
    the multiplier is the tier of ``completion_pct``, the period total completion,
    the same for every line. amount = base * rate * multiplier rounded ROUND_HALF_UP
    to ``digits``. A negative base (more refunds than sales in the period) gives a
    negative amount: the commission paid earlier on the refunded sales is clawed back.
    """
    category_rates = category_rates or {}
    for key, rate in list(category_rates.items()) + [('default', default_rate)]:
        if _decimal(rate) < 0:
            raise ValueError('commission rate of %s cannot be negative (%s)' % (key, rate))
    multiplier = tier_multiplier(completion_pct, tiers)
    quantum = Decimal(1).scaleb(-digits)
    lines = []
    for category in sorted(actual_by_category, key=str):
        base = _decimal(actual_by_category[category])
        rate = _decimal(category_rates.get(category, default_rate))
        amount = (base * rate * multiplier).quantize(quantum, rounding=ROUND_HALF_UP)
        if not amount:
            amount = abs(amount)  # no "-0.00" on a statement
        lines.append(StatementLine(category, base, rate, multiplier, amount))
    return lines


def statement_total(lines):
    """Sum of the line amounts (Decimal('0') for no lines)."""
    return sum((line.amount for line in lines), ZERO)
