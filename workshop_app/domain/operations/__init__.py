"""Every change to a workshop, as a named operation: the one path the app's undo commands and
the command line take, so every rule of the domain is applied in one place.

Each operation takes the workshop first, then ids and values, checks everything before it
changes anything (raising :class:`~workshop_app.domain.changes.Refused` with the reason), and
returns an :class:`Outcome`: the :class:`~workshop_app.domain.changes.Changes` it made and the
step that takes them back. After every operation the moment the 30-day gate passes is logged.
"""

from workshop_app.domain.operations.charter import record_export
from workshop_app.domain.operations.estimates import (
    add_estimates,
    adopt_estimate,
    remove_estimate_round,
)
from workshop_app.domain.operations.examples import add_candidate_from_example
from workshop_app.domain.operations.follow import (
    add_checkin,
    add_readings,
    drop_checkin_day,
    note_checkin_day,
    plan_checkin_day,
)
from workshop_app.domain.operations.items import add_item, move_item, remove_item, set_field
from workshop_app.domain.operations.room import (
    choose,
    override_scores,
    park,
    record_signoff,
    set_votes,
    sign,
    unchoose,
    unpark,
)
from workshop_app.domain.operations.step import Outcome, Step

__all__ = [
    "Outcome",
    "Step",
    "add_candidate_from_example",
    "add_checkin",
    "add_estimates",
    "add_item",
    "add_readings",
    "adopt_estimate",
    "choose",
    "drop_checkin_day",
    "move_item",
    "note_checkin_day",
    "override_scores",
    "park",
    "plan_checkin_day",
    "record_export",
    "record_signoff",
    "remove_estimate_round",
    "remove_item",
    "set_field",
    "set_votes",
    "sign",
    "unchoose",
    "unpark",
]
