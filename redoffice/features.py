"""The composition root: the features that keep derived data current register their session
hooks with :mod:`redoffice.kit.db`, and the lists they export to Excel with
:mod:`redoffice.kit.exports` (the kit imports no feature). Every entry point — the CLI, the app,
the tests, the benchmarks — imports this module before it opens a database; opening one without
it fails at once rather than leaving derived data stale."""

from functools import partial

from redoffice.accounts import guard as account_guard
from redoffice.accounts.permissions import Permission, permits
from redoffice.kit.db import register_session_hook
from redoffice.kit.exports import guard_unmasked, register_exports
from redoffice.kit.restoring import after_restore, guard_restore
from redoffice.registry import access, erasure_replay
from redoffice.sync import conflicts as sync_conflicts
from redoffice.visits import state as visit_state

register_session_hook(visit_state.install)
register_session_hook(sync_conflicts.install)  # the base of a local edit of another's row
register_session_hook(account_guard.install)  # a logged-in person's role and grids
guard_unmasked(access.may_export_unmasked)  # full ID numbers and phones: allowed roles only
after_restore(erasure_replay.erase_again)  # a restore never brings an erased person back
guard_restore(partial(permits, permission=Permission.MANAGE_SETTINGS))  # 从备份恢复…: 书记/管理员
for module, names in (  # imported when a list is first exported (ReportLab, openpyxl: 0.3 s)
    ("redoffice.registry.exports", ("RESIDENTS", "HOUSEHOLDS")),
    ("redoffice.visits.exports", ("VISITS",)),
    ("redoffice.cases.exports", ("CASES",)),
    ("redoffice.meetings.exports", ("RESOLUTIONS",)),
):
    register_exports(module, names)
