# -*- coding: utf-8 -*-
"""Monthly sales history of the forecasts: confirmed order lines net of customer
refunds, in company currency, per month x company x team x salesperson x product
category x product x customer.  One SQL text, used by the runs (history) and by
the accuracy report (what happened after a forecast)."""

from odoo.addons.sales_mis.report.order_currency import RATE_JOINS, TO_COMPANY


def monthly_sales_sql(env, where_orders='TRUE', where_refunds='TRUE'):
    """SELECT month, company_id, team_id, user_id, categ_id, product_id, partner_id, amount,
    quantity (one row per key and month).  The two filters are SQL on `s` (sale_order)
    and `i` (account_invoice); their parameters are the caller's."""
    rates = env['res.currency']._select_companies_rates()
    return """
        WITH currency_rate AS ({rates})
        SELECT month, company_id, team_id, user_id, categ_id, product_id, partner_id,
               sum(amount) AS amount, sum(quantity) AS quantity
          FROM (
            SELECT date_trunc('month', COALESCE(s.confirmation_date, s.date_order))::date AS month,
                   s.company_id, s.team_id, s.user_id, t.categ_id, l.product_id,
                   cp.commercial_partner_id AS partner_id,
                   l.price_subtotal * {to_company} AS amount, l.product_uom_qty AS quantity
              FROM sale_order_line l
              JOIN sale_order s ON s.id = l.order_id
              JOIN res_partner cp ON cp.id = s.partner_id
              LEFT JOIN product_product p ON p.id = l.product_id
              LEFT JOIN product_template t ON t.id = p.product_tmpl_id
              JOIN res_company co ON co.id = s.company_id
                  {rate_joins}
             WHERE s.state IN ('sale', 'done') AND NOT COALESCE(l.is_downpayment, FALSE)
               AND ({where_orders})
            UNION ALL
            -- refunds: price_subtotal_signed is negative and in company currency
            SELECT date_trunc('month', i.date_invoice)::date, i.company_id, i.team_id, i.user_id,
                   t.categ_id, l.product_id, i.commercial_partner_id,
                   l.price_subtotal_signed, -l.quantity
              FROM account_invoice_line l
              JOIN account_invoice i ON i.id = l.invoice_id
              LEFT JOIN product_product p ON p.id = l.product_id
              LEFT JOIN product_template t ON t.id = p.product_tmpl_id
             WHERE i.state IN ('open', 'paid') AND i.type = 'out_refund' AND ({where_refunds})
          ) sales
         GROUP BY 1, 2, 3, 4, 5, 6, 7
    """.format(rates=rates, to_company=TO_COMPANY, rate_joins=RATE_JOINS, where_orders=where_orders,
               where_refunds=where_refunds)
