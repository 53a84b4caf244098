"""Every ```python example of docs/api.md runs against a real server (L1, L2).

The blocks of one numbered section ("## N. ...") run in order in one namespace, as the guide
says; each section is one test. The examples print their results and leave them in a `result`
variable, on which the checks below assert. What the examples create is committed into the
test database: they use unique names and delete their drafts, so they can run again."""
import contextlib
import io
import os
import re

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = os.path.join(ROOT, 'docs', 'api.md')
FENCE = re.compile(r'^```python[ \t]*\n(.*?)^```[ \t]*$', re.M | re.S)
SECTION = re.compile(r'^## (\d+)\. (.+)$', re.M)


def read_sections(text):
    """{number: (title, [(line number, code)])} of the numbered sections, and blocks outside them."""
    heads = [(m.start(), int(m.group(1)), m.group(2)) for m in SECTION.finditer(text)]
    sections, outside = {}, []
    for match in FENCE.finditer(text):
        line = text.count('\n', 0, match.start()) + 1
        owner = [head for head in heads if head[0] < match.start()]
        if not owner:
            outside.append(line)
            continue
        _pos, number, title = owner[-1]
        sections.setdefault(number, (title, []))[1].append((line, match.group(1)))
    return sections, outside


with open(DOC, encoding='utf-8') as handle:
    TEXT = handle.read()
SECTIONS, OUTSIDE = read_sections(TEXT)


def test_every_python_block_belongs_to_a_section():
    fences = re.findall(r'^```(\w*)', TEXT, re.M)
    opening = [kind for kind in fences[::2]]
    assert SECTIONS, 'docs/api.md has no ```python example'
    assert not OUTSIDE, 'python blocks outside a numbered section (never run) at lines %s' % OUTSIDE
    assert all(kind != 'py' and not kind.startswith('python3') for kind in opening), \
        'write ```python, other spellings are not executed'
    assert sum(len(blocks) for _t, blocks in SECTIONS.values()) == opening.count('python')
    assert sorted(SECTIONS) == list(range(1, 8)), sorted(SECTIONS)


def run_section(number, server, monkeypatch):
    """Runs the section's blocks in one namespace; returns (namespace, stdout)."""
    monkeypatch.setenv('SALES_MIS_URL', server.url)
    monkeypatch.setenv('SALES_MIS_DB', server.db)
    monkeypatch.delenv('SALES_MIS_LOGIN', raising=False)
    monkeypatch.delenv('SALES_MIS_PASSWORD', raising=False)
    monkeypatch.setenv('SALES_MIS_FORECAST_WAIT', '3')   # the test server runs no cron
    title, blocks = SECTIONS[number]
    namespace = {'__name__': 'api_docs_section_%d' % number}
    out = io.StringIO()
    executed = 0
    for line, code in blocks:
        compiled = compile(code, '%s:%d (section %d %s)' % (DOC, line, number, title), 'exec')
        with contextlib.redirect_stdout(out):
            exec(compiled, namespace)
        executed += 1
    assert executed == len(blocks)
    assert 'result' in namespace, 'section %d defines no `result` to check' % number
    return namespace['result'], out.getvalue()


def test_1_connect(server, monkeypatch, tmp_path):
    result, out = run_section(1, server, monkeypatch)
    assert result['version'] == '11.0' and isinstance(result['uid'], int)
    # a ValidationError is a warning with its message (addons/sales_mis/rpc_faults.py)
    assert result['errors'] == {'user_error': 2, 'access_error': 4, 'validation_error': 2, 'access_denied': 3}
    assert 'sales_mis.visit create: True' in out and 'sales_mis.plan create: False' in out
    counts = re.findall(r'^(\w+) +plan lines +(\d+) +opportunities +(\d+)$', out, re.M)
    by_role = {login: (int(lines), int(leads)) for login, lines, leads in counts}
    assert by_role['salesperson'] < by_role['manager'] < by_role['director']
    assert 'A visit lasts between 0 and 24 hours.' in out


def test_2_log_visit(server, monkeypatch):
    result, out = run_section(2, server, monkeypatch)
    assert result['state'] == 'done'
    assert [t['summary'] for t in result['todo']] == ['Send the two-batch delivery plan']
    assert result['lead_todos'] >= 1
    assert any(name.startswith('Pump offer review') for name in result['recent_names'])


def test_3_import_visits(server, monkeypatch):
    result, out = run_section(3, server, monkeypatch)
    assert (result['first']['created_count'], result['first']['skipped_count']) == (2, 0)
    assert (result['again']['created_count'], result['again']['skipped_count']) == (0, 2)
    assert 'Row 4: Bad date "next Tuesday"' in result['strict_error']
    assert 'Row 5: Unknown customer "No Such Customer Ltd"' in result['strict_error']
    partial = result['partial']
    assert (partial['created_count'], partial['skipped_count'], partial['error_count']) == (1, 2, 2)
    assert result['imported'] == 3   # two from the first file, the Chinese row of the GBK file


def test_4_plan_completion(server, monkeypatch):
    result, out = run_section(4, server, monkeypatch)
    assert result['by_person'] and all('completion' in group for group in result['by_person'])
    assert result['by_person_month'] >= len(result['by_person'])
    assert result['split'] == [800000.0, 400000.0]
    assert result['months'] == 12 and abs(result['month_total'] - 1200000.0) < 0.01
    assert result['salesperson_sees'] == [result['salesperson_uid']]


def test_5_forecast(server, monkeypatch):
    result, out = run_section(5, server, monkeypatch)
    assert result['run']['state'] == 'done' and result['run']['series_count'] == len(result['series']) >= 1
    assert result['lines'] == 6 * len(result['series']) and result['months'] == 6
    assert result['queued']['state'] == 'queued'
    assert 'Waiting for the background job.' in out


def test_6_download(server, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)   # the example saves a file in the working directory
    result, out = run_section(6, server, monkeypatch)
    assert result['refused'] is True
    assert all(value == b'PK' for key, value in result.items() if key != 'refused')
    assert list(tmp_path.glob('product_daily-*.xlsx'))


def test_7_pagination_context(server, monkeypatch):
    result, out = run_section(7, server, monkeypatch)
    assert result['seen'] == result['unique'] == result['total'] > 25
    assert result['page_two'] == 10
    assert result['labels']['visit_type']['string'] == '类型'
    assert '销售管理' in result['menus']
    assert result['by_team'] and result['rows'] >= len(result['by_team'])
