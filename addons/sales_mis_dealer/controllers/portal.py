# -*- coding: utf-8 -*-
"""The dealer's portal 经销商门户 (I2, I3): a portal user whose company is a dealer sees that
dealer's stock reports (Odoo's own portal pages show its orders, deliveries and invoices), submits
a stock report and requests an order.

Everything is read as the portal user (record rules: its own dealer only). The two forms create
as the system only after the caller is known to be a user of a dealer, and take the dealer from
the user, never from the form: a stock report of that dealer, submitted, and a quotation at the
level's pricelist for the dealer's owner, which then goes through the order approval, delivery
and invoicing like any quotation."""
import datetime

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..dealer_logic import stock_upload

#: product rows of the portal forms
FORM_ROWS = 8
#: products offered in the forms' lists
MAX_PRODUCTS = 500
#: quantity of one order line, at most
MAX_ORDER_QTY = 10 ** 6


def _forbidden(message):
    response = request.make_response(message, headers=[('Content-Type', 'text/plain; charset=utf-8')])
    response.status_code = 403
    return response


class DealerPortal(CustomerPortal):

    def _dealer(self):
        """The dealer of the portal user (its company), or an empty recordset."""
        partner = request.env.user.partner_id.commercial_partner_id
        return partner if partner.is_dealer else partner.browse()

    def _prepare_portal_layout_values(self):
        values = super(DealerPortal, self)._prepare_portal_layout_values()
        dealer = self._dealer()
        values['dealer'] = dealer
        if dealer:
            values['dealer_stock_report_count'] = request.env['sales_mis_dealer.stock.report'].search_count([])
        return values

    def _products(self):
        return request.env['product.product'].sudo().search([('sale_ok', '=', True)], limit=MAX_PRODUCTS,
                                                            order='default_code, name')

    # ------------------------------------------------------------ stock reports

    @http.route(['/my/dealer/stock_reports'], type='http', auth='user', website=True)
    def dealer_stock_reports(self, **kw):
        if not self._dealer():
            return _forbidden(_('Only the users of a dealer have dealer stock reports.'))
        values = self._prepare_portal_layout_values()
        values.update({'reports': request.env['sales_mis_dealer.stock.report'].search([]),
                       'page_name': 'dealer_stock'})
        return request.render('sales_mis_dealer.portal_my_stock_reports', values)

    @http.route(['/my/dealer/stock_reports/<int:report_id>'], type='http', auth='user', website=True)
    def dealer_stock_report(self, report_id, **kw):
        if not self._dealer():
            return _forbidden(_('Only the users of a dealer have dealer stock reports.'))
        report = request.env['sales_mis_dealer.stock.report'].browse(report_id)
        try:
            report.check_access_rights('read')
            report.check_access_rule('read')
            report.name  # noqa: B018 (raises MissingError for a deleted report)
        except (AccessError, MissingError):
            return _forbidden(_('This stock report is not one of your dealer\'s.'))
        values = self._prepare_portal_layout_values()
        values.update({'report': report, 'page_name': 'dealer_stock'})
        return request.render('sales_mis_dealer.portal_stock_report', values)

    @http.route(['/my/dealer/stock_reports/new'], type='http', auth='user', website=True, methods=['GET', 'POST'])
    def dealer_stock_report_new(self, **post):
        dealer = self._dealer()
        if not dealer:
            return _forbidden(_('Only the users of a dealer submit stock reports.'))
        values = self._prepare_portal_layout_values()
        values.update({'products': self._products(), 'rows': range(FORM_ROWS), 'post': post, 'error': False,
                       'page_name': 'dealer_stock'})
        if request.httprequest.method == 'POST':
            try:
                report = self._create_stock_report(dealer, post)
                return request.redirect('/my/dealer/stock_reports/%s' % report.id)
            except (UserError, ValidationError) as error:
                request.env.cr.rollback()
                values['error'] = error.name
        return request.render('sales_mis_dealer.portal_stock_report_form', values)

    def _form_rows(self, names):
        form = request.httprequest.form
        columns = [form.getlist(name)[:FORM_ROWS] for name in names]
        return [(number, dict(zip(names, cells))) for number, cells in enumerate(zip(*columns), 1)]

    def _create_stock_report(self, dealer, post):
        date_from, date_to = post.get('date_from'), post.get('date_to')
        try:
            start, end = (datetime.datetime.strptime(day or '', '%Y-%m-%d').date() for day in (date_from, date_to))
        except ValueError:
            raise UserError(_('Enter the period as two dates (YYYY-MM-DD).'))
        if end < start or (end - start).days > 366:
            raise UserError(_('The period ends on or after its start and covers at most a year.'))
        products = self._products()
        index = {str(product.id): [product.id] for product in products}
        lines, errors = stock_upload.validate(self._form_rows(['product', 'opening', 'received', 'closing']), index)
        if errors:
            translate = request.env['sales_mis_dealer.stock.upload']._message
            raise UserError('\n'.join(_('Row %s: %s') % (number, translate(template, params))
                                      for number, template, params in errors))
        Report = request.env['sales_mis_dealer.stock.report'].sudo()
        if Report.search_count([('partner_id', '=', dealer.id), ('date_from', '=', str(start)),
                                ('date_to', '=', str(end))]):
            raise UserError(_('You have already reported this period.'))
        dealer_sudo = dealer.sudo()
        report = Report.create({
            'partner_id': dealer.id, 'date_from': str(start), 'date_to': str(end),
            'company_id': (dealer_sudo.company_id or dealer_sudo.user_id.company_id or request.env.user.company_id).id,
            'line_ids': [(0, 0, {'product_id': product_id, 'opening_qty': opening, 'received_qty': received,
                                 'closing_qty': closing})
                         for product_id, (opening, received, closing) in sorted(lines.items())]})
        # submitted for the dealer: the system's conclusion, the portal user as the author
        request.env['sales_mis_dealer.stock.report'].browse(report.id)._workflow_consequence(
            {'state': 'submitted', 'submitted_by_id': request.env.uid})
        return report

    # ------------------------------------------------------------ order requests

    @http.route(['/my/dealer/order'], type='http', auth='user', website=True, methods=['GET', 'POST'])
    def dealer_order_request(self, **post):
        dealer = self._dealer()
        if not dealer:
            return _forbidden(_('Only the users of a dealer request orders here.'))
        values = self._prepare_portal_layout_values()
        values.update({'products': self._products(), 'rows': range(FORM_ROWS), 'post': post, 'error': False,
                       'page_name': 'dealer_order'})
        if request.httprequest.method == 'POST':
            try:
                order = self._create_order_request(dealer, post)
                return request.redirect('/my/dealer/order/%s' % order.id)
            except (UserError, ValidationError) as error:
                request.env.cr.rollback()
                values['error'] = error.name
        return request.render('sales_mis_dealer.portal_order_request_form', values)

    @http.route(['/my/dealer/order/<int:order_id>'], type='http', auth='user', website=True)
    def dealer_order_requested(self, order_id, **kw):
        if not self._dealer():
            return _forbidden(_('Only the users of a dealer request orders here.'))
        order = request.env['sale.order'].browse(order_id)
        try:
            order.check_access_rights('read')
            order.check_access_rule('read')
            order.name  # noqa: B018
        except (AccessError, MissingError):
            return _forbidden(_('This order is not one of your dealer\'s.'))
        values = self._prepare_portal_layout_values()
        values.update({'order': order, 'page_name': 'dealer_order'})
        return request.render('sales_mis_dealer.portal_order_requested', values)

    def _create_order_request(self, dealer, post):
        products = {str(product.id): product for product in self._products()}
        lines = []
        for number, row in self._form_rows(['product', 'quantity']):
            if not row['product'] and not row['quantity'].strip():
                continue
            product = products.get(row['product'])
            try:
                quantity = float(row['quantity'])
            except ValueError:
                quantity = -1
            if not product or not (0 < quantity <= MAX_ORDER_QTY):
                raise UserError(_('Row %s: choose a product and a quantity above 0.') % number)
            lines.append((product, quantity))
        if not lines:
            raise UserError(_('Add at least one product to the order request.'))
        dealer_sudo = dealer.sudo()
        owner = dealer_sudo.user_id
        pricelist = dealer_sudo.dealer_level_id.pricelist_id or dealer_sudo.property_product_pricelist
        Order = request.env['sale.order'].sudo()
        order = Order.new({'partner_id': request.env.user.partner_id.id})
        order.onchange_partner_id()
        values = order._convert_to_write(order._cache)
        values.update({
            'partner_id': request.env.user.partner_id.id, 'pricelist_id': pricelist.id,
            'user_id': owner.id or False, 'team_id': (dealer_sudo.team_id or owner.sale_team_id).id or False,
            'company_id': (dealer_sudo.company_id or owner.company_id or request.env.user.company_id).id,
            'origin': _('Dealer portal'), 'note': (post.get('note') or '')[:2000]})
        values.pop('order_line', None)
        order = Order.create(values)
        Line = request.env['sale.order.line'].sudo()
        for product, quantity in lines:
            # Odoo's own onchanges: description, unit, taxes and the price of the level's pricelist
            line = Line.new({'order_id': order.id, 'product_id': product.id, 'product_uom_qty': quantity})
            line.product_id_change()
            line.product_uom_qty = quantity
            line.product_uom_change()
            line_values = line._convert_to_write(line._cache)
            line_values['order_id'] = order.id
            Line.create(line_values)
        order.message_subscribe(partner_ids=[request.env.user.partner_id.id])
        if owner:
            order.message_post(body=_('Order request from the dealer portal, by %s.') % request.env.user.name,
                               partner_ids=[owner.partner_id.id])
        return order
