# -*- coding: utf-8 -*-
"""The multi-company record rules list the user's company tree once (lib/company_tree_rules.py)
instead of expanding child_of on every check: the same records, on a tree of companies, and
the migration rewrites the shipped rules of an existing database."""
from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tools.safe_eval import safe_eval

from ..lib.company_tree_rules import CHILD_OF, IN_TREE, migrate_rules
from .common import PlanningCase


class TestCompanyTreeRules(PlanningCase):

    def setUp(self):
        super(TestCompanyTreeRules, self).setUp()
        Company = self.env['res.company']
        self.child = Company.create({'name': 'Tree Child Co', 'parent_id': self.company.id})
        self.grandchild = Company.create({'name': 'Tree Grandchild Co', 'parent_id': self.child.id})
        self.sibling = Company.create({'name': 'Tree Sibling Co'})
        self.leads = {company: self.env['crm.lead'].create({
            'name': 'Tree %s' % company.name, 'type': 'opportunity', 'user_id': False, 'company_id': company.id})
            for company in (self.company, self.child, self.grandchild, self.sibling)}

    def test_a_company_sees_its_descendants_and_not_a_sibling(self):
        Leads = self.env['crm.lead'].sudo(self.director)
        ids = [lead.id for lead in self.leads.values()]
        self.assertEqual(Leads.search([('id', 'in', ids)]),
                         self.leads[self.company] | self.leads[self.child] | self.leads[self.grandchild])
        with self.assertRaises(AccessError):
            self.leads[self.sibling].sudo(self.director).read(['name'])
        # a company created later joins the tree at once (Odoo clears the cached rule domains)
        great = self.env['res.company'].create({'name': 'Tree Great-grandchild Co', 'parent_id': self.grandchild.id})
        late = self.env['crm.lead'].create({'name': 'Late', 'type': 'opportunity', 'user_id': False,
                                            'company_id': great.id})
        self.assertTrue(late.sudo(self.director).read(['name']))
        # and a user of the child company sees neither its parent's nor its sibling's
        self.director.write({'company_ids': [(4, self.child.id)], 'company_id': self.child.id})
        self.assertEqual(Leads.search([('id', 'in', ids + [late.id])]),
                         self.leads[self.child] | self.leads[self.grandchild] | late)

    def test_every_rule_finds_what_child_of_found(self):
        """Each rule of the addons, as each role, against its child_of form: the same records."""
        rules = self.env['ir.rule'].search([('domain_force', 'like', IN_TREE)])
        self.assertGreater(len(rules), 40)
        for user in (self.salesperson, self.manager, self.director):
            context = self.env['ir.rule'].sudo(user)._eval_context()
            for rule in rules:
                Model = self.env[rule.model_id.model].with_context(active_test=False)
                new = expression.normalize_domain(safe_eval(rule.domain_force, context))
                old = expression.normalize_domain(safe_eval(rule.domain_force.replace(IN_TREE, CHILD_OF), context))
                self.assertEqual(Model.search(new).ids, Model.search(old).ids, (rule.name, user.login))

    def test_the_migration_rewrites_the_shipped_rules_only(self):
        rule = self.env.ref('sales_mis.rule_lead_company')
        shipped = rule.domain_force
        rule.write({'domain_force': shipped.replace(IN_TREE, CHILD_OF)})
        foreign = self.env['ir.rule'].create({
            'name': 'Not ours', 'model_id': self.env.ref('crm.model_crm_lead').id,
            'domain_force': "[('company_id', %s]" % CHILD_OF, 'groups': [(4, self.env.ref('base.group_portal').id)]})
        self.assertEqual(migrate_rules(self.env.cr, 'sales_mis'), 1)
        rule.invalidate_cache()
        self.assertEqual(rule.domain_force, shipped)
        self.assertIn('child_of', foreign.domain_force)
