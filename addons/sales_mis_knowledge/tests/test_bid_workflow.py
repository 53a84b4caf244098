# -*- coding: utf-8 -*-
"""Bids follow the workflow mechanism: only the buttons move them, each checking its caller;
a submitted bid needs every required document; a lost one a reason; a decided one is frozen
except its reasons; deadline reminders are filed once per deadline."""
import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .knowledge_common import KnowledgeCase

BYPASS = {'tracking_disable': True, 'mail_notrack': True, 'sales_mis_workflow_actor': 1, 'default_state': 'won'}


class TestBidWorkflow(KnowledgeCase):

    def test_a_new_bid_gets_the_default_checklist(self):
        bid = self.make_bid()
        self.assertEqual(bid.state, 'draft')
        self.assertEqual(len(bid.checklist_line_ids), 5)
        self.assertEqual(bid.checklist_progress, '0 / 5')

    def test_the_owner_walks_the_bid_to_won(self):
        bid = self.make_bid()
        as_owner = bid.sudo(self.salesperson)
        as_owner.action_prepare()
        with self.assertRaises(UserError):  # required documents not done
            as_owner.action_submit()
        self.finish_checklist(as_owner)
        self.assertTrue(all(line.done_date for line in bid.checklist_line_ids))
        as_owner.action_submit()
        as_owner.action_mark_won()
        self.assertEqual((bid.state, bid.decided_by_id, bid.result_date),
                         ('won', self.salesperson, fields.Date.context_today(bid)))
        authors = bid.sudo().message_ids.filtered(lambda m: m.tracking_value_ids).mapped('author_id')
        self.assertEqual(authors, self.salesperson.partner_id)

    def test_lost_needs_a_reason(self):
        bid = self.make_bid()
        as_owner = bid.sudo(self.salesperson)
        as_owner.action_prepare()
        self.finish_checklist(as_owner)
        as_owner.action_submit()
        with self.assertRaises(UserError):
            as_owner.action_mark_lost()
        as_owner.write({'lost_reason_id': self.env.ref('crm.lost_reason_1').id})
        as_owner.action_mark_lost()
        self.assertEqual(bid.state, 'lost')
        # the reasons stay open on a decided bid, nothing else does
        as_owner.write({'result_note': '价格高 11%'})
        with self.assertRaises(AccessError):
            as_owner.write({'amount': 1.0})
        with self.assertRaises(AccessError):
            as_owner.competitor_line_ids.create({'bid_id': bid.id, 'competitor_id': self.competitor.id})
        with self.assertRaises(AccessError):
            as_owner.unlink()

    def test_transitions_check_the_caller_and_the_state(self):
        bid = self.make_bid()
        with self.assertRaises(UserError):
            bid.sudo(self.salesperson).action_mark_won()  # not submitted
        # another team's manager cannot read it (record rules) nor move it
        with self.assertRaises(AccessError):
            bid.sudo(self.manager_south).action_prepare()
        # a colleague of the same team cannot either
        with self.assertRaises(AccessError):
            bid.sudo(self.seller_east2).action_prepare()
        bid.sudo(self.manager).action_prepare()  # the manager leading the team may
        bid.sudo(self.director).action_cancel()
        bid.sudo(self.salesperson).action_draft()
        self.assertEqual(bid.state, 'draft')

    def test_protected_fields_refused_whatever_the_context(self):
        bid = self.make_bid()
        for values in ({'state': 'won'}, {'decided_by_id': self.manager.id}, {'result_date': '2030-01-01'},
                       {'reminder_sent_on': '2030-01-01 00:00:00'}):
            with self.assertRaises(AccessError, msg=values):
                bid.sudo(self.salesperson).with_context(BYPASS).write(values)
        with self.assertRaises(AccessError):
            self.env['sales_mis.bid'].sudo(self.salesperson).with_context(BYPASS).create({
                'name': 'x', 'partner_id': self.customer.id})
        self.assertEqual(bid.state, 'draft')

    def test_checklist_freezes_once_submitted(self):
        bid = self.make_bid()
        as_owner = bid.sudo(self.salesperson)
        as_owner.action_prepare()
        self.finish_checklist(as_owner)
        as_owner.action_submit()
        with self.assertRaises(AccessError):
            as_owner.checklist_line_ids[:1].write({'done': False})

    def test_bond_dates_are_checked(self):
        bid = self.make_bid(bond_amount=5000.0)
        self.assertEqual(bid.bond_status, 'to_pay')
        with self.assertRaises(ValidationError), self.cr.savepoint():
            bid.sudo(self.salesperson).write({'bond_returned_date': '2030-01-05'})
        bid.invalidate_cache()
        bid.sudo(self.salesperson).write({'bond_paid_date': '2030-01-01'})
        self.assertEqual(bid.bond_status, 'paid')
        with self.assertRaises(ValidationError), self.cr.savepoint():
            bid.sudo(self.salesperson).write({'bond_returned_date': '2029-12-31'})
        bid.invalidate_cache()
        bid.sudo(self.salesperson).write({'bond_returned_date': '2030-02-01'})
        self.assertEqual(bid.bond_status, 'returned')

    def test_reminders_once_per_deadline(self):
        soon = datetime.datetime.utcnow() + datetime.timedelta(days=1)
        far = datetime.datetime.utcnow() + datetime.timedelta(days=20)
        due = self.make_bid(deadline=fields.Datetime.to_string(soon))
        later = self.make_bid(deadline=fields.Datetime.to_string(far))
        decided = self.make_bid(deadline=fields.Datetime.to_string(soon))
        decided.sudo(self.salesperson).action_cancel()
        Bid = self.env['sales_mis.bid']
        Bid._cron_deadline_reminders()
        self.assertEqual(len(due.activity_ids), 1)
        # the next activity deadline is computed, not stored, and still searches
        self.assertFalse(Bid._fields['activity_date_deadline'].store)
        self.assertEqual(due.activity_date_deadline, due.activity_ids.date_deadline)
        self.assertIn(due, Bid.search([('activity_date_deadline', '=', due.activity_ids.date_deadline)]))
        self.assertEqual(due.activity_ids.user_id, self.salesperson)
        self.assertFalse(later.activity_ids or decided.activity_ids)
        Bid._cron_deadline_reminders()
        self.assertEqual(len(due.activity_ids), 1, 'one reminder per deadline')
        due.sudo(self.salesperson).write({'deadline': fields.Datetime.to_string(soon + datetime.timedelta(hours=5))})
        self.assertFalse(due.reminder_sent_on)
        Bid._cron_deadline_reminders()
        self.assertEqual(len(due.activity_ids), 2)

    def test_reminder_batches(self):
        soon = fields.Datetime.to_string(datetime.datetime.utcnow() + datetime.timedelta(days=1))
        bids = self.make_bid(deadline=soon) | self.make_bid(deadline=soon) | self.make_bid(deadline=soon)
        # the demo bid may also be due: count only ours
        done = 0
        for _run in range(6):
            done += self.env['sales_mis.bid']._cron_deadline_reminders(batch=1)
        self.assertTrue(all(bids.mapped('reminder_sent_on')))
        self.assertGreaterEqual(done, 3)

    def test_write_case_from_a_won_bid_only(self):
        bid = self.make_bid()
        with self.assertRaises(UserError):
            bid.sudo(self.salesperson).action_write_case()
        bid.sudo(self.salesperson).action_prepare()
        self.finish_checklist(bid.sudo(self.salesperson))
        bid.sudo(self.salesperson).write({'competitor_line_ids': [(0, 0, {'competitor_id': self.competitor.id,
                                                                           'price': 90000.0})]})
        bid.sudo(self.salesperson).action_submit()
        bid.sudo(self.salesperson).action_mark_won()
        action = bid.sudo(self.salesperson).action_write_case()
        context = action['context']
        self.assertEqual(context['default_bid_id'], bid.id)
        self.assertEqual(context['default_competitor_ids'], [(6, 0, [self.competitor.id])])
        self.assertEqual(context['default_industry_id'], self.customer.industry_id.id)
        case = self.env['sales_mis.sales.case'].sudo(self.salesperson).with_context(context).create(
            {'name': context['default_name']})
        self.assertEqual((case.bid_id, case.partner_id, case.amount), (bid, self.customer, 100000.0))
