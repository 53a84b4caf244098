# -*- coding: utf-8 -*-
"""Competitors met on an opportunity 竞争对手 (B5)."""
from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    sales_mis_competitor_line_ids = fields.One2many('sales_mis.lead.competitor', 'lead_id',
                                                    string='Competitors', copy=True)
    sales_mis_competitor_ids = fields.Many2many('sales_mis.competitor', string='Competitor Names',
                                                compute='_compute_sales_mis_competitor_ids',
                                                search='_search_sales_mis_competitor_ids')

    @api.depends('sales_mis_competitor_line_ids.competitor_id')
    def _compute_sales_mis_competitor_ids(self):
        for lead in self:
            lead.sales_mis_competitor_ids = lead.sales_mis_competitor_line_ids.mapped('competitor_id')

    def _search_sales_mis_competitor_ids(self, operator, value):
        return [('sales_mis_competitor_line_ids.competitor_id', operator, value)]
