# -*- coding: utf-8 -*-
"""Download of the competitor analysis 竞争对手分析 (F7) as XLSX."""
from odoo import http, _
from odoo.http import content_disposition, request

from ..crm_logic.competitor_xlsx import build_competitor_workbook
from .refusals import refusals_as_http

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


def competitor_labels():
    return {'competitor': _('Competitor'), 'opportunities': _('Opportunities'), 'won': _('Won'),
            'lost': _('Lost'), 'win_rate': _('Win Rate'), 'amount': _('Expected Revenue'),
            'won_amount': _('Won Revenue'), 'lost_amount': _('Lost Revenue'), 'total': _('Total')}


class CompetitorExport(http.Controller):

    @http.route('/sales_mis/competitor/analysis.xlsx', type='http', auth='user')
    @refusals_as_http
    def competitor_xlsx(self, **kwargs):
        # read_group on the report applies the user's record rules
        rows = request.env['sales_mis.competitor.report'].export_rows()
        data = build_competitor_workbook(rows, _('Competitor Analysis'), competitor_labels())
        return request.make_response(data, headers=[
            ('Content-Type', XLSX), ('Content-Disposition', content_disposition('competitor-analysis.xlsx'))])
