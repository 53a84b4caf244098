# -*- coding: utf-8 -*-
"""The next activity deadline of the Sales MIS documents, not stored (as in Odoo 12).

Odoo 11's mail.activity.mixin stores `activity_date_deadline`, so every activity created,
on any record, searches each model with activities for records to recompute: two queries per
model. For the four Sales MIS documents (plans, contracts, daily reports, visits) nothing
orders or groups by it; it is computed on read and searched through the activities, with the
same meaning as the stored value: the earliest deadline of the record's activities."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

#: comparisons of a date with the earliest deadline, as SQL
SQL_OPERATORS = {'=': '=', '!=': '=', '<': '<', '<=': '<=', '>': '>', '>=': '>='}


def _deadline_field():
    # related=None: the mixin's field is related to the activities' deadline; this one is computed
    return fields.Date('Next Activity Deadline', related=None, store=False, readonly=True, compute_sudo=True,
                       compute='_compute_activity_date_deadline', search='_search_activity_date_deadline',
                       groups='base.group_user')


class ActivityDeadline(models.AbstractModel):
    """The compute and search; each model declares the field in its own class below, which
    overrides the mixin's stored one (a field of an _inherit'ed parent would not)."""
    _name = 'sales_mis.activity.deadline'
    _description = 'Next Activity Deadline, Not Stored'

    @api.depends('activity_ids.date_deadline')
    def _compute_activity_date_deadline(self):
        for record in self:
            # activities are ordered by deadline: the first is the earliest
            record.activity_date_deadline = record.activity_ids[:1].date_deadline

    def _search_activity_date_deadline(self, operator, value):
        if operator in ('=', '!=') and not value:
            return [('activity_ids', operator, False)]
        if operator not in SQL_OPERATORS:
            raise UserError(_('The next activity deadline cannot be searched with %s.') % operator)
        self.env.cr.execute("""
            SELECT res_id FROM mail_activity WHERE res_model = %s
             GROUP BY res_id HAVING min(date_deadline) {op} %s""".format(op=SQL_OPERATORS[operator]),
                            (self._name, value))
        ids = [row[0] for row in self.env.cr.fetchall()]
        # != keeps the records without activity, as a stored column compared with != would
        return [('id', 'not in' if operator == '!=' else 'in', ids)]


class SalesPlan(models.Model):
    _name = 'sales_mis.plan'
    _inherit = ['sales_mis.plan', 'sales_mis.activity.deadline']

    activity_date_deadline = _deadline_field()


class SalesContract(models.Model):
    _name = 'sales_mis.contract'
    _inherit = ['sales_mis.contract', 'sales_mis.activity.deadline']

    activity_date_deadline = _deadline_field()


class DailyReport(models.Model):
    _name = 'sales_mis.daily.report'
    _inherit = ['sales_mis.daily.report', 'sales_mis.activity.deadline']

    activity_date_deadline = _deadline_field()


class Visit(models.Model):
    _name = 'sales_mis.visit'
    _inherit = ['sales_mis.visit', 'sales_mis.activity.deadline']

    activity_date_deadline = _deadline_field()
