"""What is in the one-folder build, checked: the bundled fonts, translations, help, Alembic
scripts, ReportLab's accelerators and sqlcipher3's native module are there; no test or
development package, no Qt module the program does not use (QtWebEngine, Qt3D, QtQuick/QML,
multimedia …); the size.

    python3 installer/check_bundle.py build/dist/redoffice [--max-mb 250]

The Python modules are read from the build's archive (PyInstaller's CArchive/PYZ table of
contents, with the build environment's PyInstaller) when --python is given.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

REQUIRED = [
    "resources/fonts/wqy-microhei.ttc",
    "resources/fonts/HanaMinB.ttf",
    "resources/fonts/HanaMinA-ExtA.ttf",
    "resources/i18n/redoffice_zh_CN.qm",
    "resources/i18n/qtbase_extra_zh_CN.qm",
    "resources/help/help.html",
    "redoffice/migrations/env.py",
    "redoffice/migrations/versions/0001_initial_registry_schema.py",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
]
REQUIRED_GLOBS = [
    "_rl_accel*",
    "PySide6/QtPdf*",
    "PySide6/QtPrintSupport*",
    "python_calamine",
    "sqlcipher3/_sqlite3*",  # SQLCipher 4, the encrypted database (decision 0028)
]
# file names that must not be anywhere in the build
FORBIDDEN = [
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "ruff",
    "xlwt",
    "keyrings",
    "tkinter",
    "_tkinter",
    "Qt6WebEngine",
    "QtWebEngine",
    "Qt63D",
    "Qt3D",
    "Qt6Quick",
    "QtQuick",
    "Qt6Qml",
    "QtQml",
    "Qt6Multimedia",
    "QtMultimedia",
    "Qt6Designer",
    "Qt6Charts",
    "QtCharts",
    "Qt6VirtualKeyboard",
    "_avif",
    "libavif",
]
FORBIDDEN_MODULES = (
    "pytest",
    "_pytest",
    "hypothesis",
    "pytestqt",
    "mypy",
    "xlwt",
    "keyrings",
    "tkinter",
    "setuptools",
    "pip",
)


def _size_mb(folder: Path) -> float:
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def _modules(folder: Path, python: Path) -> list[str]:
    """Module names in the build's PYZ archive (pyi-archive_viewer's reader)."""
    code = (
        "import sys\n"
        "from PyInstaller.archive.readers import CArchiveReader, ZlibArchiveReader\n"
        "exe = sys.argv[1]\n"
        "c = CArchiveReader(exe)\n"
        "names = [n for n in c.toc if n.endswith('.pyz')]\n"
        "internal = sys.argv[2]\n"
        "import os\n"
        "path = next((os.path.join(internal, n) for n in os.listdir(internal)"
        " if n.endswith('.pyz')), None)\n"
        "if path is None:\n"
        "    import tempfile\n"
        "    data = c.extract(names[0])\n"
        "    fd, path = tempfile.mkstemp(suffix='.pyz'); os.write(fd, data); os.close(fd)\n"
        "print('\\n'.join(ZlibArchiveReader(path).toc))\n"
    )
    exe = folder / ("redoffice-cli.exe" if sys.platform == "win32" else "redoffice-cli")
    done = subprocess.run(
        [str(python), "-c", code, str(exe), str(folder / "_internal")],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("folder", type=Path)
    p.add_argument("--max-mb", type=float, default=250.0)
    p.add_argument("--python", type=Path, help="the build environment's python")
    args = p.parse_args(argv)
    internal = args.folder / "_internal"
    problems = [f"missing {rel}" for rel in REQUIRED if not (internal / rel).exists()]
    problems += [f"missing {g}" for g in REQUIRED_GLOBS if not any(internal.glob(g))]
    for path in internal.rglob("*"):
        name = path.name
        if any(
            name == bad or name.startswith((bad + ".", bad + "-", "lib" + bad)) for bad in FORBIDDEN
        ):
            problems.append(f"not wanted: {path.relative_to(args.folder)}")
    modules: list[str] = []
    if args.python:
        modules = _modules(args.folder, args.python)
        problems += [
            f"module not wanted: {m}" for m in modules if m.split(".")[0] in FORBIDDEN_MODULES
        ]
        for wanted in (
            "redoffice.ui.app",
            "redoffice.cli",
            "redoffice.ui.fund.ledger_tab",
            "alembic",
            "keyring.backends.fail",
            "faker.providers.person.zh_CN",
        ):
            if wanted not in modules:
                problems.append(f"module missing: {wanted}")
        qt = sorted({m for m in modules if m.startswith("PySide6.Qt")})
        print(f"  {len(modules)} Python modules; PySide6: {' '.join(qt) or '(extension modules)'}")
    qt_ext = sorted(
        p.name.split(".")[0]
        for p in (internal / "PySide6").glob("Qt*.*")
        if p.suffix in (".so", ".pyd")
    )
    print(f"  Qt modules: {' '.join(qt_ext)}")
    size = _size_mb(args.folder)
    print(f"  size: {size:.0f} MB (limit {args.max_mb:.0f} MB)")
    if size > args.max_mb:
        problems.append(f"{size:.0f} MB is over {args.max_mb:.0f} MB")
    for line in problems:
        print(f"  PROBLEM: {line}", file=sys.stderr)
    print(f"bundle check {'FAILED' if problems else 'ok'}: {args.folder}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
