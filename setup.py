"""Build hook: compile the message catalogs (`pia/locale/*/LC_MESSAGES/pia.po` -> `.mo`) with Babel in build_py.

The metadata lives in pyproject.toml; this file only adds the compile step, so that a wheel or an editable
install always ships `.mo` files that match the `.po` files, even when the committed ones are stale.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _catalogs():  # noqa: ANN202 - pia/catalogs.py by path: the package's dependencies are not installed yet
    spec = importlib.util.spec_from_file_location("pia_catalogs_build", HERE / "pia" / "catalogs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithCatalogs(build_py):
    """build_py that compiles the catalogs into the source tree first (so editable and wheel builds both get them)."""

    def run(self) -> None:
        """Compile, then copy the package (the `.mo` files are package data)."""
        for mo in _catalogs().compile_catalogs(HERE / "pia" / "locale"):
            self.announce(f"compiled {mo.relative_to(HERE)}", level=2)
        super().run()


setup(cmdclass={"build_py": BuildPyWithCatalogs})
