# -*- coding: utf-8 -*-
"""Upload of visits and work logs written offline 离线录入 (B2).

Thin glue around crm_logic.visit_import: resolve the lookups with one query per table,
refuse or skip rows with errors (row numbers as in the file), create the rest with the
uploader's rights, and skip rows imported before (same offline key)."""
import base64

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..crm_logic import visit_import

#: errors listed in full in the refusal; more are counted
MAX_LISTED_ERRORS = 50
#: errors kept on the wizard after a 'valid rows only' import; more are counted
MAX_STORED_ERRORS = 1000
#: characters of the refusal message (each echoed cell value is capped by the parser already)
MAX_MESSAGE_CHARS = 20000
#: visits inserted per statement
BATCH_SIZE = 2000
#: the validated values inserted as they are (state, date_stop and company are derived)
INSERTED_COLUMNS = ['offline_key', 'name', 'user_id', 'team_id', 'partner_id', 'visit_type', 'date_start',
                    'duration', 'purpose', 'result', 'next_step', 'next_step_date']


class VisitImport(models.TransientModel):
    _name = 'sales_mis.visit.import'
    _description = 'Import Offline Visits'

    data_file = fields.Binary(string='File', attachment=False,
                              help='CSV (UTF-8 or GBK) or XLSX filled from the template.')
    filename = fields.Char()
    mode = fields.Selection([('strict', 'Import nothing if any row has an error'),
                             ('valid_only', 'Import the valid rows only')],
                            string='When Rows Have Errors', required=True, default='strict')
    state = fields.Selection([('upload', 'Upload'), ('done', 'Done')], default='upload', required=True)
    created_count = fields.Integer(string='Imported', readonly=True)
    skipped_count = fields.Integer(string='Already Imported', readonly=True,
                                   help='Rows imported by an earlier upload (same offline key).')
    error_count = fields.Integer(string='Rows With Errors', readonly=True)
    error_text = fields.Text(string='Errors', readonly=True)

    # ------------------------------------------------------------ template

    @api.model
    def template_explanations(self):
        return {name: self._translate(text) for name, _required, _limit, text in visit_import.COLUMNS}

    @api.model
    def template_labels(self):
        return {'sheet_rows': _('Visits'), 'sheet_help': _('Instructions'), 'column': _('Column'),
                'required': _('Required'), 'max_length': _('Max. length'), 'explanation': _('Explanation'),
                'yes': _('yes'), 'no': _('no')}

    @api.multi
    def action_download_template_xlsx(self):
        return {'type': 'ir.actions.act_url', 'url': '/sales_mis/visit_import/template.xlsx', 'target': 'new'}

    @api.multi
    def action_download_template_csv(self):
        return {'type': 'ir.actions.act_url', 'url': '/sales_mis/visit_import/template.csv', 'target': 'new'}

    # ------------------------------------------------------------ import

    def _translate(self, template):
        return self.env['ir.translation']._get_source(None, ('code',), self.env.lang, template) or template

    def _message(self, template, params):
        text = self._translate(template)
        return text % tuple(params) if params else text

    def _allowed_logins(self):
        """Who the uploader may import for: all (directors), the members of the teams they
        lead (managers), or themselves."""
        user = self.env.user
        if user.has_group('sales_mis.group_director'):
            return None
        teams = self.env['crm.team'].sudo().search([('user_id', '=', user.id)])
        members = self.env['res.users'].sudo().search([('sale_team_id', 'in', teams.ids)]) if teams else []
        return {user.login} | {member.login for member in members}

    def _lookups(self, keys):
        """users, customers and contacts of the file: one query per table."""
        cr, company = self.env.cr, self.env.user.company_id
        logins = list(set(keys['logins']) | {self.env.user.login})
        cr.execute("SELECT login, id, sale_team_id FROM res_users WHERE active AND login = ANY(%s)", (logins,))
        users = {login: (user_id, team_id) for login, user_id, team_id in cr.fetchall()}
        cr.execute("SELECT id, name, ref FROM res_partner "
                   "WHERE active AND parent_id IS NULL AND (company_id IS NULL OR company_id = %s) "
                   "AND (lower(name) = ANY(%s) OR lower(ref) = ANY(%s))",
                   (company.id, [k.lower() for k in keys['customers']], [k.lower() for k in keys['customers']]))
        customers = visit_import.customer_index(cr.fetchall())
        contacts = {}
        customer_ids = sorted({i for ids in customers.values() for i in ids})
        if keys['contacts'] and customer_ids:
            cr.execute("SELECT parent_id, lower(name), id FROM res_partner "
                       "WHERE active AND parent_id = ANY(%s) AND lower(name) = ANY(%s)",
                       (customer_ids, [name.lower() for name in keys['contacts']]))
            contacts = {(parent_id, name): contact_id for parent_id, name, contact_id in cr.fetchall()}
        return users, customers, contacts

    def parse(self, data, filename=''):
        """(rows to create, errors as text lines) of the file's bytes."""
        if not isinstance(data, bytes):  # over XML-RPC: upload into data_file and call action_import
            raise UserError(_('Upload the file into the data_file field of the import and run action_import.'))
        try:
            frame = visit_import.read_table(data, filename)
        except visit_import.ImportFileError as error:
            raise UserError(self._message(error.template, error.params))
        users, customers, contacts = self._lookups(visit_import.lookup_keys(frame))
        allowed = self._allowed_logins()
        if allowed is None:
            allowed = set(users)
        rows, errors = visit_import.validate(frame, self.env.user.login, allowed, users, customers, contacts,
                                             tz=self.env.user.tz or 'UTC')
        lines = [_('Row %s: %s') % (number, self._message(template, params)) for number, template, params in errors]
        return rows, lines, len({number for number, _t, _p in errors})

    @api.multi
    def action_import(self):
        self.ensure_one()
        if not self.data_file:
            raise UserError(_('Choose the file to import.'))
        try:  # before decoding: base64 is 4 bytes for 3
            visit_import.check_file_size(len(self.data_file) * 3 // 4)
        except visit_import.ImportFileError as error:
            raise UserError(self._message(error.template, error.params))
        rows, error_lines, error_rows = self.parse(base64.b64decode(self.data_file), self.filename or '')
        if error_lines and self.mode == 'strict':
            message = _('Nothing was imported: %s rows have errors. Correct them and upload '
                        'the file again.\n\n%s') % (error_rows, self._error_list(error_lines, MAX_LISTED_ERRORS))
            raise UserError(message[:MAX_MESSAGE_CHARS])
        created = self._create_visits([values for _n, _key, values in rows])
        self.write({'state': 'done', 'created_count': created, 'skipped_count': len(rows) - created,
                    'error_count': error_rows,
                    'error_text': self._error_list(error_lines, MAX_STORED_ERRORS) or False})
        return {'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': self.id,
                'view_mode': 'form', 'target': 'new', 'name': _('Import Offline Visits')}

    def _error_list(self, error_lines, limit):
        listed = error_lines[:limit]
        if len(error_lines) > limit:
            listed.append(_('... and %s more errors.') % (len(error_lines) - limit))
        return '\n'.join(listed)

    def _create_visits(self, values_list):
        """Inserts the visits in batches with one statement each, then lets the record
        rules judge the whole lot at once (AccessError rolls everything back).

        An ORM create per row costs ~50 ms here (record rules and constraints evaluated
        per record); the values were validated row by row already.  A row whose key was
        imported meanwhile (a concurrent upload) is skipped by ON CONFLICT."""
        Visit = self.env['sales_mis.visit']
        Visit.check_access_rights('create')
        cr, uid, company = self.env.cr, self.env.uid, self.env.user.company_id.id
        now = fields.Datetime.now()
        contacts = Visit._fields['contact_ids']
        created, with_next_step = [], []
        for start in range(0, len(values_list), BATCH_SIZE):
            batch = values_list[start:start + BATCH_SIZE]
            columns = {name: [None if values[name] is False else values[name] for values in batch] for name in INSERTED_COLUMNS}
            columns['state'] = ['done' if values['date_start'] <= now else 'planned' for values in batch]
            cr.execute("""
                INSERT INTO sales_mis_visit (offline_key, name, user_id, team_id, partner_id, visit_type,
                            date_start, duration, date_stop, purpose, result, next_step, next_step_date,
                            state, company_id, create_uid, write_uid, create_date, write_date)
                SELECT r.offline_key, r.name, r.user_id, r.team_id, r.partner_id, r.visit_type,
                       r.date_start, r.duration, r.date_start + r.duration * interval '1 hour', r.purpose,
                       r.result, r.next_step, r.next_step_date, r.state, %s, %s, %s, now() at time zone 'UTC',
                       now() at time zone 'UTC'
                  FROM unnest(%s::varchar[], %s::varchar[], %s::int[], %s::int[], %s::int[], %s::varchar[],
                              %s::timestamp[], %s::float8[], %s::text[], %s::text[], %s::varchar[], %s::date[],
                              %s::varchar[])
                    AS r(offline_key, name, user_id, team_id, partner_id, visit_type, date_start, duration,
                         purpose, result, next_step, next_step_date, state)
                ON CONFLICT (company_id, offline_key) DO NOTHING
                RETURNING id, offline_key""", [company, uid, uid] + [columns[name] for name in INSERTED_COLUMNS]
                                                + [columns['state']])
            ids = dict((key, visit_id) for visit_id, key in cr.fetchall())
            links = [(ids[values['offline_key']], contact_id) for values in batch if values['offline_key'] in ids
                     for contact_id in (values['contact_ids'] or [(6, 0, [])])[0][2]]
            if links:
                cr.execute('INSERT INTO "{rel}" ("{c1}", "{c2}") SELECT * FROM unnest(%s::int[], %s::int[])'.format(
                    rel=contacts.relation, c1=contacts.column1, c2=contacts.column2),
                    ([visit_id for visit_id, _c in links], [contact_id for _v, contact_id in links]))
            created += ids.values()
            with_next_step += [ids[values['offline_key']] for values in batch
                               if values['next_step'] and values['offline_key'] in ids]
        Visit.invalidate_cache()
        Visit.browse(created).check_access_rule('create')
        Visit.browse(with_next_step)._schedule_next_step()
        return len(created)

    @api.multi
    def action_open_visits(self):
        action = self.env.ref('sales_mis.action_visits').read()[0]
        action['context'] = {'search_default_mine': 1}
        action['view_mode'] = 'tree,form,calendar,kanban,pivot'
        action['views'] = [(False, mode) for mode in action['view_mode'].split(',')]
        return action
