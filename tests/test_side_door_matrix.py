"""The side-door matrix (issue 12): every public method that returns figures or rows, every
helper that acts on a user's behalf and every HTTP route of both addons, called by every demo role
and by users without a Sales MIS role (a plain internal user, Odoo's own sales user, a portal
user). Each door names who may pass (a group); refused RPC calls must be AccessErrors (XML-RPC
fault 3), refused downloads HTTP 403 with a message; anything else is unexpected.

The routes are collected from the controllers' source (every `@http.route`), so a new route fails
this test until it is listed in ROUTE_URLS with who may download it."""
import datetime
import glob
import os
import re
import time
import urllib.error
import xmlrpc.client
from serverlib import session

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

#: who may pass a door: a group xml id, ADMIN (Settings' access rights: base.group_erp_manager) or a
#: set of logins
SALES = 'sales_mis.group_salesperson'
MANAGER = 'sales_mis.group_manager'
ODOO_SALES = 'sales_team.group_sale_salesman'
ADMIN = 'base.group_erp_manager'

#: users without a Sales MIS role, made by the test: login -> groups
OUTSIDERS = {
    'sidedoor_internal': ['base.group_user'],
    'sidedoor_odoo_sales': ['base.group_user', 'sales_team.group_sale_salesman'],
    'sidedoor_portal': ['base.group_portal'],
}
ROLES = ['salesperson', 'manager', 'director', 'misadmin', 'admin'] + sorted(OUTSIDERS)
#: demo portal users of a dealer (sales_mis_dealer), in the matrix when that addon's demo data is there
DEALERS = {'dealer'}

#: (model, method, args(ctx), who may pass, called as admin too: False for maintenance tasks whose
#: administrator run is tested in-process and would change the shared test database). Methods that only change data
#: for the caller (write/create/workflow) are the protected-field matrix's; these return figures
#: or rows, or act as superuser on the caller's behalf. Methods that take records are private
#: (sales_mis.plan.completion._export_rows, sales_mis.actual._history_by: Odoo refuses them over
#: RPC); their doors are the completion route below and the split wizard (addons' test_side_doors.py).
RPC_DOORS = [
    ('sales_mis.arrears', 'aged_rows', lambda c: [c['day']], SALES, True),
    ('sales_mis.report.export', 'product_daily_rows', lambda c: [c['day']], SALES, True),
    ('sales_mis.report.export', 'collection_detail_rows', lambda c: [c['day']], SALES, True),
    ('sales_mis.report.export', 'collection_summary_rows', lambda c: [c['day']], SALES, True),
] + [
    ('sales_mis.report.export', 'build', (lambda report: lambda c: [report, c['day']])(report), SALES, True)
    for report in ('sales_analysis', 'product_daily', 'collection_detail', 'collection_summary', 'arrears')
] + [
    ('sales_mis.dashboard', 'figures', lambda c: [c['day']], SALES, True),
    ('sales_mis.dashboard', 'action_open', lambda c: [], SALES, True),
    ('sales_mis.competitor.report', 'export_rows', lambda c: [], SALES, True),
    ('sales_mis.kpi.measure', 'measure', lambda c: [[c['uid']], c['company'], c['month_start'], c['day']],
     SALES, True),
    ('sales_mis.win.model', 'train', lambda c: [], MANAGER, True),
    ('sales_mis.partner.duplicate', 'action_scan', lambda c: [], MANAGER, True),
    ('crm.lead', 'action_followup_list', lambda c: [], ODOO_SALES, True),
    ('crm.lead', 'followup_refresh', lambda c: [], ADMIN, True),
    ('crm.lead', 'cron_followup', lambda c: [], ADMIN, False),   # (would file reminders in the shared database)
    ('sales_mis.report.demo', 'create_demo_flow', lambda c: [], ADMIN, True),
    ('sales_mis.report.schedule', 'cron_send_daily', lambda c: [], ADMIN, False),
    ('sales_mis_forecast.snapshot', 'take_snapshot', lambda c: [], ADMIN, False),  # (replaces today's snapshot)
    # books 27 months of orders: refused to everybody else, not run again for the administrator
    ('sales_mis_forecast.demo', 'load', lambda c: [], ADMIN, False),
    # on records: who may pass is a set of logins (the record's owner and those above them)
    ('crm.lead', 'action_sales_mis_evaluate', lambda c: [[c['salesperson_lead']]],
     {'salesperson', 'manager', 'director', 'misadmin', 'admin'}, True),
    # the MIS administrator is a director, not Settings' administrator: their own figures only
    ('sales_mis.report.schedule', 'send', lambda c: [[c['director_schedule']]], {'director', 'admin'}, True),
    # service (K1): health figures read as the caller; the escalation cron is a maintenance task
    ('sales_mis_service.health', 'figures', lambda c: [], SALES, True),
    ('sales_mis_service.request', 'cron_escalate', lambda c: [], ADMIN, False),  # (would escalate demo requests)
] + [
    # 进销存 (inventory addon): company-wide stock figures for sales managers up (and stock users)
    ('sales_mis_inventory.summary.export', 'summary_rows', lambda c: [c['month_start'], c['day']], MANAGER, True),
    ('sales_mis_inventory.summary.export', 'build', lambda c: [c['month_start'], c['day']], MANAGER, True),
    ('sales_mis_inventory.summary', 'refreshed_at', lambda c: [], MANAGER, True),
    ('sales_mis_inventory.summary', 'refresh', lambda c: [], ADMIN, True),
    ('sales_mis_inventory.summary', 'cron_refresh', lambda c: [], ADMIN, True),
    ('sales_mis_inventory.demo', 'load', lambda c: [], ADMIN, False),   # (books purchases and deliveries)
    ('sales_mis_inventory.demo', 'load_when_ready', lambda c: [], ADMIN, False),
    # knowledge search (sales_mis_knowledge): rows of documents, bids and cases, read as the caller
    ('sales_mis.knowledge.search', 'find', lambda c: ['投标'], SALES, True),
    ('sales_mis.knowledge.search', 'find', lambda c: ['政府采购投标文件', 'case', 5], SALES, True),
]
#: logins that may use the service portal: Sales MIS roles and portal customers (not an internal user or
#: Odoo's sales user without a Sales MIS role: no access to service requests)
SERVICE_PORTAL = {'salesperson', 'manager', 'director', 'misadmin', 'admin', 'sidedoor_portal'} | DEALERS
#: (a dealer's portal user is a customer too: it files and follows its own service requests)

#: route (as written in @http.route) -> [(url with {placeholders} filled from ctx, who may pass)]
ROUTE_URLS = {
    '/sales_mis/report/<string:report_type>.xlsx': [
        ('/sales_mis/report/%s.xlsx?day={day}' % report, SALES)
        for report in ('sales_analysis', 'product_daily', 'collection_detail', 'collection_summary', 'arrears')],
    '/sales_mis/plan/<int:plan_id>/completion.xlsx': [('/sales_mis/plan/{plan}/completion.xlsx', SALES)],
    '/sales_mis/competitor/analysis.xlsx': [('/sales_mis/competitor/analysis.xlsx', SALES)],
    '/sales_mis/commission/statements.xlsx': [('/sales_mis/commission/statements.xlsx?ids=', SALES)],
    '/my/service': [('/my/service', SERVICE_PORTAL)],
    '/my/service/new': [('/my/service/new', SERVICE_PORTAL)],
    # a request of the portal user's own: the customer and who sees every request (directors)
    '/my/service/<int:request_id>': [('/my/service/{portal_request}',
                                      {'sidedoor_portal', 'director', 'misadmin', 'admin'})],
    '/sales_mis_inventory/summary.xlsx': [
        ('/sales_mis_inventory/summary.xlsx?date_from={month_start}&date_to={day}', MANAGER)],
    '/sales_mis/visit_import/template.<string:kind>': [('/sales_mis/visit_import/template.xlsx', SALES),
                                                       ('/sales_mis/visit_import/template.csv', SALES)],
    # sales_mis_dealer: the dealer's portal pages are for the users of a dealer only (a set of logins)
    '/my/dealer/stock_reports': [('/my/dealer/stock_reports', DEALERS)],
    '/my/dealer/stock_reports/<int:report_id>': [('/my/dealer/stock_reports/{dealer_report}', DEALERS)],
    '/my/dealer/stock_reports/new': [('/my/dealer/stock_reports/new', DEALERS)],
    '/my/dealer/order': [('/my/dealer/order', DEALERS)],
    '/my/dealer/order/<int:order_id>': [('/my/dealer/order/{dealer_order}', DEALERS)],
    '/sales_mis_dealer/rebate/statements.xlsx': [('/sales_mis_dealer/rebate/statements.xlsx?ids={dealer_rebate}',
                                                  SALES)],
}

# marketing addon (issue 16): the campaign effect analysis 活动效果分析表
RPC_DOORS += [('sales_mis_marketing.campaign.roi', 'export_rows', lambda c: [], SALES, True)]
ROUTE_URLS['/sales_mis_marketing/campaign/analysis.xlsx'] = [('/sales_mis_marketing/campaign/analysis.xlsx', SALES)]


def dealer_context(admin, xmlid):
    """Records of the demo dealer 上海华通 for the dealer routes: its stock report, an order the
    dealer's user follows (made once) and its rebate statement."""
    contact = xmlid('sales_mis_dealer.dealer_shanghai_huatong_contact')
    orders = admin('sale.order', 'search', [('partner_id', '=', contact), ('origin', '=', 'Side-door matrix')])
    if not orders:
        product = admin('product.product', 'search', [('sale_ok', '=', True)], limit=1)[0]
        orders = [admin('sale.order', 'create', {'partner_id': contact, 'origin': 'Side-door matrix', 'order_line': [
            (0, 0, {'product_id': product, 'product_uom_qty': 1})]})]
        admin('sale.order', 'message_subscribe', orders, [contact])
    return {'dealer_report': xmlid('sales_mis_dealer.stock_report_huatong'), 'dealer_order': orders[0],
            'dealer_rebate': xmlid('sales_mis_dealer.rebate_statement_huatong')}


def routes_in_controllers():
    """Every route declared in the controllers of both addons."""
    found = set()
    for path in glob.glob(os.path.join(ROOT, 'addons', '*', 'controllers', '*.py')):
        with open(path, encoding='utf-8') as source:
            found.update(re.findall(r"@http\.route\(\s*\[?\s*'([^']+)'", source.read()))
    return found


def ensure_outsiders(admin):
    """The users without a Sales MIS role (re-runnable: reset when they exist)."""
    for login, groups in OUTSIDERS.items():
        group_ids = [admin('ir.model.data', 'xmlid_to_res_id', xmlid) for xmlid in groups]
        values = {'name': login.replace('_', ' ').title(), 'login': login, 'password': login,
                  'groups_id': [(6, 0, group_ids)]}
        existing = admin('res.users', 'search', [('login', '=', login)], context={'active_test': False})
        if existing:
            admin('res.users', 'write', existing, dict(values, active=True))
        else:
            admin('res.users', 'create', values, context={'no_reset_password': True})


def portal_request(admin):
    """A service request of the portal user's own (re-runnable: found when it exists)."""
    partner = admin('res.users', 'search_read', [('login', '=', 'sidedoor_portal')], ['partner_id'])[0]['partner_id'][0]
    found = admin('sales_mis_service.request', 'search', [('partner_id', '=', partner)], limit=1)
    return found[0] if found else admin('sales_mis_service.request', 'create', {
        'subject': 'Side-door matrix', 'partner_id': partner,
        'category_id': admin('sales_mis_service.category', 'search', [], limit=1)[0]})



def rpc_outcome(client, model, method, args):
    try:
        client(model, method, *args)
        return 'allowed', ''
    except xmlrpc.client.Fault as fault:
        if fault.faultCode in (3, 4):  # odoo.service.wsgi_server: RPC_FAULT_CODE_ACCESS_DENIED, _ACCESS_ERROR
            return 'refused', ''
        return 'error', str(fault.faultString)[-300:]


def http_outcome(opener, url):
    try:
        with opener.open(url) as response:
            return ('allowed', '') if response.status == 200 else ('error', str(response.status))
    except urllib.error.HTTPError as error:
        body = error.read().decode('utf-8', 'replace')
        if error.code == 403 and body.strip():
            return 'refused', ''
        return 'error', '%s %s' % (error.code, body[-300:])


def test_side_door_matrix(server):
    started = time.time()
    admin = server.login('admin', 'admin')
    ensure_outsiders(admin)
    xmlid = lambda name: admin('ir.model.data', 'xmlid_to_res_id', name)
    plan = xmlid('sales_mis.demo_plan_year')
    today = datetime.date.today()
    ctx = {'day': today.isoformat(), 'month_start': today.replace(day=1).isoformat(), 'plan': plan,
           'plan_line': admin('sales_mis.plan.line', 'search', [('plan_id', '=', plan), ('parent_id', '=', False)],
                              limit=1)[0],
           'company': admin('res.users', 'read', [admin.uid], ['company_id'])[0]['company_id'][0]}

    ctx['salesperson_lead'] = admin('crm.lead', 'search', [('user_id.login', '=', 'salesperson'),
                                                           ('type', '=', 'opportunity')], limit=1)[0]
    # a director's daily figures, set up by the administrator (nobody else may choose them)
    director = admin('res.users', 'search', [('login', '=', 'director')])[0]
    ctx['director_schedule'] = (admin('sales_mis.report.schedule', 'search', [('name', '=', 'Side-door matrix')])
                                or [admin('sales_mis.report.schedule', 'create', {
                                    'name': 'Side-door matrix', 'user_id': director, 'lang': 'en_US',
                                    'user_ids': [(6, 0, [director])],
                                    'report_type_ids': [(6, 0, [xmlid('sales_mis.report_type_arrears')])]})])[0]
    ctx['portal_request'] = portal_request(admin)
    roles = list(ROLES)
    if admin('res.users', 'search', [('login', 'in', sorted(DEALERS))]):
        roles += sorted(DEALERS)
        ctx.update(dealer_context(admin, xmlid))
    group_ids = {group: xmlid(group) for group in (SALES, MANAGER, ODOO_SALES, ADMIN)}
    users = {}
    for login in roles:
        client = server.login(login, login)
        groups = set(admin('res.users', 'read', [client.uid], ['groups_id'])[0]['groups_id'])
        users[login] = (client, {group for group, gid in group_ids.items() if gid in groups})

    collected = routes_in_controllers()
    assert collected, 'no route found in the controllers'
    assert collected == set(ROUTE_URLS), 'routes without an expectation (add them to ROUTE_URLS): %s' % (
        sorted(collected - set(ROUTE_URLS)) or sorted(set(ROUTE_URLS) - collected))

    cells, unexpected = 0, []
    for login in roles:
        client, groups = users[login]
        ctx_user = dict(ctx, uid=client.uid)
        for model, method, args, who, as_admin in RPC_DOORS:
            if ADMIN in groups and not as_admin:
                continue
            expected = 'allowed' if (login in who if isinstance(who, set) else who in groups) else 'refused'
            got, detail = rpc_outcome(client, model, method, args(ctx_user))
            cells += 1
            if got != expected:
                unexpected.append('%s %s.%s: expected %s, got %s %s' % (login, model, method, expected, got, detail))
        opener = session(server, login)
        for route in sorted(ROUTE_URLS):
            for url, who in ROUTE_URLS[route]:
                if '{dealer_' in url and 'dealer_report' not in ctx:
                    continue  # sales_mis_dealer without its demo data
                expected = 'allowed' if (login in who if isinstance(who, set) else who in groups) else 'refused'
                got, detail = http_outcome(opener, server.url + url.format(**ctx))
                cells += 1
                if got != expected:
                    unexpected.append('%s GET %s: expected %s, got %s %s' % (login, url, expected, got, detail))
    print('\nside-door matrix: %d cells (%d users x %d RPC doors + %d URLs of %d routes), %d unexpected, %.1f s'
          % (cells, len(roles), len(RPC_DOORS), sum(len(urls) for urls in ROUTE_URLS.values()), len(ROUTE_URLS),
             len(unexpected), time.time() - started))
    assert not unexpected, '\n'.join(unexpected)
