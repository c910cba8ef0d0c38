"""``redoffice``: start the GUI (or ``--self-test`` it offscreen)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

# Nothing of the database, the models or the pages is imported before the window shows: the
# frame appears once Qt is up, then _open_and_run imports and opens the rest (issue 12 §4)
if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from redoffice.kit.db import Database
    from redoffice.ui.kit.context import AppContext
    from redoffice.ui.main_window import MainWindow


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="redoffice", description="RedOffice 社区红色工作台")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="PATH")
    where.add_argument("--db-url", metavar="URL")
    p.add_argument(
        "--self-test",
        action="store_true",
        help="offscreen: open the main window and every page, then exit",
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="sync packages (.rosync, street office) or acknowledgements (.rosack) to import",
    )
    # for `make bench`: print the wall-clock time when the window is shown, then exit
    p.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def _no_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    from redoffice.kit.logs import log_exception
    from redoffice.ui.kit.errors import report

    log_exception("uncaught", error.with_traceback(tb))
    report(None, error)


def _report_ignored_clock_setting() -> None:
    """A malformed ``REDOFFICE_TODAY`` (a tester's setting): the program runs on the computer's
    clock and says so in the log and on stderr, without a dialog (decision 0015)."""
    from redoffice.kit import clock

    ignored = clock.ignored_setting()
    if ignored is not None:
        import logging

        from redoffice.kit.logs import log_file

        log_file()
        logging.getLogger("redoffice").warning("%s；按计算机时钟运行", ignored)
        sys.stderr.write(f"{ignored}；按计算机时钟运行\n")


def freeze_startup_objects() -> None:
    """Move everything alive after start-up (Qt wrappers, SQLAlchemy, translations) out of the
    cyclic collector's reach: a full collection over them paused scrolling for 40 ms. The
    collector, off while starting (see :func:`main`), runs again from here — on the GUI thread
    only while the database worker runs (:mod:`redoffice.ui.kit.gui_gc`). No collection
    first: start-up leaves ~500 unreachable objects, and a full pass over the ~125,000 alive
    held the GUI thread 33 ms (quiet machine) to 300 ms (busy) just as the 工作台 appeared."""
    from redoffice.ui.kit import gui_gc

    gc.freeze()
    if not gui_gc.suspended():
        gc.enable()


# The first page's modules, imported on the database worker before the window is attached:
# ~0.3 s of module code (and of PySide6 making Python enums of the Qt enums they name) that
# otherwise held the GUI thread in one step under the shown frame (issue 11 §5); with them
# what the attach itself imports: the role gate every page passes (20–35 ms of it on the GUI
# thread) and the backup actions the status line enables
FIRST_PAGE_MODULES = (
    "redoffice.sync.node",
    "redoffice.ui.visits.plan_upkeep",
    "redoffice.ui.workbench.dashboard",
    "redoffice.ui.kit.role_gate",
    "redoffice.ui.backup_actions",
)


def _import_all(modules: Sequence[str]) -> None:
    import importlib

    for module in modules:
        importlib.import_module(module)


def import_first_page(ctx: AppContext) -> None:
    """Import :data:`FIRST_PAGE_MODULES` on the worker while the event loop turns (the frame
    keeps painting); returns once they are imported (a failure is left to the GUI thread's own
    import, which reports it)."""
    from contextlib import suppress
    from functools import partial

    from redoffice.ui.kit.waiting import wait_for

    with suppress(Exception):  # reported by the GUI thread's own import
        wait_for(partial(_import_all, FIRST_PAGE_MODULES), ctx.tasks)


def _self_test_db() -> str:
    folder = Path(tempfile.mkdtemp(prefix="redoffice-selftest-"))
    return f"sqlite:///{folder / 'selftest.sqlite'}"


def _prepare_self_test(db: Database, temporary: bool) -> None:
    """A temporary database gets an identity and demo data; a given one must be initialized."""
    from redoffice.demo import build as demo
    from redoffice.kit.errors import UserError
    from redoffice.settings import community

    if community.is_initialized(db):
        return
    if not temporary:
        raise UserError("community.not_initialized")
    community.initialize(db, demo.DEMO_IDENTITY, demo.DEMO_OPERATOR)
    community.use_operator(db)
    demo.create_demo(db, 30, seed=1)


def main(argv: Sequence[str] | None = None) -> int:
    # start-up allocates mostly objects that live as long as the program (modules, the models'
    # tables, Qt wrappers): collecting them while importing costs ~10% of the imports' time;
    # freeze_startup_objects turns the collector back on once the window is attached
    gc.disable()
    try:
        return _start(argv)
    finally:
        gc.enable()


def _start(argv: Sequence[str] | None) -> int:
    args = _parse(argv)
    _report_ignored_clock_setting()
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from redoffice.ui.kit.errors import collect_instead_of_showing

        collect_instead_of_showing()
    elif _no_display():
        sys.stderr.write(
            "没有可用的显示器（DISPLAY 未设置）。在无显示器的 Linux 上请使用："
            "xvfb-run -a redoffice\nNo display: run it under xvfb-run.\n"
        )
        return 1
    from PySide6.QtWidgets import QApplication

    from redoffice.ui.accounts.start import frame_first
    from redoffice.ui.kit.resources import install_font, install_translators, prefer_chinese_dates
    from redoffice.ui.kit.screen_fit import install_screen_fit
    from redoffice.ui.main_window import MainWindow

    prefer_chinese_dates()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("RedOffice")
    app.setOrganizationName("RedOffice")
    install_font(app)
    translators = install_translators(app)
    install_screen_fit(app)
    sys.excepthook = _excepthook
    window = MainWindow()  # the frame: navigation and menus, no database yet
    if frame_first():  # not when the login dialog comes first (the last start asked for one)
        window.show()
        app.processEvents()  # its first paint
    if args.startup_probe:
        _probe("shown")
    code = _open_and_run(app, window, args)
    del translators
    return code


def _probe(label: str) -> None:
    """For `make bench`: the wall-clock time of a start-up milestone."""
    from redoffice.kit.clock import wall_seconds  # the real clock, never the fixed one

    sys.stdout.write(f"{label} {wall_seconds():.6f}\n")
    sys.stdout.flush()


def _open_and_run(app: QApplication, window: MainWindow, args: argparse.Namespace) -> int:
    """Open the database under the shown frame, then fill the window and run."""
    from PySide6.QtWidgets import QMessageBox

    import redoffice.features  # noqa: F401  (registers the features' session hooks)
    from redoffice.attachments.viewing import empty_left_copies
    from redoffice.kit.errors import UserError
    from redoffice.kit.paths import resolve_db_url
    from redoffice.ui.opening import open_with_key

    empty_left_copies()  # decrypted scans an earlier run left for viewing (killed before exit)
    url = resolve_db_url(args.db, args.db_url)
    temporary = args.self_test and not (args.db or args.db_url)
    if temporary:
        url = _self_test_db()
    try:
        # a new database only where none was named (first start, self-test): a mistyped --db
        # is refused; encrypted without its key: the key asked for (None: 退出), unattended
        # (--self-test) refused
        named = bool(args.db or args.db_url)
        db = open_with_key(window, url, create=not named, ask_key=not args.self_test)
        if db is not None and args.self_test:
            _prepare_self_test(db, temporary)
    except UserError as exc:
        if args.self_test:
            sys.stderr.write(exc.text + "\n")
        else:
            QMessageBox.critical(window, "RedOffice", exc.text)
        window.close()
        return 1
    if db is None:
        window.close()
        return 0
    return _run(app, window, db, args)


def _first_start(ctx: AppContext, window: MainWindow) -> bool:
    """The community's identity asked for over the empty window; False when cancelled."""
    from redoffice.ui.settings.setup_dialog import SetupDialog

    return SetupDialog(ctx, window).exec() == SetupDialog.DialogCode.Accepted


def _log_in(ctx: AppContext, window: MainWindow, args: argparse.Namespace) -> bool:
    """Once the database has accounts nobody works without logging in, and no window shows
    before (False: 退出 chosen); without them the stored 经办人 is the operator, as before, and
    the first administrator is offered (not to --self-test or --startup-probe: nobody there)."""
    from redoffice.ui.accounts.login_dialog import log_in_at_start

    return log_in_at_start(ctx, window, offer=not (args.self_test or args.startup_probe))


def _run(app: QApplication, window: MainWindow, db: Database, args: argparse.Namespace) -> int:
    from functools import partial

    from redoffice.settings import community
    from redoffice.ui import backup_actions
    from redoffice.ui.kit.context import AppContext
    from redoffice.ui.main_window import warm_up
    from redoffice.ui.opening import check_after_start

    ctx = AppContext(db)
    if not community.is_initialized(db) and not _first_start(ctx, window):
        ctx.tasks.shutdown()
        window.close()
        return 0
    if not _log_in(ctx, window, args):
        ctx.tasks.shutdown()
        window.close()
        return 0
    import_first_page(ctx)
    window.attach(ctx)
    freeze_startup_objects()
    # the integrity check (~1 s on a big database) under the filled window, then the daily copy
    daily = partial(backup_actions.automatic, ctx, window)
    check_after_start(ctx, window, (lambda: None) if args.startup_probe else daily)
    if args.startup_probe:
        app.processEvents()
        _probe("attached")  # the 工作台 built and shown, its queries asked
        ctx.tasks.wait_idle()
        _probe("ready")  # … and their answers shown, and the integrity check done
        window.close()
        return 0
    ctx.query(warm_up, lambda _r: None)
    if args.files:
        window.open_files([Path(f).resolve() for f in args.files])
    if args.self_test:
        from redoffice.ui.self_test import run_self_test

        return run_self_test(app, window)
    code = app.exec()
    ctx.db.close()  # the one open now: a restore at start replaces it
    return code


if __name__ == "__main__":
    sys.exit(main())
