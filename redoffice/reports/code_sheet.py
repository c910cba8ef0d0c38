"""A form whose heart is a code printed large in groups, to be read out or compared group by
group: the 数据同步登记表's key fingerprint, the 数据库恢复密钥单's recovery key."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from redoffice.reports.base import (
    Page,
    form_heading,
    grid_style,
    para,
    render,
    signature_lines,
    usable_width,
)

CODE_FILL = colors.HexColor("#fbeeee")


@dataclass(frozen=True)
class CodeSheet:
    """The heading and its label/value pairs, the code's caption and groups (``per_row`` to
    a row), the note under it and who signs."""

    heading: str
    pairs: Sequence[tuple[str, str]]
    caption: str
    groups: Sequence[str]
    per_row: int
    note: str
    signers: Sequence[str]


def _code_table(groups: Sequence[str], per_row: int, width: float) -> Table:
    rows = [list(groups[i : i + per_row]) for i in range(0, len(groups), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    code = Table(
        [[para(g, 22, align=1) for g in row] for row in rows],
        colWidths=[width / per_row] * per_row,
        rowHeights=[14 * mm] * len(rows),
    )
    code.setStyle(grid_style([("BACKGROUND", (0, 0), (-1, -1), CODE_FILL)]))
    return code


def code_sheet(page: Page, sheet: CodeSheet) -> bytes:
    width = usable_width(page)
    story: list[Flowable] = [
        *form_heading(sheet.heading, list(sheet.pairs), width),
        Spacer(1, 6 * mm),
        para(sheet.caption, 12),
        Spacer(1, 2 * mm),
        _code_table(sheet.groups, sheet.per_row, width),
        Spacer(1, 6 * mm),
        para(sheet.note, 10),
        Spacer(1, 10 * mm),
        signature_lines(sheet.signers, width, dated=True),
    ]
    return render(page, story)
