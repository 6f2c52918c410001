"""The `consortium` command: a thin Typer layer over the library.

Start-up matters (it runs in every CI job), so command modules import the library
inside their functions, and nothing here does work at import time. The command modules do
without ``from __future__ import annotations``: Typer reads every command's signature at
each start, and string annotations cost it an ``eval`` each (about 5 ms in all).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any, Final, cast

import typer

from consortium.cli import examples, version
from consortium.cli.output import (
    SIGPIPE_EXIT,
    discard_stdout,
    leave,
    log_safe_streams,
    prepare_streams,
)
from consortium.display.text import shorten
from consortium.files.batch import gc_paused

# name -> "module:attribute" in consortium.cli: a command line imports only its own module.
# Typed on load: a group must be a Typer app and a command a function, or the name fails.
GROUPS: Final[dict[str, str]] = {
    "requests": "requests:app",
    "calls": "calls:app",
    "clusters": "clusters:app",
}
COMMANDS: Final[dict[str, str]] = {
    "check": "check:check",
    "deadlines": "requests:deadlines",
    "validate": "files:validate",
    "schema": "files:schema",
    "rules": "rules:rules",
    "init": "init:init",
    "import": "importing:import_profiles",
    "match": "matching:match",
    "suggest": "matching:suggest",
    "report": "report:report",
}

Command = Callable[..., None]


def _attribute(target: str) -> object:
    module, _, attribute = target.partition(":")
    found: object = getattr(import_module(f"consortium.cli.{module}"), attribute)
    return found


def load_group(target: str) -> typer.Typer:
    """The Typer app ``module:attribute`` names (GROUPS)."""
    found = _attribute(target)
    if not isinstance(found, typer.Typer):
        raise TypeError(f"{target} is not a Typer app")
    return found


def load_command(target: str) -> Command:
    """The command function ``module:attribute`` names (COMMANDS)."""
    found = _attribute(target)
    if not callable(found) or isinstance(found, typer.Typer):
        raise TypeError(f"{target} is not a command function")
    return cast(Command, found)


def make_app(only: str | None = None) -> typer.Typer:
    """The app with every command, or with the one command ``only`` that is about to run.

    Typer reads the signature of every registered command at each start (about 1 ms per
    command); a command line runs one, so only that one is built. Help, completion and an
    unknown name get the whole app.
    """
    built = typer.Typer(
        name="consortium",
        help="Build and check consortia of cluster organisations for EU funding calls.\n\n"
        "consortium help COMMAND shows a command's help.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(version.main_options)  # also keeps a one-command app a group
    for name, group in GROUPS.items():
        if only in (None, name):
            built.add_typer(load_group(group), name=name)
    for name, function in COMMANDS.items():
        if only in (None, name):
            built.command(name)(load_command(function))
    return built


def __getattr__(name: str) -> Any:
    """``consortium.cli.app``: the whole app, built when first asked for (tests, docs)."""
    if name == "app":
        return make_app()
    raise AttributeError(name)


def main() -> None:
    """Entry point: the command's exit code, with the cycle collector paused throughout.

    A command is one short batch (load, check, print, exit); loading creates no cycles
    (tests/test_loading_gc.py), and full collections rescanning a heap of parsed files cost
    a third of listing 10 000 requests while freeing nothing.
    """
    # Pydantic looks for plugins among every installed distribution's entry points when it
    # builds the first model (a scan of site-packages); the tool uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    with gc_paused():
        code = run()
    leave(code)


def run(args: list[str] | None = None) -> int:
    """Run the command line ``args``; every way out is an exit code that means what it says.

    0, 1 and 2 are the verdict's (complete, incomplete, could not check); a usage error or
    an unexpected exception (a bug) is one line and exit 2, never a traceback and never
    exit 1, which reads as "incomplete"; a reader that left early (``| head``) ends the
    command as a shell expects (141) unless the command already had its verdict.
    """
    prepare_streams()
    with log_safe_streams():
        return _run(asking_for_help(sys.argv[1:] if args is None else args))


def _run(args: list[str]) -> int:
    try:
        code = command(args)(args=args, prog_name="consortium", standalone_mode=False)
    except KeyboardInterrupt:
        sys.stderr.write("consortium: interrupted\n")
        return 130
    except BrokenPipeError:
        discard_stdout()
        return SIGPIPE_EXIT
    except Exception as exc:  # the last line of defence: never a traceback, never exit 1
        if _is_usage_error(exc):
            sys.stderr.write(f"{_usage_line(exc)}\n")
        else:
            sys.stderr.write(
                f"consortium: internal error ({type(exc).__name__}: "
                f"{shorten(str(exc), 300)}); please report it\n"
            )
        return 2
    return code if isinstance(code, int) else 0


def asking_for_help(words: list[str]) -> list[str]:
    """``consortium``, ``consortium requests`` and ``consortium help [COMMAND]`` ask for
    help, as with git: the help, exit 0 (Click would exit 2 for a bare group)."""
    if words[:1] == ["help"]:
        return [*words[1:], "--help"]
    if not words or (len(words) == 1 and words[0] in GROUPS):
        return [*words, "--help"]
    return words


def command(args: list[str] | None = None) -> Any:
    """The Click command for ``args`` (the whole app without them), its help free of
    internal type names.

    Typer shows a type beside each option (``<bool>``, ``<list[str]>``, ``<path>``); a
    cluster manager needs none of them: flags show nothing, values a plain word.
    """
    words = sys.argv[1:] if args is None else args
    first = next((w for w in words if not w.startswith("-")), None)
    completing = any(k.endswith("_COMPLETE") for k in os.environ)
    wanted = first if first in COMMANDS or first in GROUPS else None
    built = typer.main.get_command(make_app(None if completing else wanted))
    _plain_help(built)
    examples.attach(built)
    return built


_METAVARS = {"<path>": "PATH", "<dir>": "DIR", "<str>": "TEXT", "<list[str]>": "TEXT"}


def _plain_help(node: Any) -> None:
    for param in getattr(node, "params", []):
        if getattr(param, "param_type_name", "") == "argument":
            param.display_type_rich = lambda ctx: None  # its name says it: PATH, DIR
        elif getattr(param, "is_flag", False):
            param.metavar = ""
        elif param.metavar is None and hasattr(param, "display_type"):
            shown = param.display_type(None)
            param.metavar = _METAVARS.get(shown, shown.strip("<>"))
    original = getattr(node, "get_help_option", None)
    if original is not None:

        def help_option(ctx: Any, original: Any = original) -> Any:
            option = original(ctx)
            if option is not None:
                option.metavar = ""
            return option

        node.get_help_option = help_option
    for child in getattr(node, "commands", {}).values():
        _plain_help(child)


def _is_usage_error(exc: Exception) -> bool:
    """Click's usage errors (vendored by Typer, so matched by shape, not class)."""
    return hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int)


def _usage_line(exc: Exception) -> str:
    """'consortium check: Invalid value for '--today': ... (see --help)': one line."""
    ctx = getattr(exc, "ctx", None)
    command = getattr(ctx, "command_path", None) or "consortium"
    message = _range_message(exc) or exc.format_message()  # type: ignore[attr-defined]
    return f"{shorten(command, 100)}: {shorten(' '.join(message.split()), 400)} (see --help)"


def _range_message(exc: Exception) -> str:
    """'--top must be 1 or more', '--top takes a whole number, not 'x'': an option's value
    in the user's words (Typer says "Input should be greater than or equal to 1")."""
    param = getattr(exc, "param", None)
    said = str(getattr(exc, "message", ""))
    if param is None or not said.startswith("Input should be"):
        return ""
    name = max(getattr(param, "opts", None) or ["the value"], key=len)
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if "greater than" in said or "less than" in said:
        if low is not None and high is not None:
            return f"{name} must be between {low} and {high}"
        if low is not None:
            return f"{name} must be {low} or more"
        if high is not None:
            return f"{name} must be {high} or less"
    for words, wanted in (("valid integer", "a whole number"), ("valid number", "a number")):
        if words in said:
            return f"{name} takes {wanted}"
    return ""
