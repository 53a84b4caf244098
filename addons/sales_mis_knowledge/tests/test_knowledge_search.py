# -*- coding: utf-8 -*-
"""The knowledge search finds Chinese words inside Chinese text across documents, bids and
cases, through the indexes, and only what the caller may read."""
from odoo.exceptions import UserError

from .knowledge_common import KnowledgeCase


class TestKnowledgeSearch(KnowledgeCase):

    @classmethod
    def setUpClass(cls):
        super(TestKnowledgeSearch, cls).setUpClass()
        cls.bid = cls.make_bid(name='市水务集团政府采购投标文件编制', description='５０％ 预付款_条款')
        cls.bid_south = cls.make_bid(user=cls.seller_south, name='南区政府采购投标项目')
        cls.case = cls.make_case(name='节能离心泵改造案例', background='标书评分办法')
        cls.document = cls.make_document(name='ＣＰ－９０ 泵 彩页', description='适用于泵站')

    def keywords(self, model, query, user=None):
        return self.env[model].sudo(user or self.director).search([('keywords', 'ilike', query)])

    def test_two_character_word_inside_chinese_text(self):
        found = self.keywords('sales_mis.bid', '投标')
        self.assertIn(self.bid, found)
        self.assertIn(self.bid_south, found)
        self.assertNotIn(self.bid, self.keywords('sales_mis.bid', '招标'))

    def test_one_three_and_more_characters_and_and(self):
        self.assertIn(self.document, self.keywords('sales_mis.product.document', '泵'))
        self.assertIn(self.bid, self.keywords('sales_mis.bid', '采购投标文件'))
        self.assertIn(self.bid, self.keywords('sales_mis.bid', '水务 投标'))
        self.assertNotIn(self.bid, self.keywords('sales_mis.bid', '水务 招标'))
        self.assertIn(self.case, self.keywords('sales_mis.sales.case', '评分'))

    def test_width_case_and_wildcards(self):
        self.assertIn(self.document, self.keywords('sales_mis.product.document', 'cp-90'))
        self.assertIn(self.bid, self.keywords('sales_mis.bid', '50%'))
        self.assertIn(self.bid, self.keywords('sales_mis.bid', '款_条'))
        self.assertNotIn(self.bid, self.keywords('sales_mis.bid', '5_%'))
        self.assertNotIn(self.bid, self.keywords('sales_mis.bid', "'); drop"))

    def test_not_operator_and_empty_query(self):
        bids = self.bid | self.bid_south
        self.assertEqual(self.env['sales_mis.bid'].sudo(self.director).search(
            [('id', 'in', bids.ids), ('keywords', 'not ilike', '编制')]), self.bid_south)
        self.assertEqual(self.env['sales_mis.bid'].sudo(self.director).search(
            [('id', 'in', bids.ids), ('keywords', 'ilike', '  ')]), bids)
        with self.assertRaises(UserError):
            self.env['sales_mis.bid'].search([('keywords', '>', 'x')])

    def test_find_across_kinds_as_the_caller(self):
        rows = self.env['sales_mis.knowledge.search'].sudo(self.salesperson).find('政府采购')
        found = {(row['model'], row['id']) for row in rows}
        self.assertIn(('sales_mis.bid', self.bid.id), found)
        self.assertNotIn(('sales_mis.bid', self.bid_south.id), found, 'another salesperson\'s bid')
        demo_document = self.env.ref('sales_mis_knowledge.doc_cp80_certificate')
        self.assertIn(('sales_mis.product.document', demo_document.id), found)
        row = [r for r in rows if r['id'] == self.bid.id and r['kind'] == 'bid'][0]
        self.assertIn('政府采购', row['snippet'])
        self.assertEqual(len(self.env['sales_mis.knowledge.search'].sudo(self.director).find('政府采购', 'bid', 1)), 1)
        for bad in ((None,), ('',), ('x', 'bogus'), ('x', 'all', 0), ('x', 'all', 10 ** 6), ('x', 'all', True)):
            with self.assertRaises(UserError, msg=bad):
                self.env['sales_mis.knowledge.search'].sudo(self.salesperson).find(*bad)

    def test_search_form(self):
        wizard = self.env['sales_mis.knowledge.search'].sudo(self.salesperson).create({'query': '投标'})
        self.assertFalse(wizard.action_search())
        self.assertTrue(wizard.result_count)
        self.assertEqual(wizard.result_count, len(wizard.result_ids))
        action = wizard.result_ids[0].action_open()
        self.assertEqual(action['res_id'], wizard.result_ids[0].res_id)

    def test_the_indexes_serve_the_search(self):
        cr = self.env.cr
        cr.execute('SET LOCAL enable_seqscan = off')
        for query in ('投标', '采购投标'):
            sql, params = self.env['sales_mis.bid']._search_keywords('ilike', query)[0][2]
            cr.execute('EXPLAIN ' + sql, params)
            plan = '\n'.join(row[0] for row in cr.fetchall())
            self.assertIn('sales_mis_bid_%s' % ('search_grams' if len(query) == 2 else 'search_text_trgm'), plan)
        cr.execute('SET LOCAL enable_seqscan = on')
