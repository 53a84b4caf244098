# -*- coding: utf-8 -*-
"""Bids 投标 (M1): bid management on an open opportunity (deadline, bond 投标保证金, document
checklist, reminders) and, once decided, the historical bid 历史投标 (our price, the competitors
and their prices, the result and its reasons, the documents).

The status follows the workflow mechanism of sales_mis (models/workflow_mixin.py): draft ->
preparing -> submitted -> won / lost, or cancelled; only the buttons move it and they check the
caller (the owner, the manager leading the bid's team, or a director). A decided or cancelled bid
is frozen except its reasons and documents."""
import datetime

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.sales_mis.lib.user_date import user_date
from odoo.addons.sales_mis.workflow_logic.rules import Transition, WorkflowSpec

from ..knowledge_logic import bid_rules, roles, search_terms

BID_STATES = [
    ('draft', 'Draft'),
    ('preparing', 'Preparing'),
    ('submitted', 'Submitted'),
    ('won', 'Won'),
    ('lost', 'Lost'),
    ('cancel', 'Cancelled'),
]
BOND_STATUS = [('none', 'No Bond'), ('to_pay', 'To Pay'), ('paid', 'Paid'), ('returned', 'Returned')]
OWNER = 'the owner, the manager leading its team, or a director'

BID_WORKFLOW = WorkflowSpec(
    protected={'state', 'result_date', 'decided_by_id', 'reminder_sent_on'},
    frozen_states=('won', 'lost', 'cancel'),
    open_when_frozen=('result_note', 'lost_reason_id', 'document_ids'),
    deletable_states=('draft', 'cancel'),
    transitions=[
        Transition('action_prepare', ('draft',), 'preparing', OWNER),
        Transition('action_submit', ('preparing',), 'submitted', OWNER + '; every required document done'),
        Transition('action_mark_won', ('submitted',), 'won', OWNER),
        Transition('action_mark_lost', ('submitted',), 'lost', OWNER + '; a reason given'),
        Transition('action_cancel', ('draft', 'preparing', 'submitted'), 'cancel', OWNER),
        Transition('action_draft', ('cancel',), 'draft', OWNER),
    ])

#: documents every new bid is asked for (`_` here only marks them for the translation export:
#: without a user at import it returns the English text; create() translates them)
DEFAULT_CHECKLIST = [
    (_('Business licence and qualification certificates'), True),
    (_('Bid bond payment receipt'), True),
    (_('Technical proposal'), True),
    (_('Commercial offer and price schedule'), True),
    (_('Reference projects'), False),
]


class Bid(models.Model):
    _name = 'sales_mis.bid'
    _description = 'Bid'
    _inherit = ['sales_mis.workflow.mixin', 'sales_mis.knowledge.searchable', 'mail.thread',
                'mail.activity.mixin']
    _order = 'date desc, id desc'
    _workflow = BID_WORKFLOW

    name = fields.Char(string='Project', required=True, track_visibility='onchange')
    reference = fields.Char(string='Tender Number', track_visibility='onchange')
    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True,
                                 track_visibility='onchange')
    lead_id = fields.Many2one('crm.lead', string='Opportunity', index=True, ondelete='set null',
                              domain=[('type', '=', 'opportunity')], track_visibility='onchange')
    user_id = fields.Many2one('res.users', string='Salesperson', required=True, index=True,
                              default=lambda self: self.env.user, track_visibility='onchange')
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True, track_visibility='onchange',
                              default=lambda self: self.env.user.sale_team_id)
    company_id = fields.Many2one('res.company', string='Company', required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one('res.currency', string='Currency', required=True,
                                  default=lambda self: self.env.user.company_id.currency_id)
    date = fields.Date(string='Bid Date', required=True, default=fields.Date.context_today,
                       track_visibility='onchange', help='The day the bids are opened (or were).')
    deadline = fields.Datetime(string='Submission Deadline', track_visibility='onchange')
    amount = fields.Monetary(string='Our Price', track_visibility='onchange')
    description = fields.Text(string='Scope')
    state = fields.Selection(BID_STATES, string='Status', required=True, default='draft', copy=False, readonly=True,
                             index=True, track_visibility='onchange')
    result_date = fields.Date(string='Decided On', readonly=True, copy=False, track_visibility='onchange')
    decided_by_id = fields.Many2one('res.users', string='Result Recorded By', readonly=True, copy=False)
    lost_reason_id = fields.Many2one('crm.lost.reason', string='Lost Reason', track_visibility='onchange')
    result_note = fields.Text(string='Reasons and Lessons')
    bond_amount = fields.Monetary(string='Bond', track_visibility='onchange')
    bond_paid_date = fields.Date(string='Bond Paid On', track_visibility='onchange')
    bond_returned_date = fields.Date(string='Bond Returned On', track_visibility='onchange')
    bond_status = fields.Selection(BOND_STATUS, string='Bond Status', compute='_compute_bond_status', store=True)
    competitor_line_ids = fields.One2many('sales_mis.bid.competitor', 'bid_id', string='Competitors', copy=True)
    checklist_line_ids = fields.One2many('sales_mis.bid.checklist', 'bid_id', string='Document Checklist',
                                         copy=True)
    checklist_progress = fields.Char(string='Documents Ready', compute='_compute_checklist_progress')
    document_ids = fields.Many2many('sales_mis.product.document', string='Product Documents',
                                    help='Product documents enclosed with the bid.')
    reminder_sent_on = fields.Datetime(string='Reminder Sent On', readonly=True, copy=False)

    _sql_constraints = [
        ('amount_positive', 'CHECK(amount IS NULL OR amount >= 0)', 'The bid price cannot be negative.'),
        ('bond_positive', 'CHECK(bond_amount IS NULL OR bond_amount >= 0)', 'The bond cannot be negative.'),
    ]

    @api.depends('bond_amount', 'bond_paid_date', 'bond_returned_date')
    def _compute_bond_status(self):
        for bid in self:
            bid.bond_status = bid_rules.bond_status(bid.bond_amount, bid.bond_paid_date, bid.bond_returned_date)

    @api.depends('checklist_line_ids.done', 'checklist_line_ids.required')
    def _compute_checklist_progress(self):
        for bid in self:
            lines = bid.checklist_line_ids
            bid.checklist_progress = '%d / %d' % (len(lines.filtered('done')), len(lines))

    @api.depends('name', 'reference', 'description', 'result_note', 'partner_id.name', 'lead_id.name',
                 'lost_reason_id.name', 'competitor_line_ids.competitor_id.name')
    def _compute_search_text(self):
        # linked names are read as the system, like Odoo's related fields: the text is only
        # readable with the record itself
        for bid, data in zip(self, self.sudo()):
            bid.search_text = search_terms.search_text(
                [data.name, data.reference, data.partner_id.name, data.lead_id.name, data.description, data.result_note,
                 data.lost_reason_id.name] + data.competitor_line_ids.mapped('competitor_id.name'))

    @api.constrains('bond_amount', 'bond_paid_date', 'bond_returned_date')
    def _check_bond(self):
        messages = {
            'negative': _('The bond of bid %s cannot be negative.'),
            'returned_unpaid': _('The bond of bid %s cannot be returned before it is paid: enter the day it was paid.'),
            'returned_before_paid': _('The bond of bid %s is returned before the day it was paid.'),
        }
        for bid in self:
            problem = bid_rules.check_bond_dates(bid.bond_amount, bid.bond_paid_date, bid.bond_returned_date)
            if problem:
                raise ValidationError(messages[problem] % bid.name)

    @api.constrains('lead_id', 'company_id')
    def _check_lead(self):
        for bid in self:
            lead = bid.lead_id.sudo()
            if lead and lead.company_id and lead.company_id != bid.company_id:
                raise ValidationError(_('Bid %s and its opportunity belong to different companies.') % bid.name)

    @api.onchange('lead_id')
    def _onchange_lead_id(self):
        lead = self.lead_id
        if lead:
            self.partner_id = lead.partner_id.commercial_partner_id or self.partner_id
            self.user_id = lead.user_id or self.user_id
            self.team_id = lead.team_id or self.team_id
            self.name = self.name or lead.name

    @api.onchange('user_id')
    def _onchange_user_id(self):
        if self.user_id.sale_team_id:
            self.team_id = self.user_id.sale_team_id

    @api.model
    def create(self, values):
        # the standard checklist unless the values bring one (no context key may drop the required items)
        if 'checklist_line_ids' not in values:
            values = dict(values, checklist_line_ids=[(0, 0, {'name': _(name), 'required': required,
                                                               'sequence': 10 * index})
                                                      for index, (name, required) in enumerate(DEFAULT_CHECKLIST)])
        return super(Bid, self).create(values)

    @api.multi
    def write(self, values):
        result = super(Bid, self).write(values)
        if 'deadline' in values:
            # a moved deadline deserves a new reminder
            self.filtered('reminder_sent_on')._workflow_consequence({'reminder_sent_on': False})
        return result

    # ------------------------------------------------------------ transitions

    def _check_caller(self):
        user = self.env.user
        if self.env.uid == SUPERUSER_ID:
            return
        is_manager = user.has_group('sales_mis.group_manager')
        is_director = user.has_group('sales_mis.group_director')
        for bid in self:
            if not roles.may_act(self.env.uid, bid.user_id.id, bid.sudo().team_id.user_id.id, is_manager, is_director):
                raise AccessError(_('Only the salesperson of bid %s, the manager of its team or a director can '
                                    'move it on.') % bid.name)

    def _move(self, state, allowed_from, extra=None):
        labels = dict(self._fields['state']._description_selection(self.env))
        for bid in self:
            if bid.state not in allowed_from:
                raise UserError(_('Bid %s is %s; it cannot go to %s from there.')
                                % (bid.name, labels[bid.state], labels[state]))
        self._check_caller()
        values = dict(extra or {}, state=state)
        return self._workflow_transition(values)

    @api.multi
    def action_prepare(self):
        return self._move('preparing', ('draft',))

    @api.multi
    def action_submit(self):
        for bid in self:
            missing = bid_rules.missing_documents(
                [(line.name, line.required, line.done) for line in bid.checklist_line_ids])
            if missing:
                raise UserError(_('Bid %s cannot be submitted yet; these required documents are not done: %s')
                                % (bid.name, ', '.join(missing)))
        return self._move('submitted', ('preparing',))

    def _decide(self, state):
        return self._move(state, ('submitted',), {'result_date': fields.Date.context_today(self),
                                                  'decided_by_id': self.env.uid})

    @api.multi
    def action_mark_won(self):
        return self._decide('won')

    @api.multi
    def action_mark_lost(self):
        for bid in self:
            if not bid.lost_reason_id and not (bid.result_note or '').strip():
                raise UserError(_('Give the reason bid %s was lost (Lost Reason or Reasons and Lessons) first.')
                                % bid.name)
        return self._decide('lost')

    @api.multi
    def action_cancel(self):
        return self._move('cancel', ('draft', 'preparing', 'submitted'))

    @api.multi
    def action_draft(self):
        return self._move('draft', ('cancel',), {'result_date': False, 'decided_by_id': False})

    @api.multi
    def action_write_case(self):
        """A sales case written up from this won bid, prefilled."""
        self.ensure_one()
        if self.state != 'won':
            raise UserError(_('Only a won bid can be written up as a sales case.'))
        return self.env['sales_mis.sales.case']._prefilled_action(lead=self.lead_id, bid=self)

    # ------------------------------------------------------------ reminders

    @api.model
    def _cron_deadline_reminders(self, batch=500):
        """A to-do for the owner of each open bid whose deadline is close (once per deadline), at
        most `batch` bids per run: the next run takes the rest."""
        days = int(self.env['ir.config_parameter'].sudo().get_param('sales_mis_knowledge.bid_reminder_days',
                                                                     bid_rules.REMINDER_DAYS))
        start, end = bid_rules.reminder_window(datetime.datetime.utcnow(), days)
        bids = self.sudo().search([('state', 'in', bid_rules.OPEN_STATES), ('reminder_sent_on', '=', False),
                                   ('deadline', '>=', fields.Datetime.to_string(start)),
                                   ('deadline', '<=', fields.Datetime.to_string(end))], order='deadline', limit=batch)
        if not bids:
            return 0
        activity_type = self.env.ref('mail.mail_activity_data_todo', raise_if_not_found=False)
        model_id = self.env['ir.model']._get_id(self._name)
        activities = self.env['mail.activity'].sudo()
        for bid in bids:
            activities.create({
                'res_model_id': model_id, 'res_id': bid.id, 'user_id': bid.user_id.id,
                'activity_type_id': activity_type.id if activity_type else False,
                'date_deadline': user_date(bid.user_id.with_context(tz=bid.user_id.tz), bid.deadline),
                'summary': _('Bid deadline %s: %s') % (bid.deadline, bid.name)})
        bids._workflow_consequence({'reminder_sent_on': fields.Datetime.now()})
        return len(bids)
