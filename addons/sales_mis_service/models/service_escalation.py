# -*- coding: utf-8 -*-
"""Escalation 升级 of overdue service requests, by ir.cron.

An open request whose response or resolution deadline has passed without that step being done
is flagged escalated (once per step) and its service team's leader gets a to-do activity on it.
Set-based: one UPDATE ... RETURNING flags every overdue request and one INSERT ... SELECT files
the activities, so 100,000 open requests cost two statements, not 100,000 ORM writes. The
flags are system facts (the cron runs as the superuser) and skip the chatter; the activity is
what the manager sees."""
import logging

from odoo import _, api, fields, models
from odoo.addons.sales_mis.lib.admin_only import admin_only

from .service_request import OPEN_STATES

_logger = logging.getLogger(__name__)


class ServiceRequestEscalation(models.Model):
    _inherit = 'sales_mis_service.request'

    @api.model
    @admin_only
    def cron_escalate(self):
        """Escalate every overdue open request; returns the number of requests escalated."""
        return self._escalate(fields.Datetime.now())

    @api.model
    def _escalate(self, now):
        cr = self.env.cr
        cr.execute("""
            WITH due AS (
                SELECT id,
                       (date_responded IS NULL AND response_deadline < %(now)s
                        AND NOT COALESCE(escalated_response, false)) AS response_late,
                       (date_resolved IS NULL AND resolution_deadline < %(now)s
                        AND NOT COALESCE(escalated_resolution, false)) AS resolution_late
                  FROM sales_mis_service_request
                 WHERE state IN %(open)s
                   AND ((date_responded IS NULL AND response_deadline < %(now)s
                         AND NOT COALESCE(escalated_response, false))
                     OR (date_resolved IS NULL AND resolution_deadline < %(now)s
                         AND NOT COALESCE(escalated_resolution, false)))
            )
            UPDATE sales_mis_service_request r
               SET escalated = true, date_escalated = %(now)s,
                   escalated_response = COALESCE(r.escalated_response, false) OR due.response_late,
                   escalated_resolution = COALESCE(r.escalated_resolution, false) OR due.resolution_late,
                   write_date = %(now)s, write_uid = %(uid)s
              FROM due WHERE due.id = r.id
            RETURNING r.id, due.response_late, due.resolution_late""",
                   {'now': now, 'open': OPEN_STATES, 'uid': self.env.uid})
        rows = cr.fetchall()
        if not rows:
            return 0
        self._file_escalation_activities([row[0] for row in rows if row[1]], 'response', now)
        self._file_escalation_activities([row[0] for row in rows if row[2] and not row[1]], 'resolution', now)
        self.invalidate_cache(ids=[row[0] for row in rows])
        _logger.info('Escalated %d overdue service requests', len(rows))
        return len(rows)

    def _file_escalation_activities(self, ids, step, now):
        """One to-do activity per escalated request for its team leader (else the company's
        director-level fallback: the assigned person), due today, in one INSERT ... SELECT."""
        if not ids:
            return
        activity_type = self.env.ref('mail.mail_activity_data_todo', raise_if_not_found=False)
        model = self.env['ir.model']._get(self._name)
        summary = {'response': _('Escalated: no response in time'),
                   'resolution': _('Escalated: not resolved in time')}[step]
        self.env.cr.execute("""
            INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id, summary,
                                       date_deadline, user_id, create_uid, create_date, write_uid, write_date)
            SELECT %(model_id)s, %(model)s, r.id, r.name, %(type)s, %(summary)s, %(now)s::date,
                   COALESCE(t.user_id, r.user_id), %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM sales_mis_service_request r
              LEFT JOIN crm_team t ON t.id = r.team_id
             WHERE r.id IN %(ids)s AND COALESCE(t.user_id, r.user_id) IS NOT NULL""", {
            'model_id': model.id, 'model': self._name, 'type': activity_type.id if activity_type else None,
            'summary': summary, 'now': now, 'uid': self.env.uid, 'ids': tuple(ids)})
        self.env['mail.activity'].invalidate_cache()
