# -*- coding: utf-8 -*-
"""11.0.1.1.0 (issue 17, the writes' overhead):
- the multi-company record rules list the user's company tree once (lib/company_tree_rules.py)
  instead of expanding child_of on every access check;
- crm.lead.key_project and the activity deadline of plans, contracts, daily reports and visits
  are no longer stored: their columns go (stale from now on)."""
from odoo import SUPERUSER_ID, api
from odoo.addons.sales_mis.lib.company_tree_rules import migrate_rules

UNSTORED = [('crm_lead', 'key_project'), ('sales_mis_plan', 'activity_date_deadline'),
            ('sales_mis_contract', 'activity_date_deadline'), ('sales_mis_daily_report', 'activity_date_deadline'),
            ('sales_mis_visit', 'activity_date_deadline')]


def migrate(cr, version):
    if not version:
        return
    migrate_rules(cr, 'sales_mis')
    for table, column in UNSTORED:
        cr.execute('ALTER TABLE "%s" DROP COLUMN IF EXISTS "%s"' % (table, column))
    api.Environment(cr, SUPERUSER_ID, {})['ir.rule'].clear_caches()
