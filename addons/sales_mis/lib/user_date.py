# -*- coding: utf-8 -*-
"""The user's local day of a stored (UTC) datetime: a delivery scheduled at 07:00 Shanghai time is
stored as 23:00 UTC of the day before, and its day is the Shanghai one."""
from odoo import fields


def user_date(record, value):
    """'YYYY-MM-DD' of the UTC datetime string `value` in the time zone of `record`'s user."""
    moment = fields.Datetime.context_timestamp(record, fields.Datetime.from_string(value))
    return fields.Date.to_string(moment)
