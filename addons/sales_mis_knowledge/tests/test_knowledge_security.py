# -*- coding: utf-8 -*-
"""Who sees what: salesperson own bids and case drafts, every published case and document of the
company; manager the teams led; director all; nothing across companies; nothing for users
without a Sales MIS role. Versions are history: never changed, never deleted."""
import base64

from odoo.exceptions import AccessError

from .knowledge_common import KnowledgeCase

MODELS = ('sales_mis.product.document', 'sales_mis.product.document.version', 'sales_mis.bid',
          'sales_mis.bid.competitor', 'sales_mis.bid.checklist', 'sales_mis.sales.case')


class TestKnowledgeSecurity(KnowledgeCase):

    @classmethod
    def setUpClass(cls):
        super(TestKnowledgeSecurity, cls).setUpClass()
        cls.bid_own = cls.make_bid()
        cls.bid_colleague = cls.make_bid(user=cls.seller_east2)
        cls.bid_south = cls.make_bid(user=cls.seller_south)
        other_customer = cls.env['res.partner'].create({'name': '他司客户', 'company_id': cls.other_company.id})
        cls.bid_other_company = cls.make_bid(user=cls.seller_other, company_id=cls.other_company.id,
                                             currency_id=cls.other_company.currency_id.id,
                                             partner_id=other_customer.id)
        cls.case_draft_colleague = cls.make_case(user=cls.seller_east2)
        cls.case_published_south = cls.make_case(user=cls.seller_south)
        cls.case_published_south.sudo(cls.seller_south).action_submit()
        cls.case_published_south.sudo(cls.manager_south).action_publish()
        cls.document = cls.make_document()
        cls.document_other = cls.env['sales_mis.product.document'].create({
            'name': '他司资料', 'product_tmpl_id': cls.product.product_tmpl_id.id, 'company_id': cls.other_company.id})

    def visible(self, user, records):
        return records.sudo(user).search([('id', 'in', records.ids)])

    def test_bids_by_role(self):
        bids = (self.bid_own | self.bid_colleague | self.bid_south | self.bid_other_company).sudo()
        self.assertEqual(self.visible(self.salesperson, bids), self.bid_own)
        self.assertEqual(self.visible(self.manager, bids), self.bid_own | self.bid_colleague)
        self.assertEqual(self.visible(self.manager_south, bids), self.bid_south)
        self.assertEqual(self.visible(self.director, bids), self.bid_own | self.bid_colleague | self.bid_south)
        self.assertEqual(self.visible(self.seller_other, bids), self.bid_other_company)
        lines = bids.mapped('checklist_line_ids')
        self.assertEqual(self.visible(self.salesperson, lines), self.bid_own.sudo().checklist_line_ids)
        with self.assertRaises(AccessError):
            self.bid_colleague.sudo(self.salesperson).write({'amount': 1.0})
        with self.assertRaises(AccessError):
            self.bid_colleague.sudo().checklist_line_ids[:1].sudo(self.salesperson).write({'done': True})

    def test_cases_drafts_own_published_for_all_of_the_company(self):
        cases = self.case_draft_colleague | self.case_published_south
        self.assertEqual(self.visible(self.salesperson, cases), self.case_published_south)
        self.assertEqual(self.visible(self.manager, cases), cases)
        self.assertEqual(self.visible(self.seller_other, cases), cases.browse())
        with self.assertRaises(AccessError):  # read, not write
            self.case_published_south.sudo(self.salesperson).write({'lessons': 'x'})

    def test_documents_read_by_the_company_filed_by_managers(self):
        documents = self.document | self.document_other
        self.assertEqual(self.visible(self.salesperson, documents), self.document)
        self.assertEqual(self.visible(self.seller_other, documents), self.document_other)
        with self.assertRaises(AccessError):
            self.document.sudo(self.salesperson).write({'name': 'x'})
        with self.assertRaises(AccessError):
            self.document.sudo(self.salesperson).action_upload_version()

    def test_upload_keeps_every_version(self):
        upload = self.env['sales_mis.product.document.upload'].sudo(self.manager)
        for text in ('第一版 政府采购', '第二版 投标文件'):
            upload.create({'document_id': self.document.id, 'file': base64.b64encode(text.encode('gb18030')),
                           'file_name': 'spec.txt'}).action_upload()
        versions = self.document.version_ids
        self.assertEqual(sorted(versions.mapped('number')), [1, 2])
        self.assertEqual(self.document.current_number, 2)
        self.assertIn('投标文件', self.document.search_text)
        self.assertNotIn('第一版', self.document.search_text)
        as_seller = versions.sudo(self.salesperson)
        self.assertEqual(len(as_seller.search([('id', 'in', versions.ids)])), 2)
        self.assertTrue(as_seller[0].attachment_id.sudo(self.salesperson).datas)
        with self.assertRaises(AccessError):
            versions.sudo(self.manager).write({'note': 'x'})
        with self.assertRaises(AccessError):
            versions.sudo(self.director).unlink()
        with self.assertRaises(AccessError):  # the other company's seller reads neither file nor version
            versions[0].attachment_id.sudo(self.seller_other).read(['datas'])

    def test_upload_limits(self):
        upload = self.env['sales_mis.product.document.upload'].sudo(self.manager)
        from odoo.exceptions import UserError
        with self.assertRaises(UserError):
            upload.create({'document_id': self.document.id, 'file': b'!!!not base64', 'file_name': 'a.txt'}).action_upload()
        with self.assertRaises(AccessError):
            self.env['sales_mis.product.document.upload'].sudo(self.salesperson).create({
                'document_id': self.document.id, 'file': base64.b64encode(b'x'), 'file_name': 'a.txt'}).action_upload()
        self.assertFalse(self.document.version_ids)

    def test_version_must_hold_a_file_of_its_document(self):
        foreign = self.env['ir.attachment'].create({'name': 'x', 'datas': base64.b64encode(b'x'),
                                                    'res_model': 'res.partner', 'res_id': self.customer.id})
        from odoo.exceptions import ValidationError
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env['sales_mis.product.document.version'].sudo(self.manager).create({
                'document_id': self.document.id, 'number': 9, 'attachment_id': foreign.id})

    def test_users_without_a_role_get_nothing(self):
        for user in (self.internal, self.portal):
            for model in MODELS:
                with self.assertRaises(AccessError, msg='%s %s' % (user.login, model)):
                    self.env[model].sudo(user).search([])
            with self.assertRaises(AccessError):
                self.env['sales_mis.knowledge.search'].sudo(user).find('投标')

    def test_index_maintenance_is_for_administrators(self):
        for model in ('sales_mis.product.document', 'sales_mis.bid', 'sales_mis.sales.case'):
            for user in (self.salesperson, self.manager, self.director):
                with self.assertRaises(AccessError, msg='%s %s' % (model, user.login)):
                    self.env[model].sudo(user).init()
        self.env['sales_mis.bid'].init()  # the superuser (install, update) still can
