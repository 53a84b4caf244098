# -*- coding: utf-8 -*-
{
    'name': 'Sales MIS',
    'summary': 'Sales management information system: plans, visits, opportunities, '
               'orders to cash, performance, standard reports',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'author': 'Sales MIS',
    'license': 'LGPL-3',
    'depends': ['crm', 'sale_management', 'sale_stock', 'sale_margin', 'account_invoicing', 'purchase'],
    'external_dependencies': {'python': ['pandas', 'xlsxwriter']},
    'data': [
        'security/sales_mis_security.xml',
        'security/sales_mis_planning_rules.xml',
        'security/sales_mis_performance_rules.xml',
        'security/sales_mis_visit_rules.xml',
        'security/ir.model.access.csv',
        'views/sales_plan_views.xml',
        'views/plan_completion_views.xml',
        'views/performance_views.xml',
        'views/visit_views.xml',
        'views/sales_mis_menus.xml',
        'views/visit_import_views.xml',
        'data/sales_mis_cron.xml',
        'data/sales_mis_kpi_data.xml',
    ],
    'demo': [
        'demo/sales_mis_users.xml',
        'demo/sales_mis_planning_demo.xml',
        'demo/sales_mis_visit_demo.xml',
    ],
    'installable': True,
    'application': True,
}
