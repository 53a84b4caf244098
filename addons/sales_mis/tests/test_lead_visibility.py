# -*- coding: utf-8 -*-
"""Opportunities by role (found by the role matrix): a team manager sees and edits the
opportunities of the teams they lead but not another team's; nobody, not even a
director, sees another company's."""
from odoo.exceptions import AccessError

from .common import PlanningCase


class TestLeadVisibility(PlanningCase):

    def lead(self, user, team, company=None):
        return self.env['crm.lead'].create({
            'name': 'Visibility %s' % user.login, 'type': 'opportunity', 'user_id': user.id,
            'team_id': team.id, 'company_id': (company or self.company).id})

    def test_manager_sees_the_teams_led_only(self):
        own_team = self.lead(self.salesperson, self.team_east)
        other_team = self.lead(self.salesperson_south, self.team_south)
        Leads = self.env['crm.lead'].sudo(self.manager)
        self.assertIn(own_team, Leads.search([('id', 'in', [own_team.id, other_team.id])]))
        own_team.sudo(self.manager).write({'description': 'checked by the manager'})
        with self.assertRaises(AccessError):
            other_team.sudo(self.manager).read(['name'])
        with self.assertRaises(AccessError):
            self.lead(self.salesperson, self.team_east).sudo(self.salesperson_east2).read(['name'])

    def test_nobody_sees_another_company(self):
        other = self.env['res.company'].create({'name': 'Visibility Other Co'})
        team = self.env['crm.team'].create({'name': 'Other Co Team', 'company_id': other.id})
        foreign = self.lead(self.env.user, team, company=other)
        home = self.lead(self.salesperson, self.team_east)
        for user in (self.director, self.manager, self.salesperson):
            with self.assertRaises(AccessError):
                foreign.sudo(user).read(['name'])
        self.assertTrue(home.sudo(self.director).read(['name']))
