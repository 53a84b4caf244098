# -*- coding: utf-8 -*-
"""Competitors 竞争对手: shared reference data, competitors on opportunities with the
visibility of the opportunity, the win/loss report and its XLSX."""
import io
import zipfile

import xlrd

from odoo.exceptions import AccessError, ValidationError
from odoo.addons.sales_mis.crm_logic import competitor_xlsx

from .common import PlanningCase


class TestCompetitor(PlanningCase):

    def setUp(self):
        super(TestCompetitor, self).setUp()
        Competitor = self.env['sales_mis.competitor']
        self.alpha = Competitor.create({'name': 'Alpha Pumps', 'strengths': 'Cheap'})
        self.beta = Competitor.create({'name': 'Beta Valves'})
        self.won_stage = self.env['crm.stage'].search([('probability', '=', 100)], limit=1)

    def lead(self, user, outcome, amount, competitors):
        lead = self.env['crm.lead'].sudo(user).create({
            'name': 'Deal', 'type': 'opportunity', 'partner_id': self.customer.id, 'user_id': user.id,
            'team_id': user.sale_team_id.id, 'planned_revenue': amount,
            'sales_mis_competitor_line_ids': [(0, 0, {'competitor_id': c.id, 'price': amount * 0.9})
                                              for c in competitors]})
        if outcome == 'won':
            lead.write({'stage_id': self.won_stage.id})
        elif outcome == 'lost':
            lead.action_set_lost()
        return lead

    def report(self, user):
        groups = self.env['sales_mis.competitor.report'].sudo(user).read_group(
            [('competitor_id', 'in', (self.alpha | self.beta).ids)],
            ['competitor_id', 'opportunity_count', 'won_count', 'amount', 'win_rate'], ['competitor_id'])
        return {g['competitor_id'][1]: (g['opportunity_count'], g['won_count'], g['amount'], g['win_rate'])
                for g in groups}

    def make_deals(self):
        self.lead(self.salesperson, 'won', 100.0, self.alpha)
        self.lead(self.salesperson, 'lost', 300.0, self.alpha | self.beta)
        self.lead(self.salesperson, 'open', 50.0, self.alpha)
        self.lead(self.salesperson_east2, 'won', 1000.0, self.beta)
        self.lead(self.salesperson_south, 'lost', 7.0, self.beta)

    def test_win_loss_by_competitor_per_role(self):
        self.make_deals()
        self.assertEqual(self.report(self.salesperson), {
            'Alpha Pumps': (3, 1, 450.0, 50.0), 'Beta Valves': (1, 0, 300.0, 0.0)})
        self.assertEqual(self.report(self.manager)['Beta Valves'], (2, 1, 1300.0, 50.0))
        self.assertEqual(self.report(self.director)['Beta Valves'], (3, 1, 1307.0, 100.0 / 3))
        self.assertEqual((self.alpha.sudo(self.salesperson).won_count, self.alpha.lost_count), (1, 1))

    def test_rights(self):
        self.make_deals()
        self.alpha.sudo(self.salesperson).read(['name', 'strengths'])  # all salespeople read
        with self.assertRaises(AccessError):
            self.alpha.sudo(self.salesperson).write({'weaknesses': 'Slow'})
        with self.assertRaises(AccessError):
            self.env['sales_mis.competitor'].sudo(self.salesperson).create({'name': 'Gamma'})
        self.alpha.sudo(self.manager).write({'weaknesses': 'Slow'})
        Line = self.env['sales_mis.lead.competitor']
        south_line = Line.search([('lead_id.user_id', '=', self.salesperson_south.id)])
        with self.assertRaises(AccessError):
            south_line.sudo(self.salesperson).read(['price'])
        with self.assertRaises(AccessError):
            south_line.sudo(self.manager).write({'price': 1.0})
        teammate_line = Line.search([('lead_id.user_id', '=', self.salesperson_east2.id)])
        with self.assertRaises(AccessError):
            teammate_line.sudo(self.salesperson).write({'price': 1.0})
        teammate_line.sudo(self.manager).write({'position': 'ahead'})
        with self.assertRaises(ValidationError):
            teammate_line.sudo(self.manager).write({'price': -5.0})

    def test_xlsx_reads_back(self):
        self.make_deals()
        rows = self.env['sales_mis.competitor.report'].sudo(self.salesperson).export_rows(
            [('competitor_id', 'in', (self.alpha | self.beta).ids)])
        labels = {'competitor': '竞争对手', 'opportunities': '商机数', 'won': '赢单', 'lost': '丢单',
                  'win_rate': '赢率', 'amount': '预计收入', 'won_amount': '赢单金额', 'lost_amount': '丢单金额',
                  'total': '合计'}
        data = competitor_xlsx.build_competitor_workbook(rows, '竞争对手分析', labels)
        sheet = xlrd.open_workbook(file_contents=data).sheet_by_index(0)
        values = [sheet.row_values(row) for row in range(1, sheet.nrows)]
        self.assertEqual(values[0], ['竞争对手', '商机数', '赢单', '丢单', '赢率', '预计收入', '赢单金额', '丢单金额'])
        self.assertEqual(values[1], ['Alpha Pumps', 3, 1, 1, 0.5, 450, 100, 300])
        self.assertEqual(values[2], ['Beta Valves', 1, 0, 1, 0, 300, 0, 300])
        self.assertEqual(values[3][:4] + values[3][5:], ['合计', 4, 1, 2, 750, 100, 600])
        self.assertAlmostEqual(values[3][4], 1 / 3)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sheet_xml = archive.read('xl/worksheets/sheet1.xml').decode()
            styles = archive.read('xl/styles.xml').decode()
        self.assertIn('topLeftCell="B3"', sheet_xml)  # header and names stay visible
        self.assertIn('0.0%', styles)

class TestKeyProject(PlanningCase):

    def test_key_projects_and_accounts(self):
        self.customer.key_account = True
        lead = self.env['crm.lead'].sudo(self.salesperson).create({
            'name': 'Big one', 'type': 'opportunity', 'partner_id': self.customer.id,
            'user_id': self.salesperson.id, 'key_project_level': 'company'})
        self.assertTrue(lead.key_project and lead.key_account)
        action = self.env.ref('sales_mis.action_key_projects')
        Lead = self.env['crm.lead'].sudo(self.salesperson)
        self.assertIn(lead, Lead.search(eval(action.domain)))
        lead.sudo(self.salesperson).write({'key_project_level': False})
        self.assertNotIn(lead, Lead.search(eval(action.domain)))
        other = self.env['crm.lead'].sudo(self.salesperson_south).create({
            'name': 'Theirs', 'type': 'opportunity', 'user_id': self.salesperson_south.id,
            'key_project_level': 'team'})
        self.assertNotIn(other, Lead.search(eval(action.domain)))
        with self.assertRaises(AccessError):
            other.sudo(self.salesperson).write({'key_project_level': 'company'})
