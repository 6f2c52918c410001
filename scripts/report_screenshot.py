"""Make the README's picture of the report: the bundled example's page as of 20 Nov 2020,
rendered by headless Chromium (Debian's `chromium`, driven by playwright).

Run from a checkout with the test extras installed: ``python scripts/report_screenshot.py``.
Writes docs/report-example.png (the top of the page at 1280 px wide: verdict, call,
members, map); nothing is drawn by hand.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cos-cluster-2020" / "consortium.yaml"
TARGET = ROOT / "docs" / "report-example.png"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temp:
        page_file = Path(temp) / "report.html"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "consortium",
                "report",
                EXAMPLE.name,
                "-o",
                str(page_file),
                "--today",
                "2020-11-20",
            ],
            check=True,
            cwd=EXAMPLE.parent,
        )
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1500})
            page.goto(page_file.as_uri())
            page.screenshot(path=str(TARGET), full_page=False)
            browser.close()
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
