# -*- coding: utf-8 -*-
"""Search that finds Chinese words inside Chinese text (投标 inside 政府采购投标文件).

Chinese has no spaces, so word-based full text search (PostgreSQL's parsers; zhparser is not
installed here) cannot find a word inside a phrase. Every searchable record keeps one
normalised text column (`normalise`: NFKC folds full-width letters and digits, lower case,
whitespace collapsed), and two indexes serve substring search on it:
- terms of 3 characters or more: `LIKE '%term%'` over a pg_trgm trigram GIN index;
- terms of 1 or 2 characters (most Chinese words are 2): trigrams cannot serve them, so a
  generated column (`GRAMS_COLUMN`, kept by PostgreSQL itself) holds every character and every
  pair of adjacent characters of the text as a tsvector (`GRAMS_FUNCTION`) under a GIN index; the
  term is looked up as one lexeme and the LIKE rechecks the hits. A stored column, not an
  expression index: a query that does not use the index (a 1-character term found in most rows)
  would otherwise compute the pairs of every row at query time.
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
#: the generated tsvector column of the characters and character pairs of the search text
GRAMS_COLUMN = 'search_grams'
#: every character and every pair of adjacent characters (no space: the text is normalised) of a text,
#: as the lexemes of a tsvector; IMMUTABLE so that an expression index can hold it
GRAMS_FUNCTION = r"""
CREATE OR REPLACE FUNCTION sales_mis_knowledge_grams(t text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    grams text[] := '{}';
    previous text := ' ';
    c text;
BEGIN
    -- one pass over the characters (substr on UTF-8 text costs its position: pairs by substr
    -- would be quadratic); array_to_tsvector sorts and removes the duplicates
    FOREACH c IN ARRAY string_to_array(t, NULL) LOOP
        IF c <> ' ' THEN
            grams := grams || c;
            IF previous <> ' ' THEN
                grams := grams || (previous || c);
            END IF;
        END IF;
        previous := c;
    END LOOP;
    RETURN array_to_tsvector(grams);
END
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


def term_condition(term, column, grams_column=GRAMS_COLUMN):
    """(SQL condition, params) that `column` (a normalised text column) contains `term`."""
    if len(term) <= SHORT_TERM:
        return ('%s @@ %%s::tsquery AND %s LIKE %%s' % (grams_column, column),
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


def index_statements(table, column, grams_column=GRAMS_COLUMN):
    """The generated pairs column and the two indexes a searchable table needs (names derived
    from the table); each statement can run again."""
    return [
        'ALTER TABLE %s ADD COLUMN IF NOT EXISTS %s tsvector GENERATED ALWAYS AS (%s(COALESCE(%s, \'\'))) STORED'
        % (table, grams_column, GRAMS_FUNCTION_NAME, column),
        'CREATE INDEX IF NOT EXISTS %s_%s_trgm ON %s USING gin (%s gin_trgm_ops)' % (table, column, table, column),
        'CREATE INDEX IF NOT EXISTS %s_%s ON %s USING gin (%s)' % (table, grams_column, table, grams_column),
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
