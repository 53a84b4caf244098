"""Fixes for the QWeb compiler, which builds Python ASTs by hand.

QWeb (odoo/addons/base/ir/ir_qweb/qweb.py) assembles a module AST and calls
the builtin `compile()` on it.  Python 3.8+ validates those trees more
strictly.  We give the qweb module its own `compile` (a module global
shadows the builtin) that repairs the tree first; each repair is one fix.
"""
import ast
import builtins

from .post_import import when_imported

QWEB_MODULE = 'odoo.addons.base.ir.ir_qweb.qweb'
_repairs = []


def _install_compile(module):
    if getattr(module, 'compile', None) is not _compile:
        module.compile = _compile


def _compile(source, filename, mode, *args, **kwargs):
    if isinstance(source, ast.AST):
        for repair in _repairs:
            repair(source)
    return builtins.compile(source, filename, mode, *args, **kwargs)


def _add_repair(repair):
    _repairs.append(repair)
    when_imported(QWEB_MODULE, _install_compile)


def qweb_posonlyargs():
    """Python 3.8 added the mandatory `ast.arguments.posonlyargs`; every QWeb
    template function is built without it ("required field posonlyargs missing")."""
    def repair(tree):
        for node in ast.walk(tree):
            if isinstance(node, ast.arguments) and not hasattr(node, 'posonlyargs'):
                node.posonlyargs = []
    _add_repair(repair)


class _NameConstants(ast.NodeTransformer):
    VALUES = {'None': None, 'True': True, 'False': False}

    def visit_Name(self, node):
        if node.id in self.VALUES:
            return ast.copy_location(ast.Constant(value=self.VALUES[node.id]), node)
        return node


def qweb_name_constants():
    """Python 3.8 made `Name(id='None'/'True'/'False')` invalid: they must be
    `Constant`s.  QWeb and ir.qweb build them (t-if, t-att, crm demo templates)."""
    _add_repair(_NameConstants().visit)


def qweb_line_ranges():
    """Python 3.8 validates (lineno, end_lineno) ranges.  QWeb sets `fn.lineno` to the
    template's source line, then `fix_missing_locations` copies a smaller
    end_lineno from the module: an invalid range on the first GET /web/login."""
    def repair(tree):
        for node in ast.walk(tree):
            lineno = getattr(node, 'lineno', None)
            if lineno is None:
                continue
            end = getattr(node, 'end_lineno', None)
            if end is None or end < lineno:
                node.end_lineno = lineno
                node.end_col_offset = getattr(node, 'col_offset', 0)
            elif end == lineno and (getattr(node, 'end_col_offset', None) or 0) < node.col_offset:
                node.end_col_offset = node.col_offset
    _add_repair(repair)
