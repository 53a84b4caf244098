"""The method reference of docs/api.md is what bin/api-reference writes from the fuzz inventory
(tests/test_fuzz_rpc.py INVENTORY) and the docstrings: a method added, renamed or documented
without regenerating fails here. Pure: parses files, no server."""
from conftest import load_script

GENERATOR = load_script('api-reference', 'api_reference')


def committed():
    with open(GENERATOR.DOC, encoding='utf-8') as handle:
        return GENERATOR.current(handle.read())


def test_committed_reference_is_up_to_date():
    assert committed() is not None, 'docs/api.md lost its method-reference markers'
    assert committed() == GENERATOR.render(), 'docs/api.md: method reference out of date; run bin/api-reference'


def test_every_inventory_method_is_listed_under_its_model():
    reference = committed()
    inventory = GENERATOR.inventory()
    for model in {model for model, _method in inventory}:
        section = reference.split('### `%s`\n' % model)[1].split('\n### ')[0]
        for method in sorted(method for owner, method in inventory if owner == model):
            assert '| `%s` |' % method in section, '%s.%s missing from the reference' % (model, method)


def test_a_new_method_makes_the_reference_stale():
    inventory = dict(GENERATOR.inventory())
    inventory[('sales_mis.plan', 'action_brand_new')] = 'ids'
    assert GENERATOR.render(inventory) != committed()
    found = {('sales_mis.plan', 'action_brand_new'): [{'path': 'x.py', 'line': 1, 'api': 'records', 'wizard': False,
                                                        'args': [], 'kwargs': False, 'doc': 'Does a new thing.\n\nMore.'}]}
    assert '| `action_brand_new` | `[ids]` | Does a new thing. | fuzzed (`ids`) |' in GENERATOR.render(inventory, found, {})


def test_calls_follow_the_decorators():
    definition = {'api': 'model', 'wizard': False, 'args': ['day', 'lang?'], 'kwargs': False}
    assert GENERATOR.call_of('m', 'rows', definition) == '`[day, lang?]`'
    assert GENERATOR.call_of('m', 'split', dict(definition, api='records')) == '`[ids, day, lang?]`'
    assert GENERATOR.call_of('m', 'go', dict(definition, api='records', wizard=True, args=[])) == \
        '`create` the wizard, then `[[wizard_id]]`'
    assert GENERATOR.first_sentence('Rows of :meth:`_x` for a | b. Then more.') == 'Rows of `_x` for a \\| b.'


def test_check_mode_reports_a_stale_reference(tmp_path, monkeypatch, capsys):
    doc = tmp_path / 'api.md'
    with open(GENERATOR.DOC, encoding='utf-8') as handle:
        doc.write_text(handle.read().replace('| `action_submit` |', '| `action_sent` |', 1), encoding='utf-8')
    monkeypatch.setattr(GENERATOR, 'DOC', str(doc))
    assert GENERATOR.main(['--check']) == 1
    assert 'run bin/api-reference' in capsys.readouterr().out
    assert GENERATOR.main([]) == 0 and GENERATOR.main(['--check']) == 0
