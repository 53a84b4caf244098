#!/usr/bin/env python3
"""Acceptance walkthrough of the planning feature in the real Odoo 11 web client.

Headless Chromium (Playwright, tests/browserlib.py) clicks through the Sales MIS planning screens as the
demo users would and saves a screenshot after each step in
.runtime/screenshots/acceptance/.  It is not a pytest test: run it against a server
with the demo data (see the module docstring of bin/sales-mis):

    .venv/bin/python tests/acceptance/walkthrough_planning.py --url http://127.0.0.1:8090 \
        --db sales_mis_walk [--steps 1,2,3]

It prints what it sees (notifications, error dialogs, table texts) for a human to judge.
"""
import argparse
import datetime
import os
import re
import sys
import time
import traceback
import xmlrpc.client

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))  # tests/: the browser stack of the tests

from browserlib import launch, sync_playwright  # noqa: E402

SHOTS = os.path.join(ROOT, '.runtime', 'screenshots', 'acceptance')
NEXT_YEAR = datetime.date.today().year + 1
NEW_PLAN = 'Next Year Plan'


def say(message):
    print(message, flush=True)


# --- XML-RPC ------------------------------------------------------------------------

class Rpc(object):
    def __init__(self, url, db, login, password):
        self.db, self.password = db, password
        self.uid = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common').authenticate(db, login, password, {})
        self.models = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object', allow_none=True)

    def __call__(self, model, method, *args, **kwargs):
        return self.models.execute_kw(self.db, self.uid, self.password, model, method, list(args), kwargs)

    def ref(self, xmlid):
        return self('ir.model.data', 'xmlid_to_res_id', xmlid)


# --- the browser --------------------------------------------------------------------

class Walk(object):
    """Actions on `self.page` (a Playwright page, one browser context per login)."""

    def __init__(self, url, db):
        self.url, self.db = url, db
        self.admin = Rpc(url, db, 'admin', 'admin')
        self.playwright = sync_playwright().start()
        self.browser = launch(self.playwright)
        self.context = self.page = None
        self.shots = []
        self.problems = []

    # session
    def login(self, login):
        if self.context:
            self.context.close()
        self.context = self.browser.new_context(viewport={'width': 1280, 'height': 800}, accept_downloads=True)
        self.context.set_default_timeout(120000)
        self.context.set_default_navigation_timeout(180000)
        self.page = self.context.new_page()
        self.page.goto(self.url + '/web/login')
        self.page.fill('input[name=login]', login)
        self.page.fill('input[name=password]', login)
        self.page.click('button[type=submit]')
        self.wait_for('.oe_application_menu_placeholder .oe_menu_text')
        self.idle()

    def quit(self):
        if self.context:
            self.context.close()
            self.context = self.page = None
        self.browser.close()
        self.playwright.stop()

    # waiting
    def wait(self, condition, timeout=120, message=''):
        """Poll `condition()` until it is truthy; its value."""
        deadline = time.time() + timeout
        while True:
            value = condition()
            if value:
                return value
            if time.time() > deadline:
                raise TimeoutError(message or 'condition not met in %s s' % timeout)
            time.sleep(0.3)

    def wait_for(self, selector, timeout=120, visible=True):
        locator = self.page.locator(':is(%s):visible' % selector if visible else selector).first
        locator.wait_for(state='attached', timeout=timeout * 1000)
        return locator

    def idle(self, settle=0.7):
        """No RPC running (the web client's "Loading" indicator), no blockUI.  jQuery.active is
        no use: the bus keeps a longpolling request open all the time."""
        script = ("() => document.readyState === 'complete' && window.jQuery !== undefined"
                  " && jQuery('.blockUI:visible, .o_loading:visible, .oe_wait').length === 0")
        self.page.wait_for_function(script, timeout=180000)
        time.sleep(settle)
        self.page.wait_for_function(script, timeout=180000)

    # looking
    def shot(self, name):
        self.idle()
        os.makedirs(SHOTS, exist_ok=True)
        path = os.path.join(SHOTS, name)
        self.page.screenshot(path=path)
        self.shots.append(path)
        say('  screenshot %s' % path)
        self.report_messages()
        return path

    def texts(self, selector, root=None):
        elements = (root or self.page).locator(':is(%s):visible' % selector)
        return [t.strip() for t in elements.evaluate_all('(es) => es.map(e => e.innerText)') if t and t.strip()]

    def report_messages(self):
        """Notifications and dialogs on screen (warnings, server errors)."""
        for text in self.texts('.o_notification'):
            say('  NOTIFICATION: %s' % text.replace('\n', ' | '))
        dialogs = self.page.locator('.modal:visible')
        for number in range(dialogs.count()):
            dialog = dialogs.nth(number)
            title = ' '.join(self.texts('.modal-title', dialog))
            if 'Split' in title or '分解' in title:
                continue  # our own wizard
            body = ' '.join(self.texts('.modal-body', dialog))
            say('  DIALOG "%s": %s' % (title, body[:1500]))
            self.problems.append('%s: %s' % (title, body[:300]))

    def breadcrumbs(self):
        return ' / '.join(self.texts('.breadcrumb li'))

    # acting
    def click(self, locator):
        locator.scroll_into_view_if_needed()
        locator.click()
        self.idle()

    def find_text(self, selector, text, root=None, exact=True):
        pattern = re.compile(r'^\s*%s\s*$' % re.escape(text)) if exact else text
        locator = (root or self.page).locator(':is(%s):visible' % selector).filter(has_text=pattern).first
        try:
            locator.wait_for(timeout=60000)
        except Exception:
            raise TimeoutError('no %s with text %r' % (selector, text))
        return locator

    def open_app(self, xmlid='sales_mis.menu_sales_mis_root'):
        self.page.goto('%s/web#menu_id=%d' % (self.url, self.admin.ref(xmlid)))
        self.wait_for('.oe_secondary_menu .oe_menu_text')
        self.idle()

    def section_menu(self, label):
        self.click(self.find_text('.oe_secondary_menu .oe_menu_text', label))
        self.wait_for('.o_control_panel .breadcrumb li')
        self.idle()

    def header_button(self, label):
        self.click(self.find_text('.o_form_statusbar button', label))

    def form_tab(self, label):
        self.click(self.find_text('.o_notebook .nav-tabs a', label))

    def set_input(self, name, value, root=None):
        field = (root or self.page).locator(
            'input.o_field_widget[name=%s], .o_field_widget[name=%s] input' % (name, name)).first
        field.fill(str(value))
        field.press('Tab')
        self.idle(0.3)

    def set_select(self, name, label, root=None):
        (root or self.page).locator('select.o_field_widget[name=%s]' % name).first.select_option(label=label)
        self.idle(0.3)

    def set_radio(self, name, label, root=None):
        widget = (root or self.page).locator('.o_field_widget[name=%s]' % name).first
        self.click(self.find_text('label', label, root=widget))

    def selected_label(self, name):
        return self.page.locator('select[name=%s]' % name).first.evaluate('e => e.options[e.selectedIndex].text')

    def statusbar(self):
        return ' '.join(self.texts('.o_statusbar_status .btn-primary, .o_statusbar_status .o_arrow_button.btn-primary'))

    def list_rows(self, root=None, limit=40):
        rows = self.texts('.o_list_view tbody tr.o_data_row, .o_list_view tfoot tr', root)
        for row in rows[:limit]:
            say('    | ' + row.replace('\t', ' | ').replace('\n', ' '))
        if len(rows) > limit:
            say('    | ... %d rows' % len(rows))
        return rows


# --- the steps ------------------------------------------------------------------------

def step1(w):
    say('Step 1: director lists the sales plans and creates "%s" (%d)' % (NEW_PLAN, NEXT_YEAR))
    w.login('director')
    w.open_app()
    say('  sections: %s' % w.texts('.oe_secondary_menu .oe_menu_text'))
    w.section_menu('Sales Plans')
    w.wait_for('.o_list_view, .o_view_nocontent')
    say('  breadcrumb: %s; filters: %s' % (w.breadcrumbs(), w.texts('.o_searchview_facet')))
    w.list_rows()
    w.shot('01-director-plans-list.png')
    w.click(w.wait_for('.o_list_button_add'))
    w.wait_for('.o_form_view.o_form_editable')
    say('  defaults: period=%s year=%s scope=%s' % (
        w.selected_label('period_type'), w.page.locator('input[name=year]').first.input_value(),
        w.selected_label('scope')))
    w.set_input('name', NEW_PLAN)
    w.set_select('period_type', 'Year')
    w.set_input('year', NEXT_YEAR)
    w.set_select('scope', 'Company')
    w.set_input('target_amount', 3000000)
    w.shot('01b-director-new-plan-editing.png')
    w.click(w.wait_for('.o_form_button_save'))
    w.wait_for('.o_form_view.o_form_readonly')
    say('  saved: %s; status %s' % (w.breadcrumbs(), w.statusbar()))
    say('  form: %s' % ' | '.join(w.texts('.o_group .o_td_label, .o_group td.o_td_label + td'))[:800])
    w.shot('01c-director-new-plan-saved.png')


def open_plan(w, name):
    """From the Sales Plans list (current revisions), open a plan by name."""
    w.open_app()
    w.section_menu('Sales Plans')
    w.click(w.find_text('.o_list_view tbody tr.o_data_row td', name))
    w.wait_for('.o_form_view.o_form_readonly')


def split_wizard(w, dimension, method, teams=None, screenshot=None):
    w.wait_for('.modal .o_form_view')
    modal = w.page.locator('.modal:visible').last
    say('  wizard title: %s' % w.texts('.modal-title', modal))
    w.set_radio('dimension', dimension, modal)
    w.set_radio('method', method, modal)
    if teams is not None:
        tags = modal.locator('.o_field_widget[name=team_ids]').first  # a locator: re-read on each use
        current = w.texts('.badge .o_badge_text, .badge span', tags)
        say('  default teams: %s' % current)
        while True:  # the widget re-renders after each removal
            badges = tags.locator('.badge')
            extra = [number for number in range(badges.count())
                     if badges.nth(number).inner_text().strip() not in teams]
            if not extra:
                break
            w.click(badges.nth(extra[0]).locator('.o_delete'))
        for team in teams:
            if team not in w.texts('.badge', tags):
                tags.locator('input').first.type(team[:6])
                w.idle()
                w.click(w.find_text('.ui-autocomplete li a', team))
        say('  chosen teams: %s' % w.texts('.badge', tags))
    say('  wizard: %s' % ' | '.join(w.texts('.o_group', modal))[:600])
    if screenshot:
        w.shot(screenshot)
    w.click(w.find_text('.modal-footer button', 'Split', root=modal))
    w.wait(lambda: not w.page.locator('.modal .o_form_view:visible').count()
           or w.page.locator('.o_dialog_warning, .modal .o_error_detail').count(), 120)
    w.idle()
    w.report_messages()


def step2(w):
    say('Step 2: split "%s" to teams by last year\'s actual shares, then each team by months' % NEW_PLAN)
    if not w.page:
        w.login('director')
    open_plan(w, NEW_PLAN)
    w.header_button('Split Target')
    split_wizard(w, 'Sales Teams', "Last year's actual shares", teams=['East China 华东区', 'North China'],
                 screenshot='02-split-wizard-teams.png')
    w.wait_for('.o_form_view.o_form_readonly')
    w.form_tab('Plan Lines')
    w.list_rows()
    w.shot('02b-plan-lines-after-team-split.png')
    for team in ('East China 华东区', 'North China'):
        candidates = w.page.locator('.o_field_one2many .o_data_row')
        rows = [candidates.nth(number) for number in range(candidates.count())
                if candidates.nth(number).locator('td').count()
                and candidates.nth(number).locator('td').first.inner_text().strip() == team]
        if not rows:
            say('  NO LINE "%s" to split' % team)
            w.problems.append('no plan line %s' % team)
            continue
        w.click(rows[0].locator('button[title=Split]'))
        w.wait_for('.modal .o_form_view')
        method = w.texts('.modal .o_field_widget[name=method] input:checked + label')
        say('  %s: wizard default method %s' % (team, method))
        split_wizard(w, 'Months', 'Equal shares',
                     screenshot='02c-split-wizard-months-%s.png' % ('east' if 'East' in team else 'europe'))
        w.wait_for('.o_form_view.o_form_readonly')
        if 'Plan Lines' not in ' '.join(w.texts('.o_notebook .nav-tabs li.active a')):
            w.form_tab('Plan Lines')
    say('  lines after the month splits:')
    w.list_rows(limit=60)
    w.shot('02d-plan-lines-after-month-split.png')
    # the same tree by XML-RPC, to check the sums
    plan = w.admin('sales_mis.plan', 'search', [('name', '=', NEW_PLAN)])
    for line in w.admin('sales_mis.plan.line', 'search_read', [('plan_id', 'in', plan), ('child_ids', '!=', False)],
                        fields=['name', 'target_amount']):
        say('  rpc: %s = %s' % (line['name'], line['target_amount']))


def step3(w):
    say('Step 3: submit and approve "%s"' % NEW_PLAN)
    if not w.page:
        w.login('director')
    open_plan(w, NEW_PLAN)
    w.header_button('Submit')
    say('  after submit: status %s' % w.statusbar())
    w.shot('03-submitted.png')
    w.header_button('Approve')
    say('  after approve: status %s; buttons %s' % (w.statusbar(), w.texts('.o_form_statusbar .o_statusbar_buttons button')))
    say('  revision group: %s' % ' | '.join(w.texts('.o_group'))[:700])
    w.shot('03b-approved-top.png')
    chatter = w.wait_for('.o_chatter')
    chatter.evaluate('e => e.scrollIntoView({block: "start"})')
    for message in w.texts('.o_thread_message')[:6]:
        say('  chatter: %s' % message.replace('\n', ' | '))
    w.shot('03c-approved-chatter.png')


def step4(w):
    say('Step 4: completion of the current-year demo plan')
    if not w.page:
        w.login('director')
    demo = w.admin('sales_mis.plan', 'search_read', [('year', '=', datetime.date.today().year),
                                                       ('state', 'in', ('approved', 'locked'))],
                   fields=['name'], limit=1)[0]
    open_plan(w, demo['name'])
    w.form_tab('Completion')
    say('  stat button: %s' % w.texts('.oe_button_box .oe_stat_button'))
    for row in w.texts('.o_field_widget[name=summary_html] tr'):
        say('    | ' + row.replace('\t', ' | '))
    w.shot('04-demo-plan-completion-tab.png')
    w.open_app()
    w.section_menu('Plan Completion')
    w.wait_for('.o_pivot')
    pivot_report(w)
    w.shot('04b-plan-completion-pivot.png')
    # the same pivot, wide: all measures of all quarters do not fit 1280 px
    w.page.set_viewport_size({'width': 2200, 'height': 900})
    w.idle()
    w.shot('04c-plan-completion-pivot-wide.png')
    w.page.set_viewport_size({'width': 1280, 'height': 800})
    w.idle()


def pivot_report(w):
    say('  breadcrumb %s; facets %s' % (w.breadcrumbs(), w.texts('.o_searchview_facet')))
    for row in w.texts('.o_pivot table thead tr, .o_pivot table tbody tr'):
        say('    | ' + row.replace('\t', ' | ').replace('\n', ' '))


def step5(w):
    say('Step 5: export the completion XLSX of the demo plan')
    import requests
    import xlrd
    if not w.page:
        w.login('director')
    demo = w.admin('sales_mis.plan', 'search_read', [('year', '=', datetime.date.today().year),
                                                       ('state', 'in', ('approved', 'locked'))],
                   fields=['name'], limit=1)[0]
    session = [c['value'] for c in w.context.cookies() if c['name'] == 'session_id'][0]
    response = requests.get('%s/sales_mis/plan/%d/completion.xlsx' % (w.url, demo['id']),
                            cookies={'session_id': session}, timeout=300)
    say('  HTTP %s %s; %s' % (response.status_code, response.headers.get('Content-Type'),
                             response.headers.get('Content-Disposition')))
    path = os.path.join(SHOTS, 'demo-plan-completion.xlsx')
    with open(path, 'wb') as handle:
        handle.write(response.content)
    book = xlrd.open_workbook(path)
    for sheet in book.sheets():
        say('  sheet "%s" %dx%d, merged %s' % (sheet.name, sheet.nrows, sheet.ncols, sheet.merged_cells))
        for r in range(sheet.nrows):
            say('    | ' + ' | '.join(str(v) for v in sheet.row_values(r)))
    # and the button itself, as a user clicks it (the browser downloads the file)
    downloads = os.path.join(SHOTS, 'downloads')
    os.makedirs(downloads, exist_ok=True)
    for name in os.listdir(downloads):
        os.remove(os.path.join(downloads, name))
    open_plan(w, demo['name'])
    # the button's act_url opens a new tab (target "new"), which downloads the file
    started = []
    record = lambda download: started.append(download)  # Playwright wants a Python function
    w.page.on('download', record)
    w.context.on('page', lambda tab: tab.on('download', record))
    w.header_button('Export Completion (XLSX)')
    try:
        w.wait(lambda: started, 60)
        started[0].save_as(os.path.join(downloads, started[0].suggested_filename))
    except Exception as error:  # what happened is the finding
        say('  no download: %r' % error)
    say('  button download: %s; page now %s' % (os.listdir(downloads), w.page.url))
    time.sleep(5)
    disabled = [t.strip() for t in w.page.locator('.o_form_statusbar button[disabled], '
                                                  '.o_form_buttons_view button[disabled]').all_inner_texts()]
    say('  5 s after the download, disabled buttons: %s' % disabled)
    w.shot('05-after-export-button.png')


def step6(w):
    say('Step 6: the salesperson sees only their own targets')
    w.login('salesperson')
    w.open_app()
    say('  sections: %s' % w.texts('.oe_secondary_menu .oe_menu_text'))
    w.section_menu('Targets')
    w.wait_for('.o_list_view, .o_view_nocontent')
    say('  breadcrumb %s; facets %s' % (w.breadcrumbs(), w.texts('.o_searchview_facet')))
    w.list_rows()
    w.shot('06-salesperson-targets.png')
    w.section_menu('Plan Completion')
    w.wait_for('.o_pivot')
    pivot_report(w)
    w.shot('06b-salesperson-plan-completion.png')
    plan = w.admin('sales_mis.plan', 'search', [('name', '=', NEW_PLAN)])[0]
    w.page.goto('%s/web#id=%d&model=sales_mis.plan&view_type=form' % (w.url, plan))
    w.page.reload()
    w.wait_for('.o_form_view, .modal', 120)
    w.idle(2)
    say('  by URL: breadcrumb %s; title %s' % (w.breadcrumbs(), w.texts('.oe_title h1')))
    w.shot('06c-salesperson-opens-director-plan.png')


def step7(w):
    say('Step 7: the plan completion pivot in 简体中文')
    salesperson = w.admin('res.users', 'search', [('login', '=', 'salesperson')])
    w.admin('res.users', 'write', salesperson, {'lang': 'zh_CN'})
    try:
        w.login('salesperson')
        w.page.goto('%s/web#menu_id=%d&action=%d' % (
            w.url, w.admin.ref('sales_mis.menu_sales_mis_root'), w.admin.ref('sales_mis.action_plan_completion')))
        w.wait_for('.o_pivot')
        w.idle(1)
        pivot_report(w)
        w.shot('07-salesperson-plan-completion-zh_CN.png')
        visible = w.page.evaluate("""() => {
            var out = [];
            var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                var n = walker.currentNode, e = n.parentElement, t = n.textContent.trim();
                if (!t || !e || !e.offsetParent) continue;
                var r = e.getBoundingClientRect();
                if (r.width && r.height && r.bottom > 0 && r.top < window.innerHeight) out.push(t);
            }
            return out; }""")
        visible += w.page.locator('input[placeholder]:visible').evaluate_all(
            '(es) => es.map(e => e.getAttribute("placeholder"))')
        english = sorted({t for t in visible if t and re.search('[A-Za-z]{2,}', t)})
        say('  visible texts: %s' % visible)
        say('  texts with Latin words: %s' % english)
    finally:
        w.admin('res.users', 'write', salesperson, {'lang': 'en_US'})


STEPS = [step1, step2, step3, step4, step5, step6, step7]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--url', default='http://127.0.0.1:8090')
    parser.add_argument('--db', default='sales_mis_walk')
    parser.add_argument('--steps', default='1,2,3,4,5,6,7')
    args = parser.parse_args()
    w = Walk(args.url, args.db)
    failed = []
    try:
        for number in [int(s) for s in args.steps.split(',')]:
            try:
                STEPS[number - 1](w)
            except Exception as error:  # keep walking: a broken step is a finding
                failed.append(number)
                say('  STEP %d BROKE: %r' % (number, error))
                traceback.print_exc(file=sys.stdout)
                if w.page:
                    try:
                        w.shot('step%d-broken.png' % number)
                    except Exception:
                        pass
    finally:
        w.quit()
    say('screenshots: %s' % w.shots)
    say('dialogs: %s' % w.problems)
    say('broken steps: %s' % failed)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
