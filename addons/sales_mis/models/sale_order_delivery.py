# -*- coding: utf-8 -*-
"""Delivery schedule 发货安排 (D3): the pickings of sales orders, by date, warehouse and customer."""
from odoo import fields, models


class StockPicking(models.Model):
    _inherit = 'stock.picking'

    # stored so that the schedule's pivot and list group by them
    delivery_warehouse_id = fields.Many2one('stock.warehouse', string='Warehouse', related='picking_type_id.warehouse_id',
                                   store=True, readonly=True)
    sale_user_id = fields.Many2one('res.users', string='Salesperson', related='sale_id.user_id',
                                   store=True, readonly=True)
