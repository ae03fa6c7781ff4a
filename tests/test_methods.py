"""Risk methods: the shipped matrices against their sources, and inconsistent method files rejected."""
from __future__ import annotations

from pathlib import Path

import pytest

from pia.errors import InputError
from pia.risk.methods import INTERNAL_IMPACT, INTERNAL_LIKELIHOOD, available_methods, load_method

FIX = Path(__file__).parent / "fixtures" / "risk"

# Table D.5 of GB/T 39335-2020 exactly as issue 3 gives it: impact row, then likelihood low..very high.
GBT_TABLE = """
severe | medium | high   | severe | severe
high   | medium | medium | high   | severe
medium | low    | medium | medium | high
low    | low    | low    | medium | medium
"""


def test_gbt39335_matrix_matches_table_d5_cell_by_cell():
    m = load_method("gbt39335")
    likelihoods = ["low", "medium", "high", "very_high"]
    cells = 0
    for line in GBT_TABLE.strip().splitlines():
        impact, *risks = [c.strip() for c in line.split("|")]
        for likelihood, expected in zip(likelihoods, risks, strict=False):
            assert m.risk(impact, likelihood) == expected, (impact, likelihood)
            cells += 1
    assert cells == 16
    assert m.impact_ids() == ["low", "medium", "high", "severe"]
    assert m.likelihood_ids() == likelihoods
    assert m.unacceptable_from == "high"
    assert "GB/T 39335-2020" in m.source


def test_cnil_high_when_both_at_least_3_medium_when_one_low_otherwise():
    m = load_method("cnil")
    ids = m.impact_ids()
    assert ids == ["negligible", "limited", "significant", "maximum"] == m.likelihood_ids()
    for i, sev in enumerate(ids, start=1):
        for j, lik in enumerate(ids, start=1):
            expected = "high" if i >= 3 and j >= 3 else "medium" if i >= 3 or j >= 3 else "low"
            assert m.risk(sev, lik) == expected, (sev, lik)


def test_ico_matrix_matches_issue_listing():
    m = load_method("ico")
    high = {("severe", "possible"), ("severe", "probable"), ("significant", "probable")}
    low = {("minimal", "remote"), ("minimal", "possible"), ("significant", "remote")}
    for sev in ("minimal", "significant", "severe"):
        for lik in ("remote", "possible", "probable"):
            expected = "high" if (sev, lik) in high else "low" if (sev, lik) in low else "medium"
            assert m.risk(sev, lik) == expected, (sev, lik)


def test_ico_maps_four_internal_steps_onto_three_levels():
    m = load_method("ico")
    assert [m.impact_from_internal[s] for s in INTERNAL_IMPACT] == ["minimal", "significant", "severe", "severe"]
    # likelihood by the words of the CNIL levels the internal steps are: "does not seem possible" and "seems
    # difficult" -> remote, "seems possible" -> possible, "extremely easy" -> probable
    assert [m.likelihood_from_internal[s] for s in INTERNAL_LIKELIHOOD] == ["remote", "remote", "possible", "probable"]
    cnil = load_method("cnil")
    assert [cnil.likelihood_from_internal[s] for s in INTERNAL_LIKELIHOOD] == [
        "negligible", "limited", "significant", "maximum"]


@pytest.mark.parametrize("name", ["gbt39335", "cnil", "ico"])
def test_shipped_method_scores_are_monotone_on_the_internal_scale(name):
    m = load_method(name)
    for i in range(4):
        for j in range(4):
            here = m.risk_rank(m.score(i, j)[2])
            if i < 3:
                assert m.risk_rank(m.score(i + 1, j)[2]) >= here
            if j < 3:
                assert m.risk_rank(m.score(i, j + 1)[2]) >= here


def test_available_methods_lists_the_three_shipped():
    assert available_methods() == ["cnil", "gbt39335", "ico"]


def test_users_own_method_file_loads_by_path():
    m = load_method(str(FIX / "method_two_levels.yaml"))
    assert m.name == "two_by_two"
    assert m.score(3, 3) == ("major", "likely", "unacceptable")
    assert m.score(1, 3)[2] == "acceptable"
    assert m.unacceptable("unacceptable") and not m.unacceptable("acceptable")


def _problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as exc:
        load_method(str(path))
    return exc.value.lines


def test_missing_cell_is_an_input_error_with_file_and_line():
    (line,) = _problems(FIX / "method_missing_cell.yaml")
    assert "method_missing_cell.yaml:30: matrix.high:" in line
    assert "'high' x likelihood 'very_high' is missing" in line


def test_unknown_risk_level_in_a_cell_is_an_input_error():
    (line,) = _problems(FIX / "method_unknown_level.yaml")
    assert "method_unknown_level.yaml:31: matrix.medium.very_high:" in line
    assert "unknown risk level 'catastrophic'" in line


def test_matrix_falling_as_likelihood_rises_is_rejected():
    lines = _problems(FIX / "method_not_monotone.yaml")
    assert any("matrix.low.very_high" in x and "must not fall as likelihood rises" in x for x in lines)


def test_unknown_method_name_lists_the_shipped_ones():
    with pytest.raises(InputError) as exc:
        load_method("iso29134")
    assert "unknown method 'iso29134'" in str(exc.value)
    assert "cnil, gbt39335, ico" in str(exc.value)


def test_method_file_that_does_not_exist_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as exc:
        load_method(str(tmp_path / "nope.yaml"))
    assert "no such file" in str(exc.value)


def test_unmapped_internal_step_and_unknown_unacceptable_level(tmp_path):
    text = (FIX / "method_two_levels.yaml").read_text()
    text = text.replace("very_high: likely}", "}").replace("unacceptable_from: unacceptable",
                                                            "unacceptable_from: dreadful")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    joined = "\n".join(_problems(bad))
    assert "internal step 'very_high' is not mapped" in joined
    assert "unknown risk level 'dreadful'" in joined
