"""``python -m aieco``: the same as the ``aieco`` command."""

import sys

from aieco.cli import main

if __name__ == "__main__":
    sys.exit(main())
