# -*- coding: utf-8 -*-
"""A Sales MIS user lands on their role's dashboard instead of an empty Discuss inbox."""
from odoo import api, models

from ..lib.role_boards import HOME, ROLE_BOARDS


class ResUsers(models.Model):
    _inherit = 'res.users'

    @api.model
    def create(self, vals):
        users = super(ResUsers, self).create(vals)
        users._sales_mis_set_home()
        return users

    @api.multi
    def write(self, vals):
        result = super(ResUsers, self).write(vals)
        # groups come as groups_id or as the in_group_N / sel_groups_N fields of the user form
        if any(key == 'groups_id' or key.startswith(('in_group_', 'sel_groups_')) for key in vals):
            self._sales_mis_set_home()
        return result

    @api.model
    def _sales_mis_set_homes(self):
        """At install and update (data/sales_mis_dashboard_data.xml): the existing users of the
        Sales MIS roles; later users get theirs when they are created or given a role."""
        groups = [self.env.ref(group).id for group, _board in ROLE_BOARDS]
        self.with_context(active_test=False).search([('groups_id', 'in', groups)])._sales_mis_set_home()

    @api.multi
    def _sales_mis_set_home(self):
        """Users of a Sales MIS role without a home action get the role dashboard; a home
        chosen by hand stays. Runs within the caller's write of the groups."""
        home = self.env.ref(HOME, raise_if_not_found=False)
        role = self.env.ref(ROLE_BOARDS[-1][0], raise_if_not_found=False)  # implied by every role
        if not home or not role:
            return  # during the install, before the dashboard is loaded
        homeless = self.filtered(lambda user: not user.action_id and role in user.groups_id)
        if homeless:
            homeless.write({'action_id': home.id})
