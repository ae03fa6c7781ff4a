"""docs/reference-audit.md covers every clause of the policy and every assumption; nothing is copied from the policy."""
from __future__ import annotations

import re

import pytest

from pia.config import PROJECT_ROOT, PROPOSED_MANIFEST, REFERENCE_MANIFEST
from pia.declare.assumptions import list_assumptions, undisclosed
from pia.declare.lint import lint
from pia.declare.manifest import load_manifest
from pia.sources import load_sources

AUDIT = PROJECT_ROOT / "docs" / "reference-audit.md"
POLICY_CANDIDATES = [PROJECT_ROOT.parent / "shared" / "seed" / "privacy-policy.txt",
                     PROJECT_ROOT.parent.parent / "shared" / "seed" / "privacy-policy.txt"]


def _policy_words() -> list[str]:
    policy = next((p for p in POLICY_CANDIDATES if p.exists()), None)
    if policy is None:
        pytest.skip("reference policy text not beside the checkout")
    return re.findall(r"[a-z0-9]+", policy.read_text(encoding="utf-8").lower())


def _copied(text: str, policy: list[str]) -> list[str]:
    shingles = {" ".join(policy[i:i + 8]) for i in range(len(policy) - 7)}
    ours = re.findall(r"[a-z0-9]+", text.lower())
    return [" ".join(ours[i:i + 8]) for i in range(len(ours) - 7) if " ".join(ours[i:i + 8]) in shingles]


def test_every_policy_clause_has_a_row():
    rows = {line.split("|")[1].strip() for line in AUDIT.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and not line.startswith("| Clause")}
    clauses = [k for k, v in load_sources().items() if v.title.startswith("ZOSI Privacy Policy ")]
    assert len(clauses) >= 70 and [c for c in clauses if c not in rows] == []


def test_every_assumption_of_the_reference_is_listed_with_its_reason():
    text = AUDIT.read_text(encoding="utf-8")
    missing = [a.about for a in list_assumptions(load_manifest(REFERENCE_MANIFEST)) if f"`{a.about}`" not in text]
    assert missing == []


def test_undisclosed_practices_are_findings_not_clauses():
    m = load_manifest(REFERENCE_MANIFEST)
    assert {a.about for a in undisclosed(m)} == {"data_elements[birth_date]",
                                                 "recipients[cloud_provider].data_groups[snapshot]",
                                                 "recipients[push_provider].data_groups[snapshot]"}
    found = {f.path for f in lint(m) if f.rule == "not_disclosed"}
    assert found == {a.about for a in undisclosed(m)}
    assert "I.4" not in m.recipient("push_provider").clauses


@pytest.mark.parametrize("path", [REFERENCE_MANIFEST, PROPOSED_MANIFEST])
def test_estimates_the_issue_names_are_marked(path):
    m = load_manifest(path)
    assumed = {a.about for a in list_assumptions(m)}
    for act in m.processing_activities:
        assert f"processing_activities[{act.id}].subjects_count" in assumed
        assert f"processing_activities[{act.id}].storage" in assumed
    assert "processing_activities[alert_snapshots].measures.retention_enforcement" in assumed
    assert "processing_activities[alert_snapshots].measures.deidentification" in assumed


def test_reference_facts_the_issue_names_are_fixed():
    m = load_manifest(REFERENCE_MANIFEST)
    assert any(e.category == "user.content.video_recording" and "I.3" in e.clauses for e in m.data_elements)
    assert m.controller.security_department.contact.phone is None
    assert all("one-way" not in e.name and "hash" not in e.name for e in m.data_elements)
    assert all("erased after cancellation" not in e.retention.rule for e in m.data_elements)
    assert "request" in next(c for c in m.commitments if c.id == "erasure_after_cancellation").summary
    minors = m.activity("minor_protection")
    assert minors.subjects_count < 100_000 and [s.value for s in minors.data_subjects] == ["minors"]
    assert m.activity("website_cookies").legal_basis != "consent"
    assert m.activity("email_tracking").consent_scope is None
    claims = [r for r in m.recipients if "IV.1(4)" in r.clauses]
    assert claims and claims[0].legal_basis.value == "legal_claim"


@pytest.mark.parametrize("path", [AUDIT, REFERENCE_MANIFEST, PROPOSED_MANIFEST])
def test_nothing_is_copied_from_the_policy(path):
    assert _copied(path.read_text(encoding="utf-8"), _policy_words()) == []
