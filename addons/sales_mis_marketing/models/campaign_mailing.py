# -*- coding: utf-8 -*-
"""Personalised mailings to a campaign's segment 精准营销邮件, through Odoo's mass mailing.

"Mail the Segment" prepares a draft mail.mass_mailing of the campaign addressed to the
customers of its segment that the caller may see (searched as the caller: record rules
decide), who have an e-mail and have not opted out. The body greets each customer by name
(rendered per recipient by Odoo's composer). The manager reviews and sends it from the
mailing; Odoo skips anyone who opted out in the meantime (the domain keeps opt_out = False
and Odoo's own opt-out blacklist applies when sending)."""
from odoo import _, api, models
from odoo.tools import html_escape
from odoo.exceptions import AccessError, UserError

from ..marketing_logic.segment import class_codes, mailable_domain, mailing_domain, segment_domain

#: a larger segment is mailed in several campaigns or through a mailing list, not one domain
MAX_RECIPIENTS = 20000

DEFAULT_BODY = """<div style="font-family: sans-serif; font-size: 14px;">
<p>${object.name}，您好！</p>
<p>%s</p>
<p>如不希望再收到此类邮件，请点击 <a href="/unsubscribe_from_list">退订</a>。</p>
</div>"""


def plain_text(text):
    """User text for the mailing body: escaped HTML, and no "${" (the body is a template
    rendered per recipient: user text must never become template code)."""
    # a zero-width space splits "${": an entity would be decoded again by the HTML sanitizer
    return str(html_escape(text)).replace('${', '$\u200b{').replace('\n', '<br/>')


class UtmCampaign(models.Model):
    _inherit = 'utm.campaign'

    def _segment_criteria(self):
        self.ensure_one()
        campaign = self.sudo()
        return segment_domain(class_codes(campaign.segment_classes), campaign.segment_rfm, campaign.segment_region,
                              campaign.segment_state_ids.ids, campaign.segment_industry_ids.ids)

    def _segment_mailable_domain(self):
        company = self.sudo().company_id
        domain = mailable_domain(self._segment_criteria())
        if company:
            domain = [('company_id', 'in', [company.id, False])] + domain
        return domain

    @api.multi
    def action_mail_segment(self):
        """A draft mass mailing of this campaign to the mailable customers of its segment that
        the caller may see; opens it for review."""
        self.ensure_one()
        if not self.env.user.has_group('sales_mis.group_manager'):
            raise AccessError(_('Only sales managers and directors mail a campaign\'s segment.'))
        self.check_access_rights('write')
        self.check_access_rule('write')
        if self.sudo().state not in ('approved', 'running'):
            raise UserError(_('Approve campaign %s before mailing its segment.') % self.name)
        if not self._segment_criteria():
            raise UserError(_('Choose the segment of campaign %s (class, value segment, region, provinces or '
                              'industries) before mailing it: a campaign is not mailed to every customer.')
                            % self.name)
        # as the caller: only the customers their record rules show
        partners = self.env['res.partner'].search(self._segment_mailable_domain(), limit=MAX_RECIPIENTS + 1)
        if not partners:
            raise UserError(_('No customer of the segment of campaign %s can be mailed (none visible to you with '
                              'an e-mail address who has not opted out).') % self.name)
        if len(partners) > MAX_RECIPIENTS:
            raise UserError(_('The segment of campaign %s has more than %d mailable customers: narrow it down.')
                            % (self.name, MAX_RECIPIENTS))
        campaign = self.sudo()
        mailing = self.env['mail.mass_mailing'].create({
            'name': campaign.name,
            'campaign_id': self.id,
            'medium_id': campaign.medium_id.id or self.env.ref('utm.utm_medium_email').id,
            'mailing_model_id': self.env.ref('base.model_res_partner').id,
            'mailing_domain': mailing_domain(partners.ids),
            'reply_to_mode': 'email',
            'body_html': DEFAULT_BODY % plain_text(campaign.objective or campaign.name),
        })
        return {
            'type': 'ir.actions.act_window', 'res_model': 'mail.mass_mailing', 'res_id': mailing.id,
            'view_mode': 'form', 'target': 'current',
        }
