# -*- coding: utf-8 -*-
"""Arguments of methods that integrators may call over XML-RPC (issue 7): a day, a record,
checked with a UserError (a clear warning fault) instead of a traceback.  The server-wide
fault mapping lives in ../rpc_faults.py (post_load hook)."""
import datetime
import inspect

from odoo import _, models
from odoo.exceptions import UserError


def _caller_records():
    """The records of the method calling our helper: _() reads the user's language from a
    local `self`."""
    return inspect.currentframe().f_back.f_back.f_locals.get('self')


def python_record(value, what):
    """`value` if it is a record: for the helpers that take records and return Python
    objects (frames, dicts keyed by ids), meant for server code and not for XML-RPC,
    where their argument arrives as an id or a string."""
    if isinstance(value, models.BaseModel):
        return value
    self = _caller_records()  # noqa: F841 (the language of _())
    raise UserError(_('%s takes a record and is meant for server code, not for XML-RPC (got %s).')
                    % (what, repr(value)[:100]))


def day_arg(value, required=False):
    """A day argument as a date: Python callers pass a date or 'YYYY-MM-DD', XML-RPC callers
    may pass anything; None/False when not required and not given."""
    if isinstance(value, datetime.date):
        return value
    if not value and not required:
        return None
    if isinstance(value, str):
        try:
            return datetime.datetime.strptime(value[:10], '%Y-%m-%d').date()
        except ValueError:
            pass
    self = _caller_records()  # noqa: F841 (the language of _())
    raise UserError(_('Bad date %s: write YYYY-MM-DD.') % repr(value)[:40])
