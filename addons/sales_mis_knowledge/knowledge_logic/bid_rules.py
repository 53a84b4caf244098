# -*- coding: utf-8 -*-
"""Bid management 投标管理: the document checklist, deadline reminders and the bond. Pure."""
import datetime

#: days before the submission deadline at which the owner gets a reminder (default)
REMINDER_DAYS = 3
#: bids still being worked on: they get reminders
OPEN_STATES = ('draft', 'preparing')


def missing_documents(lines):
    """Names of the required checklist documents not done yet; lines: (name, required, done)."""
    return [name for name, required, done in lines if required and not done]


def reminder_due(deadline, now, days_before=REMINDER_DAYS):
    """Whether a bid due at `deadline` (datetime) is inside the reminder window at `now`: not
    past yet, and at most `days_before` days away."""
    if not deadline:
        return False
    return now <= deadline <= now + datetime.timedelta(days=days_before)


def reminder_window(now, days_before=REMINDER_DAYS):
    """(from, to) deadlines the reminder cron looks for."""
    return now, now + datetime.timedelta(days=days_before)


def bond_status(amount, paid_on, returned_on):
    """Where the bid bond 投标保证金 stands: none, to pay, paid (held by the customer), returned."""
    if not amount:
        return 'none'
    if returned_on:
        return 'returned'
    return 'paid' if paid_on else 'to_pay'


def check_bond_dates(amount, paid_on, returned_on):
    """An error message for impossible bond data, or None."""
    if amount and amount < 0:
        return 'negative'
    if returned_on and not paid_on:
        return 'returned_unpaid'
    if returned_on and paid_on and returned_on < paid_on:
        return 'returned_before_paid'
    return None
