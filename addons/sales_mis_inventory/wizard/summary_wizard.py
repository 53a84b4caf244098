# -*- coding: utf-8 -*-
"""The 进销存汇总表 download form: months, company, warehouse, category; the file is built by the
download route as the logged-in user."""
from werkzeug.urls import url_encode

from odoo import api, fields, models


def _first_of_year(model):
    return fields.Date.from_string(fields.Date.context_today(model)).replace(month=1, day=1)


class InventorySummaryWizard(models.TransientModel):
    _name = 'sales_mis_inventory.summary.wizard'
    _description = 'Stock In/Out Summary Download'

    date_from = fields.Date(string='From Month', required=True, default=_first_of_year)
    date_to = fields.Date(string='To Month', required=True, default=fields.Date.context_today)
    company_id = fields.Many2one('res.company', string='Company', required=True,
                                 default=lambda self: self.env.user.company_id)
    warehouse_id = fields.Many2one('stock.warehouse', string='Warehouse',
                                   domain="[('company_id', '=', company_id)]")
    categ_id = fields.Many2one('product.category', string='Product Category')
    refreshed_at = fields.Char(string='Figures as of (UTC)', compute='_compute_refreshed_at')

    @api.depends('company_id')
    def _compute_refreshed_at(self):
        refreshed = self.env['sales_mis_inventory.summary'].refreshed_at()
        for wizard in self:
            wizard.refreshed_at = refreshed

    @api.multi
    def action_download(self):
        self.ensure_one()
        query = {'date_from': self.date_from, 'date_to': self.date_to, 'company_id': self.company_id.id}
        if self.warehouse_id:
            query['warehouse_id'] = self.warehouse_id.id
        if self.categ_id:
            query['categ_id'] = self.categ_id.id
        return {'type': 'ir.actions.act_url', 'target': 'self',
                'url': '/sales_mis_inventory/summary.xlsx?' + url_encode(query)}
