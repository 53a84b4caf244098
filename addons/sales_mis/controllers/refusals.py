# -*- coding: utf-8 -*-
"""Refused downloads answer like HTTP: 403 with the reason when the user may not have the file,
400 when the request itself is wrong (unknown report, bad date), instead of Odoo's error page
with status 500 (a server fault) for what is the user's side."""
import functools

from odoo import _
from odoo.exceptions import AccessError, UserError
from odoo.http import request


def _text_response(message, status):
    response = request.make_response(message, headers=[('Content-Type', 'text/plain; charset=utf-8')])
    response.status_code = status  # Odoo 11's make_response takes no status
    return response


def refusals_as_http(route):
    """Decorate a download route (below @http.route): AccessError -> 403, UserError -> 400."""
    @functools.wraps(route)
    def download(self, *args, **kwargs):
        try:
            return route(self, *args, **kwargs)
        except AccessError as error:
            return _text_response(_('Download refused: %s') % (error.name or error), 403)
        except UserError as error:
            return _text_response(error.name or str(error), 400)
    return download
