# -*- coding: utf-8 -*-
"""How fresh the monthly figures are: when the last pass (or rebuild) of the actuals and the
sales analysis ran, in the user's time zone, for the screens that show them."""
from odoo import _, fields

from ..models.res_company import LAST_REFRESH_PARAM


def figures_as_of(env):
    """'YYYY-MM-DD HH:MM' of the last pass in the user's time zone, or '' before the first."""
    stamp = env['ir.config_parameter'].sudo().get_param(LAST_REFRESH_PARAM)
    if not stamp:
        return ''
    return fields.Datetime.context_timestamp(env.user, fields.Datetime.from_string(stamp)).strftime('%Y-%m-%d %H:%M')


def with_as_of(env, label):
    """`label` followed by when its figures were computed (pivot and graph headers)."""
    stamp = figures_as_of(env)
    return _('%s as of %s') % (label, stamp) if stamp else label
