# -*- coding: utf-8 -*-
{
    'name': 'Sales MIS Inventory',
    'summary': 'Stock in/out summary (进销存) and lot, serial and VIN traceability for Sales MIS',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'author': 'Sales MIS',
    'license': 'LGPL-3',
    'depends': ['sales_mis', 'sale_stock', 'purchase'],
    'data': [
        'security/sales_mis_inventory_rules.xml',
        'security/ir.model.access.csv',
        'views/inventory_summary_views.xml',
        'views/lot_trace_views.xml',
        'views/product_views.xml',
        'views/sales_mis_inventory_menus.xml',
        'data/sales_mis_inventory_cron.xml',
    ],
    'demo': [
        'demo/sales_mis_inventory_demo.xml',
    ],
    'installable': True,
    'application': False,
}
