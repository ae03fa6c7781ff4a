"""The calibration runner's mechanics (benchmarks/calibration/run.py), not its figures: how a rated point is read
from the engine when a case compares its two gauges at different stages (third risk-model review, issue 12)."""
from __future__ import annotations

import importlib.util

import pytest
import yaml

from pia.config import PROJECT_ROOT
from pia.declare.manifest import parse_manifest
from pia.declare.measures import FearedEvent
from pia.risk.methods import load_method
from pia.risk.scoring import Stage, assess

CASES = PROJECT_ROOT / "benchmarks" / "calibration" / "cases"


def _load_runner():
    spec = importlib.util.spec_from_file_location("calibration_run", PROJECT_ROOT / "benchmarks" / "calibration" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


run = _load_runner()


def test_a_point_names_one_stage_or_one_per_gauge():
    assert run.point_stages("current") == (Stage.current, Stage.current)
    assert run.point_stages({"severity": "inherent", "likelihood": "current"}) == (Stage.inherent, Stage.current)
    with pytest.raises(ValueError):
        run.point_stages({"severity": "inherent"})  # a per-gauge stage names both gauges
    with pytest.raises(ValueError):
        run.point_stages({"severity": "inherent", "likelihood": "current", "risk": "planned"})


def test_per_gauge_point_reads_severity_and_likelihood_at_their_stages_and_the_band_from_the_matrix():
    # a manifest whose inherent and current stages differ on both gauges (its measures lower both)
    data = yaml.safe_load((CASES / "vws-coronamelder.pia.yaml").read_text(encoding="utf-8"))
    method = load_method("ico")
    ratings = {"unwanted_modification": {"severity": 3, "likelihood": 1, "band": "acceptable"}}
    rows = run._compare("x", "before", (Stage.inherent, Stage.current), method, data, ratings, "x.pia.yaml")
    result = assess(parse_manifest(yaml.safe_dump(data, sort_keys=False), "x.pia.yaml"), method=method)
    act = result.activities[0]
    inherent = act.stages[Stage.inherent][FearedEvent.unwanted_modification]
    current = act.stages[Stage.current][FearedEvent.unwanted_modification]
    assert (inherent.impact, inherent.likelihood) != (current.impact, current.likelihood)  # the test can tell them apart
    levels = result.levels
    row = rows[0]
    assert row["stage"] == "inherent/current"
    assert row["engine"]["severity"] == levels["impact"].index(inherent.impact) + 1
    assert row["engine"]["likelihood"] == levels["likelihood"].index(current.likelihood) + 1
    assert row["engine"]["level"] == method.risk(inherent.impact, current.likelihood)
    unacceptable = method.unacceptable(row["engine"]["level"])
    assert row["engine"]["band"] == ("unacceptable" if unacceptable else "acceptable")
    # one stage for both gauges reads the engine's own score at that stage
    same = run._compare("x", "before", (Stage.current, Stage.current), method, data, ratings, "x.pia.yaml")[0]
    assert same["stage"] == "current" and same["engine"]["level"] == current.level


def test_every_case_point_has_a_stage_the_runner_reads():
    for case_file in sorted(CASES.glob("*.case.yaml")):
        case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
        stages = case.get("stages", run.DEFAULT_STAGES)
        for point in case["ratings"]:
            sev, lik = run.point_stages(stages[point])
            assert isinstance(sev, Stage) and isinstance(lik, Stage), (case_file.name, point)
