# -*- coding: utf-8 -*-
"""Lots and serial numbers: a vehicle's serial number is its VIN (checked), with its colour and
engine number; the trace of the lot (its done moves)."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..inventory_logic.vin import normalise, vin_problem


class ProductionLot(models.Model):
    _inherit = 'stock.production.lot'

    sales_mis_is_vehicle = fields.Boolean(related='product_id.product_tmpl_id.sales_mis_is_vehicle',
                                          string='Vehicle', readonly=True)
    sales_mis_vehicle_model = fields.Char(related='product_id.product_tmpl_id.sales_mis_vehicle_model',
                                          string='Vehicle Model', readonly=True)
    sales_mis_vehicle_color = fields.Char(string='Colour', track_visibility='onchange')
    sales_mis_engine_number = fields.Char(string='Engine Number', index=True, track_visibility='onchange')
    sales_mis_trace_ids = fields.One2many('sales_mis_inventory.lot.trace', 'lot_id', string='Traceability',
                                          readonly=True)

    @api.model
    def create(self, values):
        return super(ProductionLot, self).create(self._normalised_vin(values))

    @api.multi
    def write(self, values):
        return super(ProductionLot, self).write(self._normalised_vin(values))

    @api.model
    def _normalised_vin(self, values):
        """A VIN is stored without spaces, in capitals (so a search finds it however it was typed)."""
        product = self.env['product.product'].browse(values.get('product_id')) if values.get('product_id') else None
        vehicle = product.sales_mis_is_vehicle if product else any(self.mapped('sales_mis_is_vehicle'))
        if vehicle and values.get('name'):
            values = dict(values, name=normalise(values['name']))
        return values

    @api.constrains('name', 'product_id')
    def _check_vin(self):
        for lot in self.filtered('sales_mis_is_vehicle'):
            problem = vin_problem(lot.name)
            if not problem:
                continue
            kind, detail = problem
            if kind == 'length':
                why = _('a VIN has 17 characters, this one has %d') % detail
            elif kind == 'characters':
                why = _('a VIN has digits and capital letters except I, O and Q, not %s') % detail
            else:
                why = _('its check digit (9th character) is %s, it should be %s') % detail
            raise ValidationError(_('%s is not a valid VIN for vehicle %s: %s.') % (lot.name, lot.product_id.display_name, why))
