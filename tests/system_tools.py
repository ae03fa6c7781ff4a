"""System binaries some tests need (Chromium, poppler, fonts): skipped locally without them, a failure in CI."""
from __future__ import annotations

import os
from pathlib import Path

import pytest


def need(*paths: str, why: str, packages: str = "chromium chromium-driver poppler-utils fonts-wqy-microhei") -> None:
    """Skip (or, under CI, fail) when one of `paths` is missing, naming the Debian packages that provide them."""
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        message = f"{why} needs {', '.join(missing)} (apt-get install {packages})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
