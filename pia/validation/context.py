"""What a check's frame definition sees: the settings, the backend's tables and the declared datasets.

Shared by the frame definitions (`pia.validation.templates`) and the backends that run them
(`pia.validation.frames`), so that neither imports the other back.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # pragma: no cover
    import ibis.expr.types as ir
    import pandas as pd

    from pia.declare.datasets import DatasetDecl


@dataclass(frozen=True)
class FrameSettings:
    """What the frames need to know besides the data."""

    as_of: dt.date
    minor_age: int = 18
    erasure_grace_days: int = 15
    rights_response_days: int = 30
    recipients: dict[str, frozenset[str]] = field(default_factory=dict)  # recipient id -> declared data groups

    @property
    def as_of_ts(self) -> pd.Timestamp:
        """as_of as an instant: midnight UTC at the start of the day."""
        import pandas as pd

        return pd.Timestamp(self.as_of).tz_localize("UTC")

    @property
    def as_of_literal(self) -> ir.Value:
        """as_of at 00:00 UTC as an Ibis timestamp literal (UTC)."""
        import ibis

        return ibis.literal(dt.datetime.combine(self.as_of, dt.time(), dt.UTC), type="timestamp('UTC')")

    def number(self, value: Any) -> int:
        """A `number` parameter: a whole number, or `$setting` read from these settings."""
        if isinstance(value, str) and value.startswith("$"):
            return int(getattr(self, value[1:]))
        return int(value)


class Backend(Protocol):
    """Where the datasets live and how a frame expression runs (see the module docstring)."""

    name: str

    def table(self, dataset: str) -> ir.Table:
        """The dataset as an Ibis table with the declared columns and `_row`."""
        ...  # pragma: no cover

    def execute(self, expr: ir.Table) -> pd.DataFrame:
        """Run a frame expression; the result indexed by `_row`, in `_row` order."""
        ...  # pragma: no cover

    def rows(self, dataset: str) -> int:
        """Number of rows of the dataset."""
        ...  # pragma: no cover


LACKS_TIMESTAMP_DELTA = "timestamp_delta"
"""A backend capability a frame definition may ask about (`FrameContext.lacks`): the engine has no exact
difference of two time stamps (SQLite 3.40: Ibis compiles none); the frame then takes whole seconds."""


class FrameContext:
    """What a template's frame definition sees: the tables, the declarations and the settings."""

    def __init__(self, backend: Backend, settings: FrameSettings, datasets: dict[str, DatasetDecl]):
        self.backend = backend
        self.settings = settings
        self.datasets = datasets
        self._first: dict[tuple[str, str], ir.Table] = {}

    def table(self, dataset: str) -> ir.Table:
        """The dataset's Ibis table (with `_row`)."""
        return self.backend.table(dataset)

    def lacks(self, capability: str) -> bool:
        """Whether the backend lacks `capability` (its `lacks` set; none by default), e.g. `LACKS_TIMESTAMP_DELTA`."""
        return capability in getattr(self.backend, "lacks", frozenset())

    def link(self, dataset: str, column: str) -> tuple[str, str]:
        """(dataset, column) that `dataset.column` links to."""
        return next(lk for lk in self.datasets[dataset].links if lk.column == column).target

    def first_rows(self, dataset: str, key: str) -> ir.Table:
        """The first row (lowest `_row`) of each non-blank `key` of `dataset`: a lookup never fans out."""
        import ibis

        if (dataset, key) not in self._first:
            t = self.table(dataset)
            t = t.filter(t[key].notnull())
            ranked = t.mutate(_rank=ibis.row_number().over(group_by=t[key], order_by=t["_row"]))
            first = ranked.filter(ranked._rank == 0).drop("_rank")
            keep = getattr(self.backend, "keep", None)  # a backend may compute it once for every frame using it
            self._first[(dataset, key)] = keep(first) if keep is not None else first
        return self._first[(dataset, key)]
