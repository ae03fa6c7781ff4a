"""Check templates: each turns a declared check into GX expectations and ONE frame definition (an Ibis expression).

A template has two halves, both keyed by its name (the signatures are in `pia.declare.datasets.TEMPLATES`):

- `compile_check(decl, datasets)` -> `Check`: what GX expects of the frame (expectations, with `$setting`
  placeholders), which columns it reads, what a failing row's sample may show;
- `build_frame(ctx, check)` -> `ibis.Table`: the frame GX judges, as an Ibis expression over the declared datasets
  (`ctx.table(id)`), with a `_row` column (the row's 0-based position in its dataset) and the judged columns.
  The same expression runs on DuckDB locally, or compiles to PostgreSQL / SQLite SQL or Spark (see
  `pia.validation.frames`); nothing here knows which engine runs it.

Conventions every backend relies on: text columns are strings (blank is NULL), datetime columns are UTC
timestamps (naive or with time zone UTC: calendar parts are taken in UTC), dates are timestamps at midnight UTC,
booleans are booleans. A row's failing condition never depends on row order.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pia.declare.datasets import TEMPLATES, CheckDecl, DatasetDecl, parameters_with_defaults
from pia.i18n import L_, Message
from pia.validation.spec import E164_RE, EMAIL_RE, HASH_RE, REJECTION_REASONS, Check, Expect

if TYPE_CHECKING:  # pragma: no cover
    import ibis.expr.types as ir

    from pia.validation.context import FrameContext

NOT_NULL = "expect_column_values_to_not_be_null"
UNIQUE = "expect_column_values_to_be_unique"
REGEX = "expect_column_values_to_match_regex"
IN_SET = "expect_column_values_to_be_in_set"
BETWEEN = "expect_column_values_to_be_between"
PAIR_A_GT_B = "expect_column_pair_values_a_to_be_greater_than_b"

NAMED_REGEX = {"email": EMAIL_RE, "e164": E164_RE, "one_way_hash": HASH_RE}


def _e(type_: str, **kwargs: Any) -> Expect:
    return Expect(type=type_, kwargs=kwargs)


def _setting(value: Any) -> Any:
    """A `number` parameter as an expectation argument: `$name` stays a placeholder GX settings resolve."""
    return value


def _values(value: Any) -> list[str]:
    if value == "$rejection_reasons":
        return list(REJECTION_REASONS)
    return list(value)


def _scope_text(scope: list[dict[str, Any]]) -> str:
    parts = []
    for cond in scope:
        op = next(k for k in cond if k != "column")
        col, val = cond["column"], cond[op]
        parts.append({"equals": f"{col} = {val}", "not_equals": f"{col} is not {val}", "in": f"{col} in {val}",
                      "blank": f"{col} blank" if val else f"{col} given", "true": f"{col} true",
                      "not_true": f"{col} not true"}[op])
    return " and ".join(parts)


def _ref(p: str, dataset: DatasetDecl, datasets: dict[str, DatasetDecl]) -> tuple[str, str, str | None]:
    """A `ref` parameter: (dataset, column, link column of `dataset` or None when it is its own column)."""
    if "." not in p:
        return dataset.id, p, None
    ds, _, col = p.partition(".")
    link = dataset.link_to(ds)
    return ds, col, link.column if link else None


# --------------------------------------------------------------------------- compile


def describe(decl: CheckDecl, datasets: dict[str, DatasetDecl]) -> Message:
    """When a row fails the check, in words: a message (English as a `str`, any language through `localize`).

    The check's `description` is the manifest's own text when it gives one, else this.
    """
    p = parameters_with_defaults(decl)
    t = decl.template
    if t == "unique":
        return (L_("{column} is blank or not unique", column=p["column"]) if p["blank_fails"]
                else L_("{column} is not unique", column=p["column"]))
    if t == "present":
        return L_("none of {columns} is given", columns=", ".join(p["columns"]))
    if t == "pattern":
        return (L_("{column} is blank or does not match {regex}", column=p["column"], regex=p["regex"])
                if p["blank_fails"] else
                L_("{column} is given and does not match {regex}", column=p["column"], regex=p["regex"]))
    if t == "flag_true":
        return L_("{column} is not true (blank fails)", column=p["column"])
    if t == "value_allowed":
        return L_("{column} is not one of the allowed values", column=p["column"])
    if t == "references":
        link = next(lk for lk in datasets[decl.dataset].links if lk.column == p["column"])
        target, key = link.target
        return L_("{column} is not a {key} of {target}", column=p["column"], key=key, target=target)
    if t == "min_age_at":
        return L_("younger than {min_age} at {at}", min_age=p["min_age"], at=p["at"])
    if t == "erased_after":
        return L_("personal fields left {days} days after {at}", days=p["grace_days"], at=p["at"])
    if t == "consent_covers":
        return L_("no {value} consent active at {at}", value=repr(p["value"]), at=p["at"])
    if t == "not_after":
        return L_("{at} is after {limit}", at=p["at"], limit=p["limit"])
    if t == "recipient_declared":
        return L_("{column} is not a recipient id of the manifest (blank fails)", column=p["column"])
    if t == "flow_basis_allowed":
        return L_("{basis} is not allowed for {kind}, or no {value} consent is active", basis=p["basis"],
                  kind=p["kind"], value=repr(p["consent_value"]))
    if t == "groups_declared":
        return L_("a group in {groups} is not declared for the recipient", groups=p["groups"])
    if t == "answered_within":
        return L_("answered more than {days} days after {received}, or still open after that", days=p["days"],
                  received=p["received"])
    if t == "max_retention":
        return L_("kept more than {days} days after {at}", days=p["days"], at=p["at"])
    raise KeyError(t)  # pragma: no cover - declaration_problems refuses unknown templates


def compile_check(decl: CheckDecl, datasets: dict[str, DatasetDecl]) -> Check:
    """The `Check` of a declaration (declarations are already validated by `declaration_problems`)."""
    p = parameters_with_defaults(decl)
    ds = datasets[decl.dataset]
    t = decl.template
    cols: dict[str, list[str]] = {decl.dataset: [c["column"] for c in decl.scope]}
    needs: list[str] = []
    show: list[str] = []
    show_frame: list[str] = []
    needs_manifest = False

    def read(dataset: str, *names: str) -> None:
        cols.setdefault(dataset, [])
        cols[dataset].extend(n for n in names if n not in cols[dataset])
        if dataset != decl.dataset and dataset not in needs:
            needs.append(dataset)

    if t == "unique":
        read(decl.dataset, p["column"])
        exps = ([_e(NOT_NULL, column=p["column"])] if p["blank_fails"] else []) + [_e(UNIQUE, column=p["column"])]
        show = [] if p["blank_fails"] else [p["column"]]
        what = p["column"]
    elif t == "present":
        read(decl.dataset, *p["columns"])
        exps = [_e(NOT_NULL, column=p["label"])]
        what = f"{p['label']} ({', else '.join(p['columns'])})"
    elif t == "pattern":
        read(decl.dataset, p["column"])
        regex = NAMED_REGEX.get(p["regex"], p["regex"])
        exps = ([_e(NOT_NULL, column=p["column"])] if p["blank_fails"] else []) + [
            _e(REGEX, column=p["column"], regex=regex)]
        # secrets (hashes) are never shown; other formats are shown masked
        secret = p["regex"] == "one_way_hash" or (ds.columns[p["column"]].role or "") == "secret_hash"
        show = [] if secret else [p["column"]]
        what = p["column"]
    elif t == "flag_true":
        read(decl.dataset, p["column"])
        exps = [_e(NOT_NULL, column=p["column"]), _e(IN_SET, column=p["column"], value_set=[True])]
        what = f"{p['column']} (boolean, blank missing)"
    elif t == "value_allowed":
        read(decl.dataset, p["column"])
        exps = ([_e(NOT_NULL, column=p["column"])] if p["blank_fails"] else []) + [
            _e(IN_SET, column=p["column"], value_set=_values(p["values"]))]
        show_frame = [p["column"]]
        what = p["column"]
    elif t == "references":
        link = next(lk for lk in ds.links if lk.column == p["column"])
        target, key = link.target
        read(decl.dataset, p["column"])
        read(target, key)
        exps = [_e(NOT_NULL, column=p["label"])]
        show = [p["column"]]
        what = f"{p['label']} (row of its {p['column']} in {target}, missing if none)"
    elif t == "min_age_at":
        bds, bcol, link = _ref(p["birth"], ds, datasets)
        read(decl.dataset, p["at"], *([link] if link else []))
        read(bds, bcol)
        if link:
            read(bds, ds.link_to(bds).target[1])
        exps = [_e(BETWEEN, column=p["label"], min_value=_setting(p["min_age"]))]
        show = [link] if link else [bcol]
        show_frame = [p["label"]]
        what = f"{p['label']} (whole years, UTC date of {p['at']})"
    elif t == "erased_after":
        read(decl.dataset, *p["fields"], p["status"], p["at"])
        exps = [_e(BETWEEN, column=p["label"], max_value=0)]
        show_frame = [p["label"]]
        what = f"{p['label']} (non-blank of {', '.join(p['fields'])})"
    elif t == "consent_covers":
        read(decl.dataset, p["user"], p["at"])
        read(p["consents"], p["consent_user"], p["consent_scope"], p["granted"], p["withdrawn"])
        exps = [_e(NOT_NULL, column=p["label"])]
        show = [p["user"]]
        what = f"{p['label']} (given if a {p['value']!r} consent is active at {p['at']}, missing if none)"
    elif t == "not_after":
        lds, lcol, link = _ref(p["limit"], ds, datasets)
        read(decl.dataset, p["at"], *([link] if link else []))
        if link:
            read(lds, lcol, ds.link_to(lds).target[1])
        exps = [_e(PAIR_A_GT_B, column_A=p["label"], column_B=p["at"], or_equal=True,
                   ignore_row_if="either_value_is_missing")]
        show = [link] if link else []
        what = f"{p['at']} and {p['label']} ({p['limit']}), naive UTC"
    elif t == "recipient_declared":
        read(decl.dataset, p["column"])
        needs_manifest = True
        exps = [_e(NOT_NULL, column=p["column"]), _e(IN_SET, column=p["column"], value_set="$recipients")]
        show_frame = [p["column"]]
        what = p["column"]
    elif t == "flow_basis_allowed":
        read(decl.dataset, p["kind"], p["basis"], p["user"], p["at"])
        read(p["consents"], p["consent_user"], p["consent_scope"], p["granted"], p["withdrawn"])
        allowed = [f"{k}:{b}" for k, bases in p["allowed"].items() for b in bases]
        exps = [_e(IN_SET, column="flow_basis", value_set=allowed),
                _e(IN_SET, column="partner_consent", value_set=["given", "not_required"])]
        show_frame = ["flow_basis", "partner_consent"]
        what = (f"flow_basis ('{p['kind']}:{p['basis']}') and partner_consent (given, missing, or not_required "
                f"unless the basis is {p['consent_basis']})")
    elif t == "groups_declared":
        read(decl.dataset, p["recipient"], p["groups"])
        needs_manifest = True
        exps = [_e(BETWEEN, column="undeclared_groups", max_value=0)]
        show_frame = [p["recipient"], "undeclared"]
        what = "undeclared_groups (count of listed groups not declared for it)"
    elif t == "answered_within":
        read(decl.dataset, p["received"], p["answered"])
        exps = [_e(BETWEEN, column=p["label"], max_value=_setting(p["days"]))]
        show_frame = [p["label"]]
        what = f"{p['label']} ({p['answered']}, else as_of at 00:00 UTC, minus {p['received']}, in days)"
    elif t == "max_retention":
        read(decl.dataset, p["at"])
        exps = [_e(BETWEEN, column=p["label"], max_value=_setting(p["days"]))]
        show_frame = [p["label"]]
        what = f"{p['label']} (as_of at 00:00 UTC minus {p['at']}, in days)"
    else:  # pragma: no cover - declaration_problems refuses unknown templates
        raise KeyError(t)
    read(decl.dataset, ds.key)
    desc = describe(decl, datasets)
    scope = _scope_text(decl.scope)
    frame = f"{decl.dataset} rows with {scope}: {what}" if scope else f"every {decl.dataset} row: {what}"
    return Check(id=decl.id, clause=", ".join(decl.clauses), dataset=decl.dataset, needs=needs, needs_manifest=needs_manifest,
                 description=decl.description or desc, frame=frame, expectations=exps, show=show,
                 show_frame=show_frame, activities=list(decl.activities), controls=list(decl.controls),
                 template=t, parameters=p, scope=[dict(c) for c in decl.scope],
                 reads={k: v for k, v in cols.items() if v})


# --------------------------------------------------------------------------- frames (Ibis)

FrameBuilder = Callable[["FrameContext", Check, "ir.Table"], "ir.Table"]
_BUILDERS: dict[str, FrameBuilder] = {}


def _builds(name: str) -> Callable[[FrameBuilder], FrameBuilder]:
    def register(fn: FrameBuilder) -> FrameBuilder:
        _BUILDERS[name] = fn
        return fn
    return register


def scope_filter(t: ir.Table, scope: list[dict[str, Any]]) -> ir.Table:
    """The rows of `t` meeting every scope condition (a blank value never equals anything)."""
    for cond in scope:
        op = next(k for k in cond if k != "column")
        col, val = t[cond["column"]], cond[op]
        if op == "equals":
            pred = (col == val).fill_null(False)
        elif op == "not_equals":
            pred = (col != val).fill_null(True)
        elif op == "in":
            pred = col.isin(list(val)).fill_null(False)
        elif op == "blank":
            pred = col.isnull() if val else col.notnull()
        elif op == "true":
            pred = col.fill_null(False)
        else:  # not_true
            pred = ~col.fill_null(False)
        t = t.filter(pred)
    return t


def build_frame(ctx: FrameContext, check: Check) -> ir.Table:
    """The frame GX judges for `check`: `_row` plus the judged columns (unordered: `Backend.execute` orders)."""
    base = scope_filter(ctx.table(check.dataset), check.scope)
    return _BUILDERS[check.template](ctx, check, base)


def _age_years(birth: ir.Value, at: ir.Value) -> ir.Value:
    """Whole years between a birth date and an instant (calendar parts in UTC); NULL if either is."""
    import ibis

    # ifelse, not a cast: PostgreSQL cannot cast a boolean to bigint
    before = ibis.ifelse((at.month() * 100 + at.day()) < (birth.month() * 100 + birth.day()), 1, 0)
    return (at.year() - birth.year() - before).cast("float64")


@_builds("unique")
def _unique(ctx: FrameContext, c: Check, t: ir.Table) -> ir.Table:
    return t.select("_row", c.parameters["column"])


@_builds("present")
def _present(ctx: FrameContext, c: Check, t: ir.Table) -> ir.Table:
    import ibis

    cols = [t[n] for n in c.parameters["columns"]]
    return t.select("_row", **{c.parameters["label"]: ibis.coalesce(*cols) if len(cols) > 1 else cols[0]})


@_builds("pattern")
@_builds("flag_true")
@_builds("value_allowed")
@_builds("recipient_declared")
def _one_column(ctx: FrameContext, c: Check, t: ir.Table) -> ir.Table:
    return t.select("_row", c.parameters["column"])


@_builds("references")
def _references(ctx: FrameContext, c: Check, t: ir.Table) -> ir.Table:
    p = c.parameters
    target, key = ctx.link(c.dataset, p["column"])
    first = ctx.first_rows(target, key)
    left = t.select("_row", _k=t[p["column"]])
    right = first.select(_k2=first[key], _owner=first["_row"])
    j = left.left_join(right, left._k == right._k2)
    return j.select("_row", **{p["label"]: j._owner})


def _through_link(ctx: FrameContext, c: Check, t: ir.Table, ref: str, out: str) -> ir.Table:
    """`t` (with `_row` and its columns) plus `out`, the value of `ref`.

    `ref` is a column, or dataset.column reached through this dataset's link to that dataset (first row of the key).
    """
    if "." not in ref:
        return t.mutate(**{out: t[ref]})
    ds, col = ref.split(".", 1)
    link = ctx.datasets[c.dataset].link_to(ds)
    key = link.target[1]
    first = ctx.first_rows(ds, key)
    first = first.select(_k2=first[key], _v=first[col])
    j = t.left_join(first, t[link.column] == first._k2)
    return j.drop("_k2").rename({out: "_v"})


@_builds("min_age_at")
def _min_age_at(ctx: FrameContext, c: Check, t: ir.Table) -> ir.Table:
    p = c.parameters
    j = _through_link(ctx, c, t, p["birth"], "_birth")
    return j.select("_row", **{p["label"]: _age_years(j._birth, j[p["at"]])})


@_builds("erased_after")
def _erased_after(ctx: FrameContext, c: Check, t: ir.Table) -> ir.Table:
    import ibis

    p = c.parameters
    grace = ctx.settings.number(p["grace_days"])
    # at + grace < as_of, with the shift on the literal side: no interval arithmetic in SQL (SQLite < 3.46 has none)
    cutoff = dt.datetime.combine(ctx.settings.as_of - dt.timedelta(days=grace), dt.time(), dt.UTC)
    due = t[p["at"]] < ibis.literal(cutoff, type="timestamp('UTC')")
    s = t.filter((t[p["status"]] == p["status_value"]).fill_null(False) & due.fill_null(False))
    left = sum((ibis.ifelse(s[f].notnull(), 1, 0) for f in p["fields"]), ibis.literal(0, "int64"))
    return s.select("_row", **{p["label"]: left})


def _uncovered(ctx: FrameContext, p: dict[str, Any], ev: ir.Table, value: str) -> ir.Table:
    """`_row2`: the rows of `ev` (`_row`, user, at) with NO consent with `value` active at `at`.

    Only existence is judged, so this is an anti join (NOT EXISTS; Spark and DuckDB: ANTI JOIN): the engine stops
    at a user's first covering consent, where a left join with a GROUP BY `_row` would aggregate every event row.
    A blank user or time stamp matches no consent, so its row is uncovered, as before.
    """
    cons = ctx.table(p["consents"])
    cons = cons.filter((cons[p["consent_scope"]] == value).fill_null(False) & cons[p["granted"]].notnull()
                       & cons[p["consent_user"]].notnull())
    cons = cons.select(_cu=cons[p["consent_user"]], _g=cons[p["granted"]], _w=cons[p["withdrawn"]])
    ev = ev.select("_row", _eu=ev[p["user"]], _at=ev[p["at"]])
    gone = ev.anti_join(cons, [ev._eu == cons._cu, cons._g <= ev._at, cons._w.isnull() | (cons._w > ev._at)])
    return gone.select(_row2=gone._row)


def _mark_uncovered(t: ir.Table, uncovered: ir.Table) -> ir.Table:
    """`t` plus `_row2`, non-NULL on the rows of `uncovered`.

    A left join on the row number with the (usually few) uncovered rows as the hashed side; not `_row IN (...)`,
    which PostgreSQL evaluates per row once the subquery outgrows its `work_mem`.
    """
    return t.left_join(uncovered, t._row == uncovered._row2)


@_builds("consent_covers")
def _consent_covers(ctx: FrameContext, c: Check, t: ir.Table) -> ir.Table:
    import ibis

    p = c.parameters
    j = _mark_uncovered(t.select("_row", p["user"], p["at"]), _uncovered(ctx, p, t, p["value"]))
    return j.select("_row", **{p["label"]: ibis.ifelse(j._row2.isnull(), "given", ibis.null("string"))})


@_builds("not_after")
def _not_after(ctx: FrameContext, c: Check, t: ir.Table) -> ir.Table:
    p = c.parameters
    j = _through_link(ctx, c, t, p["limit"], "_limit")
    return j.select("_row", **{p["at"]: j[p["at"]], p["label"]: j._limit})


@_builds("flow_basis_allowed")
def _flow_basis(ctx: FrameContext, c: Check, t: ir.Table) -> ir.Table:
    import ibis

    p = c.parameters
    needs = ((t[p["basis"]] == p["consent_basis"]) & t[p["kind"]].isin(list(p["allowed"]))).fill_null(False)
    gone = _uncovered(ctx, p, t.filter(needs), p["consent_value"])
    j = _mark_uncovered(t.mutate(_needs=needs), gone)
    partner = ibis.cases((~j._needs, "not_required"), (j._row2.notnull(), "missing"), else_="given")
    # kind:basis, blank parts kept empty so that a blank never matches an allowed pair
    flow = j[p["kind"]].fill_null("").concat(":", j[p["basis"]].fill_null(""))
    return j.select("_row", flow_basis=flow, partner_consent=partner)


@_builds("groups_declared")
def _groups_declared(ctx: FrameContext, c: Check, t: ir.Table) -> ir.Table:
    import ibis

    p = c.parameters
    declared = ctx.settings.recipients
    scoped = t.filter(t[p["recipient"]].isin(sorted(declared)).fill_null(False)) if declared else t.limit(0)
    listed = ctx.list_items(scoped.select("_row", _r=scoped[p["recipient"]], _g=scoped[p["groups"]]), "_g", p["separator"])
    listed = listed.select("_row", "_r", _g=listed._g.strip())  # Spark refuses a function of a generator
    listed = listed.filter(listed._g != "").distinct()
    # the declared (recipient, group) pairs as a condition, not an in-memory table: it compiles into the SQL
    # that runs in a remote database or on Spark
    allowed = [(listed._r == r) & listed._g.isin(sorted(declared[r])) for r in sorted(declared) if declared[r]]
    undeclared = listed.filter(~ibis.or_(*allowed)) if allowed else listed
    counts = undeclared.group_by("_row").aggregate(_n=undeclared.count())
    counts = counts.rename(_row2="_row")
    rows = scoped.select("_row")
    j = rows.left_join(counts, rows._row == counts._row2)
    return j.select("_row", undeclared_groups=j._n.fill_null(0).cast("int64"))


_DAY_US = 86_400_000_000.0


def _days_between(ctx: FrameContext, later: ir.Value, earlier: ir.Value) -> ir.Value:
    """`later - earlier` in days (float64), exact to the microsecond.

    An engine without a time-stamp difference (SQLite) takes whole seconds since the epoch instead; for time stamps
    in whole seconds the result is the same float (both divide the same exact count by the same day length).
    """
    from pia.validation.context import LACKS_TIMESTAMP_DELTA

    if ctx.lacks(LACKS_TIMESTAMP_DELTA):
        return (later.epoch_seconds() - earlier.epoch_seconds()).cast("float64") / (_DAY_US / 1e6)
    return later.delta(earlier, unit="microsecond").cast("float64") / _DAY_US


@_builds("answered_within")
def _answered_within(ctx: FrameContext, c: Check, t: ir.Table) -> ir.Table:
    p = c.parameters
    answered = t[p["answered"]].fill_null(ctx.settings.as_of_literal)
    return t.select("_row", **{p["label"]: _days_between(ctx, answered, t[p["received"]])})


@_builds("max_retention")
def _max_retention(ctx: FrameContext, c: Check, t: ir.Table) -> ir.Table:
    p = c.parameters
    return t.select("_row", **{p["label"]: _days_between(ctx, ctx.settings.as_of_literal, t[p["at"]])})


def built_templates() -> frozenset[str]:
    """Names of the templates that have a frame definition (equal to the declared signatures)."""
    return frozenset(_BUILDERS)


assert set(_BUILDERS) <= set(TEMPLATES), "a frame without a declared signature"
