"""Recording an exported charter: the version (fingerprint, time, charter document) is kept in
the workshop, so later the app can say whether the PDF is out of date and what changed since,
also for a stakeholder's review of an older version."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from workshop_app.domain.changes import Changes, Part, Refused
from workshop_app.domain.fingerprint import NOT_THE_CHARTER, charter_part, fingerprint_of
from workshop_app.domain.limits import LIST_CAPS, MOST_VERSION_ITEMS, document_items
from workshop_app.domain.model import CharterVersion, Workshop
from workshop_app.domain.operations.step import Outcome, Step, operation


def _put_versions(workshop: Workshop, versions: list[CharterVersion]) -> Outcome:
    undo = Step(_put_versions, (list(workshop.versions),))
    workshop.versions[:] = versions
    return Outcome.made(Changes.of(Part.VERSIONS), undo)


@operation
def record_export(workshop: Workshop, document: Mapping[str, Any], at: str) -> Outcome:
    """Keep the version of the charter that was just exported: ``document`` is the charter
    document it was made from (which may be older than the workshop now, if the room kept
    typing while it was made), ``at`` the time of the export.

    A version exported before moves to the end with the new time: each version is kept once,
    and the last one is the last exported. The versions are bounded (``limits.LIST_CAPS`` and
    ``limits.MOST_VERSION_ITEMS``): past either bound the oldest versions are dropped, those nobody
    signed first, so an export is never refused for the versions before it.
    """
    if not isinstance(document, Mapping) or "workshop" not in document:
        raise Refused("the exported charter has no document to record")
    kept = [key for key in NOT_THE_CHARTER if key in document]
    if kept:
        raise Refused(f"a charter document does not hold {', '.join(kept)}")
    content = charter_part(copy.deepcopy(dict(document)))
    name = fingerprint_of(content)
    versions = [v for v in workshop.versions if v.fingerprint != name]
    versions.append(CharterVersion(name, at, content))
    signed = {signoff.version for signoff in workshop.signoffs}
    return _put_versions(workshop, _within_bounds(versions, signed))


def _within_bounds(versions: list[CharterVersion], signed: set[str | None]) -> list[CharterVersion]:
    """``versions`` without the oldest ones past the bounds: first the oldest that no sign-off
    names, then (if that is not enough) the oldest signed ones. The last one always stays."""
    kept = list(versions)
    sizes = {id(version): document_items(version.document) for version in kept}

    def too_many() -> bool:
        held = sum(sizes[id(version)] for version in kept)
        return len(kept) > LIST_CAPS["versions"].most or held > MOST_VERSION_ITEMS

    for spare_signed in (False, True):
        for version in list(kept[:-1]):
            if not too_many():
                return kept
            if spare_signed or version.fingerprint not in signed:
                kept.remove(version)
    return kept
