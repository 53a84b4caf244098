# -*- coding: utf-8 -*-
"""Sales cases 销售案例 (M1): a won deal written up (background, solution, result, lessons) and
linked to its products, industry and the competitors met, for colleagues to learn from.

Written by the salesperson (from a won opportunity or bid, prefilled), reviewed by the manager
of their team or a director, who publishes it; nobody publishes their own. A published case is
read by every salesperson of the company (record rules) and is frozen; the workflow mechanism
of sales_mis guards the status."""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.sales_mis.workflow_logic.rules import Transition, WorkflowSpec

from ..knowledge_logic import roles, search_terms

CASE_STATES = [('draft', 'Draft'), ('submitted', 'In Review'), ('published', 'Published')]

CASE_WORKFLOW = WorkflowSpec(
    protected={'state', 'reviewer_id', 'published_date'},
    frozen_states=('submitted', 'published'),
    deletable_states=('draft',),
    transitions=[
        Transition('action_submit', ('draft',), 'submitted', 'the author, the manager leading its team, or a director'),
        Transition('action_publish', ('submitted',), 'published',
                   'the manager leading its team or a director, never the author'),
        Transition('action_send_back', ('submitted', 'published'), 'draft',
                   'the manager leading its team or a director; the author while in review'),
    ])


class SalesCase(models.Model):
    _name = 'sales_mis.sales.case'
    _description = 'Sales Case'
    _inherit = ['sales_mis.workflow.mixin', 'sales_mis.knowledge.searchable', 'mail.thread']
    _order = 'published_date desc, id desc'
    _workflow = CASE_WORKFLOW

    name = fields.Char(string='Title', required=True, track_visibility='onchange')
    lead_id = fields.Many2one('crm.lead', string='Won Opportunity', index=True, ondelete='set null')
    bid_id = fields.Many2one('sales_mis.bid', string='Won Bid', index=True, ondelete='set null')
    partner_id = fields.Many2one('res.partner', string='Customer', index=True, track_visibility='onchange')
    industry_id = fields.Many2one('res.partner.industry', string='Industry', index=True, track_visibility='onchange')
    product_tmpl_ids = fields.Many2many('product.template', string='Products')
    competitor_ids = fields.Many2many('sales_mis.competitor', string='Competitors Met')
    user_id = fields.Many2one('res.users', string='Author', required=True, index=True,
                              default=lambda self: self.env.user, track_visibility='onchange')
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True,
                              default=lambda self: self.env.user.sale_team_id)
    company_id = fields.Many2one('res.company', string='Company', required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one('res.currency', string='Currency', required=True,
                                  default=lambda self: self.env.user.company_id.currency_id)
    amount = fields.Monetary(string='Deal Value')
    date_won = fields.Date(string='Won On')
    background = fields.Text(string='Background and Need')
    solution = fields.Text(string='Our Solution')
    result = fields.Text(string='Result')
    lessons = fields.Text(string='Lessons')
    state = fields.Selection(CASE_STATES, string='Status', required=True, default='draft', readonly=True, copy=False,
                             index=True, track_visibility='onchange')
    reviewer_id = fields.Many2one('res.users', string='Reviewed By', readonly=True, copy=False,
                                  track_visibility='onchange')
    published_date = fields.Date(string='Published On', readonly=True, copy=False)

    @api.depends('name', 'background', 'solution', 'result', 'lessons', 'partner_id.name', 'industry_id.name',
                 'product_tmpl_ids.name', 'competitor_ids.name')
    def _compute_search_text(self):
        # linked names are read as the system, like Odoo's related fields: the text is only
        # readable with the record itself
        for case, data in zip(self, self.sudo()):
            case.search_text = search_terms.search_text(
                [data.name, data.partner_id.name, data.industry_id.name, data.background, data.solution,
                 data.result, data.lessons] + data.product_tmpl_ids.mapped('name')
                + data.competitor_ids.mapped('name'))

    @api.onchange('user_id')
    def _onchange_user_id(self):
        if self.user_id.sale_team_id:
            self.team_id = self.user_id.sale_team_id

    # ------------------------------------------------------------ prefilled from a won deal

    @api.model
    def _prefilled_action(self, lead=None, bid=None):
        """The form of a new case with what the won opportunity and bid already say."""
        lead = lead or (bid.lead_id if bid else self.env['crm.lead'])
        partner = (bid.partner_id if bid else lead.partner_id).commercial_partner_id
        products = self.env['product.template']
        if lead and 'order_ids' in lead._fields:
            orders = lead.order_ids.filtered(lambda order: order.state in ('sale', 'done'))
            products = orders.mapped('order_line.product_id.product_tmpl_id')
        competitors = lead.mapped('sales_mis_competitor_line_ids.competitor_id') if lead else self.env[
            'sales_mis.competitor']
        if bid:
            competitors |= bid.competitor_line_ids.mapped('competitor_id')
        defaults = {
            'default_name': bid.name if bid else lead.name,
            'default_lead_id': lead.id or False,
            'default_bid_id': bid.id if bid else False,
            'default_partner_id': partner.id or False,
            'default_industry_id': partner.industry_id.id or False,
            'default_product_tmpl_ids': [(6, 0, products.ids)],
            'default_competitor_ids': [(6, 0, competitors.ids)],
            'default_amount': bid.amount if bid else lead.planned_revenue,
            'default_currency_id': (bid or lead.company_id or self.env.user.company_id).currency_id.id,
            'default_date_won': bid.result_date if bid else (lead.date_closed or '')[:10] or False,
            'default_team_id': (bid or lead).team_id.id or self.env.user.sale_team_id.id,
        }
        return {'type': 'ir.actions.act_window', 'name': _('New Sales Case'), 'res_model': self._name,
                'view_mode': 'form', 'target': 'current', 'context': defaults}

    # ------------------------------------------------------------ transitions

    def _caller_facts(self):
        user = self.env.user
        return user.has_group('sales_mis.group_manager'), user.has_group('sales_mis.group_director')

    def _check_state(self, allowed_from, target):
        labels = dict(self._fields['state']._description_selection(self.env))
        for case in self:
            if case.state not in allowed_from:
                raise UserError(_('Sales case %s is %s; it cannot go to %s from there.')
                                % (case.name, labels[case.state], labels[target]))

    @api.multi
    def action_submit(self):
        self._check_state(('draft',), 'submitted')
        if self.env.uid != SUPERUSER_ID:
            is_manager, is_director = self._caller_facts()
            for case in self:
                if not roles.may_act(self.env.uid, case.user_id.id, case.sudo().team_id.user_id.id, is_manager,
                                     is_director):
                    raise AccessError(_('Only the author of sales case %s, the manager of its team or a director '
                                        'can submit it.') % case.name)
        for case in self:
            if not (case.solution or '').strip() or not (case.result or '').strip():
                raise UserError(_('Describe the solution and the result of sales case %s before submitting it.')
                                % case.name)
        return self._workflow_transition({'state': 'submitted'})

    @api.multi
    def action_publish(self):
        self._check_state(('submitted',), 'published')
        if self.env.uid != SUPERUSER_ID:
            is_manager, is_director = self._caller_facts()
            for case in self:
                if not roles.may_review(self.env.uid, case.user_id.id, case.sudo().team_id.user_id.id, is_manager,
                                        is_director):
                    raise AccessError(_('Sales case %s is published by the manager of its team or a director, '
                                        'and never by its author.') % case.name)
        return self._workflow_transition({'state': 'published', 'reviewer_id': self.env.uid,
                                          'published_date': fields.Date.context_today(self)})

    @api.multi
    def action_send_back(self):
        self._check_state(('submitted', 'published'), 'draft')
        if self.env.uid != SUPERUSER_ID:
            is_manager, is_director = self._caller_facts()
            for case in self:
                reviewer = roles.may_review(self.env.uid, case.user_id.id, case.sudo().team_id.user_id.id,
                                            is_manager, is_director)
                author_withdraws = case.state == 'submitted' and case.user_id.id == self.env.uid
                if not (reviewer or author_withdraws):
                    raise AccessError(_('Sales case %s goes back to draft by its reviewer (or its author while '
                                        'in review).') % case.name)
        # published cases are readable by everyone: send back only what the caller may write
        return self._workflow_transition({'state': 'draft', 'reviewer_id': False, 'published_date': False})
