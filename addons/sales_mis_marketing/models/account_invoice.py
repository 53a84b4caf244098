# -*- coding: utf-8 -*-
"""A credit note keeps the campaign of the invoice it refunds, so that the campaign's invoiced
revenue is net of returns."""
from odoo import api, models


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'

    @api.model
    def _prepare_refund(self, invoice, date_invoice=None, date=None, description=None, journal_id=None):
        values = super(AccountInvoice, self)._prepare_refund(invoice, date_invoice=date_invoice, date=date,
                                                             description=description, journal_id=journal_id)
        for field in ('campaign_id', 'medium_id', 'source_id'):
            if invoice[field] and not values.get(field):
                values[field] = invoice[field].id
        return values
