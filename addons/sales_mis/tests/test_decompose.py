# -*- coding: utf-8 -*-
"""Target decomposition 目标分解: split_amount's laws, checked with Hypothesis, and
worked examples."""
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction

import pytest
from hypothesis import given, settings, strategies as st

from odoo.addons.sales_mis.planning import decompose

# no example database: these tests must not leave files behind in the checkout
PROFILE = settings(database=None, deadline=None, max_examples=200)

totals = st.decimals(min_value=0, max_value=10 ** 10, places=4, allow_nan=False, allow_infinity=False)
digit_counts = st.integers(min_value=0, max_value=4)
weight = st.one_of(
    st.none(),
    st.just(0),
    st.integers(min_value=0, max_value=10 ** 6),
    st.decimals(min_value=0, max_value=10 ** 4, places=3, allow_nan=False, allow_infinity=False),
)
weight_lists = st.lists(weight, min_size=1, max_size=12)


def unit(digits):
    return Decimal(1).scaleb(-digits)


def rounded(total, digits):
    return Decimal(str(total)).quantize(unit(digits), rounding=ROUND_HALF_UP)


def reference_weights(weights):
    """The documented fallback, written independently of the module."""
    positive = [Fraction(w) for w in weights if w is not None and w > 0]
    if not positive:
        return [Fraction(1)] * len(weights)
    mean = sum(positive) / len(positive)
    return [mean if w is None else Fraction(w) for w in weights]


# -- laws ---------------------------------------------------------------------

@PROFILE
@given(totals, weight_lists, digit_counts)
def test_parts_sum_exactly_to_the_rounded_total(total, weights, digits):
    assert sum(decompose.split_amount(total, weights, digits)) == rounded(total, digits)


@PROFILE
@given(totals, weight_lists, digit_counts)
def test_parts_have_at_most_digits_decimals_and_none_is_negative(total, weights, digits):
    parts = decompose.split_amount(total, weights, digits)
    assert len(parts) == len(weights)
    for part in parts:
        assert isinstance(part, Decimal)
        assert part >= 0
        assert part == part.quantize(unit(digits))
        assert part.as_tuple().exponent == -digits


@PROFILE
@given(totals, weight_lists, digit_counts, totals, weight_lists)
def test_same_inputs_same_output_whatever_was_computed_before(total, weights, digits, other_total, other_weights):
    first = decompose.split_amount(total, weights, digits)
    decompose.split_amount(other_total, other_weights, digits)
    assert decompose.split_amount(total, list(weights), digits) == first


@PROFILE
@given(totals, weight_lists, digit_counts)
def test_each_part_is_within_one_unit_of_its_exact_share(total, weights, digits):
    parts = decompose.split_amount(total, weights, digits)
    shares = reference_weights(weights)
    exact_total = Fraction(rounded(total, digits))
    one_unit = Fraction(unit(digits))
    for part, share in zip(parts, shares):
        exact = exact_total * share / sum(shares)
        assert abs(Fraction(part) - exact) <= one_unit


@PROFILE
@given(totals,
       st.lists(st.integers(min_value=1, max_value=10 ** 6), min_size=1, max_size=6),
       st.integers(min_value=1, max_value=4),
       digit_counts)
def test_children_without_history_get_what_an_average_colleague_gets(total, known, newcomers, digits):
    mean = Fraction(sum(known), len(known))
    weights = list(known) + [None] * newcomers + [mean]
    parts = decompose.split_amount(total, weights, digits)
    average_colleague = parts[-1]
    for part in parts[len(known):-1]:
        assert abs(part - average_colleague) <= unit(digits)


@PROFILE
@given(totals, st.lists(st.sampled_from([None, 0]), min_size=1, max_size=8), digit_counts)
def test_no_known_positive_weight_splits_equally(total, weights, digits):
    parts = decompose.split_amount(total, weights, digits)
    assert max(parts) - min(parts) <= unit(digits)


# -- examples -----------------------------------------------------------------

def test_a_hundred_in_three():
    assert decompose.split_amount('100', [1, 1, 1]) == [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]


def test_leftover_units_go_to_the_largest_remainders():
    # exact shares 1.666..., 3.333..., 5.000 cents -> floors 1, 3, 5, one cent left for the 0.666 remainder
    assert decompose.split_amount('0.10', [1, 2, 3]) == [Decimal('0.02'), Decimal('0.03'), Decimal('0.05')]


def test_ties_go_to_the_lowest_index():
    assert decompose.split_amount('0.02', [1, 1, 1, 1]) == [Decimal('0.01'), Decimal('0.01'), Decimal('0.00'), Decimal('0.00')]


def test_total_is_rounded_half_up_first():
    assert decompose.split_amount('0.125', [1]) == [Decimal('0.13')]
    assert decompose.split_amount('2.5', [1, 1], digits=0) == [Decimal('2'), Decimal('1')]


def test_proportional_to_last_years_sales():
    assert decompose.split_amount(Decimal('1200000'), [300, 500, 400]) == [
        Decimal('300000.00'), Decimal('500000.00'), Decimal('400000.00')]


def test_newcomer_gets_the_mean_of_the_known_weights():
    # mean of 100 and 300 is 200: the newcomer weighs like 200
    assert decompose.split_amount(600, [100, None, 300]) == [
        Decimal('100.00'), Decimal('200.00'), Decimal('300.00')]


def test_known_zero_stays_zero():
    assert decompose.split_amount(10, [None, 0, 3]) == [Decimal('5.00'), Decimal('0.00'), Decimal('5.00')]


def test_all_zero_or_all_unknown_is_an_equal_split():
    assert decompose.split_amount(9, [0, 0, 0], digits=0) == [Decimal('3')] * 3
    assert decompose.split_amount(9, [None, None, None], digits=0) == [Decimal('3')] * 3
    assert decompose.split_amount(9, [None, 0, None], digits=0) == [Decimal('3')] * 3


def test_total_and_weights_of_every_numeric_kind():
    assert decompose.split_amount(0.3, [0.1, 0.2]) == [Decimal('0.10'), Decimal('0.20')]
    assert decompose.split_amount(Decimal('3'), [Decimal('1.5'), '1.5']) == [Decimal('1.50'), Decimal('1.50')]


def test_zero_total():
    assert decompose.split_amount(0, [1, 2]) == [Decimal('0.00'), Decimal('0.00')]


def test_months_of_a_yearly_target():
    months = decompose.split_amount('1000000', decompose.equal_weights(12))
    assert sum(months) == Decimal('1000000.00')
    assert months[:4] == [Decimal('83333.34')] * 4
    assert months[4:] == [Decimal('83333.33')] * 8


@pytest.mark.parametrize('total, weights, digits, message', [
    (100, [], 2, 'empty'),
    (-1, [1], 2, 'a target cannot be negative'),
    (100, [1, -1], 2, 'negative'),
    (100, [1], -1, 'digits'),
    ('abc', [1], 2, 'not a finite number'),
    (Decimal('NaN'), [1], 2, 'not a finite number'),
    (100, [float('inf')], 2, 'not a finite number'),
])
def test_invalid_input_is_refused(total, weights, digits, message):
    with pytest.raises(ValueError, match=message):
        decompose.split_amount(total, weights, digits)


def test_equal_weights():
    assert decompose.equal_weights(3) == [1, 1, 1]
    assert decompose.equal_weights(0) == []
    with pytest.raises(ValueError):
        decompose.equal_weights(-1)


def test_weights_from_history():
    history = {'alice': Decimal('120'), 'bob': Decimal('0'), 'carol': Decimal('-5'), 'dan': 80.0}
    assert decompose.weights_from_history(history, ['dan', 'alice', 'bob', 'carol', 'erin']) == [
        80.0, Decimal('120'), None, None, None]


def test_history_weights_feed_split_amount():
    weights = decompose.weights_from_history({1: 300, 2: 100}, [1, 2, 3])
    assert decompose.split_amount(600, weights) == [Decimal('300.00'), Decimal('100.00'), Decimal('200.00')]
