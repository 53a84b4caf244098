# -*- coding: utf-8 -*-
"""Pure rules of the forecast addon: forecast categories, the adjustment roll-up, the chart."""
from odoo.addons.sales_mis_forecast.forecasting.chart import forecast_svg
from odoo.addons.sales_mis_forecast.forecasting.pipeline import category_from_probability, roll_up


def test_category_follows_probability():
    assert category_from_probability(10) == 'pipeline'
    assert category_from_probability(40) == 'best_case'
    assert category_from_probability(69.9) == 'best_case'
    assert category_from_probability(70) == 'commit'
    assert category_from_probability(100) == 'closed'
    assert category_from_probability(20, won=True) == 'closed'


def test_roll_up_without_adjustments_adds_up():
    persons, teams, company = roll_up({'ann': 10.0, 'bob': 5.0, 'cy': 7.0}, {'ann': 'A', 'bob': 'A', 'cy': 'B'})
    assert teams == {'A': 15.0, 'B': 7.0}
    assert company == 22.0


def test_person_override_rolls_up_team_override_replaces_below():
    persons, teams, company = roll_up({'ann': 10.0, 'bob': 5.0, 'cy': 7.0}, {'ann': 'A', 'bob': 'A', 'cy': 'B'},
                                      person_overrides={'ann': 20.0}, team_overrides={'B': 1.0})
    assert persons['ann'] == 20.0
    assert teams == {'A': 25.0, 'B': 1.0}
    assert company == 26.0
    assert roll_up({'ann': 10.0}, {'ann': 'A'}, company_override=3.0)[2] == 3.0
    # a team adjusted without anyone in its pipeline still counts
    assert roll_up({'ann': 10.0}, {'ann': 'A'}, team_overrides={'C': 4.0})[2] == 14.0


def test_chart_draws_history_forecast_and_both_bands():
    svg = forecast_svg([('2026-01', 10.0), ('2026-02', 12.0)],
                       [('2026-03', 11.0, 9.0, 13.0, 8.0, 14.0)], title='Pumps & <Valves>')
    assert svg.startswith('<svg') and svg.endswith('</svg>')
    assert svg.count('<polygon') == 2 and svg.count('<polyline') == 2
    assert 'Pumps &amp; &lt;Valves&gt;' in svg
    assert forecast_svg([], []) == ''
    # negative (refund) months and an all-zero history draw too
    assert '<svg' in forecast_svg([('2026-01', -5.0), ('2026-02', 0.0)], [('2026-03', 0.0, 0.0, 0.0, 0.0, 0.0)])


def test_model_names_read_as_words():
    """Issue 13 §10: "Ensemble(MSTL,SeasonalNaive)" was shown without a readable label."""
    from odoo.addons.sales_mis_forecast.forecasting.model_names import readable
    assert readable('Ensemble(MSTL,SeasonalNaive)') == \
        'Combination of seasonal decomposition and seasonal naive (same month last year repeated)'
    assert readable('MSTL') == 'Seasonal decomposition'
    assert readable('Ensemble(Naive,TSB,Zero)') == \
        'Combination of last month repeated, intermittent demand with fading demand (TSB), no sales expected'
    assert readable('SomethingNew') == 'SomethingNew'
    assert readable(False) == ''
    zh = {'Combination of %s and %s': '%s与%s的组合', 'seasonal decomposition': '季节分解', 'last month repeated': '沿用上月'}
    assert readable('Ensemble(MSTL,Naive)', translate=lambda s: zh.get(s, s)) == '季节分解与沿用上月的组合'
    broken = {'Combination of %s and %s': '组合 %s'}
    assert readable('Ensemble(MSTL,Naive)', translate=lambda s: broken.get(s, s)) == \
        'Combination of seasonal decomposition and last month repeated'
