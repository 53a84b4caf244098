# -*- coding: utf-8 -*-
{
    'name': 'Sales MIS Forecast',
    'summary': 'Statistical and pipeline sales forecasts for Sales MIS',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'author': 'Sales MIS',
    'license': 'LGPL-3',
    'depends': ['sales_mis'],
    'external_dependencies': {'python': ['pandas', 'statsforecast']},
    'data': [
        'security/sales_mis_forecast_rules.xml',
        'security/ir.model.access.csv',
        'views/forecast_run_views.xml',
        'data/sales_mis_forecast_cron.xml',
    ],
    'demo': [
    ],
    'installable': True,
    'application': False,
}
