# -*- coding: utf-8 -*-
"""Dealer-reported stock 经销商库存 (I3): what a dealer sold to end customers in a period and how
long its closing stock lasts at that pace.

sell-through = opening + received - closing (the dealer's sales to its customers);
days of cover = closing / (sell-through per day of the period). A product that did not sell has
no pace: its cover is infinite when stock is left (None here), zero when nothing is left."""
LOW, OK, OVER = 'low', 'ok', 'over'


def sell_through(opening, received, closing):
    """Units sold to end customers; negative means the report does not add up (more closing
    stock than the dealer had), which the caller refuses."""
    return opening + received - closing


def days_of_cover(closing, sold, period_days):
    """Days the closing stock lasts at the period's selling pace; None when nothing sold and
    stock is left (no pace to measure), 0.0 when no stock is left."""
    if period_days <= 0:
        raise ValueError('a period has at least one day (got %s)' % period_days)
    if closing <= 0:
        return 0.0
    if sold <= 0:
        return None
    return closing / (sold / float(period_days))


def stock_status(cover_days, low_days, high_days):
    """'low' below `low_days` of cover, 'over' above `high_days` (or stock that did not sell at
    all), else 'ok'."""
    if low_days < 0 or high_days <= low_days:
        raise ValueError('the overstock threshold (%s days) must be above the low-stock one (%s days)'
                         % (high_days, low_days))
    if cover_days is None:
        return OVER
    if cover_days < low_days:
        return LOW
    if cover_days > high_days:
        return OVER
    return OK


def health_share(statuses):
    """Share (0..1) of a dealer's products whose stock is 'ok'; None without products."""
    statuses = list(statuses)
    if not statuses:
        return None
    return sum(1 for status in statuses if status == OK) / float(len(statuses))
