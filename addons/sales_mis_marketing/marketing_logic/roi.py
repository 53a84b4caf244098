# -*- coding: utf-8 -*-
"""Return on investment of a marketing campaign 活动投资回报率.

ROI = (attributed margin - cost) / cost. Margin, not revenue: a campaign that sells at cost
earns nothing. Without any cost there is no basis and the ROI is None (shown empty), never a
division by zero or an infinite figure. A group of campaigns (a pivot cell, a totals row) has
the ROI of its sums, never the sum or mean of its members' ROIs."""

#: figures that add up across campaigns and months (a group's value is their sum)
ADDITIVE = ('lead_count', 'opportunity_count', 'order_count', 'order_amount', 'margin',
            'invoiced_amount', 'cost')


def roi(margin, cost):
    """(margin - cost) / cost as a fraction (0.5 is 50 %), or None without a positive cost."""
    margin = float(margin or 0.0)
    cost = float(cost or 0.0)
    if cost <= 0.0:
        return None
    return (margin - cost) / cost


def group_roi(rows):
    """The ROI of a group of rows ({'margin': .., 'cost': ..}), from their sums."""
    margin = sum(float(row.get('margin') or 0.0) for row in rows)
    cost = sum(float(row.get('cost') or 0.0) for row in rows)
    return roi(margin, cost)


def budget_use(cost, budget):
    """Share of the approved budget spent (1.0 = all of it), None without a budget."""
    budget = float(budget or 0.0)
    if budget <= 0.0:
        return None
    return float(cost or 0.0) / budget
