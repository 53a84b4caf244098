# -*- coding: utf-8 -*-
"""The protected-field matrix (issue 12): for every model that inherits
sales_mis.workflow.mixin with a `_workflow` spec (found in the registry, so a new workflow model
is covered without editing this file) x each state of its state field (its header's for lines) x
role (salesperson, manager, director, MIS admin, an internal user without a Sales MIS role, a
portal user) x protected field (and, in frozen states, the ordinary fields):
- `write` of that field,
- `create` of a record with that field set to a non-default value, given as a value and as a
  `default_<field>` context key (and any create at all of a line under a frozen header),
- `unlink` of a record in a state where it may not be deleted,
with no context and with one context holding every context key found in the code of both
addons. Expected: an AccessError/UserError/ValidationError and nothing changed, every time.

Records in each state are made by the superuser with the small factories of FACTORIES; a
workflow model without a factory fails the test. `make matrix` runs the full size
(SALES_MIS_MATRIX_FULL=1: each context key also on its own, every ordinary field of a frozen
record)."""
import os
import re
from collections import Counter, namedtuple

from odoo import SUPERUSER_ID, models
from odoo.exceptions import AccessError, UserError, ValidationError, except_orm
from odoo.modules.module import get_module_path
from odoo.tests.common import SavepointCase

from odoo.addons.sales_mis.workflow_logic import rules

from .common import new_user

FULL = os.environ.get('SALES_MIS_MATRIX_FULL', '') not in ('', '0')
#: ordinary fields of a frozen record tried in the fast variant (all of them in the full one)
FROZEN_SAMPLE = 3
#: keys Odoo itself reads that quiet or bend what a write does
ODOO_KEYS = {'tracking_disable', 'mail_notrack', 'mail_create_nolog', 'install_mode', 'mail_auto_subscribe_no_notify',
             'no_reset_password', 'active_test', 'force_company', 'lang', 'tz', 'active_id', 'active_ids',
             'active_model'}
CLEAR_REFUSALS = (AccessError, UserError, ValidationError, except_orm)
#: every addon of addons/ (beside sales_mis): the context keys of all of them are tried
ADDONS_ROOT = os.path.dirname(get_module_path('sales_mis'))
ADDONS = tuple(sorted(name for name in os.listdir(ADDONS_ROOT)
                      if os.path.exists(os.path.join(ADDONS_ROOT, name, '__manifest__.py'))))

# ------------------------------------------------------------------ context keys from the code

_KEY = r"""['"]([A-Za-z_][\w.]*)['"]"""
_PATTERNS = [
    re.compile(r'context\s*\.\s*get\(\s*' + _KEY),                  # context.get('key')
    re.compile(r'context\s*\[\s*' + _KEY + r'\s*\]'),               # context['key']
    re.compile(_KEY + r'\s+(?:not\s+)?in\s+[\w.]*context'),         # 'key' in self.env.context
    re.compile(r"""['"]((?:search_)?default_\w+)['"]"""),           # 'default_x' anywhere
]
_WITH_CONTEXT = re.compile(r'with_context\(([^()]*(?:\([^()]*\)[^()]*)*)\)', re.S)
_CONTEXT_DICT = re.compile(r"""context['"]?\s*[:=]\s*["']?\s*(?:dict\()?\{([^{}]*)\}""", re.S)
_DICT_KEY = re.compile(_KEY + r'\s*:')
_KEYWORD = re.compile(r'(?:^|[,(\s])([A-Za-z_]\w*)\s*=(?!=)')
_CONSTANT_GET = re.compile(r'context\s*\.\s*get\(\s*([A-Z_][A-Z0-9_]*)\s*[,)]')


def context_keys():
    """Every context key that appears in the .py and .xml sources of our addons."""
    keys = set()
    for addon in ADDONS:
        root = get_module_path(addon)
        if not root:
            continue
        for folder, _dirs, files in os.walk(root):
            for filename in files:
                if not filename.endswith(('.py', '.xml')):
                    continue
                with open(os.path.join(folder, filename), encoding='utf-8') as handle:
                    text = handle.read()
                for pattern in _PATTERNS:
                    keys.update(pattern.findall(text))
                for arguments in _WITH_CONTEXT.findall(text):
                    keys.update(_DICT_KEY.findall(arguments))
                    keys.update(name for name in _KEYWORD.findall(arguments) if name not in ('self', 'lambda'))
                for body in _CONTEXT_DICT.findall(text):
                    keys.update(_DICT_KEY.findall(body))
                for constant in _CONSTANT_GET.findall(text):  # context.get(_ACTOR) with _ACTOR = 'key'
                    keys.update(re.findall(r'^\s*%s\s*=\s*%s' % (re.escape(constant), _KEY), text, re.M))
    return (keys | ODOO_KEYS) - {'context', 'self'}


# ------------------------------------------------------------------ factories

#: `values(case, header)`: values of a new record as the superuser makes it (`header` for lines:
#: the header record it goes under, None for documents); `parent`: a line's header field (the
#: matrix reads it from the spec; test_factories_make_records uses it for models not yet guarded)
Factory = namedtuple('Factory', 'values parent')
Factory.__new__.__defaults__ = (None,)


def _daily_report(case, header):
    return {'user_id': case.salesperson.id, 'team_id': case.team.id, 'date': case.next_date(),
            'summary': 'Matrix day'}


def _daily_report_line(case, header):
    return {'report_id': header.id, 'kind': 'visit', 'name': 'Matrix visit'}


def _statement(case, header):
    return {'user_id': case.salesperson.id, 'team_id': case.team.id, 'scheme_id': case.scheme.id,
            'date_from': case.next_date(), 'date_to': '2039-12-31'}


def _statement_line(case, header):
    return {'statement_id': header.id, 'user_id': header.user_id.id, 'team_id': header.team_id.id,
            'company_id': header.company_id.id, 'categ_id': case.categ.id, 'base_amount': 1000.0, 'rate': 2.0,
            'multiplier': 1.0, 'amount': 20.0}


def _scorecard(case, header):
    return {'name': 'Matrix card', 'date_from': case.next_date(), 'date_to': '2039-12-31', 'team_id': case.team.id}


def _scorecard_line(case, header):
    return {'scorecard_id': header.id, 'user_id': case.salesperson.id, 'team_id': case.team.id,
            'company_id': header.company_id.id, 'score': 50.0, 'rank': 2}


def _order(case, header):
    """An over-threshold quotation of the salesperson."""
    return {'partner_id': case.customer.id, 'user_id': case.salesperson.id, 'team_id': case.team.id,
            'order_line': [(0, 0, {'product_id': case.product.id, 'product_uom_qty': 1.0,
                                   'price_unit': 10000000.0})]}


def _order_line(case, header):
    return {'order_id': header.id, 'product_id': case.product.id, 'product_uom_qty': 2.0, 'price_unit': 100.0}


def _plan(case, header):
    return {'name': 'Matrix plan', 'year': case.next_year(), 'period_type': 'year', 'scope': 'team', 'team_id': case.team.id,
            'target_amount': 120000.0}


def _plan_line(case, header):
    return {'plan_id': header.id, 'parent_id': header.root_line_id.id if 'root_line_id' in header._fields else False,
            'user_id': case.salesperson.id, 'team_id': case.team.id, 'date_from': header.date_from,
            'date_to': header.date_to, 'target_amount': 1000.0}


def _contract(case, header):
    return {'title': 'Matrix contract', 'partner_id': case.customer.id, 'user_id': case.salesperson.id,
            'team_id': case.team.id, 'amount': 50000.0}


def _schedule(case, header):
    return {'name': 'Matrix schedule', 'user_id': case.manager.id, 'lang': 'en_US',
            'report_type_ids': [(6, 0, case.env['sales_mis.report.type'].search([], limit=1).ids)]}


def _forecast_run(case, header):
    return {'name': 'Matrix run'}


def _forecast_series(case, header):
    return {'run_id': header.id, 'company_id': header.company_id.id}


def _forecast_line(case, header):
    series = case.env['sales_mis_forecast.series'].create(_forecast_series(case, header))
    return {'run_id': header.id, 'series_id': series.id, 'company_id': header.company_id.id,
            'date': '2039-01-01'}


def _service_category(case):
    category = case.env['sales_mis_service.category'].sudo().search([], limit=1)
    return category or case.env['sales_mis_service.category'].sudo().create({'name': 'Matrix repair'})


def _service_request(case, header):
    return {'subject': 'Matrix request', 'partner_id': case.customer.id, 'category_id': _service_category(case).id,
            'team_id': case.team.id, 'user_id': case.salesperson.id}


def _service_fee(case, header):
    return {'request_id': header.id, 'product_id': case.product.id, 'name': 'Matrix fee', 'price_unit': 10.0}


def _service_callback(case, header):
    return {'request_id': header.id, 'score': '4', 'user_id': case.salesperson.id}
def _campaign(case, header):
    return {'name': 'Matrix campaign', 'team_id': case.team.id, 'user_id': case.manager.id, 'budget': 1000.0,
            'date_start': '2039-01-01', 'date_end': '2039-02-01'}


def _campaign_cost(case, header):
    return {'campaign_id': header.id, 'name': 'Matrix booth', 'amount': 100.0, 'date': '2039-01-05',
            'company_id': header.company_id.id or case.env.user.company_id.id}
def _dealer(case):
    """A dealer of the salesperson (sales_mis_dealer), made once per test (a class-wide one would outlive the savepoint that made it)."""
    if not getattr(case, '_matrix_dealer', None):
        case._matrix_dealer = case.env['res.partner'].create({
            'name': 'Matrix Dealer', 'is_company': True, 'customer': True, 'is_dealer': True,
            'user_id': case.salesperson.id, 'team_id': case.team.id})
    return case._matrix_dealer


def _dealer_stock_report(case, header):
    return {'partner_id': _dealer(case).id, 'date_from': case.next_date(), 'date_to': '2039-12-31'}


def _dealer_stock_line(case, header):
    return {'report_id': header.id, 'product_id': case.product.id, 'opening_qty': 10.0, 'received_qty': 5.0,
            'closing_qty': 3.0}


def _dealer_grading(case, header):
    return {'name': 'Matrix grading', 'date_from': case.next_date(), 'date_to': '2039-12-31', 'team_id': case.team.id}


def _dealer_grading_line(case, header):
    return {'grading_id': header.id, 'partner_id': _dealer(case).id, 'user_id': case.salesperson.id,
            'team_id': case.team.id, 'company_id': header.company_id.id, 'score': 50.0, 'rank': 1}


def _dealer_rebate(case, header):
    if not getattr(case, '_matrix_policy', None):
        case._matrix_policy = case.env['sales_mis_dealer.rebate.policy'].create({
            'name': 'Matrix rebates', 'tier_ids': [(0, 0, {'min_amount': 0, 'rate': 1.0})]})
    return {'partner_id': _dealer(case).id, 'policy_id': case._matrix_policy.id, 'date_from': case.next_date(),
            'date_to': '2039-12-31'}
# knowledge (sales_mis_knowledge)
def _bid(case, header):
    return {'name': 'Matrix bid', 'partner_id': case.customer.id, 'user_id': case.salesperson.id,
            'team_id': case.team.id, 'amount': 1000.0}


def _bid_competitor(case, header):
    return {'bid_id': header.id, 'competitor_id': case.env.ref('sales_mis.competitor_huagong').id, 'price': 900.0}


def _bid_checklist(case, header):
    return {'bid_id': header.id, 'name': 'Matrix licence', 'required': True}


def _sales_case(case, header):
    return {'name': 'Matrix case', 'user_id': case.salesperson.id, 'team_id': case.team.id,
            'solution': 'Matrix solution', 'result': 'Matrix result'}


FACTORIES = {
    'sales_mis.daily.report': Factory(_daily_report),
    'sales_mis.daily.report.line': Factory(_daily_report_line, 'report_id'),
    'sales_mis.commission.statement': Factory(_statement),
    'sales_mis.commission.line': Factory(_statement_line, 'statement_id'),
    'sales_mis.scorecard': Factory(_scorecard),
    'sales_mis.scorecard.line': Factory(_scorecard_line, 'scorecard_id'),
    'sale.order': Factory(_order),
    'sale.order.line': Factory(_order_line, 'order_id'),
    'sales_mis.plan': Factory(_plan),
    'sales_mis.plan.line': Factory(_plan_line, 'plan_id'),
    'sales_mis.contract': Factory(_contract),
    'sales_mis.report.schedule': Factory(_schedule),
    'sales_mis_forecast.run': Factory(_forecast_run),
    'sales_mis_forecast.series': Factory(_forecast_series, 'run_id'),
    'sales_mis_forecast.line': Factory(_forecast_line, 'run_id'),
    'sales_mis_service.request': Factory(_service_request),
    'sales_mis_service.fee.line': Factory(_service_fee, 'request_id'),
    'sales_mis_service.callback': Factory(_service_callback, 'request_id'),
    # marketing addon (issue 16)
    'utm.campaign': Factory(_campaign),
    'sales_mis_marketing.campaign.cost': Factory(_campaign_cost, 'campaign_id'),
    # sales_mis_dealer
    'sales_mis_dealer.stock.report': Factory(_dealer_stock_report),
    'sales_mis_dealer.stock.report.line': Factory(_dealer_stock_line, 'report_id'),
    'sales_mis_dealer.grading': Factory(_dealer_grading),
    'sales_mis_dealer.grading.line': Factory(_dealer_grading_line, 'grading_id'),
    'sales_mis_dealer.rebate.statement': Factory(_dealer_rebate),
    'sales_mis.bid': Factory(_bid),
    'sales_mis.bid.competitor': Factory(_bid_competitor, 'bid_id'),
    'sales_mis.bid.checklist': Factory(_bid_checklist, 'bid_id'),
    'sales_mis.sales.case': Factory(_sales_case),
}


def workflow_models(env):
    """Names of the concrete models of the registry guarded by the workflow mixin."""
    mixin = env.registry['sales_mis.workflow.mixin']
    return sorted(name for name, cls in env.registry.models.items()
                  if issubclass(cls, mixin) and not cls._abstract and not cls._transient
                  and getattr(cls, '_workflow', None) is not None)


class TestWorkflowMatrix(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestWorkflowMatrix, cls).setUpClass()
        env = cls.env
        cls.salesperson = env.ref('sales_mis.user_salesperson')
        cls.manager = env.ref('sales_mis.user_manager')
        cls.team = env.ref('sales_mis.team_east_china')
        cls.internal = new_user(env, 'Matrix Internal', 'matrix_internal', ['base.group_user'])
        cls.portal = new_user(env, 'Matrix Portal', 'matrix_portal', ['base.group_portal'])
        # the approver a forger names: a director who is none of the callers (so no caller's own
        # default can be mistaken for a forged value)
        cls.boss = new_user(env, 'Matrix Boss', 'matrix_boss', ['base.group_user', 'sales_mis.group_director'])
        cls.roles = [('salesperson', cls.salesperson), ('manager', cls.manager),
                     ('director', env.ref('sales_mis.user_director')),
                     ('mis admin', env.ref('sales_mis.user_mis_admin')),
                     ('internal user', cls.internal), ('portal user', cls.portal)]
        cls.customer = env['res.partner'].create({'name': 'Matrix Customer', 'customer': True})
        cls.categ = env['product.category'].create({'name': 'Matrix Pumps'})
        cls.product = env['product.product'].create({'name': 'Matrix Pump', 'categ_id': cls.categ.id,
                                                     'list_price': 100.0})
        cls.scheme = env['sales_mis.commission.scheme'].create({
            'name': 'Matrix scheme', 'default_rate': 2.0,
            'tier_ids': [(0, 0, {'min_completion': 0, 'multiplier': 1.0})]})
        cls.day = 0
        cls.year = 2040

    @classmethod
    def next_year(cls):
        """A year of its own for each plan: two approved plans of one scope and period overlap."""
        cls.year += 1
        return cls.year

    @classmethod
    def next_date(cls):
        cls.day += 1
        return '2039-%02d-%02d' % (1 + cls.day // 28 % 12, 1 + cls.day % 28)

    # -------------------------------------------------------------- records in each state

    def header_field(self, model):
        spec = model._workflow
        if spec.parent_field:
            header_model = self.env[model._fields[spec.parent_field].comodel_name]
            return header_model, header_model._fields[header_model._workflow.state_field]
        return model, model._fields[spec.state_field]

    def states(self, model):
        _header, field = self.header_field(model)
        if field.type == 'selection':
            return [value for value, _label in field._description_selection(self.env)]
        if field.type == 'boolean':
            return [True, False]
        raise AssertionError('%s: state field %s is a %s' % (model._name, field.name, field.type))

    def make(self, model, state):
        """A record of `model` in `state` (its header in `state`), made by the superuser."""
        spec = model._workflow
        su = model.sudo()
        if spec.parent_field:
            header_model, field = self.header_field(model)
            header = self.make(header_model.sudo(), state)
            record = su.create(FACTORIES[model._name].values(self, header))
            # the header is put in its state after the line exists (a frozen header takes no line)
            header.write({field.name: state})
            return record
        record = su.create(FACTORIES[model._name].values(self, None))
        record.write({spec.state_field: state})
        return record

    def new_values(self, model, record):
        spec = model._workflow
        header = record[spec.parent_field] if spec.parent_field else None
        return FACTORIES[model._name].values(self, header)

    # -------------------------------------------------------------- attack values

    def attack_value(self, record, name):
        """A value of field `name` other than the record's (None: no such value)."""
        field = record._fields[name]
        current = record[name]
        kind = field.type
        if kind == 'selection':
            values = [v for v, _label in field._description_selection(self.env) if v != current]
            return values[-1] if values else None
        if kind in ('char', 'text', 'html'):
            return '%s forged' % (current or '')
        if kind == 'boolean':
            return not current
        if kind == 'integer':
            return (current or 0) + 7
        if kind in ('float', 'monetary'):
            return (current or 0.0) + 99999.0
        if kind == 'date':
            return '2038-12-31' if current != '2038-12-31' else '2038-12-30'
        if kind == 'datetime':
            return '2038-12-31 12:00:00' if current != '2038-12-31 12:00:00' else '2038-12-30 12:00:00'
        if kind == 'many2one':
            if field.comodel_name == 'res.users':
                return (self.boss if self.boss != current else self.manager).id
            other = self.env[field.comodel_name].sudo().search([('id', 'not in', current.ids)], limit=1)
            return other.id or None
        if kind == 'many2many':
            other = self.env[field.comodel_name].sudo().search([('id', 'not in', current.ids)], limit=1)
            return [(6, 0, other.ids)] if other else None
        if kind == 'one2many':
            return [(5, 0, 0)] if current else None
        if kind == 'binary':
            return b'Zm9yZ2Vk'
        return None

    def stored(self, record, name):
        record.invalidate_cache()
        value = record.sudo()[name]
        return value.ids if isinstance(value, models.BaseModel) else value

    def ordinary_fields(self, model):
        names = [name for name, field in model._fields.items()
                 if field.store and not field.compute and name not in models.MAGIC_COLUMNS
                 and name not in ('__last_update', 'display_name') and not name.startswith(rules.MAIL_PREFIXES)
                 and field.type not in ('one2many', 'reference')]
        return sorted(names)

    def attacked_fields(self, model, state):
        """Protected fields (all stored fields for EVERYTHING), then in a frozen state the
        ordinary fields that are not open (a sample of them in the fast variant)."""
        spec = model._workflow
        if spec.protected == rules.EVERYTHING:
            return self.ordinary_fields(model)
        protected = sorted(name for name in spec.protected if name in model._fields)
        if state not in spec.frozen_states:
            return protected
        others = [name for name in self.ordinary_fields(model)
                  if name not in spec.protected and name not in spec.open_when_frozen]
        return protected + (others if FULL else others[:FROZEN_SAMPLE])

    # -------------------------------------------------------------- contexts

    def contexts(self, model, record, user, field=None, value=None):
        """(label, context) pairs to try: none, all keys together, and each alone (full)."""
        every = {}
        for key in self.keys:
            if key.startswith('default_'):
                # defaults of this model's fields with True would be refused for a bad value,
                # not by the guard; the attacked field's default carries the forged value
                if key[len('default_'):] in model._fields:
                    continue
            every[key] = self.key_value(key, model, record, user)
        if field:
            every['default_%s' % field] = value
        result = [('no context', {}), ('every key', every)]
        if FULL:
            result += [(key, {key: every[key]}) for key in sorted(every)]
        return result

    def key_value(self, key, model, record, user):
        special = {'lang': 'en_US', 'tz': 'UTC', 'active_test': False, 'active_model': model._name,
                   'active_id': record.id, 'active_ids': record.ids, 'force_company': record.env.user.company_id.id,
                   'sales_mis_workflow_actor': SUPERUSER_ID, 'uid': SUPERUSER_ID}
        return special.get(key, True)

    # -------------------------------------------------------------- the matrix

    def attempt(self, label, operation, check):
        """Run `operation`; 'ok' when refused with a clear error and `check()` finds nothing
        changed, else what happened. Always rolled back."""
        cr = self.env.cr
        cr.execute('SAVEPOINT workflow_matrix')
        try:
            try:
                operation()
            except CLEAR_REFUSALS:
                outcome = 'ok' if check() else 'refused, but changed'
            except Exception as error:  # a refusal that says nothing: a bad attack or a crash
                outcome = 'odd error %s: %s' % (type(error).__name__, str(error)[:120])
            else:
                outcome = 'done'
        finally:
            cr.execute('ROLLBACK TO SAVEPOINT workflow_matrix')
            cr.execute('RELEASE SAVEPOINT workflow_matrix')  # else they pile up (one lock each)
            self.env.clear()
        self.outcomes[outcome == 'ok' and 'ok' or 'unexpected'] += 1
        if outcome != 'ok':
            self.unexpected.append('%s: %s' % (label, outcome))

    def test_factories_make_records(self):
        """Every factory makes a valid record, also of the models that are not (yet) workflow
        models here, so that the matrix does not fail on its own factories when they become ones."""
        made = []
        for name, factory in sorted(FACTORIES.items()):
            if name not in self.env.registry.models:
                continue
            header = None
            if factory.parent:
                comodel = self.env[name]._fields[factory.parent].comodel_name
                header = self.env[comodel].sudo().create(FACTORIES[comodel].values(self, None))
            record = self.env[name].sudo().create(factory.values(self, header))
            self.assertTrue(record.exists())
            made.append(name)
        self.assertIn('sale.order', made)

    def test_protected_field_matrix(self):
        self.keys = context_keys()
        self.assertIn('daily_report_workflow', self.keys, 'the key scan finds the keys of the code')
        # every key the code reads is tried (alone in the full matrix): a new one is found by the scan
        for key in ('sales_mis_workflow_actor', 'sales_mis_no_evaluate', 'recompute',
                    'sales_mis_forecast_no_commit', 'sales_mis_forecast_run_id'):
            self.assertIn(key, self.keys)
        names = workflow_models(self.env)
        for expected in ('sales_mis.daily.report', 'sales_mis.commission.statement', 'sales_mis.scorecard'):
            self.assertIn(expected, names)
        missing = [name for name in names if name not in FACTORIES]
        self.assertFalse(missing, 'workflow models without a factory in test_workflow_matrix.FACTORIES: %s'
                         % ', '.join(missing))
        self.outcomes, self.unexpected = Counter(), []
        model_states = 0
        for name in names:
            model = self.env[name]
            for state in self.states(model):
                record = self.make(model, state)
                model_states += 1
                for role, user in self.roles:
                    self.attack(model, record, state, role, user)
        attempts = sum(self.outcomes.values())
        summary = ('workflow matrix (%s): %d attempts over %d models, %d model-states, %d roles, %d context keys: '
                   '%d unexpected' % ('full' if FULL else 'fast', attempts, len(names), model_states,
                                      len(self.roles), len(self.keys), self.outcomes['unexpected']))
        print('\n' + summary)
        for line in self.unexpected[:40]:
            print('  ' + line)
        self.assertFalse(self.unexpected, summary + '\n' + '\n'.join(self.unexpected[:40]))

    def attack(self, model, record, state, role, user):
        spec = model._workflow
        as_user = record.sudo(user)
        for name in self.attacked_fields(model, state):
            values = [self.attack_value(record, name)]
            if name == spec.state_field and not spec.parent_field and model._fields[name].type == 'selection':
                values = [v for v in self.states(model) if v != record[name]]
            for value in values:
                if value is None:
                    continue
                before = self.stored(record, name)
                for label, context in self.contexts(model, record, user):
                    self.attempt('%s %s[%s] write %s=%r as %s, %s' % (model._name, state, record.id, name, value,
                                                                     role, label),
                                 lambda: as_user.with_context(context).write({name: value}),
                                 lambda: self.stored(record, name) == before)
        self.attack_create(model, record, state, role, user)
        if not rules.may_delete(spec, state):
            for label, context in self.contexts(model, record, user):
                self.attempt('%s %s[%s] unlink as %s, %s' % (model._name, state, record.id, role, label),
                             lambda: as_user.with_context(context).unlink(),
                             lambda: record.sudo().exists())

    def attack_create(self, model, record, state, role, user):
        """Headers: once per model (their own state is a protected field). Lines: under a
        header in each state; under a frozen header any line is refused."""
        spec = model._workflow
        if not spec.parent_field and state != self.states(model)[0]:
            return
        Model = model.sudo(user)
        base = self.new_values(model, record)
        frozen_header = spec.parent_field and state in spec.frozen_states
        count = lambda: model.sudo().search_count([])
        total = count()
        if frozen_header:
            fields = [None]
        else:
            fields = [name for name in self.attacked_fields(model, state) if name != spec.parent_field]
        if frozen_header:  # the header given only as a context default
            orphan = {key: value for key, value in base.items() if key != spec.parent_field}
            every = dict(dict(self.contexts(model, record, user))['every key'],
                         **{'default_%s' % spec.parent_field: base[spec.parent_field]})
            self.attempt('%s create under %s through default_%s as %s' % (model._name, state, spec.parent_field, role),
                         lambda: Model.with_context(every).create(dict(orphan)),
                         lambda: count() == total)
        for name in fields:
            value = self.attack_value(record, name) if name else None
            if name and value is None:
                continue
            values = dict(base, **{name: value}) if name else base
            for label, context in self.contexts(model, record, user, name, value):
                self.attempt('%s create under %s %s=%r as %s, %s' % (model._name, state, name, value, role, label),
                             lambda: Model.with_context(context).create(dict(values)),
                             lambda: count() == total)
            if name:  # the field given only as a context default
                every = dict(self.contexts(model, record, user, name, value))['every key']
                self.attempt('%s create under %s default_%s=%r as %s' % (model._name, state, name, value, role),
                             lambda: self.create_keeps_default(Model.with_context(every), dict(base), name, value),
                             lambda: True)

    def create_keeps_default(self, Model, values, name, value):
        """A create that leaves `name` out may go ahead (a draft by its author), as long as the
        context default did not set it; raise to report the refusal, or when it did."""
        record = Model.create(values)
        stored = record.sudo()[name]
        stored = stored.ids if isinstance(stored, models.BaseModel) else stored
        forged = value if not isinstance(value, list) else value[0][2]
        if stored == forged:
            return
        raise AccessError('not forged')
