# -*- coding: utf-8 -*-
"""11.0.1.1.0 (issue 17, the writes' overhead):
- the multi-company record rules list the user's company tree once (lib/company_tree_rules.py)
  instead of expanding child_of on every access check."""
from odoo import SUPERUSER_ID, api
from odoo.addons.sales_mis.lib.company_tree_rules import migrate_rules


def migrate(cr, version):
    if not version:
        return
    migrate_rules(cr, 'sales_mis')
    api.Environment(cr, SUPERUSER_ID, {})['ir.rule'].clear_caches()
