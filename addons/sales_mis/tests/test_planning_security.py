# -*- coding: utf-8 -*-
"""Who sees and changes which plans, lines, actuals: salesperson own, manager the
teams they lead, director all; other companies never."""
from odoo.exceptions import AccessError

from .common import PlanningCase


class TestPlanningSecurity(PlanningCase):

    def setUp(self):
        super(TestPlanningSecurity, self).setUp()
        self.plan = self.make_plan(target_amount=1000.0)
        teams = self.split(self.plan.root_line_id, 'team', team_ids=[(6, 0, [self.team_east.id, self.team_south.id])])
        self.east_line = teams.filtered(lambda l: l.team_id == self.team_east)
        self.south_line = teams - self.east_line
        self.east_people = self.split(self.east_line, 'salesperson',
                                      user_ids=[(6, 0, [self.salesperson.id, self.salesperson_east2.id])])
        self.south_people = self.split(self.south_line, 'salesperson', user_ids=[(6, 0, [self.salesperson_south.id])])
        self.mine = self.east_people.filtered(lambda l: l.user_id == self.salesperson)

    def visible_lines(self, user):
        return self.env['sales_mis.plan.line'].sudo(user).search([('plan_id', '=', self.plan.id)])

    def test_salesperson_sees_and_changes_only_what_is_theirs(self):
        self.assertEqual(self.visible_lines(self.salesperson), self.mine)
        other = (self.east_people - self.mine).sudo(self.salesperson)
        with self.assertRaises(AccessError):
            other.read(['target_amount'])
        with self.assertRaises(AccessError):
            self.mine.sudo(self.salesperson).write({'target_amount': 1.0})
        with self.assertRaises(AccessError):
            self.mine.sudo(self.salesperson).unlink()
        with self.assertRaises(AccessError):
            self.make_plan(user=self.salesperson, scope='salesperson', user_id=self.salesperson.id)
        with self.assertRaises(AccessError):
            self.plan.sudo(self.salesperson).write({'name': 'mine now'})

    def test_manager_sees_and_splits_the_teams_they_lead(self):
        lines = self.visible_lines(self.manager)
        self.assertEqual(lines, self.east_line | self.east_people)
        with self.assertRaises(AccessError):
            self.south_people.sudo(self.manager).read(['target_amount'])
        with self.assertRaises(AccessError):
            self.south_people.sudo(self.manager).unlink()
        months = self.split(self.mine, 'month', user=self.manager)
        self.assertEqual(len(months), 12)
        with self.assertRaises(AccessError):
            self.split(self.south_people, 'month', user=self.manager)

    def test_director_sees_everything(self):
        self.assertEqual(self.visible_lines(self.director), self.plan.line_ids)

    def test_completion_and_actuals_follow_the_same_rules(self):
        self.plan.action_submit()
        self.plan.sudo(self.director).action_approve()
        self.book_order(self.salesperson, '2030-01-02', [(self.product_a, 1, 100.0)])
        self.book_order(self.salesperson_south, '2030-01-02', [(self.product_a, 1, 100.0)])
        self.refresh_actuals()
        Completion, Actual = self.env['sales_mis.plan.completion'], self.env['sales_mis.actual']
        own = Completion.sudo(self.salesperson).search([('plan_id', '=', self.plan.id)])
        self.assertEqual(own.mapped('user_id'), self.salesperson)
        team = Completion.sudo(self.manager).search([('plan_id', '=', self.plan.id)])
        self.assertEqual(set(team.mapped('team_id')), {self.team_east})
        self.assertEqual(Actual.sudo(self.salesperson).search([]).mapped('user_id'), self.salesperson)
        self.assertEqual(len(Completion.sudo(self.director).search([('plan_id', '=', self.plan.id)])), 3)

    def test_other_companies_stay_out_of_sight(self):
        other = self.env['res.company'].create({'name': 'Other Co.'})
        plan = self.make_plan(name='Other company plan', company_id=other.id, user=self.env.user)
        self.assertFalse(self.env['sales_mis.plan'].sudo(self.director).search([('id', '=', plan.id)]))
        self.assertFalse(self.env['sales_mis.plan.line'].sudo(self.director).search([('plan_id', '=', plan.id)]))
