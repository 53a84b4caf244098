"""The service portal over HTTP (K1): a portal customer lists, files and follows the requests of
their own company at /my/service, sees nobody else's, and cannot choose the customer, the status
or somebody else's order; an internal user without a Sales MIS role gets 403."""
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from serverlib import session

CUSTOMER = 'service_customer'  # 李工 of 佛山企业电子 (sales_mis_service demo)


def get(opener, url):
    try:
        with opener.open(url) as response:
            return response.status, response.read().decode('utf-8'), response.geturl()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode('utf-8', 'replace'), url


def post_form(opener, server, fields):
    status, page, _url = get(opener, server.url + '/my/service/new')
    assert status == 200, page[-300:]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(dict(fields, csrf_token=token)).encode()
    try:
        with opener.open(urllib.request.Request(server.url + '/my/service/new', data)) as response:
            return response.status, response.read().decode('utf-8'), response.geturl()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode('utf-8', 'replace'), ''


@pytest.fixture(scope='module')
def portal(server):
    admin = server.login('admin', 'admin')
    uid = admin('res.users', 'search', [('login', '=', CUSTOMER)])
    if not uid:
        pytest.skip('the service demo data is not installed')
    partner = admin('res.users', 'read', uid, ['partner_id'])[0]['partner_id'][0]
    company = admin('res.partner', 'read', [partner], ['commercial_partner_id'])[0]['commercial_partner_id'][0]
    category = admin('ir.model.data', 'xmlid_to_res_id', 'sales_mis_service.category_repair')
    others = admin('sales_mis_service.request', 'search', [('commercial_partner_id', '!=', company)])
    own = admin('sales_mis_service.request', 'search', [('commercial_partner_id', '=', company)])
    assert others and own, 'the demo has requests of the customer and of others'
    return {'admin': admin, 'partner': partner, 'company': company, 'category': category, 'others': others,
            'own': own, 'opener': session(server, CUSTOMER)}


def test_lists_own_requests_only(server, portal):
    admin = portal['admin']
    status, page, _url = get(portal['opener'], server.url + '/my/service')
    assert status == 200
    names = set(re.findall(r'FW\d{4}-\d{5}', page))
    own = {r['name'] for r in admin('sales_mis_service.request', 'read', portal['own'][:20], ['name'])}
    others = {r['name'] for r in admin('sales_mis_service.request', 'read', portal['others'], ['name'])}
    assert own <= names and not names & others, (names, own, others)
    status, home, _url = get(portal['opener'], server.url + '/my/home')
    assert status == 200 and '/my/service' in home


def test_follow_own_request_not_others(server, portal):
    status, page, _url = get(portal['opener'], server.url + '/my/service/%d' % portal['own'][0])
    assert status == 200 and 'o_service_request' in page
    for other in portal['others'][:3] + [999999999]:
        status, page, _url = get(portal['opener'], server.url + '/my/service/%d' % other)
        assert status == 403, (other, status)
        assert 'FW' not in page


def test_file_a_request(server, portal):
    admin = portal['admin']
    subject = '门户报修 %s' % uuid.uuid4().hex[:6]
    status, page, url = post_form(portal['opener'], server, {
        'subject': subject, 'description': '设备无法启动', 'kind': 'complaint', 'category_id': portal['category'],
        # forged: another customer and a status; the controller takes neither
        'partner_id': admin('res.partner', 'search', [('id', '!=', portal['partner'])], limit=1)[0],
        'state': 'closed'})
    assert status == 200 and re.search(r'/my/service/\d+$', url), (status, url, page[-300:])
    created = admin('sales_mis_service.request', 'search_read', [('subject', '=', subject)],
                    ['partner_id', 'state', 'kind', 'resolution_deadline', 'salesperson_id'])
    assert len(created) == 1
    created = created[0]
    assert created['partner_id'][0] == portal['partner']
    assert created['state'] == 'new' and created['kind'] == 'complaint'
    assert created['resolution_deadline'], 'the SLA applies to portal requests'
    assert created['salesperson_id'], 'the customer\'s salesperson follows it up'
    assert subject in get(portal['opener'], server.url + '/my/service')[1]


def test_bad_input_is_refused_clearly(server, portal):
    admin = portal['admin']
    before = admin('sales_mis_service.request', 'search_count', [])
    cases = [
        ({'subject': '', 'category_id': portal['category']}, 'subject'),
        ({'subject': 'x', 'category_id': 'abc'}, 'category'),
        ({'subject': 'x' * 201, 'category_id': portal['category']}, '200'),
        ({'subject': 'x', 'category_id': portal['category'], 'kind': 'praise'}, 'complaint'),
        # an order that is not the customer's
        ({'subject': 'x', 'category_id': portal['category'],
          'order_id': admin('sale.order', 'search', [('partner_id', 'child_of', portal['company'])]) and
          admin('sale.order', 'search', [('partner_id', 'not in', [portal['company']])], limit=1)[0] or 1},
         'order'),
    ]
    for fields, word in cases:
        status, page, _url = post_form(portal['opener'], server, fields)
        assert status == 200 and 'o_service_error' in page and word in page.lower(), (fields, page[-500:])
    assert admin('sales_mis_service.request', 'search_count', []) == before


def test_internal_user_without_role_is_refused(server, portal):
    admin = portal['admin']
    login = 'service_portal_internal'
    if not admin('res.users', 'search', [('login', '=', login)]):
        admin('res.users', 'create', {'name': 'Service Internal', 'login': login, 'password': login,
                                      'groups_id': [(6, 0, [admin('ir.model.data', 'xmlid_to_res_id',
                                                                  'base.group_user')])]},
              context={'no_reset_password': True})
    opener = session(server, login)
    for url in ('/my/service', '/my/service/new', '/my/service/%d' % portal['own'][0]):
        status, _page, _url = get(opener, server.url + url)
        assert status == 403, url
