# -*- coding: utf-8 -*-
"""On-create duplicate check 客户查重: the customer form warns "possible duplicate of …" before
saving, judged like the scan (places, numbers, branches), naming only readable customers."""
from odoo.tests.common import SavepointCase

from odoo.addons.sales_mis.crm_logic import names


class TestDuplicateCheck(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestDuplicateCheck, cls).setUpClass()
        env = cls.env
        cls.Partner = env['res.partner']
        cls.salesperson = env.ref('sales_mis.user_salesperson')
        cls.tencent = cls.Partner.create({'name': '腾讯科技（深圳）有限公司', 'customer': True,
                                          'is_company': True})
        cls.hospital = cls.Partner.create({'name': '杭州市第一人民医院', 'customer': True,
                                           'is_company': True})
        cls.other_company = env['res.company'].create({'name': 'Other Co (dup check)'})
        cls.foreign = cls.Partner.create({'name': '臺灣積體電路製造股份有限公司', 'customer': True,
                                          'is_company': True, 'company_id': cls.other_company.id})

    def warning(self, user=None, **values):
        Partner = self.Partner.sudo(user) if user else self.Partner
        values = dict({'customer': True, 'is_company': True}, **values)
        record = Partner.new(values)
        return record._onchange_sales_mis_duplicate_warning() or {}

    def test_traditional_name_with_city_warns(self):
        result = self.warning(name='深圳騰訊科技有限公司')
        self.assertIn('腾讯科技（深圳）有限公司', result['warning']['message'])
        self.assertIn('Name', result['warning']['message'])

    def test_other_place_or_number_does_not_warn(self):
        self.assertEqual(self.warning(name='腾讯科技（北京）有限公司'), {})
        self.assertEqual(self.warning(name='宁波市第一人民医院'), {})
        self.assertEqual(self.warning(name='杭州市第二人民医院'), {})

    def test_name_core_is_stored_for_blocking(self):
        self.assertEqual(self.tencent.sales_mis_name_core, '腾讯科技')
        self.tencent.name = '騰訊科技有限公司'
        self.assertEqual(self.tencent.sales_mis_name_core, '腾讯科技')

    def test_customer_of_another_company_is_not_named(self):
        # Even when the form names that company, the user may not read its customers.
        result = self.warning(user=self.salesperson, name='台湾积体电路制造股份有限公司',
                              company_id=self.other_company.id)
        self.assertEqual(result, {})
        as_admin = self.warning(name='台湾积体电路制造股份有限公司', company_id=self.other_company.id)
        self.assertIn('臺灣積體電路製造股份有限公司', as_admin['warning']['message'])

    def test_contacts_are_not_checked(self):
        self.assertEqual(self.warning(name='腾讯科技有限公司', parent_id=self.hospital.id,
                                      is_company=False), {})

    def test_renaming_through_the_form_does_not_name_the_customer_itself(self):
        spec = {'name': '1', 'vat': '1', 'customer': '', 'is_company': '', 'parent_id': '',
                'company_id': '', 'phone': '', 'mobile': '', 'email': '', 'street': ''}
        values = {'name': '腾讯科技有限公司', 'customer': True, 'is_company': True, 'parent_id': False,
                  'company_id': self.tencent.company_id.id, 'vat': False, 'phone': False,
                  'mobile': False, 'email': False, 'street': False}
        self.assertNotIn('warning', self.tencent.onchange(values, 'name', spec))
        # the same name typed on a new customer's form warns
        result = self.Partner.onchange(values, 'name', spec)
        self.assertIn('腾讯科技（深圳）有限公司', result['warning']['message'])

    def test_cores_of_an_older_normaliser_are_recomputed_on_update(self):
        alibaba = self.Partner.create({'name': '阿里巴巴（中国）网络技术有限公司', 'customer': True,
                                       'is_company': True})
        # as an older normaliser stored it (阿里 read as 阿里地区, Tibet)
        self.env.cr.execute("UPDATE res_partner SET sales_mis_name_core = '巴巴网络技术' WHERE id = %s",
                            (alibaba.id,))
        self.env['ir.config_parameter'].set_param('sales_mis.name_core_version', 'old')
        self.Partner.init()  # what a module update runs
        alibaba.invalidate_cache()
        self.assertEqual(alibaba.sales_mis_name_core, '阿里巴巴网络技术')
        self.assertIn('阿里巴巴（中国）网络技术有限公司',
                      self.warning(name='浙江阿里巴巴网络技术有限公司')['warning']['message'])
        # the version is recorded: the next update recomputes nothing
        self.assertEqual(self.env['ir.config_parameter'].get_param('sales_mis.name_core_version'),
                         names.NORMALISER_VERSION)

    def test_subsidiary_company_is_checked_but_not_against_its_parent(self):
        subsidiary = dict(name='腾讯科技有限公司', parent_id=self.tencent.id, is_company=True)
        self.assertEqual(self.warning(**subsidiary), {})
        # the same company under another parent is checked like any customer
        result = self.warning(**dict(subsidiary, parent_id=self.hospital.id))
        self.assertIn('腾讯科技（深圳）有限公司', result['warning']['message'])

    def test_scan_reads_companies_under_a_parent_company(self):
        twin = self.Partner.create({'name': '深圳騰訊科技有限公司', 'customer': True, 'is_company': True,
                                    'parent_id': self.hospital.id})
        contact = self.Partner.create({'name': '腾讯科技有限公司', 'customer': True, 'is_company': False,
                                       'parent_id': self.hospital.id})
        Duplicate = self.env['sales_mis.partner.duplicate']
        Duplicate._scan()
        pairs = Duplicate.search([('partner_b_id', 'in', (twin | contact).ids)])
        self.assertEqual(pairs.mapped('partner_b_id'), twin)
        self.assertEqual(pairs.partner_a_id, self.tencent)
        self.assertEqual(pairs.reason_codes, 'name')
