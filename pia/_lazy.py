"""Lazy re-exports for the package `__init__` modules: a name loads its module on first use.

Keeps `import pia.<capability>` cheap, so `pia --help` never pays for pandas, plotly or great-expectations.
"""
from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def exports(package: str, api: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """`(__getattr__, __dir__, __all__)` for `package`, whose public `api` maps each name to its module."""

    def __getattr__(name: str) -> Any:
        module = api.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(module), name)

    def __dir__() -> list[str]:
        return sorted(api)

    return __getattr__, __dir__, sorted(api)
