"""The dealer portal over HTTP (sales_mis_dealer, issue 15 I2/I3): the demo dealers' portal users
(`dealer` of 上海华通, `dealer2` of 杭州星河) see their own stock reports and order requests and
nothing of the other dealer's; a stock report and an order request submitted on the portal
become a submitted report and a quotation at the level's pricelist for the dealer's owner; an
internal user is no dealer."""
import http.cookiejar
import json
import random
import re
import urllib.error
import urllib.parse
import urllib.request
import xmlrpc.client

import pytest


class Browser:
    def __init__(self, server, login):
        self.server = server
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        body = json.dumps({'jsonrpc': '2.0', 'params': {'db': server.db, 'login': login, 'password': login}})
        request = urllib.request.Request(server.url + '/web/session/authenticate', body.encode(),
                                         {'Content-Type': 'application/json'})
        assert json.loads(self.opener.open(request).read())['result']['uid'], login

    def get(self, path):
        try:
            with self.opener.open(self.server.url + path) as response:
                return response.status, response.geturl(), response.read().decode('utf-8')
        except urllib.error.HTTPError as error:
            return error.code, path, error.read().decode('utf-8', 'replace')

    def post_form(self, path, fields):
        _status, _url, page = self.get(path)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode([('csrf_token', token)] + fields).encode()
        with self.opener.open(self.server.url + path, body) as response:
            return response.status, response.geturl(), response.read().decode('utf-8')


@pytest.fixture(scope='module')
def admin(server):
    client = server.login('admin', 'admin')
    if not client('ir.module.module', 'search', [('name', '=', 'sales_mis_dealer'), ('state', '=', 'installed')]):
        pytest.skip('sales_mis_dealer is not installed')
    if not client('res.users', 'search', [('login', '=', 'dealer2')]):
        pytest.skip('no demo data')
    return client


def test_dealers_see_only_their_own(server, admin):
    xmlid = lambda name: admin('ir.model.data', 'xmlid_to_res_id', 'sales_mis_dealer.' + name)
    huatong_report, xinghe_report = xmlid('stock_report_huatong'), xmlid('stock_report_xinghe')
    dealer, dealer2 = Browser(server, 'dealer'), Browser(server, 'dealer2')

    status, _url, home = dealer.get('/my/home')
    assert status == 200 and '/my/dealer/stock_reports' in home and '/my/dealer/order' in home
    status, _url, page = dealer.get('/my/dealer/stock_reports')
    assert status == 200 and '/my/dealer/stock_reports/%d"' % huatong_report in page
    assert '/my/dealer/stock_reports/%d"' % xinghe_report not in page
    assert dealer.get('/my/dealer/stock_reports/%d' % huatong_report)[0] == 200
    assert dealer2.get('/my/dealer/stock_reports/%d' % huatong_report)[0] == 403
    assert dealer.get('/my/dealer/stock_reports/%d' % xinghe_report)[0] == 403  # the other dealer's (a draft too)

    # a stock report submitted on the portal
    year = random.randint(2100, 2900)  # a period of its own on each run
    product = admin('product.product', 'search', [('sale_ok', '=', True)], limit=1)[0]
    status, url, page = dealer.post_form('/my/dealer/stock_reports/new', [
        ('date_from', '%d-01-01' % year), ('date_to', '%d-01-31' % year),
        ('product', str(product)), ('opening', '10'), ('received', '5'), ('closing', '3')]
        + [('product', ''), ('opening', ''), ('received', ''), ('closing', '')] * 7)
    report_id = int(re.search(r'/my/dealer/stock_reports/(\d+)$', url).group(1))
    report = admin('sales_mis_dealer.stock.report', 'read', [report_id],
                   ['partner_id', 'state', 'submitted_by_id', 'user_id', 'sold_qty'])[0]
    assert report['partner_id'][0] == xmlid('dealer_shanghai_huatong')
    assert report['state'] == 'submitted' and report['sold_qty'] == 12.0
    assert report['user_id'][0] == admin('ir.model.data', 'xmlid_to_res_id', 'sales_mis.user_salesperson')
    assert dealer2.get('/my/dealer/stock_reports/%d' % report_id)[0] == 403
    # a wrong row is refused with its number, nothing created
    status, url, page = dealer.post_form('/my/dealer/stock_reports/new', [
        ('date_from', '%d-02-01' % year), ('date_to', '%d-02-28' % year),
        ('product', str(product)), ('opening', '1'), ('received', '1'), ('closing', '9')])
    assert url.endswith('/new') and 'alert-danger' in page
    assert not admin('sales_mis_dealer.stock.report', 'search', [('date_from', '=', '%d-02-01' % year)])

    # an order request: a quotation of the dealer's owner at the level's pricelist
    status, url, page = dealer.post_form('/my/dealer/order', [('product', str(product)), ('quantity', '4'),
                                                              ('note', '=HYPERLINK("x")')])
    order_id = int(re.search(r'/my/dealer/order/(\d+)$', url).group(1))
    order = admin('sale.order', 'read', [order_id], ['name', 'partner_id', 'pricelist_id', 'user_id', 'state', 'amount_untaxed',
                                                     'order_line'])[0]
    assert order['state'] == 'draft' and len(order['order_line']) == 1
    assert order['pricelist_id'][0] == xmlid('pricelist_level_a')
    assert order['user_id'][0] == report['user_id'][0]
    list_price = admin('product.product', 'read', [product], ['lst_price'])[0]['lst_price']
    assert abs(order['amount_untaxed'] - round(4 * list_price * 0.85, 2)) < 0.02
    assert dealer.get('/my/dealer/order/%d' % order_id)[0] == 200
    assert dealer2.get('/my/dealer/order/%d' % order_id)[0] == 403
    _status, _url, page = dealer2.get('/my/orders/%d' % order_id)
    assert order['name'] not in page  # Odoo's own order page refuses the other dealer too

    # over XML-RPC too: the other dealer's report and order are refused
    rpc2 = server.login('dealer2', 'dealer2')
    for model, record in (('sales_mis_dealer.stock.report', report_id), ('sale.order', order_id)):
        with pytest.raises(xmlrpc.client.Fault):
            rpc2(model, 'read', [record], ['name'])
    assert not rpc2('sale.order', 'search', [('id', '=', order_id)])

    # an internal user is no dealer
    assert Browser(server, 'salesperson').get('/my/dealer/stock_reports')[0] == 403
