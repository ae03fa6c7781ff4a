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

LACKS_LIST_SPLIT = "list_split"
"""A backend capability (`FrameContext.lacks`): the engine has no split of a text into a list, or no unnest of a
list into rows (SQLite: Ibis compiles neither); `FrameContext.list_items` then splits with a recursive CTE."""


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

    def list_items(self, t: ir.Table, column: str, separator: str) -> ir.Table:
        """`t` with one row per item of its text column `column` split at `separator` (items as they are, untrimmed).

        A NULL text has no item; an empty one, or empty parts between separators, give empty items (as a split
        does). On an engine that `lacks` `LACKS_LIST_SPLIT` the split is a recursive CTE (standard SQL over
        `instr`/`substr`, SQLite and DuckDB both run it): Ibis cannot express recursion, so it is an opaque SQL
        view over `t` with `t`'s schema.
        """
        if not self.lacks(LACKS_LIST_SPLIT):
            others = [c for c in t.columns if c != column]
            return t.select(*others, **{column: t[column].split(separator).unnest()})
        import ibis.expr.operations as ops

        def q(name: str) -> str:
            return '"' + name.replace('"', '""') + '"'

        sep = "'" + separator.replace("'", "''") + "'"
        others = [q(c) for c in t.columns if c != column]
        keep = "".join(f"{c}, " for c in others)
        # each step cuts the first item off the rest (the text plus a final separator); the anchor row has none
        query = (
            f"WITH RECURSIVE pia_items({keep}pia_item, pia_rest) AS ("
            f"SELECT {keep}CAST(NULL AS TEXT), {q(column)} || {sep} FROM pia_list "
            f"UNION ALL SELECT {keep}substr(pia_rest, 1, instr(pia_rest, {sep}) - 1), "
            f"substr(pia_rest, instr(pia_rest, {sep}) + length({sep})) FROM pia_items WHERE pia_rest <> '') "
            f"SELECT {keep}pia_item AS {q(column)} FROM pia_items WHERE pia_item IS NOT NULL")
        view = ops.SQLStringView(parent=t.alias("pia_list").op(), query=query, schema=t.schema())
        return view.to_expr().select(*t.columns)

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
