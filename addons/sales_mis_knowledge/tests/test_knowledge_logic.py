# -*- coding: utf-8 -*-
"""The pure cores: search terms and their SQL, file text, bid rules, who may act."""
import datetime
import io
import unittest
import zipfile

from odoo.addons.sales_mis_knowledge.knowledge_logic import bid_rules, file_text, roles, search_terms


class TestSearchTerms(unittest.TestCase):

    def test_normalise_folds_width_case_and_spaces(self):
        self.assertEqual(search_terms.normalise('  ＣＰ－８０\t离心泵\n\n Pump '), 'cp-80 离心泵 pump')
        self.assertEqual(search_terms.normalise(None), '')

    def test_terms_are_distinct_capped_and_cut(self):
        self.assertEqual(search_terms.terms('投标  投标 泵'), ['投标', '泵'])
        self.assertEqual(len(search_terms.terms(' '.join('w%d' % i for i in range(30)))), search_terms.MAX_TERMS)
        self.assertEqual(len(search_terms.terms('长' * 500)[0]), search_terms.MAX_TERM_LENGTH)
        self.assertEqual(search_terms.terms('   '), [])

    def test_like_pattern_takes_wildcards_literally(self):
        self.assertEqual(search_terms.like_pattern('5%_a\\'), '%5\\%\\_a\\\\%')

    def test_tsquery_literal_quotes(self):
        self.assertEqual(search_terms.tsquery_literal("o'k\\"), "'o''k\\\\'")

    def test_short_terms_use_the_pair_index_long_ones_trigrams(self):
        sql, params = search_terms.term_condition('投标', 'search_text')
        self.assertIn('search_grams @@', sql)
        self.assertEqual(params, ["'投标'", '%投标%'])
        sql, params = search_terms.term_condition('采购投标', 'search_text')
        self.assertEqual((sql, params), ('search_text LIKE %s', ['%采购投标%']))

    def test_match_query_ands_the_terms(self):
        sql, params = search_terms.match_query('t', 'c', ['投标', '离心泵'])
        self.assertTrue(sql.startswith('SELECT id FROM t WHERE ('))
        self.assertEqual(sql.count(' AND '), 2)
        self.assertEqual(len(params), 3)

    def test_snippet_centres_on_the_hit(self):
        text = '甲' * 200 + '政府采购投标文件' + '乙' * 200
        snip = search_terms.snippet(text, ['投标'], width=40)
        self.assertIn('投标', snip)
        self.assertTrue(snip.startswith('...') and snip.endswith('...'))
        self.assertEqual(search_terms.snippet('short', ['zz']), 'short')


class TestFileText(unittest.TestCase):

    def test_utf8_and_gb18030_text_files(self):
        self.assertEqual(file_text.file_text('投标文件'.encode('utf-8'), 'a.txt'), '投标文件')
        self.assertEqual(file_text.file_text('投标文件'.encode('gb18030'), 'a.TXT'), '投标文件')
        self.assertEqual(file_text.file_text(b'\xef\xbb\xbfabc', 'a.csv'), 'abc')

    def test_docx_paragraphs(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, 'w') as archive:
            archive.writestr('word/document.xml', '<w:document><w:p><w:t>政府采购</w:t></w:p>'
                                                  '<w:p><w:t>投标 &amp; 报价</w:t></w:p></w:document>')
        self.assertEqual(file_text.file_text(buffer.getvalue(), 'x.docx'), '政府采购\n投标 & 报价\n')

    def test_unreadable_or_oversized_files_give_no_text(self):
        self.assertEqual(file_text.file_text(b'not a zip', 'x.docx'), '')
        self.assertEqual(file_text.file_text(b'%PDF-1.4', 'x.pdf'), '')
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as archive:
            archive.writestr('word/document.xml', '<w:p>' + 'a' * 5000 + '</w:p>')
        self.assertEqual(file_text.docx_text(buffer.getvalue(), max_part=1000), '')

    def test_text_is_cut_and_nul_free(self):
        self.assertEqual(file_text.file_text(b'a\x00b' * 10, 'a.txt', limit=5), 'ababa')


class TestBidRules(unittest.TestCase):

    def test_missing_documents_are_the_required_undone_ones(self):
        lines = [('licence', True, True), ('bond receipt', True, False), ('references', False, False)]
        self.assertEqual(bid_rules.missing_documents(lines), ['bond receipt'])

    def test_reminder_window(self):
        now = datetime.datetime(2030, 3, 1, 8, 0)
        self.assertTrue(bid_rules.reminder_due(now + datetime.timedelta(days=2), now))
        self.assertTrue(bid_rules.reminder_due(now + datetime.timedelta(days=3), now))
        self.assertFalse(bid_rules.reminder_due(now + datetime.timedelta(days=3, seconds=1), now))
        self.assertFalse(bid_rules.reminder_due(now - datetime.timedelta(seconds=1), now))
        self.assertFalse(bid_rules.reminder_due(None, now))

    def test_bond_status_and_dates(self):
        self.assertEqual(bid_rules.bond_status(0, None, None), 'none')
        self.assertEqual(bid_rules.bond_status(100, None, None), 'to_pay')
        self.assertEqual(bid_rules.bond_status(100, '2030-01-01', None), 'paid')
        self.assertEqual(bid_rules.bond_status(100, '2030-01-01', '2030-02-01'), 'returned')
        self.assertEqual(bid_rules.check_bond_dates(-1, None, None), 'negative')
        self.assertEqual(bid_rules.check_bond_dates(1, None, '2030-01-01'), 'returned_unpaid')
        self.assertEqual(bid_rules.check_bond_dates(1, '2030-02-01', '2030-01-01'), 'returned_before_paid')
        self.assertIsNone(bid_rules.check_bond_dates(1, '2030-01-01', '2030-01-01'))


class TestRoles(unittest.TestCase):

    def test_may_act(self):
        self.assertTrue(roles.may_act(5, 5, 9, False, False))          # owner
        self.assertTrue(roles.may_act(9, 5, 9, True, False))           # leading manager
        self.assertFalse(roles.may_act(9, 5, 9, False, False))         # leader without the role
        self.assertFalse(roles.may_act(8, 5, 9, True, False))          # another team's manager
        self.assertFalse(roles.may_act(8, 5, False, True, False))      # no team
        self.assertTrue(roles.may_act(7, 5, 9, True, True))            # director

    def test_nobody_reviews_their_own(self):
        self.assertFalse(roles.may_review(5, 5, 5, True, True))
        self.assertTrue(roles.may_review(9, 5, 9, True, False))
        self.assertFalse(roles.may_review(8, 5, 9, True, False))
        self.assertTrue(roles.may_review(7, 5, 9, True, True))
        self.assertFalse(roles.may_review(6, 5, 9, False, False))
