"""Finish a form WeasyPrint wrote, so that viewers show it the same way and its names follow
:mod:`workshop_app.domain.review_fields`.

WeasyPrint 70 writes each field with its whole name (``fw.ab12cd34ef.s1.name``) as one partial
name, which ISO 32000 forbids (a partial name holds no period); its radio buttons carry a name
of their own besides their group's, are listed twice in the form, and use ``/0``, ``/1`` with an
``/Opt`` list as their states; its text fields have no appearance stream and rely on
``NeedAppearances``, which some viewers ignore (poppler's ``pdftoppm`` among them). Here:

- the names become a real hierarchy ``fw`` › fingerprint › stakeholder › part: the same fully
  qualified names, each partial name without a period;
- a radio group's buttons lose their own names, the form lists only the group, and each
  button's state is named by its value (``/approved``, ``/changes_requested``);
- every text field gets an appearance stream (pypdf writes it), and ``NeedAppearances`` is
  turned off, so what a viewer shows is what the file says. WeasyPrint embeds a field's font
  whole; when the page also shows a character the font lacks, it writes that font's encoding
  as a CMap that maps every glyph to itself except the missing one, which pypdf 7 cannot read
  for a form. The font is whole, so ``/Identity-H`` says the same thing, and is used instead.
  Should pypdf still fail, the form keeps ``NeedAppearances`` (viewers that honour it draw the
  fields) and the export says so.
"""

from __future__ import annotations

import io
from typing import cast

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)


def _node(writer: PdfWriter, name: str, parent: DictionaryObject | None) -> DictionaryObject:
    node = DictionaryObject(
        {NameObject("/T"): TextStringObject(name), NameObject("/Kids"): ArrayObject()}
    )
    if parent is not None:
        node[NameObject("/Parent")] = parent.indirect_reference
    writer._add_object(node)
    if parent is not None:
        cast(ArrayObject, parent["/Kids"]).append(node.indirect_reference)
    return node


def _name_radio_states(group: DictionaryObject) -> None:
    """Each button's "on" state named by its value; the ``/Opt`` list dropped."""
    options = [str(o) for o in cast(ArrayObject, group.get("/Opt", ArrayObject()))]
    for index, kid_ref in enumerate(cast(ArrayObject, group["/Kids"])):
        kid = cast(DictionaryObject, kid_ref.get_object())
        for key in ("/T", "/TU", "/FT", "/V"):
            kid.pop(key, None)
        if index >= len(options):
            continue
        state = NameObject("/" + options[index])
        normal = cast(DictionaryObject, cast(DictionaryObject, kid["/AP"])["/N"])
        for old in list(normal.keys()):
            normal[state] = normal.pop(old)
        on = kid.get("/AS") not in (None, "/Off")
        kid[NameObject("/AS")] = state if on else NameObject("/Off")
        if on:
            group[NameObject("/V")] = state
    group.pop("/Opt", None)


def _hierarchy(writer: PdfWriter, fields: list[DictionaryObject]) -> ArrayObject:
    """The form's fields under nodes for each period-separated part of their names."""
    top = ArrayObject()
    nodes: dict[tuple[str, ...], DictionaryObject] = {}
    for field in fields:
        parts = tuple(str(field["/T"]).split("."))
        parent: DictionaryObject | None = None
        for depth in range(1, len(parts)):
            path = parts[:depth]
            if path not in nodes:
                nodes[path] = _node(writer, path[-1], parent)
                if parent is None:
                    top.append(nodes[path].indirect_reference)
            parent = nodes[path]
        field[NameObject("/T")] = TextStringObject(parts[-1])
        if parent is None:
            top.append(field.indirect_reference)
        else:
            field[NameObject("/Parent")] = parent.indirect_reference
            cast(ArrayObject, parent["/Kids"]).append(field.indirect_reference)
    return top


def _identity_encoding(acro: DictionaryObject) -> None:
    """The form fonts' encoding as ``/Identity-H`` (see the module's docstring)."""
    resources = acro.get("/DR")
    fonts = resources.get_object().get("/Font") if resources is not None else None
    for ref in (fonts.get_object() if fonts is not None else {}).values():
        font = cast(DictionaryObject, ref.get_object())
        if font.get("/Subtype") == "/Type0" and not isinstance(font.get("/Encoding"), NameObject):
            font[NameObject("/Encoding")] = NameObject("/Identity-H")


def finish_form(pdf: bytes) -> tuple[bytes, list[str]]:
    """The form ``pdf`` with hierarchical names, named radio states and appearance streams,
    and a note for each thing that could not be done."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    acro = cast(DictionaryObject, writer._root_object["/AcroForm"])
    _identity_encoding(acro)
    notes: list[str] = []
    listed = [
        cast(DictionaryObject, ref.get_object()) for ref in cast(ArrayObject, acro["/Fields"])
    ]
    kids = {
        kid.idnum
        for field in listed
        if "/Kids" in field
        for kid in cast(ArrayObject, field["/Kids"])
    }
    # A radio button is listed on its own and in its group: keep the group only.
    fields = [
        field
        for field in listed
        if field.indirect_reference is None or field.indirect_reference.idnum not in kids
    ]
    for field in fields:
        if field.get("/FT") == "/Btn" and "/Kids" in field:
            _name_radio_states(field)
    acro[NameObject("/Fields")] = _hierarchy(writer, fields)
    for page in writer.pages:
        texts = {
            _qualified(annotation): ""
            for annotation in (a.get_object() for a in page.get("/Annots", ()))
            if annotation.get("/FT") == "/Tx"
        }
        if not texts:
            continue
        try:
            writer.update_page_form_field_values(page, texts, auto_regenerate=False)
        except Exception as exc:  # pypdf raises many kinds; the form is usable without
            writer.set_need_appearances_writer(True)
            notes.append(f"the fields rely on the viewer to draw them ({exc})")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), notes


def _qualified(field: DictionaryObject) -> str:
    """A field's fully qualified name: its partial names from the top, joined by periods."""
    names: list[str] = []
    node: DictionaryObject | None = field
    while node is not None:
        if "/T" in node:
            names.append(str(node["/T"]))
        parent = node.get("/Parent")
        node = cast(DictionaryObject, parent.get_object()) if parent is not None else None
    return ".".join(reversed(names))
