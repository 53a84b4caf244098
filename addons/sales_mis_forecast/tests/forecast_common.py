# -*- coding: utf-8 -*-
"""Fixtures of the forecast tests: the planning fixtures of sales_mis (two teams and
their people) plus a monthly order history of the South team, which only these tests
sell for, so the demo data never mixes in."""
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.addons.sales_mis.tests.common import PlanningCase


def month_start(months_back):
    """First day of the month `months_back` months before the current one."""
    return date.today().replace(day=1) - relativedelta(months=months_back)


class ForecastCase(PlanningCase):

    def book_history(self, user, months, lines, first_back=None):
        """One confirmed order of `user` in each of the last `months` months (the first one by
        the ORM, the others copied: an ORM order costs ~0.5 s).  lines: [(product, qty, price)]."""
        first_back = first_back or months
        order = self.book_order(user, month_start(first_back).isoformat(), lines)
        Demo = self.env['sales_mis_forecast.demo']
        for back in range(first_back - 1, first_back - months, -1):
            stamp = '%s 10:00:00' % month_start(back)
            copy = Demo._clone_row('sale_order', order.id, {'name': '%s/%d' % (order.name, back),
                                                            'date_order': stamp, 'confirmation_date': stamp})
            for line in order.order_line:
                Demo._clone_row('sale_order_line', line.id, {'order_id': copy})
        self.env['sale.order'].invalidate_cache()
        return order

    def make_run(self, user=None, **values):
        values = dict({'name': 'Test forecast', 'level': 'product', 'team_id': self.team_south.id,
                       'horizon': 3}, **values)
        return self.env['sales_mis_forecast.run'].sudo(user or self.director).create(values)
