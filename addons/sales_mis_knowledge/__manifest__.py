# -*- coding: utf-8 -*-
{
    'name': 'Sales MIS Knowledge',
    'summary': 'Product documents with versions, bids and bid management, sales cases, '
               'Chinese full-text search (知识管理 M1)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'author': 'Sales MIS',
    'license': 'LGPL-3',
    'depends': ['sales_mis', 'crm', 'sale_crm', 'product'],
    'data': [
        'security/sales_mis_knowledge_rules.xml',
        'security/ir.model.access.csv',
        'views/product_document_views.xml',
        'views/bid_views.xml',
        'views/sales_case_views.xml',
        'views/knowledge_search_views.xml',
        'views/crm_lead_views.xml',
        'views/knowledge_menus.xml',
        'data/sales_mis_knowledge_cron.xml',
    ],
    'demo': [
        'demo/sales_mis_knowledge_demo.xml',
    ],
    'installable': True,
    'application': False,
}
