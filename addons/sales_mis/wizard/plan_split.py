# -*- coding: utf-8 -*-
"""Target decomposition wizard 目标分解 (A2): the form of the plan split service
(models/plan_line_split.py).  Its onchanges fill the choices and the custom weight
rows from the service; its button hands the choices to the service.  A new split
method is a `_weights_<method>` hook on sales_mis.plan.line plus a `selection_add`
on `method` here."""
from odoo import api, fields, models

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
        if not line:
            return
        if self.dimension == 'team' and not self.team_ids:
            self.team_ids = line._split_choices('team')
        if self.dimension == 'salesperson' and not self.user_ids and line.team_id:
            self.user_ids = line._split_choices('salesperson')

    @api.onchange('method', 'dimension', 'team_ids', 'user_ids', 'categ_ids')
    def _onchange_method(self):
        if self.method == 'custom' and self.line_id and self.dimension:
            self.weight_ids = [(5, 0, 0)] + [(0, 0, {'label': label, 'key': str(key), 'weight': 1.0})
                                             for key, label in self._keys()]

    def _chosen(self):
        """The records the user chose to split into (None for months)."""
        field = {'team': 'team_ids', 'salesperson': 'user_ids', 'category': 'categ_ids'}.get(self.dimension)
        return self[field] if field else None

    def _keys(self):
        """[(key, label)] of the children, from the service."""
        return self.line_id._split_keys(self.dimension, self._chosen())

    @api.multi
    def action_split(self):
        self.ensure_one()
        self.line_id._split_by(self.dimension, self.method, self._chosen(),
                               custom={w.key: w.weight for w in self.weight_ids})
        # closing the dialog reloads the plan form underneath (no second breadcrumb)
        return {'type': 'ir.actions.act_window_close'}


class PlanSplitWeight(models.TransientModel):
    _name = 'sales_mis.plan.split.weight'
    _description = 'Custom Split Weight'

    wizard_id = fields.Many2one('sales_mis.plan.split', required=True, ondelete='cascade')
    key = fields.Char(required=True)
    label = fields.Char(string='Split Into', readonly=True)
    weight = fields.Float(required=True, default=1.0)
