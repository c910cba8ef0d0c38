"""The composition root: the features that keep derived data current register their session
hooks with :mod:`redoffice.kit.db`, and the lists they export to Excel with
:mod:`redoffice.kit.exports` (the kit imports no feature). Every entry point — the CLI, the app,
the tests, the benchmarks — imports this module before it opens a database; opening one without
it fails at once rather than leaving derived data stale."""

from redoffice.cases import exports as case_exports
from redoffice.kit.db import register_session_hook
from redoffice.kit.exports import register_export
from redoffice.meetings import exports as meeting_exports
from redoffice.registry import exports as registry_exports
from redoffice.visits import exports as visit_exports
from redoffice.visits import state as visit_state

register_session_hook(visit_state.install)
for export in (
    registry_exports.RESIDENTS,
    registry_exports.HOUSEHOLDS,
    visit_exports.VISITS,
    case_exports.CASES,
    meeting_exports.RESOLUTIONS,
):
    register_export(export)
