"""A salesperson logs in with headless Chromium and sees the Sales MIS menu,
in English and in 简体中文 (screenshots in .runtime/screenshots/)."""
import os

import pytest

from browserlib import MISSING, available
from conftest import ROOT

pytestmark = pytest.mark.skipif(not available(), reason=MISSING)
SHOTS = os.path.join(ROOT, '.runtime', 'screenshots')
TEXTS = """(elements, visibleOnly) => elements
    .filter(e => e.textContent.trim() && (!visibleOnly || (e.offsetParent !== null && e.getClientRects().length)))
    .map(e => e.textContent.trim())"""


def menus_after_login(browser, url, login, app_menu_id, screenshot, expected_sections):
    """Log in, open the Sales MIS app; return (top menus, the app's section menus) once the
    expected sections show (or what shows after a minute)."""
    context = browser.new_context(viewport={'width': 1280, 'height': 800})
    try:
        page = context.new_page()
        page.set_default_timeout(60000)
        page.goto(url + '/web/login')
        page.fill('input[name=login]', login)
        page.fill('input[name=password]', login)
        page.click('button[type=submit]')
        page.wait_for_selector('.oe_application_menu_placeholder .oe_menu_text', state='attached')
        top = texts(page, '.oe_application_menu_placeholder .oe_menu_text')
        # the home page (the role's dashboard) first: it would replace the app opened while it loads
        page.wait_for_selector('.oe_dashboard', state='attached')
        page.goto('%s/web#menu_id=%d' % (url, app_menu_id))
        # one .oe_secondary_menu per app; only the open app's is displayed
        visible = lambda: texts(page, '.oe_secondary_menu .oe_menu_text', visible_only=True)
        for _attempt in range(120):
            if expected_sections <= set(visible()):
                break
            page.wait_for_timeout(500)  # the caller's assertion shows what was there
        sections = visible()
        # the app opens its first entry, the sales plans
        page.wait_for_selector('.o_list_view, .oe_view_nocontent, .o_view_nocontent', state='attached')
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, screenshot))
        return top, sections
    finally:
        context.close()


def texts(page, selector, visible_only=False):
    return page.eval_on_selector_all(selector, TEXTS, visible_only)


def test_salesperson_sees_sales_mis_in_english_and_chinese(server, chromium):
    admin = server.login('admin', 'admin')
    salesperson = admin('res.users', 'search', [('login', '=', 'salesperson')])[0]
    app = admin('ir.model.data', 'xmlid_to_res_id', 'sales_mis.menu_sales_mis_root')
    admin('res.users', 'write', [salesperson], {'lang': 'en_US'})
    english = {'Sales Plans', 'Targets', 'Opportunities', 'Customers', 'Quotations', 'Sales Orders',
               'Plan Completion'}
    top, sections = menus_after_login(chromium, server.url, 'salesperson', app, 'salesperson-en.png', english)
    assert 'Sales MIS' in top, top
    assert english <= set(sections), sections
    assert 'Sales Teams' not in sections, 'configuration is for managers'
    admin('res.users', 'write', [salesperson], {'lang': 'zh_CN'})
    try:
        chinese = {'销售计划', '指标', '商机', '客户', '报价单', '销售订单', '计划完成情况'}
        top, sections = menus_after_login(chromium, server.url, 'salesperson', app, 'salesperson-zh_CN.png', chinese)
        assert '销售管理' in top, top
        assert chinese <= set(sections), sections
    finally:
        admin('res.users', 'write', [salesperson], {'lang': 'en_US'})
