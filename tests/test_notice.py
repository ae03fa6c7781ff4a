"""The draft user notice: plain words, what changes, why, what users can do, whom to ask; no raw YAML."""
from __future__ import annotations

import copy
import re

import pytest

from pia.changes import rules as changes
from pia.changes.notice import draft_notice
from pia.changes.rules import Verdict, review
from pia.config import PROPOSED_MANIFEST, REFERENCE_MANIFEST
from pia.declare.manifest import Manifest, load_manifest

POLICY = REFERENCE_MANIFEST.parent.parent.parent / "shared" / "seed" / "privacy-policy.txt"


@pytest.fixture(autouse=True)
def not_high_risk(monkeypatch):
    monkeypatch.setattr(changes, "_verdict", lambda m, method: Verdict(False))


@pytest.fixture(scope="module")
def shipped_notice() -> str:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(changes, "_verdict", lambda m, method: Verdict(False))
        return draft_notice(review(load_manifest(), load_manifest(PROPOSED_MANIFEST)))


def test_shipped_notice_has_the_sections_a_user_needs(shipped_notice):
    headings = re.findall(r"^## (.+)$", shipped_notice, flags=re.MULTILINE)
    assert headings == ["What is changing", "Why this matters to you", "We will ask for your agreement first",
                        "Your rights and how to use them", "Questions and complaints", "If you do not agree"]


def test_shipped_notice_names_each_change_in_plain_words(shipped_notice):
    text = shipped_notice
    assert "familiar-face recognition on alert snapshots" in text
    assert "sensitive personal information" in text
    assert "Advertising partner" in text and "Only if you agree" in text
    assert "Harbourline Capital Holdings Ltd. becomes a controlling shareholder" in text
    assert "privacy-security@zosi.example" in text
    assert "a push notification, a pop-up in the app and email" in text
    assert "3 smaller edits" in text


def test_shipped_notice_lists_rights_with_how_and_the_contacts(shipped_notice):
    for label in ("See and correct your information", "Ask us to delete your information",
                  "Change or withdraw your consent", "Close your account"):
        assert f"**{label}.**" in shipped_notice
    assert "face recognition can be switched off" in shipped_notice
    assert "phone 400-660-8825" in shipped_notice and "Cyberspace Administration" in shipped_notice
    assert "within 30 days" in shipped_notice


def test_notice_has_no_raw_yaml_ids_or_clause_numbers(shipped_notice):
    for raw in ("data_elements", "legal_basis", "clauses", "face_template", "ad_partner", "{", "VII.2", "VIII",
                "user.biometric"):
        assert raw not in shipped_notice, raw


@pytest.mark.skipif(not POLICY.exists(), reason="reference policy text not present")
def test_notice_copies_no_eight_word_run_of_the_policy(shipped_notice):
    words = lambda s: re.findall(r"[a-z]+", s.lower())
    policy = words(POLICY.read_text(encoding="utf-8"))
    runs = {" ".join(policy[i:i + 8]) for i in range(len(policy) - 7)}
    notice = words(shipped_notice)
    copied = [" ".join(notice[i:i + 8]) for i in range(len(notice) - 7) if " ".join(notice[i:i + 8]) in runs]
    assert copied == []


def test_minor_only_notice_says_nothing_changes_for_the_user(reference_data):
    new = copy.deepcopy(reference_data)
    new["data_elements"][0]["name"] = "Account id"
    text = draft_notice(review(Manifest.model_validate(reference_data), Manifest.model_validate(new)))
    assert "small edits only" in text and "1 smaller edit " in text
    assert "## We will ask for your agreement first" not in text and "## Why this matters to you" not in text


def test_no_change_notice_says_there_is_nothing_to_tell():
    m = load_manifest()
    assert "nothing to tell users" in draft_notice(review(m, m))


def test_removed_recipient_and_new_answer_deadline_are_explained(reference_data):
    new = copy.deepcopy(reference_data)
    new["recipients"] = [r for r in new["recipients"] if r["id"] != "push_provider"]
    for act in new["processing_activities"]:
        act["recipients"] = [r for r in act.get("recipients", []) if r != "push_provider"]
    new["settings"]["rights_response_days"] = 15
    text = draft_notice(review(Manifest.model_validate(reference_data), Manifest.model_validate(new)))
    assert "**Push notification service will no longer receive your information.**" in text
    assert "within 15 days** (before: 30)" in text
