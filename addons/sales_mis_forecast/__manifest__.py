# -*- coding: utf-8 -*-
{
    'name': 'Sales MIS Forecast',
    'summary': 'Statistical and pipeline sales forecasts for Sales MIS',
    'version': '11.0.1.1.0',
    'category': 'Sales',
    'author': 'Sales MIS',
    'license': 'LGPL-3',
    'depends': ['sales_mis', 'sale_stock', 'crm'],
    'external_dependencies': {'python': ['pandas', 'statsforecast']},
    'data': [
        'security/sales_mis_forecast_rules.xml',
        'security/sales_mis_pipeline_rules.xml',
        'security/ir.model.access.csv',
        'views/forecast_run_views.xml',
        'views/forecast_pipeline_views.xml',
        'views/forecast_board_views.xml',
        'data/sales_mis_forecast_cron.xml',
    ],
    'demo': [
        'demo/sales_mis_forecast_demo.xml',
    ],
    'installable': True,
    'application': False,
}
