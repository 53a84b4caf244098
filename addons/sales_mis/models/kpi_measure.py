# -*- coding: utf-8 -*-
"""How each KPI is measured for a set of salespeople over a period, one SQL
query per KPI (`_measure_<code>`). Each query reads only the rows the caller may read
(access rights and record rules of the model it aggregates), so that measuring
somebody else's figures reveals nothing the caller could not see anyway."""
from odoo import _, api, models
from odoo.exceptions import UserError

from ..lib.rpc_input import day_arg
from ..report.caller_access import check_readable
from ..report.local_day import company_tz, local_date
from ..report.visible_sql import visible_rows_sql


#: the models whose rows the measures aggregate
MEASURED_MODELS = ('sales_mis.plan.completion', 'account.invoice', 'sale.order', 'sales_mis.visit', 'crm.lead',
                   'sales_mis.actual')

# timestamps counted on the company's local day (the period's dates are local days)
_TZ = company_tz('%(company)s')
_LOCAL_DAYS = {'day_of_first_date': local_date('first.first_date', _TZ),
               'day_of_date_start': local_date('date_start', _TZ),
               'day_of_date_closed': local_date('l.date_closed', _TZ)}


class KpiMeasure(models.AbstractModel):
    _name = 'sales_mis.kpi.measure'
    _description = 'KPI Measurement'

    @api.model
    # XML-RPC sends only string keys: {kpi code: {'user id': value}} there
    @api.returns('self', lambda value: {code: {str(user): figure for user, figure in values.items()}
                                        for code, values in value.items()})
    def measure(self, user_ids, company_id, date_from, date_to):
        """{kpi code: {user id: value}} for the period [date_from, date_to]."""
        if not isinstance(user_ids, (list, tuple)) or not all(
                isinstance(i, int) and not isinstance(i, bool) for i in user_ids):
            raise UserError(_('user_ids must be a list of user ids.'))
        if not isinstance(company_id, int) or isinstance(company_id, bool):
            raise UserError(_('company_id must be the id of a company.'))
        date_from, date_to = (str(day_arg(self.env, day, required=True)) for day in (date_from, date_to))
        check_readable(self.env, *MEASURED_MODELS)
        args = {'users': tuple(user_ids) or (0,), 'company': company_id,
                'date_from': date_from, 'date_to': date_to}
        return {code: dict(getattr(self, '_measure_%s' % code)(args))
                for code in ('revenue_completion', 'collection_rate', 'new_customers', 'visits',
                             'win_rate', 'gross_margin')}

    def _rows(self, query, args, model):
        """Run `query`, whose {visible} is the rows of `model` the caller may read."""
        # archived rows count too (lost opportunities are archived)
        visible, params = visible_rows_sql(self.env[model].with_context(active_test=False))
        self.env.cr.execute(query.format(visible=visible, **_LOCAL_DAYS), dict(args, **params))
        return self.env.cr.fetchall()

    def _measure_revenue_completion(self, args):
        # target and actual of the leaf lines of current approved plans inside the period
        return self._rows("""
            SELECT user_id, 100.0 * sum(actual_amount) / NULLIF(sum(target_amount), 0)
              FROM ({visible}) sales_mis_plan_completion
             WHERE user_id IN %(users)s AND company_id = %(company)s AND is_current
               AND state IN ('approved', 'locked')
               AND date_from >= %(date_from)s AND date_to <= %(date_to)s
             GROUP BY user_id HAVING sum(target_amount) > 0""", args, 'sales_mis.plan.completion')

    def _measure_collection_rate(self, args):
        # paid share of what was invoiced (net of refunds) in the period
        return self._rows("""
            SELECT user_id, 100.0 * sum(amount_total_company_signed - residual_company_signed)
                            / NULLIF(sum(amount_total_company_signed), 0)
              FROM ({visible}) account_invoice
             WHERE user_id IN %(users)s AND company_id = %(company)s AND state IN ('open', 'paid')
               AND type IN ('out_invoice', 'out_refund')
               AND date_invoice BETWEEN %(date_from)s AND %(date_to)s
             GROUP BY user_id HAVING sum(amount_total_company_signed) > 0""", args, 'account.invoice')

    def _measure_new_customers(self, args):
        # customers whose first confirmed order ever falls in the period
        return self._rows("""
            SELECT first.user_id, count(*)
              FROM (SELECT DISTINCT ON (p.commercial_partner_id) s.id, p.commercial_partner_id, s.user_id,
                           COALESCE(s.confirmation_date, s.date_order) AS first_date
                      FROM sale_order s JOIN res_partner p ON p.id = s.partner_id
                     WHERE s.state IN ('sale', 'done') AND s.company_id = %(company)s
                     ORDER BY p.commercial_partner_id, COALESCE(s.confirmation_date, s.date_order)) first
             WHERE first.user_id IN %(users)s
               AND {day_of_first_date} BETWEEN %(date_from)s AND %(date_to)s
               AND first.id IN (SELECT visible.id FROM ({visible}) visible)
             GROUP BY first.user_id""", args, 'sale.order')

    def _measure_visits(self, args):
        # customer visits logged as done (calls and demos count too: they are contacts)
        return self._rows("""
            SELECT user_id, count(*)
              FROM ({visible}) sales_mis_visit
             WHERE user_id IN %(users)s AND company_id = %(company)s AND state = 'done'
               AND {day_of_date_start} BETWEEN %(date_from)s AND %(date_to)s
             GROUP BY user_id""", args, 'sales_mis.visit')

    def _measure_win_rate(self, args):
        # opportunities closed in the period: won (probability 100) against lost (archived)
        return self._rows("""
            SELECT l.user_id, 100.0 * count(*) FILTER (WHERE l.active AND l.probability = 100)
                              / count(*)
              FROM ({visible}) l
             WHERE l.user_id IN %(users)s AND l.type = 'opportunity' AND l.company_id = %(company)s
               AND {day_of_date_closed} BETWEEN %(date_from)s AND %(date_to)s
               AND ((l.active AND l.probability = 100) OR (NOT l.active AND l.probability = 0))
             GROUP BY l.user_id""", args, 'crm.lead')

    def _measure_gross_margin(self, args):
        return self._rows("""
            SELECT user_id, 100.0 * sum(margin) / NULLIF(sum(amount), 0)
              FROM ({visible}) sales_mis_actual
             WHERE basis = 'order' AND user_id IN %(users)s AND company_id = %(company)s
               AND month BETWEEN date_trunc('month', %(date_from)s::date) AND %(date_to)s
             GROUP BY user_id HAVING sum(amount) > 0""", args, 'sales_mis.actual')
