# -*- coding: utf-8 -*-
"""进销存汇总表 as XLSX (and its rows): per warehouse and product over a range of months, the
opening before the first month, the flows summed, the closing after the last, read from the
summary as the caller (access rights checked, record rules applied)."""
import base64
import datetime

import pandas as pd

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.sales_mis.lib.rpc_input import day_arg
from odoo.addons.sales_mis.report.caller_access import check_readable
from odoo.addons.sales_mis.report.visible_sql import visible_rows_sql
from odoo.addons.sales_mis.reporting.xlsx_table import build_table_workbook

from ..inventory_logic.flows import FLOWS, IN_FLOWS, OUT_FLOWS
from ..inventory_logic.ledger import month_range

#: at most this many months in one summary (36 asked for; a wider range is a typo)
MAX_MONTHS = 120


class InventorySummaryExport(models.AbstractModel):
    _name = 'sales_mis_inventory.summary.export'
    _description = 'Stock In/Out Summary Export'

    @api.model
    def _arguments(self, date_from, date_to, company_id, warehouse_id, categ_id):
        """The checked arguments: (first month, last month, company, warehouse id, category id)."""
        first = day_arg(self.env, date_from, required=True).replace(day=1)
        last = day_arg(self.env, date_to, required=True).replace(day=1)
        if last < first:
            raise UserError(_('The last month (%s) is before the first (%s).') % (last, first))
        if len(month_range(first, last)) > MAX_MONTHS:
            raise UserError(_('At most %d months in one summary.') % MAX_MONTHS)
        ids = []
        for value in (company_id, warehouse_id, categ_id):
            if value in (None, False, '', 0):
                ids.append(None)
            elif isinstance(value, int) and not isinstance(value, bool) and value > 0:
                ids.append(value)
            elif isinstance(value, str) and value.isdigit() and int(value) > 0:
                ids.append(int(value))
            else:
                raise UserError(_('Bad record id: %s') % repr(value)[:40])
        company = self.env['res.company'].browse(ids[0] or self.env.user.company_id.id)
        # one company per summary: values of several companies may be in several currencies
        if company not in self.env.user.company_ids:
            raise AccessError(_('You have no access to the company of this summary.'))
        return first, last, company, ids[1], ids[2]

    @api.model
    def summary_rows(self, date_from, date_to, company_id=None, warehouse_id=None, categ_id=None):
        """Rows of the 进销存 summary from the month of `date_from` to that of `date_to`
        ('YYYY-MM-DD'), one per warehouse and product of `company_id` (default: the user's company),
        optionally of one warehouse or product category (and its sub-categories)."""
        check_readable(self.env, 'sales_mis_inventory.summary')
        first, last, company, warehouse_id, categ_id = self._arguments(
            date_from, date_to, company_id, warehouse_id, categ_id)
        visible, params = visible_rows_sql(self.env['sales_mis_inventory.summary'])
        measures = ('qty', 'value')
        in_range = 's.month >= %(first)s AND s.month <= %(last)s'
        flow_sums = ',\n'.join('COALESCE(sum(s.{0}_{1}) FILTER (WHERE {2}), 0.0) AS {0}_{1}'.format(
            flow, measure, in_range) for flow in FLOWS for measure in measures)
        opening = ',\n'.join('COALESCE(sum(s.in_{0} - s.out_{0}) FILTER (WHERE s.month < %(first)s), 0.0) '
                             'AS opening_{0}'.format(measure) for measure in measures)
        category = ''
        if categ_id:
            category = ('AND s.categ_id IN (SELECT c.id FROM product_category c, product_category root '
                        'WHERE root.id = %(categ)s AND c.parent_left >= root.parent_left '
                        'AND c.parent_left < root.parent_right)')
        # aggregated by ids first, names joined to the ~one row per product afterwards
        self.env.cr.execute("""
            WITH totals AS (
                SELECT s.warehouse_id, s.product_id, min(s.categ_id) AS categ_id, min(s.uom_id) AS uom_id,
                       {opening},
                       {flow_sums}
                  FROM ({visible}) s
                 WHERE s.company_id = %(company)s AND s.month <= %(last)s
                   AND (%(warehouse)s IS NULL OR s.warehouse_id = %(warehouse)s) {category}
                 GROUP BY s.warehouse_id, s.product_id
            )
            SELECT t.*, COALESCE(w.name, '') AS warehouse, COALESCE(pp.default_code, '') AS code,
                   COALESCE(pt.name, '') AS product, COALESCE(c.complete_name, c.name, '') AS category,
                   COALESCE(u.name, '') AS uom
              FROM totals t
              JOIN product_product pp ON pp.id = t.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              LEFT JOIN product_category c ON c.id = t.categ_id
              LEFT JOIN product_uom u ON u.id = t.uom_id
              LEFT JOIN stock_warehouse w ON w.id = t.warehouse_id
             ORDER BY w.name, c.complete_name, pp.default_code, pt.name, t.product_id
        """.format(opening=opening, flow_sums=flow_sums, visible=visible, category=category),
            dict(params, first=first, last=last, company=company.id, warehouse=warehouse_id, categ=categ_id))
        rows = self.env.cr.dictfetchall()
        result = []
        for row in rows:
            for measure in measures:
                row['in_%s' % measure] = sum(row['%s_%s' % (flow, measure)] for flow in IN_FLOWS)
                row['out_%s' % measure] = sum(row['%s_%s' % (flow, measure)] for flow in OUT_FLOWS)
                row['closing_%s' % measure] = row['opening_%s' % measure] + row['in_%s' % measure] - row['out_%s' % measure]
            if any(abs(row[key]) > 1e-9 for key in row if key.endswith(('_qty', '_value'))):
                result.append(row)
        return result

    @api.model
    @api.returns('self', lambda value: [value[0], base64.b64encode(value[1]).decode()])
    def build(self, date_from, date_to, company_id=None, warehouse_id=None, categ_id=None):
        """(file name, XLSX bytes) of the 进销存汇总表 (arguments as summary_rows). Over XML-RPC the
        bytes come base64-encoded."""
        rows = self.summary_rows(date_from, date_to, company_id, warehouse_id, categ_id)
        first, last, company, _warehouse, _categ = self._arguments(date_from, date_to, company_id, None, None)
        columns = [('warehouse', _('Warehouse'), 'text'), ('code', _('Internal Reference'), 'text'),
                   ('product', _('Product'), 'text'), ('category', _('Product Category'), 'text'),
                   ('uom', _('Unit of Measure'), 'text'),
                   ('opening_qty', _('Opening Quantity'), 'quantity'), ('opening_value', _('Opening Value'), 'money')]
        captions = {'purchase_in': _('Purchased In'), 'purchase_return': _('Purchase Returns'),
                    'sale_out': _('Sold Out'), 'customer_return': _('Customer Returns'),
                    'adjustment_in': _('Adjustments In'), 'adjustment_out': _('Adjustments Out'),
                    'transfer_in': _('Transfers In'), 'transfer_out': _('Transfers Out')}
        for flow in FLOWS:
            columns += [('%s_qty' % flow, _('%s Quantity') % captions[flow], 'quantity'),
                        ('%s_value' % flow, _('%s Value') % captions[flow], 'money')]
        columns += [('closing_qty', _('Closing Quantity'), 'quantity'), ('closing_value', _('Closing Value'), 'money')]
        frame = pd.DataFrame(rows, columns=[key for key, _caption, _kind in columns])
        refreshed = self.env['sales_mis_inventory.summary'].refreshed_at()
        subtitle = _('%s: %s to %s, values in %s; figures as of %s (UTC)') % (
            company.name, first.strftime('%Y-%m'), last.strftime('%Y-%m'), company.currency_id.name,
            refreshed or _('never'))
        data = build_table_workbook(frame, columns, _('Stock In/Out Summary'), subtitle, total_label=_('Total'))
        return 'stock-summary-%s-%s.xlsx' % (first.strftime('%Y%m'), last.strftime('%Y%m')), data
