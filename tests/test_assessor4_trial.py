"""Findings of an assessor's trial on a service unlike the samples (a ride-hailing app in China under PIPL)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from pia import config
from pia.cli import main
from pia.declare.manifest import load_manifest
from pia.errors import InputError
from pia.report import run as report

PULSE = config.DATA_SAMPLES / "pulsewear"
PULSEWEAR = PULSE / "pulsewear.pia.yaml"


def _variant(tmp_path: Path, name: str, change: Callable[[dict[str, Any]], None], base: Path = PULSEWEAR) -> Path:
    data = yaml.safe_load(base.read_text(encoding="utf-8"))
    change(data)
    out = tmp_path / f"{name}.pia.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def _in_china(data: dict[str, Any]) -> None:
    """PulseWear as a service of a Chinese company for users in China only (PIPL, not the GDPR)."""
    data["service"]["jurisdictions"] = ["CN"]
    data["controller"]["jurisdiction"] = "CN"
    data["settings"]["minor_age"] = 14
    for a in data["processing_activities"]:
        a["storage"] = {"locations": ["CN"]}
    for r in data["recipients"]:
        r["location"] = "CN"


def _run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_screening_column_of_a_service_outside_the_gdpr_counts_gbt39335_not_wp248(tmp_path, capsys):
    """A PIPL-only service is not screened against WP248: the table said "WP248 0/9" beside activities that
    monitor people systematically, which reads as "no criterion met"; it now counts GB/T 39335-2020's criteria."""
    path = _variant(tmp_path, "cn", _in_china)
    code, out, _ = _run(capsys, "assess", str(path), "--lang", "en")
    assert code == 0
    ids = [a.id for a in load_manifest(path).processing_activities]
    rows = [line for line in out.splitlines() if line.split() and line.split()[0] in ids
            and line.split()[-1] in {"UNACCEPTABLE", "acceptable"}]
    assert rows and all("WP248" not in line and "GB/T 39335 " in line for line in rows), rows
    assert "WP248 0/9" not in out
    # a service under the GDPR keeps its WP248 count
    code, out, _ = _run(capsys, "assess", str(PULSEWEAR), "--lang", "en")
    assert "WP248 " in out and "/9" in out


def test_cross_border_recipient_in_the_notice_is_who_receives_not_whose_information(tmp_path, capsys):
    """The notice asked consent "to store or send information of safety analytics provider outside the country":
    the recipient abroad receives the user's information; its name keeps its capital."""
    old = _variant(tmp_path, "old", _in_china)

    def change(data: dict[str, Any]) -> None:
        data["recipients"].append({"id": "sg_analytics", "name": "Safety Analytics Pte (Singapore)", "type": "processor",
                                   "flow": "share", "data_groups": [data["data_groups"][0]["id"]],
                                   "legal_basis": "service_agreement", "confidentiality_agreement": True,
                                   "location": "SG", "clauses": data["recipients"][0]["clauses"]})
        data["processing_activities"][0]["recipients"].append("sg_analytics")
        data["controller"]["ownership"]["parent_company"] = "MegaRide Group Inc."

    new = _variant(tmp_path, "new", change, base=old)
    notice = tmp_path / "notice.md"
    code, _out, _ = _run(capsys, "diff", str(old), str(new), "--notice", str(notice), "--lang", "en")
    assert code == 0
    text = notice.read_text(encoding="utf-8")
    assert "to send your information to Safety Analytics Pte (Singapore), outside the country" in text
    assert "information of safety analytics" not in text.lower()
    # a company name ending the ownership sentence keeps one full stop
    assert "MegaRide Group Inc.." not in text and "MegaRide Group Inc." in text
    code, _out, _ = _run(capsys, "diff", str(old), str(new), "--notice", str(notice), "--lang", "zh")
    assert "将您的信息提供给境外的Safety Analytics Pte (Singapore)" in notice.read_text(encoding="utf-8")


def test_notification_action_names_each_clause_once():
    """Several triggers cite the policy's one "changes" clause: the action plan said "9.2; 9.2; 9.2; ..."."""
    d = report.gather(str(PULSEWEAR), str(PULSE / "pulsewear.proposed.pia.yaml"), as_of="2026-06-30",
                      run_started="2026-06-30T00:00:00Z")
    (notify,) = [a for a in report.action_plan(d) if a["what"].startswith("Notify every user")]
    cited = notify["why"].split("; ")
    assert "9.2" in cited and len(cited) == len(set(cited)), notify["why"]


def test_check_lists_untranslated_texts_after_the_findings_that_need_judgement(tmp_path, capsys):
    """One bilingual name made every plain text a warning, and dozens of them buried the real findings."""
    def change(data: dict[str, Any]) -> None:
        data["service"]["name"] = {"en": "PulseWear", "zh": "脉动穿戴"}
        data["processing_activities"][0]["measures"]["encryption_at_rest"] = "missing"

    path = _variant(tmp_path, "bi", change)
    code, out, _ = _run(capsys, "check", str(path), "--lang", "en")
    lines = out.splitlines()
    fallback = [i for i, line in enumerate(lines) if ": text in " in line]
    other = [i for i, line in enumerate(lines[1:], 1) if line.startswith(str(path)) and ": text in " not in line]
    assert fallback and other and max(other) < min(fallback)
    assert f"({len(fallback)} of the warnings: texts in one language only, listed last)" in lines[0]


def test_comma_inside_a_bilingual_text_is_named_as_the_mistake(tmp_path):
    """`{en: Trips (pick-up, drop-off), zh: ...}`: YAML splits the English at the comma; the error said "unknown
    language 'drop-off)'" without saying why."""
    text = PULSEWEAR.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    name = data["service"]["name"]
    assert f"  name: {name}\n" in text
    path = tmp_path / "comma.pia.yaml"
    path.write_text(text.replace(f"  name: {name}\n", "  name: {en: Trips (pick-up, drop-off), zh: 行程}\n", 1),
                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_manifest(path)
    assert "unknown language 'drop-off)': it looks like the end of the text before it" in str(err.value)
    path.write_text(text.replace(f"  name: {name}\n", "  name: {en: PulseWear, fr: PulseWear}\n", 1), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_manifest(path)
    assert "unknown language 'fr' (allowed: en, zh)" in str(err.value)


def test_init_skeleton_names_every_catalogue_measure():
    """Measures the skeleton did not name counted as missing: every new service's action plan was led by
    "Data minimisation" though the analyst was never asked about it."""
    from pia.declare.measures import load_catalogue

    skeleton = (Path(config.__file__).parent / "data" / "init" / "blank.pia.yaml").read_text(encoding="utf-8")
    catalogue = load_catalogue()
    ids = [m.id for m in catalogue.measures]
    assert ids and [i for i in ids if i not in skeleton] == []


DIDU = config.DATA_SAMPLES / "didu-ride"


def test_didu_ride_sample_is_a_pipl_only_service_assessed_with_gbt39335(capsys):
    """The ride-hailing sample: a Chinese controller, users in China only; GB/T 39335-2020 is the default method,
    no GDPR or WP248 rule is cited, and the proposed version (a processor in Singapore, in-car driver video) is a
    significant change that needs fresh consent and a PIPL Art. 55(4) assessment."""
    code, out, _ = _run(capsys, "check", str(DIDU / "didu-ride.pia.yaml"), "--format", "json")
    found = yaml.safe_load(out)["findings"]
    assert code == 0 and not [f for f in found if f["rule"] == "text_fallback"]
    assert not [f for f in found if "GDPR" in (f["clause"] or "") or "WP248" in (f["clause"] or "")]
    code, out, _ = _run(capsys, "assess", str(DIDU / "didu-ride.pia.yaml"), "--lang", "en")
    assert code == 0 and "[gbt39335]" in out and "WP248 0/9" not in out and "GDPR" not in out
    code, out, _ = _run(capsys, "diff", str(DIDU / "didu-ride.pia.yaml"), str(DIDU / "didu-ride.proposed.pia.yaml"),
                        "--lang", "en")
    assert code == 0 and out.count("SIGNIFICANT") == 1 and "Fresh consent required" in out
    assert "PIPL Art. 55(4)" in out and "sg_analytics" in out and "GDPR" not in out


def test_an_id_that_breaks_its_pattern_is_quoted_in_the_error(tmp_path):
    """`service: {id: Didu Ride}` said only "String should match pattern ..." without the value written."""
    text = PULSEWEAR.read_text(encoding="utf-8")
    service_id = yaml.safe_load(text)["service"]["id"]
    path = tmp_path / "id.pia.yaml"
    path.write_text(text.replace(f"  id: {service_id}\n", "  id: Didu Ride\n", 1), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_manifest(path)
    assert "service.id:" in str(err.value) and "got 'Didu Ride'" in str(err.value)
