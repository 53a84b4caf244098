# -*- coding: utf-8 -*-
{
    'name': 'Sales MIS',
    'summary': 'Sales management information system: plans, visits, opportunities, '
               'orders to cash, performance, standard reports',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'author': 'Sales MIS',
    'license': 'LGPL-3',
    'depends': ['crm', 'sale_management', 'sale_stock', 'account_invoicing', 'purchase'],
    'data': [
        'security/sales_mis_security.xml',
        'views/sales_mis_menus.xml',
    ],
    'demo': [
        'demo/sales_mis_users.xml',
    ],
    'installable': True,
    'application': True,
}
