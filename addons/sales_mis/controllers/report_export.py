# -*- coding: utf-8 -*-
"""Downloads of the standard reports (F1-F5) as XLSX."""
from odoo import http
from odoo.http import content_disposition, request

from .completion_export import XLSX
from .refusals import refusals_as_http


class ReportExport(http.Controller):

    @http.route('/sales_mis/report/<string:report_type>.xlsx', type='http', auth='user')
    @refusals_as_http
    def report_xlsx(self, report_type, day=None, **kwargs):
        # built as the logged-in user: record rules choose whose figures are in it
        filename, data = request.env['sales_mis.report.export'].build(report_type, day or None)
        return request.make_response(data, headers=[('Content-Type', XLSX),
                                                    ('Content-Disposition', content_disposition(filename))])
