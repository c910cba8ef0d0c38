"""``redoffice``: start the GUI (or ``--self-test`` it offscreen)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from redoffice.kit.db import Database, backup_if_due, default_backup_folder, open_database
from redoffice.kit.errors import UserError
from redoffice.kit.logs import log_exception
from redoffice.kit.paths import resolve_db_url


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
    # for `make bench`: print the wall-clock time when the window is shown, then exit
    p.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def _no_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    from redoffice.ui.kit.errors import report

    log_exception("uncaught", error.with_traceback(tb))
    report(None, error)


def freeze_startup_objects() -> None:
    """Move everything alive after start-up (Qt wrappers, SQLAlchemy, translations) out of the
    cyclic collector's reach: a full collection over them paused scrolling for 40 ms."""
    gc.collect()
    gc.freeze()


def _self_test_db() -> str:
    folder = Path(tempfile.mkdtemp(prefix="redoffice-selftest-"))
    return f"sqlite:///{folder / 'selftest.sqlite'}"


def _prepare_self_test(db: Database, temporary: bool) -> None:
    """A temporary database gets an identity and demo data; a given one must be initialized."""
    from redoffice.demo import build as demo
    from redoffice.settings import community

    if community.is_initialized(db):
        return
    if not temporary:
        raise UserError("community.not_initialized")
    community.initialize(db, demo.DEMO_IDENTITY, demo.DEMO_OPERATOR)
    community.use_operator(db)
    demo.create_demo(db, 30, seed=1)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
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
    from PySide6.QtWidgets import QApplication, QMessageBox

    from redoffice.ui.kit.resources import install_font, install_translators, prefer_chinese_dates
    from redoffice.ui.kit.screen_fit import install_screen_fit

    prefer_chinese_dates()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("RedOffice")
    app.setOrganizationName("RedOffice")
    install_font(app)
    translators = install_translators(app)
    install_screen_fit(app)
    sys.excepthook = _excepthook
    url = resolve_db_url(args.db, args.db_url)
    temporary = args.self_test and not (args.db or args.db_url)
    if temporary:
        url = _self_test_db()
    try:
        db = open_database(url)
        if args.self_test:
            _prepare_self_test(db, temporary)
    except UserError as exc:
        if args.self_test:
            sys.stderr.write(exc.text + "\n")
        else:
            QMessageBox.critical(None, "RedOffice", exc.text)
        return 1
    code = _run(app, db, args.self_test, args.startup_probe)
    del translators
    return code


def _run(app: object, db: Database, self_test: bool, probe: bool) -> int:
    from PySide6.QtWidgets import QApplication

    from redoffice.settings import community
    from redoffice.ui.kit.context import AppContext
    from redoffice.ui.main_window import MainWindow, warm_up
    from redoffice.ui.settings.setup_dialog import SetupDialog

    assert isinstance(app, QApplication)
    ctx = AppContext(db)
    if (
        not community.is_initialized(db)
        and SetupDialog(ctx).exec() != SetupDialog.DialogCode.Accepted
    ):
        ctx.tasks.shutdown()
        return 0
    db.actor = community.operator(db)
    window = MainWindow(ctx)
    window.show()
    freeze_startup_objects()
    ctx.query(warm_up, lambda _r: None)
    folder = default_backup_folder(db.engine)
    if folder is not None:
        ctx.query(lambda: backup_if_due(db.engine, folder), lambda _path: None)
    if self_test:
        from redoffice.ui.self_test import run_self_test

        return run_self_test(app, window)
    if probe:
        app.processEvents()
        sys.stdout.write(f"{time.time():.6f}\n")
        window.close()
        return 0
    code = app.exec()
    db.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
