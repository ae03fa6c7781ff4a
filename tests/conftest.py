"""Shared fixtures: the reference manifest as text and data, and a helper to write variants of it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings

from pia.config import REFERENCE_MANIFEST

# Property tests judge the code, not the machine: on a loaded 2-core CI machine data generation and examples can be
# slow, which Hypothesis would report as a failure (deadline, too_slow health check). Tests that set their own
# @settings inherit these for what they leave unset.
settings.register_profile("pia", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("pia")

# GX runs in-process in tests (and in the CLI processes they start): a worker process per CLI call costs seconds
# of import on a 2-core machine. The worker's own tests switch it on with monkeypatch.
os.environ.setdefault("PIA_GX_WORKER", "0")


@pytest.fixture(autouse=True)
def _english_unless_a_test_says_otherwise():
    """Each test starts in English: a CLI run in-process (`main([..., "--lang", "zh"])`) sets the language for the
    rest of the process, which made later tests' English assertions depend on the order the tests ran in."""
    from pia.i18n import use_language
    with use_language("en"):
        yield


@pytest.fixture(scope="session")
def reference_text() -> str:
    return REFERENCE_MANIFEST.read_text(encoding="utf-8")


@pytest.fixture()
def reference_data(reference_text: str) -> dict:
    return yaml.safe_load(reference_text)


@pytest.fixture()
def ref(reference_data: dict) -> dict:
    """The reference manifest as plain data, a fresh copy per test (for planting changes)."""
    return reference_data


@pytest.fixture()
def write_manifest(tmp_path: Path):
    """Write a manifest (dict or YAML text) to a temporary file and return its path."""

    def _write(content: dict | str, name: str = "manifest.yaml") -> Path:
        path = tmp_path / name
        text = content if isinstance(content, str) else yaml.safe_dump(content, sort_keys=False, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write
