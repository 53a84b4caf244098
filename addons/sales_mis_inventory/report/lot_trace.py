# -*- coding: utf-8 -*-
"""Traceability 追溯 (H2): every done move of a lot or serial number (a vehicle's VIN) with where
it came from (vendor, receipt, purchase order, vendor bill) and where it went (customer, delivery,
sales order, invoice, returns) — one SQL view over stock.move.line, read through record rules
(salesperson: lots of their own orders; manager: of their teams; director and stock users: all
of their companies)."""
from odoo import api, fields, models, tools

from odoo.addons.sales_mis.lib.admin_only import admin_only

from ..inventory_logic.flows import flow_sql

SELLERS = 'sales_mis_inventory_trace_seller_rel'
LEADERS = 'sales_mis_inventory_trace_leader_rel'

TRACE_KINDS = [
    ('purchase_in', 'Received from Vendor'),
    ('purchase_return', 'Returned to Vendor'),
    ('sale_out', 'Delivered to Customer'),
    ('customer_return', 'Returned by Customer'),
    ('adjustment_in', 'Adjustment In'),
    ('adjustment_out', 'Adjustment Out (Scrap, Inventory)'),
    ('transfer_in', 'Transfer In'),
    ('transfer_out', 'Transfer Out'),
    ('internal', 'Internal Move'),
    ('dropship', 'Dropship'),
]


class LotTrace(models.Model):
    _name = 'sales_mis_inventory.lot.trace'
    _description = 'Lot/Serial Traceability'
    _auto = False
    _order = 'lot_id, date, id'
    _rec_name = 'lot_name'

    lot_id = fields.Many2one('stock.production.lot', string='Lot/Serial Number', readonly=True)
    lot_name = fields.Char(string='Serial Number / VIN', readonly=True)
    product_id = fields.Many2one('product.product', string='Product', readonly=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True)
    date = fields.Datetime(readonly=True)
    kind = fields.Selection(TRACE_KINDS, string='Movement', readonly=True)
    is_return = fields.Boolean(string='Return', readonly=True,
                               help='The move returns an earlier move (a return of a receipt or a delivery).')
    qty = fields.Float(string='Quantity', readonly=True)
    location_id = fields.Many2one('stock.location', string='From', readonly=True)
    location_dest_id = fields.Many2one('stock.location', string='To', readonly=True)
    picking_id = fields.Many2one('stock.picking', string='Transfer', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Vendor / Customer', readonly=True)
    purchase_id = fields.Many2one('purchase.order', string='Purchase Order', readonly=True)
    sale_id = fields.Many2one('sale.order', string='Sales Order', readonly=True)
    sale_user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    invoice_numbers = fields.Char(string='Invoices / Bills', readonly=True)
    agency_services = fields.Char(string='Agency Services on the Order', readonly=True,
                                  help='Registration, insurance and other agency services sold on the same order.')
    vehicle_color = fields.Char(string='Colour', readonly=True)
    engine_number = fields.Char(readonly=True)
    # who sold the lot of the row (on any of its orders) and the leaders of their teams: the record
    # rules read these. Many2many over SQL views, so that a rule stays one sub-select in SQL (a path
    # through the lots sold would make Odoo 11 list every lot a salesperson ever sold in the query)
    seller_ids = fields.Many2many('res.users', SELLERS, 'trace_id', 'user_id', string='Sold by', readonly=True)
    seller_leader_ids = fields.Many2many('res.users', LEADERS, 'trace_id', 'user_id', string='Team Leaders of the Sellers',
                                         readonly=True)

    @api.model
    def _query(self):
        in_flow = flow_sql("'in'", 'src.usage')
        out_flow = flow_sql("'out'", 'dst.usage')
        return """
            SELECT ml.id, ml.lot_id, lot.name AS lot_name, ml.product_id, m.company_id, ml.date,
                   CASE WHEN src.usage = 'internal' AND dst.usage = 'internal' THEN 'internal'
                        WHEN dst.usage = 'internal' THEN {in_flow}
                        WHEN src.usage = 'internal' THEN {out_flow}
                        ELSE 'dropship' END AS kind,
                   m.origin_returned_move_id IS NOT NULL AS is_return,
                   ml.qty_done AS qty, ml.location_id, ml.location_dest_id, m.picking_id,
                   COALESCE(po.partner_id, so.partner_id, pk.partner_id) AS partner_id,
                   po.id AS purchase_id, so.id AS sale_id, so.user_id AS sale_user_id,
                   (SELECT string_agg(DISTINCT COALESCE(inv.number, inv.move_name, inv.reference), ', ')
                      FROM account_invoice_line il JOIN account_invoice inv ON inv.id = il.invoice_id
                     WHERE inv.state NOT IN ('draft', 'cancel')
                       AND (il.purchase_line_id = COALESCE(m.purchase_line_id, om.purchase_line_id)
                            OR il.id IN (SELECT rel.invoice_line_id FROM sale_order_line_invoice_rel rel
                                          WHERE rel.order_line_id = COALESCE(m.sale_line_id, om.sale_line_id)))
                   ) AS invoice_numbers,
                   (SELECT string_agg(apt.name, ', ' ORDER BY asol.id)
                      FROM sale_order_line asol
                      JOIN product_product app ON app.id = asol.product_id
                      JOIN product_template apt ON apt.id = app.product_tmpl_id
                     WHERE asol.order_id = so.id AND apt.sales_mis_agency_service IS NOT NULL
                   ) AS agency_services,
                   lot.sales_mis_vehicle_color AS vehicle_color, lot.sales_mis_engine_number AS engine_number
              FROM stock_move_line ml
              JOIN stock_production_lot lot ON lot.id = ml.lot_id
              JOIN stock_move m ON m.id = ml.move_id
              LEFT JOIN stock_move om ON om.id = m.origin_returned_move_id
              JOIN stock_location src ON src.id = ml.location_id
              JOIN stock_location dst ON dst.id = ml.location_dest_id
              LEFT JOIN stock_picking pk ON pk.id = m.picking_id
              LEFT JOIN purchase_order_line pol ON pol.id = COALESCE(m.purchase_line_id, om.purchase_line_id)
              LEFT JOIN purchase_order po ON po.id = pol.order_id
              LEFT JOIN sale_order_line sol ON sol.id = COALESCE(m.sale_line_id, om.sale_line_id)
              LEFT JOIN sale_order so ON so.id = sol.order_id
             WHERE ml.state = 'done'
        """.format(in_flow=in_flow, out_flow=out_flow)

    @admin_only
    @api.model_cr
    def init(self):
        for view in (SELLERS, LEADERS, self._table):
            tools.drop_view_if_exists(self.env.cr, view)
        self.env.cr.execute('CREATE VIEW %s AS %s' % (self._table, self._query()))
        # trace row -> seller of its lot (and their team's leader): from the row's move line to every
        # done line of the same lot on an order, by the lot index
        for view, user in ((SELLERS, 'so.user_id'), (LEADERS, 't.user_id')):
            self.env.cr.execute("""
                CREATE VIEW {view} AS
                SELECT ml.id AS trace_id, {user} AS user_id
                  FROM stock_move_line ml
                  JOIN stock_move_line sold ON sold.lot_id = ml.lot_id AND sold.state = 'done'
                  JOIN stock_move m ON m.id = sold.move_id
                  JOIN sale_order_line sol ON sol.id = m.sale_line_id
                  JOIN sale_order so ON so.id = sol.order_id
                  LEFT JOIN crm_team t ON t.id = so.team_id
                 WHERE ml.state = 'done' AND ml.lot_id IS NOT NULL AND {user} IS NOT NULL
            """.format(view=view, user=user))
