"""The server answers as integrators and browsers use it (L1)."""
import urllib.request
import xmlrpc.client

import pytest

from conftest import load_ctl

DEMO_LOGINS = load_ctl().DEMO_LOGINS


def test_version(server):
    version = server.common().version()
    assert version['server_version'] == '11.0'
    assert version['protocol_version'] == 1


@pytest.mark.parametrize('login,password,role', DEMO_LOGINS)
def test_every_printed_login_works(server, login, password, role):
    assert server.common().authenticate(server.db, login, password, {})


def test_wrong_password_is_refused(server):
    assert not server.common().authenticate(server.db, 'salesperson', 'wrong', {})


def test_salesperson_sees_the_sales_mis_menu_in_both_languages(server):
    rpc = server.login('salesperson')
    roots = rpc('ir.ui.menu', 'search_read', [('parent_id', '=', False)], fields=['name'])
    assert 'Sales MIS' in [m['name'] for m in roots]
    roots_zh = rpc('ir.ui.menu', 'search_read', [('parent_id', '=', False)], fields=['name'],
                   context={'lang': 'zh_CN'})
    assert '销售管理' in [m['name'] for m in roots_zh]


def test_salesperson_cannot_promote_themselves(server):
    rpc = server.login('salesperson')
    admin = server.login('admin', 'admin')
    manager_group = admin('ir.model.data', 'xmlid_to_res_id', 'sales_mis.group_manager')
    with pytest.raises(xmlrpc.client.Fault) as error:
        rpc('res.users', 'write', [rpc.uid], {'groups_id': [(4, manager_group)]})
    assert 'AccessError' in error.value.faultString or 'access' in error.value.faultString.lower()
    with pytest.raises(xmlrpc.client.Fault):
        rpc('res.groups', 'write', [manager_group], {'users': [(4, rpc.uid)]})


def test_web_pages(server):
    with urllib.request.urlopen(server.url + '/web/login') as response:
        assert response.status == 200
        assert b'name="login"' in response.read()
    with urllib.request.urlopen(server.url + '/web/webclient/qweb?mods=web,sales_mis') as response:
        body = response.read()
        assert response.status == 200 and body.startswith(b'<templates') and b'WebClient' in body
