# -*- coding: utf-8 -*-
"""Clear answers to integrators' bad input over XML-RPC (issue 7): Odoo 11 turns a
UserError into a fault with a message, any other exception into a Python traceback."""
from odoo import _, models
from odoo.exceptions import UserError


class SingletonError(UserError, ValueError):
    """ensure_one() on no or several records: a message for the user over XML-RPC (a
    UserError), still the ValueError that Odoo's own code expects and catches."""


def _ensure_one(self):
    if len(self) == 1:
        return self
    raise SingletonError(_('Expected one record of %s, got %s: this action works on one record at a time.')
                         % (self._description or self._name, len(self)))


_ensure_one.__doc__ = models.BaseModel.ensure_one.__doc__
# a button called over XML-RPC with no ids or several ids, e.g. [] or [7, 8]
models.BaseModel.ensure_one = _ensure_one


def python_record(value, what):
    """`value` if it is a record: for the helpers that take records and return Python
    objects (frames, dicts keyed by ids), meant for server code and not for XML-RPC,
    where their argument arrives as an id or a string."""
    if isinstance(value, models.BaseModel):
        return value
    raise UserError(_('%s takes a record and is meant for server code, not for XML-RPC (got %s).')
                    % (what, repr(value)[:100]))
