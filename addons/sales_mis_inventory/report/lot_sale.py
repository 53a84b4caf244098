# -*- coding: utf-8 -*-
"""Who sold each lot or serial: one row per done move line of a lot on a sale order (not grouped: the
rule's lookup then starts from the lot, by index, instead of listing every lot a salesperson sold). The record rules
of the trace read it: a salesperson sees the trace of the lots of their own orders, a manager
also those of the teams they lead."""
from odoo import api, fields, models, tools

from odoo.addons.sales_mis.lib.admin_only import admin_only


class LotSale(models.Model):
    _name = 'sales_mis_inventory.lot.sale'
    _description = 'Lot Sold on Order'
    _auto = False

    lot_id = fields.Many2one('stock.production.lot', string='Lot/Serial Number', readonly=True)
    order_id = fields.Many2one('sale.order', string='Sales Order', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    team_manager_id = fields.Many2one('res.users', string='Team Leader', readonly=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True)

    @admin_only
    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW {0} AS
            SELECT ml.id, ml.lot_id, so.id AS order_id, so.user_id, so.team_id,
                   t.user_id AS team_manager_id, so.company_id
              FROM stock_move_line ml
              JOIN stock_move m ON m.id = ml.move_id
              JOIN sale_order_line sol ON sol.id = m.sale_line_id
              JOIN sale_order so ON so.id = sol.order_id
              LEFT JOIN crm_team t ON t.id = so.team_id
             WHERE ml.lot_id IS NOT NULL AND ml.state = 'done'
        """.format(self._table))
