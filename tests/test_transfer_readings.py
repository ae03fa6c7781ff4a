"""Transfers read by each law from declared facts: the CNIL export's third countries, whose data a place holds, the
PIPL reading for a handler abroad, and input errors that name list items by id.

Samples: examsight (a Dutch handler serving the EU and China: Frankfurt host, US face vendor, Indian reviewers,
Dutch schools) and kidwatch (a Chinese handler with a cloud region per group of users, its policy 4.1).
"""
from __future__ import annotations

import pytest

from pia import config
from pia.cli import main
from pia.declare.manifest import load_manifest
from pia.declare.transfers import GDPR_TRANSFER_SOURCES, HANDLER_ABROAD_SOURCES, adequacy, kept_in, leaving
from pia.errors import InputError
from pia.export.cnil import cnil_pia
from pia.risk.screening import screen
from pia.sources import load_sources
from pia.yamlsource import path_of

EXAMSIGHT = config.DATA_SAMPLES / "examsight" / "examsight.pia.yaml"
KIDWATCH = config.DATA_SAMPLES / "kidwatch" / "kidwatch.pia.yaml"
DIDU = config.DATA_SAMPLES / "didu-ride" / "didu-ride.pia.yaml"


def _answer(doc: dict, ref: int) -> str:
    return next(a["data"]["text"] for a in doc["answers"] if a["reference_to"] == ref)


def _pipl554(m, a):
    return next(c for c in screen(m, a) if c.id == "pipl55.4")


def _recipients(m, **moves):
    return m.model_copy(update={"recipients": [r.model_copy(update=moves[r.id]) if r.id in moves else r
                                               for r in m.recipients]})


# ------------------------------------------------------------------ 1. the CNIL export asks GDPR Chapter V


def test_cnil_transfers_answer_leaves_an_eu_host_out_and_names_adequacy():
    m = load_manifest(EXAMSIGHT)
    text = _answer(cnil_pia(m, "2026-06-30"), 227)
    # a Dutch handler's Frankfurt host and Dutch schools are inside the EU/EEA: no third country (GDPR Art. 44)
    assert "Cloud hosting provider" not in text and "school" not in text
    assert "Human review of flagged moments (India): receives data of people in the EU/EEA in IN (no adequacy" in text
    assert "US (adequacy decision only for organisations certified under the EU-US Data Privacy Framework" in text
    # a destination with an adequacy decision (GDPR Art. 45) is named as one
    text = _answer(cnil_pia(_recipients(m, review_contractor={"location": "JP"}), "2026-06-30"), 227)
    assert "in JP (adequacy decision: GDPR Art. 45)" in text


def test_cnil_transfers_answer_uses_the_ropa_facts_and_keeps_the_home_view_outside_the_gdpr():
    from pia.export.ropa import record_table

    m = load_manifest(EXAMSIGHT)
    text = _answer(cnil_pia(m, "2026-06-30"), 227)
    table = record_table(m)
    cells = "; ".join(r[table.columns.index("third_country_transfers")] for r in table.rows)
    for r in m.recipients:
        assert (r.name in text) == (f"{r.name} ({r.location})" in cells)
    # a service the GDPR does not reach (users in China only, controller in China): the controller's view, as before
    zosi = load_manifest(config.REFERENCE_MANIFEST)
    assert _answer(cnil_pia(zosi, "2026-06-30"), 227) == "<p>No data leaves CN.</p>"


def test_adequacy_reads_the_commissions_list():
    assert [adequacy(x) for x in ("JP", "ch", "GB", "US", "CA", "IN", "CN")] == \
        ["yes", "yes", "yes", "in part", "in part", "no", "no"]


# ------------------------------------------------------------------ 2. whose data a place holds: declared first


def _undeclared(m):
    acts = [a.model_copy(update={"storage": a.storage.model_copy(update={"residency": None})})
            for a in m.processing_activities]
    m = m.model_copy(update={"processing_activities": acts})
    return _recipients(m, cloud_cn={"data_of": None}, cloud_eu={"data_of": None})


def test_a_declared_residency_decides_and_the_finding_says_so():
    m = load_manifest(KIDWATCH)
    a = m.processing_activities[0]
    assert a.storage.residency == {"CN": ["CN"], "DE": ["EU"]}
    c = _pipl554(m, a)
    assert not c.met and "storage in DE holds the data of people in EU only (declared: " in str(c.evidence)
    assert "recipients[cloud_eu].data_of" in str(c.evidence) and "pia default" not in str(c.evidence)
    assert all(k.declared for k in kept_in(m, a, "CN"))


def test_without_a_declaration_the_inference_is_a_labelled_fallback():
    m = _undeclared(load_manifest(KIDWATCH))
    a = m.processing_activities[0]
    c = _pipl554(m, a)
    assert not c.met and "is read as holding the data of the activity's data subjects in EU (pia default" in str(c.evidence)
    assert f"declare processing_activities[{a.id}].storage.residency" in str(c.evidence)
    assert not any(k.declared for k in kept_in(m, a, "CN"))


def test_a_declaration_overrides_the_inference():
    m = load_manifest(KIDWATCH)
    a = m.processing_activities[0]
    # Frankfurt declared to hold people in China's data too: it provides their data abroad, whatever the inference
    both = a.model_copy(update={"storage": a.storage.model_copy(update={"residency": {"CN": ["CN"], "DE": ["EU", "CN"]}})})
    m2 = m.model_copy(update={"processing_activities": [both, *m.processing_activities[1:]]})
    assert [t.fact for t in leaving(m2, both, "CN")] == ["DE"] and _pipl554(m2, both).met
    # the GDPR's view: the China region declared for families in China takes no EU family's data out
    assert "cloud_cn" not in [t.fact for t in leaving(m, a, "EU")]
    assert "cloud_cn" in [t.fact for t in leaving(_undeclared(m), a, "EU")]


def test_the_assessment_lists_an_unmet_pipl_case_that_rests_on_a_reading():
    from pia.risk.screening import summary

    m = load_manifest(KIDWATCH)
    (item,) = summary(screen(m, m.processing_activities[0]))["unmet_on_a_reading"]
    assert item["id"] == "pipl55.4" and "declared: " in item["evidence"]
    ref = load_manifest(config.REFERENCE_MANIFEST)  # nothing kept: the key is absent, documents as before
    assert "unmet_on_a_reading" not in summary(screen(ref, ref.processing_activities[0]))


def test_check_reads_a_declared_recipient_region():
    from pia.declare.lint import lint

    def for_subjects(m):
        return {f.path for f in lint(m) if f.rule == "recipient_abroad_for_subjects"}

    m = load_manifest(KIDWATCH)
    assert not any("cloud_cn" in p for p in for_subjects(m)) and any("map_provider" in p for p in for_subjects(m))
    assert any("cloud_cn" in p for p in for_subjects(_undeclared(m)))


def test_residency_must_name_storage_locations(write_manifest):
    text = KIDWATCH.read_text(encoding="utf-8").replace("residency: {CN: [CN], DE: [EU]}", "residency: {CN: [CN], US: [EU]}", 1)
    with pytest.raises(InputError) as exc:
        load_manifest(write_manifest(text))
    (line,) = exc.value.lines
    assert ": processing_activities[account_management].storage: residency names US, not among the storage locations" in line


# ------------------------------------------------------------------ 3. PIPL for a handler abroad


def test_a_handler_abroad_finding_states_its_reading():
    m = load_manifest(EXAMSIGHT)
    check = next(a for a in m.processing_activities if a.id == "identity_check")
    c = _pipl554(m, check)
    text = str(c.evidence)
    # its own storage (DE, in its regime) is direct collection; the US vendor and the Frankfurt host are other parties
    assert c.met and "stored in" not in text.split("; reading")[0]
    assert "recipient face_vendor in US" in text and "recipient cloud_host in DE" in text
    assert "reading (pia default): PIPL reaches a handler outside China through Art. 3(2)" in text
    assert "Art. 53" in text and "EDPB Guidelines 05/2021 (v2.0), section 2" in text and "conservative" not in text
    # a handler in China has no such reading: it provides abroad under PIPL Art. 38 itself
    kid = load_manifest(KIDWATCH)
    assert "reading (pia default)" not in str(_pipl554(kid, kid.processing_activities[0]).evidence)


def test_the_readings_cite_catalogued_sources():
    known = load_sources()
    assert [s for s in HANDLER_ABROAD_SOURCES + GDPR_TRANSFER_SOURCES if s not in known] == []


# ------------------------------------------------------------------ 4. input errors name items by id


def test_path_of_names_items_by_id_and_keeps_the_index_otherwise():
    data = {"processing_activities": [{"id": "a"}, {"id": "ride_matching", "storage": {"locations": ["CN"]}}],
            "rights": [{"kind": "access"}], "data_elements": [{"id": "x"}, {"id": "x"}]}
    assert path_of(data, ("processing_activities", 1, "storage", "locations", 0)) == \
        "processing_activities[ride_matching].storage.locations.0"
    assert path_of(data, ("rights", 0, "kind")) == "rights.0.kind"  # no id
    assert path_of(data, ("data_elements", 1, "id")) == "data_elements.1.id"  # an id two items share names neither
    assert path_of(data, ("processing_activities", 5)) == "processing_activities.5"


@pytest.mark.parametrize("lang,words", [("en", "required field is missing"), ("zh", "缺少必填字段")])
def test_an_input_error_names_the_activity_by_id_in_each_language(capsys, write_manifest, lang, words):
    text = DIDU.read_text(encoding="utf-8")
    start = text.index("  - id: ride_matching")
    bad = text[:start] + text[start:].replace("    legal_basis: contract\n", "", 1)
    path = write_manifest(bad)
    line = text[:start].count("\n") + 1
    with pytest.raises(SystemExit) as exc:
        main(["check", str(path), "--lang", lang])
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert f"{path}:{line}: processing_activities[ride_matching].legal_basis: {words}" in err


# ------------------------------------------------------------------ 5. the likelihood reads the same declarations


def _flow(m, activity: str) -> dict:
    from pia.risk.scoring import assess
    doc = assess(m, "gbt39335").model_dump(mode="json")
    act = next(x for x in doc["activities"] if x["id"] == activity)
    return next(f for f in act["likelihood_factors"]["illegitimate_access"] if f["group"] == "flow")


def test_a_region_declared_to_hold_only_its_own_peoples_data_raises_no_likelihood():
    # kidwatch (policy 4.1): families in China in the China region, families in the EU in Frankfurt; neither
    # region takes anyone's data out of their own regime, so the processing flow counts no data leaving
    m = load_manifest(KIDWATCH)
    flow = _flow(m, "friends")
    assert flow["rating"] == 0 and not any("DE" in r or "out of" in r for r in flow["reasons"])
    # the same service without the declarations: the labelled inference keeps the China view, the EU view sees
    # the China region (and the Chinese controller's view sees Frankfurt) as data leaving
    undeclared = _flow(_undeclared(m), "friends")
    assert undeclared["rating"] == 1 and any("cloud_cn (out of EU)" in r for r in undeclared["reasons"])
    # Frankfurt declared to hold people in China's data too: it counts again
    both = [a.model_copy(update={"storage": a.storage.model_copy(update={"residency": {"CN": ["CN"], "DE": ["EU", "CN"]}})})
            for a in m.processing_activities]
    again = _flow(m.model_copy(update={"processing_activities": both}), "friends")
    assert again["rating"] == 1 and any("stored in DE" in r for r in again["reasons"])


def _safeguards(m, activity: str) -> dict:
    from pia.risk.scoring import assess
    doc = assess(m, "gbt39335").model_dump(mode="json")
    act = next(x for x in doc["activities"] if x["id"] == activity)
    return next(x for x in act["measures"] if x["measure"] == "transfer_safeguards")


def test_transfer_safeguards_apply_only_where_a_regime_reads_data_leaving():
    # the measure's applicability reads the same view as the likelihood: kidwatch's regional clouds take nobody's
    # data abroad, so no safeguard is owed for them; its map provider abroad still needs one
    m = load_manifest(KIDWATCH)
    friends = _safeguards(m, "friends")
    assert not friends["applies_by_facts"] and friends["status"] == "not_applicable"
    undeclared = _safeguards(_undeclared(m), "friends")
    assert undeclared["applies_by_facts"] and "cloud_cn" in undeclared["applicability"]
    located = [a.id for a in m.processing_activities if _safeguards(m, a.id)["applies_by_facts"]]
    assert located and all("map_provider" in _safeguards(m, k)["applicability"] for k in located)
