"""`python -m vnstats …` works as `vnstats …`."""

import sys

from vnstats.cli import main

sys.exit(main())
