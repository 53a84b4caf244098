# -*- coding: utf-8 -*-
"""Upload a new version of a product document: the file becomes an attachment of the document
and a new numbered version; the old versions stay. Runs as the caller: attaching a file to the
document and creating a version need the caller's own rights."""
import base64
import binascii
import mimetypes

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..knowledge_logic import file_text


class ProductDocumentUpload(models.TransientModel):
    _name = 'sales_mis.product.document.upload'
    _description = 'Upload a Product Document Version'

    document_id = fields.Many2one('sales_mis.product.document', string='Document', required=True,
                                  ondelete='cascade')
    file = fields.Binary(string='File', required=True, attachment=False)
    file_name = fields.Char(string='File Name')
    note = fields.Char(string='What Changed')

    @api.multi
    def action_upload(self):
        self.ensure_one()
        document = self.document_id
        document.check_access_rights('write')
        document.check_access_rule('write')
        try:
            data = base64.b64decode(self.file or b'', validate=True)
        except (binascii.Error, ValueError):
            raise UserError(_('The file could not be read (not base64).'))
        if not data:
            raise UserError(_('The file is empty.'))
        if len(data) > file_text.MAX_FILE_BYTES:
            raise UserError(_('The file is %.1f MB; at most %d MB can be uploaded.')
                            % (len(data) / 1048576.0, file_text.MAX_FILE_BYTES // 1048576))
        name = (self.file_name or document.name or 'document').strip()[:200]
        mimetype = mimetypes.guess_type(name)[0] or 'application/octet-stream'
        attachment = self.env['ir.attachment'].create({
            'name': name, 'datas_fname': name, 'datas': base64.b64encode(data),
            'res_model': document._name, 'res_id': document.id, 'mimetype': mimetype})
        # one query, under the document's row lock, for the next number
        self.env.cr.execute('SELECT id FROM sales_mis_product_document WHERE id = %s FOR UPDATE', (document.id,))
        self.env.cr.execute('SELECT COALESCE(MAX(number), 0) + 1 FROM sales_mis_product_document_version '
                            'WHERE document_id = %s', (document.id,))
        number = self.env.cr.fetchone()[0]
        # not Odoo's index_content: it keeps only ASCII runs of text files and is the bare word
        # "application" or "image" for anything else
        text = file_text.file_text(data, name, mimetype)
        self.env['sales_mis.product.document.version'].create({
            'document_id': document.id, 'number': number, 'attachment_id': attachment.id, 'file_name': name,
            'note': self.note, 'content_text': text})
        document.message_post(body=_('Version %d uploaded: %s') % (number, name))
        return {'type': 'ir.actions.act_window', 'res_model': document._name, 'res_id': document.id,
                'view_mode': 'form', 'target': 'current'}
