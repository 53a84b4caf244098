# -*- coding: utf-8 -*-
"""Sales areas 销售区域 of dealers, each in a region 大区 (East China, South China...): Odoo 11 ships no
Chinese provinces, and a region groups areas the way sales management reports them."""
from odoo import fields, models


class DealerArea(models.Model):
    _name = 'sales_mis_dealer.area'
    _description = 'Dealer Sales Area'
    _order = 'name'

    name = fields.Char(string='Sales Area', required=True, translate=True)
    code = fields.Char(string='Code')
    region = fields.Char(string='Region', required=True, translate=True, help='The region 大区 the area belongs to.')
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company', string='Company', index=True,
                                 default=lambda self: self.env.user.company_id)
    team_id = fields.Many2one('crm.team', string='Sales Team', help='The team that covers this area.')

    _sql_constraints = [('name_company_uniq', 'unique(name, company_id)', 'An area name is used once per company.')]
