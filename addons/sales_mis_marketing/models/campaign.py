# -*- coding: utf-8 -*-
"""Marketing campaigns 营销活动 (J1) on Odoo's utm.campaign: the campaign_id that Odoo already
carries on leads, opportunities, orders and invoices (utm.mixin, sale_crm) attributes them.

Campaigns are team or company-wide marketing objects, not a salesperson's own: salespeople
read the campaigns of their team and the company-wide ones; managers plan and edit the
campaigns of the teams they lead; directors all of their companies (record rules in
security/). The marketing fields are for Sales MIS roles only (`groups`): an internal user
without a role still sees Odoo's plain campaign names, nothing of plans, budgets or results.

Status follows the workflow mechanism (sales_mis/models/workflow_mixin.py): draft ->
approved (by a manager leading the campaign's team or a director, never its responsible) ->
running -> closed; the budget is frozen from approval on, a closed campaign no longer
changes. Results (leads ... ROI) are read from the campaign x month SQL view
(report/campaign_roi.py) as the caller."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.sales_mis.models.res_partner_profile import REGIONS
from odoo.addons.sales_mis.models.res_partner_value import SEGMENTS
from odoo.addons.sales_mis.workflow_logic.rules import Transition, WorkflowSpec

from ..marketing_logic.roi import budget_use, roi
from ..marketing_logic.segment import class_codes

ROLE = 'sales_mis.group_salesperson'

CAMPAIGN_STATES = [('draft', 'Draft'), ('approved', 'Approved'), ('running', 'Running'), ('closed', 'Closed')]

CAMPAIGN_WORKFLOW = WorkflowSpec(
    protected={'state', 'approver_id', 'approval_date', 'approved_budget'}, frozen_states=('closed',),
    deletable_states=('draft',), transitions=[
        Transition('action_approve', ('draft',), 'approved',
                   'a manager leading the campaign\'s team or a director, never the campaign\'s responsible'),
        Transition('action_start', ('approved',), 'running', 'whoever may write the campaign'),
        Transition('action_close', ('approved', 'running'), 'closed', 'whoever may write the campaign'),
        Transition('action_reset_draft', ('approved',), 'draft',
                   'as action_approve (sends the campaign back; the budget opens again)'),
    ])

#: campaign result field <- column summed in the campaign x month view
RESULTS = ('lead_count', 'opportunity_count', 'order_count', 'order_amount', 'invoiced_amount', 'margin', 'cost')


class UtmCampaign(models.Model):
    _name = 'utm.campaign'
    _inherit = ['utm.campaign', 'sales_mis.workflow.mixin', 'mail.thread']
    _workflow = CAMPAIGN_WORKFLOW

    state = fields.Selection(CAMPAIGN_STATES, string='Status', default='draft', required=True, copy=False,
                             readonly=True, track_visibility='onchange', groups=ROLE)
    company_id = fields.Many2one('res.company', string='Company', index=True,
                                 default=lambda self: self.env.user.company_id,
                                 help='Leave empty for a campaign shared by all companies.')
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True, track_visibility='onchange', groups=ROLE,
                              help='The team whose campaign this is; empty: a company-wide campaign, '
                                   'planned and approved by directors.')
    user_id = fields.Many2one('res.users', string='Responsible', index=True, track_visibility='onchange', groups=ROLE,
                              default=lambda self: self.env.user)
    medium_id = fields.Many2one('utm.medium', string='Channel', track_visibility='onchange', groups=ROLE,
                                help='How the campaign reaches its audience (e-mail, exhibition, seminar...).')
    date_start = fields.Date(string='Start Date', track_visibility='onchange', groups=ROLE)
    date_end = fields.Date(string='End Date', track_visibility='onchange', groups=ROLE)
    objective = fields.Text(string='Objective', groups=ROLE)
    currency_id = fields.Many2one('res.currency', string='Currency', groups=ROLE,
                                  default=lambda self: self.env.user.company_id.currency_id)
    budget = fields.Monetary(string='Budget', track_visibility='onchange', groups=ROLE,
                             help='Planned spending; frozen once the campaign is approved.')
    approved_budget = fields.Monetary(string='Approved Budget', readonly=True, copy=False, groups=ROLE,
                                      track_visibility='onchange')
    approver_id = fields.Many2one('res.users', string='Approved By', readonly=True, copy=False, groups=ROLE,
                                  track_visibility='onchange')
    approval_date = fields.Datetime(string='Approved On', readonly=True, copy=False, groups=ROLE)
    # target segment: the fields sales_mis puts on res.partner
    segment_classes = fields.Char(string='Customer Classes', groups=ROLE,
                                  help='Customer class codes separated by commas, e.g. "A, B".')
    segment_rfm = fields.Selection(SEGMENTS, string='Value Segment', groups=ROLE)
    segment_region = fields.Selection(REGIONS, string='Sales Region', groups=ROLE)
    segment_state_ids = fields.Many2many('res.country.state', 'sales_mis_marketing_campaign_state_rel',
                                         'campaign_id', 'state_id', string='Provinces', groups=ROLE)
    segment_industry_ids = fields.Many2many('res.partner.industry', 'sales_mis_marketing_campaign_industry_rel',
                                            'campaign_id', 'industry_id', string='Industries', groups=ROLE)
    segment_count = fields.Integer(string='Mailable Customers', compute='_compute_segment_count', groups=ROLE,
                                   help='Customers of the segment you may see, with an e-mail, not opted out.')
    cost_ids = fields.One2many('sales_mis_marketing.campaign.cost', 'campaign_id', string='Costs', groups=ROLE)
    mailing_ids = fields.One2many('mail.mass_mailing', 'campaign_id', string='Mailings', groups=ROLE)
    mailing_count = fields.Integer(string='Mailing Count', compute='_compute_mailing_count', groups=ROLE)
    # attributed results (campaign x month view, read as the caller)
    lead_count = fields.Integer(string='Leads', compute='_compute_results', groups=ROLE)
    opportunity_count = fields.Integer(string='Opportunities', compute='_compute_results', groups=ROLE)
    order_count = fields.Integer(string='Orders', compute='_compute_results', groups=ROLE)
    order_amount = fields.Monetary(string='Ordered', compute='_compute_results', groups=ROLE,
                                   help='Untaxed amount of the confirmed orders of the campaign.')
    invoiced_amount = fields.Monetary(string='Invoiced Revenue', compute='_compute_results', groups=ROLE,
                                      help='Untaxed amount invoiced, minus credit notes.')
    margin = fields.Monetary(string='Margin', compute='_compute_results', groups=ROLE,
                             help='Untaxed amount of the confirmed orders minus their cost.')
    cost_total = fields.Monetary(string='Cost', compute='_compute_results', groups=ROLE)
    roi = fields.Float(string='ROI (%)', compute='_compute_results', groups=ROLE,
                       help='(Margin - Cost) / Cost, in percent; empty without any cost.')
    has_roi = fields.Boolean(compute='_compute_results', groups=ROLE)
    budget_use = fields.Float(string='Budget Used (%)', compute='_compute_results', groups=ROLE)

    @api.constrains('date_start', 'date_end')
    def _check_dates(self):
        for campaign in self.sudo():  # sudo: the record rules are checked by create/write themselves
            if campaign.date_start and campaign.date_end and campaign.date_end < campaign.date_start:
                raise ValidationError(_('Campaign %s ends (%s) before it starts (%s).')
                                      % (campaign.name, campaign.date_end, campaign.date_start))

    @api.constrains('budget')
    def _check_budget(self):
        for campaign in self.sudo():
            if campaign.budget < 0:
                raise ValidationError(_('The budget of campaign %s cannot be negative.') % campaign.name)

    @api.constrains('team_id', 'company_id')
    def _check_team_company(self):
        for campaign in self.sudo():
            if campaign.team_id.company_id and campaign.company_id and campaign.team_id.company_id != campaign.company_id:
                raise ValidationError(_('Campaign %s and its team %s belong to different companies.')
                                      % (campaign.name, campaign.team_id.name))

    # ------------------------------------------------------------ results

    def _compute_results(self):
        totals = {}
        if self.ids:
            # one grouped read of the view, as the caller: its record rules apply
            groups = self.env['sales_mis_marketing.campaign.roi'].read_group(
                [('campaign_id', 'in', self.ids)], ['campaign_id'] + list(RESULTS), ['campaign_id'])
            totals = {group['campaign_id'][0]: group for group in groups}
        for campaign in self:
            values = totals.get(campaign.id, {})
            for name in RESULTS:
                target = 'cost_total' if name == 'cost' else name
                campaign[target] = values.get(name) or 0
            ratio = roi(campaign.margin, campaign.cost_total)
            campaign.has_roi = ratio is not None
            campaign.roi = 100.0 * ratio if ratio is not None else 0.0
            use = budget_use(campaign.cost_total, campaign.approved_budget or campaign.budget)
            campaign.budget_use = 100.0 * use if use is not None else 0.0

    def _compute_mailing_count(self):
        counts = {}
        if self.ids and self.env['mail.mass_mailing'].check_access_rights('read', raise_exception=False):
            groups = self.env['mail.mass_mailing'].read_group([('campaign_id', 'in', self.ids)],
                                                              ['campaign_id'], ['campaign_id'])
            counts = {group['campaign_id'][0]: group['campaign_id_count'] for group in groups}
        for campaign in self:
            campaign.mailing_count = counts.get(campaign.id, 0)

    def _compute_segment_count(self):
        Partner = self.env['res.partner']
        for campaign in self:
            campaign.segment_count = Partner.search_count(campaign._segment_mailable_domain())

    # ------------------------------------------------------------ guards

    # the workflow guards run first (on utm.campaign the mixin comes after Odoo's own class)

    @api.model
    def create(self, values):
        self._workflow_check_create(values)
        if values.get('segment_classes'):
            values['segment_classes'] = ', '.join(class_codes(values['segment_classes']))
        return super(UtmCampaign, self).create(values)

    @api.multi
    def write(self, values):
        self._workflow_check_write(values)
        if 'budget' in values and self._workflow_guarded():
            moved = self.sudo().filtered(lambda c: c.state != 'draft')
            if moved:
                raise AccessError(_('The budget of campaign %s is frozen since its approval: send the campaign back '
                                    'to draft to change it.') % moved[0].name)
        if values.get('segment_classes'):
            values['segment_classes'] = ', '.join(class_codes(values['segment_classes']))
        return super(UtmCampaign, self).write(values)

    @api.multi
    def unlink(self):
        self._workflow_check_unlink()
        return super(UtmCampaign, self).unlink()

    # ------------------------------------------------------------ transitions

    def _check_state(self, allowed, target):
        labels = dict(self._fields['state']._description_selection(self.env))
        for campaign in self.sudo():
            if campaign.state not in allowed:
                raise UserError(_('Campaign %s is %s; it cannot go to %s from there.') % (
                    campaign.name, labels[campaign.state], labels[target]))

    def _check_approver(self):
        """A director of the campaign's company, or the manager leading its team; never the
        campaign's responsible (nobody approves their own)."""
        user = self.env.user
        for campaign in self.sudo():
            if campaign.user_id == user:
                raise AccessError(_('You are responsible for campaign %s: another manager or a director approves '
                                    'it.') % campaign.name)
            if user.has_group('sales_mis.group_director'):
                continue
            if not (user.has_group('sales_mis.group_manager') and campaign.team_id
                    and campaign.team_id.user_id == user):
                raise AccessError(_('Campaign %s is approved by the leader of its team or a director.')
                                  % campaign.name)

    @api.multi
    def action_approve(self):
        self._check_state(('draft',), 'approved')
        self._check_approver()
        for campaign in self.sudo():
            if campaign.budget <= 0:
                raise UserError(_('Enter the budget of campaign %s before approving it.') % campaign.name)
            if not (campaign.date_start and campaign.date_end):
                raise UserError(_('Plan the dates of campaign %s before approving it.') % campaign.name)
        for campaign in self:
            campaign._workflow_transition({'state': 'approved', 'approver_id': self.env.uid,
                                           'approval_date': fields.Datetime.now(),
                                           'approved_budget': campaign.sudo().budget})
        return True

    @api.multi
    def action_reset_draft(self):
        self._check_state(('approved',), 'draft')
        self._check_approver()
        self._workflow_transition({'state': 'draft', 'approver_id': False, 'approval_date': False,
                                   'approved_budget': 0.0})
        return True

    @api.multi
    def action_start(self):
        self._check_state(('approved',), 'running')
        self._workflow_transition({'state': 'running'})
        return True

    @api.multi
    def action_close(self):
        self._check_state(('approved', 'running'), 'closed')
        self._workflow_transition({'state': 'closed'})
        return True

    # ------------------------------------------------------------ navigation

    def _attributed_action(self, xml_id, domain, context=None):
        self.ensure_one()
        action = self.env.ref(xml_id).read()[0]
        action['domain'] = domain
        action['context'] = context or {}
        return action

    @api.multi
    def action_view_leads(self):
        return self._attributed_action('crm.crm_lead_all_leads', [('campaign_id', '=', self.id)],
                                       {'default_campaign_id': self.id, 'active_test': False})

    @api.multi
    def action_view_orders(self):
        return self._attributed_action('sale.action_orders', [('campaign_id', '=', self.id)],
                                       {'default_campaign_id': self.id})

    @api.multi
    def action_view_roi(self):
        return self._attributed_action('sales_mis_marketing.action_campaign_roi', [('campaign_id', '=', self.id)])

    @api.multi
    def action_view_mailings(self):
        return self._attributed_action('mass_mailing.action_view_mass_mailings', [('campaign_id', '=', self.id)],
                                       {'default_campaign_id': self.id})
