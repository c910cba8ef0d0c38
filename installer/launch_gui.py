"""Entry point of the frozen ``redoffice`` (the GUI), built by installer/redoffice.spec.

Files the desktop hands over (.desktop ``Exec=redoffice %F``, the .iss's ``"%1"``: a
double-clicked .rosync or .rosack) are the program's own arguments: the 数据同步 page imports
them."""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    # the print and export jobs run in "spawn" child processes (ui/kit/tasks.py): a frozen child
    # is this executable again, which freeze_support turns into the child instead of a window
    multiprocessing.freeze_support()
    if sys.stdout is None:  # a windowed Windows program has no console: --self-test still runs
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    from redoffice.ui.app import main

    sys.exit(main(sys.argv[1:]))
