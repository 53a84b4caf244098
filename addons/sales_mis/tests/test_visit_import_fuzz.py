# -*- coding: utf-8 -*-
"""Offline visit import 离线录入, fuzzed (issue 7, bad input): whatever bytes are uploaded,
the parser answers with a table or an ImportFileError (a message for the user), and the
validation puts every row either among the rows to create or among the errors, with its
row number as in the file.  Pure Python, no database: many examples."""
import csv
import io
import zipfile

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
import pandas as pd
from hypothesis import HealthCheck, example, given, settings, strategies as st

from odoo.addons.sales_mis.crm_logic import visit_import as vi

FAST = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

USERS = {'li': (7, 3), 'wang': (8, 3), 'zhao': (9, 4)}
CUSTOMERS = vi.customer_index([(11, '上海华为技术有限公司', 'C001'), (12, 'ABC Trading', None),
                               (13, 'Twin Co', None), (14, 'Twin Co', 'T2')])
CONTACTS = {(11, '王经理'): 21, (11, 'mr. li'): 22}
ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati']

#: cell text: printable unicode with Chinese, quotes, separators, newlines, formulas
cell_text = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=('Cs',)), max_size=40),
    st.sampled_from(['=CMD()', '=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(A1)', '"', '""', 'a,b', 'a;b',
                     'a\nb', '\ufeff', '上海华为技术有限公司', 'C001', 'Twin Co', 'li', 'wang', 'zhao', 'nobody',
                     '2030-03-01', '2030/03/01 10:00', '0000-00-00', '9999-12-31', '2030-02-30', '30.02.2030',
                     '1e400', 'nan', 'inf', '-1', '24', '24.0001', '1,5', '拜访', 'x' * 5000]),
)
COLUMNS = st.lists(st.sampled_from(vi.COLUMN_NAMES + ['extra', 'Date ', 'CUSTOMER', '']), min_size=0, max_size=14)


def classify_read(data):
    """read_table's answer: the frame, or None for a clear ImportFileError; anything else fails."""
    try:
        frame = vi.read_table(data)
    except vi.ImportFileError as error:
        assert str(error) and 'Traceback' not in str(error)
        # the message template is translatable and takes its parameters
        assert error.template % error.params if error.params else error.template
        return None
    assert list(frame.columns) == vi.COLUMN_NAMES
    assert not frame.empty
    assert all(isinstance(v, str) for v in frame.values.ravel())
    return frame


def check_validation(frame, importer='li', allowed=('li',), tz='UTC'):
    rows, errors = vi.validate(frame, importer, set(allowed), USERS, CUSTOMERS, CONTACTS, tz=tz)
    numbers = set(frame.index)
    good = [number for number, _key, _values in rows]
    bad = {number for number, _template, _params in errors}
    # every row is either created or refused, never both, and errors name real rows
    assert set(good) | bad == numbers
    assert not set(good) & bad
    assert len(good) == len(set(good))
    for _number, template, params in errors:
        assert template % params if params else template
    keys = [key for _number, key, _values in rows]
    assert len(keys) == len(set(keys)), 'two created rows with the same offline key'
    for _number, key, values in rows:
        assert values['offline_key'] == key and len(key) <= 64 + 64 + 1
        assert values['user_id'] in {u[0] for u in USERS.values()}
        assert values['partner_id'] in {11, 12, 13, 14}
        assert 0 <= values['duration'] <= 24
        assert values['visit_type'] in ('visit', 'call', 'demo', 'other')
        assert values['name'] and len(values['name']) <= 200
        for name, limit in vi.MAX_LENGTH.items():
            field = {'subject': 'name', 'customer': None, 'salesperson': None, 'contacts': None,
                     'offline_key': None}.get(name, name)
            if field and values.get(field):
                assert len(values[field]) <= limit
        if values['next_step']:
            assert values['next_step_date']
    return rows, errors


@FAST
@given(st.binary(max_size=400))
@example(b'')
@example(b'\xef\xbb\xbf')
@example(b'PK\x03\x04')
@example(b'PK\x03\x04garbage')
@example(b'\x00\x00\x00')
@example(b'date,customer,subject\n')
@example(b'date,customer,subject\n\n\n')
@example(b'"date,customer,subject\n')
def test_random_bytes_are_a_table_or_a_clear_error(data):
    frame = classify_read(data)
    if frame is not None:
        check_validation(frame)


@FAST
@given(st.text(max_size=300), st.sampled_from(['utf-8', 'utf-8-sig', 'gb18030', 'utf-16', 'latin-1']))
def test_random_text_in_any_encoding(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, errors='replace')
    frame = classify_read(data)
    if frame is not None:
        check_validation(frame)


def write_csv(header, rows, delimiter=',', bom=False, encoding='utf-8', quoting=csv.QUOTE_MINIMAL,
              newline='\r\n'):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    return (('\ufeff' if bom else '') + out.getvalue()).encode(encoding, errors='replace')


@FAST
@given(COLUMNS, st.lists(st.lists(cell_text, max_size=15), max_size=6), st.sampled_from([',', ';', '\t']),
       st.booleans(), st.sampled_from(['utf-8', 'gb18030']), st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
       st.sampled_from(ZONES), st.sampled_from(['li', 'wang']))
def test_csv_with_odd_columns_and_cells(header, rows, delimiter, bom, encoding, quoting, tz, importer):
    frame = classify_read(write_csv(header, rows, delimiter, bom, encoding, quoting))
    if frame is not None:
        check_validation(frame, importer=importer, allowed=USERS if importer == 'wang' else ('li',), tz=tz)


# ------------------------------------------------------------ valid rows survive any writing of the file

valid_row = st.fixed_dictionaries({
    'offline_key': st.one_of(st.just(''), st.text(alphabet='abcXYZ0123-_/', min_size=1, max_size=64)),
    'date': st.one_of(
        st.dates(min_value=pd.Timestamp('1900-01-01').date(), max_value=pd.Timestamp('2999-12-31').date())
        .map(lambda d: d.strftime('%Y-%m-%d')),
        st.datetimes(min_value=pd.Timestamp('1970-01-02').to_pydatetime(),
                     max_value=pd.Timestamp('2100-01-01').to_pydatetime())
        .map(lambda d: d.strftime('%Y/%m/%d %H:%M'))),
    'salesperson': st.sampled_from(['', 'li']),
    'customer': st.sampled_from(['上海华为技术有限公司', 'c001', 'ABC Trading', 'T2']),
    'contacts': st.just(''),
    'type': st.sampled_from(['', 'visit', 'CALL', '演示', '其他']),
    'subject': st.text(alphabet=st.characters(blacklist_categories=('Cs', 'Cc', 'Zs', 'Zl', 'Zp')),
                       min_size=1, max_size=200),
    'duration': st.one_of(st.just(''), st.floats(0, 24).map(lambda f: '%.2f' % f)),
    'purpose': st.text(alphabet='abc 中文,;"\'=+-@', max_size=50).map(str.strip),
    'result': st.sampled_from(['', '=CMD()', '+SUM(A1)', '成功']),
    'next_step': st.just(''),
    'next_step_date': st.just(''),
})


@SLOW
@given(st.lists(valid_row, min_size=1, max_size=5, unique_by=lambda r: (r['offline_key'] or id(r))),
       st.sampled_from([',', ';', '\t']), st.booleans(), st.sampled_from(['utf-8', 'gb18030']),
       st.sampled_from(['csv', 'xlsx']), st.permutations(vi.COLUMN_NAMES))
def test_valid_rows_are_all_imported_whatever_the_file_format(rows, delimiter, bom, encoding, kind, order):
    """Valid rows, in any column order, CSV (any delimiter, BOM, GBK) or XLSX: all imported,
    texts kept verbatim (formulas too: stored as text, never evaluated)."""
    keyed = [r for r in rows if r['offline_key']]
    if len({r['offline_key'] for r in keyed}) != len(keyed):
        return
    if kind == 'csv':
        data = write_csv(order, [[row[name] for name in order] for row in rows], delimiter, bom, encoding)
        if encoding == 'gb18030':  # the subject may hold characters GB18030 lacks: 'replace' changed them
            rows = [dict(row, subject=row['subject'].encode('gb18030', 'replace').decode('gb18030'),
                         purpose=row['purpose'].encode('gb18030', 'replace').decode('gb18030')) for row in rows]
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(list(order))
        for row in rows:
            sheet.append([ILLEGAL_CHARACTERS_RE.sub('', row[name]) for name in order])
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                cell.data_type = 's'  # text cells, as the template's (a formula stays text)
        out = io.BytesIO()
        book.save(out)
        data = out.getvalue()
    frame = classify_read(data)
    assert frame is not None
    created, errors = check_validation(frame)
    # identical rows without a key are one visit (the second is reported, not created twice)
    duplicates = len(rows) - len({vi.row_key(dict(r, subject=r['subject'].strip(), purpose=r['purpose'].strip()),
                                             'li') for r in rows})
    assert len(created) == len(rows) - duplicates, errors
    by_number = {number: values for number, _k, values in created}
    for position, row in enumerate(rows):
        values = by_number.get(position + 2)
        if values is None:
            continue
        assert values['name'] == row['subject'].strip()
        assert (values['result'] or '') == row['result']
        assert (values['purpose'] or '') == row['purpose']


# ------------------------------------------------------------ broken workbooks

def a_workbook(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(vi.COLUMN_NAMES)
    for row in rows:  # control characters cannot be written in a workbook at all
        sheet.append([ILLEGAL_CHARACTERS_RE.sub('', c) if isinstance(c, str) else c for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD_BOOK = a_workbook([['', '2030-03-01', '', 'ABC Trading', '', '', 'Visit', '1', '', '', '', '']])


@SLOW
@given(st.integers(0, len(GOOD_BOOK)), st.binary(max_size=20))
def test_truncated_or_corrupted_xlsx(cut, tail):
    classify_read(GOOD_BOOK[:cut] + tail)


@SLOW
@given(st.lists(st.lists(st.one_of(cell_text, st.integers(-10 ** 12, 10 ** 12), st.floats(allow_nan=True),
                                   st.datetimes(), st.none(), st.booleans()), max_size=14), max_size=5))
def test_xlsx_with_any_cell_types(rows):
    """Numbers, booleans, real Excel dates, empty cells where text is expected."""
    frame = classify_read(a_workbook(rows))
    if frame is not None:
        check_validation(frame)


def test_a_zip_that_is_no_workbook_is_a_clear_error():
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w') as archive:
        archive.writestr('hello.txt', 'hello')
    assert classify_read(out.getvalue()) is None


def test_huge_cells_are_refused_by_row_not_crashing():
    data = write_csv(vi.COLUMN_NAMES, [['', '2030-03-01', '', 'ABC Trading', '', '', 'x' * 100000, '', '', '', '', '']])
    rows, errors = check_validation(classify_read(data))
    assert rows == [] and errors[0][0] == 2 and 'too long' in errors[0][1]


def test_duplicated_columns_are_a_clear_error_or_a_table():
    data = write_csv(vi.COLUMN_NAMES + ['subject'], [['', '2030-03-01', '', 'ABC Trading', '', '', 'A', '', '', '',
                                                      '', '', 'B']])
    frame = classify_read(data)
    if frame is not None:
        check_validation(frame)
