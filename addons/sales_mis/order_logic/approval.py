# -*- coding: utf-8 -*-
"""Order approval 订单审核: why a quotation needs a manager's approval before it is confirmed.

Everything is in the company currency; a threshold of 0 switches its check off, and a credit
limit of 0 means the customer has no limit (as Odoo's own credit_limit field does)."""
from collections import namedtuple

#: what the company asks for; amounts in company currency, discount in percent
ApprovalPolicy = namedtuple('ApprovalPolicy', 'amount_threshold discount_threshold check_credit check_overdue')

#: one quotation and its customer, as read from the database
OrderFacts = namedtuple('OrderFacts', 'amount max_discount credit_limit open_receivable overdue_amount')

#: a reason code and the numbers its message shows
Reason = namedtuple('Reason', 'code values')

AMOUNT = 'amount'
DISCOUNT = 'discount'
CREDIT = 'credit'
OVERDUE = 'overdue'

_EPSILON = 0.005  # half a cent: amounts are compared as money, not floats


def approval_reasons(facts, policy):
    """The reasons, in a stable order, why this order needs approval; empty when it needs none."""
    reasons = []
    if policy.amount_threshold > 0 and facts.amount > policy.amount_threshold + _EPSILON:
        reasons.append(Reason(AMOUNT, {'amount': facts.amount, 'threshold': policy.amount_threshold}))
    if policy.discount_threshold > 0 and facts.max_discount > policy.discount_threshold + 1e-9:
        reasons.append(Reason(DISCOUNT, {'discount': facts.max_discount,
                                         'threshold': policy.discount_threshold}))
    if policy.check_credit and facts.credit_limit > 0:
        exposure = facts.open_receivable + facts.amount
        if exposure > facts.credit_limit + _EPSILON:
            reasons.append(Reason(CREDIT, {'exposure': exposure, 'limit': facts.credit_limit,
                                           'receivable': facts.open_receivable}))
    if policy.check_overdue and facts.overdue_amount > _EPSILON:
        reasons.append(Reason(OVERDUE, {'overdue': facts.overdue_amount}))
    return reasons


def approval_still_valid(approved_amount, current_amount):
    """An approval covers the amount that was approved: any change of it voids the approval."""
    return approved_amount is not None and abs((approved_amount or 0.0) - current_amount) <= _EPSILON


def may_approve(approver_id, salesperson_id, leads_team, is_director):
    """Four eyes: nobody approves their own order; managers approve the teams they lead,
    directors any team."""
    if approver_id == salesperson_id:
        return False
    return bool(leads_team or is_director)
