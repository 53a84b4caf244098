# -*- coding: utf-8 -*-
"""Download of the 进销存汇总表 (H1) as XLSX: built as the logged-in user (refused: 403)."""
from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.sales_mis.controllers.completion_export import XLSX
from odoo.addons.sales_mis.controllers.refusals import refusals_as_http


class InventorySummaryDownload(http.Controller):

    @http.route('/sales_mis_inventory/summary.xlsx', type='http', auth='user')
    @refusals_as_http
    def summary_xlsx(self, date_from=None, date_to=None, company_id=None, warehouse_id=None, categ_id=None, **kwargs):
        filename, data = request.env['sales_mis_inventory.summary.export'].build(
            date_from, date_to, company_id or None, warehouse_id or None, categ_id or None)
        return request.make_response(data, headers=[('Content-Type', XLSX),
                                                    ('Content-Disposition', content_disposition(filename))])
