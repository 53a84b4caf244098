"""Run the Odoo 11.0 wheels on Python 3.11.

Python 3.8-3.11 removed or tightened a handful of things Odoo 11 relies on.
Each fix below restores one of them, from the outside: nothing installed is
edited, and the Sales MIS addons never import this package.  `apply()` must
run before `import odoo`; fixes that touch an Odoo module are attached to
its import (see `post_import`), so the order of imports does not matter.

Each fix has a name so a test can take it out (ODOO_PY311_DISABLE=name,...)
and show what breaks without it.
"""
import os

from . import stdlib_fixes, ast_fixes, odoo_fixes
from .post_import import install_finder

#: name -> function installing the fix; the order is the order of `apply`.
FIXES = {
    'collections_abc_aliases': stdlib_fixes.collections_abc_aliases,
    'inspect_getargspec': stdlib_fixes.inspect_getargspec,
    'base64_encodestring': stdlib_fixes.base64_encodestring,
    'thread_isalive': stdlib_fixes.thread_isalive,
    'setrlimit_int': stdlib_fixes.setrlimit_int,
    'yaml_default_loader': stdlib_fixes.yaml_default_loader,
    'etree_getchildren': stdlib_fixes.etree_getchildren,
    'pg_extra_float_digits': stdlib_fixes.pg_extra_float_digits,
    'qweb_posonlyargs': ast_fixes.qweb_posonlyargs,
    'qweb_name_constants': ast_fixes.qweb_name_constants,
    'qweb_line_ranges': ast_fixes.qweb_line_ranges,
    'safe_eval_opcodes': odoo_fixes.safe_eval_opcodes,
    'hide_bridge_addons': odoo_fixes.hide_bridge_addons,
    'no_addon_preload': odoo_fixes.no_addon_preload,
}

_applied = []


def disabled_from_env():
    value = os.environ.get('ODOO_PY311_DISABLE', '')
    names = {n.strip() for n in value.split(',') if n.strip()}
    unknown = names - set(FIXES)
    if unknown:
        raise ValueError('ODOO_PY311_DISABLE names unknown fixes: %s' % ', '.join(sorted(unknown)))
    return names


def apply(disabled=None):
    """Install every fix not in `disabled` (default: from the environment).

    Idempotent: a second call does nothing.  Returns the names applied."""
    if _applied:
        return list(_applied)
    if disabled is None:
        disabled = disabled_from_env()
    install_finder()
    for name, fix in FIXES.items():
        if name not in disabled:
            fix()
            _applied.append(name)
    return list(_applied)
