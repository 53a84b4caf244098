# -*- coding: utf-8 -*-
"""An order's invoice carries the order's campaign, medium and source (Odoo 11's sale_crm puts
utm.mixin on invoices but does not fill it), so that invoiced revenue is attributed to the
campaign like the order was."""
from odoo import api, models


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    @api.multi
    def _prepare_invoice(self):
        values = super(SaleOrder, self)._prepare_invoice()
        for field in ('campaign_id', 'medium_id', 'source_id'):
            if self[field] and not values.get(field):
                values[field] = self[field].id
        return values
