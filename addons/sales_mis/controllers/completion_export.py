# -*- coding: utf-8 -*-
"""Download of the plan completion report 销售计划完成情况分析表 as XLSX."""
from odoo import http, _
from odoo.http import content_disposition, request

from ..planning.completion_xlsx import build_completion_workbook
from .refusals import refusals_as_http

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


class CompletionExport(http.Controller):

    @http.route('/sales_mis/plan/<int:plan_id>/completion.xlsx', type='http', auth='user')
    @refusals_as_http
    def completion_xlsx(self, plan_id, **kwargs):
        # record rules apply: a salesperson gets only their own rows
        plan = request.env['sales_mis.plan'].browse(plan_id)
        plan.check_access_rights('read')
        plan.check_access_rule('read')
        rows, months = request.env['sales_mis.plan.completion']._export_rows(plan)
        labels = {'salesperson': _('Salesperson'), 'team': _('Sales Team'), 'target': _('Target'),
                  'actual': _('Actual'), 'completion': _('Completion'), 'gap': _('Gap'),
                  'projection': _('Projection'), 'total': _('Total'), 'month_format': '%Y-%m'}
        title = _('Sales Plan Completion: %s (%s to %s)') % (plan.name, plan.date_from, plan.date_to)
        data = build_completion_workbook(rows, months, title, labels)
        filename = '%s-completion.xlsx' % plan.name
        return request.make_response(data, headers=[('Content-Type', XLSX),
                                                    ('Content-Disposition', content_disposition(filename))])

