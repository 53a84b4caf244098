"""A forecast chart as inline SVG: history line, forecast mean and the 80 % / 95 %
prediction interval bands.

Odoo 11's graph view cannot draw bands, and a server-side SVG needs no plotting
library and no JavaScript: the form shows it in an Html field.  Pure Python."""
from xml.sax.saxutils import escape

WIDTH, HEIGHT = 760, 300
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 70, 20, 48, 40


def _nice_max(value):
    """A round axis maximum above `value`."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len('%d' % int(value)) - 1) if value >= 1 else 1.0
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return float(step * magnitude)
    return float(10 * magnitude)


def _money(value):
    if abs(value) >= 1e6:
        return '%.1fM' % (value / 1e6)
    if abs(value) >= 1e3:
        return '%.0fk' % (value / 1e3)
    return '%.0f' % value


def forecast_svg(history, forecast, title='', labels=None):
    """SVG markup of one series.

    history: [(period label 'YYYY-MM', value)]; forecast: [(label, mean, lo_80, hi_80,
    lo_95, hi_95)], following the history.  labels: legend texts
    {'history', 'forecast', 'band80', 'band95'}.
    """
    labels = dict({'history': 'History', 'forecast': 'Forecast', 'band80': '80% interval',
                   'band95': '95% interval'}, **(labels or {}))
    periods = [p for p, _v in history] + [row[0] for row in forecast]
    values = [v for _p, v in history] + [x for row in forecast for x in row[1:]]
    if not periods:
        return ''
    low = min([0.0] + values)
    high = _nice_max(max(values + [0.0]))
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    step = plot_w / max(1, len(periods) - 1)

    def x(i):
        return MARGIN_LEFT + i * step

    def y(value):
        return MARGIN_TOP + plot_h * (high - value) / ((high - low) or 1.0)

    def points(pairs):
        return ' '.join('%.1f,%.1f' % (x(i), y(v)) for i, v in pairs)

    parts = ['<svg xmlns="http://www.w3.org/2000/svg" class="o_sales_mis_forecast_chart" '
             'width="%d" height="%d" viewBox="0 0 %d %d" style="font: 11px sans-serif; max-width: 100%%">'
             % (WIDTH, HEIGHT, WIDTH, HEIGHT)]
    if title:
        parts.append('<text x="%d" y="16" style="font-weight: bold; font-size: 13px">%s</text>'
                     % (MARGIN_LEFT, escape(title)))
    for k in range(5):  # horizontal grid and y labels
        value = low + (high - low) * k / 4.0
        parts.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#e5e5e5"/>'
                     % (MARGIN_LEFT, WIDTH - MARGIN_RIGHT, y(value), y(value)))
        parts.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>'
                     % (MARGIN_LEFT - 6, y(value) + 4, _money(value)))
    every = max(1, len(periods) // 12)
    for i, period in enumerate(periods):
        if i % every == 0:
            parts.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>'
                         % (x(i), HEIGHT - MARGIN_BOTTOM + 16, escape(period)))
    start = len(history)
    # the forecast starts from the last actual point so the lines join
    anchor = [(start - 1, history[-1][1])] if history else []
    for column_lo, column_hi, colour in ((4, 5, '#cfe2f3'), (2, 3, '#9fc5e8')):
        if forecast:
            upper = anchor + [(start + i, row[column_hi]) for i, row in enumerate(forecast)]
            lower = anchor + [(start + i, row[column_lo]) for i, row in enumerate(forecast)]
            parts.append('<polygon points="%s" fill="%s" stroke="none"/>'
                         % (points(upper + lower[::-1]), colour))
    if history:
        parts.append('<polyline points="%s" fill="none" stroke="#333333" stroke-width="2"/>'
                     % points(list(enumerate(v for _p, v in history))))
    if forecast:
        parts.append('<polyline points="%s" fill="none" stroke="#0b5394" stroke-width="2" '
                     'stroke-dasharray="6,3"/>'
                     % points(anchor + [(start + i, row[1]) for i, row in enumerate(forecast)]))
        parts.append('<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#999999" stroke-dasharray="2,2"/>'
                     % (x(start - 0.5), x(start - 0.5), MARGIN_TOP, HEIGHT - MARGIN_BOTTOM))
    legend = [('#333333', labels['history'], 'line'), ('#0b5394', labels['forecast'], 'line'),
              ('#9fc5e8', labels['band80'], 'box'), ('#cfe2f3', labels['band95'], 'box')]
    for k, (colour, text, kind) in enumerate(legend):  # a line of its own, under the title
        left = MARGIN_LEFT + k * 130
        if kind == 'line':
            parts.append('<line x1="%d" x2="%d" y1="32" y2="32" stroke="%s" stroke-width="2"/>'
                         % (left, left + 18, colour))
        else:
            parts.append('<rect x="%d" y="26" width="18" height="12" fill="%s"/>' % (left, colour))
        parts.append('<text x="%d" y="36">%s</text>' % (left + 22, escape(text)))
    parts.append('</svg>')
    return ''.join(parts)
