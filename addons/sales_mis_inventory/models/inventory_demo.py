# -*- coding: utf-8 -*-
"""Demo data of 进销存 and traceability: a pump and valve company that also sells a few light
trucks. Six months of purchases, receipts (lots for pumps, VINs for trucks), deliveries with
registration and insurance services, a customer return, a return to a vendor, an inventory
adjustment and a scrap, dated back month by month, then the summary refreshed."""
from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.sales_mis.lib.admin_only import admin_only

from ..inventory_logic.vin import with_check_digit

#: the demo trucks: (VIN without its check digit, colour, engine number)
TRUCKS = [('LEFYECG2?KHN00101', '白色', 'JX4D24A6H-0101'),
          ('LEFYECG2?KHN00102', '蓝色', 'JX4D24A6H-0102'),
          ('LEFYECG2?KHN00103', '银色', 'JX4D24A6H-0103')]


#: set by the demo data file when the company has no chart of accounts yet (a database created
#: with every module at once gets Odoo's generic chart at the end of the install)
PENDING_PARAM = 'sales_mis_inventory.demo_pending'


class InventoryDemo(models.AbstractModel):
    _name = 'sales_mis_inventory.demo'
    _description = 'Stock In/Out Demo Data'

    def _register_hook(self):
        # after sales_mis's own hook (registry order), so the demo company is already in CNY
        super(InventoryDemo, self)._register_hook()
        Param = self.env['ir.config_parameter'].sudo()
        if Param.get_param(PENDING_PARAM) and self.env.ref('base.main_company').chart_template_id:
            Param.set_param(PENDING_PARAM, False)
            self.sudo().load()

    @admin_only  # the demo data file only
    @api.model
    def load_when_ready(self):
        """Books the demo now if the company has its chart of accounts (the vendor bills need its
        journals), else once the install has made it (administrators only)."""
        if self.env.ref('base.main_company').chart_template_id:
            return self.load()
        self.env['ir.config_parameter'].sudo().set_param(PENDING_PARAM, '1')
        return True

    @admin_only  # books purchases, transfers and invoices: called by the demo data file only
    @api.model
    def load(self):
        """Books the demo purchases, transfers, returns, stock count, scrap and invoices, then refreshes
        the summary (administrators only; the demo data file calls it at installation)."""
        env = self.env
        this_month = fields.Date.from_string(fields.Date.context_today(self)).replace(day=1)
        at = lambda back, day: this_month - relativedelta(months=back) + relativedelta(days=day - 1)
        p = self._products()
        vendor_pumps = self._partner('浙江利欧泵业股份有限公司', '温岭', supplier=True)
        vendor_valves = self._partner('温州市龙湾阀门厂', '温州', supplier=True)
        vendor_trucks = self._partner('江铃汽车股份有限公司', '南昌', supplier=True)
        water = self._partner('苏州工业园区清源华衍水务有限公司', '苏州', customer=True)
        municipal = self._partner('无锡市政建设集团有限公司', '无锡', customer=True)
        logistics = self._partner('常州顺捷物流有限公司', '常州', customer=True)
        salesperson = env.ref('sales_mis.user_salesperson')
        other_seller = env.ref('base.user_demo')

        receipt = self._purchase(vendor_pumps, [(p['pump'], 20, 1850.0)], at(5, 3), lots=['LB-2601'])
        valves_receipt = self._purchase(vendor_valves, [(p['ball_valve'], 200, 118.0), (p['butterfly'], 50, 455.0)],
                                        at(5, 8))
        vins = [with_check_digit(vin) for vin, _colour, _engine in TRUCKS]
        self._purchase(vendor_trucks, [(p['truck'], 3, 96500.0)], at(5, 15), lots=vins)
        for vin, (_pattern, colour, engine) in zip(vins, TRUCKS):
            lot = env['stock.production.lot'].search([('name', '=', vin), ('product_id', '=', p['truck'].id)])
            lot.write({'sales_mis_vehicle_color': colour, 'sales_mis_engine_number': engine})

        pump_delivery = self._sell(salesperson, water, [(p['pump'], 8, 2680.0), (p['ball_valve'], 60, 178.0)],
                                   at(4, 6))
        self._sell(salesperson, logistics, [(p['truck'], 1, 118000.0), (p['registration'], 1, 1500.0),
                                            (p['insurance'], 1, 4200.0)], at(4, 20))
        self._sell(other_seller, municipal, [(p['truck'], 1, 116500.0), (p['insurance'], 1, 4100.0)], at(3, 12))
        self._return(pump_delivery, {p['pump'].id: 2}, at(3, 18))          # 2 pumps back from the customer
        self._return(valves_receipt, {p['ball_valve'].id: 10}, at(2, 5))    # 10 faulty valves back to the vendor
        self._adjust(p['ball_valve'], -3, at(2, 25))                         # 3 valves short at the stock count
        self._scrap(p['butterfly'], 1, at(1, 9))                             # a damaged butterfly valve
        self._purchase(vendor_pumps, [(p['pump'], 10, 1820.0)], at(1, 14), lots=['LB-2602'])
        self._sell(salesperson, municipal, [(p['ball_valve'], 15, 180.0), (p['butterfly'], 5, 690.0),
                                            (p['pump'], 4, 2650.0)], at(0, 1))
        env['sales_mis_inventory.summary'].refresh()
        return receipt.id

    # ------------------------------------------------------------------ master data

    @api.model
    def _partner(self, name, city, **flags):
        return self.env['res.partner'].create(dict({'name': name, 'city': city, 'is_company': True,
                                                    'country_id': self.env.ref('base.cn').id}, **flags))

    @api.model
    def _products(self):
        env = self.env
        Category, Product = env['product.category'], env['product.product']
        root = Category.create({'name': '泵阀及车辆'})
        fifo = {'property_cost_method': 'fifo', 'property_valuation': 'manual_periodic'}
        pumps = Category.create(dict(fifo, name='离心泵', parent_id=root.id))
        valves = Category.create({'name': '阀门', 'parent_id': root.id})
        trucks = Category.create(dict(fifo, name='整车', parent_id=root.id))
        services = Category.create({'name': '代办服务', 'parent_id': root.id})
        stocked = {'type': 'product', 'purchase_method': 'receive', 'invoice_policy': 'delivery'}
        return {
            'pump': Product.create(dict(stocked, name='单级单吸离心泵 IS65-50-160', default_code='IS65-50-160',
                                        categ_id=pumps.id, tracking='lot', standard_price=1850.0, list_price=2680.0)),
            'ball_valve': Product.create(dict(stocked, name='不锈钢球阀 DN50', default_code='Q41F-16P-DN50',
                                              categ_id=valves.id, standard_price=118.0, list_price=178.0)),
            'butterfly': Product.create(dict(stocked, name='电动蝶阀 D971X-16 DN150', default_code='D971X-16-DN150',
                                             categ_id=valves.id, standard_price=455.0, list_price=690.0)),
            'truck': Product.create(dict(stocked, name='江铃顺达轻型厢式货车', default_code='JX5044XXY',
                                         categ_id=trucks.id, tracking='serial', sales_mis_is_vehicle=True,
                                         sales_mis_vehicle_model='江铃顺达 JX5044XXYTG2',
                                         standard_price=96500.0, list_price=118000.0)),
            'registration': Product.create({'name': '上牌代办服务', 'default_code': 'SVC-REG', 'type': 'service',
                                            'categ_id': services.id, 'list_price': 1500.0,
                                            'sales_mis_agency_service': 'registration'}),
            'insurance': Product.create({'name': '车辆保险代办服务', 'default_code': 'SVC-INS', 'type': 'service',
                                         'categ_id': services.id, 'list_price': 4200.0,
                                         'sales_mis_agency_service': 'insurance'}),
        }

    # ------------------------------------------------------------------ documents

    @api.model
    def _stamp(self, day):
        """10:00 in Shanghai on `day`, as stored (UTC)."""
        return fields.Datetime.to_string(datetime.combine(day, time(2, 0)))

    @api.model
    def _done(self, picking, day, lots=None):
        """Validate `picking` with every quantity done (receipts: `lots` named in order), dated `day`."""
        picking.action_assign()
        lots = list(lots or [])
        for line in picking.move_line_ids:
            values = {'qty_done': line.product_uom_qty}
            returned = line.move_id.origin_returned_move_id.move_line_ids.mapped('lot_id')
            if line.product_id.tracking != 'none' and not line.lot_id and returned:
                values['lot_id'] = returned[0].id   # a return brings back the lot that went out
            elif line.product_id.tracking != 'none' and not line.lot_id and picking.picking_type_id.use_create_lots:
                values['lot_name'] = lots.pop(0) if line.product_id.tracking == 'serial' else lots[0]
            line.write(values)
        picking.action_done()
        self._date(picking.move_lines, day)

    @api.model
    def _date(self, moves, day):
        stamp = self._stamp(day)
        self.env.cr.execute("UPDATE stock_move SET date = %s WHERE id IN %s", (stamp, tuple(moves.ids)))
        self.env.cr.execute("UPDATE stock_move_line SET date = %s WHERE move_id IN %s", (stamp, tuple(moves.ids)))
        moves.invalidate_cache()

    @api.model
    def _purchase(self, vendor, lines, day, lots=None):
        order = self.env['purchase.order'].create({
            'partner_id': vendor.id, 'date_order': self._stamp(day),
            'order_line': [(0, 0, {'product_id': product.id, 'name': product.name, 'product_qty': qty,
                                   'product_uom': product.uom_po_id.id, 'price_unit': price,
                                   'date_planned': self._stamp(day)}) for product, qty, price in lines]})
        order.button_confirm()
        picking = order.picking_ids
        self._done(picking, day, lots)
        self._bill(order, day + relativedelta(days=2))
        return picking

    @api.model
    def _bill(self, order, day):
        """The vendor's bill of what `order` received, validated on `day`."""
        journal = self.env['account.journal'].search([('type', '=', 'purchase'),
                                                      ('company_id', '=', order.company_id.id)], limit=1)
        Bill = self.env['account.invoice'].with_context(type='in_invoice', journal_id=journal.id)
        draft = Bill.new({'partner_id': order.partner_id.id, 'type': 'in_invoice', 'date_invoice': day,
                          'journal_id': journal.id, 'currency_id': order.currency_id.id})
        bill = Bill.create({
            'partner_id': order.partner_id.id, 'type': 'in_invoice', 'date_invoice': day, 'journal_id': journal.id,
            'account_id': order.partner_id.property_account_payable_id.id, 'currency_id': order.currency_id.id,
            'reference': '%s-%s' % (order.partner_ref or order.name, day.strftime('%m%d')), 'origin': order.name,
            'invoice_line_ids': [(0, 0, draft._prepare_invoice_line_from_po_line(line)) for line in order.order_line]})
        bill.action_invoice_open()
        return bill

    @api.model
    def _sell(self, user, customer, lines, day):
        order = self.env['sale.order'].create({
            'partner_id': customer.id, 'user_id': user.id, 'team_id': user.sale_team_id.id,
            'client_order_ref': '进销存演示',
            'order_line': [(0, 0, {'product_id': product.id, 'product_uom_qty': qty, 'price_unit': price})
                           for product, qty, price in lines]})
        order.action_confirm()
        order.write({'date_order': self._stamp(day), 'confirmation_date': self._stamp(day)})
        picking = order.picking_ids
        self._done(picking, day)
        invoice = self.env['account.invoice'].browse(order.action_invoice_create())
        invoice.write({'date_invoice': day + relativedelta(days=1)})
        invoice.action_invoice_open()
        return picking

    @api.model
    def _return(self, picking, quantities, day):
        """Return `quantities` {product id: qty} of done `picking` (to its origin)."""
        wizard = self.env['stock.return.picking'].with_context(active_id=picking.id, active_ids=picking.ids).create({})
        for line in wizard.product_return_moves:
            line.quantity = quantities.get(line.product_id.id, 0.0)
        wizard.product_return_moves.filtered(lambda line: not line.quantity).unlink()
        new_picking_id, _type = wizard._create_returns()
        self._done(self.env['stock.picking'].browse(new_picking_id), day)

    @api.model
    def _adjust(self, product, difference, day):
        inventory = self.env['stock.inventory'].create({'name': '月末盘点 %s' % day.strftime('%Y-%m'),
                                                        'filter': 'product', 'product_id': product.id})
        inventory.action_start()
        for line in inventory.line_ids:
            line.product_qty = line.theoretical_qty + difference
            difference = 0.0
        inventory.action_done()
        self._date(inventory.move_ids, day)

    @api.model
    def _scrap(self, product, qty, day):
        scrap = self.env['stock.scrap'].create({'product_id': product.id, 'scrap_qty': qty,
                                                'product_uom_id': product.uom_id.id})
        scrap.do_scrap()
        self._date(scrap.move_id, day)
