# -*- coding: utf-8 -*-
"""11.0.1.1.0: the multi-company record rules list the user's company tree once (see
sales_mis/lib/company_tree_rules.py) instead of expanding child_of on every access check."""
from odoo import SUPERUSER_ID, api
from odoo.addons.sales_mis.lib.company_tree_rules import migrate_rules


def migrate(cr, version):
    if version:
        migrate_rules(cr, 'sales_mis_forecast')
        api.Environment(cr, SUPERUSER_ID, {})['ir.rule'].clear_caches()
