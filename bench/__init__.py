"""``make bench``'s parts (``python -m bench.run``).

Importing the package first compiles ``redoffice/`` to bytecode, as an installed RedOffice has
it (pip compiles at install, PyInstaller ships bytecode): on a machine with
``PYTHONDONTWRITEBYTECODE`` set, every start measured would otherwise compile the modules it
imports from source (decision 0032). Up to date, it is a ``stat`` per file."""

import compileall
from pathlib import Path

compileall.compile_dir(Path(__file__).resolve().parents[1] / "redoffice", quiet=1)
