# -*- coding: utf-8 -*-
"""Install-time hooks and maintenance entry points for administrators only.

Odoo 11 lets any user call any public method over RPC (/xmlrpc/2/object or the web client's
call_kw), so a salesperson could call `init` (drop and rebuild a report's SQL view) or
`refresh` (recompute a materialized view over every order line) as often as they like.
Installs, updates and crons run as the superuser, so they are not affected."""
import functools

from odoo import _
from odoo.exceptions import AccessError


def admin_only(method):
    """Refuse `method` to users who are neither the superuser nor in Settings' Access Rights
    group (base.group_erp_manager)."""
    @functools.wraps(method)  # keeps the api decorator's marks (_api) for call_kw
    def guarded(self, *args, **kwargs):
        if not self.env.user._is_admin():
            raise AccessError(_('Only an administrator may run %s on %s: it is a maintenance task '
                                'of the server.') % (method.__name__, self._description or self._name))
        return method(self, *args, **kwargs)
    return guarded
