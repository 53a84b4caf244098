# -*- coding: utf-8 -*-
"""Arguments of methods that integrators may call over XML-RPC (issue 7): a day checked with a
UserError (a clear warning fault) instead of a traceback.  The server-wide fault mapping lives
in ../rpc_faults.py (post_load hook).  Methods that take records are private (`_` prefix):
Odoo refuses them over RPC, so no argument check is needed for them."""
import datetime

from odoo import _
from odoo.exceptions import UserError


def day_arg(env, value, required=False):
    """A day argument as a date: Python callers pass a date or 'YYYY-MM-DD', XML-RPC callers
    may pass anything; None/False when not required and not given.  `env` gives the message
    its language."""
    if isinstance(value, datetime.date):
        return value
    if not value and not required:
        return None
    if isinstance(value, str):
        try:
            return datetime.datetime.strptime(value[:10], '%Y-%m-%d').date()
        except ValueError:
            pass
    # Odoo's _() reads the language from these names (context, then the user of cr/uid)
    context, cr, uid = env.context, env.cr, env.uid  # noqa: F841
    raise UserError(_('Bad date %s: write YYYY-MM-DD.') % repr(value)[:40])
