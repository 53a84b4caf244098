# -*- coding: utf-8 -*-
"""Service request workflow: SLA deadlines on filing, transitions and who may make them,
callbacks, fees invoiced, repeat complaints, escalation by the cron."""
from odoo import fields
from odoo.exceptions import AccessError, UserError

from .service_common import ServiceCase


class TestServiceWorkflow(ServiceCase):

    def test_deadlines_from_the_policy(self):
        request = self.file()
        start = fields.Datetime.from_string(request.date_request)
        self.assertEqual(request.sla_id, self.policy)
        self.assertEqual(fields.Datetime.from_string(request.response_deadline) - start,
                         fields.Datetime.from_string('2000-01-01 04:00:00') - fields.Datetime.from_string('2000-01-01 00:00:00'))
        self.assertEqual((fields.Datetime.from_string(request.resolution_deadline) - start).total_seconds(), 48 * 3600)
        urgent = self.file(priority='3')
        self.assertEqual(urgent.sla_id, self.urgent)
        self.assertEqual((fields.Datetime.from_string(urgent.resolution_deadline)
                          - fields.Datetime.from_string(urgent.date_request)).total_seconds(), 8 * 3600)
        # a later change of priority does not move the deadlines
        deadline = request.resolution_deadline
        request.sudo(self.salesperson).write({'priority': '0'})
        self.assertEqual(request.resolution_deadline, deadline)

    def test_full_flow_with_callback_and_invoice(self):
        request = self.file()
        as_seller = request.sudo(self.salesperson)
        as_seller.action_take()
        self.assertEqual((request.state, request.user_id), ('assigned', self.salesperson))
        as_seller.action_start()
        self.assertEqual(request.state, 'in_progress')
        self.assertTrue(request.date_responded)
        with self.assertRaises(UserError):  # no resolution written
            as_seller.action_resolve()
        as_seller.write({'resolution': 'Seal replaced',
                         'fee_line_ids': [(0, 0, {'product_id': self.fee_product.id, 'name': 'Onsite',
                                                  'quantity': 2, 'price_unit': 300.0})]})
        as_seller.action_resolve()
        self.assertEqual(request.state, 'resolved')
        self.assertEqual(request.fee_total, 600.0)
        with self.assertRaises(UserError):  # close before the callback
            as_seller.action_close()
        self.env['sales_mis_service.callback'].sudo(self.salesperson).create(
            {'request_id': request.id, 'score': '5', 'feedback': '很满意'})
        self.assertEqual(request.satisfaction, 5.0)
        as_seller.action_create_invoice()
        invoice = request.invoice_id
        self.assertEqual((invoice.type, invoice.partner_id, invoice.amount_untaxed), ('out_invoice', self.customer, 600.0))
        self.assertTrue(request.fee_line_ids.invoice_line_id)
        with self.assertRaises(UserError):  # an invoiced fee is fixed
            request.fee_line_ids.sudo(self.salesperson).write({'price_unit': 1.0})
        with self.assertRaises(UserError):  # invoiced once
            as_seller.action_create_invoice()
        as_seller.action_close()
        self.assertEqual(request.state, 'closed')
        with self.assertRaises(AccessError):  # closed is frozen
            as_seller.write({'subject': 'changed'})
        with self.assertRaises(AccessError):  # no callback on a closed request
            self.env['sales_mis_service.callback'].sudo(self.salesperson).create(
                {'request_id': request.id, 'score': '1'})

    def test_who_may_move_it(self):
        request = self.file()
        with self.assertRaises(AccessError):  # a salesperson assigns only themselves
            request.sudo(self.salesperson).write({'user_id': self.salesperson_south.id})
        self.assertFalse(request.user_id)
        request.sudo(self.manager).write({'user_id': self.salesperson.id})
        request.sudo(self.manager).action_assign()
        self.assertEqual(request.state, 'assigned')
        # the state is not written by hand, whatever the context
        for context in ({}, {'sales_mis_workflow_actor': 1}, {'tracking_disable': True}):
            with self.assertRaises(AccessError):
                request.sudo(self.salesperson).with_context(context).write({'state': 'resolved'})
            with self.assertRaises(AccessError):
                request.sudo(self.salesperson).with_context(context).write({'response_deadline': '2099-01-01 00:00:00'})
        # not the assignee, not a manager: may not start it
        other = self.file(user=self.salesperson)
        other.sudo(self.manager).write({'user_id': self.manager.id})
        other.sudo(self.manager).action_assign()
        with self.assertRaises(AccessError):
            other.sudo(self.salesperson).action_start()
        for steal in (lambda r: r.action_take(), lambda r: r.write({'user_id': self.salesperson.id}),
                      lambda r: r.write({'user_id': False})):
            with self.assertRaises(AccessError):  # not a colleague's (here: the manager's) request
                steal(other.sudo(self.salesperson))
        self.assertEqual(other.user_id, self.manager)
        with self.assertRaises(AccessError):  # a salesperson cancels only their own new request
            other.sudo(self.salesperson).action_cancel()
        other.sudo(self.manager).action_cancel()
        with self.assertRaises(AccessError):
            other.sudo(self.salesperson).action_reset()
        other.sudo(self.manager).action_reset()
        self.assertEqual(other.state, 'new')
        with self.assertRaises(UserError):  # not from new
            other.sudo(self.manager).action_resolve()
        # the chatter names the caller of a transition
        message = request.sudo().message_ids.filtered(lambda m: m.tracking_value_ids)[:1]
        self.assertEqual(message.author_id, self.manager.partner_id)

    def test_close_by_salesperson_of_the_customer_only(self):
        request = self.file(user=self.manager, user_id=self.manager.id)
        request.sudo(self.manager).action_assign()
        request.sudo(self.manager).action_start()
        request.sudo(self.manager).write({'resolution': 'done'})
        request.sudo(self.manager).action_resolve()
        self.env['sales_mis_service.callback'].sudo(self.manager).create({'request_id': request.id, 'score': '3'})
        with self.assertRaises(AccessError):  # the south seller cannot even see it
            request.sudo(self.salesperson_south).action_close()
        request.sudo(self.salesperson).action_close()  # the customer's salesperson
        self.assertEqual(request.state, 'closed')

    def test_callback_is_the_callers_and_fixed(self):
        request = self.file(user_id=self.salesperson.id)
        with self.assertRaises(AccessError):  # not resolved yet
            self.env['sales_mis_service.callback'].sudo(self.salesperson).create({'request_id': request.id, 'score': '4'})
        request.sudo(self.salesperson).action_assign()
        request.sudo(self.salesperson).action_start()
        request.sudo(self.salesperson).write({'resolution': 'ok'})
        request.sudo(self.salesperson).action_resolve()
        with self.assertRaises(AccessError):  # in someone else's name
            self.env['sales_mis_service.callback'].sudo(self.salesperson).create(
                {'request_id': request.id, 'score': '4', 'user_id': self.manager.id})
        callback = self.env['sales_mis_service.callback'].sudo(self.salesperson).create(
            {'request_id': request.id, 'score': '2'})
        self.assertEqual(callback.user_id, self.salesperson)
        with self.assertRaises(UserError):
            callback.write({'score': '5'})

    def test_repeat_complaints(self):
        first = self.file(kind='complaint', product_id=self.product.id)
        self.assertFalse(first.is_repeat)
        second = self.file(kind='complaint', product_id=self.product.id, partner_id=self.contact.id)
        self.assertTrue(second.is_repeat, 'same customer company and product within 30 days')
        other_product = self.file(kind='complaint', product_id=self.fee_product.id)
        self.assertFalse(other_product.is_repeat)
        request = self.file(kind='request', product_id=self.product.id)
        self.assertFalse(request.is_repeat, 'only complaints repeat')
        self.env['ir.config_parameter'].sudo().set_param('sales_mis_service.repeat_days', '0')
        self.assertFalse(self.file(kind='complaint', product_id=self.product.id).is_repeat)

    def test_escalation(self):
        Request = self.env['sales_mis_service.request']
        late = self.file(user_id=self.salesperson.id)
        in_time = self.file()
        late_resolution = self.file(user_id=self.salesperson.id)
        late_resolution.sudo(self.salesperson).action_assign()
        late_resolution.sudo(self.salesperson).action_start()
        done = self.file()
        done.sudo().write({'state': 'cancel'})
        # pretend the first, third and fourth were filed 50 hours ago
        self.env.cr.execute("""UPDATE sales_mis_service_request
                                  SET response_deadline = now() at time zone 'UTC' - interval '46 hours',
                                      resolution_deadline = now() at time zone 'UTC' - interval '2 hours'
                                WHERE id IN %s""", ((late.id, late_resolution.id, done.id),))
        Request.invalidate_cache()
        self.assertEqual(Request.search([('overdue', '=', True), ('id', 'in', (late | in_time | late_resolution | done).ids)]),
                         late | late_resolution)
        with self.assertRaises(AccessError):  # maintenance entry point
            Request.sudo(self.manager).cron_escalate()
        count = Request.cron_escalate()
        self.assertGreaterEqual(count, 2)
        self.assertTrue(late.escalated and late.escalated_response and late.escalated_resolution)
        self.assertTrue(late_resolution.escalated and late_resolution.escalated_resolution)
        self.assertFalse(late_resolution.escalated_response, 'it was responded to')
        self.assertFalse(in_time.escalated or done.escalated)
        activities = self.env['mail.activity'].search([('res_model', '=', Request._name),
                                                       ('res_id', 'in', (late | late_resolution).ids)])
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.mapped('user_id'), self.team_east.user_id)
        self.assertEqual(Request.cron_escalate(), 0, 'escalated once')
        # the manager sees the escalation activity on the request
        self.assertEqual(len(late.sudo(self.team_east.user_id).activity_ids), 1)

    def test_health_figures_and_analysis(self):
        request = self.file(kind='complaint')
        figures = self.env['sales_mis_service.health'].sudo(self.salesperson).figures()
        self.assertGreaterEqual(figures['service_open'], 1)
        south = self.env['sales_mis_service.health'].sudo(self.salesperson_south).figures()
        self.assertEqual(south['service_open'], 0, 'the south seller has no requests')
        rows = self.env['sales_mis_service.analysis'].sudo(self.salesperson).read_group(
            [('id', '=', request.id)], ['kind', 'request_count', 'sla_met'], ['kind'])
        self.assertEqual(rows[0]['request_count'], 1)
        with self.assertRaises(AccessError):
            self.env['sales_mis_service.health'].sudo(self.internal).figures()
        tile = self.env.ref('sales_mis_service.tile_service_overdue').sudo(self.director)
        self.assertEqual(tile.value, self.env['sales_mis_service.request'].sudo(self.director).search_count(
            [('overdue', '=', True)]))
