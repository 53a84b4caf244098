# -*- coding: utf-8 -*-
"""Order approval 订单审核: why a quotation needs a manager's approval before it is confirmed.

Everything is in the company currency; a threshold of 0 switches its check off, and a credit
limit of 0 means the customer has no limit (as Odoo's own credit_limit field does)."""
import hashlib
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


#: what an approval covers on the order and on each line (ids of many2one/many2many fields)
OrderTerms = namedtuple('OrderTerms', 'partner_id user_id team_id company_id currency_id amount_total lines')
LineTerms = namedtuple('LineTerms', 'product_id uom_id quantity price_unit discount tax_ids')


def _number(value):
    # money and quantities as decimals, so 0.1 + 0.2 and 0.3 give the same fingerprint
    return '%.6f' % round(float(value or 0.0), 6)


def approval_fingerprint(terms):
    """A digest of everything an approval was given for: customer, salesperson, team, company,
    currency, total and every line's product, unit, quantity, unit price, discount and taxes.
    Equal terms give the same digest whatever the line order; any change gives another one."""
    lines = sorted('%s|%s|%s|%s|%s|%s' % (line.product_id or 0, line.uom_id or 0, _number(line.quantity),
                                          _number(line.price_unit), _number(line.discount),
                                          ','.join(str(tax) for tax in sorted(line.tax_ids or ())))
                   for line in terms.lines)
    text = '\n'.join(['%s|%s|%s|%s|%s|%s' % (terms.partner_id or 0, terms.user_id or 0, terms.team_id or 0,
                                              terms.company_id or 0, terms.currency_id or 0,
                                              _number(terms.amount_total))] + lines)
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


def approval_holds(approved_fingerprint, current_fingerprint):
    """An approval holds only for the very terms it was given for (no fingerprint: none)."""
    return bool(approved_fingerprint) and approved_fingerprint == current_fingerprint
