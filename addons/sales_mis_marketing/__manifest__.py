# -*- coding: utf-8 -*-
{
    'name': 'Sales MIS Marketing',
    'summary': 'Marketing campaigns with budget, costs and ROI, segment mailings, market information',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'author': 'Sales MIS',
    'license': 'LGPL-3',
    'depends': ['sales_mis', 'sale_crm', 'mass_mailing'],
    'external_dependencies': {'python': ['pandas', 'xlsxwriter']},
    'data': [
        'security/sales_mis_marketing_security.xml',
        'security/sales_mis_marketing_rules.xml',
        'security/ir.model.access.csv',
        'views/campaign_views.xml',
        'views/campaign_roi_views.xml',
        'views/market_note_views.xml',
        'views/marketing_menus.xml',
        'views/board_views.xml',
    ],
    'demo': [
        'demo/sales_mis_marketing_demo.xml',
    ],
    'installable': True,
    'application': False,
}
