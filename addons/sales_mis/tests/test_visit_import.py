# -*- coding: utf-8 -*-
"""Offline visit import 离线录入 through the wizard: all or nothing, row numbers,
no duplicates on re-upload, each role imports only what it may."""
import base64
import io
import time

import openpyxl

from odoo.exceptions import UserError

from .common import PlanningCase

HEADER = 'offline_key,date,salesperson,customer,contacts,type,subject,duration,purpose,result,next_step,next_step_date'


class TestVisitImport(PlanningCase):

    def setUp(self):
        super(TestVisitImport, self).setUp()
        self.customer.ref = 'TC-01'
        self.contact = self.env['res.partner'].create({'name': '王经理', 'parent_id': self.customer.id})
        (self.salesperson | self.manager).write({'tz': 'Asia/Shanghai'})
        self.Visit = self.env['sales_mis.visit']

    def upload(self, user, lines, mode='strict', encoding='utf-8'):
        data = '\n'.join([HEADER] + list(lines)).encode(encoding)
        wizard = self.env['sales_mis.visit.import'].sudo(user).create({
            'data_file': base64.b64encode(data), 'filename': 'visits.csv', 'mode': mode})
        wizard.action_import()
        return wizard

    def imported(self):
        return self.Visit.search([('partner_id', '=', self.customer.id), ('offline_key', '!=', False)])

    def test_import_then_reimport_creates_no_duplicates(self):
        lines = [',2030-03-01,,Test Customer Co.,王经理,拜访,季度回顾,1.5,,Good,发报价,2030-03-05',
                 'K-2,2030-03-02 14:00,salesperson,tc-01,,call,电话回访,,,,,']
        wizard = self.upload(self.salesperson, lines)
        self.assertEqual((wizard.state, wizard.created_count, wizard.skipped_count), ('done', 2, 0))
        visits = self.imported()
        self.assertEqual(len(visits), 2)
        review = visits.filtered(lambda v: v.visit_type == 'visit')
        self.assertEqual((review.user_id, review.team_id, review.contact_ids), (self.salesperson, self.team_east,
                                                                                self.contact))
        self.assertEqual((review.date_start, review.state), ('2030-03-01 01:00:00', 'planned'))
        self.assertEqual(review.activity_ids.summary, '发报价', 'the next step is a to-do as in the form')
        again = self.upload(self.salesperson, lines + [',2030-03-03,,Test Customer Co.,,other,Report,,,,,'])
        self.assertEqual((again.created_count, again.skipped_count), (1, 2))
        self.assertEqual(len(self.imported()), 3)

    def test_one_bad_row_imports_nothing_and_names_the_row(self):
        lines = [',2030-03-01,,Test Customer Co.,,visit,Fine,,,,,',
                 ',2030-03-02,,Unknown Customer Ltd,,visit,Bad customer,,,,,',
                 ',2030-02-30,,Test Customer Co.,Nobody,visit,Bad date and contact,,,,,']
        with self.assertRaises(UserError) as raised:
            self.upload(self.salesperson, lines)
        message = raised.exception.name
        self.assertIn('Row 3: Unknown customer "Unknown Customer Ltd"', message)
        self.assertIn('Row 4: Bad date "2030-02-30"', message)
        self.assertIn('Row 4: Unknown contact "Nobody"', message)
        self.assertIn('2 rows have errors', message)
        self.assertFalse(self.imported())
        wizard = self.upload(self.salesperson, lines, mode='valid_only')
        self.assertEqual((wizard.created_count, wizard.error_count), (1, 2))
        self.assertIn('Row 3:', wizard.error_text)
        self.assertEqual(self.imported().name, 'Fine')

    def test_gbk_file_from_chinese_excel(self):
        wizard = self.upload(self.salesperson, [',2030-03-01,,Test Customer Co.,王经理,电话,电话回访客户,,,,,'],
                             encoding='gbk')
        self.assertEqual(wizard.created_count, 1)
        self.assertEqual(self.imported().name, '电话回访客户')

    def test_unreadable_files_are_refused(self):
        Wizard = self.env['sales_mis.visit.import'].sudo(self.salesperson)
        for data, message in [(b'', 'empty'), (HEADER.encode(), 'no rows'), (b'date,subject\n2030-03-01,x', 'Missing columns')]:
            wizard = Wizard.create({'data_file': base64.b64encode(data) if data else False, 'filename': 'x.csv'})
            with self.assertRaisesRegex(UserError, message if data else 'Choose the file'):
                wizard.action_import()

    def test_rows_of_other_salespeople_need_their_manager(self):
        other = ',2030-03-01,test_east_seller2,Test Customer Co.,,visit,Teammate visit,,,,,'
        with self.assertRaisesRegex(UserError, 'Row 2: You may not import visits of "test_east_seller2"'):
            self.upload(self.salesperson, [other])
        self.assertEqual(self.upload(self.manager, [other]).created_count, 1, 'the manager leads the team')
        self.assertEqual(self.imported().team_id, self.team_east)
        south = ',2030-03-01,test_south_seller,Test Customer Co.,,visit,South visit,,,,,'
        with self.assertRaisesRegex(UserError, 'Row 2: You may not import'):
            self.upload(self.manager, [south])
        self.assertEqual(self.upload(self.director, [south]).created_count, 1)

    def test_xlsx_template_download_values_and_upload(self):
        Wizard = self.env['sales_mis.visit.import'].sudo(self.salesperson)
        action = Wizard.create({}).action_download_template_xlsx()
        self.assertEqual((action['type'], action['url']), ('ir.actions.act_url', '/sales_mis/visit_import/template.xlsx'))
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(HEADER.split(','))
        sheet.append(['', '2030-03-01', '', 'Test Customer Co.', '', 'demo', 'Demo from XLSX'])
        sheet.append(['', 'yesterday', '', 'Test Customer Co.', '', 'demo', 'Bad'])
        out = io.BytesIO()
        book.save(out)
        wizard = Wizard.create({'data_file': base64.b64encode(out.getvalue()), 'filename': 'v.xlsx',
                                'mode': 'valid_only'})
        wizard.action_import()
        self.assertEqual((wizard.created_count, wizard.error_count), (1, 1))
        self.assertIn('Row 3: Bad date "yesterday"', wizard.error_text)

    def test_ten_thousand_rows(self):
        """Timed, not asserted: tests/bench/bench_visit_import.py reports the figure."""
        lines = [',2030-%02d-%02d 10:%02d,,Test Customer Co.,,call,Call %d,0.5,,,,'
                 % (1 + i % 12, 1 + i % 28, i % 60, i) for i in range(10000)]
        started = time.perf_counter()
        wizard = self.upload(self.salesperson, lines)
        print('\n10,000 offline rows imported through the wizard in %.1f s' % (time.perf_counter() - started))
        self.assertEqual(wizard.created_count, 10000)
        again = self.upload(self.salesperson, lines)
        self.assertEqual((again.created_count, again.skipped_count), (0, 10000))

    def test_hostile_files_are_refused_with_short_messages(self):
        """Issue 12: a 90,000-character cell is echoed in ~100 characters, however many rows
        carry one; an .xlsm and a file over the size limit are refused before parsing."""
        huge = 'y' * 90000
        with self.assertRaises(UserError) as raised:
            self.upload(self.salesperson, [',2030-03-01,,%s%d,,visit,Big,,,,,' % (huge, i) for i in range(60)])
        message = raised.exception.name
        self.assertIn('60 rows have errors', message)
        self.assertIn('... and 70 more errors.', message)  # two per row, 50 listed
        self.assertLess(len(message), 12000)
        Wizard = self.env['sales_mis.visit.import'].sudo(self.salesperson)
        wizard = Wizard.create({'data_file': base64.b64encode(b'PK\x03\x04 whatever'), 'filename': 'visits.xlsm'})
        with self.assertRaisesRegex(UserError, r'macros \(xlsm\)'):
            wizard.action_import()
        wizard = Wizard.create({'data_file': base64.b64encode(b'x' * (10 * 1024 * 1024 + 10)), 'filename': 'v.csv'})
        with self.assertRaisesRegex(UserError, 'at most 10 MB'):
            wizard.action_import()
