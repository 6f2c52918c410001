"""`consortium --version`: the one version, from ``consortium.__version__``.

``pyproject.toml`` reads the same attribute (hatchling's ``[tool.hatch.version]``), so the
wheel's metadata and this line can never disagree, and no ``importlib.metadata`` lookup
(a scan of site-packages) is paid on the way.
"""

from typing import Annotated

import typer


def _print_version(value: bool) -> None:
    if value:
        from consortium import __version__

        typer.echo(f"consortium {__version__}")
        raise typer.Exit(0)


def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version and exit.",
            is_eager=True,
            callback=_print_version,
        ),
    ] = False,
) -> None:
    """Build and check consortia of cluster organisations for EU funding calls."""
