# -*- coding: utf-8 -*-
"""Target decomposition wizard 目标分解 (A2): split a plan line into children
by sales team, salesperson, month or product category.

Weights come from `_weights_<method>(keys)`; the numbers are split by the pure
`planning.decompose.split_amount` (exact sums, deterministic residue).

Extension hook for other modules (the forecast addon uses it): add a value to
`method` with `selection_add` and define `_weights_<value>(self, keys)`
returning one weight per key (None = no basis for that key; it then gets the
documented fallback of `split_amount`)."""
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..planning.decompose import equal_weights, split_amount, weights_from_history

DIMENSIONS = [('team', 'Sales Teams'), ('salesperson', 'Salespeople'), ('month', 'Months'),
              ('category', 'Product Categories')]
METHODS = [('equal', 'Equal shares'), ('last_year', "Last year's actual shares"),
           ('custom', 'Custom weights')]


class PlanSplit(models.TransientModel):
    _name = 'sales_mis.plan.split'
    _description = 'Split a Sales Target'

    line_id = fields.Many2one('sales_mis.plan.line', required=True, string='Line to Split', ondelete='cascade')
    currency_id = fields.Many2one(related='line_id.currency_id', readonly=True)
    target_amount = fields.Monetary(related='line_id.target_amount', readonly=True)
    dimension = fields.Selection(DIMENSIONS, required=True, default='team')
    method = fields.Selection(METHODS, required=True, default='equal')
    team_ids = fields.Many2many('crm.team', string='Sales Teams')
    user_ids = fields.Many2many('res.users', string='Salespeople')
    categ_ids = fields.Many2many('product.category', string='Product Categories')
    weight_ids = fields.One2many('sales_mis.plan.split.weight', 'wizard_id', string='Weights')

    @api.onchange('dimension', 'line_id')
    def _onchange_dimension(self):
        line = self.line_id
        if self.dimension == 'team' and not self.team_ids:
            self.team_ids = self.env['crm.team'].search([('company_id', 'in', (line.company_id.id, False))])
        if self.dimension == 'salesperson' and not self.user_ids and line.team_id:
            self.user_ids = line.team_id.member_ids

    @api.onchange('method', 'dimension', 'team_ids', 'user_ids', 'categ_ids')
    def _onchange_method(self):
        if self.method == 'custom':
            keys = self._keys()
            self.weight_ids = [(5, 0, 0)] + [(0, 0, {'label': label, 'key': str(key), 'weight': 1.0})
                                             for key, label in keys]

    # --- the children to create -------------------------------------------------------

    def _keys(self):
        """[(key, label)] of the children, in a stable order."""
        line = self.line_id
        if self.dimension == 'team':
            return [(t.id, t.name) for t in self.team_ids.sorted('id')]
        if self.dimension == 'salesperson':
            return [(u.id, u.name) for u in self.user_ids.sorted('id')]
        if self.dimension == 'category':
            return [(c.id, c.display_name) for c in self.categ_ids.sorted('id')]
        start = fields.Date.from_string(line.date_from).replace(day=1)
        end = fields.Date.from_string(line.date_to)
        months = []
        while start <= end:
            months.append((start, start.strftime('%Y-%m')))
            start += relativedelta(months=1)
        return months

    def _child_values(self, key, amount):
        line = self.line_id
        values = {'plan_id': line.plan_id.id, 'parent_id': line.id, 'team_id': line.team_id.id,
                  'user_id': line.user_id.id, 'categ_id': line.categ_id.id,
                  'date_from': line.date_from, 'date_to': line.date_to, 'target_amount': amount}
        if self.dimension == 'team':
            values['team_id'] = key
        elif self.dimension == 'salesperson':
            values['user_id'] = key
            if not line.team_id:
                values['team_id'] = self.env['res.users'].browse(key).sale_team_id.id
        elif self.dimension == 'category':
            values['categ_id'] = key
        else:
            last = key + relativedelta(months=1, days=-1)
            values['date_from'] = fields.Date.to_string(max(key, fields.Date.from_string(line.date_from)))
            values['date_to'] = fields.Date.to_string(min(last, fields.Date.from_string(line.date_to)))
        return values

    # --- weights: one method per way of splitting (the documented hook) ----------------

    def _weights_equal(self, keys):
        return equal_weights(len(keys))

    def _weights_custom(self, keys):
        by_key = {w.key: w.weight for w in self.weight_ids}
        return [by_key.get(str(key), 0.0) for key, _label in keys]

    def _weights_last_year(self, keys):
        history = self.env['sales_mis.actual']._history_by(self.line_id, self.dimension)
        if self.dimension == 'month' and history:
            # a month that sold nothing last year is seasonality, not a newcomer: weight 0
            return [history.get(key, 0.0) for key, _label in keys]
        return weights_from_history(history, [key for key, _label in keys])

    @api.multi
    def action_split(self):
        self.ensure_one()
        line = self.line_id
        keys = self._keys()
        if not keys:
            raise UserError(_('Choose what to split "%s" into.') % line.name)
        weights = getattr(self, '_weights_%s' % self.method)(keys)
        try:
            amounts = split_amount(line.target_amount, weights, line.currency_id.decimal_places)
        except ValueError as error:
            raise UserError(_('Cannot split "%s": %s') % (line.name, error))
        Lines = self.env['sales_mis.plan.line']
        line.child_ids.unlink()  # a new split replaces the previous one
        for (key, _label), amount in zip(keys, amounts):  # Odoo 11 creates one record per call
            Lines.create(self._child_values(key, float(amount)))
        line._check_children_sum()
        # closing the dialog reloads the plan form underneath (no second breadcrumb)
        return {'type': 'ir.actions.act_window_close'}


class PlanSplitWeight(models.TransientModel):
    _name = 'sales_mis.plan.split.weight'
    _description = 'Custom Split Weight'

    wizard_id = fields.Many2one('sales_mis.plan.split', required=True, ondelete='cascade')
    key = fields.Char(required=True)
    label = fields.Char(string='Split Into', readonly=True)
    weight = fields.Float(required=True, default=1.0)
