# -*- coding: utf-8 -*-
"""RFM segments: table-driven, pure Python."""
import pandas as pd
import pytest

from odoo.addons.sales_mis.crm_logic.rfm_segments import rfm_segment, segments


@pytest.mark.parametrize('r, f, m, expected', [
    (5, 5, 5, 'champion'), (4, 4, 4, 'champion'), (3, 5, 1, 'loyal'), (5, 1, 2, 'new'),
    (2, 3, 5, 'at_risk'), (1, 1, 1, 'lost'), (3, 2, 2, 'promising'), (2, 2, 2, 'need_attention'),
])
def test_segment_table(r, f, m, expected):
    assert rfm_segment(r, f, m) == expected


def test_segments_keep_the_index():
    table = pd.DataFrame({'r': [5, 1], 'f': [5, 1], 'm': [5, 1]}, index=[7, 9])
    assert segments(table).to_dict() == {7: 'champion', 9: 'lost'}
