# -*- coding: utf-8 -*-
"""Dealer rebates 返利 (I4): a rate from tiers on the period total, as commission tiers work
(sales_mis planning/commission.py: the tier with the highest threshold reached applies; the
caller passes its `tier_multiplier`, so the tier rules live in one place)."""
from decimal import Decimal, ROUND_HALF_UP


def rebate_amount(base, rate_pct, digits=2):
    """base x rate % rounded half up; a negative base (more returns than sales) gives 0: a
    rebate is never clawed back from a dealer here (credit notes settle that)."""
    base = Decimal(str(base))
    if base <= 0:
        return Decimal('0')
    quantum = Decimal(1).scaleb(-digits)
    return (base * Decimal(str(rate_pct)) / Decimal(100)).quantize(quantum, rounding=ROUND_HALF_UP)
