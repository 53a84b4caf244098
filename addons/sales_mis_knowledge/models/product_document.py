# -*- coding: utf-8 -*-
"""Product documents 产品资料 (M1): brochures, specifications, certificates, manuals and price
lists of a product, each with its versions (product_document_version.py). Uploading a new
version keeps the old ones; the document shows the current (highest) version. Every salesperson
of the company reads them; managers file them."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..knowledge_logic import search_terms

DOCUMENT_KINDS = [
    ('brochure', 'Brochure'),
    ('spec', 'Specification'),
    ('certificate', 'Certificate'),
    ('manual', 'Manual'),
    ('price_list', 'Price List'),
]


def _languages(self):
    return self.env['res.lang'].get_installed()


class ProductDocument(models.Model):
    _name = 'sales_mis.product.document'
    _description = 'Product Document'
    _inherit = ['sales_mis.knowledge.searchable', 'mail.thread']
    _order = 'product_tmpl_id, kind, name, id'

    name = fields.Char(string='Title', required=True, track_visibility='onchange')
    product_tmpl_id = fields.Many2one('product.template', string='Product', required=True, index=True,
                                      ondelete='restrict', track_visibility='onchange')
    product_id = fields.Many2one('product.product', string='Variant', index=True, ondelete='restrict',
                                 domain="[('product_tmpl_id', '=', product_tmpl_id)]",
                                 help='Only for a document of one variant of the product.')
    kind = fields.Selection(DOCUMENT_KINDS, string='Kind', required=True, default='brochure',
                            track_visibility='onchange')
    lang = fields.Selection(_languages, string='Language', default=lambda self: self.env.lang or 'zh_CN')
    description = fields.Text(string='Description')
    active = fields.Boolean(default=True, track_visibility='onchange')
    company_id = fields.Many2one('res.company', string='Company', index=True,
                                 default=lambda self: self.env.user.company_id,
                                 help='Leave empty to share the document between companies.')
    user_id = fields.Many2one('res.users', string='Responsible', default=lambda self: self.env.user,
                              track_visibility='onchange')
    version_ids = fields.One2many('sales_mis.product.document.version', 'document_id', string='Versions')
    current_version_id = fields.Many2one('sales_mis.product.document.version', string='Current Version',
                                         compute='_compute_current_version', store=True, index=True)
    current_number = fields.Integer(related='current_version_id.number', string='Version', readonly=True)
    current_attachment_id = fields.Many2one(related='current_version_id.attachment_id', string='File',
                                            readonly=True)
    current_date = fields.Datetime(related='current_version_id.create_date', string='Updated On', readonly=True)
    version_count = fields.Integer(compute='_compute_current_version', string='Versions', store=True)

    @api.depends('version_ids.number')
    def _compute_current_version(self):
        for document in self:
            versions = document.version_ids.sorted('number')
            document.current_version_id = versions[-1:].id if versions else False
            document.version_count = len(versions)

    @api.depends('name', 'description', 'kind', 'product_tmpl_id.name', 'product_tmpl_id.default_code',
                 'current_version_id.content_text', 'current_version_id.file_name')
    def _compute_search_text(self):
        # linked names are read as the system, like Odoo's related fields: the text is only
        # readable with the record itself
        languages = [code for code, _name in self.env['res.lang'].get_installed()]
        kinds = dict(DOCUMENT_KINDS)
        for document, data in zip(self, self.sudo()):
            product = data.product_tmpl_id
            names = {product.with_context(lang=lang).name for lang in languages} if product else set()
            document.search_text = search_terms.search_text(
                [data.name, kinds.get(data.kind), product.default_code] + sorted(names)
                + [data.description, data.current_version_id.file_name,
                   data.current_version_id.content_text])

    @api.constrains('product_id', 'product_tmpl_id')
    def _check_variant(self):
        for document in self:
            if document.product_id and document.product_id.product_tmpl_id != document.product_tmpl_id:
                raise ValidationError(_('Variant %s is not a variant of %s.') % (
                    document.product_id.display_name, document.product_tmpl_id.display_name))

    @api.multi
    def action_upload_version(self):
        """The upload form for a new version of this document."""
        self.ensure_one()
        self.check_access_rights('write')
        self.check_access_rule('write')
        return {
            'type': 'ir.actions.act_window',
            'name': _('Upload New Version'),
            'res_model': 'sales_mis.product.document.upload',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_document_id': self.id},
        }

    @api.model
    def _demo_upload_versions(self):
        """Demo: the documents' files uploaded through the upload form (two versions of the
        brochure). Once: a document that has versions is left as it is."""
        import base64
        from odoo.modules.module import get_module_resource
        files = [('doc_cp80_brochure', 'cp80_brochure_v1.txt', '首版'),
                 ('doc_cp80_brochure', 'cp80_brochure_v2.txt', '效率提升，质保改为两年'),
                 ('doc_cp80_certificate', 'cp80_certificate.txt', False),
                 ('doc_fs200_spec', 'fs200_spec.txt', False),
                 ('doc_mp150_manual', 'mp150_manual.txt', False),
                 ('doc_price_list_2030', 'price_list_2030.txt', False)]
        done = set()
        for xml_id, file_name, note in files:
            document = self.env.ref('sales_mis_knowledge.' + xml_id, raise_if_not_found=False)
            if not document or (document.version_ids and document.id not in done):
                continue
            done.add(document.id)
            with open(get_module_resource('sales_mis_knowledge', 'demo', 'files', file_name), 'rb') as handle:
                data = handle.read()
            self.env['sales_mis.product.document.upload'].create({
                'document_id': document.id, 'file': base64.b64encode(data), 'file_name': file_name,
                'note': note}).action_upload()
        return True
