"""Which parts of an .xlsx the reader reads as sheets and as shared strings (issue 16's bounds).

python-calamine finds the workbook through ``_rels/.rels``, its sheets through the workbook's
relationships (a sheet may be stored anywhere: ``xl/sheet1.xml`` as well as
``xl/worksheets/sheet1.xml``), and looks a part up in any case, with either slash. So every
part a sheet relationship or a sheet content type names is a sheet here, under the same
lookup; the shared strings are the ``sharedStrings.xml`` of any folder and any part a shared
strings relationship or content type names."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Final
from xml.parsers import expat

SHEET_RELATIONSHIPS: Final = frozenset({"worksheet", "chartsheet", "dialogsheet"})
STRINGS: Final = "sharedstrings"
_USUAL_SHEETS: Final = "xl/worksheets/"


@dataclass
class Parts:
    """Part keys (``part_key``) of the sheets and of the shared strings."""

    sheets: set[str] = field(default_factory=set)
    strings: set[str] = field(default_factory=set)

    def add(self, kind: str, keys: set[str]) -> None:
        if kind in SHEET_RELATIONSHIPS:
            self.sheets |= keys
        elif kind == STRINGS:
            self.strings |= keys


def part_key(name: str) -> str:
    """A part's name as the reader looks it up: any case, either slash."""
    return name.replace("\\", "/").lower()


def workbook_parts(names: list[str], read: Callable[[str], Iterator[bytes]]) -> Parts:
    """The sheets and shared strings among ``names`` (the zip's parts); ``read`` gives a
    part's bytes. Only targets that are parts are kept (a hostile list of relationships holds
    no more than the zip's parts). Relationships and content types that are not XML raise
    ExpatError."""
    parts, keys = Parts(), {part_key(name) for name in names}
    for name in names:
        key = part_key(name)
        if key.startswith(_USUAL_SHEETS) and key.endswith(".xml"):
            parts.sheets.add(key)
        if key.rpartition("/")[2] == f"{STRINGS}.xml":
            parts.strings.add(key)
        if key.endswith(".rels"):
            base = _source_folder(key)
            for kind, target in _attributes(read(name), "Relationship", "Type", "Target"):
                parts.add(kind.rpartition("/")[2].lower(), _targets(base, target) & keys)
        elif key == "[content_types].xml":
            for kind, target in _attributes(read(name), "Override", "ContentType", "PartName"):
                parts.add(_content_kind(kind), _targets("", target) & keys)
    return parts


def _source_folder(rels: str) -> str:
    """``xl/_rels/workbook.xml.rels`` -> ``xl/`` (its targets are relative to it)."""
    folder = rels.rpartition("/")[0]
    if folder.rpartition("/")[2] == "_rels":
        folder = folder.rpartition("/")[0]
    return f"{folder}/" if folder else ""


def _targets(base: str, target: str) -> set[str]:
    """The keys a target may name: absolute, relative to its source (as the reader joins it,
    and resolved), or as written."""
    key = part_key(target.strip())
    if key.startswith("/"):
        return {key[1:]}
    return {base + key, posixpath.normpath(base + key), key}


def _content_kind(content_type: str) -> str:
    """…spreadsheetml.worksheet+xml -> worksheet; …sharedStrings+xml -> sharedstrings."""
    return content_type.lower().rpartition(".")[2].removesuffix("+xml")


def _attributes(chunks: Iterator[bytes], element: str, *names: str) -> Iterator[tuple[str, ...]]:
    """The named attributes of each ``element`` (any prefix), read as a stream: those of a
    megabyte's elements at a time."""
    found: list[tuple[str, ...]] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if name.rpartition(":")[2] == element:
            found.append(tuple(attributes.get(n, "") for n in names))

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    for chunk in chunks:
        parser.Parse(chunk, False)
        yield from found
        found.clear()
    parser.Parse(b"", True)
    yield from found
