"""Sales director in the web client: split a plan's target (Split Target wizard), the daily
dashboard and the plan completion report, the completion XLSX download, a forecast run."""
import io
import re
import time
import zipfile

import openpyxl


def draft_plan(admin, token):
    categ = admin('product.category', 'create', {'name': '%s Category' % token})
    name = '%s Company Plan' % token
    plan = admin('sales_mis.plan', 'create', {
        'name': name, 'period_type': 'year', 'year': 2026, 'scope': 'company', 'categ_id': categ,
        'target_amount': 120000.0})
    return plan, name


def test_director_flow(web, admin, server, token, viewport):
    plan, plan_name = draft_plan(admin, token)
    director = server.login('director')

    w = web('director')
    w.app()

    # 1. split the plan's target by month (Planning > Sales Plans > Split Target)
    w.open_plan(plan_name, 'Draft')
    w.button('Split Target')
    w.page.wait_for_selector('.modal:visible .o_form_view')
    w.idle()
    w.radio('dimension', 'Months')
    w.shot('split-wizard')
    w.dialog_button('Split')
    w.page.wait_for_selector('.modal:visible', state='detached')
    w.idle()
    w.page.locator('.o_notebook a[role="tab"], .o_notebook .nav-tabs a', has_text='Plan Lines').first.click()
    rows = w.page.locator('.o_form_view .o_field_one2many[name="line_ids"] .o_data_row, '
                          '.o_form_view .o_field_one2many[name="line_ids"] .o_kanban_record:not(.o_kanban_ghost)')
    rows.nth(12).wait_for()
    w.shot('plan-split-by-month')
    lines = admin('sales_mis.plan.line', 'search_read', [('plan_id', '=', plan), ('parent_id', '!=', False)],
                  ['target_amount', 'date_from'])
    assert len(lines) == 12 and rows.count() == 13, (len(lines), rows.count())  # the root and its 12 months
    assert sum(line['target_amount'] for line in lines) == 120000.0
    assert sorted(line['date_from'][5:7] for line in lines) == ['%02d' % m for m in range(1, 13)]

    # 2. the dashboard and the completion report (Reports)
    w.menu('sales_mis.menu_sales_mis_dashboard')
    w.page.wait_for_selector('.o_form_view .o_field_widget[name="target_month"]')
    assert 'Sales Dashboard of' in w.text('.o_control_panel .breadcrumb')
    # the page gets the whole width of a phone (the section menu goes above it), and nothing
    # of the form runs off the right edge
    content, width = w.page.evaluate(
        "[document.querySelector('.o_main_content').getBoundingClientRect().width, window.innerWidth]")
    assert content >= width - 1 if w.phone else content < width, (content, width)
    overflow = w.page.evaluate("document.querySelector('.o_form_view .o_form_sheet').scrollWidth"
                               " - document.querySelector('.o_form_view .o_form_sheet').clientWidth")
    assert overflow <= 0, overflow
    shown = w.text('.o_form_view')
    for label in ("Today's Sales", 'Sales Month to Date', 'Target of the Month', 'Customer Arrears'):
        assert label in shown, (label, shown[:500])
    dashboard_id = int(re.search(r'[#&]id=(\d+)', w.page.url).group(1))
    figures = director('sales_mis.dashboard', 'read', [dashboard_id], ['target_month', 'sales_mtd'])[0]
    for field in ('target_month', 'sales_mtd'):
        assert '{:,.2f}'.format(figures[field]) in w.field(field).inner_text(), field
    w.shot('dashboard')
    w.menu('sales_mis.menu_sales_mis_plan_completion', 'Plan Completion')
    if w.phone:  # a phone opens the report as cards (sales_mis/static/src/js/phone.js)
        w.page.wait_for_selector('.o_kanban_view .o_sales_mis_card')
        w.page.click('.o_cp_switch_buttons button[data-view-type="pivot"]')
    w.page.wait_for_selector('.o_pivot table')
    pivot = w.text('.o_pivot')
    assert 'Target' in pivot and 'Completion (%)' in pivot, pivot[:500]
    year = time.strftime('%Y')  # the report opens on approved current plans of this year
    total = director('sales_mis.plan.completion', 'read_group', [
        ('state', 'in', ('approved', 'locked')), ('is_current', '=', True),
        ('date_from', '>=', year + '-01-01'), ('date_from', '<=', year + '-12-31')], ['target_amount'], [])
    assert total and '{:,.2f}'.format(total[0]['target_amount']) in pivot, (total, pivot[:500])
    w.shot('completion-pivot')

    # 3. the completion XLSX of the approved demo plan: capture the download's URL and fetch
    #    it with the page's session (no downloads in this headless browser)
    w.menu('sales_mis.menu_sales_mis_plans', 'Sales Plans')
    w.open_record('2026 Sales Plan')
    with w.page.context.expect_event(
            'request', predicate=lambda request: 'completion.xlsx' in request.url) as captured:
        w.button('Export Completion (XLSX)')
    url = captured.value.url
    for extra in w.page.context.pages[1:]:  # the tab the download opened
        extra.close()
    assert re.search(r'/sales_mis/plan/\d+/completion\.xlsx$', url), url
    response = w.page.request.get(url)
    assert response.ok, response.status
    body = response.body()
    assert body[:2] == b'PK' and len(body) > 1000, body[:100]
    assert 'xl/workbook.xml' in zipfile.ZipFile(io.BytesIO(body)).namelist()
    book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    cells = [c for row in book.worksheets[0].iter_rows(values_only=True) for c in row if c is not None]
    assert len(cells) > 10 and any('2026 Sales Plan' in str(c) for c in cells), cells[:20]
    assert 'spreadsheetml' in response.headers.get('content-type', ''), response.headers

    # 4. a forecast: create a run, run it now, open its result (Forecast > Forecast Runs)
    w.menu('sales_mis_forecast.menu_forecast_runs', 'Forecast Runs')
    w.create()
    run_name = '%s Company forecast' % token
    w.fill('name', run_name)
    w.fill('horizon', '6')
    w.save()
    w.button('Run now')
    w.wait_status('Done')
    w.shot('forecast-done')
    run = director('sales_mis_forecast.run', 'search_read', [('name', '=', run_name)],
                   ['state', 'series_count', 'line_count', 'total_forecast'])
    assert len(run) == 1 and run[0]['state'] == 'done' and run[0]['line_count'] == 6 * run[0]['series_count'], run
    stat = w.page.locator('.oe_button_box button', has_text='Lines').first
    assert str(run[0]['line_count']) in stat.inner_text()
    stat.click()
    w.page.wait_for_selector('.o_pivot table, .o_list_view')
    w.idle()
    w.switch_view('list')
    assert w.page.locator('.o_list_view .o_data_row').count() == run[0]['line_count']
    w.shot('forecast-lines')
