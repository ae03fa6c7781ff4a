"""The report's text outputs on fixed inputs, per language: every section and the text of every figure.

Used by tests/test_i18n_report.py to check that English is unchanged by the translation machinery and by the
bilingual manifests (the golden file was captured before the machinery went in, on the English-only manifests, and
re-captured once on the bilingual ones after checking that only the input hashes and one new manifest fact differed)
and that the zh outputs carry the same numbers. Regenerate the golden file after a deliberate change of the English
wording or of the reference samples: `python -m tests.i18n_outputs`.
"""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

from pia import config

FIXTURES = Path(__file__).parent / "fixtures" / "i18n"
GOLDEN_EN = FIXTURES / "report_en.json"


def report_data(lang: str = "en") -> Any:
    """The reference service (the shipped, bilingual manifests) with its change review and recorded dataset evidence
    (no great-expectations run)."""
    from pia.report import run as report

    data = report.gather(str(config.REFERENCE_MANIFEST), str(config.PROPOSED_MANIFEST), as_of="2026-06-30",
                         run_started="2026-06-30T00:00:00Z", lang=lang)
    evidence = json.loads((FIXTURES / "evidence.json").read_text(encoding="utf-8"))
    data = dataclasses.replace(data, validation=evidence["validation"], scan=evidence["scan"])
    data.provenance = {**data.provenance, "versions": {"pia": "0.1.0"}}  # library versions vary between venvs
    return data


def _figure_text(fig: Any) -> Any:
    """What a reader sees of a figure: its layout's texts and every trace's names, labels and hover templates."""
    doc = json.loads(fig.to_json())
    keep = ("name", "text", "hovertemplate", "customdata", "x", "y", "node", "ticktext")
    traces = [{k: t[k] for k in keep if k in t} for t in doc["data"]]
    layout = doc["layout"]
    layout.pop("template", None)
    return {"layout": layout, "traces": traces}


def outputs(data: Any) -> dict[str, Any]:
    """Every section's HTML and every figure's text, from one gathered report."""
    from pia.i18n import use_language
    from pia.report import figures
    from pia.report import run as report

    with use_language(data.lang):  # as the notebook sets it: the figures follow the language in force
        return _outputs(data, figures, report)


def _outputs(data: Any, figures: Any, report: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "summary": report.summary_html(data),
        "findings": report.findings_html(data),
        "risk": report.risk_html(data),
        "data": report.data_html(data),
        "validation": report.validation_html(data),
        "discovery": report.discovery_html(data),
        # the draft notice is pia.changes' text (its own tests): the section around it is the report's
        "changes": re.sub(r'<div class="notice">.*</div>', '<div class="notice"></div>', report.changes_html(data),
                          flags=re.S),
        "appendix": report.appendix_html(data),
    }
    figs = {"risk_map": figures.risk_map(data.assessment, data.grid),
            "screening": figures.screening(data.assessment),
            "data_map": figures.data_map(data.inventory["rows"], {x["id"]: x["name"] for x in data.inventory["recipients"]},
                                         data.group_names()),
            "validation_results": figures.validation_results(data.validation),
            "discovery": figures.discovery(data.scan)}
    out.update({f"figure:{k}": _figure_text(v) for k, v in figs.items()})
    return out


if __name__ == "__main__":
    GOLDEN_EN.write_text(json.dumps(outputs(report_data("en")), indent=1, sort_keys=True,
                                    ensure_ascii=False) + "\n", encoding="utf-8")
    print(GOLDEN_EN)
