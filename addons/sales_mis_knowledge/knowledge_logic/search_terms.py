# -*- coding: utf-8 -*-
"""Search that finds Chinese words inside Chinese text (投标 inside 政府采购投标文件).

Chinese has no spaces, so word-based full text search (PostgreSQL's parsers; zhparser is not
installed here) cannot find a word inside a phrase. Every searchable record keeps one
normalised text column (`normalise`: NFKC folds full-width letters and digits, lower case,
whitespace collapsed), and two indexes serve substring search on it:
- terms of 3 characters or more: `LIKE '%term%'` over a pg_trgm trigram GIN index;
- terms of 1 or 2 characters (most Chinese words are 2): trigrams cannot serve them, so an
  expression GIN index holds every character and every pair of adjacent characters of the text
  (`GRAMS_FUNCTION`), the term is looked up as one lexeme and the LIKE rechecks the hits.
All terms of a query must match (AND). Pure: the models run the SQL this module writes."""
import re
import unicodedata

#: at most this many terms per query, each cut to MAX_TERM_LENGTH characters
MAX_TERMS = 8
MAX_TERM_LENGTH = 100
#: the normalised search text of a record is cut here (index size; a document's first pages)
MAX_TEXT_LENGTH = 100000
#: terms this short use the character-pair index
SHORT_TERM = 2

GRAMS_FUNCTION_NAME = 'sales_mis_knowledge_grams'
#: every character and every pair of adjacent characters (no whitespace) of a normalised text,
#: as the lexemes of a tsvector; IMMUTABLE so that an expression index can hold it
GRAMS_FUNCTION = r"""
CREATE OR REPLACE FUNCTION sales_mis_knowledge_grams(t text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT array_to_tsvector(ARRAY(
        SELECT DISTINCT g FROM (
            SELECT substr(t, i, 2) AS g FROM generate_series(1, length(t) - 1) AS i
            UNION ALL
            SELECT substr(t, i, 1) FROM generate_series(1, length(t)) AS i
        ) AS grams
        WHERE g !~ '\s'))
$$"""

_SPACES = re.compile(r'\s+')


def normalise(text):
    """The form both the stored text and the query take: NFKC (全角 ＡＢＣ１２ -> abc12), lower
    case, runs of whitespace as one space, trimmed."""
    if not text:
        return ''
    return _SPACES.sub(' ', unicodedata.normalize('NFKC', str(text)).lower()).strip()


def search_text(parts, limit=MAX_TEXT_LENGTH):
    """The normalised text of a record from its parts (None and False skipped), cut at `limit`."""
    return normalise(' '.join(str(part) for part in parts if part))[:limit]


def terms(query):
    """The distinct terms of a query, in order: whitespace separates them (a Chinese phrase
    without spaces is one term, found as a substring)."""
    found = []
    for term in normalise(query).split(' '):
        term = term[:MAX_TERM_LENGTH]
        if term and term not in found:
            found.append(term)
        if len(found) == MAX_TERMS:
            break
    return found


def like_pattern(term):
    r"""`%term%` with LIKE's wildcards and escape character taken literally (\ is the default
    escape of PostgreSQL's LIKE)."""
    return '%' + term.replace('\\', '\\\\').replace('%', '\\%').replace('_', '\\_') + '%'


def tsquery_literal(term):
    """The term as one quoted tsquery lexeme: no parsing, no stemming, quotes and backslashes
    escaped."""
    return "'" + term.replace('\\', '\\\\').replace("'", "''") + "'"


def term_condition(term, column):
    """(SQL condition, params) that `column` (a normalised text column) contains `term`."""
    if len(term) <= SHORT_TERM:
        return ('%s(%s) @@ %%s::tsquery AND %s LIKE %%s' % (GRAMS_FUNCTION_NAME, column, column),
                [tsquery_literal(term), like_pattern(term)])
    return '%s LIKE %%s' % column, [like_pattern(term)]


def match_query(table, column, query_terms):
    """(SQL selecting the ids of `table` whose `column` contains every term, params); the
    table and column are names from the code, never from the user."""
    conditions, params = [], []
    for term in query_terms:
        sql, term_params = term_condition(term, column)
        conditions.append('(%s)' % sql)
        params.extend(term_params)
    return 'SELECT id FROM %s WHERE %s' % (table, ' AND '.join(conditions) or 'TRUE'), params


def index_statements(table, column):
    """The two indexes a searchable table needs (names derived from the table)."""
    return [
        'CREATE INDEX IF NOT EXISTS %s_%s_trgm ON %s USING gin (%s gin_trgm_ops)' % (table, column, table, column),
        'CREATE INDEX IF NOT EXISTS %s_%s_grams ON %s USING gin (%s(%s))'
        % (table, column, table, GRAMS_FUNCTION_NAME, column),
    ]


def snippet(text, query_terms, width=80):
    """About `width` characters of `text` around the first place a term occurs (the start of
    the text when none does), with ... where it was cut."""
    text = _SPACES.sub(' ', text or '').strip()
    folded = normalise(text)
    if len(folded) != len(text):  # NFKC changed the length (ligatures...): positions differ
        text = folded
    position = min([p for p in (folded.find(term) for term in query_terms) if p >= 0] or [0])
    start = max(0, position - width // 3)
    end = min(len(text), start + width)
    return ('...' if start else '') + text[start:end] + ('...' if end < len(text) else '')
