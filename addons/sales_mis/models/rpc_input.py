# -*- coding: utf-8 -*-
"""Clear answers to integrators' bad input over XML-RPC (issue 7): Odoo 11 turns a
UserError into a fault with a message, any other exception into a Python traceback."""
import datetime
import inspect
import xmlrpc.client as xmlrpclib

import psycopg2

from odoo import _, models
from odoo.exceptions import AccessError, MissingError, UserError, except_orm
from odoo.service import wsgi_server
from odoo.tools import ustr


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


# ---------------------------------------------------------------- XML-RPC faults
# Odoo 11 answers XML-RPC with a warning fault (code 2, the message) only for UserError,
# MissingError and AccessError; a ValidationError (our constraints, and Odoo's own message
# for a missing mandatory field or a reference to a missing record) and a value of the
# wrong kind that PostgreSQL or a field refuses reach the integrator as a Python traceback.
# These are answers to the caller's input: they become warning faults with their message.

#: ValueErrors of Odoo's field conversions and domains: a selection or relation value that
#: does not exist, text sent for a number, a domain on a field that does not exist
WRONG_VALUE_MESSAGES = ('Wrong value for ', 'could not convert string to float', 'invalid literal for int()',
                        'Invalid field ')


def input_error_message(error):
    """The message of an error caused by the caller's values, or None for a real failure."""
    if isinstance(error, except_orm) and not isinstance(error, (UserError, AccessError, MissingError)):
        return ustr(error.name)
    if isinstance(error, psycopg2.DataError):  # invalid date, number out of range...
        first = (error.pgerror or str(error)).strip().splitlines()[0]
        return first.replace('ERROR:', '').strip()
    if type(error) is ValueError and str(error).startswith(WRONG_VALUE_MESSAGES):
        return str(error)
    return None


def _warning_faults(original, string_codes):
    def handle(error):
        message = input_error_message(error)
        if message is None:
            return original(error)
        if string_codes:
            fault = xmlrpclib.Fault('warning -- %s\n\n%s' % (_('Validation Error'), message), '')
        else:
            fault = xmlrpclib.Fault(wsgi_server.RPC_FAULT_CODE_WARNING, message)
        return xmlrpclib.dumps(fault, allow_none=None)
    handle.sales_mis_patched = True
    return handle


if not getattr(wsgi_server.xmlrpc_handle_exception_int, 'sales_mis_patched', False):
    wsgi_server.xmlrpc_handle_exception_int = _warning_faults(wsgi_server.xmlrpc_handle_exception_int, False)
    wsgi_server.xmlrpc_handle_exception_string = _warning_faults(wsgi_server.xmlrpc_handle_exception_string, True)


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
