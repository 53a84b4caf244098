"""Pipeline forecast rules (G3): forecast categories of opportunities and the
roll-up of manager adjustments through the team hierarchy.  Pure Python."""

CATEGORIES = ('pipeline', 'best_case', 'commit', 'closed')
#: lowest probability (%) of each category when the salesperson has not chosen one
COMMIT_FROM = 70.0
BEST_CASE_FROM = 40.0


def category_from_probability(probability, won=False):
    """The default forecast category of an opportunity."""
    if won or (probability or 0.0) >= 100.0:
        return 'closed'
    if probability >= COMMIT_FROM:
        return 'commit'
    if probability >= BEST_CASE_FROM:
        return 'best_case'
    return 'pipeline'


def roll_up(base, team_of, person_overrides=None, team_overrides=None, company_override=None):
    """Forecast per salesperson, team and company after manager adjustments.

    base: {salesperson: amount} (e.g. the weighted pipeline); team_of: {salesperson: team};
    person_overrides / team_overrides: {key: amount} replacing the figure below them;
    company_override: replaces the company total.  A team's figure is its override, else
    the sum of its salespeople's figures; the company's is its override, else the sum of
    the teams.  Returns (persons, teams, company)."""
    person_overrides = person_overrides or {}
    team_overrides = team_overrides or {}
    persons = dict(base)
    persons.update(person_overrides)
    teams = {}
    for person, amount in persons.items():
        team = team_of.get(person)
        teams[team] = teams.get(team, 0.0) + amount
    for team in team_overrides:
        teams.setdefault(team, 0.0)
    teams.update(team_overrides)
    company = company_override if company_override is not None else sum(teams.values())
    return persons, teams, company
