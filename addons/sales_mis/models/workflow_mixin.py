# -*- coding: utf-8 -*-
"""One workflow mechanism for every document with a state (plans, order approvals, daily
reports, commission statements, scorecards, contracts, forecast runs...).

A model inherits `sales_mis.workflow.mixin` and sets `_workflow` to a
`workflow_logic.rules.WorkflowSpec`. Then, for every caller but the superuser and whatever the
context:
- create/write may not touch the protected fields (state, approver, approved amounts),
- a document in a frozen state (and the lines of a frozen header) cannot be changed,
- unlink is refused outside the deletable states.
Transition methods check their caller (role, team, never self), then call
`_workflow_transition`, which checks the caller may write the records and writes as the
superuser, with tracking on and the caller as the author of the chatter lines."""
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

from ..workflow_logic import rules

#: context key naming the user a transition acts for; read only under the superuser (which the
#: transition itself sets), so a caller cannot use it to write anything
_ACTOR = 'sales_mis_workflow_actor'


class WorkflowMixin(models.AbstractModel):
    _name = 'sales_mis.workflow.mixin'
    _description = 'Document With a Guarded Workflow'

    #: the model's WorkflowSpec (None: not guarded)
    _workflow = None

    # ------------------------------------------------------------ states

    def _workflow_guarded(self):
        return self._workflow is not None and self.env.uid != SUPERUSER_ID

    def _workflow_header_model(self):
        return self.env[self._fields[self._workflow.parent_field].comodel_name]

    def _workflow_states(self):
        """{id: state} of these records (their header's state for lines), read as the system:
        a guard must see the state even of records whose header the caller cannot read."""
        spec = self._workflow
        records = self.sudo()
        if spec.parent_field:
            header_state = self._workflow_header_model()._workflow.state_field
            return {r.id: r[spec.parent_field][header_state] for r in records}
        return {r.id: r[spec.state_field] for r in records}

    def _workflow_create_state(self, values):
        spec = self._workflow
        if spec.parent_field:
            header = self._workflow_header_model().sudo().browse(values.get(spec.parent_field) or [])
            return header[header._workflow.state_field] if header else False
        if spec.state_field in values:
            return values[spec.state_field]
        return self.default_get([spec.state_field]).get(spec.state_field)

    def _workflow_label(self, state):
        field = self._fields.get(self._workflow.state_field)
        if field is None or field.type != 'selection':
            return state
        return dict(field._description_selection(self.env)).get(state, state)

    def _workflow_refuse(self, field_names, state):
        labels = ', '.join('"%s"' % (self._fields[name].get_description(self.env)['string']
                                     if name in self._fields else name) for name in field_names)
        if state in self._workflow.frozen_states:
            raise AccessError(_('%s in status "%s" can no longer be changed (%s). Use its buttons to move it '
                                'on, or ask for it to be sent back.') % (
                self._description, self._workflow_label(state), labels))
        raise AccessError(_('%s of a %s change only through its workflow buttons (Submit, Approve, ...), '
                            'not by editing.') % (labels, self._description))

    # ------------------------------------------------------------ guards

    @api.model
    def create(self, values):
        if self._workflow_guarded():
            state = self._workflow_create_state(values)
            protected = self._workflow.protected
            defaults = {} if protected == rules.EVERYTHING else self.default_get(sorted(protected & set(values)))
            refused = rules.refused_on_create(self._workflow, state, values, defaults)
            if refused:
                self._workflow_refuse(refused, state)
        return super(WorkflowMixin, self).create(values)

    @api.multi
    def write(self, values):
        if self._workflow_guarded():
            refused = rules.refused_fields(self._workflow, None, values)  # protected in any state
            if refused:
                self._workflow_refuse(refused, None)
            # the states are read only when some state freezes the document: everyday writes of
            # a model without frozen states (sale.order) cost nothing more
            for state in set(self._workflow_states().values()) if self._workflow.frozen_states else ():
                refused = rules.refused_fields(self._workflow, state, values)
                if refused:
                    self._workflow_refuse(refused, state)
        return super(WorkflowMixin, self).write(values)

    @api.multi
    def unlink(self):
        if self._workflow_guarded():
            for state in set(self._workflow_states().values()):
                if not rules.may_delete(self._workflow, state):
                    raise AccessError(_('%s in status "%s" cannot be deleted.') % (
                        self._description, self._workflow_label(state)))
        return super(WorkflowMixin, self).unlink()

    # ------------------------------------------------------------ transitions

    def _workflow_transition(self, values, access='write'):
        """Write `values` for a transition method that has already checked its caller's role.
        The caller must still hold `access` on these records by access rights and record
        rules; the write then runs as the superuser, with tracking forced on (a caller's
        tracking_disable does not hide a transition) and the caller as the chatter author."""
        self.check_access_rights(access)
        self.check_access_rule(access)
        clean = {key: value for key, value in self.env.context.items()
                 if key in ('lang', 'tz', 'active_test')}
        clean[_ACTOR] = self.env.uid
        return self.sudo().with_context(clean).write(values)

    @api.multi
    def message_post(self, *args, **kwargs):
        actor = self.env.context.get(_ACTOR)
        if kwargs.get('author_id') is None and self.env.uid == SUPERUSER_ID and isinstance(actor, int):
            kwargs['author_id'] = self.env['res.users'].browse(actor).partner_id.id
        return super(WorkflowMixin, self).message_post(*args, **kwargs)
