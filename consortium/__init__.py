"""consortium: build and check consortia of cluster organisations for EU funding calls.

The package is a library first (``consortium.files.loading``, ``consortium.check.runner``); the
``consortium`` command in ``consortium.cli`` is a thin layer over it.
"""

__version__ = "0.1.0"  # released as the git tag v0.1.0 (README, "Releasing")
# Where the project (its action, hooks and docs) lives: SARIF help links and `init` name it.
HOME = "https://github.com/consortium-eu/consortium"
