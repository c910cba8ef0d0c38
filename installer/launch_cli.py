"""Entry point of the frozen ``redoffice-cli``, built by installer/redoffice.spec."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from redoffice.cli import main

    sys.exit(main())
