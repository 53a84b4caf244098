# -*- coding: utf-8 -*-
"""Sales plans: tree of lines, decomposition wizard, workflow and revisions."""
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import PlanningCase


class TestSalesPlan(PlanningCase):

    def test_plan_period_and_root_line(self):
        plan = self.make_plan(period_type='quarter', quarter='2', year=2030)
        self.assertEqual((plan.date_from, plan.date_to), ('2030-04-01', '2030-06-30'))
        root = plan.root_line_id
        self.assertEqual(root.target_amount, 1200000.0)
        self.assertEqual((root.date_from, root.date_to), (plan.date_from, plan.date_to))
        plan.target_amount = 900000.0
        self.assertEqual(root.target_amount, 900000.0, 'an unsplit root follows the header')

    def test_negative_target_is_refused(self):
        with self.assertRaisesRegex(ValidationError, 'cannot be negative'):
            self.make_plan(target_amount=-1.0)

    def test_split_equal_by_team_then_months_sums_exactly(self):
        plan = self.make_plan(target_amount=1000000.0)
        teams = self.split(plan.root_line_id, 'team', team_ids=[(6, 0, [self.team_east.id, self.team_south.id,
                                                                       self.env.ref('sales_team.team_sales_department').id])])
        self.assertEqual(sorted(teams.mapped('target_amount')), [333333.33, 333333.33, 333333.34])
        months = self.split(teams[0], 'month')
        self.assertEqual(len(months), 12)
        self.assertAlmostEqual(sum(months.mapped('target_amount')), teams[0].target_amount, places=2)
        self.assertEqual((months[0].date_from, months[-1].date_to), ('2030-01-01', '2030-12-31'))
        self.assertEqual(months[1].name, '%s / 2030-02' % teams[0].team_id.name)

    def test_split_by_last_year_shares(self):
        self.book_order(self.salesperson, '2029-03-10', [(self.product_a, 30, 100.0)])        # 3000
        self.book_order(self.salesperson_east2, '2029-07-01', [(self.product_b, 100, 10.0)])  # 1000
        self.refresh_actuals()
        plan = self.make_plan(scope='team', team_id=self.team_east.id, target_amount=10000.0)
        people = self.split(plan.root_line_id, 'salesperson', method='last_year',
                            user_ids=[(6, 0, [self.salesperson.id, self.salesperson_east2.id, self.manager.id])])
        by_user = {l.user_id: l.target_amount for l in people}
        # the manager sold nothing: the documented fallback gives the mean share of the others
        self.assertEqual(by_user[self.salesperson], 5000.0)
        self.assertEqual(by_user[self.salesperson_east2], 1666.67)
        self.assertEqual(by_user[self.manager], 3333.33)
        months = self.split(people.filtered(lambda l: l.user_id == self.salesperson), 'month', method='last_year')
        march = months.filtered(lambda l: l.date_from == '2030-03-01')
        self.assertEqual(march.target_amount, 5000.0, 'only March sold last year: it takes the whole year')

    def test_split_by_category_and_custom_weights(self):
        plan = self.make_plan(target_amount=100.0)
        wizard = self.env['sales_mis.plan.split'].sudo(self.director).create({
            'line_id': plan.root_line_id.id, 'dimension': 'category', 'method': 'custom',
            'categ_ids': [(6, 0, [self.categ_a.id, self.categ_b.id])]})
        wizard._onchange_method()
        wizard.weight_ids.filtered(lambda w: w.key == str(self.categ_a.id)).weight = 3.0
        wizard.action_split()
        by_categ = {l.categ_id: l.target_amount for l in plan.root_line_id.child_ids}
        self.assertEqual(by_categ, {self.categ_a: 75.0, self.categ_b: 25.0})

    def test_split_service_needs_no_wizard_and_refuses_bad_input_clearly(self):
        """`split` (RPC, data files) calls the plan line's split service: no wizard record, the
        same children as the form, and a UserError naming what is wrong."""
        plan = self.make_plan(target_amount=100.0)
        root = plan.root_line_id.sudo(self.director)
        Wizards = self.env['sales_mis.plan.split'].sudo()
        before = Wizards.search_count([])
        root.split('category', 'custom', [self.categ_b.id, self.categ_a.id], [1.0, 3.0])  # weights follow their keys
        self.assertEqual(Wizards.search_count([]), before)
        self.assertEqual({l.categ_id: l.target_amount for l in root.child_ids},
                         {self.categ_a: 75.0, self.categ_b: 25.0})
        self.assertEqual(root._split_keys('category', self.categ_b | self.categ_a),
                         [(c.id, c.display_name) for c in (self.categ_a | self.categ_b).sorted('id')])
        for args, message in [(('quarter',), 'Unknown split dimension'), (('team', 'bogus'), 'Unknown split method'),
                              (('team', 'equal', [self.team_east.id, 0]), 'does not exist: 0'),
                              (('team', 'equal', ['east']), 'list of ids'),
                              (('category', 'equal'), 'Choose what to split')]:
            with self.assertRaisesRegex(UserError, message):
                root.split(*args)
        self.assertEqual(len(root.child_ids), 2, 'a refused split keeps the previous one')

    def test_wizard_form_fills_its_rows_from_the_service(self):
        plan = self.make_plan(scope='team', team_id=self.team_east.id, user=self.manager, target_amount=90.0)
        line = plan.root_line_id.sudo(self.manager)
        wizard = self.env['sales_mis.plan.split'].sudo(self.manager).new(
            {'line_id': line.id, 'dimension': 'salesperson', 'method': 'custom'})
        wizard._onchange_dimension()
        self.assertEqual(wizard.user_ids, self.team_east.member_ids)
        wizard._onchange_method()
        self.assertEqual([(w.key, w.label) for w in wizard.weight_ids],
                         [(str(key), label) for key, label in line._split_keys('salesperson')])
        self.assertIn(str(self.salesperson.id), wizard.weight_ids.mapped('key'))

    def test_editing_a_child_alone_is_rejected(self):
        plan = self.make_plan(target_amount=100.0)
        children = self.split(plan.root_line_id, 'team', team_ids=[(6, 0, [self.team_east.id, self.team_south.id])])
        with self.assertRaisesRegex(ValidationError, 'add up to'):
            children[0].sudo(self.director).target_amount = 70.0

    def test_workflow_and_read_only_after_approval(self):
        plan = self.make_plan(scope='team', team_id=self.team_east.id, user=self.manager, target_amount=500.0)
        plan.sudo(self.manager).action_submit()
        with self.assertRaises(AccessError):
            plan.sudo(self.salesperson).action_approve()
        plan.sudo(self.manager).action_approve()
        self.assertEqual(plan.state, 'approved')
        self.assertEqual(plan.approved_by_id, self.manager)
        # the workflow mechanism (test_workflow_orders_plans.py has the attacks)
        with self.assertRaisesRegex(AccessError, 'can no longer be changed'):
            plan.sudo(self.director).write({'target_amount': 1.0})
        with self.assertRaisesRegex(AccessError, 'can no longer be changed'):
            plan.root_line_id.sudo(self.director).write({'target_amount': 1.0})
        with self.assertRaisesRegex(AccessError, 'cannot be deleted'):
            plan.sudo(self.director).unlink()
        tracked = plan.sudo().message_ids.mapped('tracking_value_ids').filtered(lambda t: t.field == 'state')
        self.assertTrue(tracked, 'state changes are tracked in the chatter')

    def test_company_plans_need_a_director(self):
        plan = self.make_plan(target_amount=500.0)
        self.split(plan.root_line_id, 'team', team_ids=[(6, 0, [self.team_east.id, self.team_south.id])])
        plan.action_submit()
        with self.assertRaisesRegex(AccessError, 'sales director'):  # they see it: it has their team
            plan.sudo(self.manager).action_approve()
        plan.sudo(self.director).action_approve()
        plan.sudo(self.director).action_lock()
        self.assertEqual(plan.state, 'locked')

    def test_replan_creates_a_revision_and_keeps_the_old_one(self):
        plan = self.make_plan(target_amount=1000.0)
        self.split(plan.root_line_id, 'team', team_ids=[(6, 0, [self.team_east.id, self.team_south.id])])
        plan.action_submit()
        plan.sudo(self.director).action_approve()
        action = plan.sudo(self.director).action_replan()
        new = self.env['sales_mis.plan'].browse(action['res_id'])
        self.assertEqual((new.revision, new.state, new.previous_revision_id), (2, 'draft', plan))
        self.assertEqual(sorted(new.line_ids.mapped('target_amount')), sorted(plan.line_ids.mapped('target_amount')))
        self.assertEqual(len(new.line_ids), 3)
        with self.assertRaisesRegex(UserError, 'newer revision'):
            plan.sudo(self.director).action_replan()
        new.action_submit()
        new.sudo(self.director).action_approve()
        self.assertFalse(plan.is_current)
        self.assertTrue(new.is_current)
        self.assertEqual(plan.state, 'approved', 'the old revision stays readable as it was')

    def test_no_two_approved_plans_for_the_same_scope_and_period(self):
        first = self.make_plan(target_amount=10.0)
        first.action_submit()
        first.sudo(self.director).action_approve()
        second = self.make_plan(name='Other 2030', period_type='quarter', quarter='3', target_amount=10.0)
        second.action_submit()
        with self.assertRaisesRegex(ValidationError, 'overlaps'):
            second.sudo(self.director).action_approve()
        other_scope = self.make_plan(scope='team', team_id=self.team_south.id, target_amount=10.0)
        other_scope.action_submit()
        other_scope.sudo(self.director).action_approve()
        self.assertEqual(other_scope.state, 'approved')

    def test_years_show_as_years_in_every_view(self):
        """A year is 2026, not "2,026": every year field our views show uses the year widget
        (the browser check is tests/test_browser_figures.py)."""
        data = self.env['ir.model.data'].search([('model', '=', 'ir.ui.view'),
                                                 ('module', 'in', ('sales_mis', 'sales_mis_forecast'))])
        plain = []
        for view in self.env['ir.ui.view'].browse(data.mapped('res_id')):
            for node in etree.fromstring(view.arch_db.encode()).iter('field'):
                if node.get('name') == 'year' and not node.xpath('ancestor::search|ancestor::pivot|ancestor::graph') \
                        and node.get('widget') != 'sales_mis_year':
                    plain.append(view.xml_id)
        self.assertEqual(plain, [])
        self.assertTrue(data, 'the views are found')

