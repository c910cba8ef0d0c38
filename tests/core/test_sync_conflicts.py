"""One owner per row (decision 0019), on SQLite and on a PostgreSQL street office: the base
version decides (a street-side edit is never silently overwritten, however often the community
changed the row), the conflicts kept are listed for review and resolved (audited), and an
overlapping package whose overlapping part differs from what was applied is refused as a fork —
a row changed, or a row left out."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from redoffice.models import AuditLog, Resident, SyncConflict, SyncLocalEdit
from redoffice.sync import acks, conflicts, packages
from redoffice.sync.conflicts import APPLY, CONFLICT, FORK, INSERT, SKIP, Copy, decide
from tests.core.test_sync_faults import Pair, first_resident_line, pair, reforge  # noqa: F401
from tests.core.test_sync_roundtrip import synced_rows
from tests.factories import add_resident


@pytest.fixture
def p(pair: Pair) -> Pair:  # noqa: F811
    return pair


def _edit(db: Any, person: str, **values: Any) -> None:
    with db.uow() as s:
        row = s.get(Resident, person)
        assert row is not None
        for key, value in values.items():
            setattr(row, key, value)


def _first_resident(p: Pair) -> str:
    with p.c.read() as s:
        return str(s.scalars(select(Resident.id)).one())


def _applied(p: Pair, path: Path) -> packages.Imported:
    got = packages.import_package(p.s, path)
    assert got.status == packages.APPLIED, got.reason
    return got


# ── the decision ────────────────────────────────────────────────────────────────────────────


def test_the_decision_table() -> None:
    row = {"notes": "a"}
    other = {"notes": "b"}
    assert decide(Copy(1, 5, row), None, None, 0) == INSERT
    assert decide(Copy(1, 5, row), None, None, 9) == FORK  # applied before, yet absent here
    assert decide(Copy(2, 5, row), Copy(1, 3, other), None, 4) == APPLY
    assert decide(Copy(1, 3, row), Copy(1, 3, row), None, 4) == SKIP  # seen, the same
    assert decide(Copy(1, 3, other), Copy(1, 3, row), None, 4) == FORK  # seen, another content
    assert decide(Copy(2, 3, row), Copy(1, 3, row), None, 4) == FORK  # seen, another version
    # changed here since version 1 was applied (local version 2)
    base = Copy(1, 3, "h1")
    assert decide(Copy(3, 7, "h3"), Copy(2, 1, "h2"), base, 4) == CONFLICT  # owner changed too
    assert decide(Copy(2, 7, "h3"), Copy(2, 1, "h2"), base, 4) == CONFLICT
    assert decide(Copy(1, 3, "h1"), Copy(2, 1, "h2"), base, 4) == SKIP  # seen: the base itself
    assert decide(Copy(1, 3, "hX"), Copy(2, 1, "h2"), base, 4) == FORK
    # an equal version with other content and no base: a local change made before 0019
    assert decide(Copy(2, 7, row), Copy(2, 1, other), None, 4) == CONFLICT


# ── the base version decides ────────────────────────────────────────────────────────────────


def test_a_street_edit_is_kept_when_the_community_changed_the_row_more_often(p: Pair) -> None:
    person = _first_resident(p)
    acks.import_ack(p.c, Path(_applied(p, p.export()).ack))
    _edit(p.s, person, notes="街道改的")  # street: version 1 → 2
    with p.s.read() as s:
        edit = s.get(SyncLocalEdit, ("resident", person))
        assert edit is not None and edit.base_version == 1
    for n in range(3):  # community: version 1 → 4, higher than the street's 2
        _edit(p.c, person, notes=f"社区改的{n}")
    got = _applied(p, p.export())
    assert [x["row_id"] for x in got.conflicts] == [person]
    with p.s.read() as s:
        assert s.get(Resident, person).notes == "社区改的2"  # type: ignore[union-attr]
        kept = s.scalars(select(SyncConflict)).one()
        assert "街道改的" in kept.local_row and kept.local_version == 2
        assert kept.incoming_version == 4
        assert s.get(SyncLocalEdit, ("resident", person)) is None  # settled
    assert acks.import_ack(p.c, Path(got.ack)).conflicts == 1
    assert synced_rows(p.s, p.c.node_id) == synced_rows(p.c, p.c.node_id)


def test_a_street_edit_stands_while_the_community_leaves_the_row_alone(p: Pair) -> None:
    person = _first_resident(p)
    acks.import_ack(p.c, Path(_applied(p, p.export()).ack))
    _edit(p.s, person, notes="街道改的")
    add_resident(p.c, "王五", household=p.household, seq=2)  # another row changes
    got = _applied(p, p.export())
    assert got.conflicts == [] and got.records == 1
    with p.s.read() as s:
        assert s.get(Resident, person).notes == "街道改的"  # type: ignore[union-attr]
        assert s.get(SyncLocalEdit, ("resident", person)) is not None  # still pending


def test_an_unedited_row_takes_the_owners_newer_copies(p: Pair) -> None:
    person = _first_resident(p)
    acks.import_ack(p.c, Path(_applied(p, p.export()).ack))
    _edit(p.c, person, notes="一")
    _edit(p.c, person, notes="二")
    got = _applied(p, p.export())
    assert got.conflicts == [] and got.records == 1
    assert synced_rows(p.s, p.c.node_id) == synced_rows(p.c, p.c.node_id)


# ── review ─────────────────────────────────────────────────────────────────────────────────


def test_conflicts_are_listed_with_both_copies_and_resolved_once(p: Pair) -> None:
    person = _first_resident(p)
    acks.import_ack(p.c, Path(_applied(p, p.export()).ack))
    _edit(p.s, person, notes="街道改的", phone="13900000001")
    _edit(p.c, person, notes="社区改的")
    _applied(p, p.export())
    [view] = conflicts.open_conflicts(p.s)
    assert view.row_id == person and view.table_label == "居民" and not view.resolved
    assert view.partner == "中南路街道幸福社区" or view.partner  # the community's name
    fields = {f.label: (f.local, f.owner) for f in view.fields}
    assert fields["备注"] == ("街道改的", "社区改的")
    assert "联系电话" in fields or any("电话" in k for k in fields)
    assert view.local_row["notes"] == "街道改的" and view.owner_row is not None
    conflicts.resolve(p.s, view.id, "已电话告知社区")
    assert conflicts.open_conflicts(p.s) == []
    [done] = conflicts.open_conflicts(p.s, resolved=True)
    assert done.resolved and done.resolved_by == "王主任" and done.resolution == "已电话告知社区"
    with p.s.read() as s:
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "resolve")).one()
        assert entry.row_id == str(view.id) and "已电话告知社区" in (entry.fields or "")
    from redoffice.kit.errors import UserError

    with pytest.raises(UserError, match="已处理过"):
        conflicts.resolve(p.s, view.id)
    with pytest.raises(UserError, match="没有第"):
        conflicts.resolve(p.s, 99999)


# ── forks in an overlapping package ─────────────────────────────────────────────────────────


def _recount(m: dict[str, Any], rows: bytes) -> None:
    tables = Counter(json.loads(line)["t"] for line in rows.split(b"\n") if line)
    m["counts"] = dict(tables)
    m["records"] = sum(tables.values())


def test_an_overlapping_package_that_changes_the_applied_part_is_a_fork(p: Pair) -> None:
    _applied(p, p.export())  # not acknowledged: the next package starts at 1 again
    add_resident(p.c, "王五", household=p.household, seq=2)
    second = p.export()
    forged_rows: dict[str, bytes] = {}

    def other_notes(rows: bytes) -> bytes:
        n, found = first_resident_line(rows)
        found["r"]["notes"] = "另一份历史"
        lines = rows.split(b"\n")
        lines[n] = json.dumps(found, ensure_ascii=False).encode()
        forged_rows["rows"] = b"\n".join(lines)
        return forged_rows["rows"]

    forged = reforge(p, second, p.tmp / "fork.rosync", plain=other_notes)
    assert "与已导入的内容不同" in p.refused(forged).reason
    # the same package as exported applies (only the new part)
    got = _applied(p, second)
    assert got.records == 1


def test_an_overlapping_package_leaving_out_an_applied_row_is_a_fork(p: Pair) -> None:
    first = p.export()
    _applied(p, first)
    add_resident(p.c, "王五", household=p.household, seq=2)
    second = p.export()
    kept: dict[str, bytes] = {}

    def drop_first(rows: bytes) -> bytes:
        n, _found = first_resident_line(rows)
        lines = rows.split(b"\n")
        del lines[n]
        kept["rows"] = b"\n".join(lines)
        return kept["rows"]

    def counts(m: dict[str, Any]) -> None:
        _recount(m, kept["rows"])

    forged = reforge(p, second, p.tmp / "less.rosync", plain=drop_first, manifest=counts)
    assert "与已导入的内容不同" in p.refused(forged).reason


def test_an_overlapping_package_with_a_row_the_applied_part_lacked_is_a_fork(p: Pair) -> None:
    _applied(p, p.export())
    add_resident(p.c, "王五", household=p.household, seq=2)
    second = p.export()
    kept: dict[str, bytes] = {}

    def older_seq(rows: bytes) -> bytes:  # the new resident claimed for the applied part
        lines = rows.split(b"\n")
        last = max(
            i for i, line in enumerate(lines) if line and json.loads(line)["t"] == "resident"
        )
        found = json.loads(lines[last])
        found["r"]["sync_seq"] = found["r"]["created_seq"] = 1
        lines[last] = json.dumps(found, ensure_ascii=False).encode()
        kept["rows"] = b"\n".join(lines)
        return kept["rows"]

    forged = reforge(p, second, p.tmp / "more.rosync", plain=older_seq)
    assert "与已导入的内容不同" in p.refused(forged).reason


def test_conflicts_from_the_command_line(p: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    if not p.s.is_sqlite:
        pytest.skip("the command line opens the street's SQLite file")
    from redoffice.cli import main

    person = _first_resident(p)
    acks.import_ack(p.c, Path(_applied(p, p.export()).ack))
    _edit(p.s, person, notes="街道改的")
    _edit(p.c, person, notes="社区改的")
    _applied(p, p.export())
    street = str(p.s.engine.url.database)
    capsys.readouterr()
    assert main(["--db", street, "sync", "conflicts", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert (
        listed["row_id"] == person
        and {"label": "备注", "local": "街道改的", "owner": "社区改的"} in listed["fields"]
    )
    assert main(["--db", street, "sync", "resolve", str(listed["id"]), "--note", "已核对"]) == 0
    assert main(["--db", street, "sync", "conflicts", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1]) == []
    assert main(["--db", street, "sync", "resolve", str(listed["id"])]) == 1


def test_a_late_package_of_an_older_state_must_tell_the_same_history(p: Pair) -> None:
    old = p.export()  # lost for a while
    add_resident(p.c, "王五", household=p.household, seq=2)
    _applied(p, p.export())  # 1..b applied, covering the old one's range

    def other_notes(rows: bytes) -> bytes:
        n, found = first_resident_line(rows)
        found["r"]["notes"] = "另一份历史"
        lines = rows.split(b"\n")
        lines[n] = json.dumps(found, ensure_ascii=False).encode()
        return b"\n".join(lines)

    forged = reforge(p, old, p.tmp / "old-fork.rosync", plain=other_notes)
    assert "与已导入的内容不同" in p.refused(forged).reason
    got = packages.import_package(p.s, old)  # the real one found again: nothing to do
    assert got.status == packages.DUPLICATE and got.records == 0
