# -*- coding: utf-8 -*-
"""Forecast of one series for one month (G1): mean and 80 % / 95 % intervals."""
from odoo import api, fields, models

from ..forecasting.model_names import readable


class ForecastLine(models.Model):
    _name = 'sales_mis_forecast.line'
    _description = 'Forecast Line'
    _order = 'run_id desc, series_id, date'

    run_id = fields.Many2one('sales_mis_forecast.run', required=True, ondelete='cascade', index=True,
                             readonly=True)
    series_id = fields.Many2one('sales_mis_forecast.series', required=True, ondelete='cascade', index=True,
                                readonly=True)
    company_id = fields.Many2one('res.company', required=True, readonly=True)
    scope_team_id = fields.Many2one('crm.team', string='Run Team', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    categ_id = fields.Many2one('product.category', string='Product Category', readonly=True)
    product_id = fields.Many2one('product.product', string='Product', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    date = fields.Date(string='Month', required=True, readonly=True, help='First day of the forecast month.')
    mean = fields.Float(string='Forecast', readonly=True)
    lo_80 = fields.Float(string='Low 80%', readonly=True)
    hi_80 = fields.Float(string='High 80%', readonly=True)
    lo_95 = fields.Float(string='Low 95%', readonly=True)
    hi_95 = fields.Float(string='High 95%', readonly=True)
    model = fields.Char(readonly=True)
    model_label = fields.Char(string='Method', compute='_compute_model_label')

    @api.depends('model')
    def _compute_model_label(self):
        # the model names' words are translated terms of the code (forecasting/model_names.py)
        lookup = self.env['ir.translation']._get_source
        translate = lambda source: lookup(None, ('code',), self.env.lang, source)
        for line in self:
            line.model_label = readable(line.model, translate)
