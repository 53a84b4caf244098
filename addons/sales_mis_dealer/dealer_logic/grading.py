# -*- coding: utf-8 -*-
"""Dealer grading 经销商评级 (I4): a weighted score per dealer and period from sales, growth,
payment behaviour and stock health, a grade from configurable score thresholds, and a ranking.

Each measure is scored 0..100 against the period's population (sales relative to the best
dealer, growth capped at +/-100 %, paid share of invoices due, share of products with healthy
stock), so the weights say what matters and a grade means the same across periods. A measure a
dealer has no data for (no invoices due, no stock report) scores the neutral 50."""
from collections import namedtuple

NEUTRAL = 50.0

Measures = namedtuple('Measures', 'sales previous_sales paid_ratio stock_health')
Measures.__doc__ = """sales, previous_sales: untaxed sales of the period and of the one before;
paid_ratio: paid share (0..1) of what fell due in the period, None without anything due;
stock_health: share (0..1) of reported products with healthy stock, None without a report."""

Weights = namedtuple('Weights', 'sales growth payment stock')


def growth(sales, previous_sales):
    """Growth as a fraction (0.25 = +25 %); None when there was nothing to grow from."""
    if not previous_sales:
        return None
    return (sales - previous_sales) / float(abs(previous_sales))


def _clamp(value, low=0.0, high=100.0):
    return max(low, min(high, value))


def measure_scores(measures, best_sales):
    """{measure: 0..100} of one dealer; `best_sales` is the highest sales of the population."""
    rise = growth(measures.sales, measures.previous_sales)
    return {
        'sales': _clamp(100.0 * measures.sales / best_sales) if best_sales > 0 else 0.0,
        'growth': NEUTRAL if rise is None else _clamp(NEUTRAL + NEUTRAL * rise),
        'payment': NEUTRAL if measures.paid_ratio is None else _clamp(100.0 * measures.paid_ratio),
        'stock': NEUTRAL if measures.stock_health is None else _clamp(100.0 * measures.stock_health),
    }


def weighted_score(scores, weights):
    total = float(sum(weights))
    if total <= 0 or min(weights) < 0:
        raise ValueError('grading weights must be at least 0 and not all 0 (got %s)' % (tuple(weights),))
    return sum(scores[name] * getattr(weights, name) for name in Weights._fields) / total


def grade_for(score, grades):
    """The grade with the highest minimum score <= `score`; grades: [(min_score, grade)]; None
    when no grade applies. Two grades with one minimum are a configuration error."""
    minimums = [minimum for minimum, _grade in grades]
    if len(set(minimums)) != len(minimums):
        raise ValueError('two grades start at the same score')
    best = None
    for minimum, grade in grades:
        if minimum <= score and (best is None or minimum > best[0]):
            best = (minimum, grade)
    return best[1] if best else None


def grade_dealers(measures_by_dealer, weights, grades):
    """{dealer: (score, grade, rank, scores)} for a population: rank 1 = best score; equal scores
    share a rank (1, 2, 2, 4)."""
    best_sales = max([m.sales for m in measures_by_dealer.values()] or [0.0])
    scored = {}
    for dealer, measures in measures_by_dealer.items():
        scores = measure_scores(measures, best_sales)
        scored[dealer] = (round(weighted_score(scores, weights), 2), scores)
    ordered = sorted(scored, key=lambda dealer: (-scored[dealer][0], str(dealer)))
    result, rank, previous = {}, 0, None
    for position, dealer in enumerate(ordered, 1):
        score, scores = scored[dealer]
        if score != previous:
            rank, previous = position, score
        result[dealer] = (score, grade_for(score, grades), rank, scores)
    return result
