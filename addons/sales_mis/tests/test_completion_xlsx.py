# -*- coding: utf-8 -*-
"""The plan completion report 销售计划完成情况分析表: built from a small frame and read
back with xlrd (values) and zipfile (formats, frozen panes)."""
import datetime
import io
import zipfile

import pandas as pd
import pytest
import xlrd

from odoo.addons.sales_mis.planning import completion_xlsx

JAN, FEB, MAR = datetime.date(2024, 1, 1), datetime.date(2024, 2, 1), datetime.date(2024, 3, 1)
LABELS = {
    'salesperson': '销售员', 'team': '销售团队', 'target': '目标', 'actual': '实际', 'completion': '完成率',
    'gap': '差额', 'projection': '预测', 'total': '合计', 'month_format': '%Y年%m月',
}
TITLE = '2024年第一季度 销售计划完成情况分析表'
HEADER = ['销售团队', '销售员', '目标', '实际', '完成率', '差额', '预测', '2024年01月', '2024年02月']


def rows():
    return pd.DataFrame([
        # salesperson, team, month, target, actual, projection
        ('张三', '华东', JAN, 100.0, 80.0, 90.0),
        ('张三', '华东', FEB, 100.0, 120.0, 110.0),
        ('张三', '华东', MAR, 50.0, 25.0, 30.0),   # counted in the sums, no March column
        ('李四', '华东', JAN, 200.0, 50.0, 60.0),
        ('李四', '华东', JAN, 0.0, 10.0, 0.0),     # two rows of one month add up
        ('王五', '华北', FEB, 0.0, 5.0, 0.0),      # no target: blank completion
    ], columns=['salesperson', 'team', 'month', 'target', 'actual', 'projection'])


def build(frame=None, months=(JAN, FEB), labels=LABELS):
    return completion_xlsx.build_completion_workbook(rows() if frame is None else frame, list(months), TITLE, labels)


def sheet(data):
    return xlrd.open_workbook(file_contents=data).sheet_by_index(0)


def test_returns_xlsx_bytes_with_one_sheet():
    data = build()
    assert isinstance(data, bytes)
    assert zipfile.is_zipfile(io.BytesIO(data))
    assert xlrd.open_workbook(file_contents=data).nsheets == 1


def test_title_is_merged_across_all_columns():
    ws = sheet(build())
    assert ws.cell_value(0, 0) == TITLE
    assert ws.ncols == len(HEADER)
    assert (0, 1, 0, len(HEADER)) in ws.merged_cells


def test_header_captions_come_from_the_labels():
    assert sheet(build()).row_values(1) == HEADER


def test_one_row_per_salesperson_sorted_by_team_then_salesperson():
    ws = sheet(build())
    body = [ws.row_values(row) for row in range(2, ws.nrows - 1)]
    assert [(line[0], line[1]) for line in body] == sorted([('华东', '张三'), ('华东', '李四'), ('华北', '王五')])
    by_name = {line[1]: line for line in body}
    # team, salesperson, target, actual, completion, gap, projection, January, February
    assert by_name['张三'] == ['华东', '张三', 250.0, 225.0, pytest.approx(0.9), 25.0, 230.0, 80.0, 120.0]
    assert by_name['李四'] == ['华东', '李四', 200.0, 60.0, pytest.approx(0.3), 140.0, 60.0, 60.0, 0.0]
    assert by_name['王五'] == ['华北', '王五', 0.0, 5.0, '', -5.0, 0.0, 0.0, 5.0]


def test_totals_row_recomputes_completion_from_the_totals():
    ws = sheet(build())
    assert ws.nrows == 2 + 3 + 1
    # completion 290 / 450, not the mean of 0.9, 0.3 and nothing
    assert ws.row_values(ws.nrows - 1) == ['合计', '', 450.0, 290.0, pytest.approx(290.0 / 450.0), 160.0, 290.0,
                                           140.0, 125.0]


def test_number_formats_and_frozen_header():
    with zipfile.ZipFile(io.BytesIO(build())) as archive:
        styles = archive.read('xl/styles.xml').decode('utf-8')
        worksheet = archive.read('xl/worksheets/sheet1.xml').decode('utf-8')
    assert 'formatCode="#,##0.00"' in styles
    assert 'formatCode="0.0%"' in styles
    assert 'ySplit="2"' in worksheet and 'state="frozen"' in worksheet
    assert '<cols>' in worksheet


def test_month_columns_follow_the_months_argument():
    ws = sheet(build(months=[FEB, MAR, JAN]))
    assert ws.row_values(1)[7:] == ['2024年02月', '2024年03月', '2024年01月']
    assert ws.row_values(ws.nrows - 1)[7:] == [125.0, 25.0, 140.0]


def test_untranslated_labels_fall_back_to_chinese():
    ws = sheet(build(labels={'total': 'Total', 'month_format': '%m/%Y'}))
    assert ws.row_values(1) == ['销售团队', '销售员', '目标', '实际', '完成率', '差额', '预测', '01/2024', '02/2024']
    assert ws.cell_value(ws.nrows - 1, 0) == 'Total'


def test_salesperson_without_team_is_kept():
    frame = rows()
    frame.loc[5, 'team'] = None
    ws = sheet(build(frame))
    assert ws.row_values(2)[:4] == ['', '王五', 0.0, 5.0]


def test_no_rows_gives_header_and_zero_totals():
    ws = sheet(build(rows().iloc[:0]))
    assert ws.row_values(1) == HEADER
    assert ws.nrows == 3
    assert ws.row_values(2) == ['合计', '', 0.0, 0.0, '', 0.0, 0.0, 0.0, 0.0]


def test_missing_columns_are_refused():
    with pytest.raises(ValueError, match='projection'):
        build(rows().drop(columns=['projection']))
