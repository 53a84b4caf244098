# -*- coding: utf-8 -*-
"""The kinds of evidence a pair of possible duplicate customers can share (or that set them apart),
by code, with their English labels. The labels are marked with `_` for Odoo's translation
extraction and translated when a reader sees them (the scan stores only the codes)."""


def _(text):
    """Marks a label for translation extraction; the caller translates."""
    return text


REASON_LABELS = {
    'vat': _('VAT'), 'email': _('E-mail'), 'phone': _('Phone'), 'name': _('Name'),
    'similar_name': _('Similar name'), 'email_domain': _('Same e-mail domain'),
    'address': _('Same address'), 'parent': _('Same parent company'),
    'place_conflict': _('Different place'), 'number_conflict': _('Different number'),
    'branch_conflict': _('Different branch'), 'vat_conflict': _('Different VAT'),
    'parent_conflict': _('Parent and subsidiary'),
}
