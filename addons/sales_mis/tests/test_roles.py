# -*- coding: utf-8 -*-
"""The four Sales MIS roles: implied groups, demo users, menu visibility."""
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase


class TestRoles(TransactionCase):

    def setUp(self):
        super(TestRoles, self).setUp()
        self.salesperson = self.env.ref('sales_mis.user_salesperson')
        self.manager = self.env.ref('sales_mis.user_manager')
        self.director = self.env.ref('sales_mis.user_director')
        self.mis_admin = self.env.ref('sales_mis.user_mis_admin')
        self.plain_user = self.env['res.users'].create({
            'name': 'Plain employee', 'login': 'plain_employee',
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id])],
        })

    def _has(self, user, xmlid):
        return user.has_group(xmlid)

    def test_each_role_implies_the_one_below(self):
        chain = ['sales_mis.group_salesperson', 'sales_mis.group_manager',
                 'sales_mis.group_director', 'sales_mis.group_mis_admin']
        users = [self.salesperson, self.manager, self.director, self.mis_admin]
        for rank, user in enumerate(users):
            for level, group in enumerate(chain):
                self.assertEqual(self._has(user, group), level <= rank, '%s / %s' % (user.login, group))

    def test_roles_map_onto_odoo_sales_rights(self):
        # own documents for salespeople and managers (team rules come with the feature models),
        # Odoo's sales manager rights for directors
        self.assertTrue(self._has(self.salesperson, 'sales_team.group_sale_salesman'))
        self.assertFalse(self._has(self.salesperson, 'sales_team.group_sale_salesman_all_leads'))
        self.assertFalse(self._has(self.manager, 'sales_team.group_sale_manager'))
        self.assertTrue(self._has(self.director, 'sales_team.group_sale_manager'))
        self.assertTrue(self.env.ref('base.user_root').has_group('sales_mis.group_mis_admin'))

    def test_groups_are_in_the_sales_mis_category(self):
        category = self.env.ref('sales_mis.module_category_sales_mis')
        groups = self.env['res.groups'].search([('category_id', '=', category.id)])
        self.assertEqual(set(groups.mapped('name')),
                         {'Salesperson', 'Sales Manager', 'Sales Director', 'MIS Administrator'})

    def test_menu_visible_to_sales_roles_only(self):
        root = self.env.ref('sales_mis.menu_sales_mis_root')
        config = self.env.ref('sales_mis.menu_sales_mis_config')
        Menu = self.env['ir.ui.menu']
        self.assertIn(root, Menu.sudo(self.salesperson).search([('parent_id', '=', False)]))
        self.assertNotIn(config, Menu.sudo(self.salesperson).search([('parent_id', '=', root.id)]))
        self.assertIn(config, Menu.sudo(self.manager).search([('parent_id', '=', root.id)]))
        self.assertNotIn(root, Menu.sudo(self.plain_user).search([('parent_id', '=', False)]))

    def test_menu_name_in_chinese(self):
        root = self.env.ref('sales_mis.menu_sales_mis_root')
        self.assertEqual(root.with_context(lang='zh_CN').name, '销售管理')

    def test_salesperson_cannot_grant_themselves_a_role(self):
        manager_group = self.env.ref('sales_mis.group_manager')
        with self.assertRaises(AccessError):
            self.salesperson.sudo(self.salesperson).write({'groups_id': [(4, manager_group.id)]})
        with self.assertRaises(AccessError):
            manager_group.sudo(self.salesperson).write({'users': [(4, self.salesperson.id)]})
        self.assertFalse(self.salesperson.has_group('sales_mis.group_manager'))

    def test_menus_open_screens_and_jobs_are_buttons(self):
        """Issue 13 §9: "Find Duplicates Now", "Train Win Model Now"... acted from the menu."""
        menus = self.env['ir.ui.menu'].search([('action', '!=', False)])
        ours = menus.filtered(lambda m: m.get_external_id()[m.id].split('.')[0] in ('sales_mis', 'sales_mis_forecast'))
        self.assertGreater(len(ours), 30)
        acting = ours.filtered(lambda m: m.with_context(lang='en_US').name.endswith(' Now'))
        self.assertFalse(acting, 'menu entries that run a job: %s' % acting.mapped('name'))
        for xmlid in ('menu_sales_mis_scan_duplicates', 'menu_sales_mis_classify', 'menu_sales_mis_value',
                      'menu_sales_mis_win_model_train'):
            self.assertFalse(self.env.ref('sales_mis.' + xmlid, raise_if_not_found=False), xmlid)
        # the jobs stay reachable: buttons of Configuration > Nightly Jobs, for managers
        nightly_jobs = self.env.ref('sales_mis.menu_sales_mis_nightly_jobs')
        self.assertIn(nightly_jobs, self.env['ir.ui.menu'].sudo(self.manager).search([('id', '=', nightly_jobs.id)]))
        self.assertNotIn(nightly_jobs, self.env['ir.ui.menu'].sudo(self.salesperson).search([('id', '=', nightly_jobs.id)]))
        arch = self.env['sales_mis.nightly.jobs'].sudo(self.manager).fields_view_get(view_type='form')['arch']
        for xmlid in ('action_scan_duplicates', 'action_classify_customers', 'action_customer_value',
                      'action_win_model_train'):
            self.assertIn('name="%d"' % self.env.ref('sales_mis.' + xmlid).id, arch, xmlid)
