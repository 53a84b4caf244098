# -*- coding: utf-8 -*-
from odoo import fields, models


class SalesPlan(models.Model):
    _inherit = 'sales_mis.plan'

    forecast_run_id = fields.Many2one('sales_mis_forecast.run', string='Proposed from Forecast', readonly=True,
                                      copy=False, ondelete='set null')
