# -*- coding: utf-8 -*-
{
    'name': 'Sales MIS Service',
    'summary': 'Service requests and complaints with SLA, escalation, callbacks, fees and portal (K1)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'author': 'Sales MIS',
    'license': 'LGPL-3',
    'depends': ['sales_mis', 'sale_stock', 'portal'],
    'data': [
        'security/sales_mis_service_rules.xml',
        'security/ir.model.access.csv',
        'views/service_request_views.xml',
        'views/service_config_views.xml',
        'views/service_analysis_views.xml',
        'views/service_menus.xml',
        'views/service_board_views.xml',
        'data/sales_mis_service_data.xml',
        'data/sales_mis_service_cron.xml',
        'views/service_portal_templates.xml',
    ],
    'demo': [
        'demo/sales_mis_service_demo.xml',
    ],
    'installable': True,
    'application': False,
}
