# -*- coding: utf-8 -*-
"""Service-level agreement maths 服务时限 (K1), pure Python (no odoo import).

A policy gives the hours allowed to respond to and to resolve a request of a category and a
priority. The most specific policy wins: category and priority, then any category with that
priority, then the category with any priority, then the catch-all. Hours are calendar hours:
service promises to customers (e.g. "respond within 4 hours") are made around the clock."""
import datetime
from collections import namedtuple

Policy = namedtuple('Policy', 'id category_id priority response_hours resolution_hours')

#: priority codes, lowest first (the selection of the request and of the policy)
PRIORITIES = ('0', '1', '2', '3')


def specificity(policy, category_id, priority):
    """How well `policy` fits (higher is better), or None when it does not apply."""
    if policy.category_id and policy.category_id != category_id:
        return None
    if policy.priority and policy.priority != priority:
        return None
    return (2 if policy.category_id else 0) + (1 if policy.priority else 0)


def pick_policy(policies, category_id, priority):
    """The policy that applies to a request of `category_id` and `priority` (None: no SLA).
    Among equally specific policies the lowest id wins, so the choice is stable."""
    best, best_key = None, None
    for policy in policies:
        fit = specificity(policy, category_id, priority)
        if fit is None:
            continue
        key = (fit, -policy.id)
        if best_key is None or key > best_key:
            best, best_key = policy, key
    return best


def _check_hours(hours, what):
    if hours is None:
        return None
    if hours < 0:
        raise ValueError('%s hours cannot be negative: %r' % (what, hours))
    return hours


def deadlines(start, policy):
    """(response deadline, resolution deadline) of a request received at `start` (datetime)
    under `policy`; None for a deadline the policy does not set (0 hours means none)."""
    if policy is None:
        return None, None
    response = _check_hours(policy.response_hours, 'response')
    resolution = _check_hours(policy.resolution_hours, 'resolution')
    if response and resolution and resolution < response:
        raise ValueError('resolution (%s h) cannot be due before the response (%s h)' % (resolution, response))
    return (start + datetime.timedelta(hours=response) if response else None,
            start + datetime.timedelta(hours=resolution) if resolution else None)


def hours_between(start, end):
    """Elapsed hours from `start` to `end` (None if either is missing), never negative."""
    if start is None or end is None:
        return None
    return max(0.0, (end - start).total_seconds() / 3600.0)


def met(deadline, done_at, now):
    """Whether a deadline was met: True (done in time), False (done late, or not done and past
    due at `now`), None (no deadline, or not done and not yet due: undecided)."""
    if deadline is None:
        return None
    if done_at is not None:
        return done_at <= deadline
    return False if now > deadline else None


def overdue(deadline, done_at, now):
    """A deadline that is past at `now` while its step is not done: what escalation looks for."""
    return deadline is not None and done_at is None and now > deadline


def met_percent(outcomes):
    """Percent of decided outcomes (True/False, None ignored) that are True; None if none decided."""
    decided = [outcome for outcome in outcomes if outcome is not None]
    if not decided:
        return None
    return 100.0 * sum(1 for outcome in decided if outcome) / len(decided)


def repeats(complaints, window_days):
    """Ids of the complaints that repeat an earlier one of the same customer and product within
    `window_days` days. `complaints`: iterable of (id, customer, product, datetime); a complaint
    without a product is never a repeat (nothing says it is the same problem)."""
    if window_days <= 0:
        return set()
    window = datetime.timedelta(days=window_days)
    last_seen, found = {}, set()
    for complaint_id, customer, product, when in sorted(complaints, key=lambda c: (c[3], c[0])):
        if not product:
            continue
        key = (customer, product)
        previous = last_seen.get(key)
        if previous is not None and when - previous <= window:
            found.add(complaint_id)
        last_seen[key] = when
    return found
