"""The assessment as a file the CNIL's PIA application imports (LINCnil/pia, "Import a PIA").

The application reads a JSON object `{pia, answers, measures, evaluations, comments}`; answers are keyed by the
question ids of its PIA structure: 111-123 (context), 211-227 (fundamental principles), and for each feared event
(3.2 illegitimate access, 3.3 unwanted modification, 3.4 disappearance of data) the impacts, threats, sources and
measures (lists) and the severity and likelihood gauges (1-4). The gauges come from scoring the manifest with the
kit's CNIL method, whose four levels are the CNIL's own scales; the evaluations carry the gauges once the action
plan's measures are in place.
"""
from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from pia.declare.citations import by_regime
from pia.declare.manifest import Manifest
from pia.declare.measures import MeasureState, MeasureStatus
from pia.declare.transfers import ADEQUATE_IN_PART, adequacy, third_country_transfers

# The application's question ids per feared event (its section 3: items 2, 3, 4; questions 1-6 of each).
EVENT_ITEMS = {"illegitimate_access": "3.2", "unwanted_modification": "3.3", "disappearance": "3.4"}
EVENT_QUESTIONS = {"illegitimate_access": 320, "unwanted_modification": 330, "disappearance": 340}
IMPACTS, THREATS, SOURCES, MEASURES, SEVERITY, LIKELIHOOD = 1, 2, 3, 4, 5, 6
# pia default: the kit's likelihood factors as the CNIL's threats and risk sources (its rules, in words).
THREAT_OF_RULE = {"likelihood.processors": "Data handled by processors (entrusted processing)",
                  "likelihood.recipients": "Data provided to other recipients",
                  "likelihood.internet_facing": "Attacks on devices reachable from the internet",
                  "likelihood.cross_border": "Data transferred abroad",
                  "likelihood.controls_missing": "Relevant security measures missing or only planned",
                  "likelihood.scale": "Large number of people concerned (an attractive target)"}
SOURCE_OF_RULE = {"likelihood.processors": "Staff of processors", "likelihood.recipients": "Staff of recipients",
                  "likelihood.internet_facing": "External attackers", "likelihood.cross_border": "Foreign recipients"}
EVENT_HARM = {"illegitimate_access": "Disclosed", "unwanted_modification": "Altered", "disappearance": "Lost"}
EVALUATION_PENDING, TO_BE_FIXED, IMPROVABLE, ACCEPTABLE = 0, 1, 2, 3
EVALUATION_STARTED = 1  # global_status: the evaluator confirms in the application


def _t(text: str) -> str:
    return html.escape(text, quote=False)


def _ul(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{_t(i)}</li>" for i in items) + "</ul>" if items else ""


def _words(value: Any) -> str:
    return str(getattr(value, "value", value) or "").replace("_", " ")


def _stamp(as_of: str) -> str:
    """Timestamps in the application's form, fixed by the assessment date (same inputs, same file)."""
    return f"{as_of}T00:00:00.000Z"


def _gauge(level: str, levels: Sequence[str]) -> int:
    """A CNIL level (negligible, limited, significant, maximum) as the application's gauge 1-4."""
    return levels.index(level) + 1 if level in levels else 0


def _answer(ref: int, stamp: str, text: str | None = None, gauge: int | None = None,
            items: Sequence[str] | None = None) -> dict[str, Any]:
    # The application's answer: text answers carry gauge 0 and an empty list; list answers carry no text.
    if items is not None:
        data: dict[str, Any] = {"text": None, "gauge": None, "list": list(items)}
    else:
        data = {"text": text or "", "gauge": gauge if gauge is not None else 0, "list": []}
    return {"reference_to": ref, "data": data, "created_at": stamp, "updated_at": stamp}


def _context_answers(m: Manifest, stamp: str) -> list[dict[str, Any]]:
    c = m.controller
    processors = [r for r in m.recipients if _words(r.type) == "processor"]
    acts = m.processing_activities
    texts = {
        111: f"<p><strong>{_t(m.service.name)}</strong>{': ' + _t(m.service.description) if m.service.description else ''}"
             f"</p><p>Controller: {_t(c.legal_entity)} ({_t(c.jurisdiction)}). Processing activities:</p>"
             + _ul([f"{a.name}: {a.purpose}" for a in acts]),
        112: f"<p>Controller: {_t(c.legal_entity)}. Responsible department: {_t(c.security_department.name)}.</p>"
             + ("<p>Processors:</p>" + _ul([f"{r.name} ({r.location})" for r in processors]) if processors else "")
             + "<p>Other recipients:</p>" + _ul([f"{r.name} ({_words(r.type)}, {_words(r.flow)})"
                                                  for r in m.recipients if r not in processors]),
        113: "<p>" + by_regime(m.regimes, "GB/T 35273-2020 (personal information security specification); "
                                "GB/T 39335-2020 (impact assessment); PIPL",
                                "GDPR; WP248 (impact assessment); CNIL PIA methodology")
             + "; the service's privacy policy"
             + (f" ({_t(m.service.policy.title)})" if m.service.policy else "") + ".</p>",
        121: "<p>Data processed, with retention:</p>" + _ul([f"{e.name} ({e.category}{', sensitive' if e.sensitive else ''})"
                                                              f": {e.retention.rule}" for e in m.data_elements])
             + "<p>Recipients:</p>" + _ul([r.name for r in m.recipients]),
        122: "<p>Life cycle of the data, by processing activity:</p>"
             + _ul([f"{a.name}: collected from {', '.join(dict.fromkeys(_words(e.source) for e in m.elements_of(a)))}"
                    f"; stored in {', '.join(a.storage.locations)}"
                    + (f"; provided to {', '.join(r.name for r in m.recipients_of(a))}" if a.recipients else "")
                    for a in acts]),
        123: "<p>Data supports (storage locations):</p>"
             + _ul(sorted({f"{loc}" + (" (cross-border)" if a.storage.cross_border else "")
                           for a in acts for loc in a.storage.locations})),
    }
    return [_answer(ref, stamp, text) for ref, text in texts.items()]


def _principle_answers(m: Manifest, stamp: str) -> list[dict[str, Any]]:
    acts = m.processing_activities
    rights = {_words(r.kind): r for r in m.rights}
    consent = [a for a in acts if str(a.legal_basis) == "consent"]
    processors = [r for r in m.recipients if _words(r.type) == "processor"]

    def right(*kinds: str) -> list[str]:
        return [f"{k}: {rights[k].how} (answer within {rights[k].response_days} days)" for k in kinds if k in rights]

    texts = {
        211: _ul([f"{a.name}: {a.purpose}" for a in acts]),
        212: _ul([f"{a.name}: {_words(a.legal_basis)}" for a in acts]),
        213: _ul([f"{a.name}: {', '.join(e.name for e in m.elements_of(a))}" for a in acts]),
        214: _ul(right("access correct") or ["No correction right is declared in the manifest."]),
        215: _ul([f"{e.name}: {e.retention.rule}" for e in m.data_elements]),
        221: f"<p>The privacy policy{' ' + _t(m.service.policy.title) if m.service.policy else ''} informs users; "
             f"clauses per activity:</p>" + _ul([f"{a.name}: {', '.join(a.clauses)}" for a in acts]),
        222: _ul([f"{a.name}" + (f" (consent scope {a.consent_scope})" if a.consent_scope else "") for a in consent])
             or "<p>No processing activity relies on consent.</p>",
        223: _ul(right("access correct") or ["No access right is declared in the manifest."]),
        224: _ul(right("access correct", "delete", "cancel account") or ["No rectification or erasure right is declared."]),
        225: _ul(right("change consent") or ["No restriction or objection right is declared."]),
        226: _ul([f"{r.name} ({r.location}): confidentiality agreement {'yes' if r.confidentiality_agreement else 'no'}"
                  for r in processors]) or "<p>No processor.</p>",
        227: _transfers_answer(m),
    }
    return [_answer(ref, stamp, text) for ref, text in texts.items()]


# How GDPR Chapter V treats a third country, for question 227 (transfers outside the EU).
ADEQUACY_WORDS = {"yes": "adequacy decision: GDPR Art. 45",
                  "no": "no adequacy decision: appropriate safeguards needed, GDPR Art. 46"}
REGIME_WORDS = {"EU": "the EU/EEA", "UK": "the UK"}


def _adequacy_words(place: str, regime: str) -> str:
    if regime != "EU":
        return "UK adequacy regulations not checked by pia"
    level = adequacy(place)
    if level == "in part":
        return (f"adequacy decision only for {ADEQUATE_IN_PART[place.strip().upper()]}: GDPR Art. 45; "
                "otherwise appropriate safeguards, GDPR Art. 46")
    return ADEQUACY_WORDS[level]


def _transfers_answer(m: Manifest) -> str:
    """Question 227: the data leaving the EU/EEA (or the UK) for a third country, and on what ground it may.

    The same facts as the record of processing (`pia.declare.transfers.third_country_transfers`: the data of
    people under the GDPR leaving their regime, wherever the controller is), with whether an adequacy decision
    covers the destination (GDPR Art. 45). A service the GDPR does not reach keeps the controller's own view.
    """
    acts = m.processing_activities
    found = {a.id: third_country_transfers(m, a) for a in acts}
    if all(v is None for v in found.values()):
        abroad = [r for r in m.recipients if r.location != m.controller.jurisdiction]
        return (_ul([f"{r.name}: processes the data in {r.location}" for r in abroad]
                    + [f"{a.name}: stored in {', '.join(a.storage.locations)}" for a in acts if a.storage.cross_border])
                or f"<p>No data leaves {_t(m.controller.jurisdiction)}.</p>")
    names = {r.id: r for r in m.recipients}
    items: list[str] = []
    for a in acts:
        for t in found[a.id] or []:
            outside = REGIME_WORDS[t.regime]
            if t.kind == "recipient":
                r = names[t.fact]
                items.append(f"{r.name}: receives data of people in {outside} in {r.location} "
                             f"({_adequacy_words(r.location, t.regime)})")
            elif t.kind == "storage":
                items.append(f"{a.name}: stored in {t.fact}, outside {outside} ({_adequacy_words(t.fact, t.regime)})")
            else:
                items.append(f"{a.name}: declared to leave {outside} (storage.cross_border)")
    return _ul(list(dict.fromkeys(items))) or "<p>No personal data leaves the EU/EEA or the UK (GDPR Art. 44).</p>"


def _measure_list(m: Manifest) -> list[tuple[int, str, str, str]]:
    """The measures of the PIA (section 3.1): (number, measure id, title, content).

    Each catalogue measure an activity declares, with its status per activity, numbered from 101 as the
    application numbers its own.
    """
    catalogue = m.measure_catalogue()
    used = list(dict.fromkeys(k for a in m.processing_activities for k in a.measures))
    order = {k: i for i, k in enumerate(catalogue)}
    out = []
    for i, measure in enumerate(sorted(used, key=lambda k: (order.get(k, len(order)), k)), 101):
        by_status: dict[str, list[str]] = {}
        for a in m.processing_activities:
            if measure in a.measures:
                by_status.setdefault(_words(a.measures[measure].status), []).append(a.name)
        content = " ".join(f"{status.capitalize()} for: {', '.join(names)}." for status, names in by_status.items())
        title = catalogue[measure].name if measure in catalogue else _words(measure)
        out.append((i, measure, title, content))
    return out


def _worst(activities: Sequence[Mapping[str, Any]], event: str, stage: str, levels: Mapping[str, Sequence[str]]
           ) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    """The activity whose risk for `event` is highest (then severity, then likelihood), and its score."""
    def key(a: Mapping[str, Any]) -> tuple[int, int, int]:
        s = a[stage][event]
        return (list(levels["risk"]).index(s["level"]), list(levels["impact"]).index(s["impact"]),
                list(levels["likelihood"]).index(s["likelihood"]))
    best = max(activities, key=key)
    return best, best[stage][event]


def _after_actions(m: Manifest, assessment: Mapping[str, Any], evidence: Sequence[Any]) -> dict[str, Any]:
    """The assessment once every control of the action plan is implemented (the evaluator's re-estimate)."""
    from pia.risk.scoring import assess

    planned = m.model_copy(deep=True)
    for action in assessment.get("actions", []):
        act = next((a for a in planned.processing_activities if a.id == action.get("activity")), None)
        if act is None:
            continue
        # per-control effects (`controls`), or the four-stage engine's set of measures with the planned ones
        for c in (action.get("controls") or []) + (action.get("measures") or []) + (action.get("planned") or []):
            act.measures[str(c.get("control") or c.get("measure"))] = MeasureState(status=MeasureStatus.implemented)
    return assess(planned, method="cnil", evidence=evidence).to_dict()


def cnil_pia(m: Manifest, as_of: str, evidence: Sequence[Any] = ()) -> dict[str, Any]:
    """The JSON document the CNIL PIA application imports, for the manifest (and evidence) as of `as_of`.

    Parameters
    ----------
    m
        The service's manifest.
    as_of
        Assessment date YYYY-MM-DD; every timestamp of the file is that date (reproducible output).
    evidence
        `pia validate` / `pia scan` documents, as for `pia assess`.

    Returns
    -------
    dict
        `{pia, answers, measures, evaluations, comments}` as the application's importer reads them.
    """
    from pia.risk.scoring import assess

    stamp = _stamp(as_of)
    assessment = assess(m, method="cnil", evidence=evidence).to_dict()
    after = _after_actions(m, assessment, evidence)
    levels = assessment["levels"]
    activities = assessment["activities"]
    measures = _measure_list(m)
    titles = {ident: title for _, ident, title, _ in measures}
    catalogue = m.measure_catalogue()
    answers = _context_answers(m, stamp) + _principle_answers(m, stamp)
    evaluations: list[dict[str, Any]] = []
    sensitive = [e for e in m.data_elements if e.sensitive]
    for event, item in EVENT_ITEMS.items():
        base = EVENT_QUESTIONS[event]
        act, score = _worst(activities, event, "residual", levels)
        steps = [f for a in activities for f in a["factors"] if f["stage"] == "residual"
                 and f["feared_event"] == event and f["before"] != f["after"]]
        rules = list(dict.fromkeys(str(f["rule"]) for f in steps))
        harmed = sensitive or m.elements_of(m.activity(act["id"]))
        # the measures in place that mitigate this feared event (the catalogue says which events each one mitigates)
        implemented = sorted({titles[k] for a in m.processing_activities for k, st in a.measures.items()
                              if st.status is MeasureStatus.implemented and k in titles
                              and (k not in catalogue or event in {e.value for e in catalogue[k].mitigates})})
        severity = _gauge(score["impact"], levels["impact"])
        likelihood = _gauge(score["likelihood"], levels["likelihood"])
        answers += [
            _answer(base + IMPACTS, stamp, items=[f"{EVENT_HARM[event]}: {e.name}" for e in harmed]),
            _answer(base + THREATS, stamp, items=[THREAT_OF_RULE[r] for r in rules if r in THREAT_OF_RULE]
                    or ["Misuse by staff of the controller"]),
            _answer(base + SOURCES, stamp, items=["Staff of the controller"]
                    + [SOURCE_OF_RULE[r] for r in rules if r in SOURCE_OF_RULE]),
            _answer(base + MEASURES, stamp, items=implemented),
            _answer(base + SEVERITY, stamp, gauge=severity,
                    text=f"<p>Worst case: {_t(act['name'])} ({_t(_words(score['impact']))}); scored by pia with the "
                         "CNIL method.</p>"),
            _answer(base + LIKELIHOOD, stamp, gauge=likelihood,
                    text=f"<p>Worst case: {_t(act['name'])} ({_t(_words(score['likelihood']))}).</p>"),
        ]
        _, planned = _worst(after["activities"], event, "residual", after["levels"])
        unacceptable = score["level"] in levels["risk"][levels["risk"].index(assessment["threshold"]):]
        names = {a.id: a.name for a in m.processing_activities}
        fixes = [f"{names.get(a['activity'], a['activity'])}: "
                 + ", ".join(catalogue[k].name if k in catalogue else _words(k)
                             for k in (str(c.get("control") or c.get("measure"))
                                       for c in (a.get("controls") or []) + (a.get("measures") or [])
                                       + (a.get("planned") or [])))
                 for a in assessment.get("actions", [])]
        evaluations.append({
            "reference_to": item, "status": IMPROVABLE if unacceptable else ACCEPTABLE,
            "action_plan_comment": _ul(fixes) if unacceptable else "",
            "evaluation_comment": f"<p>Risk {_t(score['level'])} now; with the action plan: severity "
                                  f"{_t(_words(planned['impact']))}, likelihood {_t(_words(planned['likelihood']))}."
                                  " Computed by pia; to be confirmed by the evaluator.</p>",
            "evaluation_date": stamp, "gauges": {"x": _gauge(planned["impact"], levels["impact"]),
                                                 "y": _gauge(planned["likelihood"], levels["likelihood"])},
            "estimated_implementation_date": None, "person_in_charge": "", "global_status": EVALUATION_STARTED,
            "created_at": stamp, "updated_at": stamp})
    measure_docs = []
    for ident, _, title, content in measures:
        measure_docs.append({"id": ident, "title": title, "content": _t(content), "placeholder": "",
                             "created_at": stamp, "updated_at": stamp})
        open_ = any(word in content for word in ("Planned", "Missing", "Improvable"))
        evaluations.append({
            "reference_to": f"3.1.{ident}", "status": IMPROVABLE if open_ else ACCEPTABLE,
            "action_plan_comment": _t("Put the measure in place where it is planned or missing.") if open_ else "",
            "evaluation_comment": "", "evaluation_date": stamp, "gauges": {"x": 0, "y": 0},
            "estimated_implementation_date": None, "person_in_charge": "", "global_status": EVALUATION_STARTED,
            "created_at": stamp, "updated_at": stamp})
    pia = {"name": m.service.name, "category": "", "status": 0, "author_name": m.controller.security_department.name,
           "evaluator_name": "", "validator_name": "", "dpo_status": 0, "dpo_opinion": "",
           "concerned_people_opinion": "", "concerned_people_status": 0, "concerned_people_searched_opinion": False,
           "concerned_people_searched_content": "", "rejection_reason": "", "applied_adjustments": "",
           "dpos_names": "", "people_names": "", "created_at": stamp, "updated_at": stamp}
    return {"pia": pia, "answers": answers, "measures": measure_docs, "evaluations": evaluations, "comments": []}


__all__ = ["EVENT_ITEMS", "EVENT_QUESTIONS", "cnil_pia"]
