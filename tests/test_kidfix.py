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
