# -*- coding: utf-8 -*-
"""The pure workflow table (workflow_logic/rules.py): what ordinary writes may touch."""
import unittest

from odoo.addons.sales_mis.workflow_logic import rules

PLAN = rules.WorkflowSpec(protected={'state', 'approved_by_id'}, frozen_states={'approved', 'locked'},
                          open_when_frozen={'note'}, deletable_states={'draft'})
LINE = rules.WorkflowSpec(protected=rules.EVERYTHING, parent_field='statement_id')


class TestWorkflowRules(unittest.TestCase):

    def test_protected_fields_are_refused_in_every_state(self):
        for state in ('draft', 'submitted', 'approved'):
            self.assertIn('state', rules.refused_fields(PLAN, state, {'state': 'approved', 'name': 'x'}))
            self.assertIn('approved_by_id', rules.refused_fields(PLAN, state, ['approved_by_id']))

    def test_draft_allows_ordinary_fields(self):
        self.assertEqual(rules.refused_fields(PLAN, 'draft', {'name': 'x', 'target_amount': 5}), [])

    def test_frozen_state_refuses_all_but_open_and_mail_fields(self):
        self.assertEqual(rules.refused_fields(PLAN, 'approved', {'name': 'x', 'target_amount': 5}),
                         ['name', 'target_amount'])
        self.assertEqual(rules.refused_fields(PLAN, 'approved', {'note': 'ok', 'message_follower_ids': []}), [])

    def test_create_may_set_protected_fields_to_their_default_only(self):
        self.assertEqual(rules.refused_on_create(PLAN, 'draft', {'state': 'draft'}, {'state': 'draft'}), [])
        self.assertEqual(rules.refused_on_create(PLAN, 'draft', {'approved_by_id': False}, {}), [])
        self.assertEqual(rules.refused_on_create(PLAN, 'approved', {'state': 'approved'}, {'state': 'draft'}),
                         ['state'])
        self.assertEqual(rules.refused_on_create(PLAN, 'draft', {'approved_by_id': 7}, {}), ['approved_by_id'])

    def test_computed_lines_are_closed_to_ordinary_callers(self):
        self.assertEqual(rules.refused_fields(LINE, 'draft', {'amount': 1}), ['amount'])
        self.assertTrue(rules.refused_on_create(LINE, 'draft', {}, {}))
        self.assertFalse(rules.may_delete(LINE, 'draft'))

    def test_delete_only_in_deletable_states(self):
        self.assertTrue(rules.may_delete(PLAN, 'draft'))
        self.assertFalse(rules.may_delete(PLAN, 'submitted'))
        open_spec = rules.WorkflowSpec(protected={'state'}, frozen_states={'done'})
        self.assertTrue(rules.may_delete(open_spec, 'draft'))
        self.assertFalse(rules.may_delete(open_spec, 'done'))
