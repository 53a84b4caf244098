# -*- coding: utf-8 -*-
"""Market information: every Sales MIS role reads the notes of their companies; salespeople
change their own, managers those of the teams they lead, directors all; users without a role
get nothing; each salesperson's feed holds the notes about their customers' industries and
regions, their opportunities' competitors and those opportunities."""
from odoo.exceptions import AccessError, UserError

from .marketing_common import MarketingCase


class TestMarketNotes(MarketingCase):

    @classmethod
    def setUpClass(cls):
        super(TestMarketNotes, cls).setUpClass()
        Note = cls.env['sales_mis_marketing.market.note']
        cls.competitor = cls.env['sales_mis.competitor'].create({'name': 'Mkt Rival Pumps'})
        cls.opportunity = cls.env['crm.lead'].create({
            'name': 'Mkt deal', 'type': 'opportunity', 'user_id': cls.salesperson.id, 'team_id': cls.team_east.id,
            'partner_id': cls.customer.id, 'probability': 30})
        cls.env['sales_mis.lead.competitor'].create({'lead_id': cls.opportunity.id,
                                                     'competitor_id': cls.competitor.id})
        cls.other_industry = cls.env['res.partner.industry'].create({'name': 'Mkt Textiles'})
        cls.by_industry = Note.sudo(cls.director).create({'name': 'Water news', 'kind': 'industry',
                                                          'industry_id': cls.industry.id})
        cls.by_competitor = Note.sudo(cls.manager_south).create({
            'name': 'Rival cuts prices', 'kind': 'competitor', 'competitor_ids': [(6, 0, [cls.competitor.id])]})
        cls.by_lead = Note.sudo(cls.manager).create({'name': 'Deal news', 'kind': 'region',
                                                     'lead_ids': [(6, 0, [cls.opportunity.id])]})
        cls.unrelated = Note.sudo(cls.director).create({'name': 'Textile news', 'kind': 'industry',
                                                        'industry_id': cls.other_industry.id, 'region': 'northwest'})
        cls.mine = Note.sudo(cls.salesperson).create({'name': 'My note', 'kind': 'policy'})
        cls.notes = cls.by_industry | cls.by_competitor | cls.by_lead | cls.unrelated | cls.mine

    def feed(self, user):
        return self.env['sales_mis_marketing.market.note'].sudo(user).search(
            [('for_me', '=', True), ('id', 'in', self.notes.ids)])

    def test_feed_of_a_salesperson(self):
        self.assertEqual(self.feed(self.salesperson), self.by_industry | self.by_competitor | self.by_lead)
        self.assertFalse(self.feed(self.seller_south))  # no customers, no opportunities
        outside = self.env['sales_mis_marketing.market.note'].sudo(self.salesperson).search(
            [('for_me', '=', False), ('id', 'in', self.notes.ids)])
        self.assertEqual(outside, self.unrelated | self.mine)
        self.assertTrue(self.by_industry.sudo(self.salesperson).for_me)
        with self.assertRaises(UserError):
            self.env['sales_mis_marketing.market.note'].search([('for_me', 'in', [1])])

    def test_everyone_with_a_role_reads_and_changes_their_own(self):
        Note = self.env['sales_mis_marketing.market.note']
        for user in (self.salesperson, self.seller_south, self.manager, self.director):
            self.assertEqual(Note.sudo(user).search([('id', 'in', self.notes.ids)]), self.notes)
        self.mine.sudo(self.salesperson).write({'body': '<p>更新</p>'})
        with self.assertRaises(AccessError):
            self.by_industry.sudo(self.salesperson).write({'name': 'mine now'})
        with self.assertRaises(AccessError):
            self.by_lead.sudo(self.salesperson).unlink()
        # a manager changes the notes of the team they lead, not another team's
        self.mine.sudo(self.manager).write({'source': 'checked'})
        with self.assertRaises(AccessError):
            self.by_competitor.sudo(self.manager).write({'source': 'no'})
        self.by_competitor.sudo(self.director).write({'source': 'director'})
        self.assertEqual(self.mine.author_id, self.salesperson)
        with self.assertRaises(UserError):
            self.mine.sudo(self.salesperson).write({'author_id': self.director.id})
        forged = Note.sudo(self.salesperson).create({'name': 'Forged', 'author_id': self.director.id})
        self.assertEqual(forged.author_id, self.salesperson)

    def test_no_role_no_notes_and_companies_apart(self):
        Note = self.env['sales_mis_marketing.market.note']
        for outsider in (self.internal, self.portal):
            with self.assertRaises(AccessError):
                Note.sudo(outsider).search([])
        other = self.env['res.company'].create({'name': 'Mkt Notes Other Co'})
        foreign = Note.create({'name': 'Foreign', 'company_id': other.id})
        self.assertFalse(Note.sudo(self.director).search([('id', '=', foreign.id)]))
