"""Odoo's own test suites of the modules Sales MIS builds on, run under our
runtime as a regression net (`make odoo-suite`).

Two passes on a fresh database: the dependencies are installed without tests,
then the target modules are installed with --test-enable, so exactly their
tests run (at_install and post_install).  Every failing test is compared with
KNOWN_FAILURES; anything else failing is a bug of ours.
"""
import ast
import collections
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tests/
from serverlib import free_port  # noqa: E402

TARGETS = ['crm', 'sale', 'sale_management', 'sale_stock', 'sale_crm', 'account']

#: "module: test id" -> why it fails upstream (not caused by Python 3.11 or our layer)
KNOWN_FAILURES = {}

# unittest's output, logged line by line under the test module's name
_RESULT = re.compile(r': (FAIL|ERROR): (\S+) \((odoo\.addons\.(\w+)\.[\w.]+)\)')
_RAN = re.compile(r'odoo\.addons\.\w+\.tests\.\w+: Ran (\d+) tests? in')
_MODULE_TESTS = re.compile(r'odoo\.modules\.module: (odoo\.addons\.(\w+)\.tests\.\w+) running tests')


def dependencies(addons_paths, targets):
    """The modules the targets depend on that do not themselves need a target
    (payment needs account: it must wait for the tested pass)."""
    def depends(name):
        for path in addons_paths:
            manifest = os.path.join(path, name, '__manifest__.py')
            if os.path.isfile(manifest):
                with open(manifest) as handle:
                    return ast.literal_eval(handle.read()).get('depends', [])
        raise LookupError('module %s not found' % name)

    def closure(names):
        seen, todo = set(), list(names)
        while todo:
            for dep in depends(todo.pop()):
                if dep not in seen:
                    seen.add(dep)
                    todo.append(dep)
        return seen

    return sorted(name for name in closure(targets) - set(targets)
                  if not closure([name]) & set(targets))


def parse(log_text):
    failures = sorted({'%s: %s (%s)' % (m.group(4), m.group(2), m.group(3))
                       for m in _RESULT.finditer(log_text)})
    ran = sum(int(n) for n in _RAN.findall(log_text))
    modules = sorted({m.group(2) for m in _MODULE_TESTS.finditer(log_text)})
    return failures, ran, modules


def run(odoo_command, env, log_path):
    from odoo_addons_path import path as odoo_addons
    deps = dependencies([odoo_addons()], TARGETS)
    started = time.time()
    print('[odoo-suite] installing %d dependencies without tests' % len(deps), flush=True)
    subprocess.run(odoo_command + ['-i', ','.join(deps), '--stop-after-init', '--log-level=warn'],
                   env=env, check=True)
    installed = time.time()
    print('[odoo-suite] installing %s with their tests (log: %s)' % (', '.join(TARGETS), log_path), flush=True)
    with open(log_path, 'w') as log:
        returncode = subprocess.run(odoo_command + ['-i', ','.join(TARGETS), '--test-enable', '--stop-after-init',
                                       '--log-level=test', '--workers=0', '--max-cron-threads=0',
                                       # test mode serves HTTP (for HttpCase): keep off a running server's port
                                       '--http-port=%d' % free_port(), '--longpolling-port=%d' % free_port()],
                       env=env, stdout=log, stderr=subprocess.STDOUT).returncode
    with open(log_path, errors='replace') as log:
        failures, ran, modules = parse(log.read())
    unexpected = [f for f in failures if f.split(' (')[0] not in KNOWN_FAILURES]
    print('[odoo-suite] tests of %s' % ', '.join(modules))
    for failure in failures:
        reason = KNOWN_FAILURES.get(failure.split(' (')[0])
        print('  %s %s%s' % ('known  ' if reason else 'FAILED ', failure, ' -- ' + reason if reason else ''))
    print('[odoo-suite] dependencies %.0f s, tests %.0f s' % (installed - started, time.time() - installed))
    if returncode:
        print('[odoo-suite] the server exited with %d: see %s' % (returncode, log_path))
    return Result(ran, failures, unexpected, returncode, modules)


class Result(collections.namedtuple('Result', 'ran failures unexpected returncode modules')):
    @property
    def ok(self):
        return bool(self.ran) and not self.unexpected and not self.returncode
