# -*- coding: utf-8 -*-
"""Clear XML-RPC faults for integrators' bad input (issues 7 and 12): the one server-wide
change of the addon, installed by its `post_load` hook and switched off with the
environment variable SALES_MIS_RPC_PATCHES=0 (or `sales_mis_rpc_patches = False` in the
server's configuration file).

Odoo 11 answers XML-RPC with a warning fault (code 2, the message) only for UserError,
MissingError and AccessError.  A ValidationError (our constraints, Odoo's own message for a
missing mandatory field or a reference to a missing record), a value of the wrong kind that
PostgreSQL or a field refuses, and a button called on no or several records (ensure_one)
reach the integrator as a Python traceback (code 1).  These are answers to the caller's
input: they become warning faults with their message; everything else, and all Python code
of the server (no model method is changed), behaves as in Odoo."""
import os
import re
import xmlrpc.client as xmlrpclib

import psycopg2

from odoo import _
from odoo.exceptions import AccessError, MissingError, UserError, except_orm
from odoo.service import wsgi_server
from odoo.tools import config, ustr

#: the off switch: environment first, then the configuration file
SWITCH_VARIABLE = 'SALES_MIS_RPC_PATCHES'
SWITCH_OPTION = 'sales_mis_rpc_patches'
OFF_VALUES = ('0', 'false', 'no', 'off')

#: ValueErrors of Odoo's field conversions and domains: a selection or relation value that
#: does not exist, text sent for a number, a domain on a field that does not exist
WRONG_VALUE_MESSAGES = ('Wrong value for ', 'could not convert string to float', 'invalid literal for int()',
                        'Invalid field ')
#: BaseModel.ensure_one's ValueError in Odoo 11: "Expected singleton: sale.order(7, 8)"
SINGLETON = re.compile(r'^Expected singleton: ([\w.]+)\((.*)\)$', re.S)


def enabled():
    """False when switched off by SALES_MIS_RPC_PATCHES or the configuration option."""
    value = os.environ.get(SWITCH_VARIABLE)
    if value is None:
        value = config.get(SWITCH_OPTION)
    return str(value).strip().lower() not in OFF_VALUES if value is not None else True


def input_error_message(error):
    """The message of an error caused by the caller's values, or None for a real failure."""
    if isinstance(error, except_orm) and not isinstance(error, (UserError, AccessError, MissingError)):
        return ustr(error.name)
    if isinstance(error, psycopg2.DataError):  # invalid date, number out of range...
        first = (error.pgerror or str(error)).strip().splitlines()[0]
        return first.replace('ERROR:', '').strip()
    if type(error) is ValueError:
        singleton = SINGLETON.match(str(error))
        if singleton:
            count = len([part for part in singleton.group(2).split(',') if part.strip()])
            return _('Expected one record of %s, got %s: this action works on one record at a time.') \
                % (singleton.group(1), count)
        if str(error).startswith(WRONG_VALUE_MESSAGES):
            return str(error)
    return None


def _warning_faults(original, string_codes):
    """Odoo's XML-RPC exception handler, answering input errors with a warning fault."""
    def handle(error):
        message = input_error_message(error)
        if message is None:
            return original(error)
        if string_codes:
            fault = xmlrpclib.Fault('warning -- %s\n\n%s' % (_('Validation Error'), message), '')
        else:
            fault = xmlrpclib.Fault(wsgi_server.RPC_FAULT_CODE_WARNING, message)
        return xmlrpclib.dumps(fault, allow_none=None)
    handle.sales_mis_original = original
    return handle


def installed():
    return hasattr(wsgi_server.xmlrpc_handle_exception_int, 'sales_mis_original')


def install():
    """Wraps Odoo's two XML-RPC exception handlers, once per process, unless switched off.
    Returns whether the handlers are wrapped."""
    if installed():
        return True
    if not enabled():
        return False
    wsgi_server.xmlrpc_handle_exception_int = _warning_faults(wsgi_server.xmlrpc_handle_exception_int, False)
    wsgi_server.xmlrpc_handle_exception_string = _warning_faults(wsgi_server.xmlrpc_handle_exception_string, True)
    return True


def uninstall():
    """Puts Odoo's handlers back (tests, and integrators who switch off at run time)."""
    for name in ('xmlrpc_handle_exception_int', 'xmlrpc_handle_exception_string'):
        handler = getattr(wsgi_server, name)
        setattr(wsgi_server, name, getattr(handler, 'sales_mis_original', handler))
