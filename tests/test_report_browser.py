"""Issue 21, point 4: the report read in a real browser. Headless Chromium (Debian's
`chromium`, driven by playwright) opens the bundled example's pages, incomplete and
complete: no console error, no network request, exactly the member countries filled on the
map, the deadlines in order on the timeline, the verdict that `check --format json` gives,
hostile names shown as text; and screenshots at 1280 px and at A4 print size in the test
output folder (pytest's base temporary folder, ``report-screenshots/``).

Skipped, saying why, only where no Chromium is installed (.ci/run installs it)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import EXAMPLE, Cli

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TODAY = ("--today", "2020-11-20")
A4 = {"width": 794, "height": 1123}  # 210 x 297 mm at 96 px per inch
MEMBERS = {
    "consortium": {"FR", "ES", "PT", "AT"},
    "consortium-complete": {"DK", "FR", "ES", "PT", "AT"},
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (.ci/run does)")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.getbasetemp() / "report-screenshots"
    folder.mkdir(exist_ok=True)
    return folder


def open_page(
    browser: Any, path: Path, width: int = 1280, height: int = 900
) -> tuple[Any, list[str]]:
    """The page at ``path`` and what went wrong: console errors, page errors, and every
    request other than the file itself."""
    page = browser.new_page(viewport={"width": width, "height": height})
    wrong: list[str] = []
    page.on(
        "console",
        lambda m: (
            wrong.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None
        ),
    )
    page.on("pageerror", lambda e: wrong.append(f"page error: {e}"))
    url = path.resolve().as_uri()
    page.on("request", lambda r: wrong.append(f"request {r.url}") if r.url != url else None)
    page.goto(url, wait_until="load")
    return page, wrong


@pytest.mark.parametrize("name", list(MEMBERS))
def test_the_example_report_in_chromium(
    cli: Cli, browser: Any, shots: Path, tmp_path: Path, name: str
) -> None:
    consortium = EXAMPLE / f"{name}.yaml"
    target = tmp_path / f"{name}.html"
    assert cli("report", consortium, "-o", target, *TODAY).exit_code == 0
    page, wrong = open_page(browser, target)
    filled = page.eval_on_selector_all(
        "#map g.tile:not([data-state=none])", "els => els.map(e => e.dataset.country)"
    )
    assert set(filled) == MEMBERS[name] and len(filled) == len(MEMBERS[name])
    kinds = page.eval_on_selector_all("#dates li", "els => els.map(e => e.dataset.kind)")
    assert kinds[:3] == ["today", "eoi", "call"]
    xs = page.eval_on_selector_all(
        "#timeline g.event", "els => els.map(e => e.querySelector('circle').getBBox().x)"
    )
    assert xs == sorted(xs) and len(xs) == len(kinds)
    verdict = page.inner_text("#verdict")
    checked = json.loads(cli("check", consortium, "-f", "json", *TODAY).stdout)
    assert page.get_attribute("#verdict", "data-verdict") == checked["verdict"]
    assert verdict.lower().startswith(checked["summary"].lower()), (verdict, checked["summary"])
    box = page.eval_on_selector("#map", "e => e.getBoundingClientRect().width")
    assert box > 300  # the map is drawn, not collapsed
    page.screenshot(path=str(shots / f"{name}-1280.png"), full_page=True)
    page.emulate_media(media="print")
    page.set_viewport_size(A4)
    page.screenshot(path=str(shots / f"{name}-a4.png"), full_page=True)
    page.pdf(path=str(shots / f"{name}.pdf"), format="A4", print_background=True)
    assert (shots / f"{name}-a4.png").stat().st_size > 10_000
    page.close()
    assert wrong == []


def test_hostile_names_render_as_text(cli: Cli, browser: Any, tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    name = "<script>alert('x')</script></svg>\"q'"
    for path in (root / "clusters").glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        data["name"] = name
        path.write_text(yaml.safe_dump(data))
    target = tmp_path / "hostile.html"
    assert cli("report", root / "consortium.yaml", "-o", target, *TODAY).exit_code == 0
    page, wrong = open_page(browser, target)
    assert page.eval_on_selector_all("script", "els => els.length") == 0
    assert name in page.inner_text("#members")
    assert page.eval_on_selector_all("#map g.tile", "els => els.length") > 40
    page.close()
    assert wrong == []
