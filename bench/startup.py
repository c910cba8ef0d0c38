"""Issue 12 §4: start to the main window on the bench database ≤ 3× a bare PySide6 window
process measured in the same run (absolute times on a shared machine vary by ±50%).

`redoffice --startup-probe` prints the wall-clock time of three milestones: the window shown
(its frame, first painted before the database is opened), the window attached to the database
(the 工作台 built and shown, its queries asked), and ready (the 工作台's answers shown)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).parent
RATIO_TARGET = 3.0
MILESTONES = {
    "shown": "main window shown (first paint)",
    "attached": "工作台 built and shown",
    "ready": "工作台's figures shown",
}


def _milestones(command: list[str]) -> dict[str, float]:
    """Seconds from process start to each milestone the child prints as ``<label> <time>``."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.time()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True, timeout=120)
    out = done.stdout
    found = (line.split() for line in out.splitlines())
    return {words[0]: float(words[1]) - started for words in found if len(words) == 2}


def bench_startup(db: Path, runs: int = 7) -> None:
    """Both processes in turn, so that both meet the same load on the machine."""
    ours_cmd = [sys.executable, "-m", "redoffice.ui.app", "--db", str(db), "--startup-probe"]
    bare_cmd = [sys.executable, str(BENCH / "bare_window.py")]
    _milestones(bare_cmd)  # warm the page cache for both
    _milestones(ours_cmd)
    ours: list[dict[str, float]] = []
    bare: list[float] = []
    for _ in range(runs):
        bare.append(_milestones(bare_cmd)["shown"])
        ours.append(_milestones(ours_cmd))
    base = statistics.median(bare)
    print(f"\nstart-up on the bench database ({runs} runs of each process in turn; seconds)")
    print(f"  {'bare PySide6 window process, shown':44} median {base:5.2f}  best {min(bare):5.2f}")
    for label, what in MILESTONES.items():
        times = [run[label] for run in ours]
        median = statistics.median(times)
        print(
            f"  {'RedOffice: ' + what:44} median {median:5.2f}  best {min(times):5.2f}"
            f"  = {median / base:4.1f}× the bare window"
        )
    ratio = statistics.median(run["shown"] for run in ours) / base
    verdict = "ok" if ratio <= RATIO_TARGET else "NOT MET"
    print(f"  start to the main window: {ratio:.1f}× (target ≤ {RATIO_TARGET:.0f}×: {verdict})")
