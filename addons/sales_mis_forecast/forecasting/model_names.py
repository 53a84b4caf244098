"""Readable names of the forecast models.  The technical name the backtest chose (e.g.
``Ensemble(MSTL,SeasonalNaive)``) stays for the specialist; beside it, words a sales
manager reads.  ``_`` here only marks the strings for the translation template: the
caller passes its translation function."""


def _(source):  # marks the term for Odoo's translation export (which reads `_` calls)
    return source


LABELS = {
    'Naive': _('last month repeated'),
    'SeasonalNaive': _('seasonal naive (same month last year repeated)'),
    'HistoricAverage': _('average of the history'),
    'DynamicOptimizedTheta': _('trend line (Theta method)'),
    'MSTL': _('seasonal decomposition'),
    'AutoETS': _('exponential smoothing'),
    'CrostonSBA': _('intermittent demand (Croston)'),
    'TSB': _('intermittent demand with fading demand (TSB)'),
    'ADIDA': _('intermittent demand by aggregation (ADIDA)'),
    'IMAPA': _('intermittent demand by several aggregations (IMAPA)'),
    'Zero': _('no sales expected'),
    'Constant': _('constant value'),
}
COMBINATION_OF_TWO = _('Combination of %s and %s')
COMBINATION = _('Combination of %s')


def readable(name, translate=lambda source: source):
    """Words for the model ``name``; an unknown name is returned as it is."""
    words = _words(name or '', translate)
    return words[:1].upper() + words[1:]


def _words(name, translate):
    if name.startswith('Ensemble(') and name.endswith(')'):
        parts = [_words(member, translate) for member in name[len('Ensemble('):-1].split(',')]
        pattern, values = (COMBINATION_OF_TWO, tuple(parts)) if len(parts) == 2 else (COMBINATION, ', '.join(parts))
        try:
            return translate(pattern) % values
        except (TypeError, ValueError):  # a translation with other placeholders: the English words
            return pattern % values
    return translate(LABELS[name]) if name in LABELS else name
