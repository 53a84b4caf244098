"""Where the Odoo wheels put the standard addons, found without importing odoo."""
import importlib.util
import os


def path():
    spec = importlib.util.find_spec('odoo')
    return os.path.join(os.path.dirname(spec.origin), 'addons')
