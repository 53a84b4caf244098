# -*- coding: utf-8 -*-
"""Daily work report 工作日报 (B7): a salesperson's day assembled from the records
(visits, calls and work logs, done activities, opportunity changes), a summary and a
plan for tomorrow, submitted to the team manager who approves it or returns it with
a comment."""
from datetime import timedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..crm_logic import daily_report
from ..workflow_logic.rules import Transition, WorkflowSpec

LINE_KINDS = [('visit', 'Visit'), ('call', 'Call'), ('work', 'Work Log'), ('activity', 'Activity Done'),
              ('new_lead', 'New Opportunity'), ('stage', 'Stage Change'), ('won', 'Won'), ('lost', 'Lost')]
#: visit types as line kinds (work logs are visits of type "other")
VISIT_KINDS = {'visit': 'visit', 'demo': 'visit', 'call': 'call', 'other': 'work'}
STATES = [('draft', 'Draft'), ('submitted', 'Submitted'), ('approved', 'Approved'), ('returned', 'Returned')]
FROZEN = {'submitted', 'approved'}

#: the author and her team decide who reviews, so they are set at creation only (to the author
#: and her team); the manager comments a submitted report, nobody changes anything else in it
REPORT_WORKFLOW = WorkflowSpec(
    protected={'state', 'reviewer_id', 'user_id', 'team_id'}, frozen_states=FROZEN,
    open_when_frozen={'manager_comment'}, deletable_states={'draft'},
    transitions=[Transition('action_collect', ('draft', 'returned'), None, 'the author (rebuilds the lines)'),
                 Transition('action_submit', ('draft', 'returned'), 'submitted', 'the author'),
                 Transition('action_approve', ('submitted',), 'approved',
                            "the manager of the author's team (not the author), a director"),
                 Transition('action_return', ('submitted',), 'returned', 'the same, with a comment')])
#: lines follow their report: editable by its author in draft/returned, frozen once submitted
LINE_WORKFLOW = WorkflowSpec(parent_field='report_id', frozen_states=FROZEN)


class DailyReport(models.Model):
    _name = 'sales_mis.daily.report'
    _description = 'Daily Work Report'
    # the workflow mixin first: its message_post makes the caller the author of tracked transitions
    _inherit = ['sales_mis.workflow.mixin', 'mail.thread', 'mail.activity.mixin']
    _order = 'date desc, user_id'
    _workflow = REPORT_WORKFLOW

    name = fields.Char(compute='_compute_name', store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True,
                       readonly=True, states={'draft': [('readonly', False)]})
    user_id = fields.Many2one('res.users', string='Salesperson', required=True, index=True,
                              default=lambda self: self.env.user, readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True,
                              default=lambda self: self.env.user.sale_team_id)
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    state = fields.Selection(STATES, default='draft', required=True, readonly=True, copy=False,
                             track_visibility='onchange')
    line_ids = fields.One2many('sales_mis.daily.report.line', 'report_id', string='Activities of the Day')
    summary = fields.Text(help="The day in the salesperson's words: results, problems, help needed.")
    plan_tomorrow = fields.Text(string='Plan for Tomorrow')
    manager_comment = fields.Text(string="Manager's Comment", track_visibility='onchange')
    reviewer_id = fields.Many2one('res.users', string='Reviewed By', readonly=True, copy=False)
    visit_count = fields.Integer(compute='_compute_counts', store=True, string='Visits')
    call_count = fields.Integer(compute='_compute_counts', store=True, string='Calls')
    activity_count = fields.Integer(compute='_compute_counts', store=True, string='Activities Done')
    opportunity_count = fields.Integer(compute='_compute_counts', store=True, string='Opportunity Changes')

    _sql_constraints = [
        ('one_per_day', 'unique (user_id, date)', 'A salesperson writes one report per day.'),
    ]

    @api.depends('user_id', 'date')
    def _compute_name(self):
        for report in self:
            report.name = '%s %s' % (report.user_id.name or '', report.date or '')

    @api.depends('line_ids.kind')
    def _compute_counts(self):
        for report in self:
            kinds = report.line_ids.mapped('kind')
            report.visit_count = kinds.count('visit')
            report.call_count = kinds.count('call')
            report.activity_count = kinds.count('activity')
            report.opportunity_count = len([k for k in kinds if k in ('new_lead', 'stage', 'won', 'lost')])

    # ------------------------------------------------------------ edits

    def _is_manager_of(self, report):
        user = self.env.user
        return user.has_group('sales_mis.group_director') or (
            user.has_group('sales_mis.group_manager') and report.team_id.user_id == user and report.user_id != user)

    @api.model
    def create(self, values):
        """The workflow mixin holds the state, reviewer, author and team; the comment is the
        manager's, who never creates someone else's report."""
        if values.get('manager_comment') and self.env.uid != SUPERUSER_ID:
            raise AccessError(_("Only the manager of the salesperson's team comments a daily report."))
        # one report per person and day: a clear message instead of the database constraint's
        given = dict(self.default_get([name for name in ('user_id', 'date') if not values.get(name)]), **values)
        existing = self._existing_report(given.get('user_id'), given.get('date'))
        if existing:
            raise UserError(self._existing_message(existing))
        report = super(DailyReport, self).create(values)
        report.action_collect()
        return report

    def _existing_report(self, user_id, day):
        """The report of ``user_id`` on ``day``, as the system: a colleague's report that the
        caller cannot read still takes the day."""
        return self.sudo().search([('user_id', '=', user_id), ('date', '=', day)], limit=1)

    def _existing_message(self, report):
        return _('%s already has a daily report for %s: open it (Daily Work Reports, or My Day for '
                 'today) instead of writing a second one.') % (report.user_id.name, report.date)

    @api.onchange('date', 'user_id')
    def _onchange_date_taken(self):
        existing = self._existing_report(self.user_id.id, self.date) if self.user_id and self.date else None
        if existing and existing.id != getattr(self, '_origin', self).id:  # _origin: in a form's onchange
            return {'warning': {'title': _('A report for this day exists'),
                                'message': self._existing_message(existing)}}

    @api.model
    def action_my_day(self):
        """The caller's report of today (their local day): the existing one, else a new one."""
        day = fields.Date.context_today(self)
        report = self.search([('user_id', '=', self.env.uid), ('date', '=', day)], limit=1)
        action = {'type': 'ir.actions.act_window', 'res_model': self._name, 'view_mode': 'form',
                  'views': [(False, 'form')], 'name': _('My Day'), 'target': 'current'}
        if report:
            action['res_id'] = report.id
        else:
            action['context'] = {'default_date': day}
        return action

    @api.multi
    def write(self, values):
        """Salespeople change their report while it is a draft or returned, managers their
        comment (the workflow mixin refuses the rest)."""
        if 'manager_comment' in values and self.env.uid != SUPERUSER_ID \
                and not all(self._is_manager_of(r) for r in self):
            raise AccessError(_("Only the manager of the salesperson's team comments a daily report."))
        return super(DailyReport, self).write(values)

    # ------------------------------------------------------------ collect

    @api.multi
    def action_collect(self):
        """Rebuilds the lines from the records of the day (one query per source): the author's
        day, by the author, while the report is a draft or returned."""
        for report in self:
            if report.state in FROZEN:
                raise UserError(_('A submitted daily report can no longer be changed; the manager can '
                                  'return it.'))
            if report.user_id != self.env.user and self.env.uid != SUPERUSER_ID:
                raise AccessError(_('Only %s collects the activities of this daily report.') % report.user_id.name)
            lines = daily_report.sort_lines(report._collect_lines())
            report._workflow_transition({'line_ids': [(5, 0, 0)] + [(0, 0, line) for line in lines]})
        return True

    def _collect_lines(self):
        self.ensure_one()
        start, end = (fields.Datetime.to_string(moment) for moment in
                      daily_report.day_bounds_utc(self.date, self.user_id.tz or self.env.user.tz))
        cr, partner, company = self.env.cr, self.user_id.partner_id.id, self.company_id.id
        lines = []
        type_labels = dict(self.env['sales_mis.visit']._fields['visit_type']._description_selection(self.env))
        cr.execute("SELECT id, date_start, name, visit_type, partner_id, lead_id, result FROM sales_mis_visit "
                   "WHERE user_id = %s AND date_start >= %s AND date_start < %s AND state != 'cancelled' "
                   "AND company_id = %s", (self.user_id.id, start, end, company))
        for visit_id, moment, name, visit_type, partner_id, lead_id, result in cr.fetchall():
            lines.append({'kind': VISIT_KINDS.get(visit_type, 'work'), 'time': moment, 'visit_id': visit_id,
                          'partner_id': partner_id, 'lead_id': lead_id,
                          'name': '%s: %s%s' % (type_labels.get(visit_type, visit_type), name,
                                                ' - %s' % result if result else '')})
        # done activities: Odoo posts a message with the activity type and deletes the activity
        cr.execute("SELECT m.date, m.model, m.res_id, m.record_name, t.name FROM mail_message m "
                   "JOIN mail_activity_type t ON t.id = m.mail_activity_type_id "
                   "WHERE m.author_id = %s AND m.date >= %s AND m.date < %s "
                   # only this report's company's opportunities and visits (links included)
                   "AND NOT EXISTS (SELECT 1 FROM crm_lead l WHERE m.model = 'crm.lead' AND l.id = m.res_id "
                   "                AND l.company_id != %s) "
                   "AND NOT EXISTS (SELECT 1 FROM sales_mis_visit sv WHERE m.model = 'sales_mis.visit' "
                   "                AND sv.id = m.res_id AND sv.company_id != %s)",
                   (partner, start, end, company, company))
        for moment, model, res_id, record_name, type_name in cr.fetchall():
            lines.append({'kind': 'activity', 'time': moment, 'lead_id': res_id if model == 'crm.lead' else False,
                          'visit_id': res_id if model == 'sales_mis.visit' else False,
                          'name': _('%s done: %s') % (type_name, record_name or '')})
        # stage changes the salesperson made (not the initial stage a creation tracks), won
        # when the new stage is a won stage
        cr.execute("SELECT m.date, m.res_id, m.record_name, v.old_value_char, v.new_value_char, "
                   "coalesce(s.probability, 0) >= 100, l.partner_id FROM mail_tracking_value v "
                   "JOIN mail_message m ON m.id = v.mail_message_id "
                   "LEFT JOIN crm_stage s ON s.id = v.new_value_integer "
                   "LEFT JOIN crm_lead l ON l.id = m.res_id "
                   "WHERE m.model = 'crm.lead' AND v.field = 'stage_id' AND m.author_id = %s "
                   "AND coalesce(v.old_value_integer, 0) != 0 "
                   "AND m.date >= %s AND m.date < %s AND (l.company_id IS NULL OR l.company_id = %s)",
                   (partner, start, end, company))
        for moment, lead_id, record_name, old, new, won, partner_id in cr.fetchall():
            lines.append({'kind': 'won' if won else 'stage', 'time': moment, 'lead_id': lead_id,
                          'partner_id': partner_id,
                          'name': _('%s: %s → %s') % (record_name or '', old or '', new or '')})
        # new opportunities and lost ones (lost is not a stage: active = False, date_closed set);
        # not those the system created or closed (demo data and module installs run as the
        # superuser): they are nobody's day
        cr.execute("SELECT * FROM ("
                   "  SELECT id, create_date, date_closed, name, partner_id, "
                   "         create_date >= %(start)s AND create_date < %(end)s "
                   "             AND create_uid IS DISTINCT FROM %(system)s AS new, "
                   "         NOT active AND date_closed >= %(start)s AND date_closed < %(end)s "
                   "             AND write_uid IS DISTINCT FROM %(system)s AS lost "
                   "    FROM crm_lead WHERE user_id = %(user)s "
                   "     AND (company_id IS NULL OR company_id = %(company)s) "
                   "     AND ((create_date >= %(start)s AND create_date < %(end)s) "
                   "          OR (date_closed >= %(start)s AND date_closed < %(end)s))) l WHERE new OR lost",
                   {'start': start, 'end': end, 'system': SUPERUSER_ID, 'user': self.user_id.id,
                    'company': company})
        for lead_id, created, closed, name, partner_id, new, lost in cr.fetchall():
            if new:
                lines.append({'kind': 'new_lead', 'time': created, 'lead_id': lead_id, 'partner_id': partner_id,
                              'name': _('New: %s') % name})
            if lost:
                lines.append({'kind': 'lost', 'time': closed, 'lead_id': lead_id, 'partner_id': partner_id,
                              'name': _('Lost: %s') % name})
        return lines

    # ------------------------------------------------------------ workflow

    @api.multi
    def action_submit(self):
        todo = self.env.ref('mail.mail_activity_data_todo')
        for report in self:
            if report.state not in ('draft', 'returned'):
                raise UserError(_('Only draft or returned daily reports can be submitted.'))
            if report.user_id != self.env.user and self.env.uid != SUPERUSER_ID:
                raise AccessError(_('Only %s can submit this daily report.') % report.user_id.name)
            report._workflow_transition({'state': 'submitted'})
            manager = report.team_id.user_id
            if manager and manager != report.user_id:
                report.sudo()._activity_schedule_review(todo, manager)
        return True

    def _review_summary(self):
        return _('Review the daily report of %s') % self.user_id.name

    def _activity_schedule_review(self, activity_type, manager):
        """A to-do for the team manager on the report (Odoo 11 has no activity_schedule)."""
        self.ensure_one()
        self.env['mail.activity'].create({
            'res_model_id': self.env['ir.model']._get(self._name).id, 'res_id': self.id,
            'activity_type_id': activity_type.id, 'user_id': manager.id,
            # in the manager's language, not the author's
            'summary': self.with_context(lang=manager.lang or self.env.lang)._review_summary(),
            'date_deadline': fields.Date.to_string(fields.Date.from_string(fields.Date.context_today(self))
                                                   + timedelta(days=1)),
        })
        return True

    def _review(self, state):
        for report in self:
            if report.state != 'submitted':
                raise UserError(_('Only submitted daily reports can be approved or returned.'))
            if not self._is_manager_of(report):
                raise AccessError(_("Only the manager of %s's team approves or returns this report.")
                                  % report.user_id.name)
            if state == 'returned' and not report.manager_comment:
                raise UserError(_('Say in your comment what to change before returning the report.'))
            report._workflow_transition({'state': state, 'reviewer_id': self.env.uid})
            report.activity_ids.filtered(lambda a: a.user_id == self.env.user).action_feedback()
            report.message_post(body=report.manager_comment or _('Approved.'),
                                partner_ids=report.user_id.partner_id.ids,
                                subtype='mail.mt_comment')

    @api.multi
    def action_approve(self):
        self._review('approved')
        return True

    @api.multi
    def action_return(self):
        self._review('returned')
        return True


class DailyReportLine(models.Model):
    _name = 'sales_mis.daily.report.line'
    _description = 'Daily Work Report Line'
    _inherit = ['sales_mis.workflow.mixin']
    _order = 'report_id, time, id'
    _workflow = LINE_WORKFLOW

    report_id = fields.Many2one('sales_mis.daily.report', required=True, ondelete='cascade', index=True)
    kind = fields.Selection(LINE_KINDS, required=True)
    time = fields.Datetime()
    name = fields.Char(string='Description', required=True)
    partner_id = fields.Many2one('res.partner', string='Customer')
    lead_id = fields.Many2one('crm.lead', string='Opportunity')
    visit_id = fields.Many2one('sales_mis.visit', string='Visit')



class DailyReportGap(models.TransientModel):
    """A working day without a submitted daily report (one row per salesperson and day)."""
    _name = 'sales_mis.daily.report.gap'
    _description = 'Missing Daily Report'
    _order = 'user_id, date'

    wizard_id = fields.Many2one('sales_mis.daily.report.missing', ondelete='cascade', index=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    date = fields.Date(readonly=True)
    weekday = fields.Char(compute='_compute_weekday')

    def _compute_weekday(self):
        for gap in self:
            gap.weekday = fields.Date.from_string(gap.date).strftime('%a') if gap.date else ''


#: longest range of the missing reports (one row per salesperson and working day)
MAX_GAP_DAYS = 366


class DailyReportMissing(models.TransientModel):
    """Which salespeople did not submit their report on which working day (Mon-Fri)."""
    _name = 'sales_mis.daily.report.missing'
    _description = 'Missing Daily Reports'

    date_from = fields.Date(required=True, default=lambda self: fields.Date.to_string(
        fields.Date.from_string(fields.Date.context_today(self)) - timedelta(days=14)))
    date_to = fields.Date(required=True, default=lambda self: fields.Date.to_string(
        fields.Date.from_string(fields.Date.context_today(self)) - timedelta(days=1)))

    def _salespeople(self):
        """The people the user reviews: all (directors), their teams' members, themselves."""
        user, Users = self.env.user, self.env['res.users'].sudo()
        if user.has_group('sales_mis.group_director'):
            return Users.search([('groups_id', 'in', self.env.ref('sales_mis.group_salesperson').id),
                                 ('share', '=', False), ('id', '!=', 1)])
        teams = self.env['crm.team'].sudo().search([('user_id', '=', user.id)])
        return Users.search([('sale_team_id', 'in', teams.ids)]) | user if teams else user

    @api.multi
    def compute_gaps(self):
        """One query: working days x salespeople without a submitted or approved report."""
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(_('The start of the range comes after its end.'))
        if fields.Date.from_string(self.date_to) - fields.Date.from_string(self.date_from) > timedelta(
                days=MAX_GAP_DAYS):
            raise UserError(_('Choose a range of at most %s days.') % MAX_GAP_DAYS)
        self.env['sales_mis.daily.report.gap'].search([('wizard_id', '=', self.id)]).unlink()
        self.env.cr.execute("""
            INSERT INTO sales_mis_daily_report_gap (wizard_id, user_id, team_id, date,
                        create_uid, write_uid, create_date, write_date)
            SELECT %(wizard)s, u.id, u.sale_team_id, d.day, %(uid)s, %(uid)s,
                   now() at time zone 'UTC', now() at time zone 'UTC'
              FROM generate_series(%(from)s::date, %(to)s::date, interval '1 day') AS d(day)
             CROSS JOIN res_users u
             WHERE u.id = ANY(%(users)s) AND extract(isodow FROM d.day) < 6
               AND NOT EXISTS (SELECT 1 FROM sales_mis_daily_report r WHERE r.user_id = u.id
                               AND r.date = d.day::date AND r.state IN ('submitted', 'approved'))
        """, {'wizard': self.id, 'uid': self.env.uid, 'from': self.date_from, 'to': self.date_to,
              'users': self._salespeople().ids})
        return self.env.cr.rowcount

    @api.multi
    def action_show(self):
        self.compute_gaps()
        return {
            'type': 'ir.actions.act_window', 'res_model': 'sales_mis.daily.report.gap',
            'name': _('Missing Daily Reports %s to %s') % (self.date_from, self.date_to),
            'view_mode': 'tree,pivot', 'domain': [('wizard_id', '=', self.id)],
            'context': {'search_default_by_user': 1},
        }
