# -*- coding: utf-8 -*-
"""Download of commission statements 提成明细 as XLSX."""
import pandas as pd

from odoo import http, _
from odoo.http import content_disposition, request

from ..planning.statement_xlsx import build_statement_workbook
from .completion_export import XLSX
from .refusals import refusals_as_http
from ..report.caller_access import check_readable


class StatementExport(http.Controller):

    @http.route('/sales_mis/commission/statements.xlsx', type='http', auth='user')
    @refusals_as_http
    def statements_xlsx(self, ids='', **kwargs):
        # browse + read under the user's rules: a salesperson cannot export a colleague's statement
        statements = request.env['sales_mis.commission.statement'].browse(
            [int(i) for i in ids.split(',') if i.isdigit()])
        check_readable(request.env, 'sales_mis.commission.statement', 'sales_mis.commission.line')
        statements.check_access_rule('read')
        lines = request.env['sales_mis.commission.line'].search_read(
            [('statement_id', 'in', statements.ids)],
            ['statement_id', 'user_id', 'team_id', 'categ_id', 'base_amount', 'rate', 'multiplier', 'amount'])
        periods = {s.id: '%s..%s' % (s.date_from, s.date_to) for s in statements}
        name = lambda value: value[1] if value else ''
        rows = pd.DataFrame([{
            'salesperson': name(l['user_id']), 'team': name(l['team_id']),
            'period': periods[l['statement_id'][0]], 'category': name(l['categ_id']),
            'sales': l['base_amount'], 'rate': l['rate'], 'multiplier': l['multiplier'],
            'commission': l['amount']} for l in lines],
            columns=['salesperson', 'team', 'period', 'category', 'sales', 'rate', 'multiplier', 'commission'])
        labels = {'salesperson': _('Salesperson'), 'team': _('Sales Team'), 'period': _('Period'),
                  'category': _('Product Category'), 'sales': _('Sales'), 'rate': _('Rate (%)'),
                  'multiplier': _('Multiplier'), 'commission': _('Commission'), 'total': _('Total')}
        data = build_statement_workbook(rows, _('Commission Statements'), labels)
        return request.make_response(data, headers=[('Content-Type', XLSX), ('Content-Disposition',
                                                    content_disposition('commission-statements.xlsx'))])
