"""The floor of the GUI-stall figures (bench/pages.py): a bare PySide6 process whose GUI thread
only ticks a 5 ms timer, printing its longest gap between ticks (ms) per ``WINDOW_S`` until its
stdin closes. Run beside the bench, it shows what the machine's load alone does to a GUI
thread. :class:`Heartbeat` is also the bench's own stall meter (PySide6 only here: the
baseline process imports nothing of RedOffice)."""

from __future__ import annotations

import sys
import threading
import time

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

TICK_MS = 5
WINDOW_S = 0.3


class Heartbeat(QObject):
    """A timer ticking every 5 ms on the GUI thread; a long gap between two ticks is a stall."""

    def __init__(self) -> None:
        super().__init__()
        self.longest = 0.0
        self.longest_cpu = 0.0
        self._last = time.perf_counter()
        self._cpu = time.thread_time()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def reset(self) -> None:
        self.longest = 0.0
        self.longest_cpu = 0.0
        self._last = time.perf_counter()
        self._cpu = time.thread_time()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.longest = max(self.longest, now - self._last)
        self.longest_cpu = max(self.longest_cpu, cpu - self._cpu)
        self._last, self._cpu = now, cpu


def main() -> None:
    app = QApplication(sys.argv[:1])
    beat = Heartbeat()
    closed = threading.Event()  # stdin closed: the bench is done (or gone)
    threading.Thread(target=lambda: (sys.stdin.read(), closed.set()), daemon=True).start()

    def report() -> None:
        print(f"{beat.longest * 1000:.1f}", flush=True)
        beat.reset()
        if closed.is_set():
            app.quit()

    window = QTimer(interval=int(WINDOW_S * 1000))
    window.timeout.connect(report)
    window.start()
    app.exec()


if __name__ == "__main__":
    main()
