#!/usr/bin/env python3
"""First-impression tour of each role in the real web client: log in (the role's home page),
then open every Sales MIS menu entry the user sees, in English and 中文, on a desktop
(1366x800) and a phone (390x844). For each page: the time until the web client is idle, an
error dialog if any, and whether the page is wider than the screen; a screenshot of each in
.runtime/screenshots/tour/. Prints the medians per role, language and size (with the load
average, as they are wall times). Not a pytest test: run it against a server with demo data:

    .venv/bin/python tests/acceptance/tour_roles.py --url http://127.0.0.1:8090 --db sales_mis
"""
import argparse
import os
import statistics
import sys
import time
import xmlrpc.client

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))  # tests/: the browser stack of the tests

from browserlib import launch, sync_playwright  # noqa: E402

SHOTS = os.path.join(ROOT, '.runtime', 'screenshots', 'tour')
ROLES = ('director', 'manager', 'salesperson')
LANGS = ('en_US', 'zh_CN')
SIZES = {
    'desktop': dict(viewport={'width': 1366, 'height': 800}),
    'phone': dict(viewport={'width': 390, 'height': 844}, is_mobile=True, has_touch=True, device_scale_factor=2,
                  user_agent='Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 '
                             '(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36'),
}
# counts the RPCs in flight (long polling excepted): a page is loaded when none is left
PENDING = """
(() => {
    window.__pending = 0; window.__lastRpc = Date.now();
    const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (m, url) { this.__c = !/longpolling/.test(String(url));
                                                        return open.apply(this, arguments); };
    XMLHttpRequest.prototype.send = function () {
        if (this.__c) { window.__pending++; window.__lastRpc = Date.now();
                        this.addEventListener('loadend', () => { window.__pending--; window.__lastRpc = Date.now(); }); }
        return send.apply(this, arguments);
    };
})();
"""
IDLE = "() => window.__pending === 0 && Date.now() - window.__lastRpc > 250 && !document.querySelector('.o_loading:not([style*=\"none\"])')"
WIDER = "() => Math.max(document.documentElement.scrollWidth, (document.querySelector('.o_content') || document.body).scrollWidth) - window.innerWidth"


def menu_entries(url, db, login):
    """(menu id, action id, full name) of the Sales MIS menu entries `login` sees."""
    common = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common')
    uid = common.authenticate(db, login, login, {})
    models = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object', allow_none=True)
    root = models.execute_kw(db, uid, login, 'ir.model.data', 'xmlid_to_res_id', ['sales_mis.menu_sales_mis_root'])
    menus = models.execute_kw(db, uid, login, 'ir.ui.menu', 'search_read',
                              [[('id', 'child_of', root), ('action', '!=', False)]],
                              {'fields': ['complete_name', 'action'], 'order': 'parent_left'})
    return root, [(m['id'], int(m['action'].split(',')[1]), m['complete_name']) for m in menus]


def set_lang(url, db, login, lang):
    common = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common')
    uid = common.authenticate(db, login, login, {})
    models = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object', allow_none=True)
    models.execute_kw(db, uid, login, 'res.users', 'write', [[uid], {'lang': lang}])


def visit(page, target, shot):
    """Go to `target` (None: the page is already loading), wait until idle; (seconds, error, px wider)."""
    started = time.time()
    if target:
        page.goto(target)
    page.wait_for_function(IDLE, timeout=60000)
    seconds = time.time() - started
    error = page.locator('.o_dialog_warning, .modal .o_error_detail, .o_notification.o_error').first
    message = error.inner_text()[:160].replace('\n', ' ') if error.count() else ''
    wider = page.evaluate(WIDER)
    page.screenshot(path=shot)
    return seconds, message, wider


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--url', default='http://127.0.0.1:8069')
    parser.add_argument('--db', default='sales_mis')
    parser.add_argument('--roles', default=','.join(ROLES))
    args = parser.parse_args()
    os.makedirs(SHOTS, exist_ok=True)
    load_before = os.getloadavg()
    cpu_before = time.process_time()
    rows, problems = [], []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for login in args.roles.split(','):
            root, entries = menu_entries(args.url, args.db, login)
            for lang in LANGS:
                set_lang(args.url, args.db, login, lang)
                for size, options in SIZES.items():
                    context = browser.new_context(timezone_id='Asia/Shanghai', **options)
                    context.add_init_script(PENDING)
                    page = context.new_page()
                    page.goto('%s/web/login?db=%s' % (args.url, args.db))
                    page.fill('input[name=login]', login)
                    page.fill('input[name=password]', login)
                    page.click('button[type=submit]')
                    tag = '%s-%s-%s' % (login, lang, size)
                    seconds, error, wider = visit(page, None, os.path.join(SHOTS, '%s-00-home.png' % tag))
                    rows.append((login, lang, size, 'home', seconds))
                    for number, (menu_id, action_id, name) in enumerate(entries, 1):
                        target = '%s/web#menu_id=%d&action=%d' % (args.url, menu_id, action_id)
                        seconds, error, wider = visit(page, target, os.path.join(SHOTS, '%s-%02d.png' % (tag, number)))
                        rows.append((login, lang, size, name, seconds))
                        if error or wider > 1:
                            problems.append('%s %s: %s%s' % (tag, name, error and 'ERROR ' + error + ' ',
                                                               'wider by %d px' % wider if wider > 1 else ''))
                    context.close()
            set_lang(args.url, args.db, login, 'en_US')
        browser.close()
    print('%-12s %-6s %-8s %6s %8s %8s' % ('role', 'lang', 'size', 'pages', 'median s', 'max s'))
    for login in args.roles.split(','):
        for lang in LANGS:
            for size in SIZES:
                times = [r[4] for r in rows if r[:3] == (login, lang, size)]
                print('%-12s %-6s %-8s %6d %8.2f %8.2f' % (login, lang, size, len(times),
                                                          statistics.median(times), max(times)))
    homes = [r[4] for r in rows if r[3] == 'home']
    print('home page (dashboard) median %.2f s over %d logins; all pages median %.2f s over %d'
          % (statistics.median(homes), len(homes), statistics.median([r[4] for r in rows]), len(rows)))
    print('load average before %s after %s; this process %.1f CPU s'
          % (load_before, os.getloadavg(), time.process_time() - cpu_before))
    print('%d problems' % len(problems))
    for problem in problems:
        print('  ' + problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
