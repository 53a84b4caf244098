"""The sandbox stays a sandbox under Python 3.11.

Both sides: every domain/context/attrs expression the installed addons store
still passes safe_eval's bytecode check, and the classic escapes are still
refused."""
import importlib
import re

import pytest
from lxml import etree

from odoo.tests.common import TransactionCase
from odoo.tools.safe_eval import safe_eval

# the module, not the function odoo.tools re-exports under the same name
sandbox = importlib.import_module('odoo.tools.safe_eval')


class TestEveryStoredExpressionCompiles(TransactionCase):

    def _expressions(self):
        cr = self.env.cr
        queries = [
            "SELECT 'act_window ' || id, domain FROM ir_act_window WHERE domain IS NOT NULL",
            "SELECT 'act_window ' || id, context FROM ir_act_window WHERE context IS NOT NULL",
            "SELECT 'rule ' || id, domain_force FROM ir_rule WHERE domain_force IS NOT NULL",
            "SELECT 'filter ' || id, domain FROM ir_filters",
            "SELECT 'filter ' || id, context FROM ir_filters",
            "SELECT 'server_action ' || id, code FROM ir_act_server WHERE state = 'code'",
        ]
        for query in queries:
            cr.execute(query)
            for where, expression in cr.fetchall():
                if expression and expression.strip():
                    mode = 'exec' if where.startswith('server_action') else 'eval'
                    yield where, expression, mode
        cr.execute("SELECT id, arch_db FROM ir_ui_view WHERE type != 'qweb'")
        for view_id, arch in cr.fetchall():
            for node in etree.fromstring(arch.encode()).iter(tag=etree.Element):
                for attribute in ('attrs', 'domain', 'context', 'filter_domain', 'states_domain'):
                    value = node.get(attribute)
                    if value and value.strip() and not re.match(r'^\s*\{?\s*$', value):
                        yield 'view %s @%s' % (view_id, attribute), value, 'eval'

    def test_all_expressions_pass_the_opcode_check(self):
        failures, count = [], 0
        for where, expression, mode in self._expressions():
            count += 1
            try:
                sandbox.test_expr(expression, sandbox._SAFE_OPCODES, mode=mode)
            except SyntaxError:
                continue  # some stored expressions are not Python at all (JS-only options)
            except (ValueError, NameError) as error:
                failures.append('%s: %s' % (where, error))
        self.assertGreater(count, 2000, 'too few expressions found: the scan is broken')
        self.assertFalse(failures, '\n'.join(failures[:20]))

    def test_typical_expressions_evaluate(self):
        context = {'uid': 5, 'user': self.env.user, 'active_id': 3, 'context_today': lambda: None,
                   'team_ids': [1, 2], 'parent': {'partner_id': 9}}
        cases = {
            "[('user_id', '=', uid)]": [('user_id', '=', 5)],
            "{'default_type': 'opportunity', 'search_default_assigned_to_me': 1}":
                {'default_type': 'opportunity', 'search_default_assigned_to_me': 1},
            "{'invisible': [('state', 'not in', ('draft', 'sent'))]}":
                {'invisible': [('state', 'not in', ('draft', 'sent'))]},
            "['|', ('team_id', 'in', [t for t in team_ids if t > 1]), ('x', '=', parent['partner_id'])]":
                ['|', ('team_id', 'in', [2]), ('x', '=', 9)],
            "[('company_id', 'child_of', [user.company_id.id])]":
                [('company_id', 'child_of', [self.env.user.company_id.id])],
            "dict(a=1, **{'b': 2})": {'a': 1, 'b': 2},
            "sum(x * 2 for x in range(4)) if active_id is not None else 0": 12,
            "'%s-%s' % (uid, active_id)": '5-3',
        }
        for expression, expected in cases.items():
            self.assertEqual(safe_eval(expression, dict(context)), expected, expression)

    def test_exec_mode_statements(self):
        values = {'records': [1, 2, 3]}
        safe_eval("total = 0\nfor r in records:\n    if r != 2:\n        total += r\n"
                  "try:\n    1 / 0\nexcept Exception:\n    total *= 10\n", values, mode='exec', nocopy=True)
        self.assertEqual(values['total'], 40)


ESCAPES = [
    ("__import__('os').system('true')", 'eval'),
    ("import os", 'exec'),
    ("from os import path", 'exec'),
    ("().__class__.__bases__[0].__subclasses__()", 'eval'),
    ("[c for c in ().__class__.__mro__]", 'eval'),
    ("f'{().__class__}'", 'eval'),
    ("getattr((), '__class__')", 'eval'),
    ("user.name = 'x'", 'exec'),
    ("del user.name", 'exec'),
    ("global records\nrecords = 1", 'exec'),
    ("exec('1')", 'eval'),
    ("eval('1')", 'eval'),
    ("compile('1', 'x', 'eval')", 'eval'),
    ("open('/etc/passwd').read()", 'eval'),
    ("(lambda x: (lambda: x))(1)()", 'eval'),
    ("type(user)", 'eval'),
    ("globals()", 'eval'),
]


@pytest.mark.parametrize('expression,mode', ESCAPES)
def test_escapes_are_refused(expression, mode):
    class Record:
        name = 'n'
    with pytest.raises(Exception) as error:
        safe_eval(expression, {'user': Record(), 'records': []}, mode=mode, nocopy=True)
    assert 'forbidden' in str(error.value) or 'NameError' in str(error.value) \
        or 'is not defined' in str(error.value), str(error.value)


def test_refusals_name_the_reason():
    with pytest.raises(ValueError, match='forbidden opcode'):
        safe_eval("user.name = 'x'", {'user': object()}, mode='exec')
    with pytest.raises(NameError, match='forbidden name'):
        safe_eval("().__class__", {})
    with pytest.raises(ValueError, match='forbidden opcode'):
        safe_eval("import os", {}, mode='exec')
