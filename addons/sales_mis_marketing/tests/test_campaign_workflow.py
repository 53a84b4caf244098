# -*- coding: utf-8 -*-
"""Campaign workflow: draft -> approved (never by its responsible; by the leader of its team or
a director) -> running -> closed; the budget freezes at approval; a closed campaign and its
costs no longer change; state and approval fields only move through the buttons."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .marketing_common import MarketingCase


class TestCampaignWorkflow(MarketingCase):

    def test_full_cycle_and_budget_freeze(self):
        campaign = self.make_campaign()
        self.assertEqual(campaign.state, 'draft')
        campaign.sudo(self.manager).write({'budget': 12000.0})
        with self.assertRaises(AccessError):
            campaign.sudo(self.manager).action_approve()  # their own
        self.approve(campaign)
        self.assertEqual((campaign.state, campaign.approved_budget, campaign.approver_id),
                         ('approved', 12000.0, self.director))
        with self.assertRaises(AccessError):
            campaign.sudo(self.manager).write({'budget': 50000.0})
        with self.assertRaises(AccessError):
            campaign.sudo(self.director).write({'budget': 50000.0})
        campaign.sudo(self.manager).write({'objective': 'More leads'})  # the rest stays open
        cost = self.add_cost(campaign, 3000.0)
        campaign.sudo(self.manager).action_start()
        campaign.sudo(self.manager).action_close()
        self.assertEqual(campaign.state, 'closed')
        with self.assertRaises(AccessError):
            campaign.sudo(self.manager).write({'objective': 'late'})
        with self.assertRaises(AccessError):
            self.add_cost(campaign, 10.0)
        with self.assertRaises(AccessError):
            cost.sudo(self.manager).write({'amount': 1.0})
        with self.assertRaises(AccessError):
            campaign.sudo(self.director).unlink()
        self.assertIn('Approved', campaign.sudo().message_ids.mapped('tracking_value_ids.new_value_char'))

    def test_send_back_opens_the_budget(self):
        campaign = self.approve(self.make_campaign())
        campaign.sudo(self.director).action_reset_draft()
        self.assertEqual((campaign.state, campaign.approved_budget), ('draft', 0.0))
        campaign.sudo(self.manager).write({'budget': 9000.0})
        self.assertEqual(campaign.budget, 9000.0)

    def test_who_approves(self):
        campaign = self.make_campaign(user=self.director, user_id=self.director.id)
        with self.assertRaises(AccessError):
            campaign.sudo(self.director).action_approve()  # their own
        with self.assertRaises(AccessError):
            campaign.sudo(self.manager_south).action_approve()  # not their team
        with self.assertRaises(AccessError):
            campaign.sudo(self.salesperson).action_approve()
        campaign.sudo(self.manager).action_approve()  # leads the campaign's team
        self.assertEqual(campaign.approver_id, self.manager)
        with self.assertRaises(UserError):
            campaign.sudo(self.manager).action_approve()  # already approved

    def test_approval_needs_budget_and_dates(self):
        campaign = self.make_campaign(budget=0.0)
        with self.assertRaises(UserError):
            self.approve(campaign)
        campaign.sudo(self.manager).write({'budget': 10.0, 'date_end': False})
        with self.assertRaises(UserError):
            self.approve(campaign)

    def test_protected_fields_refused_whatever_the_context(self):
        campaign = self.make_campaign()
        for values in ({'state': 'approved'}, {'approved_budget': 1.0}, {'approver_id': self.manager.id}):
            with self.assertRaises(AccessError):
                campaign.sudo(self.manager).with_context(tracking_disable=True).write(values)
        with self.assertRaises(AccessError):
            self.env['utm.campaign'].sudo(self.manager).with_context(default_state='running').create(
                {'name': 'Forged', 'team_id': self.team_east.id})
        self.assertEqual(campaign.state, 'draft')

    def test_bad_input_is_a_clear_error(self):
        with self.assertRaises(ValidationError):
            self.make_campaign(date_start='2030-05-01', date_end='2030-04-01')
        with self.assertRaises(ValidationError):
            self.make_campaign(budget=-1.0)
        campaign = self.make_campaign(segment_classes='a, b ,a')
        self.assertEqual(campaign.segment_classes, 'A, B')
