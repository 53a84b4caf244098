# -*- coding: utf-8 -*-
"""Chinese substring search on documents, bids and cases (knowledge_logic/search_terms.py).

A searchable model keeps `search_text`, the normalised text of the record (computed and stored
by the model from its own fields), indexed twice: trigrams for terms of 3+ characters and, for
1-2 character terms, the generated column `search_grams` (unknown to the ORM, kept by
PostgreSQL) of its characters and character pairs. The unstored `keywords` field is what
search views and RPC callers search on: ('keywords', 'ilike', '投标 泵') becomes an id subquery
that uses those indexes, inside Odoo's search, so the caller's access rules still apply."""
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_mis.lib.admin_only import admin_only

from ..knowledge_logic import search_terms

_logger = logging.getLogger(__name__)


class KnowledgeSearchable(models.AbstractModel):
    _name = 'sales_mis.knowledge.searchable'
    _description = 'Searchable Knowledge Record'

    search_text = fields.Text(string='Search Text', compute='_compute_search_text', store=True, readonly=True,
                              copy=False, prefetch=False,
                              help='The text the knowledge search looks in (normalised: lower case, full-width '
                                   'letters and digits folded).')
    keywords = fields.Char(string='Keywords', compute='_compute_keywords', search='_search_keywords',
                           help='Words to find anywhere in the record, Chinese words inside Chinese text included.')

    def _search_text_parts(self):
        """The texts of this record the search looks in (one record)."""
        return [self.display_name]

    def _compute_search_text(self):
        for record in self:
            record.search_text = search_terms.search_text(record._search_text_parts())

    def _compute_keywords(self):
        for record in self:
            record.keywords = False

    def _search_keywords(self, operator, value):
        if operator not in ('ilike', 'like', '=', 'not ilike', 'not like', '!='):
            raise UserError(_('Keywords can only be searched for text ("contains").'))
        if value is not None and value is not False and not isinstance(value, str):
            raise UserError(_('Keywords are searched with text.'))
        query_terms = search_terms.terms(value or '')
        if not query_terms:
            return []
        sql, params = search_terms.match_query(self._table, 'search_text', query_terms)
        negative = operator.startswith('not') or operator == '!='
        return [('id', 'not inselect' if negative else 'inselect', (sql, params))]

    @admin_only
    @api.model_cr
    def init(self):
        super(KnowledgeSearchable, self).init()
        if self._abstract:
            return
        cr = self.env.cr
        try:
            with cr.savepoint():
                cr.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
        except Exception as error:  # the search still works, without the trigram index
            _logger.warning('pg_trgm not available (%s): knowledge search of long words scans the table', error)
        cr.execute(search_terms.GRAMS_FUNCTION)
        cr.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        trigram = bool(cr.fetchone())
        # the expression index of the first build, replaced by the generated column
        cr.execute('DROP INDEX IF EXISTS %s_search_text_grams' % self._table)
        for statement in search_terms.index_statements(self._table, 'search_text'):
            if trigram or 'gin_trgm_ops' not in statement:
                cr.execute(statement)
