"""`python -m unblame.cli`: the same as the `unblame` console script."""

import sys

from . import main

# Guarded: where worker processes are spawned rather than forked (macOS,
# Windows), each one imports this module again, and must not run the command.
if __name__ == "__main__":
    sys.exit(main())
