# -*- coding: utf-8 -*-
"""The customer portal of service requests 客户服务门户 (K1): a portal user lists, files and
follows the requests of their own company at /my/service.

Everything runs as the logged-in user: the record rules (portal: own company's requests) choose
what is listed, and a request of somebody else answers 403, not a page. Filing a request sets
the customer to the user themselves; the user chooses only the subject, description, type,
category, and optionally one of their own orders and a product of it."""
from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager
from odoo.addons.sales_mis.controllers.refusals import _text_response

#: longest subject and description a portal user may send (characters)
MAX_SUBJECT = 200
MAX_DESCRIPTION = 10000
PER_PAGE = 20


def _int_or_none(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


class ServicePortal(CustomerPortal):

    def _prepare_portal_layout_values(self):
        values = super(ServicePortal, self)._prepare_portal_layout_values()
        Request = request.env['sales_mis_service.request']
        values['service_count'] = Request.search_count([]) if Request.check_access_rights(
            'read', raise_exception=False) else 0
        return values

    @http.route(['/my/service', '/my/service/page/<int:page>'], type='http', auth='user', website=True)
    def portal_my_service(self, page=1, **kwargs):
        Request = request.env['sales_mis_service.request']
        if not Request.check_access_rights('read', raise_exception=False):
            return _text_response(_('You have no access to service requests.'), 403)
        values = self._prepare_portal_layout_values()
        total = Request.search_count([])
        pager = portal_pager(url='/my/service', total=total, page=page, step=PER_PAGE)
        values.update({
            'service_requests': Request.search([], limit=PER_PAGE, offset=pager['offset']),
            'pager': pager, 'page_name': 'service', 'default_url': '/my/service',
        })
        return request.render('sales_mis_service.portal_my_service', values)

    @http.route(['/my/service/<int:request_id>'], type='http', auth='user', website=True)
    def portal_service_page(self, request_id, **kwargs):
        service_request = request.env['sales_mis_service.request'].browse(request_id)
        try:
            service_request.check_access_rights('read')
            service_request.check_access_rule('read')
            service_request.name  # noqa: B018 - a deleted request raises here
        except (AccessError, MissingError):
            return _text_response(_('This service request is not yours.'), 403)
        values = self._prepare_portal_layout_values()
        # the names of the order and product of the caller's own request (read just above): a portal
        # user may not read products in Odoo 11, nor an order they do not follow
        shown = service_request.sudo()
        values.update({'service_request': service_request, 'page_name': 'service',
                       'order_name': shown.order_id.name, 'product_name': shown.product_id.display_name})
        return request.render('sales_mis_service.portal_service_page', values)

    @http.route(['/my/service/new'], type='http', auth='user', website=True, methods=['GET', 'POST'])
    def portal_service_new(self, **post):
        Request = request.env['sales_mis_service.request']
        if not Request.check_access_rights('create', raise_exception=False):
            return _text_response(_('You may not file service requests.'), 403)
        error = None
        if request.httprequest.method == 'POST':
            try:
                created = Request.create(self._service_values(post))
                return request.redirect('/my/service/%d' % created.id)
            except (UserError, ValidationError, AccessError) as refusal:
                request.env.cr.rollback()
                error = refusal.name if hasattr(refusal, 'name') else str(refusal)
        values = self._prepare_portal_layout_values()
        values.update({
            'page_name': 'service', 'error': error, 'post': post,
            'categories': request.env['sales_mis_service.category'].search([]),
            'orders': self._own_orders(),
        })
        return request.render('sales_mis_service.portal_service_new', values)

    def _own_orders(self):
        partner = request.env.user.partner_id.commercial_partner_id
        Order = request.env['sale.order']
        if not Order.check_access_rights('read', raise_exception=False):
            return Order
        return Order.search([('partner_id', 'child_of', partner.id), ('state', 'in', ('sale', 'done'))],
                            limit=100)

    def _service_values(self, post):
        """Validated values of a request filed from the portal (UserError with the reason)."""
        subject = (post.get('subject') or '').strip()
        description = (post.get('description') or '').strip()
        if not subject:
            raise UserError(_('Say in a few words what the matter is (subject).'))
        if len(subject) > MAX_SUBJECT or len(description) > MAX_DESCRIPTION:
            raise UserError(_('The subject may have at most %d characters and the description %d.')
                            % (MAX_SUBJECT, MAX_DESCRIPTION))
        kind = post.get('kind') or 'request'
        if kind not in ('request', 'complaint'):
            raise UserError(_('Choose a service request or a complaint.'))
        category = request.env['sales_mis_service.category'].browse(_int_or_none(post.get('category_id')) or [])
        if not category or not category.exists():
            raise UserError(_('Choose a category.'))
        values = {'subject': subject, 'description': description, 'kind': kind, 'category_id': category.id,
                  'partner_id': request.env.user.partner_id.id,
                  'company_id': request.env.user.company_id.id}
        order_id = _int_or_none(post.get('order_id'))
        if order_id:
            order = self._own_orders().filtered(lambda o: o.id == order_id)
            if not order:
                raise UserError(_('Choose one of your own orders.'))
            values['order_id'] = order.id
            product_id = _int_or_none(post.get('product_id'))
            if product_id:
                products = order.order_line.mapped('product_id').filtered(lambda p: p.id == product_id)
                if not products:
                    raise UserError(_('Choose a product of the order.'))
                values['product_id'] = products.id
        return values
