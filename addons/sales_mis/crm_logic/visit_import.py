# -*- coding: utf-8 -*-
"""Offline import of visits and work logs 离线录入 (B2): parsing and validation.

Salespeople fill a CSV or XLSX template without network and upload it later.  This
module turns the uploaded bytes into a table (detecting UTF-8 with or without BOM and
the GBK/GB18030 of Chinese Excel exports), validates every row against lookups the
caller resolved with one query per table, and returns the values to create plus the
errors with the row numbers the user sees in the file (the header is row 1).

Each row carries a stable key (its `offline_key` column, or a hash of its content and
salesperson) so that uploading the same file twice creates nothing new.

Uploads are read within bounds by bounded_table.py (file size, unpacked size, zip ratio,
rows, columns, characters), so that a hostile file is refused in a fraction of a second.

No Odoo import: messages are English templates marked with `_` (for Odoo's
translation extraction) and translated by the caller.
"""
import csv
import hashlib
import io
from datetime import datetime, time

import pandas as pd
import pytz

# the bounded reading of the file; the limits and the error are re-exported for the wizard and tests
from .bounded_table import (MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS,  # noqa: F401
                            MAX_SHARED_STRINGS_BYTES, MAX_UNCOMPRESSED_BYTES, ImportFileError, check_file_size,
                            check_header, echo, read_rows)
from ..reporting.xlsx_safe import csv_cell
from ..reporting.xlsx_table import Column, table_workbook


def _(text):
    """Marks a message template for translation extraction; the caller translates."""
    return text


#: (column, required, maximum length, explanation) in the order of the template
COLUMNS = [
    ('offline_key', False, 64, _('Your own unique key of the row (e.g. 20300301-01). Left empty, a '
                                  'key is computed from the row content, so re-uploading the same file '
                                  'creates no duplicates either way.')),
    ('date', True, None, _('Date of the visit or work, YYYY-MM-DD, optionally with the time HH:MM '
                           '(your time zone). Without time: 09:00.')),
    ('salesperson', False, 64, _('Login of the salesperson. Empty: yourself. Managers may import '
                                 'for the members of the teams they lead.')),
    ('customer', True, 128, _('Customer name exactly as in the system, or its internal reference.')),
    ('contacts', False, 256, _('Contacts met, names of the customer\'s contacts separated by ";".')),
    ('type', False, None, _('visit, call, demo or other (also: 拜访, 电话, 演示, 其他); empty: visit. '
                            'Work logs are call or other.')),
    ('subject', True, 200, _('Short subject of the visit or work log.')),
    ('duration', False, None, _('Duration in hours, between 0 and 24 (default 1).')),
    ('purpose', False, 4000, _('Why the visit.')),
    ('result', False, 4000, _('What came out of it.')),
    ('next_step', False, 200, _('Next step; needs next_step_date. Becomes a to-do.')),
    ('next_step_date', False, None, _('Due date of the next step, YYYY-MM-DD.')),
]
COLUMN_NAMES = [column[0] for column in COLUMNS]
REQUIRED = [column[0] for column in COLUMNS if column[1]]
MAX_LENGTH = {column[0]: column[2] for column in COLUMNS if column[2]}

#: accepted spellings of the visit types (lower case)
TYPE_ALIASES = {
    'visit': 'visit', 'on-site visit': 'visit', '拜访': 'visit', '上门拜访': 'visit',
    'call': 'call', 'phone call': 'call', 'phone': 'call', '电话': 'call',
    'demo': 'demo', 'demonstration': 'demo', '演示': 'demo',
    'other': 'other', '其他': 'other', '其它': 'other',
}

DEFAULT_START = time(9, 0)
DATE_FORMATS = ['%Y-%m-%d', '%Y/%m/%d', '%Y.%m.%d']
DATETIME_FORMATS = ['%Y-%m-%d %H:%M', '%Y-%m-%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d %H:%M:%S',
                    '%Y-%m-%dT%H:%M:%S']
def read_table(data, filename=''):
    """The uploaded file as a DataFrame of stripped strings, columns in lower case.

    XLSX is recognised by its content (a zip), whatever its name; its first sheet
    holds the rows (the template's second sheet is the explanation).  The limits of
    bounded_table are checked while reading."""
    rows, label = read_rows(data, filename)
    if not rows or rows[0][0] != 1:  # a sheet whose first row is empty has no header
        rows = [(1, [])] + rows
    header = [str(name).strip().lower() for name in rows[0][1]]
    check_header(header, label)
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportFileError(_('Missing columns: %s. Download the template to see the expected header.'),
                              ', '.join(missing))
    positions = {name: header.index(name) for name in COLUMN_NAMES if name in header}
    if label is str:  # CSV: a cell right of the header would belong to no column
        for number, cells in rows[1:]:
            if any(cells[len(header):]):
                raise ImportFileError(_('Row %s has %s cells but the header only %s: remove the cells '
                                        'right of the last column.'), number, len(cells), len(header))
    # the file's row numbers as Excel shows them: header = 1, first data row = 2; empty rows
    # keep their number and are dropped below
    def value(cells, name):
        position = positions.get(name)
        return cells[position].strip() if position is not None and position < len(cells) else ''

    last = rows[-1][0]
    by_number = dict(rows[1:])
    table = [[value(by_number.get(number, []), name) for name in COLUMN_NAMES] for number in range(2, last + 1)]
    frame = pd.DataFrame(table, columns=COLUMN_NAMES, index=pd.RangeIndex(2, last + 1), dtype=object)
    frame = frame[(frame != '').any(axis=1)] if len(frame) else frame
    if frame.empty:
        raise ImportFileError(_('The file has a header but no rows to import.'))
    return frame


# ---------------------------------------------------------------- lookups

def lookup_keys(frame):
    """The distinct values the caller resolves, one query per table."""
    return {
        'customers': sorted(set(frame['customer']) - {''}),
        'logins': sorted(set(frame['salesperson']) - {''}),
        'contacts': sorted({name.strip() for cell in frame['contacts'] for name in cell.split(';')} - {''}),
    }


def customer_index(partners):
    """{lower-case name or reference: [partner ids]} from [(id, name, ref)]."""
    index = {}
    for partner_id, name, ref in partners:
        for key in {(name or '').strip().lower(), (ref or '').strip().lower()} - {''}:
            index.setdefault(key, set()).add(partner_id)
    return index


# ---------------------------------------------------------------- parsing of cells

def parse_date(text, formats=DATE_FORMATS):
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def parse_start(text):
    """A datetime for `date` cells: a date alone starts at 09:00; XLSX dates come as
    'YYYY-MM-DD 00:00:00', which also means 'no time given'."""
    moment = parse_date(text, DATETIME_FORMATS)
    if moment is not None and moment.time() != time(0, 0):
        return moment
    day = moment or parse_date(text)
    return datetime.combine(day.date(), DEFAULT_START) if day else None


def row_key(row, login):
    """The stable key of a row: its own key or a hash of its content, with the salesperson
    (two salespeople numbering their rows 1, 2, 3... do not collide)."""
    if row['offline_key']:
        return '%s/%s' % (login, row['offline_key'])
    content = '\x1f'.join([login] + [row[name] for name in COLUMN_NAMES if name != 'offline_key'])
    return 'h:' + hashlib.sha1(content.encode('utf-8')).hexdigest()[:40]


# ---------------------------------------------------------------- validation

def validate(frame, importer_login, allowed_logins, users, customers, contacts, tz='UTC'):
    """Values to create and errors, for every row of `frame` (from read_table).

    importer_login: the uploader, used for empty salesperson cells
    allowed_logins: logins the uploader may import for (themselves, their teams' members)
    users: {login: (user id, team id)}; customers: customer_index(...)
    contacts: {(customer id, lower-case name): contact id}
    tz: the uploader's time zone, in which the dates are written

    Returns (rows, errors): rows = [(row number, key, values)] with values in terms of ids
    (datetimes in UTC strings), errors = [(row number, template, params)].
    """
    zone = pytz.timezone(tz or 'UTC')
    rows, errors, seen = [], [], {}
    records = frame.to_dict('index')
    for number, row in records.items():
        row_errors = []

        def error(template, *params):
            row_errors.append((number, template, params))

        for name in REQUIRED:
            if not row[name]:
                error(_('"%s" is required.'), name)
        for name, limit in MAX_LENGTH.items():
            if len(row[name]) > limit:
                error(_('"%s" is too long: %s characters, at most %s.'), name, len(row[name]), limit)

        start = None
        if row['date']:
            start = parse_start(row['date'])
            if start is None:
                error(_('Bad date "%s": write YYYY-MM-DD or YYYY-MM-DD HH:MM.'), echo(row['date']))
        visit_type = TYPE_ALIASES.get(row['type'].lower()) if row['type'] else 'visit'
        if visit_type is None:
            error(_('Unknown type "%s": use visit, call, demo or other.'), echo(row['type']))
        duration = 1.0
        if row['duration']:
            try:
                duration = float(row['duration'].replace(',', '.'))
            except ValueError:
                duration = None
            if duration is None or not 0 <= duration <= 24:
                error(_('Bad duration "%s": hours between 0 and 24.'), echo(row['duration']))
        next_step_date = None
        if row['next_step_date']:
            next_step_date = parse_date(row['next_step_date'].split(' ')[0])
            if next_step_date is None:
                error(_('Bad next step date "%s": write YYYY-MM-DD.'), echo(row['next_step_date']))
        if row['next_step'] and not row['next_step_date']:
            error(_('The next step needs a next_step_date.'))

        login = row['salesperson'] or importer_login
        user = users.get(login)
        if user is None:
            error(_('Unknown salesperson login "%s".'), echo(login))
        elif login not in allowed_logins:
            error(_('You may not import visits of "%s": only your own or those of the teams you lead.'),
                  echo(login))

        partner_id = None
        if row['customer']:
            matches = customers.get(row['customer'].lower(), ())
            if not matches:
                error(_('Unknown customer "%s" (give its exact name or reference).'), echo(row['customer']))
            elif len(matches) > 1:
                error(_('Several customers are called "%s": give its reference instead.'), echo(row['customer']))
            else:
                partner_id = next(iter(matches))
        contact_ids = []
        if partner_id:
            for name in filter(None, (part.strip() for part in row['contacts'].split(';'))):
                contact_id = contacts.get((partner_id, name.lower()))
                if contact_id is None:
                    error(_('Unknown contact "%s" of customer "%s".'), echo(name), echo(row['customer']))
                else:
                    contact_ids.append(contact_id)

        key = row_key(row, login)
        if key in seen:
            error(_('Same offline key or same content as row %s.'), seen[key])
        seen.setdefault(key, number)

        if row_errors:
            errors.extend(row_errors)
            continue
        start_utc = zone.localize(start).astimezone(pytz.utc).replace(tzinfo=None)
        rows.append((number, key, {
            'offline_key': key,
            'name': row['subject'],
            'user_id': user[0],
            'team_id': user[1],
            'partner_id': partner_id,
            'contact_ids': [(6, 0, contact_ids)] if contact_ids else False,
            'visit_type': visit_type,
            'date_start': start_utc.strftime('%Y-%m-%d %H:%M:%S'),
            'duration': duration,
            'purpose': row['purpose'] or False,
            'result': row['result'] or False,
            'next_step': row['next_step'] or False,
            'next_step_date': next_step_date.strftime('%Y-%m-%d') if next_step_date else False,
        }))
    return rows, errors


# ---------------------------------------------------------------- template

def template_csv(example=None):
    """The CSV template: UTF-8 with BOM (so Excel shows Chinese right), header only,
    or with example rows [{column: value}]."""
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMN_NAMES, lineterminator='\r\n')
    writer.writeheader()
    for row in example or []:
        writer.writerow({name: csv_cell(value) for name, value in row.items()})
    return ('\ufeff' + out.getvalue()).encode('utf-8')


def template_xlsx(explanations, example=None, labels=None):
    """The XLSX template: sheet 1 the header to fill (row 1, frozen, wide columns, date
    cells as text), sheet 2 the explanation of each column.

    explanations: {column: translated explanation}; labels: translated words
    ('sheet_rows', 'sheet_help', 'column', 'required', 'explanation', 'yes', 'no')."""
    labels = dict({'sheet_rows': 'Visits', 'sheet_help': 'Instructions', 'column': 'Column',
                   'required': 'Required', 'max_length': 'Max. length', 'explanation': 'Explanation',
                   'yes': 'yes', 'no': 'no'}, **(labels or {}))
    rows = pd.DataFrame(example or [], columns=COLUMN_NAMES)
    widths = {'subject': 30, 'purpose': 40, 'result': 40, 'next_step': 30, 'customer': 28}
    # the cells are typed in as text: dates stay what the user wrote
    columns = [Column(name, name, 'text_entry', widths.get(name, 16)) for name in COLUMN_NAMES]
    help_rows = pd.DataFrame([
        [name, labels['yes'] if required else labels['no'], limit, explanations.get(name, text)]
        for name, required, limit, text in COLUMNS], columns=['column', 'required', 'max_length', 'explanation'])
    help_columns = [Column('column', labels['column'], 'text', 16), Column('required', labels['required'], 'text', 12),
                    Column('max_length', labels['max_length'], 'integer', 12),
                    Column('explanation', labels['explanation'], 'wrapped', 90)]
    return table_workbook([dict(sheet_title=labels['sheet_rows'], columns=columns, frame=rows, freeze_columns=0),
                           dict(sheet_title=labels['sheet_help'], columns=help_columns, frame=help_rows,
                                freeze_columns=0)])
