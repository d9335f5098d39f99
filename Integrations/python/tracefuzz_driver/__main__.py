"""`python -m tracefuzz_driver [--python-executor module:Class] [--python-tracer module:factory]`."""

import sys

from .driver import main

if __name__ == "__main__":
    sys.exit(main())
