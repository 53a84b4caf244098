# -*- coding: utf-8 -*-
"""Versions of a product document: each upload is a new numbered version holding its file as an
ir.attachment of the document (so the attachment is readable exactly when the document is).
Versions are never changed or deleted: the history stays. The text of the file (text files
decoded as UTF-8 or GB18030, Word .docx paragraphs; knowledge_logic/file_text.py) feeds the
search."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductDocumentVersion(models.Model):
    _name = 'sales_mis.product.document.version'
    _description = 'Product Document Version'
    _order = 'document_id, number desc'

    document_id = fields.Many2one('sales_mis.product.document', string='Document', required=True, index=True,
                                  ondelete='cascade')
    number = fields.Integer(string='Version', required=True, readonly=True)
    attachment_id = fields.Many2one('ir.attachment', string='File', required=True, ondelete='restrict')
    file_name = fields.Char(string='File Name', readonly=True)
    note = fields.Char(string='What Changed')
    content_text = fields.Text(string='Text', readonly=True, prefetch=False,
                               help='The text read from the file for the search.')
    company_id = fields.Many2one(related='document_id.company_id', store=True, readonly=True, index=True)

    _sql_constraints = [('document_number_uniq', 'unique(document_id, number)',
                         'This version number already exists for the document.')]

    @api.constrains('attachment_id', 'document_id')
    def _check_attachment(self):
        for version in self.sudo():
            attachment = version.attachment_id
            if attachment.res_model != 'sales_mis.product.document' or attachment.res_id != version.document_id.id:
                raise ValidationError(_('The file of a version must be attached to its document (%s).')
                                      % version.document_id.display_name)

    def name_get(self):
        return [(version.id, '%s v%d' % (version.document_id.name, version.number)) for version in self]
