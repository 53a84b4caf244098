# -*- coding: utf-8 -*-
"""Upload of a dealer stock report 库存上报 (CSV or XLSX): the rows read within the bounds of the
visit import (sales_mis crm_logic/bounded_table.py reads the file; this module only validates),
turned into one line per product, with every error listed by its row number in the file
(header = row 1). Nothing is written when a row is wrong.

Idempotent: a product appears once per report, so uploading the same file twice gives the
same lines (the caller replaces the line of a product already reported).

No Odoo import: messages are English templates marked with `_` and translated by the caller."""
from .stock_health import sell_through

COLUMNS = ['product', 'opening', 'received', 'closing']
#: errors listed in one message at most (the count of the others is given)
MAX_ERRORS = 20
#: a quantity above this is a typing error, not stock (also keeps the numeric columns bounded)
MAX_QUANTITY = 10 ** 9
#: characters of a cell echoed in a message (as the visit import)
ECHO_CHARS = 100


def _(text):
    """Marks a message template for translation extraction; the caller translates."""
    return text


class UploadError(Exception):
    """A file-level refusal: a template and its arguments, translated by the caller."""

    def __init__(self, template, *args):
        super(UploadError, self).__init__(template % args if args else template)
        self.template = template
        self.args_ = args


def header_positions(header):
    """{column: position} of the expected columns in the (lower-cased) header; UploadError
    naming the missing ones."""
    names = [str(name).strip().lower() for name in header]
    missing = [name for name in COLUMNS if name not in names]
    if missing:
        raise UploadError(_('Missing columns: %s. The header is: product, opening, received, closing.'),
                          ', '.join(missing))
    return {name: names.index(name) for name in COLUMNS}


def parse_quantity(text):
    """A non-negative quantity from a cell ('1,200' and '12.0' accepted); None when invalid."""
    text = (text or '').strip().replace(',', '')
    if not text:
        return 0.0
    try:
        value = float(text)
    except ValueError:
        return None
    if value != value or value < 0 or value > MAX_QUANTITY:
        return None
    return value


def validate(rows, products):
    """Lines and errors from the data rows.

    rows: [(row number, [cells])] after the header; products: {lower-case code or name:
    [product ids]} resolved by the caller in one query. Returns ({product_id: (opening,
    received, closing)}, [(row number, template, args)]), every error of the file."""
    if not rows:
        return {}, [(1, _('The file has a header but no rows.'), ())]
    lines, errors, seen = {}, [], {}
    for number, values in rows:
        reference = values['product'].strip()[:ECHO_CHARS]
        if not any(cell.strip() for cell in values.values()):
            continue  # an empty row is skipped, as in a spreadsheet
        if not reference:
            errors.append((number, _('No product given.'), ()))
            continue
        candidates = products.get(reference.lower(), [])
        if not candidates:
            errors.append((number, _('Unknown product "%s".'), (reference,)))
            continue
        if len(candidates) > 1:
            errors.append((number, _('Several products are called "%s": use the internal reference.'),
                           (reference,)))
            continue
        quantities = [parse_quantity(values[name]) for name in ('opening', 'received', 'closing')]
        bad = [name for name, value in zip(('opening', 'received', 'closing'), quantities) if value is None]
        if bad:
            errors.append((number, _('Not a quantity (a number of at least 0): %s.'), (', '.join(bad),)))
            continue
        product_id = candidates[0]
        if product_id in seen:
            errors.append((number, _('Product "%s" is already on row %s.'), (reference, seen[product_id])))
            continue
        seen[product_id] = number
        if sell_through(*quantities) < 0:
            errors.append((number, _('Closing stock (%s) is more than opening plus received (%s).'),
                           (quantities[2], quantities[0] + quantities[1])))
            continue
        lines[product_id] = tuple(quantities)
    return lines, errors


def rows_by_column(rows, positions):
    """[(row number, {column: text})] from read rows [(number, [cells])] and header positions."""
    out = []
    for number, cells in rows:
        out.append((number, {name: (str(cells[position]) if position < len(cells) and cells[position] is not None
                                    else '') for name, position in positions.items()}))
    return out


def product_index(products):
    """{lower-case internal reference or name: [ids]} from [(id, default_code, name)]."""
    index = {}
    for product_id, code, name in products:
        for key in {(code or '').strip().lower(), (name or '').strip().lower()} - {''}:
            index.setdefault(key, []).append(product_id)
    return {key: sorted(set(ids)) for key, ids in index.items()}

