"""The offline visit import wizard over XML-RPC, fuzzed (issue 7, bad input): any file in
either mode is a clear error naming rows, or an import of exactly the valid rows; in
"all or nothing" mode a file with an error writes nothing at all."""
import base64
import csv
import io
import itertools
import os
import uuid

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from test_fuzz_common import Outcomes, Tables

RUN = uuid.uuid4().hex[:8]
SERIAL = itertools.count()
COLUMNS = ['offline_key', 'date', 'salesperson', 'customer', 'contacts', 'type', 'subject', 'duration', 'purpose',
           'result', 'next_step', 'next_step_date']
FUZZ = settings(max_examples=int(os.environ.get('SALES_MIS_FUZZ_IMPORT_EXAMPLES', '12')), deadline=None,
                derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])


@pytest.fixture(scope='module')
def ctx(server, test_db):
    admin = server.login('admin', 'admin')
    clients = {role: server.login(role) for role in ('salesperson', 'manager', 'director')}
    customer = 'Fuzz import customer %s' % RUN
    admin('res.partner', 'create', {'name': customer, 'customer': True})
    tables = Tables(test_db)
    yield {'admin': admin, 'clients': clients, 'customer': customer, 'tables': tables}
    tables.close()


def good_row(ctx, data, number):
    # unique per row and file: two rows with one key are (rightly) refused as duplicates, a key
    # imported before is (rightly) skipped
    return {'offline_key': 'fz-%s-%s-%s' % (RUN, next(SERIAL), number), 'date': data.draw(st.sampled_from(
        ['2031-03-01', '2031/03/02 14:30', '2031-03-03 08:00:00'])), 'salesperson': '', 'customer': ctx['customer'],
        'contacts': '', 'type': data.draw(st.sampled_from(['', 'visit', 'call', '拜访', 'demo'])),
        'subject': data.draw(st.sampled_from(['Fuzz visit', '=CMD()', '季度回顾 "quoted", with comma', 'a\nb'])),
        'duration': data.draw(st.sampled_from(['', '1', '0,5', '24'])), 'purpose': '', 'result': '',
        'next_step': '', 'next_step_date': ''}


BAD_CELLS = {
    'date': ['2031-02-30', 'tomorrow', '', '99999-01-01', '03/01/2031'],
    'customer': ['', 'No such customer %s' % RUN, 'x' * 300],
    'subject': ['', 'y' * 5000],
    'type': ['meeting', '开会'],
    'duration': ['-1', '25', 'abc', '1e400'],
    'salesperson': ['nobody_%s' % RUN, 'director', 'admin'],  # unknown, or not theirs to import
    'next_step': ['call back'],
    'next_step_date': ['someday'],
}


def bad_row(ctx, data, number):
    row = good_row(ctx, data, number)
    column = data.draw(st.sampled_from(sorted(BAD_CELLS)))
    row[column] = data.draw(st.sampled_from(BAD_CELLS[column]))
    return row


def encode(rows, data):
    kind = data.draw(st.sampled_from(['csv-utf8', 'csv-bom', 'csv-gbk', 'csv-semicolon', 'xlsx', 'bytes',
                                      'truncated-xlsx']))
    if kind == 'bytes':
        return data.draw(st.binary(max_size=300)), kind
    header = data.draw(st.permutations(COLUMNS)) if data.draw(st.booleans()) else COLUMNS
    if kind.endswith('xlsx'):
        import openpyxl
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(header)
        for row in rows:
            sheet.append([row[name] for name in header])
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                cell.data_type = 's'  # text cells as in the template: '=CMD()' stays text
        out = io.BytesIO()
        book.save(out)
        content = out.getvalue()
        return (content[:data.draw(st.integers(0, len(content) - 1))] if kind == 'truncated-xlsx' else content), kind
    out = io.StringIO()
    writer = csv.writer(out, delimiter=';' if kind == 'csv-semicolon' else ',', lineterminator='\r\n')
    writer.writerow(header)
    writer.writerows([[row[name] for name in header] for row in rows])
    text = ('\ufeff' if kind == 'csv-bom' else '') + out.getvalue()
    return text.encode('gb18030' if kind == 'csv-gbk' else 'utf-8'), kind


def keys_in_db(ctx):
    return set(r['offline_key'] for r in ctx['admin']('sales_mis.visit', 'search_read', [
        ('offline_key', 'like', '/fz-%s-' % RUN)], fields=['offline_key']))


def test_fuzz_visit_import_wizard(ctx):
    outcomes = Outcomes(ctx['tables'])
    stats = {'strict_refused': 0, 'strict_imported': 0, 'valid_only': 0, 'unreadable': 0}

    @FUZZ
    @given(st.data())
    def run(data):
        login = data.draw(st.sampled_from(['salesperson', 'manager']))
        rpc = ctx['clients'][login]
        count = data.draw(st.integers(1, 5))
        valid = [data.draw(st.booleans()) for _ in range(count)]
        rows = [good_row(ctx, data, n) if ok else bad_row(ctx, data, n) for n, ok in enumerate(valid)]
        content, kind = encode(rows, data)
        readable = kind not in ('bytes', 'truncated-xlsx')
        # stored keys are prefixed with the salesperson's login (the importer's here)
        expected = {'%s/%s' % (login, row['offline_key']) for row, ok in zip(rows, valid) if ok}
        # the same file in both modes: strict first (then nothing may be there), then valid rows only
        for mode in ('strict', 'valid_only'):
            wizard = rpc('sales_mis.visit.import', 'create', {
                'data_file': base64.b64encode(content).decode(), 'filename': 'fuzz.%s' % kind.split('-')[-1],
                'mode': mode})
            before = keys_in_db(ctx)
            result, answer = outcomes.call(rpc, 'sales_mis.visit.import', 'action_import', [[wizard]])
            written = keys_in_db(ctx) - before
            label = 'import %s %s %r' % (kind, mode, valid)
            if result == 'error':
                outcomes.check(not written, label, 'refused but wrote %s' % written)
                if not readable:
                    stats['unreadable'] += 1
                    return
                outcomes.check(mode == 'strict' and not all(valid), label, answer[:300])
                # the message names the rows with errors (header = row 1)
                for number, ok in enumerate(valid):
                    if not ok:
                        outcomes.check('Row %s:' % (number + 2) in answer, label,
                                       'row %s not named: %s' % (number + 2, answer[:300]))
                stats['strict_refused'] += 1
                continue
            if not readable:  # random bytes may happen to be a table; nothing to compare then
                return
            outcomes.check(written == expected, label, 'wrote %s, expected %s' % (sorted(written), sorted(expected)))
            done = ctx['admin']('sales_mis.visit.import', 'read', [wizard], ['created_count', 'error_count'])[0]
            outcomes.check(done['created_count'] == len(expected), label, done)
            outcomes.check(done['error_count'] == valid.count(False), label, done)
            stats['valid_only' if mode == 'valid_only' else 'strict_imported'] += 1
            if mode == 'strict':
                return  # all rows imported: the second upload would only skip them

    run()
    print('\nvisit import: %d calls, %d imports, %d clear errors, %d problems; %s'
          % (outcomes.counts['ok'] + outcomes.counts['error'], outcomes.counts['ok'], outcomes.counts['error'],
             outcomes.counts['problem'], stats))
    for line in outcomes.problems:
        print('  ' + line)
    assert not outcomes.problems, '\n'.join(outcomes.problems)
    assert stats['strict_refused'] and stats['valid_only'], 'the examples missed a mode: %s' % stats
