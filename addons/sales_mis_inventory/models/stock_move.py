# -*- coding: utf-8 -*-
from odoo import fields, models


class StockMove(models.Model):
    _inherit = 'stock.move'

    # the moves of an order line, for the salesperson's trace rule (see stock_move_line.py)
    sale_line_id = fields.Many2one(index=True)
