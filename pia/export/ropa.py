"""The record of processing activities as tables: the record itself, the data map, recipients and the action plan.

The record has one row per processing activity with the fields of GDPR Art. 30(1) and of the record of personal
information processing of GB/T 35273-2020 11.3; the data map is `pia inventory`'s, row for row. Written as an
xlsx workbook (one sheet per table, frozen header, filters; openpyxl is imported only to write it) or as CSV.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pia.declare.manifest import Manifest, ProcessingActivity
from pia.declare.transfers import third_country_transfers
from pia.i18n import pick


@dataclass
class Table:
    """One table of the export: a sheet name, its columns (with what each holds and its source) and rows of text."""

    name: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)


# Each column of the record and the provision that asks for it (see pia/data/sources.yaml).
RECORD_FIELDS: list[tuple[str, str]] = [
    ("activity_id", "pia default: the manifest's id, to join the other sheets"),
    ("activity", "GDPR Art. 30(1)(b); GB/T 35273-2020 11.3 a)"),
    ("controller", "GDPR Art. 30(1)(a)"),
    ("controller_contact", "GDPR Art. 30(1)(a)"),
    ("responsible_department", "GB/T 35273-2020 11.3 c); GDPR Art. 30(1)(a) (contact of the DPO, if any)"),
    ("purpose", "GDPR Art. 30(1)(b); GB/T 35273-2020 11.3 b)"),
    ("legal_basis", "pia default: the manifest's basis for the processing (GDPR Art. 6, PIPL Art. 13)"),
    ("data_subjects", "GDPR Art. 30(1)(c)"),
    ("subjects_count", "GB/T 35273-2020 11.3 a) (volume)"),
    ("data_categories", "GDPR Art. 30(1)(c); GB/T 35273-2020 11.3 a) (type)"),
    ("data_elements", "GDPR Art. 30(1)(c)"),
    ("sensitive_data", "GB/T 35273-2020 §3.2 and Annex B; PIPL Art. 28"),
    ("data_sources", "GB/T 35273-2020 11.3 a) (source)"),
    ("recipients", "GDPR Art. 30(1)(d); GB/T 35273-2020 11.3 b) (entrusted processing, sharing, transfer, disclosure)"),
    ("storage_locations", "GB/T 35273-2020 11.3 b) (cross-border transfer)"),
    ("third_country_transfers", "GDPR Art. 30(1)(e); GB/T 35273-2020 11.3 b)"),
    ("retention", "GDPR Art. 30(1)(f)"),
    ("security_measures", "GDPR Art. 30(1)(g)"),
    ("policy_clauses", "pia default: where the privacy policy discloses the processing"),
    ("risk_level", "pia default: the current risk of `pia assess` (GB/T 39335-2020 Annex D by default)"),
]
ACTION_COLUMNS = ["activity_id", "activity", "risk_level", "unacceptable_from", "control", "status", "clause",
                  "level_with_this_control", "level_with_all", "note"]
RECIPIENT_COLUMNS = ["recipient_id", "recipient", "type", "flow", "data_groups", "legal_basis",
                     "confidentiality_agreement", "location", "condition", "clauses"]
TABLES = ("record", "data-map", "recipients", "actions")


def _controller(m: Manifest, act: ProcessingActivity) -> str:
    """Who controls the activity: the service, or for a processor activity the controllers it serves and itself.

    A processor's record names each controller it acts for and itself as processor (GDPR Art. 30(2)); the
    record of a processor activity under the service's name alone would claim the customers' processing as its own.
    """
    if not act.is_processor:
        return m.controller.legal_entity
    whom = pick(act.on_behalf_of) or "the controllers it acts for"
    return f"{whom} (controller); {m.controller.legal_entity} (processor, GDPR Art. 30(2))"


def _words(value: Any) -> str:
    value = getattr(value, "value", value)
    return str(value if value is not None else "").replace("_", " ")


def _contact(point: Any) -> str:
    parts = [getattr(point, k, None) for k in ("email", "phone", "address", "web")]
    return "; ".join(str(p) for p in parts if p)


def _third_country_transfers(m: Manifest, act: ProcessingActivity) -> list[str]:
    """The record's transfers to a third country (GDPR Art. 30(1)(e)): the GDPR's view where it protects the data.

    `pia.declare.transfers.third_country_transfers` decides (the data of people in the EU/EEA or the UK leaving
    their regime); where the GDPR does not reach the activity, the controller's own view, as before (GB/T
    35273-2020 11.3 b) records cross-border transfers).
    """
    found = third_country_transfers(m, act)
    if found is None:
        abroad = [r for r in m.recipients_of(act) if r.location != m.controller.jurisdiction]
        out = [f"{r.name} ({r.location})" for r in abroad]
        if act.storage.cross_border:
            out.append("storage outside " + m.controller.jurisdiction + ": "
                       + ", ".join(x for x in act.storage.locations if x != m.controller.jurisdiction))
        return out
    names = {r.id: r for r in m.recipients}
    out = list(dict.fromkeys(f"{names[t.fact].name} ({names[t.fact].location})" for t in found if t.kind == "recipient"))
    for regime in dict.fromkeys(t.regime for t in found):  # the subjects' order, as before
        stored = [t.fact for t in found if t.kind == "storage" and t.regime == regime]
        if stored:
            out.append(f"storage outside {'the EU/EEA' if regime == 'EU' else 'the UK'}: {', '.join(stored)}")
    return out


def record_table(m: Manifest, assessment: Mapping[str, Any] | None = None) -> Table:
    """The record of processing activities: one row per activity, the fields of Art. 30(1) and GB/T 35273-2020 11.3."""
    risk = {a["id"]: a for a in (assessment or {}).get("activities", [])}
    catalogue = m.measure_catalogue()
    rows = []
    for act in m.processing_activities:
        elements = m.elements_of(act)
        recipients = m.recipients_of(act)
        transfers = _third_country_transfers(m, act)
        a = risk.get(act.id, {})
        rows.append([
            act.id, act.name, _controller(m, act), _contact(m.controller.contact),
            f"{m.controller.security_department.name} ({_contact(m.controller.security_department.contact)})",
            act.purpose, _words(act.legal_basis), ", ".join(_words(s) for s in act.data_subjects),
            str(act.subjects_count),
            ", ".join(dict.fromkeys(e.category for e in elements)),
            ", ".join(e.name for e in elements),
            ", ".join(e.name for e in elements if e.sensitive) or "none",
            ", ".join(dict.fromkeys(_words(e.source) for e in elements)),
            "; ".join(f"{r.name} ({_words(r.type)}, {_words(r.flow)})" for r in recipients) or "none",
            ", ".join(act.storage.locations),
            "; ".join(transfers) or "none",
            "; ".join(f"{e.name}: {e.retention.rule}" for e in elements),
            "; ".join(f"{catalogue[k].name if k in catalogue else _words(k)}: {_words(s.status)}"
                      for k, s in act.measures.items()) or "none declared",
            ", ".join(act.clauses),
            _words(a.get("level", "")) + (" (unacceptable)" if a.get("unacceptable") else "") if a else "",
        ])
    return Table("Record of processing", [c for c, _ in RECORD_FIELDS], rows, dict(RECORD_FIELDS))


def data_map_table(m: Manifest) -> Table:
    """`pia inventory --format csv`, row for row and cell for cell."""
    from pia.declare.inventory import COLUMNS, data_map
    from pia.output import render_csv

    header, *rows = list(csv.reader(io.StringIO(render_csv(data_map(m), COLUMNS))))
    return Table("Data map", header, rows)


def recipients_table(m: Manifest) -> Table:
    """Who receives personal data, on what ground and where (GDPR Art. 30(1)(d)-(e))."""
    rows = [[r.id, r.name, _words(r.type), _words(r.flow), ", ".join(_words(g) for g in r.data_groups),
             _words(r.legal_basis), "yes" if r.confidentiality_agreement else "no", r.location, r.condition,
             ", ".join(r.clauses)] for r in m.recipients]
    return Table("Recipients", RECIPIENT_COLUMNS, rows)


def actions_table(m: Manifest, assessment: Mapping[str, Any]) -> Table:
    """The action plan of `pia assess`: one row per activity at unacceptable risk and control that would lower it."""
    names = {a.id: a.name for a in m.processing_activities}
    threshold = _words(assessment.get("threshold", ""))
    rows = []
    for a in assessment.get("actions", []):
        act = str(a.get("activity", ""))
        # per-control effects (`controls`), or the four-stage engine's set of measures with the planned ones
        items = list(a.get("controls") or []) + list(a.get("measures") or []) + list(a.get("planned") or [])
        for c in items or [{}]:
            clause = str(c.get("clause") or ", ".join(c.get("clauses") or []))
            rows.append([act, names.get(act, act), _words(a.get("level")), threshold,
                         str(c.get("name") or _words(c.get("control") or c.get("measure"))), _words(c.get("status")),
                         clause, _words(c.get("level_after")) if "control" in c else "",
                         _words(a.get("level_after_all") or a.get("level_after")),
                         str(c.get("note") or a.get("note") or "")])
    return Table("Action plan", ACTION_COLUMNS, rows)


def ropa_tables(m: Manifest, assessment: Mapping[str, Any]) -> dict[str, Table]:
    """Every table of the export, by the name `--table` takes."""
    return {"record": record_table(m, assessment), "data-map": data_map_table(m),
            "recipients": recipients_table(m), "actions": actions_table(m, assessment)}


def to_csv(table: Table) -> str:
    """One table as CSV (header first)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return buf.getvalue()


def to_xlsx(tables: Sequence[Table], title: str = "") -> bytes:
    """The tables as one workbook: a sheet each, header frozen and filtered, then a sheet of field sources."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F4E8C")
    for t in tables:
        ws = wb.create_sheet(t.name[:31])
        ws.append(t.columns)
        for row in t.rows:
            ws.append(row)
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        for i, col in enumerate(t.columns, 1):
            longest = max([len(col)] + [len(r[i - 1]) for r in t.rows]) if t.rows else len(col)
            ws.column_dimensions[get_column_letter(i)].width = min(max(10, longest + 2), 60)
        wrap = Alignment(wrap_text=True, vertical="top")
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = wrap
    sources = [t for t in tables if t.sources]
    if sources:
        ws = wb.create_sheet("Fields")
        ws.append(["sheet", "column", "required by"])
        for t in sources:
            for col in t.columns:
                ws.append([t.name, col, t.sources.get(col, "")])
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    # Fixed document properties: the same inputs give the same workbook content.
    wb.properties.creator = "pia export"
    wb.properties.title = title or "Record of processing activities"
    fixed = dt.datetime(2000, 1, 1)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip_times(buf.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """The workbook (a zip) with every entry dated 1980-01-01, so that the same inputs give the same bytes."""
    import re
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving as "modified"
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", body)
            dst.writestr(fixed, body)
    return out.getvalue()


__all__ = ["ACTION_COLUMNS", "RECIPIENT_COLUMNS", "RECORD_FIELDS", "TABLES", "Table", "actions_table",
           "data_map_table", "record_table", "recipients_table", "ropa_tables", "to_csv", "to_xlsx"]
