# -*- coding: utf-8 -*-
"""KPI scorecards 业绩考核: achievement ratios, weighted scores and competition ranks."""
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from odoo.addons.sales_mis.planning import kpi

COLUMNS = ['user_id', 'kpi', 'value', 'target', 'weight']


def frame(*rows):
    return pd.DataFrame(list(rows), columns=COLUMNS)


def scores(table):
    return {row.user_id: (row.score, row.rank) for row in table.itertuples()}


def test_kpi_codes():
    assert kpi.KPI_CODES == ('revenue_completion', 'collection_rate', 'new_customers', 'visits',
                             'win_rate', 'gross_margin')


@pytest.mark.parametrize('value, target, cap, expected', [
    (80, 100, 1.5, 0.8),
    (100, 100, 1.5, 1.0),
    (300, 100, 1.5, 1.5),      # capped
    (300, 100, 2, 2.0),
    (-20, 100, 1.5, 0.0),      # refunds cannot make an achievement negative
    (5, 0, 1.5, 1.5),          # no target but something achieved: fully over-achieved
    (5, None, 1.5, 1.5),
    (0, 0, 1.5, 0.0),          # no target, nothing achieved
    (0, None, 1.5, 0.0),
    (-3, -10, 1.5, 0.0),
    (None, 100, 1.5, 0.0),
    (Decimal('50'), Decimal('200'), 1.5, 0.25),
])
def test_achievement(value, target, cap, expected):
    assert kpi.achievement(value, target, cap) == pytest.approx(expected)
    assert isinstance(kpi.achievement(value, target, cap), float)


def test_weighted_score():
    table = kpi.score_table(frame(
        (1, 'revenue_completion', 90, 100, 60),   # 0.9 * 60 = 54
        (1, 'visits', 30, 20, 40),                # capped 1.5 * 40 = 60
        (2, 'revenue_completion', 100, 100, 60),  # 60
        (2, 'visits', 10, 20, 40),                # 20
    ))
    assert list(table.columns) == ['user_id', 'score', 'rank']
    assert scores(table) == {1: (114.0, 1), 2: (80.0, 2)}
    assert list(table['user_id']) == [1, 2]


def test_score_is_rounded_to_two_decimals():
    table = kpi.score_table(frame((7, 'win_rate', 1, 3, 1)))
    assert table.loc[0, 'score'] == 33.33


def test_ties_share_a_rank_and_the_next_rank_is_skipped():
    table = kpi.score_table(frame(
        (4, 'visits', 50, 100, 1),
        (3, 'visits', 80, 100, 1),
        (2, 'visits', 80, 100, 1),
        (1, 'visits', 100, 100, 1),
    ))
    assert list(table['user_id']) == [1, 2, 3, 4]   # ties sorted by user_id
    assert list(table['rank']) == [1, 2, 2, 4]
    assert list(table['score']) == [100.0, 80.0, 80.0, 50.0]


def test_zero_weight_kpis_do_not_count():
    table = kpi.score_table(frame(
        (1, 'revenue_completion', 50, 100, 1),
        (1, 'gross_margin', 0, 100, 0),          # ignored, does not dilute the score
        (2, 'visits', 100, 100, 0),              # only zero weights: score 0
    ))
    assert scores(table) == {1: (50.0, 1), 2: (0.0, 2)}


def test_cap_parameter():
    rows = frame((1, 'new_customers', 10, 2, 1))
    assert kpi.score_table(rows).loc[0, 'score'] == 150.0
    assert kpi.score_table(rows, cap=3).loc[0, 'score'] == 300.0


def test_missing_targets_and_values():
    table = kpi.score_table(frame(
        (1, 'visits', 5, None, 1),     # something without target: cap
        (1, 'win_rate', None, 10, 1),  # no value: 0
        (2, 'visits', 0, 0, 1),
    ))
    assert scores(table) == {1: (75.0, 1), 2: (0.0, 2)}


def test_empty_frame():
    table = kpi.score_table(pd.DataFrame(columns=COLUMNS))
    assert table.empty
    assert list(table.columns) == ['user_id', 'score', 'rank']


def test_input_row_order_does_not_matter():
    rows = frame((2, 'visits', 1, 2, 1), (1, 'visits', 2, 2, 1), (3, 'visits', 1, 2, 3), (1, 'win_rate', 0, 2, 1))
    expected = kpi.score_table(rows)
    pd.testing.assert_frame_equal(kpi.score_table(rows.iloc[::-1]), expected)


def test_missing_columns_are_refused():
    with pytest.raises(ValueError, match='weight'):
        kpi.score_table(pd.DataFrame(columns=['user_id', 'kpi', 'value', 'target']))


def test_negative_weights_are_refused():
    with pytest.raises(ValueError, match='negative'):
        kpi.score_table(frame((1, 'visits', 1, 1, -1)))


rows_strategy = st.lists(
    st.tuples(st.integers(1, 6), st.sampled_from(kpi.KPI_CODES),
              st.floats(-1e6, 1e6, allow_nan=False), st.one_of(st.none(), st.floats(-10, 1e6, allow_nan=False)),
              st.integers(0, 100)),
    min_size=1, max_size=30)


@settings(database=None, deadline=None, max_examples=100)
@given(rows_strategy)
def test_scores_stay_in_range_and_ranks_follow_scores(rows):
    table = kpi.score_table(frame(*rows))
    assert sorted(table['user_id']) == sorted({row[0] for row in rows})
    assert table['score'].between(0, 150).all()
    assert table['rank'].iloc[0] == 1
    # sorted by rank, and a better score never has a worse rank
    assert table['rank'].is_monotonic_increasing
    assert table['score'].is_monotonic_decreasing
    for row in table.itertuples():
        assert row.rank == 1 + (table['score'] > row.score).sum()


def test_breakdown_shows_what_each_kpi_gives_and_adds_up_to_the_score():
    rows = frame(
        (1, 'revenue_completion', 90, 100, 60),   # 0.9 -> 54 points of 114
        (1, 'visits', 30, 20, 40),                # capped at 1.5 -> 60
        (2, 'revenue_completion', 100, 100, 0),   # no weight: no points
        (2, 'visits', 0, 0, 0),
    )
    detail = kpi.breakdown(rows)
    assert list(detail.columns) == list(kpi.BREAKDOWN_COLUMNS)
    assert detail[['kpi', 'value', 'target', 'weight']].values.tolist() == \
        rows[['kpi', 'value', 'target', 'weight']].values.tolist()
    assert detail['achievement'].tolist() == pytest.approx([0.9, 1.5, 1.0, 0.0])
    assert detail['points'].tolist() == pytest.approx([54.0, 60.0, 0.0, 0.0])
    totals = detail.groupby('user_id')['points'].sum()
    assert scores(kpi.score_table(rows)) == {1: (round(totals[1], 2), 1), 2: (round(totals[2], 2), 2)}
    assert kpi.breakdown(frame()).empty
