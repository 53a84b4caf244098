# -*- coding: utf-8 -*-
"""The next activity deadline of a bid, not stored, like the other Sales MIS documents
(sales_mis/models/activity_deadline.py): Odoo 11's stored one makes every activity created
anywhere search the bids for records to recompute."""
from odoo import models

from odoo.addons.sales_mis.models.activity_deadline import _deadline_field


class BidActivityDeadline(models.Model):
    _name = 'sales_mis.bid'
    _inherit = ['sales_mis.bid', 'sales_mis.activity.deadline']

    activity_date_deadline = _deadline_field()
