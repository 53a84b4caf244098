# -*- coding: utf-8 -*-
"""Stock warning 库存预警 (G6): products whose forecast demand over their lead time
exceeds what is on hand plus incoming, from the latest done product-level quantity
forecast of each company.  One SQL view, computed in bulk.

Lead time: the shortest vendor delay of the product, else its customer lead time,
else the system parameter `sales_mis_forecast.default_lead_days` (30).  Demand over
the lead time sums the forecast months from the current one, the last month pro rata
(a month counts as 30 days)."""
from odoo import fields, models, tools
from odoo.addons.sales_mis.lib.admin_only import admin_only

DEFAULT_LEAD_DAYS_PARAM = 'sales_mis_forecast.default_lead_days'


class StockWarning(models.Model):
    _name = 'sales_mis_forecast.stock.warning'
    _description = 'Stock Warning'
    _auto = False
    _order = 'shortfall desc'

    run_id = fields.Many2one('sales_mis_forecast.run', string='Forecast Run', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    product_id = fields.Many2one('product.product', string='Product', readonly=True)
    categ_id = fields.Many2one('product.category', string='Product Category', readonly=True)
    lead_days = fields.Float(string='Lead Time (Days)', readonly=True, group_operator='avg')
    demand = fields.Float(string='Forecast Demand over Lead Time', readonly=True)
    on_hand = fields.Float(string='On Hand', readonly=True)
    incoming = fields.Float(readonly=True)
    shortfall = fields.Float(readonly=True, help='Forecast demand over the lead time minus on hand and incoming.')

    @admin_only
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW {table} AS
            WITH latest AS (
                SELECT DISTINCT ON (company_id) id, company_id
                  FROM sales_mis_forecast_run
                 WHERE state = 'done' AND level = 'product' AND measure = 'quantity'
                 ORDER BY company_id, date_finished DESC NULLS LAST, id DESC
            ), lead AS (
                SELECT p.id AS product_id, t.categ_id,
                       COALESCE((SELECT min(si.delay) FROM product_supplierinfo si
                                  WHERE si.product_tmpl_id = t.id AND si.delay > 0),
                                NULLIF(t.sale_delay, 0),
                                (SELECT value::numeric FROM ir_config_parameter WHERE key = '{param}'),
                                30)::float AS lead_days
                  FROM product_product p JOIN product_template t ON t.id = p.product_tmpl_id
                 WHERE t.type = 'product'  -- only stocked products can run short
            ), demand AS (
                SELECT latest.id AS run_id, l.company_id, l.product_id, lead.categ_id, lead.lead_days,
                       sum(l.mean * GREATEST(0.0, LEAST(1.0, lead.lead_days / 30.0
                           - ((extract(year FROM l.date) - extract(year FROM now())) * 12
                              + extract(month FROM l.date) - extract(month FROM now()))))) AS demand
                  FROM sales_mis_forecast_line l
                  JOIN latest ON latest.id = l.run_id
                  JOIN lead ON lead.product_id = l.product_id
                 WHERE l.date >= date_trunc('month', now() at time zone 'UTC')::date
                 GROUP BY 1, 2, 3, 4, 5
            ), on_hand AS (
                SELECT q.company_id, q.product_id, sum(q.quantity) AS qty
                  FROM stock_quant q JOIN stock_location sl ON sl.id = q.location_id
                 WHERE sl.usage = 'internal' GROUP BY 1, 2
            ), incoming AS (
                SELECT m.company_id, m.product_id, sum(m.product_qty) AS qty
                  FROM stock_move m
                  JOIN stock_location src ON src.id = m.location_id
                  JOIN stock_location dst ON dst.id = m.location_dest_id
                 WHERE m.state NOT IN ('draft', 'cancel', 'done')
                   AND dst.usage = 'internal' AND src.usage <> 'internal'
                 GROUP BY 1, 2
            )
            SELECT row_number() OVER () AS id, d.run_id, d.company_id, d.product_id, d.categ_id, d.lead_days, d.demand,
                   COALESCE(h.qty, 0.0) AS on_hand, COALESCE(i.qty, 0.0) AS incoming,
                   d.demand - COALESCE(h.qty, 0.0) - COALESCE(i.qty, 0.0) AS shortfall
              FROM demand d
              LEFT JOIN on_hand h ON h.company_id = d.company_id AND h.product_id = d.product_id
              LEFT JOIN incoming i ON i.company_id = d.company_id AND i.product_id = d.product_id
             WHERE d.demand > COALESCE(h.qty, 0.0) + COALESCE(i.qty, 0.0)
        """.format(table=self._table, param=DEFAULT_LEAD_DAYS_PARAM))
