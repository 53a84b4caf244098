# -*- coding: utf-8 -*-
"""Duplicate customer candidates 客户合并 (C3): scored pairs found in bulk by a
scan (one SQL read of the customer companies: no contacts, but companies with a parent
company are read, with it; blocking on normalised keys in
crm_logic.duplicate_pairs), reviewed by managers, merged through Odoo's partner
merge wizard (see wizard/partner_merge_guard.py)."""
from psycopg2.extras import execute_values

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from ..crm_logic.duplicate_pairs import candidate_pairs_by_company
from ..crm_logic.duplicate_reasons import REASON_LABELS

REASONS = REASON_LABELS


def reason_labels(env, reasons):
    """The reasons of a pair as text in the language of ``env`` (the labels are msgids marked in
    crm_logic/duplicate_reasons.py; ``_`` cannot take a variable, so the translation is asked directly)."""
    translate = env['ir.translation']._get_source
    lang = env.lang or 'en_US'
    return ', '.join(translate(None, ('code',), lang, REASONS[reason]) if lang != 'en_US'
                     else REASONS[reason] for reason in reasons)


class PartnerDuplicate(models.Model):
    _name = 'sales_mis.partner.duplicate'
    _description = 'Duplicate Customer Candidate'
    _order = 'score desc, id'
    _rec_name = 'partner_a_id'

    partner_a_id = fields.Many2one('res.partner', string='Customer', required=True,
                                   ondelete='cascade', index=True)
    partner_b_id = fields.Many2one('res.partner', string='Possible Duplicate', required=True,
                                   ondelete='cascade', index=True)
    score = fields.Float(string='Score', group_operator='max',
                         help='0-100: equal VAT 100, e-mail 90, name 85, phone 80, '
                              '+5 per further shared key or clue (e-mail domain, address); '
                              'similar names up to 84. Names whose places, numbers or branches '
                              'differ are only listed when a VAT, phone or e-mail links them.')
    # the scan stores the kinds of evidence as codes; the label is computed in the reader's
    # language (a pair found by the nightly scan reads in Chinese for a Chinese manager)
    reason_codes = fields.Char(string='Evidence Codes', readonly=True)
    reasons = fields.Char(string='Matched On (as recorded)')
    reasons_label = fields.Char(string='Matched On', compute='_compute_reasons_label')
    state = fields.Selection([('new', 'To Review'), ('ignored', 'Not a Duplicate')],
                             default='new', required=True, track_visibility='onchange')
    # Plain fields set by the scan, for the record rules (owner and team of customer A).
    user_id = fields.Many2one('res.users', string='Salesperson', index=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', index=True)
    company_id = fields.Many2one('res.company', string='Company', index=True)

    _sql_constraints = [
        ('pair_uniq', 'unique (partner_a_id, partner_b_id)', 'This pair is already listed.'),
        ('pair_ordered', 'CHECK (partner_a_id < partner_b_id)', 'A pair lists the lower id first.'),
    ]

    @api.depends('reason_codes', 'reasons')
    def _compute_reasons_label(self):
        for pair in self:
            codes = [code for code in (pair.reason_codes or '').split(',') if code in REASONS]
            pair.reasons_label = reason_labels(self.env, codes) if codes else pair.reasons

    @api.model
    def _check_manager(self):
        if not self.env.user.has_group('sales_mis.group_manager'):
            raise AccessError(_('Only sales managers can look for and merge duplicate customers.'))

    @api.model
    def action_scan(self):
        """Button: rescan now (managers): the customers of the caller's companies only."""
        self._check_manager()
        count = self.sudo()._scan(company_ids=self.env.user.company_ids.ids)
        return {'type': 'ir.actions.client', 'tag': 'reload'} if count is not None else True

    @api.model
    def _cron_scan(self):
        self._scan()

    @api.model
    def _scan(self, threshold=0.85, company_ids=None):
        """Replace the pairs to review by a fresh scan, company by company (a pair never names
        two companies' customers), of `company_ids` (None: all); pairs marked "not a
        duplicate" stay and are not proposed again. Returns the number found."""
        cr = self.env.cr
        scope = {'all': company_ids is None, 'companies': tuple(company_ids or ()) or (0,)}
        cr.execute("""
            SELECT id, name, vat, phone, mobile, email, street, parent_id, user_id, team_id, company_id
              FROM res_partner
             WHERE active AND customer AND (parent_id IS NULL OR is_company)
               AND (%(all)s OR company_id IS NULL OR company_id IN %(companies)s)""", scope)
        rows = cr.dictfetchall()
        owners = {row['id']: row for row in rows}
        cr.execute("SELECT partner_a_id, partner_b_id FROM sales_mis_partner_duplicate WHERE state = 'ignored'")
        ignored = set(cr.fetchall())
        cr.execute("""DELETE FROM sales_mis_partner_duplicate
                       WHERE state = 'new' AND (%(all)s OR company_id IS NULL OR company_id IN %(companies)s)""",
                   scope)
        values = []
        for pair in candidate_pairs_by_company(rows, threshold=threshold):
            id_a, id_b = pair['ids']
            if (id_a, id_b) in ignored:
                continue
            owner = owners[id_a]
            values.append((id_a, id_b, pair['score'], ', '.join(REASONS[r] for r in pair['reasons']),
                           ','.join(pair['reasons']), 'new', owner['user_id'] or owners[id_b]['user_id'],
                           owner['team_id'] or owners[id_b]['team_id'], pair['company_id'],
                           self.env.uid, self.env.uid))
        execute_values(cr, """
            INSERT INTO sales_mis_partner_duplicate
                (partner_a_id, partner_b_id, score, reasons, reason_codes, state, user_id, team_id,
                 company_id, create_uid, write_uid, create_date, write_date)
            VALUES %s""", values,
            template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now() at time zone 'UTC', now() at time zone 'UTC')")
        self.invalidate_cache()
        return len(values)

    @api.multi
    def action_ignore(self):
        self._check_manager()
        self.write({'state': 'ignored'})
        return True

    @api.multi
    def action_merge(self):
        """Open Odoo's merge wizard on the pair, keeping the customer with more orders."""
        self.ensure_one()
        self._check_manager()
        partners = self.partner_a_id | self.partner_b_id
        kept = max(partners, key=lambda p: (p.sale_order_count, p.sales_mis_visit_count, -p.id))
        wizard = self.env['base.partner.merge.automatic.wizard'].create({
            'state': 'selection', 'partner_ids': [(6, 0, partners.ids)], 'dst_partner_id': kept.id})
        return {
            'type': 'ir.actions.act_window',
            'name': _('Merge Customers'),
            'res_model': 'base.partner.merge.automatic.wizard',
            'res_id': wizard.id,
            'view_mode': 'form',
            'views': [(False, 'form')],
            'target': 'new',
        }
