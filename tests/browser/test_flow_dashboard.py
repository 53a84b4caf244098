"""Role dashboards (issue 13): the director, the manager and the salesperson land on their
dashboard after login (not on an empty Discuss inbox); its key figures equal the reports'
figures read as the same user, and a tile and a chart's title drill down to the report."""
import datetime
import re
import zoneinfo

import pytest

BOARD_ITEMS = ('Key Figures', 'Target vs Actual', 'This Year vs Last Year', 'Pipeline Funnel',
               'Pipeline Forecast', 'Arrears Aging', 'Ranking')


def local_day(rpc):
    """The user's day in their time zone (the dashboard's "today"), as YYYY-MM-DD."""
    tz = rpc('res.users', 'read', [rpc.uid], ['tz'])[0]['tz'] or 'UTC'
    return datetime.datetime.now(zoneinfo.ZoneInfo(tz)).date().isoformat()


def total(rpc, model, domain, *fields):
    """The report's total of `fields` over `domain` as the user sees it (the sum of its rows)."""
    rows = rpc(model, 'search_read', domain, list(fields))
    return [sum(row[field] or 0.0 for row in rows) for field in fields]


def money(amount):
    return '{:,.2f}'.format(amount or 0.0)


def tile(w, code):
    return w.text('.o_sales_mis_tile_%s' % code)


@pytest.mark.parametrize('login', ['director', 'manager', 'salesperson'])
def test_role_lands_on_its_dashboard(web, server, login, viewport):
    rpc = server.login(login)
    w = web(login)  # logging in is all it takes: the home action is the dashboard
    w.page.wait_for_selector('.o_dashboard .o_sales_mis_tile')
    w.idle()
    titles = w.page.locator('.o_dashboard .oe_header_txt').all_inner_texts()
    for item in BOARD_ITEMS:
        assert any(item in title for title in titles), (item, titles)
    # the Sales MIS app is the one open, with its section menu
    assert w.page.locator('.o_sub_menu a[data-menu-xmlid="sales_mis.menu_sales_mis_home_dashboard"]').count()

    # the key figures equal the reports' own totals for this user and month
    today = local_day(rpc)
    month = today[:8] + '01'
    sales, = total(rpc, 'sales_mis.sales.line', [('date', '>=', month), ('date', '<=', today)], 'amount')
    assert money(sales) in tile(w, 'sales_mtd'), (sales, tile(w, 'sales_mtd'))
    target, actual = total(rpc, 'sales_mis.plan.completion', [
        ('state', 'in', ('approved', 'locked')), ('is_current', '=', True),
        ('date_from', '<=', today), ('date_to', '>=', today)], 'target_amount', 'actual_amount')
    assert money(target) in tile(w, 'target_month'), (target, tile(w, 'target_month'))
    completion = 100.0 * actual / target if target else 0.0
    assert '%d %%' % round(completion) in tile(w, 'plan_completion'), (completion, tile(w, 'plan_completion'))
    overdue, = total(rpc, 'sales_mis.arrears', [('days_overdue', '>', 0)], 'residual')
    assert money(overdue) in tile(w, 'arrears_overdue'), (overdue, tile(w, 'arrears_overdue'))
    # nothing of the board runs off a phone's screen
    overflow = w.page.evaluate("document.querySelector('.o_dashboard').scrollWidth"
                               " - document.querySelector('.o_dashboard').clientWidth")
    assert overflow <= 1, overflow
    w.shot('dashboard')

    # a tile opens its report on the same figure
    w.page.locator('.o_sales_mis_tile_sales_mtd a').click()
    w.wait_breadcrumb('Invoiced Sales')
    w.page.wait_for_selector('.o_pivot')
    w.idle()
    assert 'Month to Date' in w.text('.o_searchview')
    if sales:
        assert money(sales) in w.text('.o_pivot'), (sales, w.text('.o_pivot')[:300])
    board = w.text('.o_control_panel .breadcrumb')
    assert 'Dashboard' in board and 'My Dashboard' not in board, board
    w.shot('tile-drill-down')

    # back on the board, a chart's title opens its report
    w.page.locator('.o_control_panel .breadcrumb a').first.click()
    w.page.wait_for_selector('.o_dashboard .o_sales_mis_tile')
    w.idle()
    w.page.locator('.o_dashboard .oe_header_txt', has_text=re.compile('Arrears Aging')).first.click()
    w.wait_breadcrumb('Customer Arrears')
    w.idle()
    w.shot('chart-drill-down')


def test_salesperson_dashboard_in_chinese(web, server, admin, viewport):
    """The same board in 中文: the figures are the same, the titles Chinese."""
    uid = server.login('salesperson').uid
    admin('res.users', 'write', [uid], {'lang': 'zh_CN'})
    try:
        w = web('salesperson', role='salesperson-zh')
        w.page.wait_for_selector('.o_dashboard .o_sales_mis_tile')
        w.idle()
        titles = ' '.join(w.page.locator('.o_dashboard .oe_header_txt').all_inner_texts())
        assert 'Key Figures' not in titles and re.search(r'[\u4e00-\u9fff]', titles), titles
        overflow = w.page.evaluate("document.querySelector('.o_dashboard').scrollWidth"
                                   " - document.querySelector('.o_dashboard').clientWidth")
        assert overflow <= 1, overflow
        w.shot('dashboard-zh')
    finally:
        admin('res.users', 'write', [uid], {'lang': 'en_US'})
