# -*- coding: utf-8 -*-
"""Commission schemes 提成方案 (E3): tiers on the period's total completion (a
multiplier) and a commission rate per product category."""
from decimal import Decimal

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..planning.commission import Tier


def _dec(value):
    return Decimal(repr(value or 0.0))


class CommissionScheme(models.Model):
    _name = 'sales_mis.commission.scheme'
    _description = 'Commission Scheme'

    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    default_rate = fields.Float(string='Default Rate (%)', required=True, default=2.0, digits=(16, 4),
                                help='Commission rate of the categories without their own rate.')
    tier_ids = fields.One2many('sales_mis.commission.tier', 'scheme_id', string='Completion Tiers', copy=True)
    rate_ids = fields.One2many('sales_mis.commission.rate', 'scheme_id', string='Category Rates', copy=True)
    active = fields.Boolean(default=True)

    @api.constrains('default_rate')
    def _check_rate(self):
        if self.filtered(lambda s: s.default_rate < 0):
            raise ValidationError(_('A commission rate cannot be negative.'))

    def _tiers(self):
        return [Tier(_dec(t.min_completion), _dec(t.multiplier)) for t in self.tier_ids]

    def _category_rates(self):
        return {r.categ_id.id: _dec(r.rate) / 100 for r in self.rate_ids}


class CommissionTier(models.Model):
    _name = 'sales_mis.commission.tier'
    _description = 'Commission Tier'
    _order = 'min_completion'

    scheme_id = fields.Many2one('sales_mis.commission.scheme', required=True, ondelete='cascade')
    min_completion = fields.Float(string='From Completion (%)', required=True)
    multiplier = fields.Float(required=True, default=1.0, help='Applied to every line once the period '
                                                               'completion reaches this tier.')

    _sql_constraints = [
        ('tier_uniq', 'unique (scheme_id, min_completion)', 'Two tiers cannot start at the same completion.'),
        ('multiplier_positive', 'CHECK (multiplier >= 0)', 'A tier multiplier cannot be negative.'),
    ]


class CommissionRate(models.Model):
    _name = 'sales_mis.commission.rate'
    _description = 'Commission Rate per Product Category'

    scheme_id = fields.Many2one('sales_mis.commission.scheme', required=True, ondelete='cascade')
    categ_id = fields.Many2one('product.category', string='Product Category', required=True)
    rate = fields.Float(string='Rate (%)', required=True, digits=(16, 4))

    _sql_constraints = [
        ('categ_uniq', 'unique (scheme_id, categ_id)', 'One rate per product category.'),
        ('rate_positive', 'CHECK (rate >= 0)', 'A commission rate cannot be negative.'),
    ]
