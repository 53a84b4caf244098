# -*- coding: utf-8 -*-
"""Upload of a dealer stock report 库存上报 (CSV or XLSX) into a draft report.

The file is read by the visit import's bounded reader (sales_mis crm_logic/bounded_table.py:
same size, row, column and character limits, macros refused) and validated by
dealer_logic/stock_upload.py; any wrong row refuses the whole file, with the row numbers.
Idempotent: a product already on the report gets the file's quantities (uploading the same file
twice gives the same report). Lines are written with one statement per batch after the caller's
right to change the report is checked (an ORM create per line costs ~1 ms; 10,000 lines are a
normal month of a large dealer)."""
import base64

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_mis.crm_logic.bounded_table import (ImportFileError, check_file_size, check_header,
                                                           read_rows)

from ..dealer_logic import stock_health, stock_upload

#: lines written per statement
BATCH_SIZE = 5000
#: characters of the refusal message (each echoed cell is cut already)
MAX_MESSAGE_CHARS = 20000


class DealerStockUpload(models.TransientModel):
    _name = 'sales_mis_dealer.stock.upload'
    _description = 'Upload Dealer Stock Report'

    report_id = fields.Many2one('sales_mis_dealer.stock.report', string='Stock Report', required=True,
                                ondelete='cascade')
    data_file = fields.Binary(string='File', attachment=False,
                              help='CSV (UTF-8 or GBK) or XLSX with the columns product, opening, received, closing.')
    filename = fields.Char()
    line_count = fields.Integer(string='Products Uploaded', readonly=True)

    def _translate(self, template):
        return self.env['ir.translation']._get_source(None, ('code',), self.env.lang, template) or template

    def _message(self, template, params):
        text = self._translate(template)
        return text % tuple(params) if params else text

    @api.multi
    def action_import(self):
        self.ensure_one()
        report = self.report_id
        # the caller's right first: write access to this very report, still a draft
        report.check_access_rights('write')
        report.check_access_rule('write')
        if report.state != 'draft':
            raise UserError(_('Stock report %s is no longer a draft: reset it to draft to upload again.')
                            % report.name)
        if not self.data_file:
            raise UserError(_('Choose the file to upload.'))
        try:
            check_file_size(len(self.data_file) * 3 // 4)  # before decoding: base64 is 4 bytes for 3
            lines = self._parse(base64.b64decode(self.data_file), self.filename or '')
        except ImportFileError as error:
            raise UserError(self._message(error.template, error.params))
        except stock_upload.UploadError as error:
            raise UserError(self._message(error.template, error.args_))
        self._write_lines(report, lines)
        self.line_count = len(lines)
        return {'type': 'ir.actions.act_window', 'res_model': report._name, 'res_id': report.id,
                'view_mode': 'form', 'target': 'current'}

    def _parse(self, data, filename):
        rows, label = read_rows(data, filename)
        if not rows or rows[0][0] != 1:
            raise stock_upload.UploadError(stock_upload._('The first row must be the header: product, opening, '
                                                          'received, closing.'))
        header = [str(name).strip().lower() for name in rows[0][1]]
        check_header(header, label)
        positions = stock_upload.header_positions(header)
        data_rows = stock_upload.rows_by_column(rows[1:], positions)
        keys = sorted({values['product'].strip().lower() for _n, values in data_rows} - {''})
        self.env.cr.execute("""
            SELECT p.id, p.default_code, t.name FROM product_product p JOIN product_template t ON t.id = p.product_tmpl_id
             WHERE p.active AND t.sale_ok AND (t.company_id IS NULL OR t.company_id = %s)
               AND (lower(p.default_code) = ANY(%s) OR lower(t.name) = ANY(%s))""",
                            (self.report_id.company_id.id, keys, keys))
        lines, errors = stock_upload.validate(data_rows, stock_upload.product_index(self.env.cr.fetchall()))
        if errors:
            listed = [_('Row %s: %s') % (number, self._message(template, params))
                      for number, template, params in errors[:stock_upload.MAX_ERRORS]]
            if len(errors) > stock_upload.MAX_ERRORS:
                listed.append(_('... and %s more errors.') % (len(errors) - stock_upload.MAX_ERRORS))
            raise UserError((_('Nothing was uploaded: %s rows have errors. Correct them and upload the file '
                               'again.\n\n%s') % (len(errors), '\n'.join(listed)))[:MAX_MESSAGE_CHARS])
        return lines

    def _write_lines(self, report, lines):
        """Insert or update the lines, with their sell-through, cover and status, one statement per
        batch; the caller's create right on lines is checked first."""
        Line = self.env['sales_mis_dealer.stock.report.line']
        Line.check_access_rights('create')
        level = report.sudo().partner_id.dealer_level_id
        low, high = (level.low_cover_days, level.high_cover_days) if level else (15, 90)
        days = report._period_days()
        rows = []
        for product_id, (opening, received, closing) in sorted(lines.items()):
            sold = stock_health.sell_through(opening, received, closing)
            cover = stock_health.days_of_cover(closing, sold, days)
            rows.append((product_id, opening, received, closing, sold, -1.0 if cover is None else round(cover, 1),
                         stock_health.stock_status(cover, low, high)))
        sudo_report = report.sudo()
        cr, uid = self.env.cr, self.env.uid
        for start in range(0, len(rows), BATCH_SIZE):
            batch = list(zip(*rows[start:start + BATCH_SIZE]))
            cr.execute("""
                INSERT INTO sales_mis_dealer_stock_report_line
                       (report_id, partner_id, user_id, team_id, company_id, date_to, product_id, opening_qty,
                        received_qty, closing_qty, sell_through_qty, cover_days, stock_status,
                        create_uid, write_uid, create_date, write_date)
                SELECT %s, %s, %s, %s, %s, %s, r.*, %s, %s, now() at time zone 'UTC', now() at time zone 'UTC'
                  FROM unnest(%s::int[], %s::float8[], %s::float8[], %s::float8[], %s::float8[], %s::float8[],
                              %s::varchar[]) AS r
                ON CONFLICT (report_id, product_id) DO UPDATE SET
                       opening_qty = EXCLUDED.opening_qty, received_qty = EXCLUDED.received_qty,
                       closing_qty = EXCLUDED.closing_qty, sell_through_qty = EXCLUDED.sell_through_qty,
                       cover_days = EXCLUDED.cover_days, stock_status = EXCLUDED.stock_status,
                       write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date""",
                       [report.id, sudo_report.partner_id.id, sudo_report.user_id.id or None,
                        sudo_report.team_id.id or None, sudo_report.company_id.id, sudo_report.date_to, uid, uid]
                       + [list(column) for column in batch])
        Line.invalidate_cache()
        report.invalidate_cache()
        report.message_post(body=_('%s products uploaded from %s.') % (len(rows), self.filename or _('a file')))
