# -*- coding: utf-8 -*-
"""When a quotation needs a manager's approval (D4 订单审核), set per company."""
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = 'res.company'

    sales_mis_approval_amount = fields.Monetary(
        string='Approval Above Order Total', currency_field='currency_id',
        help='Quotations whose total (tax included, in company currency) exceeds this need a '
             'manager\'s approval before confirmation. 0 switches the check off.')
    sales_mis_approval_discount = fields.Float(
        string='Approval Above Discount (%)',
        help='Quotations with a line discount above this percentage need approval. 0 switches the check off.')
    sales_mis_approval_credit = fields.Boolean(
        string='Approval Over Credit Limit', default=True,
        help='Quotations that would take the customer\'s open receivables over their credit limit '
             'need approval (customers without a credit limit are not checked).')
    sales_mis_approval_overdue = fields.Boolean(
        string='Approval With Overdue Debt', default=True,
        help='Quotations for customers with invoices past their due date need approval.')
