# -*- coding: utf-8 -*-
"""Which role dashboard a Sales MIS user opens.

Pure logic: the highest Sales MIS role a user holds picks the board.  Users' home action
(res.users.action_id) is the "Dashboard" server action, which opens the board of the role
the user holds at that moment, so a change of role needs no change of home."""

#: (role group, board action) from the highest role down
ROLE_BOARDS = (
    ('sales_mis.group_director', 'sales_mis.action_board_director'),
    ('sales_mis.group_manager', 'sales_mis.action_board_manager'),
    ('sales_mis.group_salesperson', 'sales_mis.action_board_salesperson'),
)
#: the home action of Sales MIS users
HOME = 'sales_mis.action_my_board'


def board_for(held_groups):
    """The board action (xml id) of the highest role in `held_groups`, or None."""
    for group, board in ROLE_BOARDS:
        if group in held_groups:
            return board
    return None
