# -*- coding: utf-8 -*-
"""Customer segments from RFM scores (1..5 each, see :mod:`.rfm`).

A short, commonly used table, checked top to bottom:

=============  ============================  =====================================
segment        rule                          meaning
=============  ============================  =====================================
champion       r >= 4, f >= 4, m >= 4        bought recently, often, a lot
loyal          f >= 4                        buys often
new            r >= 4, f <= 1                first purchases recently
at_risk        r <= 2, f >= 3                used to buy often, not lately
lost           r <= 1                        no purchase for the longest time
promising      r >= 3                        recent, not yet frequent
need_attention anything else
=============  ============================  =====================================
"""
import numpy as np
import pandas as pd

SEGMENTS = ('champion', 'loyal', 'new', 'at_risk', 'lost', 'promising', 'need_attention')


def rfm_segment(r, f, m):
    """Segment of one customer (scalar scores)."""
    return segments(pd.DataFrame({'r': [r], 'f': [f], 'm': [m]})).iloc[0]


def segments(table):
    """Segment of each row of a DataFrame with integer columns ``r``, ``f``, ``m``."""
    r, f, m = (table[c].to_numpy() for c in ('r', 'f', 'm'))
    conditions = [(r >= 4) & (f >= 4) & (m >= 4), f >= 4, (r >= 4) & (f <= 1),
                  (r <= 2) & (f >= 3), r <= 1, r >= 3]
    return pd.Series(np.select(conditions, SEGMENTS[:-1], SEGMENTS[-1]),
                     index=table.index, name='segment', dtype=object)
