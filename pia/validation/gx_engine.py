"""great-expectations (GX 1.x) as the engine of record: one suite per check, run over its prepared frame.

Quiet and offline: an ephemeral context, progress bars and analytics off, no Data Docs. GX is imported
only here, and can be imported early in a background thread while pandas reads the data.
"""
from __future__ import annotations

import copy
import importlib
import importlib.util
import os
import sys
import threading
import types
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pia.validation.checks import Check
from pia.errors import PiaError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

SAMPLE_LIMIT = 5
SUITE_PREFIX = "pia."


class EngineError(PiaError):
    """GX could not evaluate an expectation: a defect of the kit, never a finding about the data."""


@dataclass(frozen=True)
class EngineResult:
    """What GX decided for one check."""

    success: bool
    failed_rows: int  # sum of unexpected counts (the expectations of a check find disjoint rows)
    rows_in_scope: int  # rows of the prepared frame
    sample_rows: tuple[int, ...]  # row positions of some failing rows, ascending


_import_lock = threading.Lock()
_import_thread: threading.Thread | None = None


def _quiet_environment() -> None:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")


# jsonschema (imported by GX through altair) loads this optional package, if installed, to check the
# "iri" string format; building its grammar costs seconds. GX never checks that format, so a lean import
# hides it while GX is imported (jsonschema then skips only those two format checkers).
_SLOW_OPTIONAL_MODULES = ("rfc3987_syntax",)


# GX imports scipy.stats at the top of a few distribution expectations and metrics (KL divergence, KS
# tests) that the catalogue never uses; it is the single slowest part of the GX import. A lean import
# registers it as a lazy module (importlib.util.LazyLoader): it is loaded in full on first attribute use.
_LAZY_MODULES = ("scipy.stats",)


def _import_lazily(name: str) -> None:
    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:  # `from parent import child` then finds it without going through the import system
        setattr(sys.modules[parent], child, module)


# altair (charts) is imported at the top of GX's KL-divergence expectation and used only in its
# renderers; a lean import puts a stand-in in its place that imports the real package on first use.
_DEFERRED_MODULES = ("altair",)


class _Deferred(types.ModuleType):
    """Stands for a module until one of its attributes is used, then imports it and passes through."""

    def __getattr__(self, attr: str) -> Any:
        real = self.__dict__.get("_pia_real")
        if real is None:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
            self.__dict__["_pia_real"] = real
        return getattr(real, attr)


def _defer(name: str) -> None:
    if name not in sys.modules and importlib.util.find_spec(name) is not None:
        sys.modules[name] = _Deferred(name)


# GX imports pyspark and SQLAlchemy, when installed, for its Spark and SQL data sources (about 1.5 s together).
# A process that only ever runs GX's pandas engine (the local engine's worker) hides them: GX then treats them
# as not installed. Never in a process that may validate on Spark or in a database afterwards.
_NON_PANDAS_ENGINES = ("pyspark", "sqlalchemy")


def _import_gx(lean: bool = True, pandas_only: bool = False) -> None:
    _quiet_environment()
    hidden = []
    optional = [*(_SLOW_OPTIONAL_MODULES if lean and "jsonschema" not in sys.modules else ()),
                *(_NON_PANDAS_ENGINES if pandas_only else ())]
    if optional:
        for name in optional:
            if name not in sys.modules:
                sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` raise ImportError
                hidden.append(name)
    if lean:
        for name in _LAZY_MODULES:
            _import_lazily(name)
        for name in _DEFERRED_MODULES:
            _defer(name)
    try:
        importlib.import_module("great_expectations")
        importlib.import_module("great_expectations.expectations")
    except Exception:  # noqa: BLE001, S110 - the foreground import reports it
        pass
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


def import_in_thread(lean: bool = True) -> None:
    """Start importing great_expectations in a daemon thread of this process; idempotent."""
    global _import_thread
    with _import_lock:
        if _import_thread is None and "great_expectations.expectations" not in sys.modules:
            _import_thread = threading.Thread(target=_import_gx, args=(lean,), name="pia-gx-import", daemon=True)
            _import_thread.start()


def importing() -> bool:
    """Whether the background import of `import_in_thread` is still running."""
    return _import_thread is not None and _import_thread.is_alive()


def _gx():
    if _import_thread is not None:
        _import_thread.join()
    elif "great_expectations.expectations" not in sys.modules:
        _import_gx()
    import great_expectations as gx

    return gx


def _class_name(expectation_type: str) -> str:
    return "".join(part.capitalize() for part in expectation_type.split("_"))


class GxEngine:
    """Builds GX suites from the catalogue and validates prepared frames with them."""

    def __init__(self, settings: dict[str, Any]):
        """`settings` resolves the `$name` placeholders of the catalogue (minor_age, recipients, ...)."""
        gx = _gx()
        import great_expectations.expectations as gxe
        from great_expectations.data_context.types.base import (
            DataContextConfig,
            InMemoryStoreBackendDefaults,
            ProgressBarsConfig,
        )

        self._gx = gx
        self._gxe = gxe
        self.settings = settings
        # In-memory stores only, and no Data Docs site (GX's default ephemeral config makes a temp one).
        config = DataContextConfig(store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
                                   analytics_enabled=False)
        self.context = gx.get_context(mode="ephemeral", project_config=config)
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        self._source = self.context.data_sources.add_pandas("pia")
        self._batch = self._source.add_dataframe_asset("prepared_frame").add_batch_definition_whole_dataframe("whole")

    # ------------------------------------------------------------------ suites
    def suite(self, check: Check):
        """The GX ExpectationSuite of `check` (settings filled in; meta carries id and clause)."""
        suite = self._gx.ExpectationSuite(name=SUITE_PREFIX + check.id,
                                          meta={"pia_check": check.id, "clause": check.clause,
                                                "dataset": check.dataset, "description": check.description,
                                                "prepared_frame": check.frame})
        for n, exp in enumerate(check.expectations):
            cls = getattr(self._gxe, _class_name(exp.type))
            suite.add_expectation(cls(**exp.resolve(self.settings),
                                      meta={"pia_check": check.id, "part": n}))
        return suite

    def suite_json(self, check: Check) -> dict[str, Any]:
        """The suite as GX JSON, without GX's random ids (so exports are reproducible)."""
        data = copy.deepcopy(self.suite(check).to_json_dict())
        data.pop("id", None)
        for exp in data.get("expectations", []):
            exp.pop("id", None)
        return data

    # ------------------------------------------------------------------ running
    def run(self, check: Check, frame: pd.DataFrame, sample_limit: int = SAMPLE_LIMIT) -> EngineResult:
        """Validate `frame` (index = dataset row positions) with the suite of `check`."""
        result_format = {"result_format": "SUMMARY", "partial_unexpected_count": max(sample_limit, 1),
                         "include_unexpected_rows": False}
        name = SUITE_PREFIX + check.id
        suite = self.context.suites.add(self.suite(check))
        validation = self.context.validation_definitions.add(
            self._gx.ValidationDefinition(name=name, data=self._batch, suite=suite))
        # GX fingerprints every pandas batch under 1 GB (MD5 over pandas' hash of every value) for its batch
        # markers, which the kit never reads: a quarter of GX's time on the kit's frames (measured at 100k users).
        # Off for the kit's own runs only: a user's GX in the same kernel keeps its fingerprints.
        from great_expectations.execution_engine import pandas_execution_engine as pandas_engine

        threshold, pandas_engine.HASH_THRESHOLD = pandas_engine.HASH_THRESHOLD, 0
        try:
            outcome = validation.run(batch_parameters={"dataframe": frame}, result_format=result_format)
        finally:
            pandas_engine.HASH_THRESHOLD = threshold
            # A run marks its suite as changed; fresh ones let a check run again (e.g. in a notebook).
            self.context.validation_definitions.delete(name)
            self.context.suites.delete(name)
            # GX caches every metric it resolved (some as long as the frame) in the data source's
            # execution engine; each check runs once, so drop them and let the frame be freed.
            cache = getattr(self._source.get_execution_engine(), "_metric_cache", None)
            if isinstance(cache, dict):
                cache.clear()
        failed = 0
        samples: set[int] = set()
        success = True
        for res, unexpected in checked_results(check, outcome):
            failed += unexpected
            success = success and bool(res.success)
            samples.update(int(i) for i in res.result.get("partial_unexpected_index_list") or [])
        if success != (failed == 0):
            raise EngineError(f"{check.id}: GX verdict and unexpected counts disagree")
        return EngineResult(success=success, failed_rows=failed, rows_in_scope=len(frame),
                            sample_rows=tuple(sorted(samples)[:sample_limit]))


def checked_results(check: Check, outcome: Any) -> list[tuple[Any, int]]:
    """Each GX result of `check`'s suite with its unexpected count; EngineError when GX misjudged or raised.

    A misconfigured expectation comes back as `success=False` with `exception_info` set, not as an exception, so
    every result is checked on every backend.
    """
    if len(outcome.results) != len(check.expectations):
        raise EngineError(f"{check.id}: GX returned {len(outcome.results)} results for "
                          f"{len(check.expectations)} expectations")
    out = []
    for res in outcome.results:
        problem = _raised(res.exception_info)
        if problem is not None:
            raise EngineError(f"{check.id}: GX could not evaluate {res.expectation_config.type}: {problem}")
        unexpected = res.result.get("unexpected_count")
        if unexpected is None:
            raise EngineError(f"{check.id}: GX returned no unexpected count for {res.expectation_config.type}")
        out.append((res, int(unexpected)))
    return out


def _raised(info: Any) -> str | None:
    """The message of an exception GX caught while evaluating an expectation, if any.

    GX reports a misconfigured expectation as success=False with exception_info, at the top level
    or keyed by metric: treat either as an internal error, never as a finding.
    """
    if not isinstance(info, dict):
        return None
    if info.get("raised_exception"):
        return str(info.get("exception_message") or "unknown error")
    for value in info.values():
        if isinstance(value, dict) and value.get("raised_exception"):
            return str(value.get("exception_message") or "unknown error")
    return None
