"""`python -m unblame.cli`: the same as the `unblame` console script."""

import sys

from . import main

sys.exit(main())
