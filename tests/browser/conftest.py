"""Playwright fixtures for the browser flows (issue 7, L4).

Playwright's Python package drives Debian's /usr/bin/chromium (tests/browserlib.py):
nothing is downloaded (`playwright install` is never needed). Every flow runs in a
desktop (1366x800) and a phone (390x844, touch, mobile) viewport against the session
`server` of tests/conftest.py; what the flows do is COMMITTED into the test database,
so every record they make carries a unique marker (`token`).

Screenshots of each key step: .runtime/screenshots/flows/<role>-<viewport>-<nn>-<step>.png
"""
import os
import re
import time
import uuid

import pytest

from browserlib import MISSING, available

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHOTS = os.path.join(ROOT, '.runtime', 'screenshots', 'flows')
TIMEOUT = int(os.environ.get('SALES_MIS_BROWSER_TIMEOUT', 60000))  # ms: CI is a loaded 2-core machine

VIEWPORTS = {
    'desktop': dict(viewport={'width': 1366, 'height': 800}),
    'phone': dict(viewport={'width': 390, 'height': 844}, is_mobile=True, has_touch=True,
                  device_scale_factor=2,
                  user_agent='Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 '
                             '(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36'),
}

pytestmark = pytest.mark.skipif(not available(), reason=MISSING)

# Counts the page's XHRs in flight (Odoo 11's RPCs are jQuery XHRs), long polling excepted,
# so that a step can wait until the web client is idle instead of sleeping.
PENDING_RPC_SCRIPT = """
(() => {
    window.__pending = 0;
    const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) {
        this.__counted = !/longpolling/.test(String(url));
        return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
        if (this.__counted) {
            window.__pending++;
            window.__lastRpc = Date.now();
            this.addEventListener('loadend', () => { window.__pending--; window.__lastRpc = Date.now(); });
        }
        return send.apply(this, arguments);
    };
})();
"""


@pytest.fixture(params=sorted(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def token(viewport):
    """A marker unique to this run of this flow, put in the names of the records it makes."""
    return 'BRW-%s-%s' % (viewport[0].upper(), uuid.uuid4().hex[:6])


@pytest.fixture
def web(server, chromium, viewport, request):
    """web(login) -> Web: a logged-in page of that demo user in this test's viewport."""
    contexts = []

    def open_as(login, role=None):
        context = chromium.new_context(locale='en-US', timezone_id='UTC', **VIEWPORTS[viewport])
        context.set_default_timeout(TIMEOUT)
        context.add_init_script(PENDING_RPC_SCRIPT)
        contexts.append(context)
        page = context.new_page()
        w = Web(server, page, viewport, role or login)
        w.login(login)
        return w

    yield open_as
    failed = getattr(request.node, 'rep_call', None)
    for number, context in enumerate(contexts):
        if failed is not None and failed.failed:
            for page in context.pages:  # what the user saw when it broke
                os.makedirs(SHOTS, exist_ok=True)
                page.screenshot(path=os.path.join(SHOTS, 'FAILED-%s-%d.png' % (
                    re.sub(r'[^A-Za-z0-9]+', '-', request.node.name), number)))
        context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, 'rep_' + report.when, report)


class OdooError(AssertionError):
    pass


class Web:
    """The few gestures the flows need, in Odoo 11's backend web client."""

    def __init__(self, server, page, viewport, role):
        self.server, self.page, self.viewport, self.role = server, page, viewport, role
        self.step = 0
        self.phone = viewport == 'phone'

    # ------------------------------------------------------------------ waiting
    def idle(self, quiet_ms=150):
        """No RPC in flight for `quiet_ms`, no blocked UI; raise on an Odoo error dialog."""
        self.page.wait_for_function(
            """(quiet) => window.__pending === 0 && Date.now() - (window.__lastRpc || 0) > quiet
                          && !document.querySelector('.blockUI, .o_blockUI')""", arg=quiet_ms)
        self.check_no_error()

    def check_no_error(self):
        dialogs = self.page.locator('.modal:visible .o_dialog_warning, .modal:visible .o_error_detail')
        if dialogs.count():
            raise OdooError('Odoo showed an error: %s' % dialogs.first.inner_text()[:2000])

    def login(self, login):
        page = self.page
        page.goto(self.server.url + '/web/login')
        page.fill('input[name=login]', login)
        page.fill('input[name=password]', login)
        page.click('button[type=submit]')
        page.wait_for_selector('.o_web_client .o_main')
        self.idle()

    # ------------------------------------------------------------------ navigation
    def app(self, xmlid='sales_mis.menu_sales_mis_root'):
        """Open an app from the top menu (behind the navbar toggle on a phone)."""
        page = self.page
        link = page.locator('a[data-menu-xmlid="%s"]' % xmlid).first
        if not link.is_visible():
            page.click('.navbar-toggle:visible')
            more = page.locator('#menu_more_container > a.dropdown-toggle:visible')
            page.locator('a[data-menu-xmlid="%s"]:visible, #menu_more_container > a.dropdown-toggle:visible' % xmlid).first.wait_for()
            if not link.is_visible() and more.count():  # a phone puts every app under "More"
                more.first.click()
        link.click()
        self.idle()
        if page.locator('.navbar-collapse.in').count():  # fold the phone's menu back
            page.click('.navbar-toggle:visible')
            page.wait_for_selector('.navbar-collapse.in', state='detached')

    def menu(self, xmlid, title=None):
        """Click an entry of the app's left menu (behind its button on a phone); wait for its view."""
        link = self.page.locator('.o_sub_menu a[data-menu-xmlid="%s"]' % xmlid).first
        if not link.is_visible():  # a phone folds the section menu (sales_mis/static/src/js/phone.js)
            self.page.click('.o_sales_mis_sub_menu_toggle:visible')
        link.click()
        if title:
            self.wait_breadcrumb(title)
        self.page.wait_for_selector('.o_content .o_view_manager_content > div:visible')
        self.idle()

    def wait_breadcrumb(self, title):
        self.page.locator('.o_control_panel .breadcrumb li.active', has_text=title).wait_for()

    def switch_view(self, view_type):
        self.page.click('.o_cp_switch_buttons button[data-view-type="%s"]' % view_type)
        self.page.wait_for_selector('.o_view_manager_content .o_%s_view:visible' % view_type)
        self.idle()

    def search(self, text):
        """Type into the search box and take the first proposal (search on the name)."""
        box = self.page.locator('.o_searchview_input')
        box.fill(text)
        box.press('Enter')
        self.idle()

    def open_record(self, text):
        """Open the row of the list view that shows `text`."""
        self.page.locator('.o_list_view tbody tr.o_data_row', has_text=text).first.click()
        self.page.wait_for_selector('.o_form_view')
        self.idle()

    # ------------------------------------------------------------------ forms
    def open_plan(self, name, status):
        """Planning > Sales Plans, the plan called `name`, once its status bar shows `status`."""
        self.menu('sales_mis.menu_sales_mis_plans', 'Sales Plans')
        self.search(name)
        self.open_record(name)
        self.wait_status(status)

    def create(self):
        self.page.locator('.o_list_button_add:visible, .o-kanban-button-new:visible').first.click()
        self.page.wait_for_selector('.o_form_view.o_form_editable')
        self.idle()

    def field(self, name):
        return self.page.locator('.o_form_view .o_field_widget[name="%s"]:visible' % name).first

    def fill(self, name, value):
        widget = self.field(name)
        target = widget if widget.evaluate("e => e.tagName === 'INPUT' || e.tagName === 'TEXTAREA'") \
            else widget.locator('input, textarea').first
        target.fill(str(value))
        target.press('Tab') if target.evaluate("e => e.tagName === 'INPUT'") else target.blur()
        self.idle()

    def fill_date(self, name, value):
        """value: a date in the user's format (en_US: MM/DD/YYYY)."""
        target = self.field(name)
        if target.evaluate("e => e.tagName !== 'INPUT'"):
            target = target.locator('input').first
        target.fill(value)
        target.press('Enter')
        self.page.keyboard.press('Escape') if self.page.locator('.bootstrap-datetimepicker-widget:visible').count() else None
        self.idle()

    def many2one(self, name, text):
        """Type into a many2one and pick the proposal showing `text`."""
        field_input = self.field(name).locator('input').first
        field_input.click()
        field_input.fill(text)
        self.pick(text)

    def pick(self, text):
        """Click the autocomplete proposal showing `text` (e.g. "[CODE] text"), never "Create ..."."""
        exact = re.compile(r'^\s*(\[[^\]]*\]\s*)?%s\s*$' % re.escape(text))
        self.page.locator('ul.ui-autocomplete:visible li a', has_text=exact).first.click()
        self.idle()

    def select(self, name, label):
        self.field(name).select_option(label=label)
        self.idle()

    def radio(self, name, label):
        self.field(name).locator('label', has_text=label).first.click()
        self.idle()

    def save(self):
        self.page.click('.o_form_button_save')
        self.page.wait_for_selector('.o_form_view.o_form_readonly')
        self.idle()

    def button(self, label, within='.o_form_view .o_statusbar_buttons'):
        """Click a visible button of the form's header by its label (Odoo 11 renders no name)."""
        exact = re.compile(r'^\s*%s\s*$' % re.escape(label))
        self.page.locator('%s button:visible' % within, has_text=exact).first.click()
        self.idle()

    def add_line(self, field):
        """Start a new line of a one2many: an editable row on a desktop, a dialog on a phone
        (Odoo shows x2many fields as kanban on small screens). Returns the locator to fill in."""
        widget = self.page.locator('.o_form_view .o_field_widget[name="%s"]' % field).first
        if widget.locator('.o_field_x2many_list_row_add a').count():
            widget.locator('.o_field_x2many_list_row_add a').first.click()
            self.idle()
            return widget.locator('tr.o_selected_row')
        widget.locator('.o-kanban-button-new').first.click()
        self.page.wait_for_selector('.modal:visible .o_form_view')
        self.idle()
        return self.dialog()

    def dialog(self):
        return self.page.locator('.modal-dialog:visible').last

    def dialog_button(self, label):
        self.dialog().get_by_role('button', name=label, exact=True).first.click()
        self.idle()

    def status(self):
        """The highlighted state of the form's status bar."""
        return self.page.locator('.o_form_view .o_statusbar_status button.btn-primary').first.inner_text().strip()

    def wait_status(self, label):
        self.page.locator('.o_form_view .o_statusbar_status button.btn-primary', has_text=label).first.wait_for()

    def text(self, selector='.o_content'):
        return self.page.locator(selector).first.inner_text()

    # ------------------------------------------------------------------ evidence
    def shot(self, name):
        """Screenshot of the current screen; returns its path."""
        self.step += 1
        os.makedirs(SHOTS, exist_ok=True)
        path = os.path.join(SHOTS, '%s-%s-%02d-%s.png' % (self.role, self.viewport, self.step,
                                                          re.sub(r'[^a-z0-9]+', '-', name.lower())))
        self.page.screenshot(path=path)
        if self.phone:  # forms and their chatter fit a phone's width (addons/sales_mis/static/src/less/phone.less)
            wide = self.page.evaluate("""() => [...document.querySelectorAll('.o_form_sheet, .o_chatter')]
                .filter(e => e.offsetParent && e.getBoundingClientRect().right > window.innerWidth + 1)
                .map(e => e.className + ' ' + Math.round(e.getBoundingClientRect().width) + 'px')""")
            assert not wide, 'wider than the phone at step %s: %s (see %s)' % (name, wide, path)
        return path


@pytest.fixture
def admin(server):
    return server.login('admin', 'admin')


def today_us(days=0):
    """A date in the en_US format of the web client."""
    return time.strftime('%m/%d/%Y', time.gmtime(time.time() + days * 86400))
