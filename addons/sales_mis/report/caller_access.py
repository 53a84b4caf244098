# -*- coding: utf-8 -*-
"""The one check of every door that returns figures or rows: the caller's access rights on the
models whose data it returns. Record rules are applied by the reads themselves (read_group,
search, or visible_rows_sql for raw SQL); access rights are not, because raw SQL never asks."""


def check_readable(env, *model_names):
    """Raise AccessError unless the current user may read every model of `model_names`."""
    for name in model_names:
        env[name].check_access_rights('read')
