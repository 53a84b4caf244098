# -*- coding: utf-8 -*-
"""Order approval rules (pure): which reasons, when an approval still holds, who may approve."""
from odoo.addons.sales_mis.order_logic import approval as rules

POLICY = rules.ApprovalPolicy(amount_threshold=50000.0, discount_threshold=15.0,
                              check_credit=True, check_overdue=True)


def facts(**values):
    base = dict(amount=1000.0, max_discount=0.0, credit_limit=0.0, open_receivable=0.0, overdue_amount=0.0)
    base.update(values)
    return rules.OrderFacts(**base)


def codes(order_facts, policy=POLICY):
    return [reason.code for reason in rules.approval_reasons(order_facts, policy)]


def test_a_small_clean_order_needs_nothing():
    assert codes(facts()) == []


def test_thresholds_are_strict_and_zero_switches_them_off():
    assert codes(facts(amount=50000.0, max_discount=15.0)) == []
    assert codes(facts(amount=50000.01, max_discount=15.01)) == [rules.AMOUNT, rules.DISCOUNT]
    off = POLICY._replace(amount_threshold=0.0, discount_threshold=0.0)
    assert codes(facts(amount=10 ** 9, max_discount=100.0), off) == []


def test_credit_limit_counts_open_receivables_plus_this_order():
    reasons = rules.approval_reasons(facts(amount=3000.0, credit_limit=10000.0, open_receivable=7500.0), POLICY)
    assert [r.code for r in reasons] == [rules.CREDIT]
    assert reasons[0].values == {'exposure': 10500.0, 'limit': 10000.0, 'receivable': 7500.0}
    assert codes(facts(amount=2500.0, credit_limit=10000.0, open_receivable=7500.0)) == []
    assert codes(facts(amount=10 ** 6, credit_limit=0.0)) == [rules.AMOUNT], 'no limit set: not checked'
    assert codes(facts(amount=3000.0, credit_limit=10000.0, open_receivable=7500.0),
                 POLICY._replace(check_credit=False)) == []


def test_overdue_debt_and_every_reason_at_once():
    assert codes(facts(overdue_amount=0.001)) == []
    assert codes(facts(overdue_amount=10.0), POLICY._replace(check_overdue=False)) == []
    everything = facts(amount=60000.0, max_discount=20.0, credit_limit=1000.0, overdue_amount=10.0)
    assert codes(everything) == [rules.AMOUNT, rules.DISCOUNT, rules.CREDIT, rules.OVERDUE]


def test_an_approval_covers_the_approved_total_only():
    assert rules.approval_still_valid(60000.0, 60000.004)
    assert not rules.approval_still_valid(60000.0, 60000.01)
    assert not rules.approval_still_valid(None, 0.0)


def test_four_eyes():
    assert not rules.may_approve(7, 7, leads_team=True, is_director=True)
    assert rules.may_approve(7, 8, leads_team=True, is_director=False)
    assert rules.may_approve(7, 8, leads_team=False, is_director=True)
    assert not rules.may_approve(7, 8, leads_team=False, is_director=False)
