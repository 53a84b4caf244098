# -*- coding: utf-8 -*-
"""Categories of service requests and complaints 服务类别 (installation, repair, quality...)."""
from odoo import fields, models


class ServiceCategory(models.Model):
    _name = 'sales_mis_service.category'
    _description = 'Service Category'
    _order = 'sequence, name'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company', string='Company', index=True,
                                 help='Leave empty to share the category with every company.')
