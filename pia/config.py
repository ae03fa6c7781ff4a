"""Every path the kit knows: project root, shipped samples, package data and reports.

Nothing else in the kit builds paths from strings relative to a notebook or the working directory.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGE_DATA = PACKAGE_DIR / "data"

# The project checkout (pyproject.toml beside pia/). PIA_HOME overrides it, e.g. for an installed kit.
PROJECT_ROOT = Path(os.environ.get("PIA_HOME", PACKAGE_DIR.parent)).resolve()
DATA_SAMPLES = PROJECT_ROOT / "data_samples"
NOTEBOOKS = PROJECT_ROOT / "notebooks"
REPORTS = PROJECT_ROOT / "reports"  # the checkout's reports/ (kept for scripts that name it)

REFERENCE_MANIFEST = DATA_SAMPLES / "zosi-camera.pia.yaml"
PROPOSED_MANIFEST = DATA_SAMPLES / "zosi-camera.proposed.pia.yaml"
SAMPLE_ESTATE = DATA_SAMPLES / "estate"
REPORT_PARAMS = DATA_SAMPLES / "report-params.yaml"
REPORT_NOTEBOOK = NOTEBOOKS / "assessment_report.ipynb"

TAXONOMY_FILE = PACKAGE_DATA / "taxonomy.yaml"
METHODS_DIR = PACKAGE_DATA / "methods"


def is_reference(manifest: str | os.PathLike[str] | None) -> bool:
    """Whether `manifest` is the shipped reference manifest (None: the default, so yes)."""
    return manifest is None or Path(manifest).resolve() == REFERENCE_MANIFEST.resolve()


def reports_dir() -> Path:
    """Where `pia report` writes when not told otherwise: `reports/` of the working directory.

    Analysts run the kit from their own service's folder; writing into the kit's checkout would mix services.
    """
    return Path.cwd() / "reports"


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as the user should read it in messages: relative to the working directory if inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, RuntimeError, OSError):  # outside the cwd; a symlink loop (3.11 raises RuntimeError)
        return str(p)
