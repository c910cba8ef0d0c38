"""Issue 17: cold start to the main window, frozen build vs the source checkout, on one database
(the bench's 110k-resident demo), the two processes in turn; medians of the milestones that
``--startup-probe`` prints (bench/startup.py).

    .venv/bin/python installer/startup_compare.py DB [--runs 5] [--frozen build/dist/redoffice]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.startup import MILESTONES, _milestones


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("db", type=Path)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--frozen", type=Path, default=Path("build/dist/redoffice"))
    args = p.parse_args(argv)
    commands = {
        "source": [sys.executable, "-m", "redoffice.ui.app", "--db", str(args.db)],
        "frozen": [str(args.frozen / "redoffice"), "--db", str(args.db)],
    }
    for command in commands.values():  # the first open may migrate; warms the page cache
        _milestones([*command, "--startup-probe"])
    times: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(_milestones([*command, "--startup-probe"]))
    print(f"start-up on {args.db.name}, {args.runs} runs of each in turn (seconds, median/best)")
    for label, what in MILESTONES.items():
        cells = []
        for name in commands:
            values = [run[label] for run in times[name]]
            cells.append(f"{name} {statistics.median(values):5.2f}/{min(values):5.2f}")
        print(f"  {what:34} " + "   ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
