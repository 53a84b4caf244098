# -*- coding: utf-8 -*-
"""Download of dealer rebate statements 返利结算单 as XLSX (through sales_mis reporting/xlsx_table.py
and xlsx_safe.py: dealer names stay text, never formulas)."""
import pandas as pd

from odoo import _, http
from odoo.http import content_disposition, request

from odoo.addons.sales_mis.controllers.completion_export import XLSX
from odoo.addons.sales_mis.controllers.refusals import refusals_as_http
from odoo.addons.sales_mis.report.caller_access import check_readable
from odoo.addons.sales_mis.reporting.xlsx_table import build_table_workbook

COLUMNS = [('dealer', 'text'), ('owner', 'text'), ('period', 'text'), ('policy', 'text'), ('base', 'money'),
           ('rate', 'number'), ('rebate', 'money'), ('status', 'text'), ('approver', 'text')]


class RebateExport(http.Controller):

    @http.route('/sales_mis_dealer/rebate/statements.xlsx', type='http', auth='user')
    @refusals_as_http
    def statements_xlsx(self, ids='', **kwargs):
        # read as the caller: rights, then the record rules of every statement asked for
        check_readable(request.env, 'sales_mis_dealer.rebate.statement')
        statements = request.env['sales_mis_dealer.rebate.statement'].browse(
            [int(i) for i in ids.split(',') if i.strip().isdigit()][:10000])
        statements.check_access_rule('read')
        states = dict(statements._fields['state']._description_selection(request.env))
        rows = pd.DataFrame([{
            'dealer': s.partner_id.sudo().display_name, 'owner': s.user_id.sudo().name or '',
            'period': '%s..%s' % (s.date_from, s.date_to), 'policy': s.policy_id.sudo().name,
            'base': s.base_amount, 'rate': s.rate, 'rebate': s.amount, 'status': states.get(s.state, s.state),
            'approver': s.approved_by_id.sudo().name or ''} for s in statements.exists()],
            columns=[key for key, _kind in COLUMNS])
        labels = {'dealer': _('Dealer'), 'owner': _('Owner'), 'period': _('Period'), 'policy': _('Policy'),
                  'base': _('Period Total'), 'rate': _('Rebate (%)'), 'rebate': _('Rebate'), 'status': _('Status'),
                  'approver': _('Approved By')}
        data = build_table_workbook(rows, [(key, labels[key], kind) for key, kind in COLUMNS],
                                    _('Dealer Rebate Statements'), total_label=_('Total'))
        return request.make_response(data, headers=[('Content-Type', XLSX), ('Content-Disposition',
                                                    content_disposition('dealer-rebates.xlsx'))])
