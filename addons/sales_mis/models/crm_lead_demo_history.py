# -*- coding: utf-8 -*-
"""Demo history for the win model: closed opportunities of the demo team, with a
visible pattern (qualified, well-followed deals in later stages win more)."""
import random

from odoo import api, models


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    @api.model
    def _sales_mis_demo_history(self, count=120, seed=11):
        rng = random.Random(seed)
        users = self.env.ref('sales_mis.user_salesperson') | self.env.ref('sales_mis.user_manager')
        team = self.env.ref('sales_mis.team_east_china')
        stages = self.env['crm.stage'].search([('probability', '<', 100)], order='sequence')
        won_stage = self.env['crm.stage'].search([('probability', '=', 100)], limit=1)
        customers = self.env['res.partner'].search([('customer', '=', True), ('is_company', '=', True)], limit=8)
        sources = self.env['utm.source'].search([], limit=3)
        leads = self.with_context(sales_mis_no_evaluate=True, mail_notrack=False, tracking_disable=False)
        for index in range(count):
            qualified = [rng.random() < 0.5 for _i in range(4)]
            stage = stages[min(int(rng.random() * len(stages)), len(stages) - 1)]
            notes = rng.randint(0, 4)
            logit = -2.4 + 0.9 * sum(qualified) / 2.0 + 0.8 * stage.sequence / max(stages.mapped('sequence')) \
                + 0.35 * notes
            won = rng.random() < 1.0 / (1.0 + 2.718281828 ** -logit)
            user = users[index % 2]
            lead = leads.create({
                'name': 'Demo history %03d' % (index + 1), 'type': 'opportunity', 'user_id': user.id,
                'team_id': team.id, 'partner_id': customers[index % len(customers)].id if customers else False,
                'planned_revenue': round(rng.lognormvariate(10, 1), -2), 'stage_id': stage.id,
                'source_id': sources[index % len(sources)].id if sources else False,
                'eval_budget_confirmed': qualified[0], 'eval_decision_maker_known': qualified[1],
                'eval_need_confirmed': qualified[2], 'eval_timing_confirmed': qualified[3],
            })
            for note in range(notes):
                lead.message_post(body='Follow-up call %d' % (note + 1), message_type='comment',
                                  subtype='mail.mt_note')
            if won:
                lead.write({'stage_id': won_stage.id})
            else:
                lead.action_set_lost()
        return True
