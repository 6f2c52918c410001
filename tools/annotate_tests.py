"""Add the type hints `mypy --strict` wants to test files, mechanically.

Tests are type-checked like the package (pyproject's `[tool.mypy]` covers `tests/`), and most of
what a new test file lacks is the same few things: `-> None` on each `test_*` function and the
types of fixture parameters, which follow from the fixture's name. This script writes those, so
a person only types what needs thought:

- `-> None` on every `test_*` function without a return annotation;
- a fixture parameter by its name: pytest's own (`tmp_path`, `monkeypatch`, `capsys`...),
  pytest-httpserver's `httpserver`, and the shared fixtures of tests/conftest.py (`cli`,
  `write`...) from the table below; a fixture defined in the same file, by its declared return
  type (an `Iterator[X]` fixture gives `X`);
- the same names in a helper a test hands its fixtures to (`def _ids(cli, *args)`), except
  `request`, which is often something else in a helper;
- a `@pytest.mark.parametrize` parameter whose values are written out as literals (`str`,
  `int`, `bool`, `float`, `None`, tuples and lists of these): their type.

It adds the imports those names need, prints what it left for a person (file:line name), and
changes nothing else. Run it, then the formatter and mypy, from the repository root:

    .venv/bin/python tools/annotate_tests.py tests/test_new.py   # or no argument: all of tests/
    .venv/bin/ruff check --fix . && .venv/bin/ruff format . && .venv/bin/mypy

Re-running it is harmless: annotated parameters and functions are left as they are.
"""

from __future__ import annotations

import ast
import io
import sys
import tokenize
from pathlib import Path

# Fixture name -> (annotation, the import line that makes it available).
KNOWN_FIXTURES: dict[str, tuple[str, str]] = {
    "tmp_path": ("Path", "from pathlib import Path"),
    "monkeypatch": ("pytest.MonkeyPatch", "import pytest"),
    "capsys": ("pytest.CaptureFixture[str]", "import pytest"),
    "capfd": ("pytest.CaptureFixture[str]", "import pytest"),
    "caplog": ("pytest.LogCaptureFixture", "import pytest"),
    "tmp_path_factory": ("pytest.TempPathFactory", "import pytest"),
    "request": ("pytest.FixtureRequest", "import pytest"),
    "httpserver": ("HTTPServer", "from pytest_httpserver import HTTPServer"),
    # tests/conftest.py
    "cli": ("Cli", "from tests.conftest import Cli"),
    "write": ("Write", "from tests.conftest import Write"),
    "seed_text": ("Path", "from pathlib import Path"),
    "precommit_home": ("Path", "from pathlib import Path"),
    "hooks_repo": ("Path", "from pathlib import Path"),
}

# Fixtures that tests pass on to their helpers under the same name: a helper's parameter so
# named is that fixture too (`def _ids(cli, *args)`).
PASSED_ON = {"cli", "write", "tmp_path", "monkeypatch", "httpserver", "capsys", "tmp_path_factory"}

Edit = tuple[int, int, str]  # (line, column, text to insert there)


def _is_fixture(node: ast.FunctionDef) -> bool:
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if ast.unparse(target) in ("pytest.fixture", "fixture"):
            return True
    return False


def _local_fixtures(tree: ast.Module, source: str) -> dict[str, str]:
    """Fixtures defined in this file with a declared return type: name -> the type a test
    receives (a generator fixture's yielded type)."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and _is_fixture(node) and node.returns:
            returns = node.returns
            if isinstance(returns, ast.Subscript) and ast.unparse(returns.value).split(".")[-1] in (
                "Iterator",
                "Generator",
            ):
                inner = returns.slice
                if isinstance(inner, ast.Tuple):
                    inner = inner.elts[0]
                found[node.name] = ast.get_source_segment(source, inner) or ast.unparse(inner)
            else:
                found[node.name] = ast.get_source_segment(source, returns) or ast.unparse(returns)
    return found


def _literal_type(node: ast.expr) -> str | None:
    """The type of a literal expression (`"x"`, `2`, `None`, `("a", 1)`, `["a"]`), or None."""
    if isinstance(node, ast.Tuple):
        parts = [_literal_type(item) for item in node.elts]
        if not parts or None in parts:
            return None
        return f"tuple[{', '.join(p for p in parts if p)}]"
    if isinstance(node, ast.List):
        inner = _union([_literal_type(item) for item in node.elts])
        return f"list[{inner}]" if inner else None
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return None
    if value is None:
        return "None"
    if isinstance(value, bool | int | float | str | bytes):
        return type(value).__name__
    return None


def _union(types: list[str | None]) -> str | None:
    if not types or None in types:
        return None
    ordered = sorted({t for t in types if t}, key=lambda t: (t == "None", t))
    if len(ordered) > 1 and any("[" in t for t in ordered):
        return None  # containers of differing shapes: for a person
    return " | ".join(ordered)


def _parametrized(node: ast.FunctionDef) -> dict[str, str]:
    """Parameter name -> type, for `@pytest.mark.parametrize` whose values are written out
    as literals (values computed from other names are left for a person)."""
    found: dict[str, str] = {}
    for decorator in node.decorator_list:
        if not (
            isinstance(decorator, ast.Call)
            and ast.unparse(decorator.func).endswith("mark.parametrize")
            and len(decorator.args) >= 2
            and isinstance(decorator.args[1], ast.List | ast.Tuple)
        ):
            continue
        try:
            names = ast.literal_eval(decorator.args[0])
        except ValueError:
            continue
        if isinstance(names, str):
            names = [n.strip() for n in names.split(",") if n.strip()]
        names = list(names)
        rows = decorator.args[1].elts
        if not rows:
            continue
        if len(names) == 1:
            found[names[0]] = _union([_literal_type(row) for row in rows]) or ""
            continue
        for index, name in enumerate(names):
            column = [
                _literal_type(row.elts[index])
                if isinstance(row, ast.Tuple | ast.List) and len(row.elts) == len(names)
                else None
                for row in rows
            ]
            found[name] = _union(column) or ""
    return found  # "" for a parameter whose values are not all literals


def _given(node: ast.FunctionDef) -> set[str]:
    """Parameters Hypothesis supplies (`@given(name=strategy)`): never fixtures."""
    names: set[str] = set()
    for decorator in node.decorator_list:
        if isinstance(decorator, ast.Call) and ast.unparse(decorator.func).endswith("given"):
            names.update(k.arg for k in decorator.keywords if k.arg)
    return names


def _header_end(source_lines: list[str], node: ast.FunctionDef) -> tuple[int, int]:
    """Position (line, column) just after the `)` closing the parameter list of `node`."""
    start = node.lineno
    text = "".join(source_lines[start - 1 :])
    depth = 0
    seen_def = False
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.NAME and token.string == "def":
            seen_def = True
        if not seen_def or token.type != tokenize.OP:
            continue
        if token.string == "(":
            depth += 1
        elif token.string == ")":
            depth -= 1
            if depth == 0:
                return token.end[0] + start - 1, token.end[1]
    raise ValueError(f"no parameter list for {node.name} at line {start}")


def annotate(path: Path) -> tuple[str, list[str]]:
    """The annotated text of `path`, and what was left for a person (`file:line name`)."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    local = _local_fixtures(tree, source)
    edits: list[Edit] = []
    imports: set[str] = set()
    left: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        is_test = node.name.startswith("test_")
        takes_fixtures = is_test or _is_fixture(node)
        by_parameter = _parametrized(node) if is_test else {}
        supplied = set(by_parameter) | _given(node)
        params = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
        for arg in params:
            if arg.annotation is not None or arg.arg in ("self", "cls"):
                continue
            kind: str | None = None
            if arg.arg in supplied:
                kind = by_parameter.get(arg.arg) or None
            elif takes_fixtures and arg.arg in local:
                kind = local[arg.arg]
            elif arg.arg in KNOWN_FIXTURES and (takes_fixtures or arg.arg in PASSED_ON):
                kind, needed = KNOWN_FIXTURES[arg.arg]
                imports.add(needed)
            if kind is None:
                left.append(f"{path}:{arg.lineno} {node.name}({arg.arg})")
                continue
            assert arg.end_lineno is not None and arg.end_col_offset is not None
            edits.append((arg.end_lineno, arg.end_col_offset, f": {kind}"))
        for extra in (node.args.vararg, node.args.kwarg):
            if extra is not None and extra.annotation is None:
                left.append(f"{path}:{extra.lineno} {node.name}(*{extra.arg})")
        if node.returns is None:
            if is_test:
                line, column = _header_end(lines, node)
                edits.append((line, column, " -> None"))
            else:
                left.append(f"{path}:{node.lineno} {node.name}() -> ?")
    if not edits:
        return source, left
    for line, column, text in sorted(edits, reverse=True):
        # ast columns count UTF-8 bytes; convert to characters on that line.
        raw = lines[line - 1].encode("utf-8")
        at = len(raw[:column].decode("utf-8"))
        lines[line - 1] = lines[line - 1][:at] + text + lines[line - 1][at:]
    text = "".join(lines)
    missing = sorted(line for line in imports if line not in source)
    if missing:
        text = _add_imports(text, missing)
    return text, left


def _add_imports(text: str, missing: list[str]) -> str:
    """Insert import lines after the module's last top-level import (ruff's isort sorts)."""
    tree = ast.parse(text)
    last = 0
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            last = node.end_lineno or node.lineno
        elif last:
            break
    if last == 0:  # no imports: after the docstring
        first = tree.body[0] if tree.body else None
        is_doc = (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        )
        last = (first.end_lineno or 0) if first is not None and is_doc else 0
    lines = text.splitlines(keepends=True)
    block = "".join(f"{line}\n" for line in missing)
    return "".join(lines[:last]) + block + "".join(lines[last:])


def main(argv: list[str]) -> int:
    targets = [Path(a) for a in argv] or sorted(Path("tests").glob("*.py"))
    changed = 0
    for path in targets:
        before = path.read_text(encoding="utf-8")
        after, left = annotate(path)
        if after != before:
            path.write_text(after, encoding="utf-8")
            changed += 1
        for item in left:
            print(f"left for a person: {item}")
    print(f"{changed} file(s) annotated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
