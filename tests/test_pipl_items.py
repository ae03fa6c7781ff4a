"""PIPL Art. 55's items are worded once (`pia.risk.screening.PIPL55_ITEMS`), as the law words them, and read by both
the high-risk screening and the change review's assessment cases."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import pia.changes.assessment as assessment
from pia.changes.rules import review
from pia.config import PROPOSED_MANIFEST, REFERENCE_MANIFEST
from pia.declare.manifest import load_manifest
from pia.i18n import _, use_language
from pia.risk.screening import PIPL55_ITEMS, RULES, Framework
from pia.sources import unknown

# PIPL Art. 55 (official Chinese text), items (1)-(5); item (3) is read as two cases by the kit.
LAW_ZH = {"pipl55.1": "处理敏感个人信息", "pipl55.2": "利用个人信息进行自动化决策", "pipl55.3a": "委托处理个人信息",
          "pipl55.3b": "向其他个人信息处理者提供个人信息、公开个人信息", "pipl55.4": "向境外提供个人信息",
          "pipl55.5": "其他对个人权益有重大影响的个人信息处理活动"}


@pytest.fixture(scope="module")
def reference_review():
    return review(load_manifest(REFERENCE_MANIFEST), load_manifest(PROPOSED_MANIFEST))


def test_ids_are_stable_and_clauses_name_their_item():
    assert list(PIPL55_ITEMS) == list(LAW_ZH)
    for item in PIPL55_ITEMS.values():
        number = item.id.removeprefix("pipl55.").rstrip("ab")
        assert item.clause == f"PIPL Art. 55({number})" and unknown(item.clause) == []


def test_each_item_in_chinese_is_the_law_s_own_wording():
    with use_language("zh"):
        assert {k: _(i.words) for k, i in PIPL55_ITEMS.items()} == LAW_ZH


def test_screening_criteria_take_id_clause_and_words_from_the_table():
    pipl = {r.id: (r.name, r.source) for r in RULES if r.framework is Framework.pipl55}
    assert pipl == {k: (i.words, i.clause) for k, i in PIPL55_ITEMS.items() if k != "pipl55.5"}


def test_change_review_cases_take_clause_and_words_from_the_table(reference_review):
    cases = reference_review.risk.pipl_assessment_required
    assert {c.case for c in cases} >= {"pipl55.1", "pipl55.3a", "pipl55.3b", "pipl55.5"}
    for c in cases:
        assert (c.clause, str(c.item)) == (PIPL55_ITEMS[c.case].clause, PIPL55_ITEMS[c.case].words)
    data = reference_review.to_dict()["risk"]["pipl_assessment_required"]
    assert {(c["case"], c["item"]) for c in data} == {(c.case, PIPL55_ITEMS[c.case].words) for c in cases}


def test_the_change_room_words_no_item_of_its_own():
    """A second wording of Art. 55 in the change room (a string citing it, or a marked message) would drift."""
    tree = ast.parse(Path(assessment.__file__).read_text(encoding="utf-8"))
    cited = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
             and re.search(r"PIPL Art\. 55\(\d\)", n.value)]
    marked = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "N_"]
    assert cited == [] and marked == [] and not hasattr(assessment, "ITEMS")
