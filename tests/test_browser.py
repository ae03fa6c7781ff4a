"""The report in a real headless Chromium, network off: every plotly figure renders and the console stays clean.

Skips when Debian's chromium or chromedriver is absent, except under CI (env CI set), where that fails.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _need_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if missing:
        message = f"headless browser test needs {', '.join(missing)} (apt-get install chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def report_html(tmp_path_factory) -> Path:
    """`pia report` on the shipped samples (every section and figure), as a scheduler would run it."""
    _need_browser()
    out = tmp_path_factory.mktemp("reports")
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "report", "--out", str(out)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    html = out / "2026-06-30-zosi-camera" / "report.html"
    assert html.exists()
    return html


@pytest.fixture(scope="module")
def browser(report_html):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--window-size=1280,1600"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        driver.get(report_html.as_uri())
        yield driver
    finally:
        driver.quit()


def _wait_for_figures(driver) -> tuple[int, int]:
    from selenium.webdriver.support.ui import WebDriverWait

    script = ("const divs = [...document.querySelectorAll('.plotly-graph-div')];"
              "return [divs.length, divs.filter(d => d.querySelector('svg.main-svg')).length];")
    def all_rendered(d) -> bool:
        total, rendered = d.execute_script(script)
        return total > 0 and total == rendered

    WebDriverWait(driver, 30).until(all_rendered)
    return tuple(driver.execute_script(script))


def test_every_plotly_figure_rendered_an_svg(browser):
    figures, rendered = _wait_for_figures(browser)
    assert figures == 5  # risk map, screening, data map, validation, discovery
    assert rendered == figures


def test_console_has_no_errors(browser):
    _wait_for_figures(browser)
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert errors == []


def test_nothing_was_requested_from_the_network(browser):
    _wait_for_figures(browser)
    urls = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert [u for u in urls if u.startswith(("http:", "https:"))] == []


def test_first_screen_is_the_executive_summary(browser):
    _wait_for_figures(browser)
    first = browser.execute_script(
        "return [...document.querySelectorAll('h1, h2')].slice(0, 2).map(h => h.textContent.trim())")
    assert first[1] == "Executive summary"
    verdict_top = browser.execute_script("return document.querySelector('.verdict').getBoundingClientRect().top")
    assert verdict_top < 600  # visible without scrolling in a 1280x1600 window
