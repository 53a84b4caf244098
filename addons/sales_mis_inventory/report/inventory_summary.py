# -*- coding: utf-8 -*-
"""进销存汇总 (H1): per company, warehouse, product and month: opening, purchased in, purchase
returns, sold out, customer returns, adjustments (inventory, scrap, production), transfers between
warehouses, closing, in quantities and values, from the done stock moves.

A materialized view: the goal is a pivot of 2,000 products x 36 months in <= 1 s, and the
running balance (a window over every move since the start) cannot be computed that fast per
read at a million moves. It is refreshed by a cron every 15 minutes when a move changed since
the last refresh (never on the moves' own writes: validating a picking stays as fast as Odoo's);
the time of the last refresh is shown with the figures (XLSX subtitle, export wizard).

Month: the company's local day of the move's date (Asia/Shanghai for the demo company).
Value of a move: Odoo's own valuation of it, stock.move.value (stock_account writes it for every
move entering or leaving the company, whatever the costing method: purchase price, FIFO, average
or standard cost at that time); a move without one (transfers between warehouses, moves before
stock_account) at |price_unit| or else the product's current standard price of the company.
Every month of a key from its first move to the current month has a row, so each month has its
opening even without moves."""
from odoo import api, fields, models

from odoo.addons.sales_mis.lib.admin_only import admin_only
from odoo.addons.sales_mis.report.local_day import local_date, local_today, tz_join

from ..inventory_logic.flows import FLOWS, IN_FLOWS, OUT_FLOWS, flow_sql

#: ir.config_parameter holding when the summary was last refreshed (UTC)
REFRESHED_PARAM = 'sales_mis_inventory.summary_refreshed_at'

FLOW_LABELS = {
    'purchase_in': 'Purchased In', 'purchase_return': 'Purchase Returns', 'sale_out': 'Sold Out',
    'customer_return': 'Customer Returns', 'adjustment_in': 'Adjustments In', 'adjustment_out': 'Adjustments Out',
    'transfer_in': 'Transfers In', 'transfer_out': 'Transfers Out',
}


def _measure_fields():
    """The stored measures: opening, each flow, total in and out, closing; quantity and value."""
    result = {}
    for measure, kind in (('qty', 'Quantity'), ('value', 'Value')):
        field_class = fields.Float
        result['opening_%s' % measure] = field_class(string='Opening %s' % kind, readonly=True)
        for flow in FLOWS:
            result['%s_%s' % (flow, measure)] = field_class(string='%s %s' % (FLOW_LABELS[flow], kind),
                                                           readonly=True)
        result['in_%s' % measure] = field_class(string='Total In %s' % kind, readonly=True)
        result['out_%s' % measure] = field_class(string='Total Out %s' % kind, readonly=True)
        result['closing_%s' % measure] = field_class(string='Closing %s' % kind, readonly=True)
    return result


class InventorySummary(models.Model):
    _name = 'sales_mis_inventory.summary'
    _description = 'Stock In/Out Summary'
    _auto = False
    _order = 'month desc, product_id'

    month = fields.Date(readonly=True, help="The month (its 1st day) of the company's local day of the moves.")
    company_id = fields.Many2one('res.company', string='Company', readonly=True)
    warehouse_id = fields.Many2one('stock.warehouse', string='Warehouse', readonly=True)
    product_id = fields.Many2one('product.product', string='Product', readonly=True)
    categ_id = fields.Many2one('product.category', string='Product Category', readonly=True)
    uom_id = fields.Many2one('product.uom', string='Unit of Measure', readonly=True)
    locals().update(_measure_fields())

    @api.model
    def _query(self):
        flow = flow_sql('s.side', 's.other_usage')
        sums = ',\n'.join("sum(s.qty) FILTER (WHERE s.flow = '{0}') AS {0}_qty, "
                          "sum(s.value) FILTER (WHERE s.flow = '{0}') AS {0}_value".format(name) for name in FLOWS)
        grid_flows = ',\n'.join('COALESCE(f.{0}_{1}, 0.0) AS {0}_{1}'.format(name, measure)
                                for name in FLOWS for measure in ('qty', 'value'))
        net = {measure: '(%s) - (%s)' % (' + '.join('COALESCE(f.%s_%s, 0.0)' % (n, measure) for n in IN_FLOWS),
                                         ' + '.join('COALESCE(f.%s_%s, 0.0)' % (n, measure) for n in OUT_FLOWS))
               for measure in ('qty', 'value')}
        return """
            WITH location_warehouse AS (
                -- the warehouse of each internal location (under the warehouse's view location)
                SELECT l.id AS location_id, w.id AS warehouse_id, COALESCE(w.company_id, l.company_id) AS company_id
                  FROM stock_location l
                  LEFT JOIN LATERAL (
                       SELECT w.id, w.company_id FROM stock_warehouse w
                         JOIN stock_location vl ON vl.id = w.view_location_id
                        WHERE l.parent_left >= vl.parent_left AND l.parent_left < vl.parent_right
                        ORDER BY vl.parent_left DESC LIMIT 1) w ON TRUE
                 WHERE l.usage = 'internal'
            ), moves AS (
                SELECT m.product_id, m.product_qty AS qty, m.location_id, m.location_dest_id,
                       src.usage AS src_usage, dst.usage AS dst_usage,
                       CASE WHEN COALESCE(m.value, 0.0) <> 0.0 THEN abs(m.value)
                            ELSE m.product_qty * COALESCE(NULLIF(abs(m.price_unit), 0.0), ip.value_float, 0.0)
                       END AS value,
                       date_trunc('month', {move_day})::date AS month
                  FROM stock_move m
                  JOIN product_product pp ON pp.id = m.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  JOIN stock_location src ON src.id = m.location_id
                  JOIN stock_location dst ON dst.id = m.location_dest_id
                  {tz_join}
                  LEFT JOIN ir_property ip ON ip.name = 'standard_price' AND ip.company_id = m.company_id
                       AND ip.res_id = 'product.product,' || m.product_id
                 WHERE m.state = 'done' AND pt.type = 'product'
                   AND (src.usage = 'internal' OR dst.usage = 'internal')
            ), sides AS (
                SELECT lw.company_id, lw.warehouse_id, mv.product_id, mv.month, mv.qty, mv.value,
                       'out'::text AS side, mv.dst_usage AS other_usage
                  FROM moves mv
                  JOIN location_warehouse lw ON lw.location_id = mv.location_id
                  LEFT JOIN location_warehouse lwd ON lwd.location_id = mv.location_dest_id
                 WHERE mv.src_usage = 'internal'
                   AND NOT (mv.dst_usage = 'internal' AND lwd.warehouse_id IS NOT DISTINCT FROM lw.warehouse_id)
                UNION ALL
                SELECT lw.company_id, lw.warehouse_id, mv.product_id, mv.month, mv.qty, mv.value,
                       'in'::text AS side, mv.src_usage AS other_usage
                  FROM moves mv
                  JOIN location_warehouse lw ON lw.location_id = mv.location_dest_id
                  LEFT JOIN location_warehouse lws ON lws.location_id = mv.location_id
                 WHERE mv.dst_usage = 'internal'
                   AND NOT (mv.src_usage = 'internal' AND lws.warehouse_id IS NOT DISTINCT FROM lw.warehouse_id)
            ), classified AS (
                SELECT s.*, {flow} AS flow FROM sides s
            ), flows AS (
                SELECT s.company_id, s.warehouse_id, s.product_id, s.month,
                       {sums}
                  FROM classified s
                 GROUP BY 1, 2, 3, 4
            ), keys AS (
                SELECT f.company_id, f.warehouse_id, f.product_id, min(f.month) AS first_month,
                       GREATEST(max(f.month), date_trunc('month', {today})::date) AS last_month
                  FROM flows f
                  {tz_join_keys}
                 GROUP BY 1, 2, 3, ctz.tz
            ), grid AS (
                SELECT k.company_id, k.warehouse_id, k.product_id, gs::date AS month
                  FROM keys k, generate_series(k.first_month, k.last_month, interval '1 month') gs
            ), rows AS (
                SELECT g.company_id, g.warehouse_id, g.product_id, g.month,
                       {grid_flows},
                       {net_qty} AS net_qty, {net_value} AS net_value
                  FROM grid g
                  LEFT JOIN flows f ON f.company_id IS NOT DISTINCT FROM g.company_id
                       AND f.warehouse_id IS NOT DISTINCT FROM g.warehouse_id
                       AND f.product_id = g.product_id AND f.month = g.month
            ), balances AS (
                SELECT r.*,
                       sum(r.net_qty) OVER w AS closing_qty, sum(r.net_value) OVER w AS closing_value
                  FROM rows r
                WINDOW w AS (PARTITION BY r.company_id, r.warehouse_id, r.product_id ORDER BY r.month)
            )
            SELECT row_number() OVER () AS id, b.company_id, b.warehouse_id, b.product_id, pt.categ_id,
                   pt.uom_id, b.month,
                   b.closing_qty - b.net_qty AS opening_qty, b.closing_value - b.net_value AS opening_value,
                   {flow_columns},
                   {in_qty} AS in_qty, {out_qty} AS out_qty, {in_value} AS in_value, {out_value} AS out_value,
                   b.closing_qty, b.closing_value
              FROM balances b
              JOIN product_product pp ON pp.id = b.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
        """.format(
            move_day=local_date('m.date'), tz_join=tz_join('m.company_id'), flow=flow, sums=sums,
            today=local_today(), tz_join_keys=tz_join('f.company_id'), grid_flows=grid_flows,
            net_qty=net['qty'], net_value=net['value'],
            flow_columns=', '.join('b.%s_%s' % (name, measure) for name in FLOWS for measure in ('qty', 'value')),
            in_qty=' + '.join('b.%s_qty' % n for n in IN_FLOWS), out_qty=' + '.join('b.%s_qty' % n for n in OUT_FLOWS),
            in_value=' + '.join('b.%s_value' % n for n in IN_FLOWS),
            out_value=' + '.join('b.%s_value' % n for n in OUT_FLOWS))

    @admin_only
    @api.model_cr
    def init(self):
        self.env.cr.execute("SELECT relkind FROM pg_class WHERE relname = %s", (self._table,))
        kind = self.env.cr.fetchone()
        if kind:
            self.env.cr.execute('DROP %s %s CASCADE' % ('VIEW' if kind[0] == 'v' else 'MATERIALIZED VIEW',
                                                         self._table))
        self.env.cr.execute('CREATE MATERIALIZED VIEW %s AS %s' % (self._table, self._query()))
        self.env.cr.execute('CREATE UNIQUE INDEX {0}_id ON {0} (id)'.format(self._table))
        for number, key in enumerate(('company_id, month', 'product_id, month', 'categ_id, month')):
            self.env.cr.execute('CREATE INDEX {0}_{1} ON {0} ({2})'.format(self._table, number, key))
        self.env['ir.config_parameter'].sudo().set_param(REFRESHED_PARAM, fields.Datetime.now())

    @admin_only
    @api.model
    def refresh(self):
        """Recompute the summary (CONCURRENTLY: readers are never blocked)."""
        self.env.cr.execute('REFRESH MATERIALIZED VIEW CONCURRENTLY %s' % self._table)
        self.env['ir.config_parameter'].sudo().set_param(REFRESHED_PARAM, fields.Datetime.now())
        self.invalidate_cache()
        return True

    @admin_only
    @api.model
    def cron_refresh(self):
        """The cron's refresh: only when a move changed since the last one (done moves cannot be deleted).
        A move's write_date is the start of its transaction, which may have committed after the last
        refresh read the moves: changes up to 15 minutes before it count as new (a second refresh)."""
        refreshed = self.env['ir.config_parameter'].sudo().get_param(REFRESHED_PARAM)
        if refreshed:
            self.env.cr.execute("SELECT 1 FROM stock_move WHERE write_date >= %s::timestamp - interval '15 minutes' "
                                "LIMIT 1", (refreshed,))
            if not self.env.cr.fetchone():
                return False
        return self.refresh()

    @api.model
    def refreshed_at(self):
        """When the figures were last computed (UTC, 'YYYY-MM-DD HH:MM:SS'), or False."""
        self.check_access_rights('read')
        return self.env['ir.config_parameter'].sudo().get_param(REFRESHED_PARAM) or False
