# -*- coding: utf-8 -*-
"""Company settings of Sales MIS (their Settings screen fields: res_config_settings.py)."""
from odoo import fields, models

#: ir.config_parameter holding when the monthly actuals were last refreshed
LAST_REFRESH_PARAM = 'sales_mis.actuals_refreshed_at'

ACTUAL_BASES = [
    ('order', 'Confirmed sales orders'),
    ('invoice', 'Invoiced, net of refunds'),
]


class ResCompany(models.Model):
    _inherit = 'res.company'

    sales_mis_actual_basis = fields.Selection(
        ACTUAL_BASES, string='Sales Actuals Basis', required=True, default='order',
        help='What counts as "actual" against sales targets: the untaxed amount of confirmed '
             'sales orders, or the untaxed invoiced amount minus refunds (red-letter invoices).')
