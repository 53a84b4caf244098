# -*- coding: utf-8 -*-
"""The Settings screen's fields of Sales MIS, all stored per company (res.company fields in
res_company.py, res_company_approval.py and crm_lead_followup.py)."""
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    # what counts as a sales actual (res_company.py)
    sales_mis_actual_basis = fields.Selection(
        related='company_id.sales_mis_actual_basis', string='Sales Actuals Basis')

    # when a quotation needs a manager's approval (res_company_approval.py)
    sales_mis_approval_amount = fields.Monetary(
        related='company_id.sales_mis_approval_amount', currency_field='company_currency_id',
        string='Approval Above Order Total')
    sales_mis_approval_discount = fields.Float(
        related='company_id.sales_mis_approval_discount', string='Approval Above Discount (%)')
    sales_mis_approval_credit = fields.Boolean(
        related='company_id.sales_mis_approval_credit', string='Approval Over Credit Limit')
    sales_mis_approval_overdue = fields.Boolean(
        related='company_id.sales_mis_approval_overdue', string='Approval With Overdue Debt')

    # lead follow-up (crm_lead_followup.py)
    followup_stale_days = fields.Integer(related='company_id.followup_stale_days', string='Stale after (days)')
