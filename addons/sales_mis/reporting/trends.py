# -*- coding: utf-8 -*-
"""Growth rates of sales trends: month over month (MoM), year over year (YoY)."""


def growth(current, previous):
    """Percent change from `previous` to `current`; False when there is nothing to compare
    with (no previous sales), so that the pivot shows a blank instead of an infinite rate."""
    current, previous = current or 0.0, previous or 0.0
    if not previous:
        return False
    return 100.0 * (current - previous) / abs(previous)
