# -*- coding: utf-8 -*-
"""The workflow mechanism on orders, plans, plan lines, contracts and report schedules: each
attack found in issue 12, as it was done, must now be refused (and the transitions still work)."""
from odoo.exceptions import AccessError, ValidationError

from .test_order_approval import OrderCase

#: every context key that once opened (or could be thought to open) a bypass
BYPASS = {'sales_mis_approval_write': True, 'sales_mis_splitting': True, 'tracking_disable': True,
          'mail_notrack': True, 'sales_mis_workflow_actor': 1}


class TestOrderApprovalIntegrity(OrderCase):

    def approved_order(self, user=None, **line):
        order = self.quotation(user or self.salesperson, qty=100, price=600.0, **line)  # 60,000
        order.sudo(self.director).action_approve('ok')
        self.assertEqual(order.approval_state, 'approved')
        return order

    def assert_blocked(self, order):
        self.assertEqual(order.approval_state, 'none')
        self.assertTrue(order.approval_blocking)
        with self.assertRaisesRegex(Exception, 'needs a manager'):
            order.sudo(self.salesperson).action_confirm()
        self.assertEqual(order.state, 'draft')

    def test_salesperson_cannot_approve_her_own_order_by_writing_it(self):
        order = self.quotation(self.salesperson, qty=100, price=600.0)
        forged = {'approval_state': 'approved', 'approval_amount': order.amount_total,
                  'approval_user_id': self.manager.id}
        for context in ({}, BYPASS):
            with self.assertRaises(AccessError):
                order.sudo(self.salesperson).with_context(context).write(forged)
        with self.assertRaises(AccessError):
            self.env['sale.order'].sudo(self.salesperson).with_context(BYPASS).create({
                'partner_id': self.customer.id, 'user_id': self.salesperson.id, 'approval_state': 'approved'})
        self.assert_blocked(order)

    def test_same_total_with_other_prices_voids_the_approval(self):
        order = self.approved_order()
        # 1 x 75,000 at 20 % discount: the same 60,000
        order.order_line.sudo(self.salesperson).write({'product_uom_qty': 1, 'price_unit': 75000.0, 'discount': 20.0})
        self.assertEqual(order.amount_total, 60000.0)
        self.assert_blocked(order)

    def test_swapping_the_salesperson_voids_the_approval(self):
        order = self.quotation(self.manager, qty=100, price=600.0)
        order.sudo(self.manager).write({'user_id': self.salesperson.id})
        order.sudo(self.manager).action_approve('not mine any more')
        self.assertEqual(order.approval_state, 'approved')
        order.sudo(self.manager).write({'user_id': self.manager.id})
        self.assertEqual(order.approval_state, 'none')
        self.assertTrue(order.approval_blocking)

    def test_customer_and_new_lines_void_the_approval_but_other_fields_do_not(self):
        order = self.approved_order()
        order.sudo(self.salesperson).write({'note': 'deliver on Monday'})
        self.assertEqual(order.approval_state, 'approved', 'a note is not part of what was approved')
        other = self.env['res.partner'].create({'name': 'Other Customer', 'customer': True})
        order.sudo(self.salesperson).write({'partner_id': other.id})
        self.assertEqual(order.approval_state, 'none')
        order = self.approved_order()
        order.sudo(self.salesperson).write({'order_line': [(0, 0, {
            'product_id': self.product_b.id, 'product_uom_qty': 1, 'price_unit': 0.0, 'tax_id': [(6, 0, [])]})]})
        self.assertEqual(order.approval_state, 'none', 'a free extra line changes what is delivered')

    def test_deleting_a_free_line_voids_the_approval(self):
        order = self.quotation(self.salesperson, qty=100, price=600.0)
        order.sudo(self.salesperson).write({'order_line': [(0, 0, {
            'product_id': self.product_b.id, 'product_uom_qty': 5, 'price_unit': 0.0, 'tax_id': [(6, 0, [])]})]})
        order.sudo(self.director).action_approve('with the free valves')
        order.order_line.filtered(lambda l: l.product_id == self.product_b).sudo(self.salesperson).unlink()
        self.assertEqual(order.amount_total, 60000.0)
        self.assert_blocked(order)

    def test_moving_a_line_to_another_order_voids_the_order_it_leaves(self):
        order = self.quotation(self.salesperson, qty=100, price=600.0)
        order.sudo(self.salesperson).write({'order_line': [(0, 0, {
            'product_id': self.product_b.id, 'product_uom_qty': 5, 'price_unit': 0.0, 'tax_id': [(6, 0, [])]})]})
        order.sudo(self.director).action_approve('with the free valves')
        other = self.quotation(self.salesperson)
        order.order_line.filtered(lambda l: l.product_id == self.product_b).sudo(self.salesperson).write(
            {'order_id': other.id})
        self.assert_blocked(order)

    def test_an_untouched_approval_confirms(self):
        order = self.approved_order()
        tracked = order.sudo().message_ids.mapped('tracking_value_ids').filtered(
            lambda t: t.field == 'approval_state' and t.new_value_char == 'Approved')
        self.assertEqual(tracked.mapped('mail_message_id.author_id'), self.director.partner_id,
                         'the approver signs the approval, not the system it writes as')
        order.sudo(self.salesperson).action_confirm()
        self.assertEqual(order.state, 'sale')


class TestPlanIntegrity(OrderCase):

    def submitted(self, **values):
        plan = self.make_plan(**values)
        plan.sudo(self.director).action_submit()
        return plan

    def test_manager_cannot_approve_a_company_plan_by_writing_it(self):
        plan = self.make_plan()
        # a line of his team: the manager may see and write the plan (record rule), not approve it
        self.split(plan.root_line_id, 'team', team_ids=[(6, 0, [self.team_east.id, self.team_south.id])])
        plan.sudo(self.director).action_submit()
        for context in ({}, BYPASS):
            with self.assertRaises(AccessError):
                plan.sudo(self.manager).with_context(context).write({'state': 'approved',
                                                                     'approved_by_id': self.director.id})
        self.assertEqual((plan.state, plan.approved_by_id.id), ('submitted', False))

    def test_nobody_approves_their_own_target(self):
        plan = self.make_plan(scope='salesperson', user_id=self.manager.id, team_id=self.team_east.id)
        plan.sudo(self.manager).action_submit()
        with self.assertRaisesRegex(AccessError, 'Nobody approves their own target'):
            plan.sudo(self.manager).action_approve()
        plan.sudo(self.director).action_approve()
        self.assertEqual((plan.state, plan.approved_by_id), ('approved', self.director))

    def test_approver_and_revision_cannot_be_forged(self):
        plan = self.make_plan(scope='team', team_id=self.team_east.id, user=self.manager)
        for values in ({'approved_by_id': self.director.id}, {'approved_date': '2030-01-01 00:00:00'},
                       {'is_current': False}, {'revision': 7}, {'state': 'submitted'}):
            with self.assertRaises(AccessError, msg=values):
                plan.sudo(self.manager).with_context(BYPASS).write(values)
        with self.assertRaises(AccessError):
            self.make_plan(user=self.manager, scope='team', team_id=self.team_east.id, state='approved',
                           approved_by_id=self.director.id)

    def test_an_approved_plan_cannot_go_back_to_draft_and_change(self):
        plan = self.submitted()
        plan.sudo(self.director).action_approve()
        for values in ({'state': 'draft'}, {'target_amount': 1.0}, {'name': 'x'}):
            with self.assertRaises(AccessError, msg=values):
                plan.sudo(self.director).with_context(BYPASS).write(values)
        with self.assertRaises(AccessError):
            plan.root_line_id.sudo(self.director).with_context(BYPASS).write({'target_amount': 1.0})
        with self.assertRaises(AccessError):
            self.env['sales_mis.plan.line'].sudo(self.director).create(dict(
                plan._root_line_values(), parent_id=plan.root_line_id.id))
        with self.assertRaises(AccessError):
            plan.root_line_id.sudo(self.director).unlink()
        self.assertEqual((plan.state, plan.target_amount), ('approved', 1200000.0))

    def test_a_draft_line_cannot_be_moved_into_an_approved_plan(self):
        approved = self.submitted()
        approved.sudo(self.director).action_approve()
        draft = self.make_plan(name='Draft', scope='team', team_id=self.team_east.id)
        with self.assertRaises(AccessError):
            draft.root_line_id.sudo(self.director).write({'plan_id': approved.id})

    def test_transitions_are_tracked_even_with_tracking_disabled(self):
        plan = self.make_plan()
        plan.sudo(self.director).with_context(tracking_disable=True).action_submit()
        plan.sudo(self.director).with_context(tracking_disable=True, mail_notrack=True).action_approve()
        tracked = plan.sudo().message_ids.filtered('tracking_value_ids')
        moves = tracked.mapped('tracking_value_ids').filtered(lambda t: t.field == 'state' and t.old_value_char)
        self.assertEqual(sorted(moves.mapped('new_value_char')), ['Approved', 'Submitted'])
        self.assertEqual(moves.mapped('mail_message_id.author_id'), self.director.partner_id,
                         'the caller signs the transition, not the system it writes as')
        self.assertEqual(plan.approved_by_id, self.director)

    def test_the_split_flag_no_longer_lets_a_child_drift_from_its_parent(self):
        plan = self.make_plan(target_amount=100.0)
        children = self.split(plan.root_line_id, 'team', team_ids=[(6, 0, [self.team_east.id, self.team_south.id])])
        with self.assertRaisesRegex(ValidationError, 'add up to'):
            children[0].sudo(self.director).with_context(sales_mis_splitting=True).write({'target_amount': 70.0})
        self.split(plan.root_line_id, 'team', team_ids=[(6, 0, [self.team_east.id])])
        self.assertEqual(plan.root_line_id.child_ids.mapped('target_amount'), [100.0], 'a split still works')

    def test_replan_still_links_the_revisions(self):
        plan = self.submitted()
        plan.sudo(self.director).action_approve()
        action = plan.sudo(self.director).action_replan()
        new = self.env['sales_mis.plan'].browse(action['res_id'])
        self.assertEqual((new.state, new.revision, new.previous_revision_id), ('draft', 2, plan))
        new.sudo(self.director).action_submit()
        new.sudo(self.director).action_approve()
        self.assertFalse(plan.is_current)


class TestContractAndScheduleIntegrity(OrderCase):

    def contract(self, user, **values):
        return self.env['sales_mis.contract'].sudo(user).create(dict({
            'title': 'Pumps 2030', 'partner_id': self.customer.id, 'user_id': user.id,
            'team_id': user.sale_team_id.id, 'amount': 5000.0}, **values))

    def test_contract_state_moves_only_through_its_buttons(self):
        contract = self.contract(self.salesperson, amount=0.0)
        for context in ({}, BYPASS):
            with self.assertRaises(AccessError):  # would skip "enter the value first"
                contract.sudo(self.salesperson).with_context(context).write({'state': 'active'})
        with self.assertRaises(AccessError):
            self.contract(self.salesperson, state='closed')
        contract.sudo(self.salesperson).write({'amount': 100.0})
        contract.sudo(self.salesperson).action_activate()
        contract.sudo(self.salesperson).action_close()
        with self.assertRaises(AccessError):
            contract.sudo(self.manager).write({'amount': 1.0})
        self.assertEqual((contract.state, contract.amount), ('closed', 100.0))

    def test_schedule_last_sent_is_written_by_sending_only(self):
        schedule = self.env['sales_mis.report.schedule'].sudo(self.manager).create({
            'name': 'Daily', 'report_type_ids': [(6, 0, self.env['sales_mis.report.type'].search([], limit=1).ids)],
            'user_ids': [(6, 0, [self.manager.id])]})
        with self.assertRaises(AccessError):
            schedule.sudo(self.manager).with_context(BYPASS).write({'last_sent': '2030-01-01 00:00:00'})
        with self.assertRaises(AccessError):
            self.env['sales_mis.report.schedule'].sudo(self.manager).create({
                'name': 'Forged', 'last_sent': '2030-01-01 00:00:00',
                'report_type_ids': [(6, 0, schedule.report_type_ids.ids)]})
        schedule.sudo(self.manager).write({'name': 'Daily figures'})
