"""Datasets and checks declared in the manifest: templates, bad declarations, and a second service (PulseWear)."""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pia.declare.datasets import TEMPLATES
from pia.declare.manifest import load_manifest
from pia.errors import InputError
from pia.validation.checks import compile_checks
from pia.validation.frames import FrameSettings, IbisFrames, PandasFrames
from pia.validation.templates import built_templates

ROOT = Path(__file__).resolve().parents[1]
PULSEWEAR = ROOT / "data_samples" / "pulsewear" / "pulsewear.pia.yaml"
PULSEWEAR_ESTATE = ROOT / "data_samples" / "pulsewear" / "estate"
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<path>[\w.\[\]]+): (?P<msg>.+)$")


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT), "PIA_GX_WORKER": "0", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "pia.cli", *args], check=False, capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=600)


def test_every_declared_template_has_one_frame_definition():
    assert built_templates() == frozenset(TEMPLATES)


def test_reference_checks_are_declarations_with_the_former_ids():
    man = load_manifest()
    datasets, checks = compile_checks(man)
    assert len(datasets) == 7 and len(checks) == 20
    assert {c.id for c in checks} == {c.id for c in man.checks}
    # the commitments cite declared checks
    cited = {e for com in man.commitments for e in com.evidence}
    assert cited <= {c.id for c in checks}


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = PULSEWEAR.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.pia.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), start=1) if needle in line)


@pytest.mark.parametrize("old,new,where,path_re,msg", [
    ("parameters: {at: issued_at, days: $retention.invoice}", "parameters: {at: issued_at}",
     "parameters: {at: issued_at}",
     r"checks(\.15|\[[^]]+\])\.parameters", "template max_retention needs parameter 'days'"),
    ("parameters: {column: encrypted}", "parameters: {column: encryption}", "parameters: {column: encryption}",
     r"checks(\.6|\[[^]]+\])\.parameters\.column", "'encryption' is not a column of heart_rate"),
    ("      - {column: account_id, to: accounts.account_id}\n  - id: sleep_sessions",
     "      - {column: account_id, to: acounts.account_id}\n  - id: sleep_sessions", "to: acounts.account_id",
     r"datasets(\.2|\[[^]]+\])\.links\.0\.to", "link to unknown dataset 'acounts'; did you mean accounts"),
    ("days: $retention.invoice}", "days: $retention.invoices}", "days: $retention.invoices}",
     r"checks(\.15|\[[^]]+\])\.parameters\.days", "'invoices' is not a data element of the manifest"),
    ("template: flag_true", "template: flag_is_true", "template: flag_is_true", r"checks(\.6|\[[^]]+\])\.template",
     "unknown template 'flag_is_true'"),
    ("scope: [{column: outcome, equals: refused}]", "scope: [{column: result, equals: refused}]",
     "scope: [{column: result", r"checks(\.14|\[[^]]+\])\.scope\.0", "'result' is not a column of requests"),
])
def test_bad_declarations_are_one_line_each_with_file_line_and_path(tmp_path, old, new, where, path_re, msg):
    bad = _broken(tmp_path, old, new)
    with pytest.raises(InputError) as exc:
        load_manifest(bad)
    problems = [p for p in exc.value.problems if re.fullmatch(path_re, p.path)]
    assert problems, [str(p) for p in exc.value.problems]
    assert any(msg in p.message for p in problems)
    # the CLI: exit 2, one `FILE:LINE: path: message` line per problem, no traceback
    proc = _cli("validate", str(PULSEWEAR_ESTATE), "--manifest", str(bad), "--as-of", "2026-06-30")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = [ln.removeprefix("pia: ") for ln in proc.stderr.strip().splitlines()]
    hits = [LINE.match(ln) for ln in lines]
    assert all(hits), lines
    assert any(h["path"] and re.fullmatch(path_re, h["path"]) and msg in h["msg"]
               and int(h["line"]) == _line_of(bad, where) for h in hits), lines


def test_commitment_evidence_must_name_a_declared_check(tmp_path):
    text = (ROOT / "data_samples" / "zosi-camera.pia.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "m.pia.yaml"
    bad.write_text(text.replace("evidence: [snapshots.encrypted]", "evidence: [snapshots.encryptd]"), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_manifest(bad)
    assert any("check 'snapshots.encryptd' is not declared" in p.message and p.path.startswith("commitments")
               for p in exc.value.problems)


def test_commitment_citing_the_manifests_own_check_is_accepted(tmp_path):
    # `pia check` and `pia validate` used to look evidence up among the reference's checks only, so a second
    # service could not cite its own check ('heart_rate.health_consent ... which pia validate does not define').
    good = _broken(tmp_path, "summary: Heart and sleep readings are analysed only while the user has Health insights "
                   "switched on.", "summary: Heart and sleep readings are analysed only while the user has Health "
                   "insights switched on.\n    evidence: [heart_rate.health_consent]")
    from pia.validation.commitments import undefined_checks

    assert undefined_checks(load_manifest(good)) == []
    proc = _cli("check", str(good))
    assert proc.returncode == 0, proc.stderr


# --------------------------------------------------------------------------- a template judged on known rows


def test_max_retention_counts_rows_older_than_the_limit_at_as_of():
    man = load_manifest(PULSEWEAR)
    datasets, checks = compile_checks(man)
    check = next(c for c in checks if c.id == "sleep_sessions.retention")
    as_of = dt.date(2026, 6, 30)
    midnight = pd.Timestamp("2026-06-30", tz="UTC")
    started = [midnight - pd.Timedelta(days=730),  # exactly the limit: kept
               midnight - pd.Timedelta(days=730, seconds=1),  # one second over: fails
               midnight - pd.Timedelta(days=2000),  # fails
               pd.NaT,  # unknown: not judged
               midnight - pd.Timedelta(days=1)]
    table = pd.DataFrame({"session_id": ["S1", "S2", "S3", "S4", "S5"],
                          "started_at": pd.Series(started, dtype="datetime64[us, UTC]")})
    frame = PandasFrames({"sleep_sessions": table}, FrameSettings(as_of=as_of), datasets).frame(check)
    from pia.validation.gx_engine import GxEngine

    outcome = GxEngine({"minor_age": 16, "rights_response_days": 30, "recipients": []}).run(check, frame)
    assert outcome.failed_rows == 2
    assert outcome.sample_rows == (1, 2)


@pytest.mark.parametrize("separator", [";", " | "])
def test_list_split_by_recursive_cte_gives_the_split_frame(separator):
    """The split of an engine that lacks one (SQLite: a recursive CTE) is run here on DuckDB, beside DuckDB's own."""
    from pia.validation.context import LACKS_LIST_SPLIT
    from pia.validation.frames import DuckDBBackend

    class NoSplit(DuckDBBackend):
        lacks = frozenset({LACKS_LIST_SPLIT})

    man = load_manifest(None)
    datasets, checks = compile_checks(man)
    check = next(c for c in checks if c.id == "sharing.categories_declared")
    check = check.model_copy(update={"parameters": {**check.parameters, "separator": separator}})
    lists = ["device;snapshot", " tracking ; device;tracking", None, "", ";", "account;;order", "snapshot",
             "it's;o\"k", "order;device;", "device | tracking", "device |  | tracking "]
    table = pd.DataFrame({"share_id": [f"H{i}" for i in range(len(lists))],
                          "recipient": ["cloud_provider"] * (len(lists) - 1) + [None],
                          "data_categories": [v.replace(";", separator) if v else v for v in lists]})
    recipients = {r.id: frozenset(g.value for g in r.data_groups) for r in man.recipients}
    settings = FrameSettings(as_of=dt.date(2026, 6, 30), recipients=recipients)
    split = IbisFrames(DuckDBBackend({"data_sharing": table}), settings, datasets).frame(check)
    cte = IbisFrames(NoSplit({"data_sharing": table}), settings, datasets).frame(check)
    pd.testing.assert_frame_equal(cte, split)
    # by hand: the groups of cloud_provider in the reference manifest, the rest undeclared (each counted once)
    declared = recipients["cloud_provider"]
    assert split.index.tolist() == list(range(len(lists) - 1))  # the undeclared recipient's row is out of scope
    expected = [len({g.strip() for g in v.split(separator) if g.strip()} - declared) if isinstance(v, str) else 0
                for v in table["data_categories"][:-1]]
    assert split["undeclared_groups"].tolist() == expected and max(expected) > 0 and 0 in expected


# --------------------------------------------------------------------------- the second service


def test_pulsewear_shipped_estate_gives_exactly_the_planted_counts():
    from pia.validation.run import validate

    expected = json.loads((PULSEWEAR_ESTATE / "expected_violations.json").read_text())
    result = validate(PULSEWEAR_ESTATE, manifest=PULSEWEAR, as_of="2026-06-30")
    got = {c.id: c.failed_rows for c in result.checks}
    assert got == expected["failed_rows"]
    assert len(got) == 16 and all(v > 0 for v in got.values())
    assert {c.dataset for c in result.checks} >= {"accounts", "heart_rate", "transfers", "requests"}
    text = json.dumps(result.to_dict())
    for raw in ("@example.", "$2b$12$"):  # samples show masked values only
        assert raw not in text


def test_pia_samples_for_a_declared_manifest_is_exact_for_another_seed_and_clean_without_violations(tmp_path):
    planted, clean = tmp_path / "planted", tmp_path / "clean"
    proc = _cli("samples", str(planted), "--manifest", str(PULSEWEAR), "--users", "250", "--seed", "11",
                "--violations")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in planted.iterdir()) == sorted(
        [f"{d.id}.csv" for d in load_manifest(PULSEWEAR).datasets] + ["expected_violations.json"])
    proc = _cli("samples", str(clean), "--manifest", str(PULSEWEAR), "--users", "120", "--seed", "3")
    assert proc.returncode == 0, proc.stderr
    for estate, later in ((planted, "2026-06-30"), (clean, "2027-01-15")):
        out = tmp_path / f"{estate.name}.json"
        proc = _cli("validate", str(estate), "--manifest", str(PULSEWEAR), "--as-of", later, "--format", "json",
                    "-o", str(out))
        expected = json.loads((estate / "expected_violations.json").read_text())["failed_rows"]
        got = {c["id"]: c["failed_rows"] for c in json.loads(out.read_text())["checks"]}
        assert got == expected, estate.name
        assert proc.returncode == (1 if estate is planted else 0)


def test_pulsewear_validation_json_is_reproducible():
    first = _cli("validate", str(PULSEWEAR_ESTATE), "--manifest", str(PULSEWEAR), "--as-of", "2026-06-30",
                 "--format", "json")
    second = _cli("validate", str(PULSEWEAR_ESTATE), "--manifest", str(PULSEWEAR), "--as-of", "2026-06-30",
                  "--format", "json")
    assert first.returncode == 1 and first.stdout == second.stdout


@pytest.mark.parametrize("manifest", [None, PULSEWEAR], ids=["reference", "pulsewear"])
def test_every_frame_is_one_definition_that_compiles_to_postgres_sql(manifest):
    import ibis

    from pia.validation.frames import UnboundBackend

    man = load_manifest(manifest)
    datasets, checks = compile_checks(man)
    recipients = {r.id: frozenset(str(getattr(g, "value", g)) for g in r.data_groups) for r in man.recipients}
    settings = FrameSettings(as_of=dt.date(2026, 6, 30), recipients=recipients)
    frames = IbisFrames(UnboundBackend(datasets), settings, datasets)
    for check in checks:
        sql = ibis.to_sql(frames.expression(check), dialect="postgres")
        assert "_row" in sql and check.dataset in sql
