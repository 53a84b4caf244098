# -*- coding: utf-8 -*-
"""The workflow table: what an ordinary create/write/unlink may touch on a document with a state.

Each document declares a `WorkflowSpec`: its state field, the fields that only its transition
methods write (state, approver, approved amounts: `protected`), the states in which it is frozen
(no ordinary change at all, except `open_when_frozen`), and the states in which it may be
deleted. A line declares its header (`parent_field`) and follows the header's state.

Transition methods check their caller and then write as the superuser; every other caller is
held to this table whatever its context. Pure Python: the ORM glue is
models/workflow_mixin.py, and the protected-field matrix test reads the same specs."""
from collections import namedtuple

#: `protected` value of a document no ordinary caller creates, writes or deletes at all (lines
#: that a computation fills in, e.g. commission or scorecard lines)
EVERYTHING = '__all__'

#: fields of Odoo's mail mixins (followers, messages, activities) that stay open in every state
MAIL_PREFIXES = ('message_', 'activity_', 'website_message_')

_Spec = namedtuple('WorkflowSpec', 'state_field protected frozen_states open_when_frozen deletable_states '
                                   'parent_field transitions')

Transition = namedtuple('Transition', 'method from_states to_state who')
Transition.__doc__ = """A documented move: `method` takes the document from one of `from_states`
to `to_state`; `who` says in words who may (the method itself checks it)."""


def WorkflowSpec(state_field='state', protected=(), frozen_states=(), open_when_frozen=(),
                 deletable_states=None, parent_field=None, transitions=()):
    """A spec with sets for the field and state lists. `deletable_states` None means every
    state that is not frozen."""
    return _Spec(state_field, protected if protected == EVERYTHING else frozenset(protected),
                 frozenset(frozen_states), frozenset(open_when_frozen),
                 None if deletable_states is None else frozenset(deletable_states),
                 parent_field, tuple(transitions))


def _ordinary(fields):
    return {name for name in fields if not name.startswith(MAIL_PREFIXES)}


def refused_fields(spec, state, fields):
    """The fields among `fields` that an ordinary write to a document in `state` may not
    touch, sorted (empty: the write may go ahead)."""
    fields = _ordinary(fields)
    if spec.protected == EVERYTHING:
        return sorted(fields)
    refused = fields & spec.protected
    if state in spec.frozen_states:
        refused |= fields - spec.open_when_frozen
    return sorted(refused)


def refused_on_create(spec, state, values, defaults):
    """The fields an ordinary create may not set: protected fields given a value other than
    their default, or anything when the document (or its header) is frozen."""
    if spec.protected == EVERYTHING:
        return sorted(_ordinary(values)) or ['id']
    if state in spec.frozen_states:
        return sorted(_ordinary(values)) or ['id']
    return sorted(name for name in _ordinary(values) & spec.protected
                  if (values[name] or False) != (defaults.get(name) or False))


def may_delete(spec, state):
    if spec.protected == EVERYTHING:
        return False
    if spec.deletable_states is None:
        return state not in spec.frozen_states
    return state in spec.deletable_states
