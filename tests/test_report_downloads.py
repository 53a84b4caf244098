"""The standard reports (F1-F5) downloaded over HTTP: record rules and netted demo figures."""
from test_xlsx_downloads import session, workbook_rows

REPORTS = ['sales_analysis', 'product_daily', 'collection_detail', 'collection_summary', 'arrears']


def book_demo_flow(server):
    """On a fresh database the demo flow waits for the first cron run (the chart of accounts is
    installed after the demo data); the test server runs no crons, so book it now."""
    server.login('admin', 'admin')('sales_mis.report.demo', 'create_demo_flow')


def test_every_report_downloads_with_a_totals_row(server):
    book_demo_flow(server)
    opener = session(server, 'manager')
    for report in REPORTS:
        rows = workbook_rows(opener, '%s/sales_mis/report/%s.xlsx' % (server.url, report))
        assert len(rows) >= 4, report
        assert rows[-1][0] in ('Total', '合计', '总计'), (report, rows[-1])


def test_arrears_of_the_demo_flow_are_net_of_the_refund_and_follow_the_rules(server):
    book_demo_flow(server)
    admin = server.login('admin', 'admin')
    customer = admin('res.partner', 'read', [admin('ir.model.data', 'xmlid_to_res_id', 'base.res_partner_3')],
                     ['name'])[0]['name']
    url = '%s/sales_mis/report/arrears.xlsx' % server.url
    own = workbook_rows(session(server, 'salesperson'), url)
    row = [r for r in own[3:] if r[0] == customer]
    # the demo flow: 6,000 invoiced, 2,500 paid, 1,000 refunded
    assert row and abs(row[0][3] - 2500.0) < 0.01, own
    # only customers of the salesperson's own invoices (the area addons' demo data bill more of them)
    seller = admin('res.users', 'search', [('login', '=', 'salesperson')])[0]
    theirs = {invoice['commercial_partner_id'][1] for invoice in admin(
        'account.invoice', 'search_read', [('user_id', '=', seller), ('type', 'in', ['out_invoice', 'out_refund'])],
        ['commercial_partner_id'])}
    assert {r[0] for r in own[3:-1]} <= theirs, 'a salesperson sees only their own customers'
    director = workbook_rows(session(server, 'director'), url)
    assert len(director) > len(own)
