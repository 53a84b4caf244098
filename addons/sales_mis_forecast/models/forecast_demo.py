# -*- coding: utf-8 -*-
"""Demo data of the forecasts: 30 months of order history with a trend and a
December peak (the base demo has a few orders only), and done forecast runs."""
import math
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.sales_mis.lib.admin_only import admin_only

HISTORY_MONTHS = 27
#: salesperson xml id: [(product xml id, monthly quantity at the start)], one order a month each
DEMO_SALES = [
    ('sales_mis.user_salesperson', [('product.product_product_8', 6.0),      # multistage pump
                                    ('product.product_product_6', 14.0)]),   # flow sensor
    ('base.user_demo', [('product.product_product_27', 3.0),                 # pump control cabinet
                        ('product.product_product_2', 40.0)]),               # installation service
]


class ForecastDemo(models.AbstractModel):
    _name = 'sales_mis_forecast.demo'
    _description = 'Forecast Demo Data'

    @admin_only  # books orders, invoices and payments: called by the demo data file only
    @api.model
    def load(self):
        self._create_history()
        Runs = self.env['sales_mis_forecast.run']
        director = self.env.ref('sales_mis.user_director', raise_if_not_found=False) or self.env.user
        for values in ({'name': 'Company forecast (demo)', 'level': 'company'},
                       {'name': 'Team forecast (demo)', 'level': 'team'},
                       {'name': 'Product quantities (demo)', 'level': 'product', 'measure': 'quantity'}):
            run = Runs.create(dict(values, user_id=director.id))
            run._process()
        self.env['sales_mis_forecast.snapshot'].take_snapshot()
        return True

    def _clone_row(self, table, row_id, overrides):
        """INSERT a copy of one row with some columns replaced (demo speed: an ORM order costs
        ~0.5 s here, a copied row milliseconds).  Returns the new id."""
        self.env.cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                            "AND column_name <> 'id'", (table,))
        columns = [c for c, in self.env.cr.fetchall()]
        select = ', '.join('%s' if c in overrides else '"%s"' % c for c in columns)
        params = [overrides[c] for c in columns if c in overrides]
        self.env.cr.execute('INSERT INTO "{0}" ({1}) SELECT {2} FROM "{0}" WHERE id = %s RETURNING id'.format(
            table, ', '.join('"%s"' % c for c in columns), select), params + [row_id])
        return self.env.cr.fetchone()[0]

    @api.model
    def _create_history(self):
        """Confirmed orders of the past months, recorded as history (no deliveries): one order
        per salesperson is made by the ORM, the others are copies of it with their own dates
        and quantities."""
        partner = self.env['res.partner'].create({'name': '扬州华宇机电设备有限公司', 'city': '扬州', 'customer': True,
                                                  'country_id': self.env.ref('base.cn').id, 'company_id': False})
        this_month = fields.Date.from_string(fields.Date.today()).replace(day=1)
        Orders = self.env['sale.order'].with_context(mail_create_nolog=True, tracking_disable=True)
        for number, (user_ref, products) in enumerate(DEMO_SALES):
            user = self.env.ref(user_ref)
            template = Orders.create({
                'partner_id': partner.id, 'user_id': user.id, 'team_id': user.sale_team_id.id,
                'client_order_ref': 'Forecast demo history',
                'order_line': [(0, 0, {'product_id': self.env.ref(ref).id, 'product_uom_qty': 1.0})
                               for ref, _qty in products]})
            template.write({'state': 'sale'})
            for back in range(HISTORY_MONTHS, 0, -1):
                month = this_month - relativedelta(months=back)
                step = HISTORY_MONTHS - back
                season = 1.0 + 0.35 * math.cos(2 * math.pi * (month.month - 12) / 12.0)  # December peak
                stamp = '%s 10:00:00' % date(month.year, month.month, 1 + (9 * number + step) % 27)
                order_id = self._clone_row('sale_order', template.id, {
                    'name': '%s/H%02d' % (template.name, step), 'date_order': stamp, 'confirmation_date': stamp})
                for rank, (line, (_ref, quantity)) in enumerate(zip(template.order_line, products)):
                    noise = 1.0 + 0.12 * math.sin(7.0 * step + 3 * number + rank)  # deterministic wiggle
                    qty = float(round(quantity * (1.0 + 0.02 * step) * season * noise))
                    price = line.product_id.list_price
                    self._clone_row('sale_order_line', line.id, {
                        'order_id': order_id, 'product_uom_qty': qty, 'price_unit': price,
                        'price_subtotal': qty * price, 'price_total': qty * price, 'price_tax': 0.0,
                        'price_reduce': price, 'price_reduce_taxexcl': price, 'price_reduce_taxinc': price,
                        'qty_delivered': qty, 'qty_to_invoice': qty, 'purchase_price': line.purchase_price})
                self.env.cr.execute("""
                    UPDATE sale_order SET amount_untaxed = t.total, amount_total = t.total, amount_tax = 0
                      FROM (SELECT sum(price_subtotal) AS total FROM sale_order_line WHERE order_id = %s) t
                     WHERE id = %s""", (order_id, order_id))
            template.write({'state': 'cancel'})  # only its copies are history
        self.env['sale.order'].invalidate_cache()
        return True
