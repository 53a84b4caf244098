# -*- coding: utf-8 -*-
"""Mail the Segment: a draft mass mailing of the campaign to the customers of its segment that
the caller may see, with an e-mail, not opted out; personalised per recipient; refused to
salespeople, outside the approved/running states and without a segment."""
from odoo.exceptions import AccessError, UserError
from odoo.tools.safe_eval import safe_eval

from .marketing_common import MarketingCase


class TestSegmentMailing(MarketingCase):

    @classmethod
    def setUpClass(cls):
        super(TestSegmentMailing, cls).setUpClass()
        Partner = cls.env['res.partner']
        cls.industry_b = cls.env['res.partner.industry'].create({'name': 'Mkt Chemicals'})
        base = {'customer': True, 'sales_mis_region': 'east', 'industry_id': cls.industry.id}
        cls.in_segment = Partner.create(dict(base, name='Mkt In', email='in@mkt.example.com'))
        cls.opted_out = Partner.create(dict(base, name='Mkt Out', email='out@mkt.example.com', opt_out=True))
        cls.no_email = Partner.create(dict(base, name='Mkt No Mail'))
        cls.other_industry = Partner.create(dict(base, name='Mkt Chem', email='chem@mkt.example.com',
                                                 industry_id=cls.industry_b.id))
        cls.other_company = cls.env['res.company'].create({'name': 'Mkt Mail Other Co'})
        cls.foreign = Partner.create(dict(base, name='Mkt Foreign', email='f@mkt.example.com',
                                          company_id=cls.other_company.id))
        cls.campaign = cls.make_campaign(name='Mkt Mail', segment_region='east',
                                         segment_industry_ids=[(6, 0, [cls.industry.id])],
                                         objective='Spring offer ${object.email} <b>10%</b>')

    def test_mailing_reaches_the_visible_mailable_segment(self):
        self.approve(self.campaign)
        campaign = self.campaign.sudo(self.manager)
        self.assertEqual(campaign.segment_count, self.env['res.partner'].search_count(
            campaign._segment_mailable_domain()))
        action = campaign.action_mail_segment()
        mailing = self.env['mail.mass_mailing'].browse(action['res_id'])
        self.assertEqual((mailing.campaign_id, mailing.mailing_model_real, mailing.state),
                         (self.campaign, 'res.partner', 'draft'))
        recipients = set(mailing.get_recipients())
        self.assertIn(self.in_segment.id, recipients)
        self.assertIn(self.customer.id, recipients)
        for excluded in (self.opted_out, self.no_email, self.other_industry, self.foreign):
            self.assertNotIn(excluded.id, recipients)
        self.assertIn(('opt_out', '=', False), safe_eval(mailing.mailing_domain))
        # opting out after the mailing was prepared still removes the customer
        self.in_segment.opt_out = True
        self.assertNotIn(self.in_segment.id, mailing.get_recipients())
        # personalised per recipient; the campaign's text stays text, never template code
        self.assertIn('${object.name}', mailing.body_html)
        self.assertNotIn('${object.email}', mailing.body_html)
        self.assertIn('&lt;b&gt;', mailing.body_html)
        self.assertEqual(campaign.mailing_count, 1)
        # sent: one personalised mail per remaining recipient, none to the opted-out
        mailing.sudo(self.manager).send_mail()
        stats = self.env['mail.mail.statistics'].search([('mass_mailing_id', '=', mailing.id)])
        self.assertIn(self.customer.id, stats.mapped('res_id'))
        self.assertNotIn(self.in_segment.id, stats.mapped('res_id'))
        body = self.env['mail.template'].render_template(mailing.body_html, 'res.partner', [self.customer.id])
        self.assertIn(self.customer.name, body[self.customer.id])
        self.assertIn('Spring offer $', body[self.customer.id])

    def test_refusals(self):
        with self.assertRaises(UserError):
            self.campaign.sudo(self.manager).action_mail_segment()  # draft
        self.approve(self.campaign)
        with self.assertRaises(AccessError):
            self.campaign.sudo(self.salesperson).action_mail_segment()
        with self.assertRaises(AccessError):
            self.campaign.sudo(self.manager_south).action_mail_segment()  # not their team's
        with self.assertRaises(AccessError):
            self.campaign.sudo(self.internal).action_mail_segment()
        everyone = self.approve(self.make_campaign(name='Mkt No Segment'))
        with self.assertRaises(UserError):
            everyone.sudo(self.manager).action_mail_segment()
        nobody = self.approve(self.make_campaign(name='Mkt Empty', segment_classes='ZZZ'))
        with self.assertRaises(UserError):
            nobody.sudo(self.manager).action_mail_segment()
