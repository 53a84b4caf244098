# -*- coding: utf-8 -*-
"""Sales cases: written up from won deals, reviewed by the manager of the author's team or a
director (never by the author), published ones read by every salesperson of the company."""
from odoo.exceptions import AccessError, UserError

from .knowledge_common import KnowledgeCase


class TestCaseWorkflow(KnowledgeCase):

    def _lead(self, user, won):
        lead = self.env['crm.lead'].sudo(user).create({
            'name': '政府采购项目', 'type': 'opportunity', 'partner_id': self.customer.id, 'user_id': user.id,
            'team_id': user.sale_team_id.id, 'planned_revenue': 50000.0,
            'sales_mis_competitor_line_ids': [(0, 0, {'competitor_id': self.competitor.id})]})
        if won:
            lead.action_set_won()
        return lead

    def test_prefilled_from_a_won_opportunity(self):
        with self.assertRaises(UserError):
            self._lead(self.salesperson, won=False).sudo(self.salesperson).action_sales_mis_write_case()
        lead = self._lead(self.salesperson, won=True)
        context = lead.sudo(self.salesperson).action_sales_mis_write_case()['context']
        case = self.env['sales_mis.sales.case'].sudo(self.salesperson).with_context(context).create(
            {'name': context['default_name']})
        self.assertEqual((case.lead_id, case.partner_id, case.industry_id, case.competitor_ids, case.amount),
                         (lead, self.customer, self.customer.industry_id, self.competitor, 50000.0))
        self.assertEqual(case.state, 'draft')

    def test_review_and_publish(self):
        case = self.make_case()
        as_author = case.sudo(self.salesperson)
        as_author.action_submit()
        with self.assertRaises(AccessError):  # frozen in review
            as_author.write({'lessons': 'x'})
        with self.assertRaises(AccessError):
            as_author.action_publish()        # never the author
        with self.assertRaises(AccessError):
            case.sudo(self.manager_south).action_publish()  # another team's manager
        case.sudo(self.manager).action_publish()
        self.assertEqual((case.state, case.reviewer_id), ('published', self.manager))
        with self.assertRaises(AccessError):
            as_author.action_send_back()      # the author cannot unpublish
        case.sudo(self.director).action_send_back()
        self.assertEqual((case.state, case.reviewer_id.id, case.published_date), ('draft', False, False))

    def test_a_manager_cannot_publish_their_own(self):
        case = self.make_case(user=self.manager)
        case.sudo(self.manager).action_submit()
        with self.assertRaises(AccessError):
            case.sudo(self.manager).action_publish()
        case.sudo(self.director).action_publish()
        self.assertEqual(case.state, 'published')

    def test_submit_needs_solution_and_result(self):
        case = self.make_case(solution=False)
        with self.assertRaises(UserError):
            case.sudo(self.salesperson).action_submit()

    def test_author_withdraws_from_review(self):
        case = self.make_case()
        case.sudo(self.salesperson).action_submit()
        case.sudo(self.salesperson).action_send_back()
        self.assertEqual(case.state, 'draft')

    def test_protected_fields(self):
        case = self.make_case()
        for values in ({'state': 'published'}, {'reviewer_id': self.manager.id}, {'published_date': '2030-01-01'}):
            with self.assertRaises(AccessError, msg=values):
                case.sudo(self.salesperson).with_context(tracking_disable=True, default_state='published').write(values)
        with self.assertRaises(AccessError):
            self.make_case(state='published')
        copied = case.sudo(self.salesperson).with_context(default_state='published').copy()
        self.assertEqual(copied.state, 'draft')
