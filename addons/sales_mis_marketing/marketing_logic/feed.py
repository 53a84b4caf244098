# -*- coding: utf-8 -*-
"""The market-information feed of a salesperson 我的市场信息: notes about the industries and
regions of their customers, the competitors met on their opportunities, and the
opportunities themselves. Pure: the ORM glue gathers the ids with grouped reads."""


def feed_domain(industry_ids=(), regions=(), state_ids=(), competitor_ids=(), lead_ids=()):
    """A market.note domain matching any of the salesperson's interests; nothing when they
    have none (an empty feed, not every note)."""
    parts = []
    if industry_ids:
        parts.append([('industry_id', 'in', sorted(industry_ids))])
    if regions:
        parts.append([('region', 'in', sorted(regions))])
    if state_ids:
        parts.append([('state_id', 'in', sorted(state_ids))])
    if competitor_ids:
        parts.append([('competitor_ids', 'in', sorted(competitor_ids))])
    if lead_ids:
        parts.append([('lead_ids', 'in', sorted(lead_ids))])
    if not parts:
        return [('id', '=', 0)]
    domain = ['|'] * (len(parts) - 1)
    for part in parts:
        domain += part
    return domain
