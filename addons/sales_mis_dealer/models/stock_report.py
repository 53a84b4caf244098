# -*- coding: utf-8 -*-
"""Dealer stock reports 经销商库存上报 (I3): per dealer and period, one line per product with the
opening, received and closing stock the dealer reports; sell-through and days of cover follow
(dealer_logic/stock_health.py). Entered on the form, uploaded as a file (wizard/stock_upload.py)
or submitted by the dealer on the portal (controllers/portal.py).

Workflow (models/workflow_mixin.py of sales_mis): draft -> submitted -> confirmed by the dealer's
owner, the team's manager or a director; a submitted or confirmed report no longer changes. On
confirmation, products below or above the level's cover thresholds become one activity for the
dealer's owner."""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.sales_mis.workflow_logic.rules import Transition, WorkflowSpec

from ..dealer_logic import stock_health

REPORT_STATES = [('draft', 'Draft'), ('submitted', 'Submitted'), ('confirmed', 'Confirmed')]
STOCK_STATUSES = [(stock_health.LOW, 'Low Stock'), (stock_health.OK, 'Healthy'), (stock_health.OVER, 'Overstock')]

REPORT_WORKFLOW = WorkflowSpec(
    protected={'state', 'submitted_by_id', 'confirmed_by_id', 'confirmed_date'},
    frozen_states=('submitted', 'confirmed'), deletable_states=('draft',), transitions=[
        Transition('action_submit', ('draft',), 'submitted', 'whoever may write the report (the dealer on the portal, '
                                                              'its owner)'),
        Transition('action_confirm', ('submitted',), 'confirmed', "the dealer's owner, the team's manager, a director"),
        Transition('action_reset', ('submitted', 'confirmed'), 'draft', 'the same'),
    ])
LINE_WORKFLOW = WorkflowSpec(protected={'sell_through_qty', 'cover_days', 'stock_status'}, parent_field='report_id',
                             frozen_states={'submitted', 'confirmed'})


def refuse_copied(records, values, names):
    """Fields copied from the dealer (owner, team) or the report are never edited by hand."""
    given = [name for name in names if name in values]
    if given and records.env.uid != SUPERUSER_ID:
        raise AccessError(_('%s of a %s follow its dealer and report; they are not edited.') % (
            ', '.join('"%s"' % records._fields[name].string for name in given), records._description))


class DealerStockReport(models.Model):
    _name = 'sales_mis_dealer.stock.report'
    _description = 'Dealer Stock Report'
    _inherit = ['sales_mis.workflow.mixin', 'mail.thread', 'mail.activity.mixin']
    _order = 'date_to desc, id desc'
    _workflow = REPORT_WORKFLOW

    name = fields.Char(string='Reference', compute='_compute_name', store=True)
    partner_id = fields.Many2one('res.partner', string='Dealer', required=True, index=True, ondelete='restrict',
                                 domain=[('is_dealer', '=', True), ('parent_id', '=', False)],
                                 track_visibility='onchange')
    # the owner and team of the dealer, copied for the record rules whatever the caller gives (a
    # related stored field is written after Odoo's create rule check, which then refuses everybody)
    # and kept in step with the dealer by res.partner's write
    user_id = fields.Many2one('res.users', string='Owner', readonly=True, index=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True, index=True)
    company_id = fields.Many2one('res.company', string='Company', required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    date_from = fields.Date(string='Period From', required=True, track_visibility='onchange')
    date_to = fields.Date(string='Period To', required=True, track_visibility='onchange')
    state = fields.Selection(REPORT_STATES, string='Status', required=True, default='draft', readonly=True,
                             copy=False, track_visibility='onchange')
    submitted_by_id = fields.Many2one('res.users', string='Submitted By', readonly=True, copy=False)
    confirmed_by_id = fields.Many2one('res.users', string='Confirmed By', readonly=True, copy=False,
                                      track_visibility='onchange')
    confirmed_date = fields.Datetime(string='Confirmed On', readonly=True, copy=False)
    line_ids = fields.One2many('sales_mis_dealer.stock.report.line', 'report_id', string='Products', copy=True)
    low_count = fields.Integer(string='Low Stock', compute='_compute_counts')
    over_count = fields.Integer(string='Overstock', compute='_compute_counts')
    sold_qty = fields.Float(string='Sell-through', compute='_compute_counts',
                            help='Units the dealer sold to its customers: opening + received - closing.')

    _sql_constraints = [
        ('period_order', 'CHECK(date_to >= date_from)', 'A stock report period ends on or after its start.'),
        ('dealer_period_uniq', 'unique(partner_id, date_from, date_to)',
         'The dealer already has a stock report for this period.'),
    ]

    @api.depends('partner_id', 'date_from', 'date_to')
    def _compute_name(self):
        for report in self:
            report.name = '%s %s..%s' % (report.partner_id.name or '', report.date_from or '', report.date_to or '')

    def _compute_counts(self):
        totals = {}
        if self.ids:
            groups = self.env['sales_mis_dealer.stock.report.line'].read_group(
                [('report_id', 'in', self.ids)], ['report_id', 'stock_status', 'sell_through_qty'],
                ['report_id', 'stock_status'], lazy=False)
            for group in groups:
                entry = totals.setdefault(group['report_id'][0], {'sold': 0.0})
                entry[group['stock_status']] = group['__count']
                entry['sold'] += group['sell_through_qty'] or 0.0
        for report in self:
            entry = totals.get(report.id, {})
            report.low_count = entry.get(stock_health.LOW, 0)
            report.over_count = entry.get(stock_health.OVER, 0)
            report.sold_qty = entry.get('sold', 0.0)

    @api.constrains('partner_id', 'company_id')
    def _check_dealer(self):
        for report in self.sudo():  # the rule check that follows says whether the caller may have it
            dealer = report.partner_id
            if not dealer.is_dealer or dealer.parent_id:
                raise ValidationError(_('%s is not a dealer: stock reports are for dealers.') % dealer.display_name)
            if dealer.company_id and dealer.company_id != report.company_id:
                raise ValidationError(_('Dealer %s belongs to another company.') % dealer.display_name)

    @api.model
    def _dealer_owner(self, partner_id):
        dealer = self.env['res.partner'].sudo().browse(partner_id).commercial_partner_id
        return {'user_id': dealer.user_id.id or False, 'team_id': dealer.team_id.id or False}

    @api.model
    def create(self, values):
        values = dict(values, **self._dealer_owner(values.get('partner_id')))
        return super(DealerStockReport, self).create(values)

    @api.multi
    def write(self, values):
        self._refuse_copied(values, ('user_id', 'team_id'))
        if values.get('partner_id'):
            values.update(self._dealer_owner(values['partner_id']))
        result = super(DealerStockReport, self).write(values)
        if {'partner_id', 'date_to', 'company_id'} & set(values):
            self._sync_lines()
        return result

    def _refuse_copied(self, values, names):
        refuse_copied(self, values, names)

    def _sync_lines(self):
        """The lines carry their report's dealer, owner, team, company and date (for rules and analysis)."""
        if not self.ids:
            return
        self.env.cr.execute("""
            UPDATE sales_mis_dealer_stock_report_line l
               SET partner_id = r.partner_id, user_id = r.user_id, team_id = r.team_id, company_id = r.company_id,
                   date_to = r.date_to
              FROM sales_mis_dealer_stock_report r
             WHERE r.id = l.report_id AND r.id IN %s""", (tuple(self.ids),))
        self.env['sales_mis_dealer.stock.report.line'].invalidate_cache()

    @api.model
    def _follow_dealer_owner(self, partners):
        """A dealer's new owner or team gets its reports (called by res.partner's write: a
        consequence of a change the caller was allowed to make)."""
        reports = self.sudo().search([('partner_id', 'in', partners.ids)])
        for partner in partners:
            mine = reports.filtered(lambda report: report.partner_id == partner)
            if mine:
                self.env.cr.execute('UPDATE sales_mis_dealer_stock_report SET user_id = %s, team_id = %s WHERE id IN %s',
                                    (partner.user_id.id or None, partner.team_id.id or None, tuple(mine.ids)))
        if reports:
            self.invalidate_cache()
            reports._sync_lines()

    def _period_days(self):
        self.ensure_one()
        return (fields.Date.from_string(self.date_to) - fields.Date.from_string(self.date_from)).days + 1

    # ------------------------------------------------------------ transitions

    def _check_confirmer(self):
        user = self.env.user
        for report in self:
            owner = report.sudo().partner_id.user_id
            team = report.sudo().team_id
            if not (owner == user or user.has_group('sales_mis.group_director')
                    or (user.has_group('sales_mis.group_manager') and team and
                        (team.user_id == user or team == user.sale_team_id))):
                raise AccessError(_('Only the owner of dealer %s, the manager of its team or a sales director '
                                    'confirms its stock reports.') % report.partner_id.display_name)

    def _check_state(self, states):
        labels = dict(REPORT_STATES)
        for report in self:
            if report.state not in states:
                raise UserError(_('Stock report %s is %s: this button does not apply.') % (
                    report.name, _(labels[report.state])))

    @api.multi
    def action_submit(self):
        self._check_state(('draft',))
        for report in self:
            if not report.line_ids:
                raise UserError(_('Stock report %s has no products: add them or upload a file first.') % report.name)
        self._workflow_transition({'state': 'submitted', 'submitted_by_id': self.env.uid})
        return True

    @api.multi
    def action_confirm(self):
        self._check_state(('submitted',))
        self._check_confirmer()
        self._workflow_transition({'state': 'confirmed', 'confirmed_by_id': self.env.uid,
                                   'confirmed_date': fields.Datetime.now()})
        self._alert_owner()
        return True

    @api.multi
    def action_reset(self):
        self._check_state(('submitted', 'confirmed'))
        self._check_confirmer()
        self._workflow_transition({'state': 'draft', 'confirmed_by_id': False, 'confirmed_date': False})
        return True

    @api.multi
    def action_upload(self):
        self.ensure_one()
        return {'type': 'ir.actions.act_window', 'res_model': 'sales_mis_dealer.stock.upload', 'view_mode': 'form',
                'target': 'new', 'context': {'default_report_id': self.id}}

    def _alert_owner(self):
        """One activity per confirmed report with alerts, for the dealer's owner (as the system:
        the caller confirmed the report; the activity tells its owner, who may read it)."""
        activity_type = self.env.ref('mail.mail_activity_data_todo', raise_if_not_found=False)
        model = self.env['ir.model'].sudo()._get(self._name)
        for report in self.sudo():
            owner = report.partner_id.user_id
            alerts = report.line_ids.filtered(lambda line: line.stock_status != stock_health.OK)
            if not owner or not alerts:
                continue
            low = alerts.filtered(lambda line: line.stock_status == stock_health.LOW)
            over = alerts - low
            note = ''.join('<li>%s: %s</li>' % (
                line.product_id.display_name, _('low stock, %.0f days of cover') % line.cover_days
                if line.stock_status == stock_health.LOW else
                (_('overstock, %.0f days of cover') % line.cover_days if line.cover_days >= 0
                 else _('overstock, did not sell'))) for line in alerts[:50])
            self.env['mail.activity'].sudo().create({
                'res_model_id': model.id, 'res_id': report.id, 'user_id': owner.id,
                'activity_type_id': activity_type.id if activity_type else False,
                'summary': _('Dealer stock: %s low, %s overstock') % (len(low), len(over)),
                'note': '<ul>%s</ul>' % note,
                'date_deadline': fields.Date.context_today(self),
            })


class DealerStockReportLine(models.Model):
    _name = 'sales_mis_dealer.stock.report.line'
    _description = 'Dealer Stock Report Line'
    _inherit = ['sales_mis.workflow.mixin']
    _order = 'report_id, product_id'
    _workflow = LINE_WORKFLOW

    report_id = fields.Many2one('sales_mis_dealer.stock.report', string='Stock Report', required=True,
                                ondelete='cascade', index=True)
    # copied from the report at creation (see the report's user_id), kept in step by the report
    partner_id = fields.Many2one('res.partner', string='Dealer', readonly=True, index=True)
    user_id = fields.Many2one('res.users', string='Owner', readonly=True, index=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True, index=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True, index=True)
    date_to = fields.Date(string='Period To', readonly=True)
    product_id = fields.Many2one('product.product', string='Product', required=True, index=True, ondelete='restrict')
    opening_qty = fields.Float(string='Opening', digits=(16, 2), default=0.0)
    received_qty = fields.Float(string='Received', digits=(16, 2), default=0.0)
    closing_qty = fields.Float(string='Closing', digits=(16, 2), default=0.0)
    # computed in Python at each change and stored plain, so that an upload writes them in bulk
    sell_through_qty = fields.Float(string='Sell-through', digits=(16, 2), readonly=True)
    cover_days = fields.Float(string='Days of Cover', digits=(16, 1), readonly=True,
                              help='-1: stock left that did not sell at all.')
    stock_status = fields.Selection(STOCK_STATUSES, string='Stock Health', readonly=True, index=True)

    _sql_constraints = [
        ('report_product_uniq', 'unique(report_id, product_id)', 'A product appears once per stock report.'),
        ('quantities_positive', 'CHECK(opening_qty >= 0 AND received_qty >= 0 AND closing_qty >= 0)',
         'Stock quantities cannot be negative.'),
    ]

    def _refuse_copied(self, values, names):
        refuse_copied(self, values, names)

    @api.model
    def _health_values(self, report, opening, received, closing):
        """sell-through, cover and status of one line of `report` (the level's thresholds)."""
        sold = stock_health.sell_through(opening, received, closing)
        if sold < 0:
            raise ValidationError(_('Closing stock (%s) is more than opening plus received (%s).')
                                  % (closing, opening + received))
        level = report.sudo().partner_id.dealer_level_id
        low, high = (level.low_cover_days, level.high_cover_days) if level else (15, 90)
        cover = stock_health.days_of_cover(closing, sold, report._period_days())
        return {'sell_through_qty': sold, 'cover_days': -1.0 if cover is None else round(cover, 1),
                'stock_status': stock_health.stock_status(cover, low, high)}

    _COPIED = ('partner_id', 'user_id', 'team_id', 'company_id', 'date_to')

    @api.model
    def create(self, values):
        report = self.env['sales_mis_dealer.stock.report'].sudo().browse(values.get('report_id'))
        values = dict(values, **{name: report[name].id if name != 'date_to' else report[name]
                                 for name in self._COPIED})
        line = super(DealerStockReportLine, self).create(values)
        line._update_health()
        return line

    @api.multi
    def write(self, values):
        self._refuse_copied(values, self._COPIED)
        if values.get('report_id'):
            report = self.env['sales_mis_dealer.stock.report'].sudo().browse(values['report_id'])
            values.update({name: report[name].id if name != 'date_to' else report[name] for name in self._COPIED})
        result = super(DealerStockReportLine, self).write(values)
        if {'opening_qty', 'received_qty', 'closing_qty', 'report_id'} & set(values):
            self._update_health()
        return result

    def _update_health(self):
        # the computed figures are the system's conclusion from quantities the caller could change
        for line in self:
            line._workflow_consequence(self._health_values(line.report_id, line.opening_qty, line.received_qty,
                                                          line.closing_qty))
