# -*- coding: utf-8 -*-
"""A salesperson's to-dos as cards (views/todo_views.xml): each to-do links to the document it
belongs to, where the chatter marks it done. The link is given only for documents the user may
read, so a card never opens into an access error."""
from odoo import api, fields, models

from .mail_activity_access import readable_record_ids


class MailActivityTodo(models.Model):
    _inherit = 'mail.activity'

    document_ref = fields.Reference(selection='_selection_document_model', string='Document',
                                    compute='_compute_document_ref')

    @api.model
    def _selection_document_model(self):
        # activities belong to records of mail.thread models only
        return [(model.model, model.name)
                for model in self.env['ir.model'].sudo().search([('is_mail_thread', '=', True)])]

    def _compute_document_ref(self):
        readable = readable_record_ids(self.env, [(todo.res_model, todo.res_id) for todo in self])
        for todo in self:
            key = (todo.res_model, todo.res_id)
            todo.document_ref = '%s,%s' % key if key in readable else False
