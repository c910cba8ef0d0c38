"""The layout by feature, enforced (docs/architecture and decision 0011):

- ``redoffice.kit`` imports no feature, no report and no UI;
- ``redoffice.models`` imports only the kit; ``redoffice.reports`` only the kit (plain data in,
  bytes out);
- a feature imports the kit, the models, the reports and other features' public modules only —
  those its package lists in ``__all__``;
- ``redoffice.ui.kit`` imports no UI feature; ``redoffice.ui.<feature>`` imports ``ui.kit``, all
  of its own feature, and other features' and UI features' public modules only (their ``__all__``);
- nothing outside ``redoffice.ui`` imports Qt (tests/core/test_cli.py checks this at run time);
- ``redoffice.ui`` never touches the database itself: no SQLAlchemy, no models, no session or
  statement — it calls the features' services on the worker.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "redoffice"
NOT_FEATURES = {"kit", "models", "reports", "ui", "cli", "migrations"}


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> Iterator[str]:
    """Every redoffice module the file imports (``from a import b`` names ``a.b`` if it is one)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("redoffice"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("redoffice"):
            module = str(node.module)
            for alias in node.names:
                candidate = f"{module}.{alias.name}"
                is_module = (ROOT / (candidate.replace(".", "/") + ".py")).exists() or (
                    ROOT / candidate.replace(".", "/") / "__init__.py"
                ).exists()
                yield candidate if is_module else module


def _public(package: str) -> set[str]:
    """The submodules a feature package lists in its ``__all__``."""
    init = ROOT / package.replace(".", "/") / "__init__.py"
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return {f"{package}.{ast.literal_eval(e)}" for e in node.value.elts}  # type: ignore[attr-defined]
    return set()


def _area(module: str) -> tuple[str, str]:
    """(layer, package): ("kit", "redoffice.kit"), ("feature", "redoffice.visits"),
    ("ui-feature", "redoffice.ui.visits"), ..."""
    parts = module.split(".")
    if len(parts) < 2:
        return "top", "redoffice"
    top = parts[1]
    if top == "ui":
        if len(parts) > 3 or (len(parts) == 3 and (PACKAGE / "ui" / parts[2]).is_dir()):
            sub = parts[2]
            return ("ui-kit" if sub == "kit" else "ui-feature"), f"redoffice.ui.{sub}"
        return "ui-shell", "redoffice.ui"
    if top in NOT_FEATURES:
        return top, f"redoffice.{top}"
    if (PACKAGE / top).is_dir():
        return "feature", f"redoffice.{top}"
    return "top", f"redoffice.{top}"


def _violation(source: str, target: str) -> str | None:
    layer, package = _area(source)
    t_layer, t_package = _area(target)
    if t_package == package or target == "redoffice":
        return None
    allowed: dict[str, set[str]] = {
        "kit": {"models"},
        "models": {"kit"},
        "reports": {"kit"},
        "feature": {"kit", "models", "reports", "feature"},
        "ui-kit": {"kit", "feature", "reports"},
        "ui-feature": {"kit", "feature", "reports", "ui-kit", "ui-feature"},
    }
    if layer not in allowed:  # the CLI, the UI shell and the composition root wire everything
        return None
    if t_layer not in allowed[layer]:
        return f"{source} imports {target} ({layer} may not import {t_layer})"
    own_feature = layer == "ui-feature" and t_package == package.replace(".ui", "")
    if (
        t_layer in {"feature", "ui-feature"}
        and not own_feature
        and target not in _public(t_package)
    ):
        return f"{source} imports {target}, which {t_package}.__all__ does not list as public"
    return None


def test_the_layers_import_only_what_the_rules_allow() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        source = _module(path)
        found += [v for t in set(_imports(path)) if (v := _violation(source, t))]
    assert not found, "\n".join(sorted(found))


def test_the_rules_catch_a_kit_importing_a_feature() -> None:
    assert _violation("redoffice.kit.db", "redoffice.visits.state")
    assert _violation("redoffice.ui.kit.widgets", "redoffice.ui.visits.visit_dialog")
    assert _violation("redoffice.reports.cases", "redoffice.cases.queries")
    assert _violation("redoffice.kit.exports", "redoffice.reports.lists")
    assert _violation("redoffice.cases.service", "redoffice.kit.db") is None
    assert _violation("redoffice.cases.exports", "redoffice.meetings.drafts")  # not public


def test_every_list_a_feature_exports_is_registered() -> None:
    """A ``ListExport`` declared in a feature's ``exports`` module is offered by the CLI and the
    screens only once :mod:`redoffice.features` registers it."""
    import redoffice.features  # noqa: F401  (registers them)
    from redoffice.kit.exports import ListExport, kinds

    declared = {
        value.kind
        for path in sorted(PACKAGE.glob("*/exports.py"))
        for value in vars(importlib.import_module(_module(path))).values()
        if isinstance(value, ListExport)
    }
    assert declared == set(kinds())
    assert {"residents", "households", "visits", "cases", "resolutions"} <= declared


DATABASE_CALLS = {"read", "uow", "execute", "scalars", "scalar", "scalar_one"}
MODELS = "redoffice.models"
DRIVERS = {"sqlalchemy", "sqlite3", "sqlcipher3", "psycopg", "psycopg2"}


def _database_use(path: Path, tree: ast.AST) -> Iterator[str]:
    """What in a GUI module touches the database itself: SQLAlchemy, a driver or the models
    imported, a unit of work or a read opened on a database, a statement executed."""
    where = path.relative_to(ROOT)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names]
            if isinstance(node, ast.ImportFrom):  # from redoffice import models
                names = [str(node.module), *(f"{node.module}.{name}" for name in names)]
            if bad := [n for n in names if n.split(".")[0] in DRIVERS or n.startswith(MODELS)]:
                yield f"{where}:{node.lineno} imports {bad[0]}"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in DATABASE_CALLS
            and (
                node.func.attr not in {"read", "uow"} or ast.unparse(node.func.value).endswith("db")
            )
        ):
            yield f"{where}:{node.lineno} calls {ast.unparse(node.func)}()"


def test_the_gui_never_touches_the_database_itself() -> None:
    """redoffice/ui calls services on the worker (house rules): no SQLAlchemy, no models, no
    session or statement of its own."""
    found = [
        use
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        for use in _database_use(path, ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not found, "\n".join(found)


def test_the_gui_rule_catches_a_query_in_a_page() -> None:
    page = "\n".join(
        [
            "from sqlalchemy import select",
            "import sqlite3",
            "from redoffice.models import Resident",
            "from redoffice import models",
            "with self.ctx.db.read() as s:",
            "    s.scalars(select(Resident))",
            "with db.uow() as s:",
            "    s.execute(statement)",
            "self.search.selectAll(); ctx.query(job, done, failed); QFile(path).read()",
        ]
    )
    found = list(_database_use(PACKAGE / "ui" / "page.py", ast.parse(page)))
    assert [f.split(" ", 1)[1] for f in found] == [
        "imports sqlalchemy",
        "imports sqlite3",
        "imports redoffice.models",
        "imports redoffice.models",
        "calls self.ctx.db.read()",
        "calls s.scalars()",
        "calls db.uow()",
        "calls s.execute()",
    ]
