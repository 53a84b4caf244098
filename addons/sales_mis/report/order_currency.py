# -*- coding: utf-8 -*-
"""Order amounts in their company's currency, in SQL: one definition for the sales actuals,
the forecast history and the campaign ROI.

Rates are relative to one base currency, so the ratio of the company's rate to the order's
pricelist rate converts (Odoo's sale.report divides by one rate only, i.e. into the base
currency).  Use it inside ``WITH currency_rate AS (<res.currency._select_companies_rates()>)``,
with the order as ``s`` and its company joined as ``co``."""

#: factor from an order's currency (its pricelist's) to its company's currency
TO_COMPANY = ('CASE WHEN pp.currency_id = co.currency_id THEN 1.0 '
              'ELSE COALESCE(ccr.rate, 1.0) / COALESCE(cr.rate, 1.0) END')

#: the joins TO_COMPANY reads: the order's pricelist and both rates on the order's date
RATE_JOINS = """
                  LEFT JOIN product_pricelist pp ON pp.id = s.pricelist_id
                  LEFT JOIN currency_rate cr ON cr.currency_id = pp.currency_id
                       AND cr.company_id = s.company_id AND cr.date_start <= s.date_order
                       AND (cr.date_end IS NULL OR cr.date_end > s.date_order)
                  LEFT JOIN currency_rate ccr ON ccr.currency_id = co.currency_id
                       AND ccr.company_id = s.company_id AND ccr.date_start <= s.date_order
                       AND (ccr.date_end IS NULL OR ccr.date_end > s.date_order)"""
