# -*- coding: utf-8 -*-
"""One search over product documents, bids and sales cases 知识检索 (M1). Each model is
searched through Odoo as the caller (the `keywords` field: knowledge_searchable.py), so record
rules decide what is found; a caller without read access to a model gets an access error for it
(an outsider to Sales MIS gets nothing)."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..knowledge_logic import search_terms

#: kind -> (model, date field shown)
SOURCES = {
    'document': ('sales_mis.product.document', 'write_date'),
    'bid': ('sales_mis.bid', 'date'),
    'case': ('sales_mis.sales.case', 'published_date'),
}
KINDS = [('document', 'Product Document'), ('bid', 'Bid'), ('case', 'Sales Case')]
SCOPES = [('all', 'Everything')] + KINDS
MAX_LIMIT = 200


class KnowledgeSearch(models.TransientModel):
    _name = 'sales_mis.knowledge.search'
    _description = 'Knowledge Search'
    _rec_name = 'query'

    query = fields.Char(string='Search For', required=True,
                        help='Words separated by spaces; every word must occur. Chinese words are found inside '
                             'longer Chinese text (投标 finds 政府采购投标文件).')
    scope = fields.Selection(SCOPES, string='Look In', required=True, default='all')
    result_ids = fields.One2many('sales_mis.knowledge.search.result', 'search_id', string='Results', readonly=True)
    result_count = fields.Integer(string='Found', readonly=True)

    @api.model
    def find(self, query, scope='all', limit=20):
        """[{kind, model, id, title, snippet, date}] of the records the caller can read that
        contain every term of `query`, at most `limit` per kind, newest first."""
        if not isinstance(query, str):
            raise UserError(_('Enter the words to search for.'))
        if scope not in dict(SCOPES):
            raise UserError(_('Unknown search scope: %s') % (scope,))
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
            raise UserError(_('The number of results per kind must be between 1 and %d.') % MAX_LIMIT)
        query_terms = search_terms.terms(query)
        if not query_terms:
            raise UserError(_('Enter the words to search for.'))
        kinds = [kind for kind, _label in KINDS if scope in ('all', kind)]
        readable = [kind for kind in kinds if self.env[SOURCES[kind][0]].check_access_rights('read', False)]
        if not readable:
            raise AccessError(_('You are not allowed to read product documents, bids or sales cases.'))
        rows = []
        for kind in readable:
            model, date_field = SOURCES[kind]
            records = self.env[model].search([('keywords', 'ilike', query)], limit=limit)
            for values in records.read(['display_name', 'search_text', date_field]):
                rows.append({'kind': kind, 'model': model, 'id': values['id'], 'title': values['display_name'],
                             'snippet': search_terms.snippet(values['search_text'], query_terms),
                             'date': values[date_field] or False})
        rows.sort(key=lambda row: str(row['date'] or ''), reverse=True)
        return rows

    @api.multi
    def action_search(self):
        self.ensure_one()
        rows = self.find(self.query, self.scope, 50)
        self.result_ids.unlink()
        self.write({'result_count': len(rows), 'result_ids': [(0, 0, {
            'kind': row['kind'], 'res_model': row['model'], 'res_id': row['id'], 'title': row['title'],
            'snippet': row['snippet'], 'date': str(row['date'])[:10] if row['date'] else False}) for row in rows]})
        return False  # the form reloads and shows the results


class KnowledgeSearchResult(models.TransientModel):
    _name = 'sales_mis.knowledge.search.result'
    _description = 'Knowledge Search Result'
    _rec_name = 'title'
    _order = 'date desc, id'

    search_id = fields.Many2one('sales_mis.knowledge.search', required=True, ondelete='cascade')
    kind = fields.Selection(KINDS, string='Kind', readonly=True)
    res_model = fields.Char(string='Model', readonly=True)
    res_id = fields.Integer(string='Record', readonly=True)
    title = fields.Char(string='Title', readonly=True)
    snippet = fields.Char(string='Found In', readonly=True)
    date = fields.Date(string='Date', readonly=True)

    @api.multi
    def action_open(self):
        self.ensure_one()
        if self.res_model not in [model for model, _date in SOURCES.values()]:
            raise UserError(_('This result cannot be opened.'))
        record = self.env[self.res_model].browse(self.res_id)
        record.check_access_rights('read')
        record.check_access_rule('read')
        return {'type': 'ir.actions.act_window', 'res_model': self.res_model, 'res_id': self.res_id,
                'view_mode': 'form', 'target': 'current'}
