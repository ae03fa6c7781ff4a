"""The `datasets:` and `checks:` sections of a manifest: the service's tables and the checks run over them.

A dataset declares where its rows live (`source`: a file, a folder or a database URL; by default `<id>.csv` or
`<id>.parquet` in the directory given to `pia validate`), its key, its columns (type, and a role or taxonomy
category that says what a value is, used to mask samples and to generate synthetic estates) and its links to
other datasets (`column` -> `dataset.column`). A check instantiates a parameterized template (`TEMPLATES`)
over one dataset. The frame each template builds lives in `pia.validation.templates`; this module holds only
the templates' signatures, so a manifest can be checked without the validation engine.

Problems are reported as `FILE:LINE: path: message` by `declaration_problems`, which the manifest loader calls.
"""
from __future__ import annotations

import difflib
import re
from enum import Enum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from pia.declare.text import Text

if TYPE_CHECKING:  # pragma: no cover
    from pia.errors import Problem
    from pia.yamlsource import YamlDocument


class ColumnType(str, Enum):
    """How a column is parsed."""

    text = "text"
    datetime = "datetime"  # ISO 8601, space or T; no offset means UTC
    date = "date"  # YYYY-MM-DD
    boolean = "boolean"  # true/false in any case; blank is unknown


class ColumnRole(str, Enum):
    """What a column's values are, when no taxonomy category says it (masking and synthetic values)."""

    id = "id"  # an identifier of this row or of a linked row
    name = "name"  # a person's or account's name
    email = "email"
    phone = "phone"  # E.164
    secret_hash = "secret_hash"  # a one-way hash of a password or code: never shown
    birth_date = "birth_date"
    timestamp = "timestamp"  # when something happened
    flag = "flag"  # a boolean
    status = "status"  # one of a few states (values)
    code = "code"  # a value from a short list (values), e.g. a scope, a kind, a country
    serial = "serial"  # a device serial number
    uri = "uri"
    amount = "amount"
    text = "text"  # free text
    list = "list"  # values joined by ';'


class Column(BaseModel):
    """One column of a dataset."""

    model_config = ConfigDict(extra="forbid")

    type: ColumnType = Field(ColumnType.text, description="text, datetime, date or boolean.")
    role: ColumnRole | None = Field(None, description="What the values are (if no category says it).")
    category: str | None = Field(None, description="Taxonomy key of the personal data it holds, e.g. user.contact.email.")
    values: list[str] = Field(default_factory=list, description="The values a status/code/list column takes.")
    description: str = Field("", description="What the column holds.")


class Link(BaseModel):
    """A column whose values are keys of another dataset (e.g. devices.user_id -> users.user_id)."""

    model_config = ConfigDict(extra="forbid")

    column: str = Field(description="Column of this dataset.")
    to: str = Field(description="`dataset.column` it refers to.")

    @property
    def target(self) -> tuple[str, str]:
        """(dataset, column) referred to."""
        ds, _, col = self.to.partition(".")
        return ds, col


class DatasetDecl(BaseModel):
    """One table of the service, as the manifest declares it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Dataset id (also the default file name, without extension).")
    description: str = Field("", description="What one row is.")
    source: str | None = Field(None, description="File, folder or database URL; default <id>.csv|.parquet in DIR.")
    key: str = Field(description="Column that identifies a row; samples name failing rows by it.")
    columns: dict[str, Column] = Field(min_length=1, description="Every column and its type, role or category.")
    links: list[Link] = Field(default_factory=list, description="Columns that refer to other datasets.")
    rows_per_user: float = Field(1.0, ge=0, description="Synthetic estates: rows per user (pia samples).")

    def link_to(self, dataset: str) -> Link | None:
        """The first link of this dataset to `dataset`, if any."""
        return next((lk for lk in self.links if lk.target[0] == dataset), None)


class CheckDecl(BaseModel):
    """One check: a template applied to a dataset with parameters."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Dotted id, e.g. users.email_format.")
    template: str = Field(description="Template name (see `pia validate --templates`).")
    dataset: str = Field(description="Dataset whose rows are counted.")
    parameters: dict[str, Any] = Field(default_factory=dict, description="Template parameters.")
    scope: list[dict[str, Any]] = Field(default_factory=list,
                                        description="Conditions a row must meet to be checked (all of them).")
    clauses: list[str] = Field(min_length=1, description="Clauses of the policy the check tests, e.g. [I.1, III.3].")
    description: Text | None = Field(None, description=(
        "When a row fails, in words (default: the template's); `{en: ..., zh: ...}` for both languages."))
    activities: list[str] = Field(default_factory=list, description="Activities it is evidence for.")
    controls: list[str] = Field(default_factory=list, description="Controls it is evidence for.")
    measures: list[str] = Field(default_factory=list, description="Measures it is evidence for.")


# --------------------------------------------------------------------------- template signatures


class P(BaseModel):
    """A template parameter: its kind and default (None = required)."""

    kind: str = Field(description="column, columns, ref, dataset, value, values, regex, number, bool, name, map.")
    default: Any = Field(None, description="Default value; None means the parameter is required.")
    of: str | None = Field(None, description="For column(s): the parameter naming the dataset (default: the check's).")
    doc: str = Field("", description="What it is.")


def _p(kind: str, default: Any = None, of: str | None = None, doc: str = "") -> P:
    return P(kind=kind, default=default, of=of, doc=doc)


# `number` parameters accept a whole number, `$setting` (minor_age, erasure_grace_days, rights_response_days) or
# `$retention.<data element id>` (that element's `retention.max_days`: a maximum age per data element).
TEMPLATES: dict[str, dict[str, P]] = {
    "unique": {"column": _p("column"), "blank_fails": _p("bool", True)},
    "present": {"columns": _p("columns", doc="a row fails when all are blank"), "label": _p("name", "present")},
    "pattern": {"column": _p("column"), "regex": _p("regex", doc="email, e164, one_way_hash or a regex"),
                "blank_fails": _p("bool", False)},
    "flag_true": {"column": _p("column")},
    "value_allowed": {"column": _p("column"), "values": _p("values", doc="a list, or $rejection_reasons"),
                      "blank_fails": _p("bool", True)},
    "references": {"column": _p("column", doc="a linked column"), "label": _p("name", "owner_row")},
    "min_age_at": {"birth": _p("ref", doc="birth date: a column, or dataset.column through a link"),
                   "at": _p("column"), "min_age": _p("number"), "label": _p("name", "age")},
    "erased_after": {"status": _p("column"), "status_value": _p("value"), "at": _p("column"),
                     "grace_days": _p("number"), "fields": _p("columns"), "label": _p("name", "personal_fields_left")},
    "consent_covers": {"at": _p("column"), "consents": _p("dataset"), "value": _p("value"),
                       "user": _p("column", "user_id"), "consent_user": _p("column", "user_id", of="consents"),
                       "consent_scope": _p("column", "scope", of="consents"),
                       "granted": _p("column", "granted_at", of="consents"),
                       "withdrawn": _p("column", "withdrawn_at", of="consents"), "label": _p("name", "consent_row")},
    "not_after": {"at": _p("column"), "limit": _p("ref", doc="dataset.column through a link, or a column"),
                  "label": _p("name", "limit_at")},
    "recipient_declared": {"column": _p("column")},
    "flow_basis_allowed": {"kind": _p("column"), "basis": _p("column"), "allowed": _p("map", doc="kind -> bases"),
                           "consent_basis": _p("value", "consent"), "consents": _p("dataset"),
                           "consent_value": _p("value"), "at": _p("column"), "user": _p("column", "user_id"),
                           "consent_user": _p("column", "user_id", of="consents"),
                           "consent_scope": _p("column", "scope", of="consents"),
                           "granted": _p("column", "granted_at", of="consents"),
                           "withdrawn": _p("column", "withdrawn_at", of="consents")},
    "groups_declared": {"recipient": _p("column"), "groups": _p("column"), "separator": _p("value", ";")},
    "answered_within": {"received": _p("column"), "answered": _p("column"), "days": _p("number"),
                        "label": _p("name", "days_to_answer")},
    "max_retention": {"at": _p("column", doc="when the row was collected"), "days": _p("number"),
                      "label": _p("name", "age_days")},
}

SETTING_NAMES = ("minor_age", "erasure_grace_days", "rights_response_days")
NAMED_VALUE_LISTS = ("$rejection_reasons",)
SCOPE_OPS = ("equals", "not_equals", "in", "blank", "true", "not_true")
_NAME_RE = re.compile(r"^[a-z_][a-z0-9_]*$")


def parameters_with_defaults(decl: CheckDecl) -> dict[str, Any]:
    """The check's parameters, defaults filled in."""
    spec = TEMPLATES[decl.template]
    return {name: decl.parameters.get(name, p.default) for name, p in spec.items()}


def declaration_problems(doc: YamlDocument) -> list[Problem]:
    """Problems of the `datasets:` and `checks:` sections read from the raw YAML (with lines).

    Unknown dataset, column or template, a missing or unknown parameter, a link to an unknown dataset or column,
    a duplicate id. Shape errors (wrong types, unknown fields) are left to the pydantic models.
    """
    from pia.errors import Problem

    data = doc.data if isinstance(doc.data, dict) else {}
    problems: list[Problem] = []

    def bad(loc: tuple, message: str) -> None:
        problems.append(Problem(doc.source, message, doc.line_of(loc), doc.path_of(loc)))

    def hint(value: str, known: list[str]) -> str:
        close = difflib.get_close_matches(value, known, n=3, cutoff=0.6)
        return f"; did you mean {', '.join(close)}?" if close else f" (known: {', '.join(known)})"

    datasets: dict[str, dict] = {}
    raw_ds = data.get("datasets")
    for i, ds in enumerate(raw_ds if isinstance(raw_ds, list) else []):
        if not isinstance(ds, dict) or not isinstance(ds.get("id"), str):
            continue
        if ds["id"] in datasets:
            bad(("datasets", i, "id"), f"duplicate dataset id {ds['id']!r}")
            continue
        datasets[ds["id"]] = ds
    for i, ds in enumerate(raw_ds if isinstance(raw_ds, list) else []):
        if not isinstance(ds, dict) or not isinstance(ds.get("id"), str):
            continue
        cols = _columns_of(ds)
        key = ds.get("key")
        if isinstance(key, str) and cols and key not in cols:
            bad(("datasets", i, "key"), f"key {key!r} is not a column of {ds['id']}{hint(key, list(cols))}")
        raw_links = ds.get("links")
        for j, link in enumerate(raw_links if isinstance(raw_links, list) else []):
            if not isinstance(link, dict):
                continue
            col, to = link.get("column"), link.get("to")
            if isinstance(col, str) and cols and col not in cols:
                bad(("datasets", i, "links", j, "column"), f"{col!r} is not a column of {ds['id']}{hint(col, list(cols))}")
            if isinstance(to, str):
                tds, _, tcol = to.partition(".")
                if tds not in datasets:
                    bad(("datasets", i, "links", j, "to"), f"link to unknown dataset {tds!r}{hint(tds, list(datasets))}")
                elif not tcol or tcol not in (datasets[tds].get("columns") or {}):
                    bad(("datasets", i, "links", j, "to"), f"{tcol!r} is not a column of {tds} (expected dataset.column)")
        for name, col in cols.items():
            cat = col.get("category") if isinstance(col, dict) else None
            if isinstance(cat, str):
                from pia.declare.taxonomy import load_taxonomy

                try:
                    known = load_taxonomy()
                    ok = cat in known
                except Exception:  # noqa: BLE001 - the taxonomy's own loader reports its problems
                    ok = True
                if not ok:
                    bad(("datasets", i, "columns", name, "category"), f"unknown taxonomy category {cat!r}")

    # an id of the wrong type (a list, a mapping) is the model's error to report, not a member here
    activity_ids = {a["id"] for a in _as_list(data.get("processing_activities"))
                    if isinstance(a, dict) and isinstance(a.get("id"), str)}
    seen: dict[str, int] = {}
    raw_checks = data.get("checks")
    for i, chk in enumerate(raw_checks if isinstance(raw_checks, list) else []):
        if not isinstance(chk, dict):
            continue
        cid = chk.get("id")
        if isinstance(cid, str):
            if cid in seen:
                bad(("checks", i, "id"), f"duplicate check id {cid!r} (first on line {doc.line_of(('checks', seen[cid], 'id'))})")
            seen.setdefault(cid, i)
        ds_id = chk.get("dataset")
        if isinstance(ds_id, str) and ds_id not in datasets:
            bad(("checks", i, "dataset"), f"unknown dataset {ds_id!r}{hint(ds_id, list(datasets))}")
            continue
        template = chk.get("template")
        if isinstance(template, str) and template not in TEMPLATES:
            bad(("checks", i, "template"), f"unknown template {template!r}{hint(template, list(TEMPLATES))}")
            continue
        for j, act in enumerate(chk.get("activities") or []):
            if activity_ids and isinstance(act, str) and act not in activity_ids:
                bad(("checks", i, "activities", j), f"activity {act!r} is not defined")
        if not isinstance(ds_id, str) or not isinstance(template, str):
            continue
        raw_params = chk.get("parameters")
        params: dict = raw_params if isinstance(raw_params, dict) else {}
        spec = TEMPLATES[template]
        for name in params:
            if name not in spec:
                bad(("checks", i, "parameters", name), f"unknown parameter {name!r} of template {template}"
                                                       f"{hint(str(name), list(spec))}")
        for name, p in spec.items():
            loc = ("checks", i, "parameters", name)
            if name not in params:
                if p.default is None:
                    bad(("checks", i, "parameters"), f"template {template} needs parameter {name!r} ({p.kind})")
                continue
            msg = _param_problem(p, params[name], params, ds_id, datasets, data.get("data_elements") or [])
            if msg:
                bad(loc, msg)
        for j, cond in enumerate(chk.get("scope") or []):
            msg = _scope_problem(cond, datasets[ds_id])
            if msg:
                bad(("checks", i, "scope", j), msg)
    if seen:  # commitments name the checks that are their evidence
        for i, com in enumerate(data.get("commitments") or []):
            for j, ev in enumerate(com.get("evidence") or [] if isinstance(com, dict) else []):
                if isinstance(ev, str) and ev not in seen:
                    bad(("commitments", i, "evidence", j), f"check {ev!r} is not declared under checks"
                                                           f"{hint(ev, list(seen))}")
    for name in ("datasets", "checks"):
        if name in data and not isinstance(data[name], list):
            bad((name,), "expected a list")
    return problems


def _columns_of(ds: dict) -> dict:
    cols = ds.get("columns")
    return cols if isinstance(cols, dict) else {}


def _close(value: Any, known: Any) -> str:
    """"; did you mean X?" for a near miss among `known` (a misspelt column, dataset or element), else ""."""
    close = difflib.get_close_matches(str(value), [str(k) for k in known], n=3, cutoff=0.6)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _param_problem(p: P, value: Any, params: dict, ds_id: str, datasets: dict[str, dict],
                   elements: list | None = None) -> str | None:
    """Why `value` is not a valid parameter of kind `p.kind`, or None."""
    elements = elements or []
    owner = ds_id
    if p.of is not None:
        owner = params.get(p.of, p.of)
        if owner not in datasets:
            return None  # reported at the dataset parameter
    cols = _columns_of(datasets[owner]) if owner in datasets else {}
    if p.kind == "column":
        if not isinstance(value, str) or value not in cols:
            return f"{value!r} is not a column of {owner}{_close(value, cols)}"
    elif p.kind == "columns":
        if not isinstance(value, list) or not value:
            return "expected a list of columns"
        wrong = [v for v in value if v not in cols]
        if wrong:
            return f"{', '.join(map(repr, wrong))} not a column of {owner}{_close(wrong[0], cols)}"
    elif p.kind == "ref":
        if not isinstance(value, str):
            return "expected a column or dataset.column"
        if "." not in value:
            return None if value in cols else f"{value!r} is not a column of {owner}{_close(value, cols)}"
        tds, _, tcol = value.partition(".")
        if tds not in datasets:
            return f"unknown dataset {tds!r}{_close(tds, datasets)}"
        if tcol not in _columns_of(datasets[tds]):
            return f"{tcol!r} is not a column of {tds}{_close(tcol, _columns_of(datasets[tds]))}"
        links = [lk for lk in datasets[ds_id].get("links") or [] if isinstance(lk, dict)
                 and str(lk.get("to", "")).partition(".")[0] == tds]
        if not links:
            return f"{ds_id} has no link to {tds} (declare one under links)"
    elif p.kind == "dataset":
        if value not in datasets:
            return f"unknown dataset {value!r}{_close(value, datasets)}"
    elif p.kind == "number":
        if isinstance(value, str) and value.startswith("$retention."):
            element = value.removeprefix("$retention.")
            found = [e for e in elements if isinstance(e, dict) and e.get("id") == element]
            if not found:
                ids = [e.get("id") for e in elements if isinstance(e, dict)]
                return f"{element!r} is not a data element of the manifest{_close(element, ids)}"
            retention = found[0].get("retention")
            if not isinstance(retention, dict) or not isinstance(retention.get("max_days"), int):
                return f"data element {element!r} declares no retention.max_days"
        elif isinstance(value, str) and value.startswith("$"):
            if value[1:] not in SETTING_NAMES:
                return f"unknown setting {value!r} (known: {', '.join('$' + s for s in SETTING_NAMES)})"
        elif isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return "expected a whole number >= 0 or a $setting"
    elif p.kind == "bool":
        if not isinstance(value, bool):
            return "expected true or false"
    elif p.kind == "values":
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)) and value not in NAMED_VALUE_LISTS:
            return f"expected a list of values or one of {', '.join(NAMED_VALUE_LISTS)}"
    elif p.kind == "map":
        if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
            return "expected a mapping: value -> list of allowed values"
    elif p.kind == "regex":
        if not isinstance(value, str):
            return "expected a regex or a pattern name"
        if value not in ("email", "e164", "one_way_hash"):
            try:
                re.compile(value)
            except re.error as exc:
                return f"not a valid regular expression ({exc})"
    elif p.kind == "name":
        if not isinstance(value, str) or not _NAME_RE.match(value):
            return "expected a column name (lower case, digits, _)"
    elif p.kind == "value":
        if not isinstance(value, str) or not value:
            return "expected a value"
    return None


def _scope_problem(cond: Any, ds: dict) -> str | None:
    if not isinstance(cond, dict) or "column" not in cond or len(cond) != 2:
        return f"expected {{column: NAME, OP: VALUE}} with OP one of {', '.join(SCOPE_OPS)}"
    op = next(k for k in cond if k != "column")
    if op not in SCOPE_OPS:
        return f"unknown condition {op!r} (known: {', '.join(SCOPE_OPS)})"
    if cond["column"] not in _columns_of(ds):
        return f"{cond['column']!r} is not a column of {ds.get('id')}"
    return None


def _as_list(value: object) -> list:
    """`value` when it is a list, else empty (a mistyped section is the model's error to report)."""
    return value if isinstance(value, list) else []
