"""The report in a real headless Chromium, network off: every plotly figure renders and the console stays clean;
the PDF of `pia report --pdf`: A4, the management part on at most two pages, no blank figure.

Skips when Debian's chromium, chromedriver or poppler-utils is absent, except under CI (env CI set), where that fails.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.system_tools import need

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"
PDFTOPPM = shutil.which("pdftoppm") or "/usr/bin/pdftoppm"
PDFINFO = shutil.which("pdfinfo") or "/usr/bin/pdfinfo"
BLANK = 0.02  # share of coloured pixels under which a figure counts as blank (text pages stay under 1%)
FIGURE_TITLES = ("Risk map (", "High-risk screening", "Data map: data groups", "Dataset checks: failed rows",
                 "Discovery: personal-data columns")


def _need_browser() -> None:
    need(CHROMIUM, CHROMEDRIVER, why="headless browser test")


@pytest.fixture(scope="module")
def report_run(tmp_path_factory) -> Path:
    """`pia report --pdf` on the shipped samples (every section and figure), as a scheduler would run it."""
    need(CHROMIUM, why="the report test (HTML and PDF)")
    out = tmp_path_factory.mktemp("reports")
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "report", "--out", str(out), "--pdf"],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    return out / "2026-06-30-zosi-camera"


@pytest.fixture(scope="module")
def report_html(report_run) -> Path:
    html = report_run / "report.html"
    assert html.exists()
    return html


@pytest.fixture(scope="module")
def report_pdf(report_run) -> Path:
    need(PDFTOTEXT, PDFTOPPM, PDFINFO, why="the PDF test")
    pdf = report_run / "report.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    return pdf


def _pages(pdf: Path) -> list[str]:
    """The text of each page of the PDF."""
    info = subprocess.run([PDFINFO, str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(next(ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages:")))
    return [subprocess.run([PDFTOTEXT, "-f", str(i), "-l", str(i), str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout for i in range(1, count + 1)]


def _title_top(pdf: Path, page: int, title: str) -> float:
    """The top of `title` on a page, in points from the top (pdftotext's word boxes)."""
    import html as html_lib
    import re

    out = subprocess.run([PDFTOTEXT, "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    words = [(float(y), html_lib.unescape(w)) for y, w in
             re.findall(r'<word xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="[^"]+">([^<]*)</word>', out)]
    want = title.split()[:2]
    return next(words[i][0] for i in range(len(words) - 1)
                if all(w.startswith(x) for (_, w), x in zip(words[i:i + 2], want, strict=False)))


def _coloured_share(pdf: Path, page: int, tmp: Path, top: float = 0.0, height: float = 10_000.0) -> float:
    """Share of clearly coloured pixels (not white, grey or black) in a band of a page (points from its top),
    rendered at 40 dpi as PPM by pdftoppm."""
    dpi = 40
    stem = tmp / f"page{page}"
    subprocess.run([PDFTOPPM, "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
                   check=True)
    data = (tmp / f"page{page}.ppm").read_bytes()
    # P6 header: magic, width, height, maxval, each followed by whitespace
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    width, rows = int(fields[1]), int(fields[2])
    pixels = data[pos + 1:]
    first = max(0, int(top * dpi / 72))
    last = min(rows, int((top + height) * dpi / 72))
    band = pixels[first * width * 3:last * width * 3]
    n = len(band) // 3
    coloured = sum(1 for i in range(0, n * 3, 3) if max(band[i:i + 3]) - min(band[i:i + 3]) > 40)
    return coloured / max(n, 1)


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


# --------------------------------------------------------------------------- the PDF (pia report --pdf)


def test_pdf_pages_are_a4(report_pdf):
    info = subprocess.run([PDFINFO, str(report_pdf)], capture_output=True, text=True, check=True).stdout
    size = next(ln for ln in info.splitlines() if ln.startswith("Page size:"))
    width, height = (float(x) for x in size.split()[2:5:2])
    assert (round(width), round(height)) in {(595, 842), (594, 841), (595, 841)}, size


def test_pdf_management_part_prints_on_at_most_two_pages(report_pdf):
    pages = _pages(report_pdf)
    # The appendix starts on a new page (print CSS) with this heading: the pages before it are the management part.
    start = next(i for i, text in enumerate(pages) if "Appendix: the assessment in detail" in text)
    assert 1 <= start <= 2, f"management part takes {start} pages"
    before = "\n".join(pages[:start])
    assert "Executive summary" in pages[0] and "Must users be notified?".upper() in before.upper()
    assert "ACTION PLAN: THE TOP ACTIONS" in before.upper()
    assert "Appendix" not in before and "Risk map" not in before


def test_pdf_no_figure_is_blank(report_pdf, tmp_path):
    pages = _pages(report_pdf)
    for title in FIGURE_TITLES:  # plotly draws the titles in its SVG: a figure that did not render has none
        found = [i for i, text in enumerate(pages, 1) if title in text]
        assert found, f"figure {title!r} is not in the PDF"
        # the 250 points under the title: the figure's drawing area
        share = _coloured_share(report_pdf, found[0], tmp_path, _title_top(report_pdf, found[0], title), 250)
        assert share > BLANK, f"figure {title!r} on page {found[0]} is nearly blank ({share:.2%} coloured)"


def test_pdf_blank_check_can_fail(report_pdf, tmp_path):
    """The colour measure stays under the threshold on pages of text only (tables, the draft notice, provenance)."""
    pages = _pages(report_pdf)
    text_only = [i for i, text in enumerate(pages, 1) if i > 2 and not any(t in text for t in FIGURE_TITLES)]
    assert text_only
    assert max(_coloured_share(report_pdf, i, tmp_path) for i in text_only) < BLANK


def test_management_part_of_the_full_report_shows_no_raw_id(report_html):
    """With the estate's evidence too: names, not ids, in everything before the appendix."""
    import html as html_lib
    import re

    from pia.declare.manifest import load_manifest
    from pia.risk.methods import load_method

    page = report_html.read_text(encoding="utf-8")
    part = page[page.index('<header class="pia-head">'):page.index('id="pia-end-of-management"')]
    text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", part)).split())
    m = load_manifest()
    method = load_method("gbt39335")
    ids = {a.id for a in m.processing_activities} | {e.id for e in m.data_elements} | {r.id for r in m.recipients}
    ids |= {lv.id for lv in method.risk_levels + method.impact_levels + method.likelihood_levels}
    ids |= set(m.measure_catalogue()) | {"illegitimate_access", "unwanted_modification", "gbt39335", "wp248"}
    raw = sorted(i for i in ids if ("_" in i or any(ch.isdigit() for ch in i))
                 and re.search(rf"(?<![\w.]){re.escape(i)}(?![\w])", text))
    assert raw == []
    assert "pia assess" not in text and "does not accept,." not in text


def test_print_media_hides_toolbars_and_keeps_tiles_and_rows_whole(browser):
    _wait_for_figures(browser)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        style = browser.execute_script(
            "const s = (sel, prop) => { const e = document.querySelector(sel); "
            "  return e ? getComputedStyle(e).getPropertyValue(prop) : 'absent'; };"
            "return {modebar: s('.modebar-container', 'display'), kpi: s('.kpi', 'break-inside'),"
            "        row: s('table.pia-table tr', 'break-inside'), figure: s('.pia-figure', 'break-inside'),"
            "        appendix: s('.appendix-start', 'break-before')};")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert style == {"modebar": "none", "kpi": "avoid", "row": "avoid", "figure": "avoid", "appendix": "page"}
