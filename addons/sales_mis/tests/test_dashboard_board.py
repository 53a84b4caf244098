# -*- coding: utf-8 -*-
"""Role dashboards (issue 13): each role's home action opens its board, every item of the
board is an action that role may read, and the key-figure tiles equal the reports they open."""
from lxml import etree

from odoo import fields
from odoo.tests.common import TransactionCase

from ..lib.role_boards import board_for
from .common import MANAGER, SALESPERSON, new_user

DIRECTOR = ('base.group_user', 'sales_mis.group_director')


class TestDashboardBoard(TransactionCase):

    def setUp(self):
        super(TestDashboardBoard, self).setUp()
        self.home = self.env.ref('sales_mis.action_my_board')
        self.users = {
            'director': new_user(self.env, 'Board Director', 'test_board_director', DIRECTOR),
            'manager': new_user(self.env, 'Board Manager', 'test_board_manager', MANAGER),
            'salesperson': new_user(self.env, 'Board Seller', 'test_board_seller', SALESPERSON),
        }

    def test_board_of_the_highest_role(self):
        self.assertEqual(board_for({'sales_mis.group_salesperson', 'sales_mis.group_manager'}),
                         'sales_mis.action_board_manager')
        self.assertEqual(board_for({'sales_mis.group_director', 'sales_mis.group_salesperson'}),
                         'sales_mis.action_board_director')
        self.assertIsNone(board_for({'base.group_user'}))

    def test_each_role_lands_on_its_board_and_may_read_every_item(self):
        for role, user in self.users.items():
            self.assertEqual(user.action_id.id, self.home.id, role)  # not the Discuss inbox
            action = self.env['sales_mis.dashboard.tile'].sudo(user).action_my_board()
            board = self.env.ref('sales_mis.action_board_' + role)
            self.assertEqual((action['id'], action['res_model']), (board.id, 'board.board'), role)
            view = self.env['board.board'].sudo(user).fields_view_get(view_id=action['view_id'][0])
            items = etree.fromstring(view['arch']).iter('action')
            names = []
            for item in items:
                # what the board's client does for each item (/web/action/load) as the user
                sub = self.env['ir.actions.act_window'].sudo(user).browse(int(item.get('name')))
                res_model = sub.read(['res_model'])[0]['res_model']
                self.env[res_model].sudo(user).search_count([])  # record rules, no AccessError
                names.append(sub.name)
                if item.get('drill'):
                    self.env['ir.actions.act_window'].sudo(user).browse(int(item.get('drill'))).read(['name'])
            for name in ('Key Figures', 'Target vs Actual', 'Pipeline Funnel', 'Customer Arrears', 'Ranking',
                         'Pipeline Forecast'):
                self.assertIn(name, names, role)

    def test_a_new_role_gives_a_home_but_keeps_one_chosen_by_hand(self):
        plain = new_user(self.env, 'No Role', 'test_board_plain', ('base.group_user',))
        self.assertFalse(plain.action_id)
        plain.write({'groups_id': [(4, self.env.ref('sales_mis.group_salesperson').id)]})
        self.assertEqual(plain.action_id.id, self.home.id)
        chosen = self.env.ref('sales_mis.action_plan_completion')
        own = new_user(self.env, 'Own Home', 'test_board_own', ('base.group_user',), action_id=chosen.id)
        own.write({'groups_id': [(4, self.env.ref('sales_mis.group_manager').id)]})
        self.assertEqual(own.action_id.id, chosen.id)

    def test_tiles_equal_the_reports_they_open(self):
        for role in ('director', 'salesperson'):
            user = self.users[role] if role == 'director' else self.env.ref('sales_mis.user_salesperson')
            tiles = self.env['sales_mis.dashboard.tile'].sudo(user).search([])
            by_code = {tile.code: tile for tile in tiles}
            today = fields.Date.context_today(tiles)
            month_start = today[:8] + '01'
            lines = self.env['sales_mis.sales.line'].sudo(user).read_group(
                [('date', '>=', month_start), ('date', '<=', today)], ['amount'], [])
            self.assertAlmostEqual(by_code['sales_mtd'].value, lines[0]['amount'] or 0.0, places=2)
            arrears = self.env['sales_mis.arrears'].sudo(user).read_group([('days_overdue', '>', 0)],
                                                                        ['residual'], [])
            self.assertAlmostEqual(by_code['arrears_overdue'].value, arrears[0]['residual'] or 0.0, places=2)
            plans = self.env['sales_mis.plan.completion'].sudo(user).read_group([
                ('state', 'in', ('approved', 'locked')), ('is_current', '=', True),
                ('date_from', '<=', today), ('date_to', '>=', today)], ['target_amount', 'actual_amount'], [])
            self.assertAlmostEqual(by_code['target_month'].value, plans[0]['target_amount'] or 0.0, places=2)
            # each tile opens its report with a filter of that report's search view
            for tile in tiles:
                action = tile.action_open()
                self.assertEqual(action['id'], tile.action_id.id)
                if tile.search_filter:
                    search = self.env[action['res_model']].fields_view_get(view_type='search')['arch']
                    self.assertIn('name="%s"' % tile.search_filter, search, tile.code)
                    self.assertEqual(action['context'], {'search_default_' + tile.search_filter: 1})

    def test_series_equal_plan_completion_for_a_manager(self):
        manager = self.env.ref('sales_mis.user_manager')
        # the boards' target-vs-actual bars: the Target vs Actual report on current approved plans
        series = self.env['sales_mis.plan.completion.chart'].sudo(manager).read_group(
            [('is_current', '=', True), ('state', 'in', ('approved', 'locked'))], ['kind', 'amount'], ['kind'])
        totals = {group['kind']: group['amount'] for group in series}
        plans = self.env['sales_mis.plan.completion'].sudo(manager).read_group(
            [('state', 'in', ('approved', 'locked')), ('is_current', '=', True)],
            ['target_amount', 'actual_amount'], [])
        self.assertTrue(plans[0]['target_amount'])
        self.assertAlmostEqual(totals.get('target', 0.0), plans[0]['target_amount'], places=2)
        self.assertAlmostEqual(totals.get('actual', 0.0), plans[0]['actual_amount'], places=2)
        year = self.env['sales_mis.dashboard.series'].sudo(manager).read_group(
            [('series', '=', 'this_year')], ['amount'], [])
        analysis = self.env['sales_mis.sales.analysis'].sudo(manager).read_group([], ['amount'], [])
        self.assertAlmostEqual(year[0]['amount'] or 0.0, analysis[0]['amount'] or 0.0, places=2)
