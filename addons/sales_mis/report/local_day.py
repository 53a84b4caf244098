# -*- coding: utf-8 -*-
"""SQL for a company's local day: timestamps are stored in UTC and PostgreSQL's CURRENT_DATE is
the server's day, but an order confirmed at 07:00 in Shanghai belongs to that Shanghai day (and
month). The time zone is that of the company's partner (UTC when it has none).

Over many companies: add tz_join('s.company_id') to the FROM clause, then local_date('s.date_order')
or local_today() (a hash join on the companies, not a lookup per row). For one company given as a
parameter: local_date('v.date_start', company_tz('%(company)s'))."""

_TZ = "COALESCE(NULLIF(tzp.tz, ''), 'UTC')"
_COMPANY_TZ = ("SELECT tzc.id AS tz_company_id, %s AS tz "
               "FROM res_company tzc JOIN res_partner tzp ON tzp.id = tzc.partner_id" % _TZ)


def tz_join(company_id, alias='ctz'):
    """A LEFT JOIN giving `alias`.tz, the time zone of the company whose id is `company_id`."""
    return "LEFT JOIN (%s) %s ON %s.tz_company_id = %s" % (_COMPANY_TZ, alias, alias, company_id)


def company_tz(company_id):
    """The time zone of one company as a scalar subquery (evaluated once for a parameter)."""
    return ("(SELECT %s FROM res_company tzc JOIN res_partner tzp ON tzp.id = tzc.partner_id "
            "WHERE tzc.id = %s)" % (_TZ, company_id))


def local_date(timestamp, tz='ctz.tz'):
    """The local date of the UTC `timestamp` in time zone `tz` (SQL expressions)."""
    return "((%s) AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(%s, 'UTC'))::date" % (timestamp, tz)


def local_today(tz='ctz.tz'):
    """Today in time zone `tz` (in place of CURRENT_DATE)."""
    return "(now() AT TIME ZONE COALESCE(%s, 'UTC'))::date" % tz
