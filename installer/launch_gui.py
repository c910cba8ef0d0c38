"""Entry point of the frozen ``redoffice`` (the GUI), built by installer/redoffice.spec."""

import multiprocessing
import os
import sys

# what the desktop's file association hands over (.desktop Exec=redoffice %F, the .iss's
# "%1"): sync packages and receipts
SYNC_SUFFIXES = (".rosync", ".rosack")


def _take_opened_files(argv: list[str]) -> list[str]:
    """Sync files double-clicked in the file manager: taken off the command line (the GUI's
    options do not take files yet) and left in REDOFFICE_OPEN_FILES for the 同步 screen; the
    program starts as usual."""
    files = [a for a in argv[1:] if a.lower().endswith(SYNC_SUFFIXES) and os.path.isfile(a)]
    if files:
        os.environ["REDOFFICE_OPEN_FILES"] = os.pathsep.join(os.path.abspath(f) for f in files)
    return [argv[0], *(a for a in argv[1:] if a not in files)]


if __name__ == "__main__":
    # the print and export jobs run in "spawn" child processes (ui/kit/tasks.py): a frozen child
    # is this executable again, which freeze_support turns into the child instead of a window
    multiprocessing.freeze_support()
    if sys.stdout is None:  # a windowed Windows program has no console: --self-test still runs
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    sys.argv = _take_opened_files(sys.argv)
    from redoffice.ui.app import main

    sys.exit(main(sys.argv[1:]))
