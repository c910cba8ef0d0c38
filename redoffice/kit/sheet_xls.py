"""How many cells the reader would hold for the sheets of an old .xls (issue 16's bounds).

An .xls is a compound file (OLE2) holding a ``Workbook`` stream of BIFF records. python-calamine
reads every sheet when it opens the file: it reserves room for the cells a sheet's DIMENSIONS
record declares, then fills the rectangle from the first to the last cell it places — a 5.6 KB
file with one cell at IV65536 took 1 GB. So the declared dimensions and the place of every cell
record the reader keeps (numbers, texts, formulas, booleans; not blanks) are counted here, per
sheet and summed, records of embedded charts left out as the reader leaves them out."""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final

SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_STREAMS: Final = ("workbook", "book")  # the reader's names for the BIFF stream, in its order
_BOF, _EOF, _DIMENSIONS, _MULRK = 0x0809, 0x000A, 0x0200, 0x00BD
# number, label, rich string, boolean/error, formula's string, RK, label in SST, formula
_CELLS: Final = frozenset({0x0203, 0x0204, 0x00D6, 0x0205, 0x0207, 0x027E, 0x00FD, 0x0006})


class Damaged(Exception):
    """The compound file or its records do not hold together."""


class _Beyond(Exception):
    """A sheet holds more cells than the bound: counting stops."""


def xls_cells(data: bytes, bound: int) -> int:
    """At least the cells of every sheet's rectangle (its declared dimensions included; the
    reader reads every sheet when it opens the file), above ``bound`` as soon as that is
    certain; ``data`` is the whole file."""
    stream = _Compound(data).stream(_STREAMS)
    before, sheet, depth, at = 0, _Sheet(), 0, 0  # before: the cells of the sheets read
    try:
        while at + 4 <= len(stream):
            kind, size = struct.unpack_from("<HH", stream, at)
            body, at = stream[at + 4 : at + 4 + size], at + 4 + size
            if kind == _BOF:
                depth += 1
                if depth == 1:
                    before, sheet = before + sheet.cells, _Sheet()
            elif kind == _EOF:
                depth = max(depth - 1, 0)
            elif depth == 1:
                sheet.record(kind, body)
                if before + sheet.cells > bound:
                    raise _Beyond
    except _Beyond:
        pass
    except struct.error as exc:
        raise Damaged(str(exc)) from exc
    return before + sheet.cells


@dataclass
class _Sheet:
    declared: int = 0  # rows × columns of its DIMENSIONS record
    top: int = 1 << 32
    left: int = 1 << 32
    bottom: int = -1
    right: int = -1

    @property
    def cells(self) -> int:
        placed = (self.bottom - self.top + 1) * (self.right - self.left + 1)
        return max(self.declared, placed if self.bottom >= 0 else 0)

    def record(self, kind: int, body: bytes) -> None:
        if kind in _CELLS and len(body) >= 4:
            self._take(*struct.unpack_from("<HH", body))
        elif kind == _MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            self._take(row, first)
            self._take(row, struct.unpack_from("<H", body, len(body) - 2)[0])
        elif kind == _DIMENSIONS:
            self.declared = _declared(body)

    def _take(self, row: int, column: int) -> None:
        self.top, self.bottom = min(self.top, row), max(self.bottom, row)
        self.left, self.right = min(self.left, column), max(self.right, column)


def _declared(body: bytes) -> int:
    """BIFF8: first row, last row + 1 (32 bits), first column, last column + 1; BIFF5: 16 bits."""
    if len(body) < 8:
        return 0
    first, last, left, right = struct.unpack_from("<IIHH" if len(body) >= 12 else "<HHHH", body)
    return int(max(last - first, 0) * max(right - left, 0))


class _Compound:
    """The streams of a compound file, read from its bytes (MS-CFB: sectors chained by the
    FAT, small streams in the mini stream chained by the mini FAT)."""

    def __init__(self, data: bytes) -> None:
        if not data.startswith(SIGNATURE) or len(data) < 512:
            raise Damaged("not a compound file")
        self.data = data
        self.size = 1 << _u16(data, 0x1E)
        if self.size not in (512, 4096):
            raise Damaged(f"sector size {self.size}")
        self.fat = self._table(self._fat_sectors())
        self.cutoff = _u32(data, 0x38)

    def stream(self, names: tuple[str, ...]) -> bytes:
        entries = {name: (start, size) for name, start, size in self._entries()}
        for name in names:
            if name in entries:
                start, size = entries[name]
                if size >= self.cutoff:
                    return self._read(self.fat, start, self._sector)[:size]
                return self._mini(start, size)
        raise Damaged("no Workbook stream")

    def _sector(self, number: int) -> bytes:
        start = (number + 1) * self.size
        return self.data[start : start + self.size]

    def _fat_sectors(self) -> list[int]:
        """The FAT's sectors: 109 in the header, the others in the DIFAT chain."""
        numbers = list(struct.unpack_from("<109I", self.data, 0x4C))
        following, count = _u32(self.data, 0x44), _u32(self.data, 0x48)
        for _ in range(count):
            sector = self._sector(following)
            if len(sector) < self.size:
                raise Damaged("DIFAT beyond the file")
            per = self.size // 4 - 1
            numbers += struct.unpack_from(f"<{per}I", sector)
            following = _u32(sector, self.size - 4)
        return numbers[: _u32(self.data, 0x2C)]

    def _table(self, sectors: Iterator[int] | list[int]) -> tuple[int, ...]:
        table: list[int] = []
        for number in sectors:
            sector = self._sector(number)
            if len(sector) < self.size:
                raise Damaged("FAT beyond the file")
            table += struct.unpack(f"<{self.size // 4}I", sector)
        return tuple(table)

    @staticmethod
    def _chain(table: tuple[int, ...], start: int) -> Iterator[int]:
        for _ in range(len(table) + 1):  # a chain longer than the table loops: damaged
            if start >= len(table):  # end of chain, free, or beyond: the chain ends
                return
            yield start
            start = table[start]
        raise Damaged("a sector chain loops")

    def _read(self, table: tuple[int, ...], start: int, sector: Callable[[int], bytes]) -> bytes:
        return b"".join(sector(n) for n in self._chain(table, start))

    def _entries(self) -> Iterator[tuple[str, int, int]]:
        """Each directory entry's name (lower case), first sector and size."""
        directory = self._read(self.fat, _u32(self.data, 0x30), self._sector)
        for at in range(0, len(directory) - 127, 128):
            length = min(_u16(directory, at + 64), 64)
            name = directory[at : at + max(length - 2, 0)].decode("utf-16-le", "replace")
            size = _u32(directory, at + 120) if self.size == 512 else _u64(directory, at + 120)
            yield name.lower(), _u32(directory, at + 116), size

    def _mini(self, start: int, size: int) -> bytes:
        """A small stream: 64-byte sectors of the root entry's stream, chained by the mini FAT."""
        root = next(self._entries(), None)
        if root is None:
            raise Damaged("no root entry")
        mini_data = self._read(self.fat, root[1], self._sector)[: root[2]]
        mini_fat = self._table(self._chain(self.fat, _u32(self.data, 0x3C)))
        shift = _u16(self.data, 0x20)
        return self._read(mini_fat, start, lambda n: mini_data[n << shift : (n + 1) << shift])[
            :size
        ]


def _u16(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 2], "little")


def _u32(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 4], "little")


def _u64(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 8], "little")
