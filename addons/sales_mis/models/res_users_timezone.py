# -*- coding: utf-8 -*-
"""A new user without a time zone gets their company's: Odoo would otherwise count their days
in UTC, so at 07:00 in Shanghai "today" would still be yesterday (dashboard, daily report,
overdue to-dos)."""
from odoo import api, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    @api.model
    def create(self, values):
        if not values.get('tz') and not self.env.context.get('tz'):
            company = self.env['res.company'].browse(values.get('company_id')) if values.get('company_id') \
                else self.env.user.company_id
            if company.partner_id.tz:
                values = dict(values, tz=company.partner_id.tz)
        return super(ResUsers, self).create(values)
