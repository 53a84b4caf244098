"""Field work on a phone (issue 13), in English and in 简体中文: the salesperson's visits open as
cards, a visit is logged in a few taps (customer, type, result, "Mark Done") and shows among
today's cards, the calendar shows one day, a to-do opens from its card, the section menu folds behind one button, and no
page of the salesperson's day is wider than the screen (plan completion included).
Also run on the desktop viewport, where the same pages must still fit 1366 px."""
import time

import pytest

#: the salesperson's pages checked for width: (menu xmlid, view that opens first on a phone)
PAGES = [
    ('sales_mis.menu_sales_mis_visits_today', 'kanban'),
    ('sales_mis.menu_sales_mis_todos', 'kanban'),
    ('sales_mis.menu_sales_mis_visits', 'kanban'),
    ('sales_mis.menu_sales_mis_opportunities', 'kanban'),
    ('sales_mis.menu_sales_mis_partners', 'kanban'),
    ('sales_mis.menu_sales_mis_quotations', 'kanban'),
    ('sales_mis.menu_sales_mis_sale_orders', 'kanban'),
    ('sales_mis.menu_sales_mis_daily_reports', 'kanban'),
    ('sales_mis.menu_sales_mis_plan_completion', 'kanban'),
    ('sales_mis.menu_sales_mis_plans', 'list'),  # the plan's form has the completion table
]

# Elements of the page that reach past the right edge of the screen, ignoring those inside a box
# that scrolls sideways on its own or clips them (a wide list or pivot scrolls within the page, the
# tabs of a grouped kanban slide in a clipped strip), and how far the main content scrolls sideways.
OVERFLOW_SCRIPT = """() => {
    const width = window.innerWidth;
    const scrolls = e => { for (; e && e !== document.body; e = e.parentElement) {
        const s = getComputedStyle(e).overflowX;
        if (s !== 'visible' && !e.classList.contains('o_content')) return true;
    } return false; };
    const content = document.querySelector('.o_content');
    const wide = [...document.querySelectorAll('.o_main_content *')]
        .filter(e => e.offsetParent && e.getBoundingClientRect().right > width + 1 && !scrolls(e.parentElement))
        .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
    return {page: document.documentElement.scrollWidth, content: content ? content.scrollWidth - content.clientWidth : 0,
            width: width, wide: wide};
}"""


def salesperson(admin, token, lang):
    """The demo salesperson (English), or a new salesperson working in 中文 (in no team: the flows
    commit their records, and a team's manager would then miss this user's daily reports)."""
    if lang == 'en_US':
        return 'salesperson'
    login = 'phonezh-%s' % token.lower()
    groups = [admin('ir.model.data', 'xmlid_to_res_id', xmlid)
              for xmlid in ('base.group_user', 'sales_mis.group_salesperson')]
    admin('res.users', 'create', {'name': '%s 销售' % token, 'login': login, 'password': login, 'lang': lang,
                                  'email': '%s@example.com' % login, 'tz': 'Asia/Shanghai', 'groups_id': [(6, 0, groups)]})
    return login


def assert_fits(w, what):
    seen = w.page.evaluate(OVERFLOW_SCRIPT)
    assert seen['page'] <= seen['width'] and seen['content'] <= 0 and not seen['wide'], (what, seen)


@pytest.mark.parametrize('lang', ['en_US', 'zh_CN'])
def test_field_work_on_a_phone(web, admin, server, token, viewport, lang):
    login = salesperson(admin, token, lang)
    user = admin('res.users', 'search', [('login', '=', login)])[0]
    customer_name = '%s Pump Works' % token
    customer = admin('res.partner', 'create', {'name': customer_name, 'customer': True, 'is_company': True,
                                               'user_id': user, 'team_id': 4})
    # a to-do of the salesperson that is late whatever the time zone: it is among "due today or late"
    todo_summary = '%s call back about the pump offer' % token
    admin('mail.activity', 'create', {
        'res_model_id': admin('ir.model', 'search', [('model', '=', 'res.partner')])[0], 'res_id': customer,
        'activity_type_id': admin('ir.model.data', 'xmlid_to_res_id', 'mail.mail_activity_data_todo'),
        'summary': todo_summary, 'user_id': user,
        'date_deadline': time.strftime('%Y-%m-%d', time.gmtime(time.time() - 2 * 86400))})

    w = web(login, 'field-%s' % lang)
    w.app()
    # the section menu: one button on a phone, the usual left menu on a desktop
    toggle = w.page.locator('.o_sales_mis_sub_menu_toggle')
    entries = w.page.locator('.o_sub_menu .o_sub_menu_content')
    if w.phone:
        assert toggle.is_visible() and not entries.is_visible()
        toggle.click()
        assert entries.is_visible()
        w.shot('section-menu-open')
        toggle.click()
        assert not entries.is_visible()
    else:
        assert not toggle.is_visible() and entries.is_visible()

    # 1. today's visits as cards; "Create" opens the short log form
    w.menu('sales_mis.menu_sales_mis_visits_today')
    w.page.wait_for_selector('.o_kanban_view.o_sales_mis_visit_kanban')
    w.shot('today-visits')
    w.create()
    w.many2one('partner_id', customer_name)
    w.field('visit_type').locator('input[data-value="call"]').check()
    w.idle()
    subject = w.field('name')
    subject = subject if subject.evaluate("e => e.tagName === 'INPUT'") else subject.locator('input').first
    subject = subject.input_value()
    assert subject.endswith(customer_name) and len(subject) > len(customer_name), subject  # type: customer
    w.fill('result', 'Wants 4 pumps in March')
    w.shot('visit-log-form')
    w.page.click('.o_form_view .o_statusbar_buttons button.oe_highlight:visible')  # "Mark Done": saves and closes
    w.idle()
    w.page.wait_for_selector('.o_form_view .o_statusbar_status button.btn-primary[data-value="done"]')
    w.shot('visit-logged')
    visits = admin('sales_mis.visit', 'search_read', [('partner_id', '=', customer)],
                   ['name', 'user_id', 'visit_type', 'state', 'result', 'date_start'])
    assert len(visits) == 1, visits
    assert (visits[0]['user_id'][0], visits[0]['visit_type'], visits[0]['state']) == (user, 'call', 'done'), visits
    assert visits[0]['name'] == subject, visits

    # ... and it is among today's cards
    w.page.locator('.o_control_panel .breadcrumb li a').first.click()
    card = w.page.locator('.o_kanban_view .o_kanban_record', has_text=customer_name)
    card.wait_for()
    assert 'Wants 4 pumps in March' in card.inner_text()
    w.idle()
    w.shot('today-visits-with-the-new-one')
    # the calendar shows one day on a phone, the week on a desktop
    w.switch_view('calendar')
    w.page.wait_for_selector('.o_calendar_widget .%s' % ('fc-agendaDay-view' if w.phone else 'fc-agendaWeek-view'))
    w.idle()
    assert_fits(w, 'calendar')
    w.shot('today-calendar')

    # 2. the to-do as a card; its card opens it, with a link to its customer
    w.menu('sales_mis.menu_sales_mis_todos')
    todo = w.page.locator('.o_kanban_view .o_kanban_record', has_text=todo_summary)
    todo.wait_for()
    assert customer_name in todo.inner_text()
    w.shot('todo-cards')
    todo.click()
    w.page.wait_for_selector('.o_form_view')
    w.idle()
    assert todo_summary in w.text('.o_form_view')
    assert customer_name in w.page.locator('.o_form_view .o_field_widget[name="document_ref"]').inner_text()
    assert_fits(w, 'to-do form')
    w.shot('todo-opened')

    # 3. every page of the salesperson's day fits the screen: lists (cards on a phone), a form and
    #    each of its tabs
    for xmlid, first_view in PAGES:
        w.menu(xmlid)
        if w.phone:
            assert 'view_type=%s' % first_view in w.page.url, (xmlid, w.page.url)
        assert_fits(w, xmlid)
        record = w.page.locator('.o_kanban_record.oe_kanban_global_click, '
                                '.o_kanban_record .oe_kanban_global_click, .o_list_view .o_data_row')
        if record.count():
            record.first.click()
            w.page.wait_for_selector('.o_form_view')
            w.idle()
            assert_fits(w, xmlid + ' form')
            tabs = w.page.locator('.o_form_view .o_notebook > ul > li > a:visible')
            for number in range(tabs.count()):
                tabs.nth(number).click()
                w.idle()
                assert_fits(w, '%s form, tab %d' % (xmlid, number + 1))
    # plan completion's table (its pivot) fits too: a wide pivot scrolls within its own box
    w.menu('sales_mis.menu_sales_mis_plan_completion')
    w.page.click('.o_cp_switch_buttons button[data-view-type="pivot"]')
    # the demo salesperson has this year's targets; the new 中文 salesperson has none
    w.page.wait_for_selector('.o_pivot table' if lang == 'en_US' else '.o_pivot table, .o_pivot .oe_view_nocontent')
    w.idle()
    assert_fits(w, 'plan completion pivot')
    w.shot('plan-completion-pivot')
