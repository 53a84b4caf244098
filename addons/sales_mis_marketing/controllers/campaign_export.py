# -*- coding: utf-8 -*-
"""Download of the campaign effect analysis 活动效果分析表 (J1) as XLSX: the campaigns the
caller may read, their figures read through the caller's record rules; refused: 403."""
from odoo import http, _
from odoo.http import content_disposition, request

from odoo.addons.sales_mis.controllers.refusals import refusals_as_http

from ..marketing_logic.campaign_xlsx import build_campaign_workbook

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


def campaign_labels():
    return {'campaign': _('Campaign'), 'channel': _('Channel'), 'team': _('Sales Team'), 'state': _('Status'),
            'date_start': _('Start Date'), 'date_end': _('End Date'), 'budget': _('Budget'), 'cost': _('Cost'),
            'budget_use': _('Budget Used'), 'lead_count': _('Leads'), 'opportunity_count': _('Opportunities'),
            'order_count': _('Orders'), 'order_amount': _('Ordered'), 'invoiced_amount': _('Invoiced Revenue'),
            'margin': _('Margin'), 'roi': _('ROI'), 'total': _('Total')}


class CampaignExport(http.Controller):

    @http.route('/sales_mis_marketing/campaign/analysis.xlsx', type='http', auth='user')
    @refusals_as_http
    def campaign_xlsx(self, **kwargs):
        rows = request.env['sales_mis_marketing.campaign.roi'].export_rows()
        data = build_campaign_workbook(rows, _('Campaign Effect Analysis'), campaign_labels())
        return request.make_response(data, headers=[
            ('Content-Type', XLSX), ('Content-Disposition', content_disposition('campaign-analysis.xlsx'))])
