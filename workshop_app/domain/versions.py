"""The charter's versions as the app sees them: the fingerprint of the workshop now, the
version last exported, whether that export is out of date and what changed since, and which
version each sign-off was given on.

The fingerprint's rules are in :mod:`workshop_app.domain.fingerprint`; what counts as a change
a stakeholder signs for is in :mod:`workshop_app.domain.charter_changes`.
"""

from __future__ import annotations

from typing import Any

from workshop_app.domain.charter_changes import changes_since
from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.fingerprint import charter_part, fingerprint_of
from workshop_app.domain.model import CharterVersion, Signoff, Workshop
from workshop_app.domain.records import record


def charter_document(workshop: Workshop) -> dict[str, Any]:
    """The charter document of the workshop as it is now: what an export records."""
    return charter_part(workshop_to_document(workshop))


def charter_fingerprint(workshop: Workshop) -> str:
    """The version of the charter as it is now (what its PDF's footer would say)."""
    return fingerprint_of(workshop_to_document(workshop))


def last_export(workshop: Workshop) -> CharterVersion | None:
    """The version exported most recently, or None when no charter has been exported."""
    return workshop.versions[-1] if workshop.versions else None


def version_named(workshop: Workshop, fingerprint: str | None) -> CharterVersion | None:
    """The exported version with this fingerprint, if it was exported."""
    return next((v for v in workshop.versions if v.fingerprint == fingerprint), None)


@record(frozen=True)
class ExportState:
    """Whether the last exported charter still matches the workshop.

    Attributes:
        current: the fingerprint of the charter now.
        last: the last exported version (None: nothing exported yet).
        changes: what changed since ``last``, one short line each (sign-offs included).
    """

    current: str
    last: CharterVersion | None
    changes: list[str]

    @property
    def exported(self) -> bool:
        return self.last is not None

    @property
    def out_of_date(self) -> bool:
        """The last export is of another version (sign-offs alone do not make one)."""
        return self.last is not None and self.last.fingerprint != self.current


def export_state(workshop: Workshop) -> ExportState:
    """How the charter now compares with the last one exported."""
    document = workshop_to_document(workshop)
    current = fingerprint_of(document)
    last = last_export(workshop)
    if last is None:
        return ExportState(current, None, [])
    return ExportState(current, last, changes_since(last.document, charter_part(document)))


@record(frozen=True)
class SignedVersion:
    """The version a sign-off was given on, and how it compares with the charter now.

    Attributes:
        fingerprint: the version signed (None: recorded before versions were kept).
        current: it is the charter's version now.
        changes: what changed since, when that version was exported (None: it was not, so
            what changed cannot be listed).
    """

    fingerprint: str | None
    current: bool
    changes: list[str] | None

    def words(self) -> str:
        """``signed version ab12cd34ef, 2 changes since`` and the like."""
        if self.fingerprint is None:
            return "version not recorded"
        if self.current:
            return f"signed version {self.fingerprint} (this version)"
        if self.changes is None:
            return f"signed version {self.fingerprint}, an earlier version"
        count = len(self.changes)
        if count == 0:
            return f"signed version {self.fingerprint}; nothing they sign for changed since"
        return f"signed version {self.fingerprint}, {count} change{'s' if count > 1 else ''} since"


def signed_version(
    workshop: Workshop, signoff: Signoff, now: dict[str, Any] | None = None
) -> SignedVersion:
    """Which version ``signoff`` was given on, and what changed since (other sign-offs
    left out: they do not change what this person signed). ``now`` is the charter document
    of the workshop, when the caller has it already."""
    if signoff.version is None:
        return SignedVersion(None, False, None)
    document = workshop_to_document(workshop) if now is None else now
    if fingerprint_of(document) == signoff.version:
        return SignedVersion(signoff.version, True, [])
    signed = version_named(workshop, signoff.version)
    if signed is None:
        return SignedVersion(signoff.version, False, None)
    lines = changes_since(signed.document, charter_part(document), signoffs=False)
    return SignedVersion(signoff.version, False, lines)
