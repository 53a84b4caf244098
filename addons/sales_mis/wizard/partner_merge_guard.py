# -*- coding: utf-8 -*-
"""Odoo's partner merge wizard, made safe for Sales MIS (C3 客户合并).

Odoo moves every foreign key to res.partner by raw SQL and, when the UPDATE
violates a unique constraint, DELETES all the rows of the merged partner in that
table. Here each table is moved inside a savepoint first; a clash stops the
merge with a UserError naming the table and constraint, so nothing is dropped.
Only follower subscriptions that the kept customer already has are removed
beforehand (same document, same follower: nothing is lost). Sales managers may
merge (Odoo lets only the administrator merge partners with journal items or
different e-mails; for managers these checks are replaced by ours).

Before the merge runs with the superuser's rights, the caller must be allowed to do it
with their own: write every partner involved (access rights and record rules), none
of them a user's partner (a login would change person), and, below director, every
partner their own, their teams' or nobody's (a manager of one team does not merge
away another team's customer)."""
import logging

import psycopg2

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError, UserError

_logger = logging.getLogger(__name__)


class PartnerMergeWizard(models.TransientModel):
    _inherit = 'base.partner.merge.automatic.wizard'

    def _merge(self, partner_ids, dst_partner=None):
        if self.env.uid != SUPERUSER_ID:
            if not (self.env.user.has_group('sales_mis.group_manager')
                    or self.env.user.has_group('base.group_system')):
                raise AccessError(_('Only sales managers can merge customers.'))
            partners = self.env['res.partner'].browse(partner_ids) | (dst_partner or self.env['res.partner'])
            if not self.env.user._is_admin():
                self._check_merge_allowed(partners)
            _logger.info('user %s merges partners %s into %s', self.env.uid, partner_ids,
                         dst_partner and dst_partner.id)
            # checked as the caller: now the mechanics (raw SQL over every table) as superuser
            self = self.sudo()
            dst_partner = dst_partner and dst_partner.sudo()
        # All or nothing: a refused merge leaves no table half moved, even when the
        # caller (a test, a cron) does not roll the transaction back.
        with self._cr.savepoint():
            return super(PartnerMergeWizard, self)._merge(partner_ids, dst_partner)

    def _check_merge_allowed(self, partners):
        """Raise AccessError unless the current user may merge `partners` (see the module doc)."""
        partners.check_access_rights('write')
        partners.check_access_rule('write')
        users = self.env['res.users'].sudo().with_context(active_test=False).search(
            [('partner_id', 'in', partners.ids)])
        if users:
            raise AccessError(_('%s belongs to the user %s: only an administrator may merge the contact of '
                                'a user.') % (users[0].partner_id.display_name, users[0].login))
        user = self.env.user
        if user.has_group('sales_mis.group_director'):
            return
        teams = self.env['crm.team'].sudo().search(['|', ('user_id', '=', user.id), ('id', '=', user.sale_team_id.id)])
        for partner in partners.sudo():
            team = partner.team_id or partner.user_id.sale_team_id
            if partner.user_id == user or team in teams or not (team or partner.user_id):
                continue
            raise AccessError(_("%s is a customer of %s (%s): only its team's manager or a sales director may "
                                "merge it.") % (partner.display_name, partner.user_id.name or '-', team.name or '-'))

    def _model_of_table(self, table):
        for name, model in self.env.items():
            if model._table == table and not model._abstract:
                return model._description or name
        return table

    @api.model
    def _update_foreign_keys(self, src_partners, dst_partner):
        cr = self._cr
        src_ids = tuple(src_partners.ids)
        # Candidate pairs of the merged partners are settled; the next scan recomputes.
        cr.execute("DELETE FROM sales_mis_partner_duplicate WHERE partner_a_id IN %s OR partner_b_id IN %s",
                   (src_ids, src_ids))
        # Subscriptions the kept partner already has are redundant, not data.
        cr.execute("""DELETE FROM mail_followers src USING mail_followers dst
                       WHERE src.partner_id IN %s AND dst.partner_id = %s
                         AND dst.res_model = src.res_model AND dst.res_id = src.res_id""",
                   (src_ids, dst_partner.id))
        for table, column in self._get_fk_on('res_partner'):
            if 'base_partner_merge_' in table:
                continue
            cr.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = %s", (table,))
            if cr.fetchone()[0] <= 2:
                continue  # many2many relation: Odoo keeps the existing link, loses nothing
            try:
                with cr.savepoint():
                    cr.execute('UPDATE "%s" SET "%s" = %%s WHERE "%s" IN %%s' % (table, column, column),
                               (dst_partner.id, src_ids))
            except psycopg2.Error as error:
                constraint = getattr(error.diag, 'constraint_name', None) or error.pgcode
                raise UserError(_(
                    'These customers cannot be merged: both have records in "%s" (%s) that '
                    'the rule "%s" allows only once per customer. Resolve those records '
                    'first (archive or reassign one of them); nothing was merged.')
                    % (self._model_of_table(table), table, constraint))
        # Odoo's own pass now finds nothing left to move (so never deletes) and
        # still handles the relation tables and the parent hierarchy.
        return super(PartnerMergeWizard, self)._update_foreign_keys(src_partners, dst_partner)
