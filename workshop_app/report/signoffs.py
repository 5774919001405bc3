"""The charter's sign-off section in words: each stakeholder's sign-off whole (decision, day,
how it came, the name typed, the version reviewed and every comment), or a blank line to sign."""

from __future__ import annotations

import re
from typing import Any

from workshop_app.domain.fingerprint import fingerprint_of
from workshop_app.domain.model import Signoff, StakeholderKind, Workshop
from workshop_app.domain.versions import (
    SignedVersion,
    charter_document,
    signed_version,
    version_named,
)
from workshop_app.domain.words import how_it_came, in_words
from workshop_app.report.formatting import long_date, sentence, text

Context = dict[str, Any]

#: The label of each part a review form comments on (the parts of ``Signoff.section_comments``).
PART_LABELS = {
    "workflow": "On the workflow",
    "metrics": "On the metrics",
    "adoption plan": "On the adoption plan",
}

#: Where one paragraph of a comment ends and the next begins.
_BLANK_LINE = re.compile(r"\n[ \t]*\n")

#: Comments longer than this, all told, may break across pages; shorter ones keep the
#: sign-off whole on one page.
KEPT_WHOLE = 700


class _Versions:
    """Which version each sign-off was given on, worked out once per version: the charter's
    own fingerprint is known already, and an earlier version is compared with this one once
    however many people signed it (each comparison reads two whole charter documents)."""

    def __init__(self, workshop: Workshop, now: dict[str, Any], current: str) -> None:
        self.workshop, self.now, self.current = workshop, now, current
        self.known: dict[str, SignedVersion] = {}

    def of(self, signoff: Signoff) -> SignedVersion:
        name = signoff.version
        assert name
        if name == self.current:
            return SignedVersion(name, True, [])
        if version_named(self.workshop, name) is None:
            return SignedVersion(name, False, None)  # not exported from here: no comparison
        if name not in self.known:
            self.known[name] = signed_version(self.workshop, signoff, self.now)
        return self.known[name]


def _version(versions: _Versions, signoff: Signoff) -> Context:
    """The version reviewed in words, and a sentence when it is not this charter's version."""
    if not signoff.version:  # recorded before versions were kept: nothing to say
        return {"version": "", "other_version": ""}
    signed = versions.of(signoff)
    current = versions.current
    other = "" if signed.current else f"This charter is version {current}."
    return {"version": sentence(signed.words()), "other_version": other}


def paragraphs(said: str) -> list[str]:
    """A comment as its paragraphs (split at blank lines), each safe for layout; a single line
    break inside a paragraph (an email's "Best," above its name) is kept for the page."""
    return [text(block.strip()) for block in _BLANK_LINE.split(said) if block.strip()]


def _signed(versions: _Versions, signoff: Signoff) -> Context:
    comment = paragraphs(signoff.comment)
    parts = [
        {"label": PART_LABELS.get(part, sentence(f"on the {part}")), "paragraphs": blocks}
        for part, said in signoff.section_comments()
        if (blocks := paragraphs(said))
    ]
    told = sum(map(len, comment)) + sum(len(b) for part in parts for b in part["paragraphs"])
    return {
        "decision": in_words(signoff.decision),
        "date": long_date(signoff.date),
        "channel": how_it_came(signoff.channel),
        "signed_as": text((signoff.signed_as or "").strip()),
        **_version(versions, signoff),
        "comment": comment,
        "section_comments": parts,
        "long": told > KEPT_WHOLE,
    }


#: What the template reads of a stakeholder who has not signed yet.
_UNSIGNED: Context = {
    "decision": "",
    "date": "",
    "channel": "",
    "signed_as": "",
    "version": "",
    "other_version": "",
    "comment": (),
    "section_comments": (),
    "long": False,
}


def signoffs_context(workshop: Workshop) -> list[Context]:
    """Every stakeholder, sponsor and process owner first, with their sign-off in words."""
    signed = {s.stakeholder_id: s for s in workshop.signoffs}
    now = charter_document(workshop) if workshop.signoffs else {}
    current = fingerprint_of(now) if workshop.signoffs else ""
    versions = _Versions(workshop, now, current)
    order = sorted(
        workshop.stakeholders,
        key=lambda s: (
            s.kind is not StakeholderKind.SPONSOR,
            s.kind is not StakeholderKind.PROCESS_OWNER,
        ),
    )
    out = []
    for person in order:
        signoff = signed.get(person.id)
        out.append(
            {
                "name": text(person.name),
                "role": text(person.role),
                "kind": in_words(person.kind),
                "signed": signoff is not None,
                **(_signed(versions, signoff) if signoff else _UNSIGNED),
            }
        )
    return out
