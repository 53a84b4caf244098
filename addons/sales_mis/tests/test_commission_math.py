# -*- coding: utf-8 -*-
"""Commissions 奖励分配: tiers chosen on the period completion, per-category rates,
refund clawbacks."""
from decimal import Decimal as D

import pytest
from hypothesis import given, settings, strategies as st

from odoo.addons.sales_mis.planning import commission
from odoo.addons.sales_mis.planning.commission import StatementLine, Tier

TIERS = [Tier(D('80'), D('1')), Tier(D('100'), D('1.2')), Tier(D('120'), D('1.5'))]


@pytest.mark.parametrize('completion, expected', [
    (D('0'), D('0')),
    (D('79.99'), D('0')),      # below the lowest tier: no commission
    (D('80'), D('1')),         # exactly at the threshold gets the tier
    (D('99.9'), D('1')),
    (D('100'), D('1.2')),
    (D('119.99'), D('1.2')),
    (D('120'), D('1.5')),
    (D('250'), D('1.5')),
])
def test_tier_multiplier(completion, expected):
    assert commission.tier_multiplier(completion, TIERS) == expected


@settings(database=None, deadline=None)
@given(st.permutations(TIERS), st.decimals(0, 300, places=2))
def test_tier_order_does_not_matter(tiers, completion):
    assert commission.tier_multiplier(completion, tiers) == commission.tier_multiplier(completion, TIERS)


def test_no_tiers():
    assert commission.tier_multiplier(D('150'), []) == D('0')


def test_bad_tiers_are_refused():
    with pytest.raises(ValueError, match='negative'):
        commission.tier_multiplier(D('90'), [Tier(D('80'), D('-1'))])
    with pytest.raises(ValueError, match='80'):
        commission.tier_multiplier(D('90'), [Tier(D('80'), D('1')), Tier(D('80.0'), D('2'))])


def test_tiers_are_immutable_values():
    assert Tier(D('80'), D('1')) == Tier(D('80'), D('1'))
    with pytest.raises(AttributeError):
        TIERS[0].multiplier = D('3')


def test_statement():
    lines = commission.compute_statement(
        {'phones': D('100000'), 'accessories': D('20000.50'), 'services': D('3333')},
        D('105'), TIERS, {'phones': D('0.03'), 'accessories': D('0.05')}, D('0.01'))
    assert lines == [
        StatementLine('accessories', D('20000.50'), D('0.05'), D('1.2'), D('1200.03')),  # 1200.030
        StatementLine('phones', D('100000'), D('0.03'), D('1.2'), D('3600.00')),
        StatementLine('services', D('3333'), D('0.01'), D('1.2'), D('40.00')),           # 39.996, default rate
    ]
    assert commission.statement_total(lines) == D('4840.03')


def test_rounding_is_half_up():
    lines = commission.compute_statement({'a': D('0.5'), 'b': D('0.49')}, D('100'),
                                         [Tier(D('0'), D('1'))], {}, D('0.01'))
    assert [line.amount for line in lines] == [D('0.01'), D('0.00')]   # 0.005 -> 0.01, 0.0049 -> 0.00
    lines = commission.compute_statement({'a': D('5')}, D('100'), [Tier(D('0'), D('1'))], {}, D('0.1'), digits=0)
    assert lines[0].amount == D('1')                                   # 0.5 -> 1


def test_the_tier_comes_from_the_period_total_not_the_line():
    # the period completion is 85%: every line gets the 80% tier, however big it is
    lines = commission.compute_statement({'big': D('1000000'), 'small': D('10')}, D('85'), TIERS, {}, D('0.1'))
    assert {line.multiplier for line in lines} == {D('1')}


def test_below_every_tier_the_statement_is_zero():
    lines = commission.compute_statement({'phones': D('5000')}, D('50'), TIERS, {}, D('0.03'))
    assert lines == [StatementLine('phones', D('5000'), D('0.03'), D('0'), D('0.00'))]
    assert str(commission.statement_total(lines)) == '0.00'


def test_refunds_claw_back():
    lines = commission.compute_statement({'phones': D('-2000'), 'services': D('500')}, D('100'), TIERS,
                                         {'phones': D('0.03')}, D('0.02'))
    assert [line.amount for line in lines] == [D('-72.00'), D('12.00')]
    assert commission.statement_total(lines) == D('-60.00')


def test_no_negative_zero_on_a_statement():
    lines = commission.compute_statement({'x': D('-0.1')}, D('100'), TIERS, {}, D('0.01'))
    assert str(lines[0].amount) == '0.00'


def test_lines_are_sorted_by_category_text():
    lines = commission.compute_statement({10: D('1'), 2: D('1'), 'a': D('1')}, D('100'), TIERS, {}, D('0.1'))
    assert [line.category for line in lines] == [10, 2, 'a']


def test_empty_statement():
    assert commission.compute_statement({}, D('100'), TIERS, {}, D('0.1')) == []
    assert commission.statement_total([]) == D('0')


@pytest.mark.parametrize('rates, default', [({'a': D('-0.01')}, D('0.01')), ({}, D('-0.01'))])
def test_negative_rates_are_refused(rates, default):
    with pytest.raises(ValueError, match='negative'):
        commission.compute_statement({'a': D('100')}, D('100'), TIERS, rates, default)


def test_negative_multipliers_are_refused():
    with pytest.raises(ValueError, match='negative'):
        commission.compute_statement({'a': D('100')}, D('100'), [Tier(D('0'), D('-1'))], {}, D('0.01'))
