"""End to end: a generated estate with planted violations is validated to exactly the planted counts."""
from __future__ import annotations

import pytest

from pia.samples import generate as samples
from pia.validation.run import validate

AS_OF = "2026-06-30"


@pytest.fixture(scope="module", params=[(1500, 11), (800, 29)], ids=["1500users-seed11", "800users-seed29"])
def planted(request, tmp_path_factory):
    users, seed = request.param
    out = tmp_path_factory.mktemp(f"estate{seed}")
    expected = samples.generate_estate(out, users=users, seed=seed, violations=True)
    return expected, validate(out, as_of=AS_OF)


@pytest.mark.slow
def test_every_planted_violation_found_and_nothing_else(planted):
    expected, result = planted
    assert {c.id: c.failed_rows for c in result.checks} == expected
    assert all(c.status.value == "fail" for c in result.checks if expected[c.id])


@pytest.mark.slow
def test_clean_estate_passes_every_check_later_too(tmp_path):
    samples.generate_estate(tmp_path, users=600, seed=5, violations=False)
    result = validate(tmp_path, as_of="2027-01-01")
    assert result.passed, [(c.id, c.failed_rows) for c in result.checks if c.failed_rows]
    assert {c.status.value for c in result.checks} == {"pass"}
