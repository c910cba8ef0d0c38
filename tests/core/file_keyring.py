"""A keyring kept in a JSON file named by ``REDOFFICE_TEST_KEYRING``: the stand-in for the
operating system's keyring when a test runs RedOffice in another process (``PYTHON_KEYRING_
BACKEND=tests.core.file_keyring.FileKeyring``), where an in-memory one cannot be shared."""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend


class FileKeyring(keyring.backend.KeyringBackend):
    priority = 1

    @property
    def _file(self) -> Path:
        return Path(os.environ["REDOFFICE_TEST_KEYRING"])

    def _all(self) -> dict[str, str]:
        found = self._file.read_text(encoding="utf-8") if self._file.exists() else "{}"
        return dict(json.loads(found))

    def get_password(self, service: str, username: str) -> str | None:
        return self._all().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._all() | {f"{service}/{username}": password}
        temp = self._file.with_suffix(".tmp")
        temp.write_text(json.dumps(entries), encoding="utf-8")
        os.replace(temp, self._file)

    def delete_password(self, service: str, username: str) -> None:
        entries = self._all()
        entries.pop(f"{service}/{username}", None)
        self._file.write_text(json.dumps(entries), encoding="utf-8")
