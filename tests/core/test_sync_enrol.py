"""Street mode and enrolment (issue 14): signed enrolment files, the fingerprint compared before
a partner is pinned, revoking, re-keying."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.kit.errors import UserError
from redoffice.models import AuditLog, SyncPartner
from redoffice.sync import enrol, keys, node
from tests.conftest import Templates
from tests.core.sync_support import any_street, community_db, memory_keyring, street_db
from tests.core.test_sync_roundtrip import backend  # noqa: F401


def test_street_mode_makes_a_street_node(tmp_path: Path) -> None:
    with memory_keyring():
        street = street_db(tmp_path / "s.sqlite")
        me = node.this_node(street)
        assert me.role == node.STREET and me.name == "中南路街道" and me.code == "420106001"
        street.close()


def test_enrolment_needs_the_fingerprint_read_aloud(
    tmp_path: Path,
    templates: Templates,
    backend: pytest.FixtureRequest,  # noqa: F811
) -> None:
    with memory_keyring(), any_street(backend, tmp_path, templates) as street:
        c = community_db(tmp_path / "c.sqlite")
        file = tmp_path / "c.enrol"
        made = enrol.export_enrolment(c, file)
        with pytest.raises(UserError) as asked:
            enrol.import_enrolment(street, file, None)
        assert keys.grouped(made.fingerprint) in asked.value.text
        wrong = str((int(made.fingerprint) + 1) % 10**40).zfill(40)
        with pytest.raises(UserError, match="指纹不符"):
            enrol.import_enrolment(street, file, wrong)
        assert enrol.partners(street) == []
        enrol.import_enrolment(street, file, keys.grouped(made.fingerprint))
        [partner] = enrol.partners(street)
        assert partner.node_id == c.node_id and partner.status == enrol.ENROLLED
        assert partner.name == "幸福社区" and partner.fingerprint == made.fingerprint
        with street.read() as s:
            assert s.scalar(select(func.count()).where(AuditLog.action == "enrol")) == 1
        c.close()


def test_a_tampered_enrolment_file_is_refused(tmp_path: Path) -> None:
    with memory_keyring():
        c = community_db(tmp_path / "c.sqlite")
        street = street_db(tmp_path / "s.sqlite")
        file = tmp_path / "c.enrol"
        made = enrol.export_enrolment(c, file)
        document = json.loads(file.read_text())
        document["body"]["name"] = "别的社区"
        file.write_text(json.dumps(document))
        with pytest.raises(UserError, match="签名不对"):
            enrol.import_enrolment(street, file, made.fingerprint)
        c.close()
        street.close()


def test_wrong_role_self_and_other_street_are_refused(tmp_path: Path) -> None:
    with memory_keyring():
        c = community_db(tmp_path / "c.sqlite")
        other = community_db(tmp_path / "o.sqlite")
        street = street_db(tmp_path / "s.sqlite")
        far = tmp_path / "far.sqlite"
        far_street = street_db(far)
        mine = enrol.export_enrolment(c, tmp_path / "c.enrol")
        with pytest.raises(UserError, match="自己的登记文件"):
            enrol.import_enrolment(c, tmp_path / "c.enrol", mine.fingerprint)
        with pytest.raises(UserError, match="社区的登记文件"):
            enrol.import_enrolment(other, tmp_path / "c.enrol", mine.fingerprint)
        s_made = enrol.export_enrolment(street, tmp_path / "s.enrol")
        with pytest.raises(UserError, match="街道办的登记文件"):
            enrol.import_enrolment(far_street, tmp_path / "s.enrol", s_made.fingerprint)
        for db in (c, other, street, far_street):
            db.close()


def test_rekey_revokes_the_old_key_at_the_partner(
    tmp_path: Path,
    templates: Templates,
    backend: pytest.FixtureRequest,  # noqa: F811
) -> None:
    with memory_keyring(), any_street(backend, tmp_path, templates) as street:
        c = community_db(tmp_path / "c.sqlite")
        first = enrol.export_enrolment(c, tmp_path / "c1.enrol")
        enrol.import_enrolment(street, tmp_path / "c1.enrol", first.fingerprint)
        keys.rekey(c)
        second = enrol.export_enrolment(c, tmp_path / "c2.enrol")
        assert second.replaces == (first.public.key_id,)
        enrol.import_enrolment(street, tmp_path / "c2.enrol", second.fingerprint)
        [partner] = enrol.partners(street)
        assert partner.key_id == second.public.key_id
        with pytest.raises(UserError, match="已被撤销"):
            enrol.import_enrolment(street, tmp_path / "c1.enrol", first.fingerprint)
        enrol.revoke(street, c.node_id[:8])
        with street.read() as s:
            assert s.get(SyncPartner, c.node_id).status == enrol.REVOKED  # type: ignore[union-attr]
        c.close()


def test_the_enrolment_sheet_shows_the_fingerprint_large(tmp_path: Path) -> None:
    with memory_keyring():
        c = community_db(tmp_path / "c.sqlite")
        made = enrol.export_enrolment(c, tmp_path / "c.enrol", sheet=tmp_path / "sheet.pdf")
        c.close()
    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / "sheet.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert "WenQuanYi" in fonts and " yes yes " in fonts  # embedded
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "sheet.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "数据同步登记表" in text and "幸福社区" in text
    for group in keys.grouped(made.fingerprint).split():
        assert group in text
