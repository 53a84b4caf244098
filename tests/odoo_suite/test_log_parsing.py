"""The suite runner reads Odoo's test log correctly (so a failure cannot slip by)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import odoo_suite  # noqa: E402

LOG = """\
2026-11-26 22:20:36,777 1 INFO db odoo.modules.module: odoo.addons.crm.tests.test_crm_lead running tests.
2026-11-26 22:20:36,900 1 INFO db odoo.addons.crm.tests.test_crm_lead: Ran 7 tests in 0.120s
2026-11-26 22:20:36,952 1 INFO db odoo.modules.module: odoo.addons.account.tests.test_tax running tests.
2026-11-26 22:20:36,996 1 ERROR db odoo.addons.account.tests.test_tax: FAIL: test_round (odoo.addons.account.tests.test_tax.TestTax.test_round)
2026-11-26 22:20:36,997 1 ERROR db odoo.addons.account.tests.test_tax: ERROR: setUpClass (odoo.addons.account.tests.test_tax.TestOther)
2026-11-26 22:20:36,998 1 INFO db odoo.addons.account.tests.test_tax: Ran 1 test in 0.010s
"""


def test_counts_and_failures_are_read():
    failures, ran, modules = odoo_suite.parse(LOG)
    assert ran == 8
    assert modules == ['account', 'crm']
    assert failures == [
        'account: setUpClass (odoo.addons.account.tests.test_tax.TestOther)',
        'account: test_round (odoo.addons.account.tests.test_tax.TestTax.test_round)',
    ]


def test_dependencies_wait_for_the_targets_they_need(tmp_path):
    for name, depends in {'base': [], 'account': ['base'], 'payment': ['account'],
                          'sale': ['payment', 'product'], 'product': ['base']}.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / '__manifest__.py').write_text(repr({'depends': depends}))
    assert odoo_suite.dependencies([str(tmp_path)], ['sale', 'account']) == ['base', 'product']
