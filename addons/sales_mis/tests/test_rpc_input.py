# -*- coding: utf-8 -*-
"""day_arg (lib/rpc_input.py): a day argument or a clear UserError in the caller's language,
found from the env it is given (no look at the caller's stack frames)."""
import datetime

from odoo.exceptions import UserError
from odoo.tests.common import SavepointCase

from ..lib.rpc_input import day_arg

SOURCE = 'Bad date %s: write YYYY-MM-DD.'


class TestDayArg(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestDayArg, cls).setUpClass()
        cls.env['res.lang'].load_lang('zh_CN')
        cls.env['ir.translation'].create({'type': 'code', 'name': 'addons/sales_mis/lib/rpc_input.py',
                                          'lang': 'zh_CN', 'src': SOURCE, 'value': '日期 %s 无效',
                                          'state': 'translated'})

    def test_days_in_and_out(self):
        self.assertEqual(day_arg(self.env, '2031-02-28'), datetime.date(2031, 2, 28))
        self.assertEqual(day_arg(self.env, datetime.date(2031, 2, 28)), datetime.date(2031, 2, 28))
        self.assertIsNone(day_arg(self.env, False))
        with self.assertRaisesRegex(UserError, 'Bad date 0: write YYYY-MM-DD'):
            day_arg(self.env, 0, required=True)

    def test_message_in_the_language_of_the_env(self):
        with self.assertRaisesRegex(UserError, "日期 '2031-02-30' 无效"):
            day_arg(self.env(context=dict(self.env.context, lang='zh_CN')), '2031-02-30')
        with self.assertRaisesRegex(UserError, 'Bad date'):
            day_arg(self.env(context=dict(self.env.context, lang='en_US')), '2031-02-30')

    def test_message_in_the_language_of_the_user_without_one_in_the_context(self):
        user = self.env.ref('base.user_demo')
        user.lang = 'zh_CN'
        context = dict(self.env.context)
        context.pop('lang', None)
        with self.assertRaisesRegex(UserError, '日期 .abc. 无效'):
            day_arg(self.env(user=user.id, context=context), 'abc')
