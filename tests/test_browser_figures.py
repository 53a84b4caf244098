"""Figures shown as a reader expects them (issue 13): a year is 2026, never "2,026", on the plan
form, read and edited; scorecard counts are whole numbers."""
import os

import pytest

from browserlib import MISSING, available
from conftest import ROOT

pytestmark = pytest.mark.skipif(not available(), reason=MISSING)
SHOTS = os.path.join(ROOT, '.runtime', 'screenshots')


def open_form(browser, url, login, model, record_id, screenshot):
    """Log in as ``login`` and open the form of ``model`` ``record_id``; return (context, page)."""
    context = browser.new_context(viewport={'width': 1366, 'height': 800})
    page = context.new_page()
    page.set_default_timeout(60000)
    page.goto(url + '/web/login')
    page.fill('input[name=login]', login)
    page.fill('input[name=password]', login)
    page.click('button[type=submit]')
    page.wait_for_selector('.oe_application_menu_placeholder', state='attached')
    # the home page (the role's dashboard) first: it would replace the form opened while it loads
    page.wait_for_selector('.oe_dashboard', state='attached')
    page.goto('%s/web#model=%s&id=%d&view_type=form' % (url, model, record_id))
    page.wait_for_selector('.o_form_view .o_form_sheet', state='visible')
    page.wait_for_timeout(500)
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SHOTS, screenshot))
    return context, page


def test_plan_years_have_no_thousands_separator(server, chromium):
    director = server.login('director')
    plan_id = director('sales_mis.plan', 'search', [], limit=1)[0]
    year = director('sales_mis.plan', 'read', [plan_id], ['year'])[0]['year']
    assert year >= 1000
    context, page = open_form(chromium, server.url, 'director', 'sales_mis.plan', plan_id, 'plan-year.png')
    try:
        shown = page.inner_text('.o_form_view .o_field_widget[name=year]').strip()
        assert shown == str(year), shown
        page.click('.o_form_button_edit')
        field = page.wait_for_selector('.o_form_view input.o_field_widget[name=year]')
        assert field.input_value() == str(year), field.input_value()
    finally:
        context.close()
