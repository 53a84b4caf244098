"""Security data an administrator may tune survives `-u` (issue 17): every record rule of the
addons is loaded with noupdate="1", as in Odoo's own security files; the groups and their
implications (sales_mis_security.xml) and the access rights (ir.model.access.csv, which Odoo
always reloads) stay updatable, so that a new group, implication or model access ships with
the code.  Consequence for developers: a change to an EXISTING rule does not reach existing
databases on update; ship it with a migration (or under a new xml id).  The real update is
checked in tests/runtime/test_launcher.py::test_update_of_the_addons_over_their_demo_data."""
import ast
import glob
import os
import xml.etree.ElementTree as ET

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = tuple(sorted(name for name in os.listdir(os.path.join(ROOT, 'addons'))
                     if os.path.exists(os.path.join(ROOT, 'addons', name, '__manifest__.py'))))


def data_files():
    for addon in ADDONS:
        folder = os.path.join(ROOT, 'addons', addon)
        with open(os.path.join(folder, '__manifest__.py')) as manifest:
            for name in ast.literal_eval(manifest.read())['data']:
                if name.endswith('.xml'):
                    yield addon, name, os.path.join(folder, name)


def records(path):
    """(model, xml id, noupdate) of every <record> of an Odoo data file."""
    def walk(node, noupdate):
        noupdate = node.get('noupdate', noupdate) in ('1', 'True', 'true')
        for child in node:
            if child.tag == 'record':
                yield child.get('model'), child.get('id'), noupdate
            elif child.tag == 'data':
                yield from walk(child, noupdate)
    yield from walk(ET.parse(path).getroot(), False)


def test_every_record_rule_is_noupdate():
    rules = [(addon, name, xml_id, noupdate) for addon, name, path in data_files()
             for model, xml_id, noupdate in records(path) if model == 'ir.rule']
    assert len(rules) > 100 and {addon for addon, *_ in rules} == set(ADDONS), len(rules)
    updated = ['%s/%s: %s' % (addon, name, xml_id) for addon, name, xml_id, noupdate in rules if not noupdate]
    assert not updated, 'record rules an update would overwrite: %s' % updated


def test_rules_live_in_the_security_rule_files():
    """One place to look: rules only in security/*_rules.xml, nothing else in those files."""
    for addon, name, path in data_files():
        models = {model for model, _id, _noupdate in records(path)}
        if name.startswith('security/') and name.endswith('_rules.xml'):
            assert models == {'ir.rule'}, (name, models)
        else:
            assert 'ir.rule' not in models, name


def test_groups_stay_updatable():
    path = os.path.join(ROOT, 'addons', 'sales_mis', 'security', 'sales_mis_security.xml')
    groups = [(xml_id, noupdate) for model, xml_id, noupdate in records(path) if model == 'res.groups']
    assert {xml_id for xml_id, _ in groups} >= {'group_salesperson', 'group_manager', 'group_director',
                                                'group_mis_admin'}
    assert not any(noupdate for _, noupdate in groups)


@pytest.mark.parametrize('path', sorted(glob.glob(os.path.join(ROOT, 'addons', '*', 'security', '*_rules.xml'))))
def test_every_rule_file_is_in_its_manifest(path):
    """A rule file left out of the manifest is never loaded, noupdate or not."""
    listed = {full for _addon, _name, full in data_files()}
    assert path in listed, path
