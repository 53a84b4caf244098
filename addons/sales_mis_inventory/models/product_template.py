# -*- coding: utf-8 -*-
"""Vehicles and agency services on products: a vehicle is tracked by serial number (its VIN) and
has a model; registration (上牌) and insurance (保险) handled for the customer are service
products sold on the same order as the vehicle."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

AGENCY_SERVICES = [('registration', 'Registration'), ('insurance', 'Insurance'), ('other', 'Other Agency Service')]


class ProductTemplate(models.Model):
    _inherit = 'product.template'

    sales_mis_is_vehicle = fields.Boolean(
        string='Vehicle', track_visibility='onchange',
        help='Sold by VIN: tracked by serial number, the serial number is the VIN (checked).')
    sales_mis_vehicle_model = fields.Char(string='Vehicle Model', track_visibility='onchange')
    sales_mis_agency_service = fields.Selection(
        AGENCY_SERVICES, string='Agency Service', track_visibility='onchange',
        help='A service done for the customer of a vehicle (registration, insurance), sold as a line of its order.')

    @api.constrains('sales_mis_is_vehicle', 'tracking', 'type')
    def _check_vehicle_tracking(self):
        for template in self:
            if template.sales_mis_is_vehicle and (template.tracking != 'serial' or template.type != 'product'):
                raise ValidationError(_('Vehicle %s must be a stockable product tracked by serial number '
                                        '(the VIN).') % template.name)

    @api.constrains('sales_mis_agency_service', 'type')
    def _check_agency_service(self):
        for template in self:
            if template.sales_mis_agency_service and template.type != 'service':
                raise ValidationError(_('Agency service %s must be a service product.') % template.name)
