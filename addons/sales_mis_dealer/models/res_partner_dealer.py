# -*- coding: utf-8 -*-
"""Dealer profile 经销商档案 (I1) on Odoo's partner: the dealer flag, level (with its pricelist),
sales area and its region, owner (the partner's salesperson, user_id), team,
cooperation since, contracts and yearly sales.

Level, area and the flag are commercial fields: a dealer's contacts (and the dealer's portal
users) follow their company. Who sees a dealer is set by record rules (owner / team manager /
director, security/sales_mis_dealer_security.xml); below manager, nobody makes someone else the
owner of a dealer (that would hand the dealer's data to them or take it from them)."""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

#: fields a salesperson may not use to move a dealer between owners
_OWNERSHIP = ('is_dealer', 'user_id')


class ResPartner(models.Model):
    _inherit = 'res.partner'

    is_dealer = fields.Boolean(string='Dealer', index=True, track_visibility='onchange',
                               help='A dealer 经销商 buys to resell: it has a level, a sales area and an owner, '
                                    'reports its stock and may order through the portal.')
    dealer_level_id = fields.Many2one('sales_mis_dealer.level', string='Dealer Level', index=True,
                                      track_visibility='onchange', ondelete='restrict')
    dealer_area_id = fields.Many2one('sales_mis_dealer.area', string='Sales Area', index=True,
                                     track_visibility='onchange', ondelete='restrict')
    dealer_region = fields.Char(string='Region', related='dealer_area_id.region', store=True, readonly=True,
                                index=True)
    dealer_since = fields.Date(string='Cooperating Since', track_visibility='onchange')
    dealer_grade = fields.Char(string='Latest Grade', readonly=True, copy=False,
                               help='The grade of the latest published dealer grading.')
    dealer_contract_ids = fields.One2many('sales_mis.contract', 'partner_id', string='Contracts')
    dealer_contract_count = fields.Integer(string='Contracts', compute='_compute_dealer_contract_count')
    dealer_stock_report_count = fields.Integer(string='Stock Reports', compute='_compute_dealer_stock_report_count')
    dealer_sales_this_year = fields.Monetary(string='Sales This Year', compute='_compute_dealer_yearly_sales',
                                             currency_field='dealer_currency_id',
                                             help='Untaxed confirmed orders of this year (orders in the company '
                                                  'currency, as dealer orders are).')
    dealer_sales_last_year = fields.Monetary(string='Sales Last Year', compute='_compute_dealer_yearly_sales',
                                             currency_field='dealer_currency_id')
    dealer_currency_id = fields.Many2one('res.currency', compute='_compute_dealer_yearly_sales')
    # who may see a dealer and its contacts, as plain columns for the record rule (a rule through
    # commercial_partner_id.user_id.sale_team_id... costs Odoo one query per path on every partner
    # search): the dealer company's owner and team (the owner's team when it has none), written
    # with the owner and kept on the contacts by res.partner's write
    dealer_owner_id = fields.Many2one('res.users', string='Dealer Owner', readonly=True, index=True, copy=False)
    dealer_team_id = fields.Many2one('crm.team', string='Dealer Team', readonly=True, index=True, copy=False)

    @api.model
    def _commercial_fields(self):
        return super(ResPartner, self)._commercial_fields() + ['is_dealer', 'dealer_level_id', 'dealer_area_id',
                                                               'dealer_since']

    # ------------------------------------------------------------ computes (one query for the page)

    def _compute_dealer_contract_count(self):
        dealers = self.filtered('is_dealer')
        counts = {}
        if dealers.ids and self.env['sales_mis.contract'].check_access_rights('read', raise_exception=False):
            groups = self.env['sales_mis.contract'].read_group([('partner_id', 'in', dealers.ids)],
                                                               ['partner_id'], ['partner_id'])
            counts = {group['partner_id'][0]: group['partner_id_count'] for group in groups}
        for partner in self:
            partner.dealer_contract_count = counts.get(partner.id, 0)

    def _compute_dealer_stock_report_count(self):
        dealers = self.filtered('is_dealer')
        counts = {}
        Report = self.env['sales_mis_dealer.stock.report']
        if dealers.ids and Report.check_access_rights('read', raise_exception=False):
            groups = Report.read_group([('partner_id', 'in', dealers.ids)], ['partner_id'], ['partner_id'])
            counts = {group['partner_id'][0]: group['partner_id_count'] for group in groups}
        for partner in self:
            partner.dealer_stock_report_count = counts.get(partner.id, 0)

    def _compute_dealer_yearly_sales(self):
        """Confirmed orders of this year and last, per commercial partner, in one SQL query.
        Figures of the dealers the caller reads (self), and only for a caller who may read
        orders at all."""
        currency = self.env.user.company_id.currency_id
        totals = {}
        this_year = last_year = None
        dealers = self.filtered(lambda partner: partner.id and partner.is_dealer)
        if dealers and self.env['sale.order'].check_access_rights('read', raise_exception=False):
            this_year = fields.Date.context_today(self)[:4]
            start = '%d-01-01' % (int(this_year) - 1)
            self.env.cr.execute("""
                SELECT p.commercial_partner_id, to_char(so.confirmation_date, 'YYYY'),
                       SUM(so.amount_untaxed)
                  FROM sale_order so JOIN res_partner p ON p.id = so.partner_id
                 WHERE p.commercial_partner_id IN %s AND so.state IN ('sale', 'done')
                   AND so.confirmation_date >= %s
                 GROUP BY 1, 2""", (tuple(dealers.mapped('commercial_partner_id').ids), start))
            for partner_id, year, amount in self.env.cr.fetchall():
                totals[(partner_id, year)] = amount or 0.0
            last_year = str(int(this_year) - 1)
        for partner in self:
            partner.dealer_currency_id = currency
            key = partner.commercial_partner_id.id
            partner.dealer_sales_this_year = totals.get((key, this_year), 0.0)
            partner.dealer_sales_last_year = totals.get((key, last_year), 0.0)

    # ------------------------------------------------------------ the level's pricelist, the owner

    def _dealer_defaults(self, values):
        """The level's pricelist and the owner's team follow the level and the owner, unless given."""
        if values.get('user_id') and 'team_id' not in values and (values.get('is_dealer') or any(self.mapped('is_dealer'))):
            team = self.env['res.users'].sudo().browse(values['user_id']).sale_team_id
            if team:
                values = dict(values, team_id=team.id)
        return self._dealer_level_pricelist(values)

    def _dealer_level_pricelist(self, values):
        level = self.env['sales_mis_dealer.level'].browse(values.get('dealer_level_id') or [])
        if level and level.sudo().pricelist_id and 'property_product_pricelist' not in values:
            values = dict(values, property_product_pricelist=level.sudo().pricelist_id.id)
        return values

    def _check_dealer_ownership(self, values, creating=False):
        """Below manager, a dealer stays with its owner: no dealer handed to another user, no
        partner of another owner made a dealer."""
        if not any(name in values for name in _OWNERSHIP) or self.env.user._is_superuser() \
                or self.env.user.has_group('sales_mis.group_manager'):
            return
        for partner in [None] if creating else self.sudo():
            dealer = values.get('is_dealer', partner.is_dealer if partner else False)
            owner = values.get('user_id', partner.user_id.id if partner else False)
            if partner and partner.commercial_partner_id != partner and 'user_id' not in values:
                owner = partner.commercial_partner_id.user_id.id  # a contact belongs to its company's owner
            if dealer and owner != self.env.uid:
                raise AccessError(_('Only a sales manager gives a dealer to another salesperson or makes another '
                                    'salesperson\'s customer a dealer (%s).')
                                  % (partner.display_name if partner else values.get('name', '')))

    def _dealer_access_values(self, values):
        """dealer_owner_id / dealer_team_id of a new partner: its own owner and team (a dealer
        company) or its parent's (a contact), set before Odoo's create rule check."""
        if values.get('parent_id'):
            parent = self.sudo().browse(values['parent_id']).commercial_partner_id
            return dict(values, dealer_owner_id=parent.dealer_owner_id.id, dealer_team_id=parent.dealer_team_id.id)
        if values.get('is_dealer'):
            owner = self.env['res.users'].sudo().browse(values.get('user_id') or [])
            return dict(values, dealer_owner_id=owner.id or False,
                        dealer_team_id=values.get('team_id') or owner.sale_team_id.id or False)
        return values

    def _sync_dealer_access(self):
        """The owner and team of these dealers on them and on all their contacts (one statement)."""
        commercial = self.sudo().mapped('commercial_partner_id')
        if commercial:
            self.env.cr.execute("""
                UPDATE res_partner p
                   SET dealer_owner_id = c.user_id, dealer_team_id = COALESCE(c.team_id, u.sale_team_id)
                  FROM res_partner c LEFT JOIN res_users u ON u.id = c.user_id
                 WHERE c.id IN %s AND (p.id = c.id OR p.commercial_partner_id = c.id)""", (tuple(commercial.ids),))
            self.invalidate_cache(['dealer_owner_id', 'dealer_team_id'])

    @api.model
    def create(self, values):
        self.browse()._check_dealer_ownership(values, creating=True)
        values = self.browse()._dealer_access_values(self.browse()._dealer_defaults(values))
        return super(ResPartner, self).create(values)

    @api.multi
    def write(self, values):
        self._check_dealer_ownership(values)
        result = super(ResPartner, self).write(self._dealer_defaults(values))
        if {'user_id', 'team_id', 'is_dealer', 'parent_id'} & set(values):
            self._sync_dealer_access()
        if {'user_id', 'team_id', 'is_dealer'} & set(values):
            dealers = self.filtered('is_dealer')
            if dealers:
                self.env['sales_mis_dealer.stock.report']._follow_dealer_owner(dealers)
        return result

    # ------------------------------------------------------------ buttons

    @api.multi
    def action_dealer_contracts(self):
        self.ensure_one()
        action = self.env.ref('sales_mis.action_contracts').read()[0]
        action['domain'] = [('partner_id', '=', self.id)]
        action['context'] = {'default_partner_id': self.id}
        return action

    @api.multi
    def action_dealer_stock_reports(self):
        self.ensure_one()
        action = self.env.ref('sales_mis_dealer.action_stock_reports').read()[0]
        action['domain'] = [('partner_id', '=', self.id)]
        action['context'] = {'default_partner_id': self.id}
        return action
