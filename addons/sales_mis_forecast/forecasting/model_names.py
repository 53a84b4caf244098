"""Readable names of the forecast models.  The technical name the backtest chose (e.g.
``Ensemble(MSTL,SeasonalNaive)``) stays for the specialist; beside it, words a sales
manager reads.  ``_lt`` only marks the strings for the translation template: the caller
passes its translation function (Odoo's ``_``)."""


def _lt(source):
    return source


LABELS = {
    'Naive': _lt('last month repeated'),
    'SeasonalNaive': _lt('seasonal naive (same month last year repeated)'),
    'HistoricAverage': _lt('average of the history'),
    'DynamicOptimizedTheta': _lt('trend line (Theta method)'),
    'MSTL': _lt('seasonal decomposition'),
    'AutoETS': _lt('exponential smoothing'),
    'CrostonSBA': _lt('intermittent demand (Croston)'),
    'TSB': _lt('intermittent demand with fading demand (TSB)'),
    'ADIDA': _lt('intermittent demand by aggregation (ADIDA)'),
    'IMAPA': _lt('intermittent demand by several aggregations (IMAPA)'),
    'Zero': _lt('no sales expected'),
    'Constant': _lt('constant value'),
}
COMBINATION_OF_TWO = _lt('Combination of %s and %s')
COMBINATION = _lt('Combination of %s')


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
