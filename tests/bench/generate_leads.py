#!/usr/bin/env python3
"""Synthetic opportunity history for the win-probability benchmark, on a database
already filled by generate.py and with sales_mis installed (it writes competitors).

    generate_leads(cr, closed=50000, open_=5000, seed=42, log=print) -> dict

Set-based SQL only, deterministic (``hashint8extended`` of the row number and the
seed, like generate.py). Each opportunity belongs to a bench customer and to that
customer's salesperson and team; it gets the BANT answers, a source and medium, an
expected revenue, 0-3 competitors (sales_mis.lead.competitor), 0-n logged notes
(mail_message 'comment') and, when won, the tracked stage change from the stage it
was won from (mail_message + mail_tracking_value, as Odoo writes it).

The outcome follows a known logistic signal: BANT answers, the salesperson's skill
(a fixed hidden effect per person), the number of notes, the competitors (one is
tougher), key accounts (the long-tail head of the customers) and big deals (harder).
Lost deals tend to die in early stages, won ones come from Proposition, so the
stage probability is an honest baseline.

CLI: python tests/bench/generate_leads.py --db DBNAME [--closed 50000] [--open 5000]
"""
import argparse
import sys
import time

COMPETITORS = ['Bench Rival Alpha', 'Bench Rival Beta', 'Bench Rival Gamma', 'Bench Rival Delta',
               'Bench Rival Epsilon', 'Bench Rival Zeta', 'Bench Rival Eta', 'Bench Rival Theta']


class AlreadyGenerated(RuntimeError):
    """The database holds this generator's rows already (make bench then skips it)."""


class _Leads(object):

    def __init__(self, cr, closed, open_, seed, log):
        self.cr, self.closed, self.open, self.seed = cr, int(closed), int(open_), int(seed)
        self.log = log or (lambda msg: None)
        self.t0 = self.t = time.time()
        self.seconds = {}

    def q(self, sql, params=None):
        self.cr.execute(sql, params)

    def one(self, sql, params=None):
        self.cr.execute(sql, params)
        row = self.cr.fetchone()
        return row[0] if row else None

    def r(self, expr, stream):
        return 'pg_temp._lead_r((%s)::bigint, %d)' % (expr, self.seed * 1000003 + stream)

    def step(self, name, **counts):
        now = time.time()
        self.seconds[name] = round(now - self.t, 3)
        self.t = now
        self.log('[leads] %-12s %6.2fs %s' % (name, self.seconds[name],
                                              ', '.join('%s=%s' % kv for kv in counts.items())))

    def alloc(self, table, count):
        seq = self.one("SELECT pg_get_serial_sequence(%s, 'id')", (table,))
        base = self.one("SELECT COALESCE(MAX(id), 0) FROM %s" % table)
        self.cr.execute("SELECT last_value FROM %s" % seq)
        base = max(base, self.cr.fetchone()[0])
        self.q("SELECT setval(%s, %s, true)", (seq, base + max(count, 1)))
        return base

    def run(self):
        q, r = self.q, self.r
        if self.one("SELECT count(*) FROM crm_lead WHERE name LIKE 'BOPP%%'"):
            raise AlreadyGenerated('this database already holds bench opportunities (BOPP*)')
        q("""CREATE OR REPLACE FUNCTION pg_temp._lead_r(k bigint, s bigint) RETURNS float8
             LANGUAGE sql IMMUTABLE AS
             $$ SELECT (hashint8extended(k, s) & 9007199254740991)::float8 / 9007199254740992.0 $$""")
        company = self.one("SELECT min(id) FROM res_company")
        end = self.one("SELECT max(date_order)::date FROM sale_order")
        start = self.one("SELECT min(date_order)::date + 90 FROM sale_order")
        stage_ids = self._ids("SELECT id FROM crm_stage WHERE probability < 100 ORDER BY sequence, id")
        won_stage = self.one("SELECT id FROM crm_stage WHERE probability = 100 ORDER BY sequence LIMIT 1")
        if len(stage_ids) < 3 or not won_stage or not end:
            raise RuntimeError('needs the three open crm stages, a won stage and bench sale orders')
        sources = [row for row in self._ids("SELECT id FROM utm_source ORDER BY id")]
        media = [row for row in self._ids("SELECT id FROM utm_medium ORDER BY id")]

        # customers of the bench, head of the long tail first (most orders = key accounts)
        q("DROP TABLE IF EXISTS pg_temp._lead_cust")
        q("""CREATE TEMP TABLE _lead_cust AS
             SELECT row_number() OVER (ORDER BY n DESC, p.id) AS rn, p.id, p.user_id, p.team_id
               FROM res_partner p
               JOIN (SELECT partner_id, count(*) AS n FROM sale_order GROUP BY partner_id) o
                 ON o.partner_id = p.id
              WHERE p.user_id IS NOT NULL""")
        ncust = self.one("SELECT count(*) FROM _lead_cust")

        # competitors
        q("""INSERT INTO sales_mis_competitor (name, active, company_id, create_uid, create_date,
                                               write_uid, write_date)
             SELECT name, true, NULL, 1, %s::timestamp, 1, %s::timestamp FROM unnest(%s::text[]) AS name
             ON CONFLICT DO NOTHING""", (start, start, COMPETITORS))
        competitor_ids = self._ids("SELECT id FROM sales_mis_competitor WHERE name = ANY(%s) ORDER BY name",
                                   (COMPETITORS,))
        self.step('prepare', customers=ncust)

        n = self.closed + self.open
        base = self.alloc('crm_lead', n)
        span = (end - start).days
        # one row per lead with its hidden drivers; closed leads first, then the open ones
        q("DROP TABLE IF EXISTS pg_temp._lead")
        q("""CREATE TEMP TABLE _lead AS
             WITH g AS (SELECT i, i > %(closed)s AS is_open FROM generate_series(1, %(n)s) AS i),
             d AS (
               SELECT g.i, g.is_open, c.id AS partner_id, c.user_id, c.team_id, c.rn,
                      {r_b} < 0.45 AS budget, {r_a} < 0.5 AS authority, {r_need} < 0.55 AS need,
                      {r_t} < 0.35 AS timing,
                      floor(-ln(1 - {r_notes}) * 3)::int AS notes,
                      (CASE WHEN {r_c} < 0.35 THEN 0 WHEN {r_c} < 0.7 THEN 1 WHEN {r_c} < 0.9 THEN 2 ELSE 3 END)
                          AS competitors,
                      floor({r_c1} * %(ncomp)s)::int AS first_comp,
                      -- lognormal expected revenue around 35,000
                      round((exp(10.5 + 1.1 * ({r_z1} + {r_z2} + {r_z3} - 1.5) * 2))::numeric, -2)::float8
                          AS revenue,
                      (%(sources)s::int[])[1 + floor({r_src} * %(nsrc)s)::int] AS source_id,
                      (%(media)s::int[])[1 + floor({r_med} * %(nmed)s)::int] AS medium_id,
                      (ARRAY['0', '1', '1', '2', '3'])[1 + floor({r_pri} * 5)::int] AS priority,
                      CASE WHEN g.is_open
                           THEN %(end)s::date - floor({r_day} * 150)::int
                           ELSE %(start)s::date + floor({r_day} * (%(span)s - 30))::int END AS day,
                      5 + floor({r_dur} * 110)::int AS duration,
                      ({r_skill_u} - 0.5) * 1.8 AS skill
                 FROM g
                 JOIN _lead_cust c ON c.rn = 1 + floor(power({r_cust}, 1.6) * %(ncust)s)::int
             )
             SELECT d.*,
                    -- the planted truth
                    -1.1 + 0.8 * budget::int + 0.5 * authority::int + 0.6 * need::int + 0.3 * timing::int
                    + skill + 0.45 * ln(1 + notes) - 0.35 * competitors
                    - CASE WHEN competitors > 0 AND first_comp = 0 THEN 0.6 ELSE 0 END
                    + CASE WHEN rn <= %(ncust)s / 10 THEN 0.5 ELSE 0 END
                    - CASE WHEN revenue > 200000 THEN 0.5 ELSE 0 END AS logit
               FROM d""".format(
            r_b=r('i', 1), r_a=r('i', 2), r_need=r('i', 3), r_t=r('i', 4), r_notes=r('i', 5), r_c=r('i', 6),
            r_c1=r('i', 7), r_z1=r('i', 8), r_z2=r('i', 9), r_z3=r('i', 10), r_src=r('i', 11),
            r_med=r('i', 12), r_pri=r('i', 13), r_day=r('i', 14), r_dur=r('i', 15),
            r_skill_u=r('c.user_id', 16), r_cust=r('i', 17)),
            dict(closed=self.closed, n=n, ncust=ncust, ncomp=len(competitor_ids), sources=sources or [None],
                 nsrc=max(len(sources), 1), media=media or [None], nmed=max(len(media), 1), end=end,
                 start=start, span=span))
        q("""ALTER TABLE _lead ADD COLUMN won boolean, ADD COLUMN stage_id int, ADD COLUMN created timestamp,
                                ADD COLUMN closed_at timestamp""")
        q("""UPDATE _lead SET
                 won = NOT is_open AND {r_win} < 1 / (1 + exp(-logit)),
                 created = day + interval '1 hour' + {r_h} * interval '8 hours'""".format(
            r_win=r('i', 20), r_h=r('i', 21)))
        # stage reached: won deals mostly from Proposition, lost ones die early; open ones anywhere
        q("""UPDATE _lead SET stage_id = (%(stages)s::int[])[CASE
                 WHEN won THEN (CASE WHEN {r_s} < 0.05 THEN 1 WHEN {r_s} < 0.30 THEN 2 ELSE 3 END)
                 WHEN NOT is_open THEN (CASE WHEN {r_s} < 0.45 THEN 1 WHEN {r_s} < 0.80 THEN 2 ELSE 3 END)
                 ELSE (CASE WHEN {r_s} < 0.40 THEN 1 WHEN {r_s} < 0.75 THEN 2 ELSE 3 END) END],
                 closed_at = CASE WHEN is_open THEN NULL
                                  ELSE LEAST(created + duration * interval '1 day', %(end)s::timestamp) END
             """.format(r_s=r('i', 22)), dict(stages=stage_ids[:3], end=end))
        self.step('drivers', leads=n)

        q("""INSERT INTO crm_lead (id, name, type, active, partner_id, user_id, team_id, company_id,
                 stage_id, probability, planned_revenue, priority, source_id, medium_id, date_open,
                 date_closed, date_last_stage_update, date_deadline, create_date, write_date,
                 create_uid, write_uid, eval_budget_confirmed, eval_decision_maker_known,
                 eval_need_confirmed, eval_timing_confirmed, color, message_bounce)
             SELECT %(base)s + i, 'BOPP' || lpad(i::text, 6, '0'), 'opportunity', is_open OR won,
                    l.partner_id, l.user_id, l.team_id, %(company)s,
                    CASE WHEN won THEN %(won_stage)s ELSE l.stage_id END,
                    CASE WHEN won THEN 100 WHEN is_open THEN s.probability ELSE 0 END,
                    revenue, priority, source_id, medium_id, created, closed_at,
                    COALESCE(closed_at, created + (duration / 3) * interval '1 day'),
                    (created + duration * interval '1 day')::date,
                    created, COALESCE(closed_at, created), 1, 1, budget, authority, need, timing, 0, 0
               FROM _lead l JOIN crm_stage s ON s.id = l.stage_id""",
          dict(base=base, company=company, won_stage=won_stage))
        self.step('crm_lead', rows=n)

        # logged notes, spread between creation and closing (or now)
        msg_count = self.one("SELECT sum(notes) FROM _lead")
        mbase = self.alloc('mail_message', int(msg_count) + self.closed)
        q("""INSERT INTO mail_message (id, model, res_id, message_type, subtype_id, body, date,
                 create_date, write_date, create_uid, write_uid, author_id)
             SELECT %(mbase)s + row_number() OVER (ORDER BY l.i, k), 'crm.lead', %(base)s + l.i, 'comment',
                    %(note)s, '<p>Follow-up</p>', t, t, t, 1, 1, NULL
               FROM _lead l CROSS JOIN LATERAL generate_series(1, l.notes) AS k
               CROSS JOIN LATERAL (SELECT l.created + (k::float / (l.notes + 1))
                       * (COALESCE(l.closed_at, %(end)s::timestamp) - l.created) AS t) tt""",
          dict(mbase=mbase, base=base, note=self.one("SELECT id FROM mail_message_subtype WHERE name = 'Note' "
                                                      "ORDER BY id LIMIT 1"), end=end))
        # the tracked stage change of every won deal: from the stage reached to the won stage
        tbase = mbase + int(msg_count)
        q("""INSERT INTO mail_message (id, model, res_id, message_type, body, date, create_date, write_date,
                 create_uid, write_uid)
             SELECT %(tbase)s + i, 'crm.lead', %(base)s + i, 'notification', '', closed_at, closed_at,
                    closed_at, 1, 1
               FROM _lead WHERE won""", dict(tbase=tbase, base=base))
        self.alloc('mail_tracking_value', 0)
        q("""INSERT INTO mail_tracking_value (field, field_desc, field_type, old_value_integer,
                 old_value_char, new_value_integer, new_value_char, mail_message_id, create_date,
                 write_date, create_uid, write_uid)
             SELECT 'stage_id', 'Stage', 'many2one', l.stage_id, s.name, %(won_stage)s, w.name,
                    %(tbase)s + l.i, l.closed_at, l.closed_at, 1, 1
               FROM _lead l JOIN crm_stage s ON s.id = l.stage_id JOIN crm_stage w ON w.id = %(won_stage)s
              WHERE l.won""", dict(tbase=tbase, won_stage=won_stage))
        self.step('messages', notes=int(msg_count))

        # competitors: `competitors` distinct ones from first_comp on
        q("""INSERT INTO sales_mis_lead_competitor (lead_id, competitor_id, sequence, price, position,
                 outcome, create_date, write_date, create_uid, write_uid)
             SELECT %(base)s + l.i, (%(comp)s::int[])[1 + (l.first_comp + k) %% %(ncomp)s], 10 + k,
                    round((l.revenue * (0.8 + 0.4 * {r_p}))::numeric, -2)::float8,
                    (ARRAY['ahead', 'level', 'behind', 'unknown'])[1 + floor({r_pos} * 4)::int],
                    CASE WHEN l.is_open THEN 'open' WHEN l.won THEN 'won' ELSE 'lost' END,
                    l.created, l.created, 1, 1
               FROM _lead l CROSS JOIN LATERAL generate_series(0, l.competitors - 1) AS k""".format(
            r_p=r('l.i * 4 + k', 30), r_pos=r('l.i * 4 + k', 31)),
            dict(base=base, comp=competitor_ids, ncomp=len(competitor_ids)))
        lines = self.one("SELECT count(*) FROM sales_mis_lead_competitor WHERE lead_id > %s", (base,))
        self.step('competitors', lines=lines)

        q("ANALYZE crm_lead")
        q("ANALYZE mail_message")
        q("ANALYZE sales_mis_lead_competitor")
        q("ANALYZE mail_tracking_value")
        won = self.one("SELECT count(*) FROM _lead WHERE won")
        q("DROP TABLE _lead")
        q("DROP TABLE _lead_cust")
        return {'closed': self.closed, 'open': self.open, 'won': won, 'notes': int(msg_count),
                'competitor_lines': lines, 'seconds': self.seconds,
                'total_seconds': round(time.time() - self.t0, 3)}

    def _ids(self, sql, params=None):
        self.cr.execute(sql, params)
        return [row[0] for row in self.cr.fetchall()]


def generate_leads(cr, closed=50000, open_=5000, seed=42, log=print):
    """Fill ``closed`` won/lost and ``open_`` open opportunities; nothing is committed."""
    return _Leads(cr, closed, open_, seed, log).run()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--db', required=True)
    parser.add_argument('--closed', type=int, default=50000)
    parser.add_argument('--open', type=int, default=5000)
    parser.add_argument('--seed', type=int, default=42)
    args = parser.parse_args(argv)
    import psycopg2
    conn = psycopg2.connect(dbname=args.db)
    try:
        with conn.cursor() as cr:
            result = generate_leads(cr, args.closed, args.open, args.seed,
                                    log=lambda msg: print(msg, flush=True))
        conn.commit()
    except AlreadyGenerated as done:
        conn.rollback()
        print('skipped: %s' % done)
        return 0
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.close()
    for key, value in result.items():
        print('%s: %s' % (key, value))
    return 0


if __name__ == '__main__':
    sys.exit(main())
