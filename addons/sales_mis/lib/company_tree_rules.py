# -*- coding: utf-8 -*-
"""Multi-company record rules without a query per access check (issue 17 §2).

Odoo 11 expands ``('company_id', 'child_of', [user.company_id.id])`` each time a rule is
applied: res.company has no parent_left/right, so every check_access_rule runs one query per
level of the company tree (about 14 queries per opportunity created). The rules of these addons
list the same companies once, when Odoo computes the rule domains of a user (cached per user,
cleared by Odoo whenever a company or a user's company changes): the user's company and
``res.company._get_company_children``, Odoo's own cached list of its descendants."""

CHILD_OF = "'child_of', [user.company_id.id])"
IN_TREE = "'in', [user.company_id.id] + user.company_id._get_company_children(user.company_id.id))"


def migrate_rules(cr, module):
    """Rewrite the shipped child_of rules of ``module`` in an existing database (the rule files
    are noupdate). A pure substitution: a rule an administrator tuned keeps its meaning."""
    cr.execute("""
        UPDATE ir_rule r SET domain_force = replace(r.domain_force, %s, %s)
          FROM ir_model_data d
         WHERE d.model = 'ir.rule' AND d.module = %s AND d.res_id = r.id
           AND strpos(r.domain_force, %s) > 0""", (CHILD_OF, IN_TREE, module, CHILD_OF))
    return cr.rowcount
