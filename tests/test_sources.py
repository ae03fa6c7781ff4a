"""Every citation of the kit comes from the catalogue pia/data/sources.yaml; the catalogue itself is well formed."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

import pia
from pia.config import METHODS_DIR, PACKAGE_DATA
from pia.sources import citation_ids, load_sources, lookup, unknown

PACKAGE = Path(pia.__file__).parent
# keyword arguments and fields whose string value is a citation
CITATION_NAMES = {"clause", "source", "basis", "citation"}
# where the reference policy is kept next to the checkout (this repository's layout, or its worktree's)
POLICY_CANDIDATES = [PACKAGE.parent.parent / "shared" / "seed" / "privacy-policy.txt",
                     PACKAGE.parent.parent.parent / "shared" / "seed" / "privacy-policy.txt"]


def _citations_in_code() -> list[tuple[str, str]]:
    """(where, citation) for string constants given to a citation keyword, or as the 5th argument of lint's `add`."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for kw in node.keywords:
                # a plotly hover placeholder (`clause="%{customdata[0]}"`) fills in a clause at display time: no citation
                if kw.arg in CITATION_NAMES and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str) \
                        and not kw.value.value.startswith("%{"):
                    out.append((f"{path.relative_to(PACKAGE)}:{kw.value.lineno}", kw.value.value))
            if getattr(node.func, "id", None) == "add" and len(node.args) >= 5 \
                    and isinstance(node.args[4], ast.Constant) and isinstance(node.args[4].value, str):
                out.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", node.args[4].value))
            # lint's clause choosers: `_cite(m, policy_clause, standard)` and `m.cite(...) or standard`
            if getattr(node.func, "id", None) == "add" and len(node.args) >= 5 and isinstance(node.args[4], ast.BoolOp):
                out += [(f"{path.relative_to(PACKAGE)}:{node.lineno}", x.value) for x in node.args[4].values
                        if isinstance(x, ast.Constant) and isinstance(x.value, str)]
            # lint's citations by regime: `law(cn, eu)` (other `by_regime` calls build sentences, not citations)
            if getattr(node.func, "id", None) == "law":
                out += [(f"{path.relative_to(PACKAGE)}:{node.lineno}", x.value) for x in node.args
                        if isinstance(x, ast.Constant) and isinstance(x.value, str)]
            if getattr(node.func, "id", None) == "_cite":
                out += [(f"{path.relative_to(PACKAGE)}:{node.lineno}", x.value) for x in node.args[1:]
                        if isinstance(x, ast.Constant) and isinstance(x.value, str)]
    return out


def _citations_in_tables() -> list[tuple[str, str]]:
    """(where, citation) from the rule tables and package data."""
    from pia.changes.rules import MINOR_CLAUSE, REASONS, TRIGGERS
    from pia.declare.measures import load_measures
    from pia.declare.taxonomy import load_taxonomy
    from pia.risk.screening import RULES as SCREENING
    from pia.validation.checks import CHECKS

    out = [(f"trigger {t.id}", t.clause) for t in TRIGGERS.values()] + [("minor", MINOR_CLAUSE)]
    out += [(f"re-consent {r.kind}", r.clause) for r in REASONS.values()]
    out += [(f"screening {r.id}", r.source) for r in SCREENING]
    out += [(f"check {c.id}", c.clause) for c in CHECKS]
    tax = load_taxonomy()
    out += [(f"taxonomy {k}", tax[k].basis) for k in tax.keys() if tax[k].basis]  # noqa: SIM118 (Taxonomy is no dict)
    for m in load_measures().values():
        out += [(f"measure {m.id}", s) for s in m.sources] + [(f"measure {m.id}", c) for c in m.policy_clauses]
    for path in sorted(METHODS_DIR.glob("*.yaml")):
        out.append((f"method {path.name}", yaml.safe_load(path.read_text(encoding="utf-8"))["source"]))
    # the vocabulary of any service: legal bases, special-category conditions, rights and transfers by regime
    from pia.changes.rules import GDPR_REASONS
    from pia.declare import vocabulary as v

    out += [(f"legal basis {b.id}", s) for b in v.LEGAL_BASIS_INFO for s in b.sources]
    out += [("special-category condition", c) for c in v.SPECIAL_CATEGORY_CONDITIONS]
    out += [(f"rights {r}", s) for r, rights in v.REQUIRED_RIGHTS.items() for _, s in rights]
    for table in ("AUTOMATED_DECISION_RIGHT", "TRANSFER_RULES", "STORAGE_RULES"):
        out += [(f"{table} {r}", s) for r, s in getattr(v, table).items()]
    out += [(f"re-consent {k} (GDPR)", c) for k, c in GDPR_REASONS.items()]
    out += [(f"taxonomy {k} (GDPR)", tax[k].special_category) for k in tax.keys() if tax[k].special_category]  # noqa: SIM118
    # PIPL Art. 55's items (screening and change review) and the grounds of the notice's closing line
    from pia.changes.notice import NOTICE_GROUNDS
    from pia.risk.screening import PIPL55_ITEMS

    out += [(f"PIPL Art. 55 item {i.id}", i.clause) for i in PIPL55_ITEMS.values()]
    out += [(f"notice ground {k}", c) for k, c in NOTICE_GROUNDS.items()]
    return out


def test_catalogue_entries_are_complete_and_unique():
    raw = yaml.safe_load((PACKAGE_DATA / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    ids = [e["id"] for e in raw]
    assert len(ids) == len(set(ids)) == len(load_sources())
    assert all(e["title"].strip() and e["says"].strip() for e in raw)


@pytest.mark.parametrize("family", ["GB/T 35273-2020 ", "GB/T 39335-2020 ", "PIPL Art. ", "GDPR Art. ", "WP248",
                                    "CNIL PIA", "ICO ", "VII.2("])
def test_catalogue_covers_each_family_the_kit_cites(family):
    assert any(i.startswith(family) for i in load_sources())


def test_every_citation_of_the_rule_tables_and_data_is_catalogued():
    bad = [(where, c, unknown(c)) for where, c in _citations_in_tables() if unknown(c)]
    assert bad == []


def test_every_citation_literal_in_the_code_is_catalogued():
    found = _citations_in_code()
    assert len(found) > 15  # the walk really finds the lint citations (check clauses are manifest data now)
    bad = [(where, c, unknown(c)) for where, c in found if unknown(c)]
    assert bad == []


def test_a_citation_outside_the_catalogue_is_caught():
    assert unknown("GB/T 39335-2020 Annex Z") == ["GB/T 39335-2020 Annex Z"]
    assert unknown("PIPL Art. 38-39") == ["PIPL Art. 38-39"]
    assert unknown("pia default: the kit's own threshold") == []
    assert citation_ids("PIPL Art. 28 (whereabouts, minors); IV.1(3)") == ["PIPL Art. 28", "IV.1(3)"]
    with pytest.raises(KeyError, match="not in sources.yaml"):
        lookup("GDPR Art. 99")


@pytest.mark.parametrize("wrong,where", [
    ("I.5(10)", "measure deidentification"), ("V.4", "measure retention_enforcement"),
])
def test_the_wrong_citations_of_the_issue_are_gone(wrong, where):
    assert (where, wrong) not in _citations_in_tables()


def test_credentials_basis_is_network_identity_and_snapshots_do_not_cite_personal_images():
    from pia.declare.taxonomy import load_taxonomy
    tax = load_taxonomy()
    assert "network identity" in tax["user.authorization.credentials"].basis
    assert "personal images" not in tax["user.content.camera_snapshot"].basis
    assert "whereabouts" in tax["user.content.camera_snapshot"].basis
    assert tax["user.order.record"].sensitive and tax["user.behavior.browsing_history"].sensitive


def test_says_paraphrases_the_policy_never_copies_eight_words():
    policy = next((p for p in POLICY_CANDIDATES if p.exists()), None)
    if policy is None:
        pytest.skip("reference policy text not beside the checkout")
    words = lambda t: re.findall(r"[a-z0-9]+", t.lower())
    pw = words(policy.read_text(encoding="utf-8"))
    shingles = {" ".join(pw[i:i + 8]) for i in range(len(pw) - 7)}
    ours = words((PACKAGE_DATA / "sources.yaml").read_text(encoding="utf-8"))
    assert [" ".join(ours[i:i + 8]) for i in range(len(ours) - 7) if " ".join(ours[i:i + 8]) in shingles] == []
