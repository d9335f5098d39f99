"""Exits 0 when every pinned requirement (`name==version` lines) is installed at its pin, 1 otherwise.

Used by scripts/setup-python to stay idempotent: a ready environment is not touched again.
"""

import sys
from importlib import metadata


def missing(path):
    """The pins in the requirements file at `path` that are not installed as pinned."""
    wrong = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name, _, version = line.partition("==")
            try:
                installed = metadata.version(name)
            except metadata.PackageNotFoundError:
                installed = None
            if installed != version:
                wrong.append(f"{name}=={version} (installed: {installed or 'none'})")
    return wrong


if __name__ == "__main__":
    problems = missing(sys.argv[1])
    for problem in problems:
        print(f"not installed as pinned: {problem}", file=sys.stderr)
    sys.exit(1 if problems else 0)
