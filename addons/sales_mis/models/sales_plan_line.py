# -*- coding: utf-8 -*-
"""Plan lines 指标分配: the tree a plan's target is split into (teams, salespeople,
months, product categories).  A line that has children must equal their sum.

Lines follow their plan through the workflow mechanism (models/workflow_mixin.py): they change,
appear and disappear only while the plan is a draft, whatever the caller's context."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

from ..workflow_logic.rules import WorkflowSpec
from .sales_plan import FROZEN_STATES


class SalesPlanLine(models.Model):
    _name = 'sales_mis.plan.line'
    _inherit = ['sales_mis.workflow.mixin']
    _description = 'Sales Plan Line'
    _workflow = WorkflowSpec(parent_field='plan_id', frozen_states=FROZEN_STATES, deletable_states=('draft',))
    # creation order is tree order (a split creates children after their parent); no nested
    # set (_parent_store): it rewrites every line of the table on each insert
    _order = 'plan_id, id'

    plan_id = fields.Many2one('sales_mis.plan', required=True, ondelete='cascade', index=True)
    company_id = fields.Many2one(related='plan_id.company_id', store=True, readonly=True)
    currency_id = fields.Many2one(related='plan_id.currency_id', readonly=True)
    plan_state = fields.Selection(related='plan_id.state', readonly=True, store=True, string='Plan Status')
    parent_id = fields.Many2one('sales_mis.plan.line', string='Split From', ondelete='cascade', index=True)
    child_ids = fields.One2many('sales_mis.plan.line', 'parent_id', string='Split Into')
    name = fields.Char(compute='_compute_name', store=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True)
    user_id = fields.Many2one('res.users', string='Salesperson', index=True)
    categ_id = fields.Many2one('product.category', string='Product Category')
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    target_amount = fields.Monetary(string='Target', currency_field='currency_id', required=True)
    target_qty = fields.Float(string='Target Quantity')
    is_leaf = fields.Boolean(compute='_compute_is_leaf', store=True)

    @api.depends('team_id', 'user_id', 'categ_id', 'date_from', 'date_to', 'plan_id.period_type')
    def _compute_name(self):
        for line in self:
            parts = [line.team_id.name, line.user_id.name, line.categ_id.name]
            if line.date_from and line.date_to and line.date_from[:7] == line.date_to[:7]:
                parts.append(line.date_from[:7])
            line.name = ' / '.join(p for p in parts if p) or line.plan_id.name

    @api.depends('child_ids')
    def _compute_is_leaf(self):
        for line in self:
            line.is_leaf = not line.child_ids

    @api.constrains('target_amount', 'target_qty')
    def _check_not_negative(self):
        if self.filtered(lambda l: l.target_amount < 0 or l.target_qty < 0):
            raise ValidationError(_('A target cannot be negative.'))

    @api.constrains('date_from', 'date_to', 'parent_id')
    def _check_dates(self):
        for line in self:
            if line.date_from > line.date_to:
                raise ValidationError(_('Line "%s" ends before it starts.') % line.name)
            parent = line.parent_id or line.plan_id
            if line.date_from < parent.date_from or line.date_to > parent.date_to:
                raise ValidationError(_('Line "%s" lies outside the period of what it was split from.')
                                      % line.name)

    def _check_children_sum(self):
        """Rejects a tree whose children do not add up to their parent."""
        for line in self.filtered('child_ids'):
            digits = line.currency_id.decimal_places
            total = sum(line.child_ids.mapped('target_amount'))
            if float_compare(total, line.target_amount, precision_digits=digits):
                raise ValidationError(_(
                    'The lines split from "%s" add up to %.*f but its target is %.*f. '
                    'Split it again or correct the lines.')
                    % (line.name, digits, total, digits, line.target_amount))

    @api.multi
    def write(self, values):
        result = super(SalesPlanLine, self).write(values)
        if 'target_amount' in values:
            # an edited child must keep the tree consistent: reject, the user re-splits (a split
            # creates its children and checks their sum once, see models/plan_line_split.py)
            (self.mapped('parent_id') | self.filtered('child_ids'))._check_children_sum()
        return result

    @api.multi
    def action_split(self):
        self.ensure_one()
        action = self.env.ref('sales_mis.action_plan_split').read()[0]
        action['context'] = {'default_line_id': self.id}
        return action

    def _copy_tree(self, plan, parent):
        """Copy this line and its descendants into `plan` (re-planning)."""
        for line in self:
            copy = line.copy({'plan_id': plan.id, 'parent_id': parent and parent.id})
            line.child_ids._copy_tree(plan, copy)
