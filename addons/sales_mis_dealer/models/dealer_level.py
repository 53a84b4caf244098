# -*- coding: utf-8 -*-
"""Dealer levels 经销商级别: each level has its pricelist (the prices a dealer of that level
orders at) and the stock cover thresholds of its low-stock and overstock alerts."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class DealerLevel(models.Model):
    _name = 'sales_mis_dealer.level'
    _description = 'Dealer Level'
    _order = 'sequence, id'

    name = fields.Char(string='Level', required=True, translate=True)
    code = fields.Char(string='Code')
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company', string='Company', index=True,
                                 default=lambda self: self.env.user.company_id)
    pricelist_id = fields.Many2one('product.pricelist', string='Pricelist',
                                   help='Dealers of this level order at these prices (portal order requests and '
                                        'the quotations made for them).')
    low_cover_days = fields.Integer(string='Low Stock Below (days)', default=15, required=True,
                                    help='Stock lasting fewer days than this at the reported selling pace raises a '
                                         'low-stock alert to the dealer\'s owner.')
    high_cover_days = fields.Integer(string='Overstock Above (days)', default=90, required=True,
                                     help='Stock lasting more days than this (or not selling at all) raises an '
                                          'overstock alert.')
    dealer_count = fields.Integer(string='Dealers', compute='_compute_dealer_count')

    _sql_constraints = [('name_company_uniq', 'unique(name, company_id)', 'A level name is used once per company.')]

    @api.constrains('low_cover_days', 'high_cover_days')
    def _check_cover_days(self):
        for level in self:
            if level.low_cover_days < 0 or level.high_cover_days <= level.low_cover_days:
                raise ValidationError(_('Level %s: the overstock threshold must be above the low-stock threshold, '
                                        'both at least 0 days.') % level.name)

    def _compute_dealer_count(self):
        groups = self.env['res.partner'].read_group([('dealer_level_id', 'in', self.ids), ('is_dealer', '=', True)],
                                                    ['dealer_level_id'], ['dealer_level_id'])
        counts = {group['dealer_level_id'][0]: group['dealer_level_id_count'] for group in groups}
        for level in self:
            level.dealer_count = counts.get(level.id, 0)
