# -*- coding: utf-8 -*-
{
    'name': 'Sales MIS Forecast',
    'summary': 'Statistical and pipeline sales forecasts for Sales MIS',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'author': 'Sales MIS',
    'license': 'LGPL-3',
    'depends': ['sales_mis'],
    'data': [],
    'installable': True,
    'application': False,
}
