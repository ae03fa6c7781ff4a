"""Everything the report shows, gathered as JSON-ready documents.

`gather`, the dataset checks in a background process (`ValidationJob`), and the provenance of the inputs
(sha256 of files, versions).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from pia import config
from pia.errors import InputError, PiaError, Problem
from pia.i18n import N_, _, current_language, pick, resolve_language, use_language
from pia.report.params import OPTIONAL_INPUTS, declares_datasets

REPORT_NOTEBOOK = config.REPORT_NOTEBOOK
VERSIONED = ("pia", "great-expectations", "pandas", "plotly", "papermill", "nbconvert", "pydantic")


# --------------------------------------------------------------------------- the gathered results


@dataclass
class ReportData:
    """Everything the report shows, as JSON-ready documents (the objects stay out of the HTML)."""

    params: dict[str, Any]
    service: dict[str, Any]
    inventory: dict[str, Any]
    grid: dict[str, Any]
    assessment: dict[str, Any]
    validation: dict[str, Any] | None = None
    scan: dict[str, Any] | None = None
    review: dict[str, Any] | None = None
    notice_markdown: str = ""
    provenance: dict[str, Any] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    manifest_only: dict[str, Any] | None = None
    """The assessment from the manifest alone (as `pia assess` gives it), when data evidence changed the inputs."""
    not_provided: dict[str, str] = field(default_factory=dict)
    """The optional inputs left out (`proposed`, `estate`), each with what the report cannot show without it."""
    lang: str = "en"
    """The language the report is written in (`en`, `zh`): the sections and figures render in it."""
    check_texts: dict[str, str] = field(default_factory=dict)
    """Check id -> its description in the report's language, from the manifest (when it gives one)."""
    assessments: dict[str, Any] = field(default_factory=dict)
    """The change review's impact-assessment findings in the report's language (`pia.changes.render.assessments`):
    the risk decision (with GDPR Art. 35(11) where the GDPR applies), new activities needing a DPIA (GDPR Art. 35(1))
    and the PIPL Art. 55 cases the change brings; empty without a proposed version."""

    @property
    def high_risk(self) -> bool:
        """Whether the assessment shown is high risk."""
        return bool(self.assessment.get("high_risk"))

    def notification(self) -> dict[str, Any]:
        """Must users be notified (VII.2), through which channels, and why."""
        reasons: list[dict[str, str]] = []
        channels = list(self.service.get("notification_channels", []))
        if self.review:
            for t in self.review.get("triggers", []):
                reasons.append({"clause": str(t.get("clause", "")),
                                "text": trigger_text(t, self.review.get("changes", []), self.names)})
            channels = list((self.review.get("notify") or {}).get("channels") or channels)
        # A high risk is the state of one version; notification is decided on a change, by the change review's
        # VII.2(5) rule (a residual level rises), never by the state alone (issue 13).
        # whom the changes concern (notify.audience): everyone unless the review narrows it to some data subjects
        audience = (self.review or {}).get("notify", {}).get("audience") or {}
        whom = [] if audience.get("everyone", True) else list(audience.get("subjects") or [])
        return {"required": bool(reasons), "channels": channels if reasons else [], "reasons": reasons,
                "audience": whom,
                "reconsent_required": bool(self.review and self.review.get("reconsent_required")),
                "reconsent_reasons": [_("{kind}: {subject}", kind=_(str(x.get("kind", "")).replace("_", " ")),
                                        subject=self.name_of(x.get("subject")))
                                      if isinstance(x, Mapping) else str(x)
                                      for x in (self.review or {}).get("reasons") or []]}

    def group_names(self) -> dict[str, str]:
        """Data group id to its name (from the manifest), for the data map's labels."""
        return {k.removeprefix("data_groups[").removesuffix("]"): v for k, v in self.names.items()
                if k.startswith("data_groups[")}

    def name_of(self, ident: Any) -> str:
        """The human name of a manifest item or taxonomy category given by id (`ad_partner` -> `Advertising partner`)."""
        ident = str(ident or "")
        for key, name in self.names.items():
            if key.endswith(f"[{ident}]"):
                return name
        if "." in ident:  # a taxonomy category: its last parts in words (English), its name in other languages
            from pia.report.names import category_name

            return category_name(ident)
        return ident.replace("_", " ")

    def summary(self) -> dict[str, Any]:
        """The verdict in a few fields (recorded in the executed notebook for `pia report --fail-on-high`)."""
        n = self.notification()
        return {"high_risk": self.high_risk, "notify": n["required"], "channels": n["channels"],
                "service": self.service["id"], "as_of": self.params["as_of"],
                "not_provided": sorted(self.not_provided), "lang": self.lang}


def trigger_text(t: Mapping[str, Any], changes: Sequence[Mapping[str, Any]] = (),
                 names: Mapping[str, str] | None = None) -> str:
    """A trigger in plain words: its short name (from the trigger catalogue), then what changed."""
    title = _(str(t.get("name") or t.get("id", "")).replace("_", " "))
    names = names or {}
    sep = "；" if current_language() == "zh" else "; "
    if t.get("rises"):
        return _("{title}: {what}", title=title, what=sep.join(rise_phrase(r, names) for r in t["rises"]))
    by_path = {str(c.get("path")): c for c in changes}
    paths = [str(p.get("path", p)) if isinstance(p, Mapping) else str(p) for p in t.get("changes") or []]
    phrases = list(dict.fromkeys(change_phrase(by_path.get(p, {"path": p}), names) for p in paths))
    # `Activity: new recipient X` already says `new recipient "X"`: keep the phrase that names the activity.
    phrases = [ph for ph in phrases if not (m := re.fullmatch(r'(\w+ [\w ]+?) "(.+)"', ph))
               or not any(o.endswith(f": {m.group(1)} {m.group(2)}") for o in phrases)]
    more = _(" and {n} more", n=len(phrases) - 4) if len(phrases) > 4 else ""
    return _("{title}: {what}", title=title, what=sep.join(phrases[:4]) + more) if phrases else title


def rise_phrase(rise: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """One activity's residual risk rise (a structured field of the VII.2(5) trigger), the activity by name."""
    act = str(rise.get("activity", ""))
    name = names.get(f"processing_activities[{act}]", act)
    before, after = rise.get("before"), rise.get("after")

    def level(value: Any) -> str:  # a level id; the method's words are in the catalog (pia.report.names)
        return _(str(value).replace("_", " ")) if current_language() != "en" else str(value)

    return (_("{name} from {before} to {after}", name=name, before=level(before), after=level(after)) if before
            else _("{name} (new) at {after}", name=name, after=level(after)))


# The manifest's collections and fields, named in changes (`new recipient "X"`, `retention rule changed`).
FIELD_NAMES = {"processing_activities": N_("processing activity"), "recipients": N_("recipient"),
               "data_elements": N_("data element"), "data_groups": N_("data group"), "rights": N_("right"),
               "purposes": N_("purpose"), "data_subjects": N_("data subject"), "notification_channels": N_("channel"),
               "consent_exemptions": N_("consent exemption"), "commitments": N_("commitment"),
               "controlling_shareholders": N_("controlling shareholder"), "clauses": N_("clause"),
               "controller": N_("controller"), "ownership": N_("ownership"), "security_department": N_("security department"),
               "contact": N_("contact"), "email": N_("email"), "retention": N_("retention"), "rule": N_("rule"),
               "period": N_("period"), "how": N_("how to exercise it"), "legal_basis": N_("legal basis"),
               "storage": N_("storage"), "location": N_("location"), "cross_border": N_("cross-border transfer"),
               "subjects_count": N_("number of people"), "profiling": N_("profiling"), "name": N_("name"),
               "purpose": N_("purpose"), "category": N_("category"), "sensitivity": N_("sensitivity"),
               "controls": N_("security controls"), "measures": N_("measures"), "flow": N_("flow"),
               "type": N_("type"), "deadline_days": N_("response deadline"), "service": N_("service"),
               "jurisdictions": N_("jurisdictions"), "settings": N_("settings"), "policy": N_("policy"),
               "effective_date": N_("effective date"), "version": N_("version"), "title": N_("title"),
               "status": N_("status"), "note": N_("note"), "max_days": N_("maximum period (days)"),
               "parent_company": N_("parent company"), "clause_for": N_("clause for"), "collection": N_("collection")}
CHANGE_WORDS = {  # (kind, quoted name): the message; quoted when the item stands alone
    ("added", True): N_('new {thing} "{name}"'), ("removed", True): N_('removed {thing} "{name}"'),
    ("changed", True): N_('changed {thing} "{name}"'), ("added", False): N_("new {thing} {name}"),
    ("removed", False): N_("removed {thing} {name}"), ("changed", False): N_("changed {thing} {name}")}
FIELD_CHANGED = {"added": N_("{field} added"), "removed": N_("{field} removed"), "changed": N_("{field} changed")}
# an assumption to confirm (`assumptions[<path>]`), named by what it is about
ASSUMPTION_CHANGED = {"added": N_("new assumption to confirm about {subject}"),
                      "removed": N_("assumption no longer made about {subject}"),
                      "changed": N_("assumption changed about {subject}")}


def _field(name: str) -> str:
    """A manifest field or collection in words: English from its name, other languages from FIELD_NAMES.

    In other languages a measure's id (`measures.retention_enforcement`) is the measure's name in the catalogue.
    """
    if current_language() != "en":
        if name in FIELD_NAMES:
            return _(FIELD_NAMES[name])
        from pia.declare.measures import load_measures

        measure = load_measures().get(name)
        if measure is not None:
            return _(measure.name)
    return name.replace("_", " ")


def change_phrase(change: Mapping[str, Any], names: Mapping[str, str] | None = None) -> str:
    """One change in words, from its path and values, e.g. `new processing activity "Familiar-face recognition"`.

    With `names` (`"collection[id]"` to the item's human name, see `manifest_names`), items are called by name:
    `Tracking of marketing email opens and clicks: new recipient Advertising partner`.
    """
    names = names or {}
    path = str(change.get("path", ""))
    kind = str(change.get("kind", "changed"))
    about = re.fullmatch(r"assumptions\[(.+)\]", path)
    if about:  # an assumption is keyed by the path it is about, which has brackets of its own
        subject = change_phrase({"path": about.group(1), "kind": "subject"}, names)
        return _(ASSUMPTION_CHANGED[kind], subject=subject) if kind in ASSUMPTION_CHANGED else f"{subject} {kind}"
    value = change.get("after") if kind not in ("removed", "subject") else change.get("before")
    segments = re.findall(r"([^.\[\]]+)(?:\[([^\]]+)\])?", path)
    if not segments:
        return _(kind) if kind in FIELD_CHANGED else kind
    zh = current_language() != "en"

    def item_name(field_: str, ident: str, val: Any = None) -> str:
        # the name in the report's language, from the manifests: the change record holds the manifest's primary
        # language, which is not the report's when a bilingual manifest is written in Chinese first
        if names.get(f"{field_}[{ident}]"):
            return names[f"{field_}[{ident}]"]
        if isinstance(val, Mapping) and val.get("name"):
            return str(pick(val["name"]))
        return names.get(f"{field_}[{ident}]") or (str(val["id"]) if isinstance(val, Mapping) and val.get("id")
                                                    else ident)

    def singular(field_: str) -> str:
        if zh and field_ in FIELD_NAMES:
            return _(FIELD_NAMES[field_])
        return re.sub(r"ies$", "y", field_).rstrip("s").replace("_", " ")

    *head, (last, last_id) = segments
    # The item the change is about (the last [id] before the changed field), named for humans.
    owner = ""
    words: list[str] = []
    for field_, ident in head:
        if ident:
            owner, words = item_name(field_, ident), []
        else:
            words.append(_field(field_))
    joiner = "" if zh else " "
    if last_id:  # an item of a list was added, removed or changed
        name = item_name(last, last_id, value)
        alone = not owner and not words
        template = CHANGE_WORDS.get((kind, alone))
        what = (name if kind == "subject" else _(template, thing=singular(last), name=name) if template
                else f'{kind} {singular(last)} "{name}"' if alone else f"{kind} {singular(last)} {name}")
        prefix = owner or joiner.join(words)
        return _("{owner}: {what}", owner=prefix, what=what) if prefix and (owner or words) else what
    words.append(_field(last) if zh or last != "how" else "how to exercise it")
    field_words = joiner.join(words)
    # a number that changed says how (a retention of 180 days becoming 365): "changed" alone hides the change
    before, after = change.get("before"), change.get("after")
    numbers = kind == "changed" and all(isinstance(v, int | float) and not isinstance(v, bool) for v in (before, after))
    text = field_words if kind == "subject" else \
        _("{field} changed from {before} to {after}", field=field_words, before=before, after=after) if numbers else \
        _(FIELD_CHANGED[kind], field=field_words) if kind in FIELD_CHANGED else f"{field_words} {kind}"
    return _("{owner}: {what}", owner=owner, what=text) if owner else text


RIGHT_NAMES = {"access": N_("right to access"), "rectification": N_("right to rectification"),
               "erasure": N_("right to erasure"), "consent_withdrawal": N_("right to consent withdrawal"),
               "portability": N_("right to portability"), "objection": N_("right to objection"),
               "restriction": N_("right to restriction"), "account_cancellation": N_("right to account cancellation"),
               "automated_decision_explanation": N_("right to automated decision explanation"),
               "access_correct": N_("right to access correct"), "delete": N_("right to delete"),
               "change_consent": N_("right to change consent"), "cancel_account": N_("right to cancel account")}


def manifest_names(*manifests: Any) -> dict[str, str]:
    """`"collection[id]"` to the human name of every named item of the manifests (later manifests win)."""
    out: dict[str, str] = {}
    for m in manifests:
        if m is None:
            continue
        # The model's own items (a bilingual name is a LocalizedText or a mapping: `pick` gives the language in
        # force); a plain mapping is read as it is.
        doc = {k: getattr(m, k) for k in type(m).model_fields} if hasattr(m, "model_dump") else dict(m)
        for key, items in doc.items():
            if isinstance(items, list):
                for it in items:
                    get = it.get if isinstance(it, Mapping) else (lambda k, it=it: getattr(it, k, None))
                    ident, name, kind = get("id"), get("name"), get("kind")
                    if ident and name:
                        out[f"{key}[{ident}]"] = str(pick(name))
                    elif key == "rights" and kind:
                        kind = str(getattr(kind, "value", kind))
                        out[f"rights[{kind}]"] = _(RIGHT_NAMES[kind]) if kind in RIGHT_NAMES \
                            else "right to " + kind.replace("_", " ")
    return out


def method_grid(method: Any) -> dict[str, Any]:
    """A risk method (from `pia.risk.methods.load_method`) as the plain grid the risk map draws."""
    def get(*names: str) -> Any:
        for n in names:
            v = method.get(n) if isinstance(method, Mapping) else getattr(method, n, None)
            if v is not None:
                return v
        raise PiaError(f"risk method has none of {names}")

    def plain(v: Any) -> Any:
        if isinstance(v, Mapping):
            return v.get("id")
        return getattr(v, "id", None) or getattr(v, "value", None) or v

    impacts = [plain(x) for x in get("impact_levels", "impact")]
    likelihoods = [plain(x) for x in get("likelihood_levels", "likelihood")]
    matrix = get("matrix")
    grid = {str(plain(i)): {str(plain(lk)): str(plain(v)) for lk, v in row.items()} for i, row in matrix.items()}
    def labels(*names: str) -> dict[str, str]:
        out = {}
        for x in get(*names):
            label = x.get("label") if isinstance(x, Mapping) else getattr(x, "label", None)
            out[str(plain(x))] = str(label or plain(x))
        return out

    return {"name": str(get("title", "name")), "impact_levels": [str(x) for x in impacts],
            "labels": {"impact": labels("impact_levels", "impact"), "likelihood": labels("likelihood_levels",
                                                                                          "likelihood"),
                       "risk": labels("risk_levels", "levels")},
            "likelihood_levels": [str(x) for x in likelihoods],
            "risk_levels": [str(plain(x)) for x in get("risk_levels", "levels")],
            "matrix": grid, "unacceptable_from": str(plain(get("unacceptable_from")))}


# --------------------------------------------------------------------------- the dataset checks, in another process


class ValidationJob:
    """`pia validate` running in a separate process.

    Great-expectations' import (seconds) and the checks overlap the rest of the report's work on another core.
    `result()` waits and returns its JSON.

    With `status_file`, a thread publishes the outcome there when the process ends, so that another
    process (the report's kernel, through `attach_validation`) can collect it; `close()` then cleans up.
    """

    def __init__(self, estate: str, manifest: str, columns: str = "", as_of: str = "",
                 status_file: Path | None = None):
        self._dir = Path(tempfile.mkdtemp(prefix="pia-validate-"))
        self.output = self._dir / "validation.json"
        self.status_file = status_file
        cmd = [sys.executable, "-m", "pia.cli", "validate", estate, "--manifest", manifest, "--format", "json",
               "-o", str(self.output)]
        cmd += ["--columns", columns] if columns else []
        cmd += ["--as-of", as_of] if as_of else []
        self._proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self._closed = threading.Event()
        if status_file is not None:
            threading.Thread(target=self._publish, name="pia-validate-status", daemon=True).start()

    def _publish(self) -> None:
        from pia.output import write_atomic

        assert self.status_file is not None
        try:
            _, err = self._proc.communicate()
            if not self._closed.is_set():
                write_atomic(self.status_file, json.dumps({"returncode": self._proc.returncode, "stderr": err,
                                                           "output": str(self.output)}))
        except (OSError, ValueError):
            # After `close()` (the report stopped early) the directory is gone and nobody waits: exit quietly.
            if not self._closed.is_set():
                raise

    def result(self) -> dict[str, Any]:
        """The validation document; InputError with `pia validate`'s own messages if it could not run."""
        try:
            _, err = self._proc.communicate()
            return _validation_outcome(self._proc.returncode, err, self.output)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the process if it still runs and remove its temporary files (the status thread then stays quiet)."""
        self._closed.set()
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        shutil.rmtree(self._dir, ignore_errors=True)


class AttachedValidation:
    """The checks `pia report` started before the kernel: `result()` waits for their status file."""

    def __init__(self, status_file: str | os.PathLike[str], timeout: float = 3600.0):
        self.status_file = Path(status_file)
        self.timeout = timeout

    def result(self) -> dict[str, Any]:
        """The validation document, waiting for the background run if needed."""
        import time

        deadline = time.monotonic() + self.timeout
        while not self.status_file.exists():
            if time.monotonic() > deadline:
                raise PiaError(f"the dataset checks did not finish within {self.timeout:.0f} s")
            time.sleep(0.05)
        status = json.loads(self.status_file.read_text(encoding="utf-8"))
        return _validation_outcome(status["returncode"], status["stderr"], Path(status["output"]))


def _validation_outcome(returncode: int | None, stderr: str, output: Path) -> dict[str, Any]:
    # `pia validate` exits 1 when a check fails: that is a finding, and the document is complete.
    if returncode not in (0, 1) or not output.exists():
        lines = [ln.removeprefix("pia: ") for ln in stderr.splitlines() if ln.strip()] or [
            f"exited with status {returncode}"]
        raise InputError([Problem("pia validate", ln) for ln in lines[-20:]])
    return json.loads(output.read_text(encoding="utf-8"))


def start_validation(estate: str, manifest: str, columns: str = "", as_of: str = "") -> ValidationJob | None:
    """Start the dataset checks in the background (None without an estate, or datasets declared to check)."""
    return ValidationJob(estate, manifest, columns, as_of) if estate and declares_datasets(manifest) else None


def attach_validation(status_file: str) -> AttachedValidation:
    """Collect the dataset checks `pia report` started before the kernel (see `ValidationJob`)."""
    return AttachedValidation(status_file)


# --------------------------------------------------------------------------- gathering


def _cite_sensitivity(inventory: dict[str, Any], m: Any) -> None:
    """Why each sensitive element is sensitive, in the laws of the service's regimes (`risk.scoring.harm_source`).

    The inventory gives the taxonomy's PIPL / GB/T 35273-2020 basis, which a GDPR-only service is not under: its
    data map cited PIPL Art. 28 for health data instead of GDPR Art. 9(1). A manifest's own override keeps its reason.
    """
    from pia.risk.scoring import harm_source

    elements = {e.id: e for e in m.data_elements}
    for row in inventory.get("data_elements", []):
        el = elements.get(row.get("id"))
        if el is not None and el.sensitive and el.sensitivity is None:
            row["sensitivity_reason"] = str(harm_source(el, m.regimes))


def gather(manifest: str, proposed: str = "", estate: str = "", columns: str = "", as_of: str = "",
           method: str = "", scan_sample: int = 50_000, params_file: str = "",
           run_started: str = "",
           validation: ValidationJob | AttachedValidation | Mapping[str, Any] | None = None,
           lang: str = "") -> ReportData:
    """Run every part of the kit on the inputs: inventory, validation, discovery, risk and change review.

    `validation` may be a job from `start_validation` or `attach_validation` (its result is awaited last, so
    the checks overlap the rest) or a finished document; without it the checks run here. `lang` is the
    report's language (`en`, `zh`); empty: the manifest's `language`, then the locale.
    """
    from pia.changes.notice import draft_notice
    from pia.changes.rules import review as review_changes
    from pia.declare.inventory import inventory_document
    from pia.declare.manifest import load_manifest
    from pia.risk.methods import load_method
    from pia.risk.scoring import assess

    from pia.risk.methods import default_method

    m = load_manifest(manifest)
    method = method or default_method(m.regimes)  # "": the method of the service's regimes
    lang = report_language(lang, m)
    rev = notice = None
    shown: dict[str, Any] = {}
    m_next = load_manifest(proposed) if proposed else None
    if m_next is not None:
        from pia.changes.render import assessments

        cr = review_changes(m, m_next, method=method)
        rev = cr.to_dict()
        with use_language(lang):  # the draft notice is text for the users, in the report's language
            notice = draft_notice(cr)
            shown = assessments(cr)  # the same sentences as `pia diff`, from the same review
    evidence: list[dict[str, Any]] = []
    scan_doc = None
    if estate:
        from pia.discovery.scan import scan as scan_paths

        scan_doc = scan_paths([estate], m, scan_sample).to_dict()
        if not m.datasets:  # nothing declared to validate the tables against: discovery only (README)
            validation = None
        elif isinstance(validation, (ValidationJob, AttachedValidation)):
            validation = validation.result()
        elif validation is None:
            from pia.validation.run import validate

            validation = validate(estate, m, columns or None,
                                  dt.date.fromisoformat(as_of) if as_of else None).to_dict()
        evidence = [dict(validation), scan_doc] if validation is not None else [scan_doc]
    else:
        validation = None
    assessed = assess(m, method=method, evidence=evidence)
    assessment = assessed.to_dict()
    with use_language(lang):
        _screening_in_language(assessed, assessment)
    manifest_only = assess(m, method=method).to_dict() if evidence else None
    params = {"manifest": manifest, "proposed": proposed, "estate": estate, "columns": columns, "as_of": as_of,
              "method": method, "scan_sample": scan_sample}
    with use_language(lang):
        service = {"id": m.service.id, "name": pick(m.service.name), "controller": pick(m.controller.legal_entity),
                   "policy": pick(m.policy_ref.title) if m.policy_ref else "",
                   "notification_channels": [c.value for c in m.notification_channels]}
        names = manifest_names(m, m_next)
        # A check's description in the report's language (bilingual manifests); the evidence keeps the primary text.
        check_texts = {c.id: str(pick(c.description)) for c in m.checks if c.description}
        # a check the manifest does not describe: its template's words, in the report's language
        from pia.i18n import localize
        from pia.validation.checks import check_descriptions

        check_texts = {cid: localize(text) for cid, text in check_descriptions(m).items()} | check_texts
        current = manifest_names(m)  # the documents of this version: its own names (the proposed one renames)
    with use_language("en"):
        english = manifest_names(m)  # the activities' numbers follow their English names, in every language
    inventory = inventory_document(m)
    _cite_sensitivity(inventory, m)
    _named(inventory, assessment, current, english)
    data = ReportData(params=params, service=service, inventory=inventory,
                      grid=method_grid(load_method(method)), assessment=assessment,
                      validation=dict(validation) if validation is not None else None,
                      scan=scan_doc, review=rev, notice_markdown=notice or "",
                      names=names, manifest_only=manifest_only, lang=lang, check_texts=check_texts,
                      assessments=shown,
                      not_provided={k: why for k, why in OPTIONAL_INPUTS.items()
                                    if not {"proposed": proposed, "estate": estate,
                                            "datasets": not estate or bool(m.datasets)}[k]})
    data.provenance = provenance(params, params_file=params_file, run_started=run_started)
    return data


def _screening_in_language(assessed: Any, assessment: dict[str, Any]) -> None:
    """Write the screening's sentences (verdict, reasons, each criterion's evidence) and findings in the language in force.

    The assessment document keeps the English text; the report shows them (the screening figure's hover, the
    appendix) from the engine's messages, as the text renderers do (`localize`).
    """
    from pia.i18n import localize

    by_id = {a.get("id"): a for a in assessment.get("activities", [])}
    for act in assessed.activities:
        shown, sc = by_id.get(act.id, {}).get("screening"), act.screening
        if not isinstance(shown, dict) or not isinstance(sc, Mapping):
            continue
        if "summary" in sc:
            shown["summary"] = localize(sc["summary"])
        if isinstance(sc.get("reasons"), list):
            shown["reasons"] = [localize(r) for r in sc["reasons"]]
        for c_shown, c in zip(shown.get("criteria") or [], sc.get("criteria") or [], strict=False):
            if isinstance(c_shown, dict) and isinstance(c, Mapping) and "evidence" in c:
                c_shown["evidence"] = localize(c["evidence"])
        for f_shown, f in zip(by_id.get(act.id, {}).get("consent_findings") or [], act.consent_findings, strict=False):
            if isinstance(f_shown, dict):
                f_shown["message"] = localize(f.message)
    # the manifest's lint findings (`pia.declare.findings`): same order in the document and the result
    for f_shown, f in zip(assessment.get("legal_findings") or [], getattr(assessed, "legal_findings", []), strict=False):
        if isinstance(f_shown, dict) and f_shown.get("rule") == f.rule:
            f_shown["message"] = localize(f.message)


def _named(inventory: dict[str, Any], assessment: dict[str, Any], names: Mapping[str, str],
           english: Mapping[str, str]) -> None:
    """Put the names of the report's language (`names`, picked from the manifest) into the documents it shows.

    The documents carry the manifest's own text; a bilingual manifest's other language is in `names`. Each
    activity keeps its English name as `order_name`: the risk map numbers activities by it, the same in every
    language.
    """
    def name(kind: str, ident: Any, given: Any) -> Any:
        return names.get(f"{kind}[{ident}]", given)

    for row in inventory.get("rows", []):
        row["activity_name"] = name("processing_activities", row.get("activity"), row.get("activity_name"))
        row["element_name"] = name("data_elements", row.get("data_element"), row.get("element_name"))
    for e in inventory.get("data_elements", []):
        e["name"] = name("data_elements", e.get("id"), e.get("name"))
    for x in inventory.get("recipients", []):
        x["name"] = name("recipients", x.get("id"), x.get("name"))
    for a in assessment.get("activities", []):
        a["order_name"] = english.get(f"processing_activities[{a.get('id')}]", a.get("name"))
        a["name"] = name("processing_activities", a.get("id"), a.get("name"))


def report_language(lang: str | None, manifest: Any = None) -> str:
    """The report's language: `lang` if given, else the manifest's `language` (when it has one), else the locale."""
    return resolve_language(lang or None, getattr(manifest, "language", None) if manifest is not None else None)


# --------------------------------------------------------------------------- provenance


def sha256_file(path: str | os.PathLike[str]) -> str:
    """The SHA-256 hex digest of the file at `path`."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def input_files(params: Mapping[str, Any], params_file: str = "") -> list[Path]:
    """Every file the run reads: manifests, params file, column mapping, method file, the estate's tables."""
    files: list[Path] = []
    for key in ("manifest", "proposed", "columns"):
        if params.get(key):
            files.append(Path(params[key]))
    if str(params.get("method", "")).endswith((".yaml", ".yml")):
        files.append(Path(params["method"]))
    if params_file:
        files.append(Path(params_file))
    if params.get("estate"):
        files.extend(p for p in sorted(Path(params["estate"]).rglob("*")) if p.is_file())
    return files


def versions() -> dict[str, str]:
    """The versions of pia and of the libraries a report depends on."""
    out = {}
    for dist in VERSIONED:
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


def provenance(params: Mapping[str, Any], params_file: str = "", run_started: str = "") -> dict[str, Any]:
    """What this report was made from: input files with sha256, versions, method, as_of, time of the run."""
    files = [{"path": config.display_path(p), "sha256": sha256_file(p), "bytes": p.stat().st_size}
             for p in input_files(params, params_file)]
    return {"files": files, "versions": versions(), "method": params.get("method"), "as_of": params.get("as_of"),
            "run_started": run_started or dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "notebook": config.display_path(REPORT_NOTEBOOK)}


__all__ = [
    "REPORT_NOTEBOOK",
    "VERSIONED",
    "AttachedValidation",
    "ReportData",
    "ValidationJob",
    "attach_validation",
    "change_phrase",
    "gather",
    "input_files",
    "manifest_names",
    "method_grid",
    "provenance",
    "report_language",
    "sha256_file",
    "start_validation",
    "trigger_text",
    "versions",
]
