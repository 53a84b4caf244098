# -*- coding: utf-8 -*-
"""Who may move a bid or a sales case on. Pure: the models pass what they know of the caller."""


def may_act(uid, owner_id, team_leader_id, is_manager, is_director):
    """The owner, the manager leading the document's team, or a director."""
    return bool(is_director or uid == owner_id or (is_manager and team_leader_id and uid == team_leader_id))


def may_review(uid, author_id, team_leader_id, is_manager, is_director):
    """Publishing a case is a review: a director, or the manager leading the author's team, and
    never the author."""
    if uid == author_id:
        return False
    return bool(is_director or (is_manager and team_leader_id and uid == team_leader_id))
