# -*- coding: utf-8 -*-
"""One forecast series of a run (G2): its key, the model chosen by the backtest, the
backtest accuracy beside the seasonal naive baseline's, and the chart."""
import json

from odoo import _, api, fields, models

from ..forecasting.chart import forecast_svg
from ..forecasting.model_names import readable


class ForecastSeries(models.Model):
    _name = 'sales_mis_forecast.series'
    _description = 'Forecast Series'
    _order = 'run_id desc, total_forecast desc, id'

    run_id = fields.Many2one('sales_mis_forecast.run', required=True, ondelete='cascade', index=True,
                             readonly=True)
    company_id = fields.Many2one('res.company', required=True, readonly=True)
    scope_team_id = fields.Many2one('crm.team', string='Run Team', readonly=True,
                                    help="The run's team (who may see the series).")
    level = fields.Selection(related='run_id.level', readonly=True)
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True)
    unique_id = fields.Char(string='Series Key', readonly=True)
    name = fields.Char(string='Series', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    categ_id = fields.Many2one('product.category', string='Product Category', readonly=True)
    product_id = fields.Many2one('product.product', string='Product', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    model = fields.Char(string='Model Chosen', readonly=True)
    model_label = fields.Char(string='Method', compute='_compute_model_label',
                              help='The chosen model in words; its technical name is "Model Chosen".')
    mape = fields.Float(string='MAPE (%)', readonly=True, digits=(16, 1), group_operator='avg',
                        help='Mean absolute percentage error of the chosen model in the rolling backtest.')
    smape = fields.Float(string='sMAPE (%)', readonly=True, digits=(16, 1), group_operator='avg',
                         help='Symmetric MAPE of the chosen model in the rolling backtest.')
    mase = fields.Float(string='MASE', readonly=True, digits=(16, 3), group_operator='avg',
                        help='Mean absolute scaled error: below 1 beats the seasonal naive forecast '
                             'of the history.')
    baseline_model = fields.Char(string='Baseline Model', readonly=True)
    baseline_model_label = fields.Char(string='Baseline Method', compute='_compute_model_label')
    baseline_mape = fields.Float(string='Baseline MAPE (%)', readonly=True, digits=(16, 1), group_operator='avg')
    baseline_smape = fields.Float(string='Baseline sMAPE (%)', readonly=True, digits=(16, 1), group_operator='avg')
    baseline_mase = fields.Float(string='Baseline MASE', readonly=True, digits=(16, 3), group_operator='avg')
    total_forecast = fields.Float(string='Forecast Total', readonly=True)
    history_json = fields.Text(readonly=True, help='Monthly history [[YYYY-MM, value]] the forecast used.')
    line_ids = fields.One2many('sales_mis_forecast.line', 'series_id', string='Forecast Lines', readonly=True)
    chart_html = fields.Html(compute='_compute_chart', string='Chart', sanitize=False)

    @api.depends('model', 'baseline_model')
    def _compute_model_label(self):
        # the model names' words are translated terms of the code (forecasting/model_names.py)
        lookup = self.env['ir.translation']._get_source
        translate = lambda source: lookup(None, ('code',), self.env.lang, source)
        for series in self:
            series.model_label = readable(series.model, translate)
            series.baseline_model_label = readable(series.baseline_model, translate)

    @api.depends('history_json', 'line_ids')
    def _compute_chart(self):
        labels = {'history': _('History'), 'forecast': _('Forecast'), 'band80': _('80% interval'),
                  'band95': _('95% interval')}
        for series in self:
            history = [tuple(point) for point in json.loads(series.history_json or '[]')][-36:]
            forecast = [(line.date[:7], line.mean, line.lo_80, line.hi_80, line.lo_95, line.hi_95)
                        for line in series.line_ids.sorted('date')]
            title = '%s: %s' % (series.name or '', series.model_label or '')
            series.chart_html = forecast_svg(history, forecast, title, labels) if (history or forecast) else False
