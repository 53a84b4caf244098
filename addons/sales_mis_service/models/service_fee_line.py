# -*- coding: utf-8 -*-
"""Service fees 服务费用 of a request, settled through a customer invoice (服务费用结算).

Lines follow their request's workflow: a closed or cancelled request takes no new fee and its
fees no longer change; an invoiced fee is fixed (its invoice line is the record of it)."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.sales_mis.workflow_logic.rules import WorkflowSpec

FEE_WORKFLOW = WorkflowSpec(parent_field='request_id', protected={'invoice_line_id'},
                            frozen_states=('closed', 'cancel'))


class ServiceFeeLine(models.Model):
    _name = 'sales_mis_service.fee.line'
    _description = 'Service Fee'
    _inherit = ['sales_mis.workflow.mixin']
    _order = 'request_id, sequence, id'
    _workflow = FEE_WORKFLOW

    request_id = fields.Many2one('sales_mis_service.request', string='Request', required=True, index=True,
                                 ondelete='cascade')
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one('product.product', string='Service', required=True,
                                 domain=[('sale_ok', '=', True)])
    name = fields.Char(string='Description', required=True)
    quantity = fields.Float(default=1.0, required=True)
    price_unit = fields.Float(string='Unit Price', required=True, digits=(16, 2))
    company_id = fields.Many2one('res.company', related='request_id.company_id', store=True, readonly=True)
    currency_id = fields.Many2one('res.currency', related='request_id.currency_id', readonly=True)
    subtotal = fields.Monetary(compute='_compute_subtotal', store=True)
    invoice_line_id = fields.Many2one('account.invoice.line', string='Invoice Line', readonly=True, copy=False)

    @api.depends('quantity', 'price_unit')
    def _compute_subtotal(self):
        for line in self:
            line.subtotal = line.quantity * line.price_unit

    @api.constrains('quantity', 'price_unit')
    def _check_amounts(self):
        # as the system: a line the caller may not read is refused by the access check, clearly
        for line in self.sudo():
            if line.quantity <= 0:
                raise ValidationError(_('The quantity of a service fee must be positive (%s).') % line.name)
            if line.price_unit < 0:
                raise ValidationError(_('The unit price of a service fee cannot be negative (%s).') % line.name)

    @api.onchange('product_id')
    def _onchange_product_id(self):
        if self.product_id:
            self.name = self.product_id.display_name
            self.price_unit = self.product_id.lst_price

    @api.multi
    def write(self, values):
        self._check_not_invoiced()
        return super(ServiceFeeLine, self).write(values)

    @api.multi
    def unlink(self):
        self._check_not_invoiced()
        return super(ServiceFeeLine, self).unlink()

    def _check_not_invoiced(self):
        if not self._workflow_guarded():
            return
        invoiced = self.sudo().filtered('invoice_line_id')
        if invoiced:
            raise UserError(_('The fee %s is invoiced: change the invoice instead.') % invoiced[0].name)

    def _invoice_line_values(self):
        product = self.product_id.with_context(force_company=self.company_id.id)
        account = product.property_account_income_id or product.categ_id.property_account_income_categ_id
        if not account:
            raise UserError(_('Set an income account on the service product %s or its category before '
                              'invoicing.') % product.display_name)
        taxes = product.taxes_id.filtered(lambda tax: tax.company_id == self.company_id)
        fiscal_position = self.request_id.commercial_partner_id.property_account_position_id
        if fiscal_position:
            account = fiscal_position.map_account(account)
            taxes = fiscal_position.map_tax(taxes)
        return {'product_id': product.id, 'name': self.name, 'quantity': self.quantity,
                'price_unit': self.price_unit, 'account_id': account.id, 'uom_id': product.uom_id.id,
                'invoice_line_tax_ids': [(6, 0, taxes.ids)]}
