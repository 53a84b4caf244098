# -*- coding: utf-8 -*-
"""Download of the offline visit template 离线录入模板 (CSV or XLSX)."""
from odoo import http
from odoo.http import content_disposition, request

from ..crm_logic.visit_import import template_csv, template_xlsx
from .refusals import refusals_as_http

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


class VisitImportTemplate(http.Controller):

    @http.route('/sales_mis/visit_import/template.<string:kind>', type='http', auth='user')
    @refusals_as_http
    def visit_import_template(self, kind, **kwargs):
        # the template is for those who may log visits (no figures in it, but no door for others)
        request.env['sales_mis.visit'].check_access_rights('create')
        Wizard = request.env['sales_mis.visit.import']
        if kind == 'xlsx':
            data = template_xlsx(Wizard.template_explanations(), labels=Wizard.template_labels())
            content_type, filename = XLSX, 'offline-visits.xlsx'
        elif kind == 'csv':
            data, content_type, filename = template_csv(), 'text/csv; charset=utf-8', 'offline-visits.csv'
        else:
            return request.not_found()
        return request.make_response(data, headers=[('Content-Type', content_type),
                                                    ('Content-Disposition', content_disposition(filename))])
