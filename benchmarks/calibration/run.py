"""Calibration benchmark: the engine against published assessments rated by their assessors.

Each case in `cases/` has a `<id>.case.yaml` (source, facts, the assessors' ratings, recorded before the engine
was run) and a `<id>.pia.yaml` (the case encoded as a manifest from its facts only). The runner scores each
manifest with the CNIL method (the cases use the CNIL's 1-4 gauges), compares severity and likelihood per feared
event with the assessors' gauges and the acceptable/unacceptable band, and prints the gaps. It is a benchmark,
not a test: nothing here is tuned to pass.

    PYTHONPATH=. python benchmarks/calibration/run.py [--json]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from pia.declare.manifest import parse_manifest
from pia.declare.measures import MeasureStatus
from pia.risk.scoring import Stage, assess

HERE = Path(__file__).parent
CASES = HERE / "cases"
# The assessors rate "with the existing or planned measures": the kit's planned stage.
STAGE = Stage.planned


def _gauge(method_levels: list[str], level: str) -> int:
    return method_levels.index(level) + 1


def _after_plan(data: dict, plan: dict) -> dict:
    """The manifest once the assessors' action plan is carried out (encoded in the case file)."""
    out = json.loads(json.dumps(data))
    for act in out["processing_activities"]:
        ms = act.setdefault("measures", {})
        for k, v in list(ms.items()):
            status = v["status"] if isinstance(v, dict) else v
            if plan.get("improvable_become_implemented") and status == MeasureStatus.improvable.value:
                ms[k] = "implemented"
        for k in plan.get("implement", []):
            ms[k] = "implemented"
    return out


def _compare(case_id: str, point: str, manifest_data: dict, ratings: dict, source: str) -> list[dict]:
    m = parse_manifest(yaml.safe_dump(manifest_data, sort_keys=False), source)
    result = assess(m, method="cnil")
    levels = result.levels
    rank_threshold = levels["risk"].index(result.threshold)
    rows = []
    for act in result.activities:
        for event, expert in ratings.items():
            score = act.stages[STAGE][event]
            sev, lik = _gauge(levels["impact"], score.impact), _gauge(levels["likelihood"], score.likelihood)
            band = "unacceptable" if levels["risk"].index(score.level) >= rank_threshold else "acceptable"
            rows.append({"case": case_id, "point": point, "activity": act.id, "event": event,
                         "expert": {"severity": expert["severity"], "likelihood": expert["likelihood"],
                                    "band": expert["band"]},
                         "engine": {"severity": sev, "likelihood": lik, "band": band, "level": score.level},
                         "gap": {"severity": abs(sev - expert["severity"]),
                                 "likelihood": abs(lik - expert["likelihood"])},
                         "same_band": band == expert["band"]})
    return rows


def run() -> dict:
    rows: list[dict] = []
    for case_file in sorted(CASES.glob("*.case.yaml")):
        case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
        manifest_file = CASES / f"{case['id']}.pia.yaml"
        data = yaml.safe_load(manifest_file.read_text(encoding="utf-8"))
        rows += _compare(case["id"], "current", data, case["ratings"]["current"], str(manifest_file))
        if "after_action_plan" in case["ratings"]:
            after = _after_plan(data, case.get("plan_encoding", {}))
            rows += _compare(case["id"], "after_action_plan", after, case["ratings"]["after_action_plan"],
                             f"{manifest_file} (after the action plan)")
    n = len(rows)
    summary = {
        "cases": sorted({r["case"] for r in rows}),
        "points": n,
        "mean_abs_gap_severity": round(sum(r["gap"]["severity"] for r in rows) / n, 3) if n else None,
        "mean_abs_gap_likelihood": round(sum(r["gap"]["likelihood"] for r in rows) / n, 3) if n else None,
        "band_agreement": f"{sum(r['same_band'] for r in rows)}/{n}",
    }
    return {"summary": summary, "rows": rows}


def main(argv: list[str]) -> int:
    out = run()
    if "--json" in argv:
        print(json.dumps(out, indent=2, sort_keys=True))
        return 0
    print(f"{'case':12} {'point':18} {'event':22} {'expert S/L band':22} {'engine S/L band':22} gap S/L")
    for r in out["rows"]:
        e, g = r["expert"], r["engine"]
        print(f"{r['case']:12} {r['point']:18} {r['event']:22} "
              f"{e['severity']}/{e['likelihood']} {e['band']:13}      {g['severity']}/{g['likelihood']} {g['band']:13}"
              f"      {r['gap']['severity']}/{r['gap']['likelihood']}{'' if r['same_band'] else '  BAND DIFFERS'}")
    s = out["summary"]
    print(f"\ncases: {', '.join(s['cases'])}; points: {s['points']}")
    print(f"mean absolute gap: severity {s['mean_abs_gap_severity']}, likelihood {s['mean_abs_gap_likelihood']} "
          f"(target <= 0.5); band agreement {s['band_agreement']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
