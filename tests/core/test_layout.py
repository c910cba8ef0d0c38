"""The layout by feature, enforced (docs/architecture and decision 0011):

- ``redoffice.kit`` imports no feature, no report and no UI;
- ``redoffice.models`` imports only the kit; ``redoffice.reports`` only the kit (plain data in,
  bytes out);
- a feature imports the kit, the models, the reports and other features' public modules only —
  those its package lists in ``__all__``;
- ``redoffice.ui.kit`` imports no UI feature; ``redoffice.ui.<feature>`` imports ``ui.kit``, all
  of its own feature, and other features' and UI features' public modules only (their ``__all__``);
- nothing outside ``redoffice.ui`` imports Qt (tests/core/test_cli.py checks this at run time).
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
        "ui-kit": {"kit", "models", "feature", "reports"},
        "ui-feature": {"kit", "models", "feature", "reports", "ui-kit", "ui-feature"},
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
