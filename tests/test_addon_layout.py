"""Where code lives (issue 17 §3): models/ holds models only (library code in sales_mis/lib),
one settings class per addon, and no helper decides by looking at its caller's stack (methods
meant for server code are private: Odoo refuses `_` methods over RPC)."""
import ast
import glob
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = os.path.join(ROOT, 'addons')


def classes_with(path, attribute):
    """{value of `attribute` (_name/_inherit) of each class in the module at `path`}."""
    tree = ast.parse(open(path, encoding='utf-8').read(), path)
    found = set()
    for cls in (node for node in tree.body if isinstance(node, ast.ClassDef)):
        for statement in cls.body:
            if (isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name)
                    and statement.targets[0].id == attribute):
                value = statement.value
                found.update([value.value] if isinstance(value, ast.Constant) else
                             [e.value for e in getattr(value, 'elts', []) if isinstance(e, ast.Constant)])
    return found


def test_models_folders_hold_models_only():
    for path in sorted(glob.glob(os.path.join(ADDONS, '*', 'models', '*.py'))):
        if os.path.basename(path) != '__init__.py':
            assert classes_with(path, '_name') | classes_with(path, '_inherit'), \
                '%s defines no model: library code goes to sales_mis/lib' % os.path.relpath(path, ROOT)


def settings_files(addon):
    return [os.path.relpath(path, ADDONS) for path in glob.glob(os.path.join(ADDONS, addon, '*', '*.py'))
            if 'res.config.settings' in classes_with(path, '_inherit')]


def test_one_settings_class_per_addon():
    assert settings_files('sales_mis') == ['sales_mis/models/res_config_settings.py']
    assert len(settings_files('sales_mis_forecast')) <= 1


def test_no_helper_inspects_its_callers_stack():
    for path in sorted(glob.glob(os.path.join(ADDONS, '*', '**', '*.py'), recursive=True)):
        if os.sep + 'tests' + os.sep in path:
            continue
        text = open(path, encoding='utf-8').read()
        for mark in ('currentframe(', 'f_back', 'inspect.stack(', 'sys._getframe('):
            assert mark not in text, '%s: %s' % (os.path.relpath(path, ROOT), mark)
