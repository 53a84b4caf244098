"""Run a function right after a given module is first imported.

Odoo modules read some values at import time (`from x import y`, module
constants), so a fix must land between "module executed" and "anyone used
it".  A meta-path finder wraps the loader of the watched modules; if a
watched module is already imported, the hook runs at once.
"""
import importlib.abc
import sys

_hooks = {}


def when_imported(module_name, hook):
    """Call `hook(module)` once `module_name` has been executed."""
    module = sys.modules.get(module_name)
    if module is not None:
        hook(module)
    else:
        _hooks.setdefault(module_name, []).append(hook)


class _Loader(importlib.abc.Loader):
    def __init__(self, loader, hooks):
        self._loader = loader
        self._hooks = hooks

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        for hook in self._hooks:
            hook(module)

    def __getattr__(self, name):
        # get_source, get_code, is_package... for tracebacks and pkgutil
        return getattr(self._loader, name)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        hooks = _hooks.pop(fullname, None)
        if not hooks:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, 'find_spec'):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                spec.loader = _Loader(spec.loader, hooks)
                return spec
        _hooks[fullname] = hooks
        return None


def install_finder():
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
