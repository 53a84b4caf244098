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


def terms(lines=None, **values):
    base = dict(partner_id=7, user_id=5, team_id=2, company_id=1, currency_id=3, amount_total=60000.0,
                lines=lines if lines is not None else [rules.LineTerms(11, 1, 100.0, 600.0, 0.0, (4,))])
    base.update(values)
    return rules.OrderTerms(**base)


def test_fingerprint_changes_with_every_approved_term():
    approved = rules.approval_fingerprint(terms())
    line = terms().lines[0]
    changed = [terms(partner_id=8), terms(user_id=6), terms(team_id=9), terms(company_id=2), terms(currency_id=4),
               terms(amount_total=60000.01),
               terms([line._replace(product_id=12)]), terms([line._replace(uom_id=2)]),
               terms([line._replace(quantity=101.0)]), terms([line._replace(price_unit=600.5)]),
               terms([line._replace(discount=1.0)]), terms([line._replace(tax_ids=(4, 5))]),
               terms([line, rules.LineTerms(13, 1, 1.0, 0.0, 0.0, ())])]
    digests = [rules.approval_fingerprint(t) for t in changed]
    assert approved not in digests
    assert len(set(digests)) == len(digests)


def test_same_total_other_prices_is_another_fingerprint():
    """1 x 75,000 at 20 % is the 60,000 of 100 x 600, but not what was approved."""
    same_total = terms([rules.LineTerms(11, 1, 1.0, 75000.0, 20.0, (4,))])
    assert not rules.approval_holds(rules.approval_fingerprint(terms()), rules.approval_fingerprint(same_total))


def test_fingerprint_ignores_line_order_tax_order_and_float_noise():
    a = rules.LineTerms(11, 1, 0.1 + 0.2, 600.0, 0.0, (5, 4))
    b = rules.LineTerms(12, 1, 1.0, 10.0, 5.0, ())
    assert rules.approval_fingerprint(terms([a, b])) == rules.approval_fingerprint(
        terms([b, a._replace(quantity=0.3, tax_ids=(4, 5))]))


def test_no_fingerprint_no_approval():
    assert not rules.approval_holds(False, rules.approval_fingerprint(terms()))
    assert not rules.approval_holds('', '')
    assert rules.approval_holds('abc', 'abc')
