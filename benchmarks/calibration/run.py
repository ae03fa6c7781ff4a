"""Calibration benchmark: the engine against published assessments rated by their assessors.

Each case in `cases/` has a `<id>.case.yaml` (source, facts, the assessors' ratings, recorded before the engine
was run) and a `<id>.pia.yaml` (the case encoded as a manifest from its facts only). The runner scores each
manifest with the method the case's ratings are expressed in (`mapping_rules.method` of the case, default the CNIL
method, whose 1-4 gauges the Captoo example uses; cases rated on three-step scales are mapped onto the ICO method,
gauges 1-3, by the rules written in their case file), compares severity and likelihood per feared event with the
assessors' gauges and the acceptable/unacceptable band at the engine stage the case names for each point, and
prints the gaps. It is a benchmark, not a test: nothing here is tuned to pass.

    PYTHONPATH=. python benchmarks/calibration/run.py [--json | --markdown] [--set PARAMETER=VALUE ...]

`--set` overrides a method parameter (e.g. `--set not_assessed=left_out --set likelihood_rounding=nearest`) for a
sensitivity check of the engine's pia default choices; the published results use the shipped methods as they are.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from pia.declare.manifest import parse_manifest
from pia.declare.measures import MeasureStatus
from pia.risk.methods import Method, load_method
from pia.risk.scoring import Stage, assess

HERE = Path(__file__).parent
CASES = HERE / "cases"
# Points of a case file without a `stages:` section: the CNIL's ratings "with the existing or planned measures"
# are the kit's planned stage; the action plan is applied to the manifest and read at the same stage.
DEFAULT_STAGES = {"current": "planned", "after_action_plan": "planned"}
PLAN_POINT = "after_action_plan"
# Cases whose ratings were known when the method files' pia default parameters were chosen (README): their
# agreement is in-sample, so the summary also reports the held-out cases alone.
IN_SAMPLE = frozenset({"cnil-captoo"})


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


OVERRIDES: dict[str, str] = {}


def _method(case: dict) -> Method:
    meth = load_method(str(case.get("mapping_rules", {}).get("method", "cnil")))
    if not OVERRIDES:
        return meth
    params = meth.parameters.model_validate({**meth.parameters.model_dump(), **OVERRIDES})
    return meth.model_copy(update={"parameters": params})


def point_stages(spec: str | dict) -> tuple[Stage, Stage]:
    """(severity stage, likelihood stage) of a point: one stage for both gauges, or one per gauge.

    A case file names one engine stage per rated point (`stages: {point: current}`), or, where the source's own
    reasons show that its two gauges count different measures, one per gauge
    (`stages: {point: {severity: inherent, likelihood: current}}`); the case file quotes the reasons.
    """
    if isinstance(spec, dict):
        unknown = set(spec) - {"severity", "likelihood", "why"}
        if unknown or not {"severity", "likelihood"} <= set(spec):
            raise ValueError(f"a per-gauge stage needs severity and likelihood (got {sorted(spec)})")
        return Stage(spec["severity"]), Stage(spec["likelihood"])
    return Stage(spec), Stage(spec)


def _stage_label(stages: tuple[Stage, Stage]) -> str:
    return stages[0].value if stages[0] is stages[1] else f"{stages[0].value}/{stages[1].value}"


def _compare(case_id: str, point: str, stages: tuple[Stage, Stage], method: Method, manifest_data: dict,
             ratings: dict, source: str) -> list[dict]:
    m = parse_manifest(yaml.safe_dump(manifest_data, sort_keys=False), source)
    result = assess(m, method=method)
    levels = result.levels
    rank_threshold = levels["risk"].index(result.threshold)
    rows = []
    for act in result.activities:
        for event, expert in ratings.items():
            impact = act.stages[stages[0]][event].impact
            likelihood = act.stages[stages[1]][event].likelihood
            level = method.risk(impact, likelihood)  # the method's matrix on the two gauges compared
            sev, lik = _gauge(levels["impact"], impact), _gauge(levels["likelihood"], likelihood)
            band = "unacceptable" if levels["risk"].index(level) >= rank_threshold else "acceptable"
            rows.append({"case": case_id, "point": point, "stage": _stage_label(stages), "method": method.name,
                         "activity": act.id, "event": event,
                         "expert": {"severity": expert["severity"], "likelihood": expert["likelihood"],
                                    "band": expert["band"]},
                         "engine": {"severity": sev, "likelihood": lik, "band": band, "level": level},
                         "gap": {"severity": abs(sev - expert["severity"]),
                                 "likelihood": abs(lik - expert["likelihood"])},
                         "same_band": band == expert["band"]})
    return rows


def _summary(rows: list[dict]) -> dict:
    n = len(rows)
    return {
        "points": n,
        "mean_abs_gap_severity": round(sum(r["gap"]["severity"] for r in rows) / n, 3) if n else None,
        "mean_abs_gap_likelihood": round(sum(r["gap"]["likelihood"] for r in rows) / n, 3) if n else None,
        "band_agreement": f"{sum(r['same_band'] for r in rows)}/{n}",
    }


def run() -> dict:
    rows: list[dict] = []
    for case_file in sorted(CASES.glob("*.case.yaml")):
        case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
        manifest_file = CASES / f"{case['id']}.pia.yaml"
        data = yaml.safe_load(manifest_file.read_text(encoding="utf-8"))
        stages = case.get("stages", DEFAULT_STAGES)
        method = _method(case)
        for point, ratings in case["ratings"].items():
            stage = point_stages(stages[point])
            if point == PLAN_POINT:
                rows += _compare(case["id"], point, stage, method, _after_plan(data, case.get("plan_encoding", {})),
                                 ratings, f"{manifest_file} (after the action plan)")
            else:
                rows += _compare(case["id"], point, stage, method, data, ratings, str(manifest_file))
    cases = sorted({r["case"] for r in rows})
    summary = {"cases": cases, **_summary(rows),
               "held_out": _summary([r for r in rows if r["case"] not in IN_SAMPLE]),
               "per_case": {c: _summary([r for r in rows if r["case"] == c]) for c in cases}}
    return {"summary": summary, "rows": rows}


def markdown(out: dict) -> str:
    """The results as Markdown tables (per point and per case), for the README."""
    lines = ["| case | point (engine stage, method) | feared event | assessors S/L band | engine S/L band | gap S/L |",
             "| --- | --- | --- | --- | --- | --- |"]
    for r in out["rows"]:
        e, g = r["expert"], r["engine"]
        lines.append(f"| `{r['case']}` | {r['point']} ({r['stage']}, {r['method']}) | {r['event']} | "
                     f"{e['severity']}/{e['likelihood']} {e['band']} | {g['severity']}/{g['likelihood']} {g['band']} | "
                     f"{r['gap']['severity']}/{r['gap']['likelihood']}{'' if r['same_band'] else ' (band differs)'} |")
    lines += ["", "| case | points | mean gap severity | mean gap likelihood | same band |", "| --- | --- | --- | --- | --- |"]
    s = out["summary"]
    for c, cs in s["per_case"].items():
        lines.append(f"| `{c}` | {cs['points']} | {cs['mean_abs_gap_severity']} | {cs['mean_abs_gap_likelihood']} | "
                     f"{cs['band_agreement']} |")
    h = s["held_out"]
    lines.append(f"| held-out cases | {h['points']} | {h['mean_abs_gap_severity']} | {h['mean_abs_gap_likelihood']} | "
                 f"{h['band_agreement']} |")
    lines.append(f"| all | {s['points']} | {s['mean_abs_gap_severity']} | {s['mean_abs_gap_likelihood']} | "
                 f"{s['band_agreement']} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    for i, arg in enumerate(argv):
        if arg == "--set" and i + 1 < len(argv) and "=" in argv[i + 1]:
            key, value = argv[i + 1].split("=", 1)
            OVERRIDES[key] = value
    out = run()
    if OVERRIDES:
        out["summary"]["overrides"] = dict(OVERRIDES)
    if "--json" in argv:
        print(json.dumps(out, indent=2, sort_keys=True))
        return 0
    if "--markdown" in argv:
        print(markdown(out))
        return 0
    print(f"{'case':18} {'point':18} {'stage':17} {'event':22} {'expert S/L band':20} {'engine S/L band':20} gap S/L")
    for r in out["rows"]:
        e, g = r["expert"], r["engine"]
        print(f"{r['case']:18} {r['point']:18} {r['stage']:17} {r['event']:22} "
              f"{e['severity']}/{e['likelihood']} {e['band']:14} {g['severity']}/{g['likelihood']} {g['band']:14} "
              f"{r['gap']['severity']}/{r['gap']['likelihood']}{'' if r['same_band'] else '  BAND DIFFERS'}")
    s = out["summary"]
    print(f"\ncases: {', '.join(s['cases'])}; points: {s['points']}")
    for c, cs in s["per_case"].items():
        print(f"  {c:18} points {cs['points']:2}: mean gap severity {cs['mean_abs_gap_severity']}, likelihood "
              f"{cs['mean_abs_gap_likelihood']}; same band {cs['band_agreement']}")
    h = s["held_out"]
    print(f"held-out cases ({h['points']} points): mean gap severity {h['mean_abs_gap_severity']}, likelihood "
          f"{h['mean_abs_gap_likelihood']}; same band {h['band_agreement']}")
    print(f"mean absolute gap: severity {s['mean_abs_gap_severity']}, likelihood {s['mean_abs_gap_likelihood']} "
          f"(target <= 0.5); band agreement {s['band_agreement']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
