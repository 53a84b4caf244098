# -*- coding: utf-8 -*-
"""Offline visit import 离线录入 within bounds (issue 12): hostile uploads (a cell in column
XFD, a million rows, shared-strings and zip bombs, huge cells) are refused in at most 2 s
of CPU with at most 100 MB of memory growth, measured in a forked child so that the
figures are the parser's alone; files the import cannot read right (macros, mixed
encodings, NUL bytes, duplicate headers) are refused with the row or column; error
messages echo at most ~100 characters of a cell.  Pure Python, no database.

The bombs are generated here, small; `make fuzz` (SALES_MIS_FUZZ_EXAMPLES set) builds the
issue's full sizes (a 200 MB shared-strings table, 40 MB sheets)."""
import io
import json
import os
import random
import resource
import signal
import string
import time
import zipfile

import pytest

from odoo.addons.sales_mis.crm_logic import visit_import as vi

MAX_SECONDS = 2.0
MAX_GROWTH_MB = 100
FULL_SIZE = bool(os.environ.get('SALES_MIS_FUZZ_EXAMPLES'))
HEADER_LINE = ','.join(vi.COLUMN_NAMES)

NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
    'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships"><sheets><sheet name="Visits" sheetId="1" r:id="rId1"/></sheets>'
    '</workbook>' % NS)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '</Relationships>')


def text_cell(reference, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (reference, text)


HEADER_ROW = '<row r="1">%s</row>' % ''.join(text_cell('%s1' % chr(65 + i), name)
                                             for i, name in enumerate(vi.COLUMN_NAMES))
GOOD_ROW = '<row r="2">%s</row>' % ''.join(
    text_cell('%s2' % chr(65 + i), value) for i, value in
    enumerate(['', '2030-03-01', '', 'ABC Trading', '', 'visit', 'Visit']))


def workbook(rows, shared=(), dimension=None, extra_parts=(), content_types=CONTENT_TYPES,
             workbook_rels=WORKBOOK_RELS):
    """XLSX bytes written part by part (chunks of XML text), so that a bomb of hundreds of
    megabytes unpacked never sits in the test's memory."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as archive:
        archive.writestr('[Content_Types].xml', content_types)
        archive.writestr('_rels/.rels', PACKAGE_RELS)
        archive.writestr('xl/workbook.xml', WORKBOOK)
        archive.writestr('xl/_rels/workbook.xml.rels', workbook_rels)
        for name, content in extra_parts:
            archive.writestr(name, content)
        with archive.open('xl/sharedStrings.xml', 'w') as part:
            part.write(('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s">' % NS).encode())
            for chunk in shared:
                part.write(chunk.encode())
            part.write(b'</sst>')
        with archive.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as part:
            part.write(('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s">%s<sheetData>%s'
                        % (NS, '<dimension ref="%s"/>' % dimension if dimension else '', HEADER_ROW)).encode())
            for chunk in rows:
                part.write(chunk.encode())
            part.write(b'</sheetData></worksheet>')
    return out.getvalue()


def repeat(chunk, times):
    """`times` copies of `chunk`, yielded in blocks of about 1 MB."""
    block = max(1, (1 << 20) // len(chunk))
    while times > 0:
        yield chunk * min(block, times)
        times -= block


def letters(count, seed=0):
    generator = random.Random(seed)
    return ''.join(generator.choice(string.ascii_letters) for _ in range(count))


# ------------------------------------------------------------ the bombs

def wide():
    """The issue's 18 KB file: 1,000 rows with one cell in column XFD."""
    return workbook('<row r="%d">%s</row>' % (n, text_cell('XFD%d' % n, 'x')) for n in range(2, 1002))


def wide_unnumbered():
    """One row of 16,384 cells without references (their column is counted)."""
    return workbook(['<row r="2">' + '<c t="inlineStr"><is><t>x</t></is></c>' * 16384 + '</row>'])


def wide_behind_a_small_dimension():
    """The sheet claims A1:L3 and then has a cell in column XFD: the claim is not trusted."""
    return workbook([GOOD_ROW, '<row r="3">%s</row>' % text_cell('XFD3', 'x')], dimension='A1:L3')


def tall_numbered():
    return workbook(['<row r="1048576">%s</row>' % text_cell('A1048576', 'x')])


def tall():
    """1,000,000 rows of numbers (ratio ~10, below the zip-ratio limit): refused at the
    20,001st data row, not after parsing them all."""
    rows = 1000000 if FULL_SIZE else 60000
    return workbook('<row><c><v>%d</v></c></row>' % n for n in range(rows))


def shared_strings_bomb():
    """The issue's 201 KB file: 200 MB of shared strings (12 MB in `make test`)."""
    megabytes = 200 if FULL_SIZE else 12
    return workbook([GOOD_ROW], shared=repeat('<si><t>a</t></si>', megabytes * (1 << 20) // 17))


def shared_strings_at_the_limit():
    """Just below the shared-strings limit, unique strings (ratio ~8): read, within bounds."""
    count = vi.MAX_SHARED_STRINGS_BYTES // len('<si><t>0000000</t></si>') - 100
    return workbook([GOOD_ROW], shared=('<si><t>%07d</t></si>' % n for n in range(count)))


def huge_cell():
    """One 30 MB cell (compressed 1,000 times)."""
    return workbook(['<row r="2">%s</row>' % text_cell('A2', 'x' * (30 << 20))])


def long_cell():
    """A cell just over the cell limit, incompressible enough to pass the ratio check."""
    return workbook(['<row r="2">%s</row>' % text_cell('G2', letters(vi.MAX_CELL_CHARS + 1))])


def zip_ratio_bomb():
    megabytes = 400 if FULL_SIZE else 30
    return workbook(repeat(' ', megabytes << 20))


def unpacked_too_big():
    """Numbered rows of moderate ratio adding up to more than the unpacked limit."""
    count = vi.MAX_UNCOMPRESSED_BYTES // len('<row><c><v>1234567</v></c></row>') + 1000
    return workbook('<row><c><v>%d</v></c></row>' % (1000000 + n) for n in range(count))


def styles_bomb():
    """60,000 cell styles of varied formats (ratio ~40): openpyxl would spend 1.4 s and 100 MB
    building them; 300,000 cost 11 s and 500 MB."""
    styles = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="%s"><cellXfs count="60000">%s'
              '</cellXfs></styleSheet>' % (NS, ''.join('<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" '
                                                       'xfId="0"/>' % (n * 7919 % 100003) for n in range(60000))))
    relations = WORKBOOK_RELS.replace('</Relationships>', (
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'styles" Target="styles.xml"/></Relationships>'))
    return workbook([GOOD_ROW], extra_parts=[('xl/styles.xml', styles)], workbook_rels=relations)


def csv_tall():
    return (HEADER_LINE + '\n' + '\n' * (9 << 20)).encode()


def csv_wide():
    return (HEADER_LINE + '\n' + ',' * (9 << 20) + 'x\n').encode()


def csv_wide_through_quotes():
    """Separators spread over many lines joined by quoted cells: one row for csv."""
    return (HEADER_LINE + '\n' + 'x,"\n' + ('",' + ',' * 999 + '"\n') * 5000 + '"\n').encode()


def csv_huge_cell():
    return (HEADER_LINE + '\n' + 'x' * (9 << 20) + '\n').encode()


def csv_too_big():
    return (HEADER_LINE + '\n').encode() + b'x' * (vi.MAX_FILE_BYTES + 1)


BOMBS = [
    (wide, 'column XFD: at most 50 columns'),
    (wide_unnumbered, 'column AY: at most 50 columns'),
    (wide_behind_a_small_dimension, 'column XFD: at most 50 columns'),
    (tall_numbered, 'more than 20,000 rows (row 1,048,576)'),
    (tall, 'more than 20,000 rows (row 20,002)'),
    (shared_strings_bomb, 'sharedStrings.xml unpacks'),
    (huge_cell, 'unpacks'),
    (long_cell, 'Row 2, column G: a cell of more than 100,000 characters'),
    (zip_ratio_bomb, 'sheet1.xml unpacks'),
    (styles_bomb, 'xl/styles.xml unpacks to 3.8 MB: at most 1 MB'),
    (csv_tall, 'more than 20,000 rows (row 20,002)'),
    (csv_wide, 'Row 2 has more than 100,000 separators'),
    (csv_wide_through_quotes, 'Row 2 has more than 100,000 separators'),
    (csv_huge_cell, 'Row 2: a cell of more than 100,000 characters'),
    (csv_too_big, 'too large'),
] + ([(unpacked_too_big, 'unpacks to')] if FULL_SIZE else [])


def measure(data, filename=''):
    """(outcome, CPU seconds, wall seconds, MB of peak memory growth) of read_table(data) in
    a forked child: its peak RSS starts at the parent's current RSS, so the growth is the
    parser's own.  outcome: the ImportFileError message, 'read N rows' or 'CRASH ...'."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, report on the pipe, exit without running any cleanup
        try:
            os.close(read_end)
            signal.alarm(60)
            before = resource.getrusage(resource.RUSAGE_SELF)
            start = time.perf_counter()
            try:
                outcome = 'read %d rows' % len(vi.read_table(data, filename))
            except vi.ImportFileError as error:
                outcome = str(error)
            except BaseException as error:  # noqa: B902 (reported to the parent as a failure)
                outcome = 'CRASH %r' % error
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_SELF)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            growth = (after.ru_maxrss - before.ru_maxrss) / 1024.0
            os.write(write_end, json.dumps([outcome[:300], cpu, wall, growth]).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, 'rb') as pipe:
        report = pipe.read()
    os.waitpid(pid, 0)
    assert report, 'the measuring child died'
    return tuple(json.loads(report.decode()))


@pytest.mark.parametrize('bomb, message', BOMBS, ids=[bomb.__name__ for bomb, _m in BOMBS])
def test_bombs_are_refused_fast_with_little_memory(bomb, message):
    data = bomb()
    outcome, cpu, wall, growth = measure(data)
    print('%-30s %9s bytes  %.2f s CPU  %.2f s wall  +%.1f MB  %s'
          % (bomb.__name__, '{:,}'.format(len(data)), cpu, wall, growth, outcome[:90]))
    assert message in outcome
    assert cpu <= MAX_SECONDS and growth <= MAX_GROWTH_MB


def test_a_file_at_the_shared_strings_limit_is_read_within_bounds():
    data = shared_strings_at_the_limit()
    outcome, cpu, wall, growth = measure(data)
    print('shared strings at the limit %s bytes  %.2f s CPU  %.2f s wall  +%.1f MB  %s'
          % ('{:,}'.format(len(data)), cpu, wall, growth, outcome))
    assert outcome == 'read 1 rows'
    assert cpu <= MAX_SECONDS and growth <= MAX_GROWTH_MB


# ------------------------------------------------------------ refused with the reason and the place

def test_macros_are_refused_by_name_and_by_content():
    plain = workbook([GOOD_ROW])
    assert len(vi.read_table(plain, 'visits.xlsx')) == 1
    with pytest.raises(vi.ImportFileError, match=r'macros \(xlsm\)'):
        vi.read_table(plain, 'Visits.XLSM')
    with pytest.raises(vi.ImportFileError, match='macros'):
        vi.read_table(workbook([GOOD_ROW], extra_parts=[('xl/vbaProject.bin', b'\xd0\xcf\x11\xe0')]), 'v.xlsx')
    macro_types = CONTENT_TYPES.replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml')
    with pytest.raises(vi.ImportFileError, match='macros'):
        vi.read_table(workbook([GOOD_ROW], content_types=macro_types), 'v.xlsx')


def test_a_gbk_file_with_utf8_rows_names_the_rows():
    lines = [HEADER_LINE, ',2030-03-01,,上海华为技术有限公司,,,拜访,,,,,', ',2030-03-02,,上海华为技术有限公司,,,电话,,,,,']
    data = (lines[0] + '\n' + lines[1] + '\n').encode('gb18030') + (lines[2] + '\n').encode('utf-8')
    with pytest.raises(vi.ImportFileError) as raised:
        vi.read_table(data)
    assert str(raised.value).startswith('Row 3 is written in UTF-8 but row 2 in GBK/GB18030')
    # the other way round: a UTF-8 file with one GBK row
    data = (lines[0] + '\n' + lines[1] + '\n').encode('utf-8') + (lines[2] + '\n').encode('gb18030')
    with pytest.raises(vi.ImportFileError, match='Row 2 is written in UTF-8 but row 3 in GBK'):
        vi.read_table(data)
    # quoted cells over two lines: the row, not the line, is named
    data = (lines[0] + '\n,2030-03-01,,ABC,,,"两\n行",,,,,\n').encode('gb18030') + \
        (lines[2] + '\n').encode('utf-8')
    with pytest.raises(vi.ImportFileError, match='Row 3 is written in UTF-8'):
        vi.read_table(data)


def test_gbk_and_utf8_files_alone_still_read():
    text = HEADER_LINE + '\n,2030-03-01,,上海华为技术有限公司,王经理,电话,电话回访客户,,,,,\n'
    for encoding in ('gbk', 'gb18030', 'utf-8', 'utf-8-sig'):
        assert list(vi.read_table(text.encode(encoding))['subject']) == ['电话回访客户']


def test_nul_bytes_are_refused_with_the_row():
    data = (HEADER_LINE + '\n,2030-03-01,,ABC,,,Fine,,,,,\n,2030-03-02,,ABC,,,Cut\x00here,,,,,\n').encode()
    with pytest.raises(vi.ImportFileError, match='Row 3 holds a NUL character'):
        vi.read_table(data)


def test_duplicate_header_columns_are_refused():
    data = (HEADER_LINE + ',Subject \n,2030-03-01,,ABC,,,A,,,,,,B\n').encode()
    with pytest.raises(vi.ImportFileError, match=r'Column "subject" appears twice in the header \(columns 7 and 13\)'):
        vi.read_table(data)


def test_xlsx_duplicate_header_names_the_column_letters():
    global HEADER_ROW
    original = HEADER_ROW
    HEADER_ROW = original.replace('</row>', text_cell('M1', 'Date') + '</row>')
    try:
        data = workbook([GOOD_ROW])
    finally:
        HEADER_ROW = original
    with pytest.raises(vi.ImportFileError, match=r'Column "date" appears twice in the header \(columns B and M\)'):
        vi.read_table(data)


def test_cells_right_of_the_header_are_refused_in_csv():
    data = (HEADER_LINE + '\n,2030-03-01,,ABC,,,A,,,,,,stray\n').encode()
    with pytest.raises(vi.ImportFileError, match='Row 2 has 13 cells but the header only 12'):
        vi.read_table(data)
    assert len(vi.read_table((HEADER_LINE + '\n,2030-03-01,,ABC,,,A,,,,,,\n').encode())) == 1


def test_limits_are_stated_in_the_messages():
    with pytest.raises(vi.ImportFileError, match='at most 20,000 rows'):
        vi.read_table((HEADER_LINE + '\n' + ',2030-03-01,,ABC,,,A,,,,,\n' * 20001).encode())
    assert len(vi.read_table((HEADER_LINE + '\n' + ',2030-03-01,,ABC,,,A,,,,,\n' * 20000).encode())) == 20000


def test_echoed_values_are_capped():
    huge = 'y' * 99999
    frame = vi.read_table((HEADER_LINE + '\n,%s,,%s,,%s,A,%s,,,,\n' % (huge, huge, huge, huge)).encode())
    rows, errors = vi.validate(frame, 'li', {'li'}, {'li': (7, 3)}, {}, {})
    messages = [template % params for _n, template, params in errors]
    assert len(messages) >= 4 and all(len(message) < 300 for message in messages), messages
    with pytest.raises(vi.ImportFileError) as raised:
        vi.read_table(('date,' + 'z' * 5000 + ',' + 'z' * 5000 + '\n').encode())
    assert len(str(raised.value)) < 300
