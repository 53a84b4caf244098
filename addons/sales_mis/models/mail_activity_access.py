# -*- coding: utf-8 -*-
"""Activities and followers are readable only with the record they belong to.

Odoo 11 lets every internal user read every mail.activity (approval notes with amounts, next
steps with customer names) and everybody every mail.followers row, of every company. Here a
non-administrator reads an activity or a follower row only when it is their own (activity
assigned to them, their own subscription) or when they may read its record (res_model,
res_id): access rights and record rules of that model, checked in bulk per model. A rule
domain cannot express "the record is readable" (Odoo 11 rules cannot call check_access), so
search, read and read_group filter instead. The chatter keeps working: it reads a record's
activities and followers through that record, which the user can read."""
from collections import defaultdict

from odoo import _, api, models
from odoo.exceptions import AccessError


def readable_record_ids(env, pairs):
    """{(res_model, res_id)} of `pairs` whose record the current user may read."""
    by_model = defaultdict(set)
    for res_model, res_id in pairs:
        if res_model and res_id:
            by_model[res_model].add(res_id)
    readable = set()
    for res_model, res_ids in by_model.items():
        if res_model not in env or env[res_model]._abstract:
            continue
        Model = env[res_model].with_context(active_test=False)
        if not Model.check_access_rights('read', raise_exception=False):
            continue
        # search applies the record rules (and drops ids that no longer exist)
        found = Model.search([('id', 'in', list(res_ids))])
        readable.update((res_model, res_id) for res_id in found.ids)
    return readable


class RecordBoundAccess(models.AbstractModel):
    """Search/read of a model whose rows belong to a record (res_model, res_id)."""
    _name = 'sales_mis.record.bound.access'
    _description = 'Readable Only With Its Record'

    def _record_bound_unrestricted(self):
        return self.env.user._is_superuser() or self.env.user._is_admin()

    def _record_bound_own_sql(self):
        """(SQL condition on the table's columns, params): the rows that are the user's own."""
        raise NotImplementedError

    def _record_bound_allowed(self, ids):
        """The subset of `ids` the current user may read."""
        return self._record_bound_split(ids)[1]

    def _record_bound_split(self, ids):
        """(ids among `ids` that exist, those of them the current user may read): one query, plus
        one search per model of the rows that are not the user's own."""
        if not ids:
            return set(), []
        own_sql, own_params = self._record_bound_own_sql()
        self.env.cr.execute('SELECT id, res_model, res_id, ({own}) FROM "{table}" WHERE id IN %s'.format(
            own=own_sql, table=self._table), own_params + [tuple(ids)])
        rows = self.env.cr.fetchall()
        readable = readable_record_ids(self.env, [(model, res_id) for _id, model, res_id, own in rows if not own])
        allowed = {row_id for row_id, model, res_id, own in rows if own or (model, res_id) in readable}
        return {row[0] for row in rows}, [row_id for row_id in ids if row_id in allowed]

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False, access_rights_uid=None):
        if self._record_bound_unrestricted() or (access_rights_uid and access_rights_uid != self.env.uid):
            return super(RecordBoundAccess, self)._search(args, offset=offset, limit=limit, order=order,
                                                          count=count, access_rights_uid=access_rights_uid)
        ids = super(RecordBoundAccess, self)._search(args, offset=0, limit=None, order=order, count=False,
                                                     access_rights_uid=access_rights_uid)
        allowed = self._record_bound_allowed(list(ids))
        if count:
            return len(allowed)
        return allowed[offset:offset + limit if limit else None]

    @api.multi
    def _record_bound_check(self):
        if self._record_bound_unrestricted():
            return
        existing, allowed = self._record_bound_split(self.ids)
        missing = existing - set(allowed)
        if missing:
            raise AccessError(_('You may not read these %s: they belong to records you cannot read.')
                              % (self._description or self._name))

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        self._record_bound_check()
        return super(RecordBoundAccess, self).read(fields=fields, load=load)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        if not self._record_bound_unrestricted():
            domain = [('id', 'in', self._search(domain or []))] + list(domain or [])
        return super(RecordBoundAccess, self).read_group(domain, fields, groupby, offset=offset, limit=limit,
                                                         orderby=orderby, lazy=lazy)


class MailActivity(models.Model):
    _name = 'mail.activity'
    _inherit = ['mail.activity', 'sales_mis.record.bound.access']

    def _record_bound_own_sql(self):
        return 'user_id = %s', [self.env.uid]


class MailFollowers(models.Model):
    _name = 'mail.followers'
    _inherit = ['mail.followers', 'sales_mis.record.bound.access']

    def _record_bound_own_sql(self):
        return 'partner_id = %s', [self.env.user.partner_id.id]
