import sys

from redoffice.cli import main

sys.exit(main())
