"""Fixes after the assessor's kidwatch trial: guardian consent in the change review, why a child's data is sensitive."""

from __future__ import annotations

from pia import config
from pia.changes.notice import draft_notice
from pia.changes.rules import review
from pia.declare.manifest import load_manifest
from pia.i18n import use_language

KIDWATCH_DIR = config.DATA_SAMPLES / "kidwatch"


def _review():
    return review(load_manifest(KIDWATCH_DIR / "kidwatch.pia.yaml"),
                  load_manifest(KIDWATCH_DIR / "kidwatch.proposed.pia.yaml"))


def test_fresh_consent_for_a_childs_data_names_the_guardian_under_each_law():
    r = _review()
    by = {(x.kind, x.subject): x for x in r.reasons}
    purpose = by[("new_purpose", "voice_transcription")]
    assert "PIPL Art. 31" in purpose.clause and "GDPR Art. 8(1)" in purpose.clause
    assert "parent or guardian" in purpose.text and "under 14" in purpose.text and "under 16" in purpose.text
    # providing data abroad needs separate consent under PIPL only: the GDPR's Art. 8(1) is not cited for it
    abroad = by[("cross_border", "speech_ai")]
    assert "PIPL Art. 31" in abroad.clause and "GDPR Art. 8(1)" not in abroad.clause
    assert "GDPR Art. 8(1)" not in abroad.text


def test_a_service_without_children_gets_no_guardian_text():
    r = review(load_manifest(config.DATA_SAMPLES / "didu-ride" / "didu-ride.pia.yaml"),
               load_manifest(config.DATA_SAMPLES / "didu-ride" / "didu-ride.proposed.pia.yaml"))
    assert r.reasons and not any("PIPL Art. 31" in x.clause or "guardian" in x.text for x in r.reasons)


def test_the_draft_notice_says_the_parent_or_guardian_agrees():
    with use_language("en"):
        text = draft_notice(_review())
    assert "child's parent or guardian" in text and "under 14" in text and "under 16" in text
    with use_language("zh"):
        zh = draft_notice(_review())
    assert "监护人" in zh


def test_a_child_override_says_why_the_element_is_sensitive():
    r = _review()
    name = next(x for x in r.reasons if x.kind == "new_sensitive_category" and x.subject == "user.name")
    assert "sensitive category user.name" not in name.text
    assert "a child's information, sensitive under PIPL Art. 28" in name.text
    assert "PIPL Art. 28" in name.clause
    zh = name.text.render("zh")
    assert "PIPL Art. 28" in zh and "儿童" in zh and "sensitive" not in zh


def test_under_the_gdpr_alone_only_article_8_is_named():
    import yaml

    from pia.declare.manifest import Manifest

    def load(name):
        data = yaml.safe_load((KIDWATCH_DIR / name).read_text(encoding="utf-8"))
        data["service"]["jurisdictions"], data["controller"]["jurisdiction"] = ["EU"], "NL"
        return Manifest.model_validate(data)

    r = review(load("kidwatch.pia.yaml"), load("kidwatch.proposed.pia.yaml"))
    assert r.reasons and not any(x.kind == "cross_border" for x in r.reasons)
    assert all("PIPL Art. 31" not in x.clause and "PIPL Art. 31" not in x.text for x in r.reasons)
    assert all("GDPR Art. 8(1)" in x.clause for x in r.reasons)


def test_most_harmful_data_on_a_tie_is_chosen_by_its_own_facts_not_alphabetically():
    """voice_messaging holds voice_clips and child_nickname, both sensitive by override at the same step: the
    report said voice messages were "driven by child's nickname" (alphabetical). The declared order now decides
    between equals, the tie is named, and data sensitive by its own category goes before an override."""
    from pia.risk.scoring import assess, most_harmful

    m = load_manifest(KIDWATCH_DIR / "kidwatch.pia.yaml")
    act = next(a for a in assess(m).activities if a.id == "voice_messaging")
    bases = [f for f in act.factors if f.rule == "impact.base"]  # one per feared event
    assert bases and all(f.reason == bases[0].reason for f in bases)
    base = bases[0]
    assert base.reason.startswith("most harmful data: voice_clips (")
    assert "as harmful: child_nickname" in base.reason
    # sensitive by category (a precise track) beats sensitive by override, whatever the declared order
    by_id = {e.id: e for e in m.data_elements}
    _, _, top, tied = most_harmful([by_id["child_nickname"], by_id["gps_track"]], m.regimes)
    assert top.id == "gps_track"
    # two overrides of the same taxonomy impact: the declared order (voice_clips is now sensitive by its category,
    # a voice message, so it goes first whatever the order)
    step, _, top, tied = most_harmful([by_id["child_nickname"], by_id["child_birth_date"]], m.regimes)
    assert top.id == "child_nickname" and [e.id for e in tied] == ["child_birth_date"]
    _, _, top, tied = most_harmful([by_id["child_nickname"], by_id["voice_clips"]], m.regimes)
    assert top.id == "voice_clips" and [e.id for e in tied] == ["child_nickname"]


def test_a_childrens_service_gets_children_birth_dates(tmp_path):
    """kidwatch's children were born 1966-1995 (adults): a birth-date column whose category's elements are all
    minors' gets ages below the lowest minor age of the service's regimes; the reference service keeps adults."""
    import csv
    import datetime as dt

    from pia.samples.declared import generate_declared

    ref = dt.date(2026, 11, 30)
    generate_declared(tmp_path / "kid", load_manifest(KIDWATCH_DIR / "kidwatch.pia.yaml"), users=100, seed=7,
                      violations=False, reference_date=ref)
    with (tmp_path / "kid" / "children.csv").open(encoding="utf-8") as f:
        born = [dt.date.fromisoformat(r["born_on"]) for r in csv.DictReader(f)]

    def age(b):
        return ref.year - b.year - ((ref.month, ref.day) < (b.month, b.day))

    assert born and all(3 <= age(b) < 14 for b in born)
    generate_declared(tmp_path / "ref", load_manifest(config.REFERENCE_MANIFEST), users=100, seed=7,
                      reference_date=ref)
    births = [r[k] for p in (tmp_path / "ref").glob("*.csv") for r in csv.DictReader(p.open(encoding="utf-8"))
              for k in r if "birth" in k and r[k]]
    assert births and all(age(dt.date.fromisoformat(b)) >= 18 for b in births)
