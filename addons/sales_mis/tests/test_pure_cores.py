# -*- coding: utf-8 -*-
"""The pure cores of sales_mis (business logic with fast unit tests) import no Odoo: the ORM
glue in models/, report/ and wizard/ calls them with data read in bulk."""
import ast
import os

import pytest

ADDON = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PURE_PACKAGES = ('crm_logic', 'order_logic', 'planning', 'reporting', 'workflow_logic')


def imported_modules(path):
    with open(path) as source:
        tree = ast.parse(source.read(), path)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, 0
        elif isinstance(node, ast.ImportFrom):
            yield node.module or '', node.level


@pytest.mark.parametrize('package', PURE_PACKAGES)
def test_pure_core_imports_no_odoo(package):
    folder = os.path.join(ADDON, package)
    assert os.path.isdir(folder), folder
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.py'):
            continue
        for module, level in imported_modules(os.path.join(folder, name)):
            assert module.split('.')[0] != 'odoo', (package, name, module)
            # relative imports stay among the pure cores (never ..models, ..report, ..wizard)
            if level >= 2:
                assert module.split('.')[0] in PURE_PACKAGES, (package, name, module)
