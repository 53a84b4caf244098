# -*- coding: utf-8 -*-
{
    'name': 'Sales MIS Dealers',
    'summary': 'Dealers 经销商: profiles and levels, portal orders, dealer-reported stock, grading and rebates',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'author': 'Sales MIS',
    'license': 'LGPL-3',
    'depends': ['sales_mis', 'sale_stock', 'purchase', 'portal'],
    'external_dependencies': {'python': ['pandas', 'xlsxwriter']},
    'data': [
        'security/sales_mis_dealer_rules.xml',
        'security/ir.model.access.csv',
        'views/dealer_views.xml',
        'views/stock_report_views.xml',
        'views/stock_upload_views.xml',
        'views/grading_views.xml',
        'views/rebate_views.xml',
        'views/dealer_menus.xml',
        'views/portal_templates.xml',
    ],
    'demo': [
        'demo/sales_mis_dealer_demo.xml',
    ],
    'installable': True,
    'application': False,
}
