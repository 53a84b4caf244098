"""One probe per compatibility fix: the Odoo behaviour that fix keeps alive.

Run as `python probes.py NAME [DB]` with the project's virtualenv; the
compatibility layer is applied first (minus ODOO_PY311_DISABLE).  Prints
"PROBE OK" when the behaviour works; any failure is a traceback and a
non-zero exit.  tests/runtime/test_compat_fixes.py runs each probe with and
without its fix.
"""
import contextlib
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, 'runtime'))

import odoo_py311  # noqa: E402

odoo_py311.apply()

TEMPLATE = b"""<t t-name="probe">
  <ul>
    <li t-foreach="items" t-as="item" t-att-class="item_odd and 'odd' or None">
      <t t-set="label"><t t-esc="item"/>!</t>
      <span t-if="item is not None" t-esc="label"/>
    </li>
  </ul>
</t>"""


@contextlib.contextmanager
def _env(db):
    """A superuser environment on `db`, rolled back at the end."""
    import odoo
    odoo.tools.config.parse_config(['-c', os.environ['SALES_MIS_TEST_CONF'], '-d', db])
    with odoo.api.Environment.manage(), odoo.registry(db).cursor() as cr:
        try:
            yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        finally:
            cr.rollback()


def probe_import_odoo(db):
    import odoo  # noqa: F401
    import odoo.api  # noqa: F401


def probe_qweb_render(db):
    from lxml import etree
    from odoo.addons.base.ir.ir_qweb.qweb import QWeb
    html = QWeb().render(etree.fromstring(TEMPLATE), {'items': [1, 2, 3]}).decode()
    assert html.count('<span>') == 3 and 'class="odd"' in html, html


def probe_safe_eval_domain(db):
    from odoo.tools.safe_eval import safe_eval
    domain = safe_eval("['|', ('user_id', '=', uid), ('team_id', 'in', [t for t in team_ids if t])]",
                       {'uid': 7, 'team_ids': [1, 0, 2]})
    assert domain == ['|', ('user_id', '=', 7), ('team_id', 'in', [1, 2])], domain


def probe_base64_menu_icon(db):
    with _env(db) as env:
        icon = env['ir.ui.menu'].read_image('sales_mis,static/description/icon.png')
        assert icon and icon.startswith(b'iVBOR'), icon[:20]


def probe_yaml_data(db):
    import io
    from odoo.tools.yaml_import import yaml_import
    with _env(db) as env:
        data = io.StringIO("-\n  !assert {model: res.users, id: base.user_root, string: root is admin}:\n"
                           "    - login == 'admin'\n")
        data.name = "probe.yml"
        yaml_import(env.cr, 'sales_mis', data, 'test', mode='init')


def probe_pg_float_digits(db):
    with _env(db) as env:
        env.cr.execute('SELECT 0.1::float8 + 0.2::float8')
        value = env.cr.fetchone()[0]
        assert value == 0.3, value


def probe_webclient_qweb(db):
    import odoo
    from odoo.addons.web.controllers.main import concat_xml
    path = os.path.join(os.path.dirname(odoo.__file__), 'addons', 'web', 'static', 'src', 'xml')
    files = sorted(os.path.join(path, name) for name in os.listdir(path) if name.endswith('.xml'))
    xml, _checksum = concat_xml(files)
    assert xml.startswith(b'<templates') and b't-name="WebClient.' in xml, xml[:100]


def probe_threaded_server_stop(db):
    import threading
    from odoo.service.server import ThreadedServer
    server = ThreadedServer(None)
    worker = threading.Thread(target=time.sleep, args=(0.3,))
    worker.start()
    server.stop()  # joins the non-daemon worker
    assert not worker.is_alive()


def probe_bridge_addons_hidden(db):
    import odoo
    from odoo.modules import module
    # as `bin/odoo shell` does: modules listed before any configuration is read
    for name in module.get_modules():
        assert module.get_module_path(name), 'listed without a path: %s' % name
    odoo.tools.config.parse_config(['-c', os.environ['SALES_MIS_TEST_CONF']])
    modules = module.get_modules()
    assert 'sale_management' in modules and 'sales_mis' in modules
    assert 'sale_timesheet' not in modules, 'bridge addon sale_timesheet is visible'
    os.environ['ODOO_PRELOAD_ADDONS'] = 'yes'  # Odoo 11's default: import every addon with static files
    odoo.http.Root().load_addons()


def probe_addons_imported_by_registry_only(db):
    import odoo
    odoo.tools.config.parse_config(['-c', os.environ['SALES_MIS_TEST_CONF']])
    odoo.http.Root().load_addons()  # what the first HTTP request of a server does
    assert 'odoo.addons.sales_mis' not in sys.modules, \
        'the first request imported the addons outside the registry lock'


def probe_prefork_workers(db):
    sys.path.insert(0, os.path.join(ROOT, 'tests'))
    from serverlib import OdooServer, ServerDidNotStart
    log = os.path.join(ROOT, '.runtime', 'probe-prefork-%d.log' % os.getpid())
    try:
        with OdooServer(os.environ['SALES_MIS_TEST_CONF'], db, log, '--workers=2', '--limit-time-cpu=60',
                        timeout=30) as server:
            pass
    except ServerDidNotStart as error:
        raise AssertionError('prefork server did not answer /web/login: %s' % error)
    output = server.log_text()
    assert 'Traceback' not in output, output[-3000:]


if __name__ == '__main__':
    name, db = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
    globals()['probe_' + name](db)
    print('PROBE OK')
