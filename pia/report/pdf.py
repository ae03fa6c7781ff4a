"""The report as PDF: the written HTML printed by headless Chromium (A4, the report's print CSS), offline.

Chromium runs with a fresh profile in a private temporary directory, no network services and no sandbox (it
runs inside containers and CI runners where the sandbox cannot start); the PDF is written whole or not at all.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pia.errors import PiaError

# The printable width of A4 with the report's 12 mm margins, in CSS pixels. Plotly draws the figures when the page
# loads, in the screen layout: the window is as wide as the paper's text block plus the screen layout's padding
# around a figure (main 28 px, figure frame 5 px, each side), so that figures come out exactly as wide as the paper.
PRINT_WIDTH_PX = 703
WINDOW_WIDTH_PX = PRINT_WIDTH_PX + 2 * 28 + 2 * 5
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class PdfError(PiaError):
    """The PDF could not be made (no Chromium, or it failed); the HTML report is unaffected."""


def find_chromium() -> str | None:
    """The Chromium executable: `PIA_CHROMIUM` if set, else the first of CHROMIUM_NAMES on PATH."""
    given = os.environ.get("PIA_CHROMIUM")
    if given:
        return given if Path(given).exists() or shutil.which(given) else None
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


def html_to_pdf(html: Path, pdf: Path, timeout: float = 120.0) -> Path:
    """Print `html` to `pdf` with headless Chromium.

    Parameters
    ----------
    html
        The report page (self-contained: it loads nothing from the network).
    pdf
        Where the PDF goes; replaced atomically.
    timeout
        Seconds before Chromium is stopped.

    Returns
    -------
    Path
        `pdf`.

    Raises
    ------
    PdfError
        Chromium is not installed, exits with an error, or writes no PDF.
    """
    exe = find_chromium()
    if exe is None:
        raise PdfError("no Chromium found for --pdf (install Debian's chromium, or set PIA_CHROMIUM)")
    private = Path(tempfile.mkdtemp(prefix="pia-pdf-"))
    out = private / "report.pdf"
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
           f"--user-data-dir={private / 'profile'}", f"--window-size={WINDOW_WIDTH_PX},1000",
           # time for plotly to draw every figure before printing (virtual time: no real wait when idle)
           "--virtual-time-budget=20000", "--run-all-compositor-stages-before-draw",
           "--no-pdf-header-footer", f"--print-to-pdf={out}", Path(html).resolve().as_uri()]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        if proc.returncode != 0 or not out.exists() or out.stat().st_size == 0:
            detail = (proc.stderr or "").strip().splitlines()[-1:] or [f"exit status {proc.returncode}"]
            raise PdfError(f"Chromium could not print the report: {detail[0]}")
        pdf.parent.mkdir(parents=True, exist_ok=True)
        tmp = pdf.with_name(f".{pdf.name}.tmp")
        shutil.copyfile(out, tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, pdf)
        return pdf
    except subprocess.TimeoutExpired:
        raise PdfError(f"Chromium did not finish printing within {timeout:.0f} s") from None
    finally:
        shutil.rmtree(private, ignore_errors=True)


__all__ = ["CHROMIUM_NAMES", "PRINT_WIDTH_PX", "WINDOW_WIDTH_PX", "PdfError", "find_chromium", "html_to_pdf"]
