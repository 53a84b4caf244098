# -*- coding: utf-8 -*-
"""Reading an uploaded CSV or XLSX table within bounds (file size, unpacked size, zip ratio,
rows, columns, characters), checked before or while streaming, so that a small hostile file (a
cell in column XFD, a million empty rows, a shared-strings or zip bomb, macros) is refused in a
fraction of a second with a message that names the row or column.

CSV: UTF-8 with or without BOM, or the GBK/GB18030 of Chinese Excel exports; mixed encodings,
NUL bytes and duplicate header columns are refused. XLSX is streamed from its XML with
openpyxl's cell parser, not loaded as a workbook (openpyxl's loader sizes a sheet by scanning it
to the end). Pure: no Odoo import; messages are English templates marked with `_` for Odoo's
translation extraction and translated by the caller.

    read_rows(data, filename) -> ([(row number, [cells])], column label function)
"""
import csv
import io
import re
import zipfile
from xml.etree import ElementTree

from openpyxl.packaging.relationship import get_rels_path
from openpyxl.reader.excel import ExcelReader, _find_workbook_part
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils import get_column_letter as column_letter
from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
from openpyxl.worksheet._reader import WorkSheetParser, _cast_number
from openpyxl.xml.constants import ARC_CONTENT_TYPES, ARC_STYLE, SHARED_STRINGS, SHEET_MAIN_NS


def _(text):
    """Marks a message template for translation extraction; the caller translates."""
    return text


XLSX_MAGIC = b'PK\x03\x04'

# ---------------------------------------------------------------- limits
# An upload is read within these bounds, checked before or while streaming it, so that a
# small hostile file (a cell in column XFD, a million empty rows, a shared-strings or zip
# bomb) is refused in a second instead of costing minutes and gigabytes.

#: bytes of the uploaded file
MAX_FILE_BYTES = 10 * 1024 * 1024
#: bytes of an XLSX once unpacked (all its parts), and of its shared-strings part alone
MAX_UNCOMPRESSED_BYTES = 40 * 1024 * 1024
MAX_SHARED_STRINGS_BYTES = 6 * 1024 * 1024
#: bytes of each part openpyxl parses into objects (content types, workbook, its relations,
#: styles: 60,000 styles cost 1.4 s and 100 MB); Excel writes them in kilobytes
MAX_PART_BYTES = 1024 * 1024
#: compression ratio of an XLSX part bigger than ZIP_RATIO_FROM bytes (text XML: 5 to 30)
MAX_ZIP_RATIO = 100
ZIP_RATIO_FROM = 1024 * 1024
MAX_ZIP_MEMBERS = 1000
#: rows to import (the header not counted), columns, characters of a cell, of the whole file
MAX_ROWS = 20000
MAX_COLUMNS = 50
MAX_CELL_CHARS = 100000
MAX_TEXT_CHARS = 10 * 1000 * 1000
#: separators (, ; or tab) in one CSV row, quoted ones included: bounds the cells csv builds
MAX_ROW_SEPARATORS = MAX_CELL_CHARS
#: characters of a cell value echoed back in an error message
ECHO_CHARS = 100
#: workbooks that carry macros, refused by name and by content
MACRO_EXTENSIONS = ('.xlsm', '.xltm', '.xlam', '.xlsb')
MACRO_CONTENT = (b'vbaProject', b'macroEnabled')


def echo(value):
    """A cell value as shown in a message: at most ECHO_CHARS characters."""
    text = str(value)
    return text if len(text) <= ECHO_CHARS else text[:ECHO_CHARS] + '…'


def amount(number):
    """20000 -> '20,000' for the messages that state a limit."""
    return '{:,}'.format(number)


class ImportFileError(Exception):
    """The file as a whole cannot be read (empty, bad encoding, missing columns, too big)."""

    def __init__(self, template, *params):
        params = tuple(echo(param) if isinstance(param, str) else param for param in params)
        super(ImportFileError, self).__init__(template % params if params else template)
        self.template = template
        self.params = params


class TextBudget(object):
    """Counts the characters read and refuses the file past MAX_TEXT_CHARS: the memory a
    file may take is bounded whatever its compression or layout."""

    def __init__(self, limit=MAX_TEXT_CHARS):
        self.left = limit
        self.limit = limit

    def cell(self, text, row, column):
        if len(text) > MAX_CELL_CHARS:
            raise ImportFileError(_('Row %s, column %s: a cell of more than %s characters.'),
                                  row, column, amount(MAX_CELL_CHARS))
        self.left -= len(text)
        if self.left < 0:
            raise ImportFileError(_('The file holds more than %s characters of text: split it into '
                                    'smaller files.'), amount(self.limit))
        return text


def check_file_size(size):
    if size > MAX_FILE_BYTES:
        raise ImportFileError(_('The file is too large: %s MB, at most %s MB. Split it into smaller files.'),
                              '%.1f' % (size / 1048576.0), MAX_FILE_BYTES // 1048576)


def get_column_letter(column):
    """'A' for 1, 'XFD' for 16384 (and for any column beyond, which Excel does not have)."""
    return column_letter(min(max(int(column), 1), 16384))


def check_row_number(number):
    if number > MAX_ROWS + 1:
        raise ImportFileError(_('The file has more than %s rows (row %s): at most %s rows per file. '
                                'Split it, or delete the empty rows below your data.'),
                              amount(MAX_ROWS), amount(number), amount(MAX_ROWS))


def check_column_number(row, column, label):
    if column > MAX_COLUMNS:
        raise ImportFileError(_('Row %s has a cell in column %s: at most %s columns. Delete the columns '
                                'right of your data.'), row, label, MAX_COLUMNS)


def check_header(names, label=str):
    """The header's column names (stripped, lower case): a name twice is refused (which
    column would count?)."""
    seen = {}
    for position, name in enumerate(names, 1):
        if not name:
            continue
        if name in seen:
            raise ImportFileError(_('Column "%s" appears twice in the header (columns %s and %s): keep one.'),
                                  name, label(seen[name]), label(position))
        seen[name] = position


# ---------------------------------------------------------------- reading CSV

def _is_utf8_chinese(line):
    """A line that is UTF-8 text with characters beyond Latin (Chinese...): in a file that
    is not UTF-8 as a whole, such a line was pasted from a UTF-8 source.  GBK bytes that
    happen to be valid UTF-8 give two-byte characters (U+0080-U+07FF), not these."""
    try:
        text = line.decode('utf-8')
    except UnicodeDecodeError:
        return False
    wide = [char for char in text if ord(char) > 0x7f]
    return bool(wide) and all(ord(char) >= 0x800 for char in wide)


NEWLINE = re.compile(r'\r\n|\r|\n')
NEWLINE_BYTES = re.compile(rb'\r\n|\r|\n')


def physical_lines(text):
    """The lines of `text` (str or bytes) with their line ends, as csv expects them
    (newline=''), without copying the text into a StringIO (4 bytes a character)."""
    pattern = NEWLINE_BYTES if isinstance(text, bytes) else NEWLINE
    start = 0
    for match in pattern.finditer(text):
        yield text[start:match.end()]
        start = match.end()
    if start < len(text):
        yield text[start:]


class CsvLines(object):
    """The lines fed to csv.reader, refusing a row (which may span lines through quoted
    cells) with more than MAX_ROW_SEPARATORS separators before csv builds its cells."""

    def __init__(self, text, delimiter):
        self.lines = physical_lines(text)
        self.delimiter = delimiter
        self.separators = 0
        self.row = 1

    def __iter__(self):
        return self

    def __next__(self):
        line = next(self.lines)
        self.separators += line.count(self.delimiter)
        if self.separators > MAX_ROW_SEPARATORS:
            raise ImportFileError(_('Row %s has more than %s separators: at most %s columns.'),
                                  self.row, amount(MAX_ROW_SEPARATORS), MAX_COLUMNS)
        return line

    def next_row(self):
        self.separators = 0
        self.row += 1


def _row_of_line(text, line_number):
    """The CSV row (record) holding physical line `line_number`: quoted cells may span lines."""
    reader = csv.reader(physical_lines(text))
    try:
        for row_number, _row in enumerate(reader, 1):
            if reader.line_num >= line_number:
                return row_number
    except csv.Error:
        pass
    return line_number


def _is_utf8(line):
    try:
        line.decode('utf-8')
        return True
    except UnicodeDecodeError:
        return False


def decode_text(data):
    """The text of CSV bytes: UTF-8 (BOM or not), else GB18030 (a superset of GBK); a file
    mixing both (rows pasted from another file) is refused with the row."""
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        pass
    utf8 = next((number for number, line in enumerate(physical_lines(data), 1) if _is_utf8_chinese(line)), None)
    if utf8 is not None:
        other = next((number for number, line in enumerate(physical_lines(data), 1) if not _is_utf8(line)), 1)
        text = data.decode('gb18030', errors='replace')  # only to count rows over quoted line breaks
        raise ImportFileError(_('Row %s is written in UTF-8 but row %s in GBK/GB18030: save the whole file '
                                'in one encoding, as CSV UTF-8 or XLSX.'),
                              _row_of_line(text, utf8), _row_of_line(text, other))
    try:
        return data.decode('gb18030')
    except UnicodeDecodeError:
        raise ImportFileError(_('The file is neither UTF-8 nor GBK/GB18030 text: save it as CSV UTF-8 or XLSX.'))


def read_csv_rows(data):
    """[(row number, [cell texts])] of CSV bytes, header first (row 1)."""
    text = decode_text(data)
    first_line = next(physical_lines(text[:65536]), '')
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=',;\t').delimiter
    except csv.Error:
        delimiter = ','
    budget = TextBudget()
    lines = CsvLines(text, delimiter)
    reader = csv.reader(lines, delimiter=delimiter)
    rows, number = [], 0
    try:
        for number, cells in enumerate(reader, 1):
            check_row_number(number)
            if len(cells) > MAX_COLUMNS and any(cells[MAX_COLUMNS:]):
                check_column_number(number, len(cells), str(len(cells)))
            cells = cells[:MAX_COLUMNS]
            for position, cell in enumerate(cells, 1):
                budget.cell(cell, number, position)
                if '\x00' in cell:
                    raise ImportFileError(_('Row %s holds a NUL character (column %s): the file is damaged '
                                            'or not text; save it again as CSV UTF-8 or XLSX.'), number, position)
            rows.append((number, cells))
            lines.next_row()
    except csv.Error as error:  # a cell beyond the csv module's own field limit, a bad quote
        if 'field larger than field limit' in str(error):
            raise ImportFileError(_('Row %s: a cell of more than %s characters.'), number + 1,
                                  amount(MAX_CELL_CHARS))
        raise ImportFileError(_('The file is not a valid CSV table (row %s): %s'), number + 1, str(error))
    return rows


# ---------------------------------------------------------------- reading XLSX

def check_xlsx_archive(data, filename=''):
    """Refuses an XLSX by its zip directory, before anything is unpacked: macros, too many
    parts, parts too big once unpacked, compression ratios of a zip bomb."""
    if filename.lower().endswith(MACRO_EXTENSIONS):
        raise ImportFileError(_('Workbooks with macros (%s) are refused: save the file as an Excel '
                                'Workbook (.xlsx).'), filename.rsplit('.', 1)[-1].lower())
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise ImportFileError(_('The file cannot be read as an XLSX workbook: %s'), str(error))
    if len(members) > MAX_ZIP_MEMBERS:
        raise ImportFileError(_('The XLSX file has %s parts: at most %s.'), amount(len(members)),
                              amount(MAX_ZIP_MEMBERS))
    total = 0
    for member in members:
        name = member.filename
        if 'vbaproject' in name.lower():  # xl/vbaProject.bin: the macros themselves
            raise ImportFileError(_('Workbooks with macros (%s) are refused: save the file as an Excel '
                                    'Workbook (.xlsx).'), name)
        total += member.file_size
        if member.file_size > ZIP_RATIO_FROM and member.file_size > MAX_ZIP_RATIO * max(member.compress_size, 1):
            raise ImportFileError(_('The XLSX part %s unpacks %s times bigger than it is stored: at most %s '
                                    'times. Save the file again from Excel.'),
                                  name, amount(member.file_size // max(member.compress_size, 1)), MAX_ZIP_RATIO)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ImportFileError(_('The XLSX file unpacks to %s MB: at most %s MB. Split it into smaller files.'),
                              '%.1f' % (total / 1048576.0), MAX_UNCOMPRESSED_BYTES // 1048576)
    if ARC_CONTENT_TYPES in archive.namelist():
        _check_part_size(archive, ARC_CONTENT_TYPES)
        types = archive.read(ARC_CONTENT_TYPES)
        if any(marker in types for marker in MACRO_CONTENT):
            raise ImportFileError(_('Workbooks with macros (%s) are refused: save the file as an Excel '
                                    'Workbook (.xlsx).'), 'macroEnabled')


def _cell_text(cell):
    """A cell value as the text pandas' read_excel(dtype=str) gave: integral numbers without
    '.0', dates as 'YYYY-MM-DD HH:MM:SS', errors (#N/A) and empty cells as ''."""
    value = cell['value']
    if value is None or cell['data_type'] == 'e':
        return ''
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


VALUE_TAG, INLINE_TAG, TEXT_TAG = ('{%s}%s' % (SHEET_MAIN_NS, tag) for tag in ('v', 'is', 't'))


def _xlsx_cell_text(element, parser, row, column):
    """The text of a <c> element: the usual kinds read here directly (openpyxl's
    parse_cell takes 10-30 us a cell), dates and the rare kinds by openpyxl."""
    kind = element.get('t', 'n')
    if kind == 's':
        index = element.findtext(VALUE_TAG)
        return parser.shared_strings[int(index)] if index else ''
    if kind == 'str':
        return element.findtext(VALUE_TAG) or ''
    if kind == 'inlineStr' and len(element) == 1 and element[0].tag == INLINE_TAG and len(element[0]) == 1 \
            and element[0][0].tag == TEXT_TAG:
        return element[0][0].text or ''
    if kind == 'n' and int(element.get('s') or 0) not in parser.date_formats:
        value = element.findtext(VALUE_TAG)
        return _cell_text({'value': _cast_number(value), 'data_type': 'n'}) if value else ''
    parser.row_counter, parser.col_counter = row, column - 1
    return _cell_text(parser.parse_cell(element))


def read_xlsx_rows(data):
    """[(row number, [cell texts])] of the first sheet, header first, streamed: the rows,
    columns and text read are counted and the file refused at the first limit passed."""
    row_tag, cell_tag, data_tag, dimension_tag = (
        '{%s}%s' % (SHEET_MAIN_NS, tag) for tag in ('row', 'c', 'sheetData', 'dimension'))
    # openpyxl's load_workbook(read_only=True) would scan a sheet without <dimension> to
    # its end to size it: only the parts needed here are read (strings, styles, sheet list)
    try:
        reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        _check_part_size(reader.archive, ARC_CONTENT_TYPES)
        reader.read_manifest()
        reader.shared_strings = read_shared_strings(reader)
        workbook_part = _find_workbook_part(reader.package).PartName[1:]
        for path in (workbook_part, get_rels_path(workbook_part), ARC_STYLE):
            _check_part_size(reader.archive, path)
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        _sheet, relation = next(reader.parser.find_sheets())
    except StopIteration:
        raise ImportFileError(_('The workbook has no sheet.'))
    except ImportFileError:
        raise
    except Exception as error:  # a zip that is no workbook, a broken workbook...
        raise ImportFileError(_('The file cannot be read as an XLSX workbook: %s'), str(error))
    if 'chartsheet' in relation.Type or relation.target not in reader.valid_files:
        raise ImportFileError(_('The first sheet of the workbook is not a table of rows.'))
    book = reader.wb
    parser = WorkSheetParser(None, reader.shared_strings, data_only=True, epoch=book.epoch,
                             date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
    budget = TextBudget()
    rows, number, column, cells, stack, in_cell = [], 0, 0, {}, [], False
    try:
        with reader.archive.open(relation.target) as source:
            for event, element in ElementTree.iterparse(source, events=('start', 'end')):
                tag = element.tag
                if event == 'start':
                    stack.append(element)
                    if tag == cell_tag:  # its place is known before its content is read
                        reference = element.get('r')
                        column = coordinate_to_tuple(reference)[1] if reference else column + 1
                        check_column_number(number, column, get_column_letter(column))
                        in_cell = True
                    elif tag == row_tag:
                        number = int(element.get('r') or number + 1)
                        check_row_number(number)
                        column, cells = 0, {}
                    elif tag == dimension_tag:  # the sheet's own size: refuses early, not trusted below
                        _check_dimension(element.get('ref'))
                    continue
                stack.pop()
                if tag == cell_tag:
                    in_cell = False
                    if number == 0:
                        raise ImportFileError(_('The first sheet of the workbook is not a table of rows.'))
                    text = _xlsx_cell_text(element, parser, number, column)
                    if text:
                        cells[column] = budget.cell(text, number, get_column_letter(column))
                elif tag == row_tag:
                    if cells:
                        rows.append((number, [cells.get(position, '') for position in range(1, max(cells) + 1)]))
                elif tag == data_tag:
                    break
                elif in_cell:
                    continue  # the value of the cell being read
                if stack:  # read: dropped from the tree, so that memory stays flat
                    stack[-1].remove(element)
    except ImportFileError:
        raise
    except Exception as error:  # broken XML, a shared string index out of range...
        raise ImportFileError(_('The file cannot be read as an XLSX workbook: %s'), str(error))
    finally:
        reader.archive.close()
    return rows


def read_shared_strings(reader):
    """The workbook's shared strings: openpyxl's reader takes ~15 us a string, this one a
    fraction of it, and the part's size and text are checked first."""
    part = reader.package.find(SHARED_STRINGS)
    if part is None:
        return []
    path = part.PartName[1:]
    size = reader.archive.getinfo(path).file_size
    if size > MAX_SHARED_STRINGS_BYTES:
        raise ImportFileError(_('The XLSX shared strings unpack to %s MB: at most %s MB.'),
                              '%.1f' % (size / 1048576.0), MAX_SHARED_STRINGS_BYTES // 1048576)
    string_tag, text_tag, run_tag = ('{%s}%s' % (SHEET_MAIN_NS, tag) for tag in ('si', 't', 'r'))
    budget = TextBudget()
    strings = []
    root = None
    with reader.archive.open(path) as source:
        for event, element in ElementTree.iterparse(source, events=('start', 'end')):
            if event == 'start':
                root = element if root is None else root
                continue
            if element.tag != string_tag:
                continue
            if len(element) == 1 and element[0].tag == text_tag:
                text = element[0].text or ''
            else:  # rich-text runs; phonetic guides (rPh) are not cell text
                plain = element.find(text_tag)
                text = ''.join([plain.text or '' if plain is not None else ''] +
                               [run.findtext(text_tag) or '' for run in element.findall(run_tag)])
            budget.cell(text, len(strings) + 1, 'sharedStrings')
            strings.append(text.replace('x005F_', '') if 'x005F_' in text else text)
            root.remove(element)  # memory: only the strings stay
    return strings


def _check_part_size(archive, path):
    try:
        size = archive.getinfo(path).file_size
    except KeyError:  # a missing part: openpyxl says what it needs
        return
    if size > MAX_PART_BYTES:
        raise ImportFileError(_('The XLSX part %s unpacks to %s MB: at most %s MB.'), path,
                              '%.1f' % (size / 1048576.0), MAX_PART_BYTES // 1048576)


def _check_dimension(reference):
    try:
        _min_column, _min_row, max_column, max_row = range_boundaries(reference or '')
    except (TypeError, ValueError):
        return
    if max_row:
        check_row_number(max_row)
    if max_column:
        check_column_number(max_row or 1, max_column, get_column_letter(max_column))


# ---------------------------------------------------------------- the table


def read_rows(data, filename=''):
    """The non-empty rows of the uploaded table as [(row number, [cell texts])] (the file's
    row numbers: header = 1) and the function that names a column in messages (a number for
    CSV, a letter for XLSX). XLSX is recognised by its content (a zip), whatever its name;
    its first sheet holds the rows."""
    check_file_size(len(data or b''))
    if filename.lower().endswith(MACRO_EXTENSIONS):
        check_xlsx_archive(data, filename)
    if not data or not data.strip():
        raise ImportFileError(_('The file is empty.'))
    if data[:4] == XLSX_MAGIC:
        check_xlsx_archive(data, filename)
        return read_xlsx_rows(data), get_column_letter
    rows = read_csv_rows(data)
    if not rows:
        raise ImportFileError(_('The file is empty.'))
    return rows, str
