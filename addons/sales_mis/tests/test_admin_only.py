# -*- coding: utf-8 -*-
"""Maintenance methods of both addons (view rebuilds, materialized view refreshes, cron
entry points) are refused to sales users, who could otherwise call them over RPC."""
from odoo.exceptions import AccessError

from .common import PlanningCase

MAINTENANCE = ('init', 'refresh', 'cron_send_daily', 'cron_escalate')


class TestAdminOnly(PlanningCase):

    def maintenance_methods(self):
        """(model, method) of every Sales MIS class that defines one of MAINTENANCE."""
        found = set()
        for name, model_class in self.env.registry.items():
            for cls in model_class.__mro__:
                if cls.__module__.startswith(('odoo.addons.sales_mis.', 'odoo.addons.sales_mis_forecast.',
                                             'odoo.addons.sales_mis_service.')):
                    found.update((name, method) for method in MAINTENANCE if method in vars(cls))
        return sorted(found)

    def test_sales_users_cannot_run_maintenance(self):
        methods = self.maintenance_methods()
        self.assertGreaterEqual(len(methods), 17, methods)
        for user in (self.salesperson, self.manager, self.director):
            for model, method in methods:
                with self.assertRaises(AccessError, msg='%s.%s as %s' % (model, method, user.login)):
                    getattr(self.env[model].sudo(user), method)()

    def test_administrators_still_can(self):
        self.assertTrue(self.env['sales_mis.actual'].refresh())
        admin = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Settings Admin', 'login': 'test_settings_admin', 'email': 'settings.admin@example.com',
            'groups_id': [(6, 0, [self.env.ref('base.group_erp_manager').id])]})
        self.assertTrue(self.env['sales_mis.sales.analysis'].sudo(admin).refresh())
