"""Helper of the Debian trial (installer/linux/chroot_trial.sh), run by the chroot's python3:

    trial_helper.py snapshot DB OUT.json    every table's row count and sampled records
    trial_helper.py compare BEFORE.json AFTER.json    exit 1 if a record was lost or changed
    trial_helper.py field JSON KEY          one field of a JSON object (sync keys --json)
    trial_helper.py close WINDOW_ID         what a window manager sends when the user clicks
                                            the title bar's close button (WM_DELETE_WINDOW)

The snapshot and the comparison are installer/upgrade_check.py's (copied beside this file).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path


def _snapshot(db: str, out: str) -> int:
    from upgrade_check import snapshot

    found = snapshot(Path(db))
    Path(out).write_text(json.dumps(found, default=str, ensure_ascii=False), encoding="utf-8")
    rows = sum(found["counts"].values())
    print(f"schema {found['revision']}, {rows} rows in {len(found['counts'])} tables")
    return 0


def _compare(before: str, after: str) -> int:
    from upgrade_check import compare

    old = json.loads(Path(before).read_text(encoding="utf-8"))
    new = json.loads(Path(after).read_text(encoding="utf-8"))
    problems = compare(old, new)
    for problem in problems:
        print(f"LOST OR CHANGED: {problem}")
    if not problems:
        print(f"all {len(old['counts'])} tables' counts and the sampled records equal")
    return 1 if problems else 0


def _field(text: str, key: str) -> int:
    body = json.loads(text[text.index("{") : text.rindex("}") + 1])
    print(body[key])
    return 0


def _close(window: str) -> int:
    from Xlib import X, display, protocol

    screen = display.Display()
    target = screen.create_resource_object("window", int(window, 0))
    event = protocol.event.ClientMessage(
        window=target,
        client_type=screen.intern_atom("WM_PROTOCOLS"),
        data=(32, [screen.intern_atom("WM_DELETE_WINDOW"), X.CurrentTime, 0, 0, 0]),
    )
    target.send_event(event)
    screen.flush()
    return 0


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    commands: dict[str, Callable[..., int]] = {
        "snapshot": _snapshot,
        "compare": _compare,
        "field": _field,
        "close": _close,
    }
    if not argv or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    return commands[argv[0]](*argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
