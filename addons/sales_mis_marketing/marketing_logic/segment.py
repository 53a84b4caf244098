# -*- coding: utf-8 -*-
"""The target segment of a campaign as a res.partner domain.

A segment is a conjunction of the criteria that are set (customer class, RFM value segment,
sales region, provinces, industries); a criterion left empty does not restrict. Only
companies and people marked as customers, with an e-mail address, who have not opted out are
mailable: Odoo's `opt_out` flag on the partner is respected here and again by Odoo's mass
mailing when it sends."""


def class_codes(text):
    """'A, b ,C' -> ['A', 'B', 'C'] (customer class codes are upper case, see class rules)."""
    if not text:
        return []
    seen = []
    for part in text.replace('，', ',').replace(';', ',').split(','):
        code = part.strip().upper()
        if code and code not in seen:
            seen.append(code)
    return seen


def segment_domain(classes=(), rfm_segment=None, region=None, state_ids=(), industry_ids=()):
    """Criteria of the segment (no customer/e-mail/opt-out condition)."""
    domain = []
    if classes:
        domain.append(('sales_mis_class', 'in', list(classes)))
    if rfm_segment:
        domain.append(('sales_mis_segment', '=', rfm_segment))
    if region:
        domain.append(('sales_mis_region', '=', region))
    if state_ids:
        domain.append(('state_id', 'in', list(state_ids)))
    if industry_ids:
        domain.append(('industry_id', 'in', list(industry_ids)))
    return domain


def mailable_domain(criteria):
    """Customers of the segment who can and may receive a mailing."""
    return [('customer', '=', True), ('email', '!=', False), ('opt_out', '=', False)] + list(criteria)


def mailing_domain(partner_ids):
    """The domain stored on the mass mailing: the recipients chosen as the caller (whose record
    rules decided who they may write to), and opt-out checked again when Odoo sends."""
    return repr([('id', 'in', sorted(partner_ids)), ('opt_out', '=', False)])
