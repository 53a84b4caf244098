# -*- coding: utf-8 -*-
"""Customer value and churn 价值/变动/问题客户: RFM scores and churn flags."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from odoo.addons.sales_mis.crm_logic import rfm


def orders(*rows):
    return pd.DataFrame(list(rows), columns=['partner_id', 'date', 'amount'])


def test_rfm_example():
    table = rfm.rfm_scores(orders(
        (1, '2024-06-25', 100.0), (1, '2024-06-01', 200.0),
        (2, '2024-03-01', 1000.0), (2, '2024-03-05', -200.0),   # refund: not a purchase
        (3, '2024-06-29', 50.0),
        (4, '2024-01-10', 10.0), (4, '2024-02-10', 10.0), (4, '2024-03-10', 10.0),
        (5, '2024-05-01', -30.0),                                # refund only
        (1, '2024-07-05', 999.0),                                # after as_of: ignored
    ), as_of='2024-06-30')
    assert list(table.columns) == list(rfm.RFM_COLUMNS)
    rows = {row.partner_id: row for row in table.itertuples()}
    assert rows[1].recency_days == 5 and rows[1].frequency == 2 and rows[1].monetary == 300
    assert rows[2].frequency == 1 and rows[2].monetary == 800 and rows[2].recency_days == 121
    assert np.isnan(rows[5].recency_days) and rows[5].frequency == 0
    # Recency ranks the 4 customers with a sale (1, 5, 112, 121 days); refund-only gets 1.
    assert [rows[p].r for p in (3, 1, 4, 2, 5)] == [5, 4, 3, 2, 1]
    assert [rows[p].f for p in (4, 1, 2, 3, 5)] == [5, 4, 2, 2, 1]  # 2 and 3 tie at one sale
    assert [rows[p].m for p in (2, 1, 3, 4, 5)] == [5, 4, 3, 2, 1]
    assert rows[1].rfm == '444' and rows[5].rfm == '111'


def test_rfm_small_and_empty_samples():
    one = rfm.rfm_scores(orders((7, '2024-01-01', 10.0)), as_of='2024-01-31')
    assert one[['r', 'f', 'm', 'rfm']].iloc[0].tolist() == [5, 5, 5, '555']
    empty = rfm.rfm_scores(orders((7, '2024-02-01', 10.0)), as_of='2024-01-31')
    assert empty.empty and list(empty.columns) == list(rfm.RFM_COLUMNS)


def test_quantile_scores_ties_and_spread():
    assert rfm.quantile_scores([10, 20, 30, 40, 50]).tolist() == [1, 2, 3, 4, 5]
    assert rfm.quantile_scores([7, 7, 7]).tolist() == [4, 4, 4]
    assert rfm.quantile_scores([1, 2], quantiles=3).tolist() == [2, 3]
    assert rfm.quantile_scores([1, 2, 3, 4], higher_is_better=False).tolist() == [5, 4, 3, 2]


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.tuples(st.integers(1, 8), st.integers(0, 200), st.integers(-50, 500)),
                min_size=1, max_size=40),
       st.integers(2, 7))
def test_rfm_properties(rows, quantiles):
    frame = orders(*[(p, pd.Timestamp('2024-01-01') + pd.Timedelta(days=d), float(a))
                     for p, d, a in rows])
    table = rfm.rfm_scores(frame, as_of='2024-12-31', quantiles=quantiles)
    assert sorted(table['partner_id']) == sorted({p for p, _d, _a in rows})
    for column in 'rfm':
        assert table[column].between(1, quantiles).all()
    # Scores are monotonic in the measures.
    by_m = table.sort_values('monetary')
    assert by_m['m'].is_monotonic_increasing
    known = table.dropna(subset=['recency_days']).sort_values('recency_days')
    assert known['r'].is_monotonic_decreasing


def monthly(*rows):
    return pd.DataFrame(list(rows), columns=['partner_id', 'month', 'amount'])


def test_churn_flags_example():
    data = monthly(
        # partner 1: 100/month then 30/month -> -70%
        *[(1, '2024-%02d' % m, 100.0) for m in (1, 2, 3)],
        *[(1, '2024-%02d' % m, 30.0) for m in (4, 5, 6)],
        # partner 2: steady
        *[(2, '2024-%02d' % m, 50.0) for m in range(1, 7)],
        # partner 3: stopped buying (no rows at all in the recent window)
        *[(3, '2024-%02d' % m, 20.0) for m in (1, 2, 3)],
        # partner 4: new customer
        (4, '2024-06', 500.0),
    )
    table = rfm.churn_flags(data)
    assert list(table.columns) == list(rfm.CHURN_COLUMNS)
    rows = {row.partner_id: row for row in table.itertuples()}
    assert (rows[1].base, rows[1].recent) == (300.0, 90.0) and rows[1].change == pytest.approx(-0.7)
    assert rows[1].flagged and rows[3].flagged and rows[3].change == -1.0
    assert not rows[2].flagged and rows[2].change == 0.0
    assert not rows[4].flagged and np.isnan(rows[4].change)
    # min_base keeps small customers out; a stricter threshold keeps partner 1 out.
    assert table.loc[rfm.churn_flags(data, min_base=100)['flagged'], 'partner_id'].tolist() == [1]
    assert rfm.churn_flags(data, drop_threshold=0.8)['flagged'].tolist() == [False, False, True, False]


def test_churn_same_months_last_year_and_month_formats():
    data = monthly((1, pd.Period('2023-02', 'M'), 100.0), (1, pd.Period('2024-01', 'M'), 500.0),
                   (1, pd.Period('2024-02', 'M'), 40.0))
    year = rfm.churn_flags(data, window=1, compare='year')
    assert (year['base'].iloc[0], year['recent'].iloc[0]) == (100.0, 40.0) and year['flagged'].iloc[0]
    dates = data.assign(month=pd.to_datetime(['2023-02-15', '2024-01-03', '2024-02-28']))
    assert rfm.churn_flags(dates, window=1).equals(rfm.churn_flags(data, window=1))
    pinned = rfm.churn_flags(data, window=1, last_month='2024-01')
    assert pinned['recent'].iloc[0] == 500.0 and pinned['base'].iloc[0] == 0.0
    assert rfm.churn_flags(data.iloc[:0]).empty


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 12), st.integers(0, 1000)), max_size=40),
       st.integers(1, 4), st.sampled_from([0.0, 0.3, 0.5, 0.9]))
def test_churn_properties(rows, window, threshold):
    data = monthly(*[(p, '2024-%02d' % m, float(a)) for p, m, a in rows])
    table = rfm.churn_flags(data, drop_threshold=threshold, window=window, last_month='2024-12')
    for row in table.itertuples():
        base = sum(a for p, m, a in rows if p == row.partner_id and 12 - 2 * window < m <= 12 - window)
        recent = sum(a for p, m, a in rows if p == row.partner_id and m > 12 - window)
        assert (row.base, row.recent) == (base, recent)
        assert row.flagged == (base > 0 and recent / base - 1 < -threshold)
