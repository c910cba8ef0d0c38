"""The composition root: the features that keep derived data current register their session
hooks with :mod:`redoffice.kit.db` (which imports no feature). Every entry point — the CLI, the
app, the tests, the benchmarks — imports this module before it opens a database; opening one
without it fails at once rather than leaving derived data stale."""

from redoffice.kit.db import register_session_hook
from redoffice.visits import state as visit_state

register_session_hook(visit_state.install)
