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

    def _workflow_check_create(self, values):
        if not self._workflow_guarded():
            return
        # Odoo fills missing values from `default_<field>` context keys after this check: they
        # are judged as values (a `default_state` or a `default_<header>` of a frozen header),
        # against the defaults the model itself gives
        context = self.env.context
        given = {key[len('default_'):]: value for key, value in context.items()
                 if key.startswith('default_') and key[len('default_'):] in self._fields}
        given.update(values)
        spec = self._workflow
        if not spec.frozen_states and spec.protected != rules.EVERYTHING and not spec.parent_field \
                and not spec.protected & set(given):
            return  # nothing can be refused: no state or default to read (an everyday sale.order create)
        plain = self.with_context({key: value for key, value in context.items() if not key.startswith('default_')})
        state = plain._workflow_create_state(given)
        protected = self._workflow.protected
        defaults = {} if protected == rules.EVERYTHING else plain.default_get(sorted(protected & set(given)))
        refused = rules.refused_on_create(self._workflow, state, given, defaults)
        if refused:
            self._workflow_refuse(refused, state)

    def _workflow_check_write(self, values):
        if not self._workflow_guarded():
            return
        spec = self._workflow
        if spec.frozen_states or spec.protected == rules.EVERYTHING:
            states = set(self._workflow_states().values())
        elif spec.protected & set(values):
            states = {False}  # refused in any state: no need to read them
        else:
            states = set()  # nothing frozen, nothing protected touched: no query at all
        for state in states:
            refused = rules.refused_fields(spec, state, values)
            if refused:
                self._workflow_refuse(refused, state)
        if spec.parent_field and values.get(spec.parent_field):
            # a line moved to another header is created there, as far as that header knows
            state = self._workflow_create_state(values)
            if state in spec.frozen_states:
                self._workflow_refuse([spec.parent_field], state)

    def _workflow_check_unlink(self):
        spec = self._workflow
        if not self._workflow_guarded() or (spec.deletable_states is None and not spec.frozen_states
                                            and spec.protected != rules.EVERYTHING):
            return  # deletable in every state
        for state in set(self._workflow_states().values()):
            if not rules.may_delete(self._workflow, state):
                raise AccessError(_('%s in status "%s" cannot be deleted.') % (
                    self._description, self._workflow_label(state)))

    # List the mixin FIRST in `_inherit` (before mail.thread, whose unlink deletes the chatter
    # before calling super), so that these run before any other override. A model that extends
    # an existing one (sale.order) calls the _workflow_check_* methods at the top of its own
    # overrides instead: there the mixin comes last in the method resolution order.

    @api.model
    def create(self, values):
        self._workflow_check_create(values)
        return super(WorkflowMixin, self).create(values)

    @api.multi
    def write(self, values):
        self._workflow_check_write(values)
        return super(WorkflowMixin, self).write(values)

    @api.multi
    def unlink(self):
        self._workflow_check_unlink()
        return super(WorkflowMixin, self).unlink()

    # ------------------------------------------------------------ transitions

    def _workflow_transition(self, values, access='write'):
        """Write `values` for a transition method that has already checked its caller's role.
        The caller must still hold `access` on these records by access rights and record
        rules; the write then runs as the superuser, with tracking forced on (a caller's
        tracking_disable does not hide a transition) and the caller as the chatter author."""
        self.check_access_rights(access)
        self.check_access_rule(access)
        return self._workflow_consequence(values)

    def _workflow_consequence(self, values):
        """Write `values` as the system, tracked, with the caller as author, WITHOUT checking the
        caller's rights: only for what the system itself concludes from a change the caller was
        allowed to make and that never grants anything (an approval voided because the order
        changed, the replaced revision of a plan that stops being current, the state a
        background job reaches). Private: Odoo refuses RPC calls of methods named _..."""
        clean = {key: value for key, value in self.env.context.items()
                 if key in ('lang', 'tz', 'active_test')}
        clean[_ACTOR] = self.env.uid
        return self.sudo().with_context(clean).write(values)


class MailThread(models.AbstractModel):
    """The caller of a transition as the author of its chatter lines. On mail.thread itself, not
    on the mixin: mail.thread's message_post does not call super, so an override in a mixin
    listed after mail.thread (sale.order, any `_inherit = ['mail.thread', ..., mixin]`) would
    never run."""
    _inherit = 'mail.thread'

    @api.multi
    def message_post(self, *args, **kwargs):
        actor = self.env.context.get(_ACTOR)
        if kwargs.get('author_id') is None and self.env.uid == SUPERUSER_ID and isinstance(actor, int):
            kwargs['author_id'] = self.env['res.users'].browse(actor).partner_id.id
        return super(MailThread, self).message_post(*args, **kwargs)
