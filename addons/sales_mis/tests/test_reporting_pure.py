# -*- coding: utf-8 -*-
"""Pure report logic: aging buckets, growth rates, periods, arrears per customer and the
XLSX table layout (read back with xlrd; formats and panes from the XML)."""
import datetime
import io
import zipfile

import pandas as pd
import pytest
import xlrd

from odoo.addons.sales_mis.reporting import aging, arrears_frame, periods, trends, xlsx_table


@pytest.mark.parametrize('days, bucket', [(-10, 'not_due'), (0, 'not_due'), (1, 'days_1_30'), (30, 'days_1_30'),
                                          (31, 'days_31_60'), (60, 'days_31_60'), (61, 'days_61_90'),
                                          (90, 'days_61_90'), (91, 'days_over_90'), (1000, 'days_over_90')])
def test_aging_buckets(days, bucket):
    assert aging.bucket_of(days) == bucket


def test_bucket_sql_has_the_same_limits():
    sql = aging.bucket_sql('d')
    assert sql == ("CASE WHEN d <= 0 THEN 'not_due' WHEN d <= 30 THEN 'days_1_30' WHEN d <= 60 THEN 'days_31_60' "
                   "WHEN d <= 90 THEN 'days_61_90' ELSE 'days_over_90' END")


def test_growth():
    assert trends.growth(120.0, 100.0) == pytest.approx(20.0)
    assert trends.growth(50.0, -100.0) == pytest.approx(150.0)
    assert trends.growth(10.0, 0.0) is False
    assert trends.growth(None, 100.0) == pytest.approx(-100.0)


def test_periods():
    assert periods.period_starts('2026-03-15') == (datetime.date(2026, 3, 15), datetime.date(2026, 3, 1),
                                                   datetime.date(2026, 1, 1))
    assert periods.last_months(datetime.date(2026, 2, 10), 3) == [
        datetime.date(2025, 12, 1), datetime.date(2026, 1, 1), datetime.date(2026, 2, 1)]


def test_arrears_by_customer_nets_refunds_and_buckets():
    rows = [
        {'partner': 'A', 'salesperson': 'Li', 'team': 'East', 'residual': 1000.0, 'days_overdue': -5},
        {'partner': 'A', 'salesperson': 'Li', 'team': 'East', 'residual': -200.0, 'days_overdue': -5},  # refund
        {'partner': 'A', 'salesperson': 'Li', 'team': 'East', 'residual': 70.0, 'days_overdue': 45},
        {'partner': 'B', 'salesperson': 'Wang', 'team': 'South', 'residual': 300.0, 'days_overdue': 120},
        {'partner': 'C', 'salesperson': 'Wang', 'team': 'South', 'residual': 50.0, 'days_overdue': 10},
        {'partner': 'C', 'salesperson': 'Wang', 'team': 'South', 'residual': -50.0, 'days_overdue': 0},  # nets to 0
    ]
    frame = arrears_frame.arrears_by_customer(rows)
    assert frame['partner'].tolist() == ['A', 'B']
    a = frame.iloc[0]
    assert (a['residual'], a['not_due'], a['days_31_60'], a['overdue']) == (870.0, 800.0, 70.0, 70.0)
    assert frame.iloc[1]['days_over_90'] == 300.0


def test_arrears_by_customer_of_nothing():
    frame = arrears_frame.arrears_by_customer([])
    assert frame.empty and 'days_over_90' in frame.columns


COLUMNS = [('name', '产品', 'text'), ('day', '日期', 'date'), ('qty', '数量', 'quantity'),
           ('amount', '金额', 'money'), ('prev', '上月', 'money'), ('mom', '环比', 'percent:growth:amount/prev')]


def frame():
    return pd.DataFrame([
        {'name': '水泵', 'day': datetime.date(2026, 3, 1), 'qty': 2.0, 'amount': 150.0, 'prev': 100.0, 'mom': 0.5},
        {'name': '阀门', 'day': None, 'qty': -1.0, 'amount': -30.0, 'prev': 0.0, 'mom': None},
    ])


def test_table_workbook_layout():
    data = xlsx_table.build_table_workbook(frame(), COLUMNS, '产品销售明细日报表', '日期: 2026-03-01', total_label='合计')
    book = xlrd.open_workbook(file_contents=data)
    sheet = book.sheet_by_index(0)
    assert sheet.cell_value(0, 0) == '产品销售明细日报表'
    assert sheet.cell_value(1, 0) == '日期: 2026-03-01'
    assert sheet.row_values(2) == ['产品', '日期', '数量', '金额', '上月', '环比']
    assert sheet.row_values(3)[0] == '水泵'
    assert xlrd.xldate_as_datetime(sheet.cell_value(3, 1), book.datemode).date() == datetime.date(2026, 3, 1)
    assert sheet.row_values(4)[1:] == ['', -1.0, -30.0, 0.0, '']
    totals = sheet.row_values(5)
    assert totals[0] == '合计' and totals[2:5] == [1.0, 120.0, 100.0]
    assert totals[5] == pytest.approx(0.2)   # growth of the sums, not a mean of the rates
    xml = zipfile.ZipFile(io.BytesIO(data)).read('xl/worksheets/sheet1.xml').decode()
    assert 'ySplit="3"' in xml and '<col ' in xml
    styles = zipfile.ZipFile(io.BytesIO(data)).read('xl/styles.xml').decode()
    assert '#,##0.00' in styles and '0.0%' in styles


def test_table_workbook_rejects_missing_columns():
    with pytest.raises(ValueError):
        xlsx_table.build_table_workbook(frame().drop(columns=['qty']), COLUMNS, 'T')


def test_table_workbook_of_no_rows_has_a_totals_row():
    sheet = xlrd.open_workbook(file_contents=xlsx_table.build_table_workbook(
        frame().iloc[0:0], COLUMNS, 'T')).sheet_by_index(0)
    assert sheet.nrows == 4 and sheet.cell_value(3, 0) == 'Total' and sheet.cell_value(3, 3) == 0.0
