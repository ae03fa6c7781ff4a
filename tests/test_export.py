"""`pia export`: the CNIL PIA file against the application's importer, the record of processing as a workbook and
CSV (rows equal `pia inventory`'s), fideslang resources against fideslang's models."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pia import config
from pia.cli import cli
from pia.declare.manifest import load_manifest
from pia.export.cnil import EVENT_ITEMS, EVENT_QUESTIONS, cnil_pia

AS_OF = "2026-06-30"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pia.cli", *args], capture_output=True, text=True, timeout=300,
                          check=False, cwd=config.PROJECT_ROOT)


@pytest.fixture(scope="module")
def cnil() -> dict:
    return cnil_pia(load_manifest(), AS_OF)


# --------------------------------------------------------------------------- CNIL PIA application

# What the importer of LINCnil/pia reads, and the type it needs, read from src/app/services/pia.service.ts at commit
# 44dd3138cde72251fba29e3b6bfd7bac3fa9fbe1 (2026-04-24). "str?" may be absent or null; "date" is parsed by new Date().
PIA_KEYS = {  # importData, lines 441-545: data.pia.* (lines 454-484, 505-511); status parsed with parseInt (509)
    "name": "str", "category": "str", "dpo_status": "int", "dpo_opinion": "str",
    "concerned_people_opinion": "str", "concerned_people_status": "int",
    "concerned_people_searched_opinion": "bool", "concerned_people_searched_content": "str",
    "rejection_reason": "str", "applied_adjustments": "str", "created_at": "date", "dpos_names": "str",
    "people_names": "str", "author_name": "str", "evaluator_name": "str", "validator_name": "str",
    "status": "int", "updated_at": "date",
}
ANSWER_KEYS = {"reference_to": "int", "data": "dict", "created_at": "date", "updated_at": "date"}  # 738-751
ANSWER_DATA_KEYS = {"text": "str?", "gauge": "int?", "list": "list"}  # src/app/models/answer.model.ts
MEASURE_KEYS = {"id": "int", "title": "str", "content": "str", "placeholder": "str", "created_at": "date",
                "updated_at": "date"}  # importMeasures, lines 759-795 (data.measures.length, measure.id at 776)
EVALUATION_KEYS = {  # importEvaluations, lines 604-660; reference_to.startsWith (619) needs a string
    "status": "int", "reference_to": "str", "action_plan_comment": "str", "evaluation_comment": "str",
    "evaluation_date": "date", "gauges": "dict", "estimated_implementation_date": "date?",
    "person_in_charge": "str", "global_status": "int", "created_at": "date", "updated_at": "date",
}
COMMENT_KEYS = {"description": "str", "reference_to": "any", "for_measure": "any", "created_at": "date"}  # 841-853


def _typed(value, kind: str) -> bool:
    import datetime as dt

    optional = kind.endswith("?")
    kind = kind.rstrip("?")
    if value is None:
        return optional
    if kind == "date":
        try:
            dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            return isinstance(value, str)
        except ValueError:
            return False
    return {"str": isinstance(value, str), "int": isinstance(value, int) and not isinstance(value, bool),
            "bool": isinstance(value, bool), "dict": isinstance(value, dict), "list": isinstance(value, list),
            "any": True}[kind]


def _problems(doc: dict) -> list[str]:
    out = []
    for top, kind in (("pia", dict), ("answers", list), ("measures", list), ("evaluations", list),
                      ("comments", list)):
        if not isinstance(doc.get(top), kind):
            out.append(f"{top}: missing or not a {kind.__name__}")
    for key, kind in PIA_KEYS.items():
        if key not in doc.get("pia", {}) or not _typed(doc["pia"][key], kind):
            out.append(f"pia.{key}: expected {kind}")
    for name, spec, rows in (("answers", ANSWER_KEYS, doc.get("answers", [])),
                             ("measures", MEASURE_KEYS, doc.get("measures", [])),
                             ("evaluations", EVALUATION_KEYS, doc.get("evaluations", [])),
                             ("comments", COMMENT_KEYS, doc.get("comments", []))):
        for i, row in enumerate(rows):
            out += [f"{name}[{i}].{k}: expected {t}" for k, t in spec.items() if k not in row or not _typed(row[k], t)]
    for i, a in enumerate(doc.get("answers", [])):
        out += [f"answers[{i}].data.{k}: expected {t}" for k, t in ANSWER_DATA_KEYS.items()
                if k not in a.get("data", {}) or not _typed(a["data"][k], t)]
    for i, e in enumerate(doc.get("evaluations", [])):
        gauges = e.get("gauges", {})
        if not all(isinstance(gauges.get(k), int) and 0 <= gauges[k] <= 4 for k in ("x", "y")):
            out.append(f"evaluations[{i}].gauges: x and y 0-4")
    return out


def test_cnil_export_has_every_key_the_importer_reads_typed_as_it_expects(cnil):
    """Checked against LINCnil/pia src/app/services/pia.service.ts (commit 44dd3138, 2026-04-24):
    importData (lines 441-545: reads data.pia.* at 454-484 and 505-511, then importAnswers and importMeasures),
    importEvaluations (604-660: reference_to.startsWith at 619, gauges at 640), importAnswers (738-751),
    importMeasures (759-795: data.measures.length at 765, measure.id mapped at 776), importComments (841-853);
    answer data as in src/app/models/answer.model.ts, evaluation fields as in src/app/models/evaluation.model.ts."""
    assert _problems(cnil) == []


def test_structure_check_reports_a_missing_or_mistyped_key(cnil):
    broken = json.loads(json.dumps(cnil))
    del broken["pia"]["name"]
    broken["evaluations"][0]["reference_to"] = 32  # the importer calls reference_to.startsWith
    broken["answers"][0]["data"]["list"] = None
    assert _problems(broken) == ["pia.name: expected str", "evaluations[0].reference_to: expected str",
                                 "answers[0].data.list: expected list"]


def test_cnil_answers_cover_context_principles_and_every_feared_event(cnil):
    refs = {a["reference_to"] for a in cnil["answers"]}
    assert {111, 112, 113, 121, 122, 123} <= refs  # context
    assert {211, 212, 213, 214, 215, 221, 222, 223, 224, 225, 226, 227} <= refs  # fundamental principles
    for event, base in EVENT_QUESTIONS.items():
        by_ref = {a["reference_to"]: a["data"] for a in cnil["answers"]}
        for q in (1, 2, 3, 4):  # impacts, threats, sources, measures: lists
            assert by_ref[base + q]["list"], (event, q)
        for q in (5, 6):  # severity and likelihood gauges on 1-4
            assert by_ref[base + q]["gauge"] in (1, 2, 3, 4), (event, q)
    assert {e["reference_to"] for e in cnil["evaluations"]} >= set(EVENT_ITEMS.values())


def test_cnil_gauges_are_the_cnil_method_levels_of_the_worst_activity(cnil):
    from pia.risk.scoring import assess

    a = assess(load_manifest(), method="cnil").to_dict()
    levels = a["levels"]
    worst_impact = max(levels["impact"].index(x["residual"]["illegitimate_access"]["impact"]) for x in a["activities"])
    by_ref = {x["reference_to"]: x["data"] for x in cnil["answers"]}
    assert by_ref[EVENT_QUESTIONS["illegitimate_access"] + 5]["gauge"] == worst_impact + 1


def test_cnil_measures_are_referenced_by_their_evaluations_and_the_risk_lists(cnil):
    ids = {m["id"] for m in cnil["measures"]}
    titles = {m["title"] for m in cnil["measures"]}
    assert {e["reference_to"] for e in cnil["evaluations"] if e["reference_to"].startswith("3.1.")} == {
        f"3.1.{i}" for i in ids}
    for base in EVENT_QUESTIONS.values():
        listed = next(a["data"]["list"] for a in cnil["answers"] if a["reference_to"] == base + 4)
        assert set(listed) <= titles


def test_cnil_export_escapes_html_in_manifest_text(tmp_path):
    text = config.REFERENCE_MANIFEST.read_text(encoding="utf-8")
    evil = "<img src=x onerror=alert(1)>"
    path = tmp_path / "evil.pia.yaml"
    # the reference gives names in both languages: `name: {en: ..., zh: ...}` in block style
    path.write_text(text.replace("en: Account registration and sign-in", f"en: 'Sign-in {evil}'", 1),
                    encoding="utf-8")
    doc = json.dumps(cnil_pia(load_manifest(path), AS_OF))
    assert evil not in doc and "&lt;img src=x onerror=alert(1)&gt;" in doc


def test_cli_cnil_export_is_byte_identical_for_the_same_inputs(tmp_path):
    runner = CliRunner()
    outs = []
    for name in ("a.json", "b.json"):
        res = runner.invoke(cli, ["export", "--format", "cnil-pia", "--as-of", AS_OF, "-o", str(tmp_path / name)])
        assert res.exit_code == 0, res.output
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]
    assert json.loads(outs[0])["pia"]["created_at"] == f"{AS_OF}T00:00:00.000Z"


# --------------------------------------------------------------------------- record of processing


def _inventory_rows() -> list[list[str]]:
    proc = _run("inventory", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    return list(csv.reader(io.StringIO(proc.stdout)))


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ropa") / "ropa.xlsx"
    proc = _run("export", "--format", "ropa-xlsx", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


def test_workbook_data_map_rows_equal_pia_inventory(workbook):
    from openpyxl import load_workbook

    wb = load_workbook(workbook)
    sheet = wb["Data map"]
    rows = [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    assert rows == _inventory_rows()


def test_workbook_has_one_sheet_per_table_with_frozen_headers_and_filters(workbook):
    from openpyxl import load_workbook

    wb = load_workbook(workbook)
    assert wb.sheetnames == ["Record of processing", "Data map", "Recipients", "Action plan", "Fields"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref == ws.dimensions, ws.title
        assert ws.max_row >= 2, ws.title


def test_workbook_is_byte_identical_for_the_same_inputs(workbook, tmp_path):
    again = tmp_path / "again.xlsx"
    proc = _run("export", "--format", "ropa-xlsx", "-o", str(again))
    assert proc.returncode == 0, proc.stderr
    assert again.read_bytes() == workbook.read_bytes()


def test_record_has_a_row_per_activity_with_the_art30_fields(workbook):
    from openpyxl import load_workbook

    m = load_manifest()
    ws = load_workbook(workbook)["Record of processing"]
    header, *rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert [r[0] for r in rows] == [a.id for a in m.processing_activities]
    for column in ("controller", "controller_contact", "purpose", "data_subjects", "data_categories", "recipients",
                   "third_country_transfers", "retention", "security_measures", "data_sources", "subjects_count"):
        assert column in header
        assert all(r[header.index(column)] not in (None, "") for r in rows), column
    fields = {r[1]: r[2] for r in load_workbook(workbook)["Fields"].iter_rows(min_row=2, values_only=True)
              if r[0] == "Record of processing"}
    assert "GDPR Art. 30(1)(g)" in fields["security_measures"] and "GDPR Art. 30(1)(f)" in fields["retention"]
    assert "GB/T 35273-2020 11.3" in fields["data_sources"]


def test_action_plan_sheet_lists_each_proposed_control(workbook):
    from openpyxl import load_workbook

    from pia.risk.scoring import assess

    a = assess(load_manifest()).to_dict()
    expected = sum(max(1, len(x.get("controls", [])) + len(x.get("measures", [])) + len(x.get("planned", [])))
                   for x in a["actions"])
    assert load_workbook(workbook)["Action plan"].max_row - 1 == expected


def test_ropa_csv_data_map_equals_pia_inventory_and_tables_differ():
    proc = _run("export", "--format", "ropa-csv", "--table", "data-map")
    assert proc.returncode == 0, proc.stderr
    assert list(csv.reader(io.StringIO(proc.stdout))) == _inventory_rows()
    record = _run("export", "--format", "ropa-csv")
    assert record.stdout.startswith("activity_id,activity,controller,")


def test_ropa_xlsx_without_output_is_an_input_error():
    proc = _run("export", "--format", "ropa-xlsx")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["pia: -o: ropa-xlsx writes a binary workbook: give -o FILE.xlsx"]


def test_export_of_an_invalid_manifest_exits_2_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("service: {id: x}\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    proc = _run("export", str(bad), "--format", "ropa-xlsx", "-o", str(out))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert not out.exists()


def test_export_does_not_import_openpyxl_unless_writing_a_workbook():
    code = ("import sys; from click.testing import CliRunner; from pia.cli import cli; "
            "r = CliRunner().invoke(cli, ['export', '--format', 'ropa-csv']); "
            "assert r.exit_code == 0, r.output; print('openpyxl' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert proc.stdout.strip() == "False", proc.stderr


# --------------------------------------------------------------------------- fideslang


def test_fideslang_resources_validate_against_fideslang_models_and_taxonomy():
    fideslang = pytest.importorskip("fideslang")  # an external package: optional, in the test extra
    import yaml
    from fideslang.models import Taxonomy

    proc = _run("export", "--format", "fideslang")
    assert proc.returncode == 0, proc.stderr
    t = Taxonomy.model_validate(yaml.safe_load(proc.stdout))
    default = fideslang.DEFAULT_TAXONOMY
    categories = {c.fides_key for c in default.data_category} | {c.fides_key for c in t.data_category or []}
    uses = {u.fides_key for u in default.data_use}
    subjects = {s.fides_key for s in default.data_subject} | {s.fides_key for s in t.data_subject or []}
    assert all(c.parent_key in categories for c in t.data_category or [])
    m = load_manifest()
    (system,) = [s for s in t.system if s.fides_key == m.service.id]
    # (fideslang sorts the declarations by name)
    assert sorted(d.name for d in system.privacy_declarations) == sorted(a.name for a in m.processing_activities)
    for d in system.privacy_declarations:
        assert set(d.data_categories) <= categories and d.data_use in uses and set(d.data_subjects) <= subjects
    fields = [f for ds in t.dataset for c in ds.collections for f in c.fields]
    assert len(fields) == len(m.data_elements)
    assert all(set(f.data_categories) <= categories for f in fields)
