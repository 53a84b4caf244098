# -*- coding: utf-8 -*-
"""On-create / on-rename duplicate check 客户查重: "possible duplicate of …" on the customer
form before saving. Candidates come from one indexed read (equal place-free name core, the same
first three characters of it, or the same VAT; exact names first), are judged by
crm_logic.duplicate_pairs.judge, and only customers the user may read (access rights and record
rules, as the user) are named."""
from psycopg2.extras import execute_values

from odoo import _, api, fields, models

from ..crm_logic import duplicate_pairs, names
from ..lib.admin_only import admin_only
from .res_partner_duplicate import reason_labels

CORE_VERSION_PARAM = 'sales_mis.name_core_version'
MAX_CANDIDATES = 300
MAX_SHOWN = 5


class PartnerDuplicateCheck(models.Model):
    _inherit = 'res.partner'

    sales_mis_name_core = fields.Char(
        string='Name Key (duplicates)', compute='_compute_sales_mis_name_core', store=True,
        index=True, help='Company name without places, legal forms and punctuation, in simplified '
                         'characters: the blocking key of the duplicate check.')

    @api.depends('name')
    def _compute_sales_mis_name_core(self):
        for partner in self:
            partner.sales_mis_name_core = names.parse_company_name(partner.name).core or False

    @admin_only
    @api.model_cr
    def init(self):
        super(PartnerDuplicateCheck, self).init()  # Odoo's own partner indexes
        # LIKE 'xy%' on the core needs a pattern index whatever the database collation.
        self.env.cr.execute("""CREATE INDEX IF NOT EXISTS res_partner_sales_mis_name_core_like
                               ON res_partner (sales_mis_name_core text_pattern_ops)""")
        Param = self.env['ir.config_parameter'].sudo()
        if Param.get_param(CORE_VERSION_PARAM) != names.NORMALISER_VERSION:
            self._sales_mis_recompute_name_cores()
            Param.set_param(CORE_VERSION_PARAM, names.NORMALISER_VERSION)

    def _sales_mis_recompute_name_cores(self):
        """Stored cores computed by an older normaliser, rewritten in bulk (one read, one
        UPDATE of the changed rows; no ORM write per partner)."""
        cr = self.env.cr
        cr.execute("SELECT id, name, sales_mis_name_core FROM res_partner")
        changed = [(partner_id, names.parse_company_name(name).core or None)
                   for partner_id, name, core in cr.fetchall()
                   if (names.parse_company_name(name).core or None) != core]
        execute_values(cr, """UPDATE res_partner p SET sales_mis_name_core = v.core
                                FROM (VALUES %s) AS v (id, core) WHERE p.id = v.id""",
                       changed, template='(%s, %s::varchar)', page_size=5000)
        self.invalidate_cache(['sales_mis_name_core'])
        return len(changed)

    @api.multi
    def _sales_mis_possible_duplicates(self, limit=MAX_SHOWN):
        """[(partner, score, reasons)] of existing customers this (unsaved) customer probably
        duplicates, best first; only those the current user may read."""
        self.ensure_one()
        if self._sales_mis_is_contact() or not self.name:
            return []
        parsed = names.parse_company_name(self.name)
        keys = tuple({parsed.key, parsed.core, parsed.alt_key} - {''}) or ('',)
        core = parsed.core or parsed.key
        vat = names.normalize_vat(self.vat)
        own_id = self._origin.id if hasattr(self, '_origin') and self._origin else self.id
        company_id = self.company_id.id or None
        self.env.cr.execute("""
            SELECT id, name, vat, phone, mobile, email, street, parent_id
              FROM res_partner
             WHERE active AND customer AND (parent_id IS NULL OR is_company) AND id != %(own)s
               AND (%(company)s IS NULL OR company_id IS NULL OR company_id = %(company)s)
               AND (sales_mis_name_core IN %(keys)s OR sales_mis_name_core LIKE %(prefix)s
                    OR (%(vat)s != '' AND vat = %(vat)s))
             ORDER BY sales_mis_name_core IN %(keys)s DESC, id
             LIMIT %(limit)s""", {
            'own': own_id if isinstance(own_id, int) else 0, 'company': company_id, 'keys': keys,
            # fuzzy Chinese names share their first three characters (duplicate_pairs.BRAND_PREFIX)
            'prefix': core[:duplicate_pairs.BRAND_PREFIX].replace('%', '').replace('_', '') + '%'
                      if len(core) >= duplicate_pairs.BRAND_PREFIX else '',
            'vat': vat, 'limit': MAX_CANDIDATES})
        rows = self.env.cr.dictfetchall()
        new = duplicate_pairs.profile({
            'id': own_id if isinstance(own_id, int) else 0, 'name': self.name, 'vat': self.vat, 'phone': self.phone,
            'mobile': self.mobile, 'email': self.email, 'street': self.street,
            'parent_id': self.parent_id.id})
        judged = []
        for row in rows:
            proposed, score, reasons = duplicate_pairs.judge(new, duplicate_pairs.profile(row))
            if proposed:
                judged.append((score, row['id'], reasons))
        judged.sort(key=lambda item: (-item[0], item[1]))
        # Name only customers the user may read: search applies access rights and record rules.
        visible = set(self.env['res.partner'].search([('id', 'in', [i for _s, i, _r in judged])]).ids)
        shown = [(self.browse(i), score, reasons) for score, i, reasons in judged if i in visible]
        return shown[:limit]

    def _sales_mis_is_contact(self):
        """A person or address of a company, not a customer of its own; a company under a
        parent company (a subsidiary) is checked like any customer."""
        return bool(self.parent_id) and not self.is_company

    @api.onchange('name', 'vat', 'parent_id')
    def _onchange_sales_mis_duplicate_warning(self):
        if not self.customer or self._sales_mis_is_contact() or not self.name:
            return {}
        found = self._sales_mis_possible_duplicates()
        if not found:
            return {}
        lines = ['%s (%s; %s)' % (partner.display_name, int(score), reason_labels(self.env, reasons))
                 for partner, score, reasons in found]
        return {'warning': {
            'title': _('Possible duplicate customer'),
            'message': _('This customer may already exist: possible duplicate of\n%s\n'
                         'Check before saving; a manager can merge duplicates later.') % '\n'.join(lines),
        }}
