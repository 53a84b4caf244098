# -*- coding: utf-8 -*-
"""The key-figure tiles of the role dashboards: one record per figure, shown as kanban cards.

A tile's value is the figure of the Sales Dashboard (report/dashboard.py) read as the user
viewing it, so record rules apply and the tile equals the report it opens: clicking a tile
opens that report with the filter that makes the same total."""
from odoo import api, fields, models

from ..lib.role_boards import ROLE_BOARDS, board_for

KINDS = [('money', 'Amount'), ('percent', 'Percentage')]
#: figures of sales_mis.dashboard.figures() a tile may show
CODES = [('sales_today', "Today's Sales"), ('sales_mtd', 'Sales Month to Date'),
         ('target_month', 'Target of the Month'), ('completion_mtd', 'Month Completion (%)'),
         ('plan_completion', 'Plan Completion of the Month (%)'),
         ('collected_today', "Today's Collections"), ('collected_mtd', 'Collections Month to Date'),
         ('arrears_total', 'Customer Arrears'), ('arrears_overdue', 'Overdue Arrears'),
         ('arrears_over_90', 'Over 90 Days')]


class DashboardTile(models.Model):
    _name = 'sales_mis.dashboard.tile'
    _description = 'Dashboard Tile'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    code = fields.Selection(CODES, string='Figure', required=True)
    kind = fields.Selection(KINDS, required=True, default='money')
    action_id = fields.Many2one('ir.actions.act_window', string='Opens', required=True, ondelete='cascade')
    search_filter = fields.Char(string='Filter', help='Name of the filter of the search view that the '
                                                      'report opens with; it selects the tile\'s figure.')
    value = fields.Float(compute='_compute_value', string='Value')
    currency_id = fields.Many2one('res.currency', compute='_compute_value')

    @api.multi
    def _compute_value(self):
        # one figures() call for all tiles; it checks the caller may read the reports
        figures = self.env['sales_mis.dashboard'].figures() if self else {}
        currency = self.env.user.company_id.currency_id
        for tile in self:
            tile.value = figures.get(tile.code) or 0.0
            tile.currency_id = currency

    @api.multi
    def action_open(self):
        """The report behind the tile, filtered to the tile's figure."""
        self.ensure_one()
        action = self.action_id.read()[0]
        # replaces the report's default filters: those of the same group would OR with ours
        if self.search_filter:
            action['context'] = {'search_default_%s' % self.search_filter: 1}
        return action

    @api.model
    def action_my_board(self):
        """The dashboard of the caller's highest Sales MIS role (the users' home action)."""
        held = {group for group, _board in ROLE_BOARDS if self.env.user.has_group(group)}
        board = board_for(held)
        return self.env.ref(board).read()[0] if board else {'type': 'ir.actions.act_window_close'}
