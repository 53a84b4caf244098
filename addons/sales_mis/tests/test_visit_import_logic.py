# -*- coding: utf-8 -*-
"""Offline visit import 离线录入: reading and validating files, without a database."""
import io

import openpyxl
import pandas as pd
import pytest

from odoo.addons.sales_mis.crm_logic import visit_import as vi

HEADER = 'offline_key,date,salesperson,customer,contacts,type,subject,duration,purpose,result,next_step,next_step_date'
USERS = {'li': (7, 3), 'wang': (8, 3), 'zhao': (9, 4)}
CUSTOMERS = vi.customer_index([(11, '上海华为技术有限公司', 'C001'), (12, 'ABC Trading', None),
                               (13, 'Twin Co', None), (14, 'Twin Co', 'T2')])
CONTACTS = {(11, '王经理'): 21, (11, 'mr. li'): 22}


def table(*lines, encoding='utf-8'):
    return vi.read_table('\n'.join((HEADER,) + lines).encode(encoding))


def check(frame, allowed=('li',), importer='li'):
    return vi.validate(frame, importer, set(allowed), USERS, CUSTOMERS, CONTACTS, tz='Asia/Shanghai')


def messages(errors):
    return [(number, template % params) for number, template, params in errors]


def test_a_good_row_becomes_visit_values():
    rows, errors = check(table(',2030-03-01,,上海华为技术有限公司,王经理;Mr. Li,拜访,季度回顾,1.5,,,发报价,2030-03-05',
                               ',2030-03-02 14:30,li,c001,,call,Phone follow-up,,,,,'))
    assert errors == []
    (number, key, values), (number2, _key2, values2) = rows
    assert number == 2 and number2 == 3
    assert key.startswith('h:')
    assert values['partner_id'] == 11 and values['user_id'] == 7 and values['team_id'] == 3
    assert values['contact_ids'] == [(6, 0, [21, 22])]
    assert values['visit_type'] == 'visit' and values['duration'] == 1.5
    assert values['date_start'] == '2030-03-01 01:00:00', '09:00 in Shanghai is 01:00 UTC'
    assert values['next_step_date'] == '2030-03-05'
    assert values2['date_start'] == '2030-03-02 06:30:00' and values2['visit_type'] == 'call'
    assert values2['partner_id'] == 11, 'matched by reference, case-insensitive'


def test_every_bad_cell_is_reported_with_its_row_number():
    frame = table(',2030-03-01,,ABC Trading,,visit,OK row,,,,,',
                  ',2030-13-45,,Nobody Ltd,,meeting,,x,,,Call,',
                  ',2030-03-01,zhao,ABC Trading,Ghost,other,Log,,,,,',
                  ',2030-03-01,nobody,Twin Co,,,Log,,,,,',
                  ',,,,,,' + 'x' * 201 + ',,,,,')
    rows, errors = check(frame)
    assert [number for number, _key, _values in rows] == [2]
    found = messages(errors)
    expected = [
        (3, '"subject" is required.'),
        (3, 'Bad date "2030-13-45": write YYYY-MM-DD or YYYY-MM-DD HH:MM.'),
        (3, 'Unknown type "meeting": use visit, call, demo or other.'),
        (3, 'Bad duration "x": hours between 0 and 24.'),
        (3, 'The next step needs a next_step_date.'),
        (3, 'Unknown customer "Nobody Ltd" (give its exact name or reference).'),
        (4, 'You may not import visits of "zhao": only your own or those of the teams you lead.'),
        (4, 'Unknown contact "Ghost" of customer "ABC Trading".'),
        (5, 'Unknown salesperson login "nobody".'),
        (5, 'Several customers are called "Twin Co": give its reference instead.'),
        (6, '"date" is required.'),
        (6, '"customer" is required.'),
        (6, '"subject" is too long: 201 characters, at most 200.'),
    ]
    for item in expected:
        assert item in found
    assert len(found) == len(expected)


def test_a_manager_may_import_for_the_team():
    rows, errors = check(table(',2030-03-01,zhao,ABC Trading,,visit,Visit,,,,,'), allowed={'wang', 'zhao'},
                         importer='wang')
    assert not errors and rows[0][2]['user_id'] == 9 and rows[0][2]['team_id'] == 4


def test_keys_are_stable_and_repeats_in_one_file_are_refused():
    line = ',2030-03-01,,ABC Trading,,visit,Visit,,,,,'
    first, _ = check(table(line))
    again, _ = check(table(line))
    assert first[0][1] == again[0][1]
    other_person, _ = check(table(line.replace(',,ABC', ',wang,ABC')), allowed={'li', 'wang'})
    assert other_person[0][1] != first[0][1], 'the salesperson is part of the key'
    own_key, _ = check(table('K-1' + line))
    assert own_key[0][1] == 'li/K-1'
    rows, errors = check(table('K-1' + line, 'K-1,2030-03-02,,ABC Trading,,visit,Other,,,,,', line, line))
    assert messages(errors) == [(3, 'Same offline key or same content as row 2.'),
                                (5, 'Same offline key or same content as row 4.')]


@pytest.mark.parametrize('encoding', ['utf-8', 'utf-8-sig', 'gbk', 'gb18030'])
def test_chinese_text_in_every_usual_encoding(encoding):
    frame = table(',2030-03-01,,上海华为技术有限公司,王经理,电话,电话回访客户,,,,,', encoding=encoding)
    assert list(frame['customer']) == ['上海华为技术有限公司']
    assert list(frame['subject']) == ['电话回访客户']


def test_semicolon_separated_csv_and_blank_lines_keep_row_numbers():
    text = HEADER.replace(',', ';') + '\n;2030-03-01;;ABC Trading;;visit;A;;;;;\n\n;bad;;ABC Trading;;visit;B;;;;;\n'
    rows, errors = check(vi.read_table(text.encode()))
    assert [number for number, _k, _v in rows] == [2]
    assert [number for number, _t, _p in errors] == [4]


@pytest.mark.parametrize('data, message', [
    (b'', 'empty'),
    (b'   \n', 'empty'),
    ((HEADER + '\n').encode(), 'no rows'),
    (b'date,subject\n2030-03-01,x\n', 'Missing columns: customer'),
    (b'\xff\xfe\x00\x00\x81\x30\xff\xff', 'neither UTF-8 nor GBK'),
    (b'PK\x03\x04garbage', 'XLSX'),
])
def test_unreadable_files_are_refused_with_a_reason(data, message):
    with pytest.raises(vi.ImportFileError, match=message):
        vi.read_table(data)


def test_xlsx_template_round_trip():
    example = [{'date': '2030-03-01', 'customer': 'ABC Trading', 'type': 'call', 'subject': '电话'}]
    data = vi.template_xlsx({'date': '日期说明'}, example=example, labels={'sheet_help': '说明'})
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ['Visits', '说明']
    assert [cell.value for cell in book['Visits'][1]] == vi.COLUMN_NAMES
    help_rows = pd.read_excel(io.BytesIO(data), sheet_name='说明')
    assert list(help_rows.iloc[:, 0]) == vi.COLUMN_NAMES
    assert help_rows.iloc[1, 3] == '日期说明'
    rows, errors = check(vi.read_table(data))
    assert not errors and rows[0][2]['visit_type'] == 'call' and rows[0][0] == 2


def test_xlsx_with_real_dates_and_numbers():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(vi.COLUMN_NAMES)
    import datetime
    sheet.append(['', datetime.datetime(2030, 3, 1), '', 'ABC Trading', '', 'demo', 'Demo', 2, '', '', 'Offer',
                  datetime.datetime(2030, 3, 8)])
    sheet.append(['', datetime.datetime(2030, 3, 2, 15, 0), '', 'ABC Trading', '', 'demo', 'Demo 2'])
    out = io.BytesIO()
    book.save(out)
    rows, errors = check(vi.read_table(out.getvalue()))
    assert not errors
    assert rows[0][2]['date_start'] == '2030-03-01 01:00:00' and rows[0][2]['duration'] == 2.0
    assert rows[0][2]['next_step_date'] == '2030-03-08'
    assert rows[1][2]['date_start'] == '2030-03-02 07:00:00'


def test_csv_template_is_a_header_with_bom():
    data = vi.template_csv()
    assert data.startswith(b'\xef\xbb\xbf')
    assert data.decode('utf-8-sig').strip() == HEADER
