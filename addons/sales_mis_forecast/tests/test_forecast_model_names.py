# -*- coding: utf-8 -*-
"""Issue 13 §10: the chosen forecast model in words, in the reader's language, beside its
technical name."""
from odoo.tests.common import TransactionCase


class TestForecastModelNames(TransactionCase):

    def test_series_and_lines_say_the_model_in_words(self):
        self.env['ir.translation'].create({
            'type': 'code', 'name': 'addons/sales_mis_forecast/forecasting/model_names.py', 'lang': 'zh_CN',
            'src': 'Combination of %s and %s', 'value': '%s与%s的组合', 'module': 'sales_mis_forecast',
            'state': 'translated'})
        self.env['ir.translation'].create({
            'type': 'code', 'name': 'addons/sales_mis_forecast/forecasting/model_names.py', 'lang': 'zh_CN',
            'src': 'seasonal decomposition', 'value': '季节分解', 'module': 'sales_mis_forecast',
            'state': 'translated'})
        values = {'model': 'Ensemble(MSTL,SeasonalNaive)', 'baseline_model': 'SeasonalNaive'}
        series = self.env['sales_mis_forecast.series'].with_context(lang='en_US').new(values)
        self.assertEqual(series.model_label,
                         'Combination of seasonal decomposition and seasonal naive (same month last year repeated)')
        self.assertEqual(series.baseline_model_label, 'Seasonal naive (same month last year repeated)')
        chinese = self.env['sales_mis_forecast.series'].with_context(lang='zh_CN').new(values)
        self.assertTrue(chinese.model_label.startswith('季节分解与'), chinese.model_label)
        line = self.env['sales_mis_forecast.line'].with_context(lang='en_US').new({'model': 'MSTL'})
        self.assertEqual(line.model_label, 'Seasonal decomposition')
        fields = self.env['sales_mis_forecast.series'].fields_view_get(view_type='tree')['fields']
        self.assertIn('model_label', fields, 'the list shows the words')
