"""Consistency checks of a valid manifest: what a reviewer should look at before the assessment.

A manifest can be valid and still contradict itself or the policy's promises (an unused data element,
a consent-based activity without a consent scope, a recipient abroad while storage claims no transfer).
"""
from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, Field

from pia.declare.assumptions import ITEM_KEYS, resolve, undisclosed
from pia.declare.citations import applies, by_regime
from pia.declare.consent import activity_consent_findings
from pia.declare.face_recognition import face_findings
from pia.declare.fairness import SOURCE as FAIRNESS_SOURCE
from pia.declare.fairness import fairness_findings
from pia.declare.platform_work import activity_platform_work_findings
from pia.declare.subjects import LAW_FLOOR, describe_age
from pia.declare.design import Place
from pia.declare.manifest import DataSubject, Manifest
from pia.declare.measures import MeasureStatus
from pia.declare.policy import is_declared
from pia.declare.roles import role_findings
from pia.declare.taxonomy import load_taxonomy
from pia.declare.terminal import terminal_elements, terminal_message, terminal_source
from pia.declare.text import fallbacks
from pia.declare.transfers import leaving, subject_regimes
from pia.declare.vocabulary import (
    AUTOMATED_DECISION_RIGHT,
    REGIME_LAWS,
    REQUIRED_RIGHTS,
    STORAGE_RULES,
    TRANSFER_RULES,
    basis_id,
    covered_rights,
    legal_basis_info,
    regime_of,
)
from pia.i18n import LANGUAGES, N_, Listing, Term, _, localize, ngettext, pick


# The kinds of data subject whose setting is a workplace or an education institution, where Regulation (EU) 2024/1689
# Art. 5(1)(f) prohibits emotion recognition (platform workers: the platform is where they work)
EMOTION_PROHIBITED_SUBJECTS = frozenset({DataSubject.employees, DataSubject.students, DataSubject.platform_workers})

# Legal bases on which GDPR Art. 22(2) allows no solely automated decision with legal or similar effect: its
# exceptions are a contract with the person (a), a law that authorises it (b: legal obligation, public task, another
# law) and explicit consent (c)
AUTOMATED_DECISION_NO_EXCEPTION = frozenset({"legitimate_interest", "vital_interests", "emergency", "news_reporting",
                                             "published_data"})


class Level(str, Enum):
    """How much a lint finding matters to the reviewer: an error is a breach of the law (`pia check` exits 2)."""

    error = "error"
    warning = "warning"
    note = "note"


# The level as the text output prints it (JSON keeps the enum value).
LEVEL_WORDS = {Level.error: N_("error"), Level.warning: N_("warning"), Level.note: N_("note")}


class Finding(BaseModel):
    """One observation about a manifest, with where it is and why it matters."""

    level: Level
    rule: str = Field(description="Stable id of the rule.")
    path: str = Field(description="Path of the manifest node concerned, list items by id: "
                                  "processing_activities[alert_snapshots].legal_basis (as assumptions name them).")
    line: int | None = Field(None, description="Line of that node in the manifest file.")
    message: str
    clause: str | None = Field(None, description="Policy clause or standard the rule rests on.")

    def __str__(self) -> str:
        level = _(LEVEL_WORDS[self.level])
        return f"{self.line or '-'}: {self.path}: {level}: {self.message}" + (
            f" [{self.clause}]" if self.clause else "")


def _cite(m: Manifest, clause: str, otherwise: str | None) -> str | None:
    """The reference policy's clause when the manifest's own policy declares it, else the standard's rule.

    The kit's rules were first written against the reference policy; a service with its own numbering gets
    the law or standard the rule rests on instead of a clause number that means nothing in its policy.
    """
    if m.policy is not None and m.policy.clauses and is_declared(clause, set(m.policy.clause_ids())):
        return clause
    if m.policy is None or not m.policy.clauses:
        # no declared clauses: keep the reference clause only for a manifest that cites the reference numbering
        return clause if clause in m.all_clauses() else otherwise
    return otherwise


def id_path(data: Any, loc: tuple) -> str:
    """The path of a location (keys and 0-based indices) with list items named by their id, as assumptions name them.

    `("processing_activities", 3, "recipients", 0)` -> `processing_activities[alert_snapshots].recipients[cloud]`;
    an item without an id (or kind, number, authority) keeps its index.
    """
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            item = node[part]
            key = next((str(item[k]) for k in ITEM_KEYS if isinstance(item, dict) and item.get(k) is not None), None)
            if key is None and isinstance(item, (str, int)):
                key = str(item)
            out += f"[{key if key is not None else part}]"
            node = item
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out


def _gdpr_ages(m: Manifest) -> str:
    """The minor age of each GDPR regime the service is under: `16`, or `16 (EU), 13 (UK)` when they differ.

    The UK sets 13 (UK GDPR Art. 8(1) as amended by the Data Protection Act 2018, s. 9) where Ireland keeps 16: a
    note naming the EU's age alone told a UK service's signer the wrong one.
    """
    ages = {r: m.settings.minor_age_for(r) for r in ("EU", "UK") if r in m.regimes}
    if len(set(ages.values())) <= 1:
        return str(next(iter(ages.values()), m.settings.minor_age_for("EU")))
    return ", ".join(f"{age} ({r})" for r, age in ages.items())


def lint(m: Manifest) -> list[Finding]:
    """Every finding about `m`, ordered by line then rule."""
    out: list[Finding] = []
    home = regime_of(m.controller.jurisdiction)
    data = m.model_dump(mode="json")

    def law(cn: str, eu: str) -> str:
        # the source of the laws that apply: a GDPR-only service is not cited PIPL, nor a Chinese one the GDPR
        return by_regime(m.regimes, cn, eu)

    def add(level: Level, rule: str, loc: tuple, message: str, clause: str | None = None) -> None:
        out.append(Finding(level=level, rule=rule, path=id_path(data, loc),
                           line=m.line_of(*loc), message=message, clause=clause))

    used_elements = {e for a in m.processing_activities for e in a.data_elements}
    for i, el in enumerate(m.data_elements):
        if el.id not in used_elements:
            add(Level.warning, "element_unused", ("data_elements", i, "id"),
                _("data element {id!r} is declared but no activity uses it: is it still needed?", id=el.id),
                law("GB/T 35273-2020 5.2 (minimisation)", "GDPR Art. 5(1)(c)"))

    for i, el_id in terminal_elements(m):  # ePrivacy Art. 5(3) / PECR reg. 6: a pixel, tracked link or cookie
        add(Level.note, "terminal_equipment_consent", ("data_elements", i, "category"),
            localize(terminal_message(el_id, [a.id for a in m.processing_activities if el_id in a.data_elements])),
            terminal_source(m))

    if "CN" in m.regimes:
        # PIPL Art. 28 makes every piece of personal information of a minor under 14 sensitive, whatever its kind;
        # the taxonomy marks kinds of data, so a child's name or step count stays general unless the manifest says
        # so (a sensitivity override), and the sensitive-data rules (separate consent, PIPL Art. 55(1)) miss it.
        # Only an element declared minors' data counts: an activity about minors may hold everyone's birth date to
        # tell who is one (the reference's minor_protection)
        for i, el in enumerate(m.data_elements):
            if el.data_subjects == [DataSubject.minors] and not el.sensitive and el.sensitivity is None:
                add(Level.warning, "minors_data_not_sensitive", ("data_elements", i, "category"),
                    _("data element {id!r} is minors' data but {category} is not sensitive: under PIPL the personal "
                      "information of minors under 14 is sensitive whatever its kind; declare sensitivity: "
                      "{{level: sensitive, reason: ...}}",
                      id=el.id, category=el.category),
                    "PIPL Art. 28; GB/T 35273-2020 3.2")

    named = {r for a in m.processing_activities for r in a.recipients}
    for i, r in enumerate(m.recipients):
        if r.id not in named:
            add(Level.note, "recipient_unused", ("recipients", i, "id"),
                _("recipient {id!r} is declared but no activity names it", id=r.id), _cite(m, "IV.1", None))
        users = [a for a in m.processing_activities if r.id in a.recipients]
        # PIPL's view for a controller in China (transfers.leaving, PIPL Art. 3): a processor where the activity's
        # other data subjects are (Frankfurt for EU families) provides no data of people in China abroad
        if regime_of(r.location) != home and not (home == "CN" and users and not any(
                t.fact == r.id for a in users for t in leaving(m, a, "CN"))):
            outside = m.controller.jurisdiction if regime_of(m.controller.jurisdiction) == m.controller.jurisdiction \
                else _("the {regime} ({country})", regime=home, country=m.controller.jurisdiction)
            add(Level.warning, "recipient_abroad", ("recipients", i, "location"),
                _("recipient {id!r} processes data in {location}, outside {outside}: a cross-border transfer",
                  id=r.id, location=r.location, outside=outside),
                TRANSFER_RULES.get(home, f"pia default: no transfer rule modelled for {home}"))
            if regime_of(r.location) == "CN":
                add(Level.note, "processed_in_cn", ("recipients", i, "location"),
                    _("recipient {id!r} processes in China, so PIPL governs that processing (PIPL Art. 3); data "
                      "collected abroad and sent back without adding personal information from China needs no CAC "
                      "security assessment, standard contract or certification", id=r.id),
                    "PIPL Art. 3; CAC Cross-border Data Flow Provisions 2024 Art. 4")
        if not r.confidentiality_agreement and r.type.value in ("partner", "processor"):
            add(Level.warning, "recipient_unbound", ("recipients", i, "confidentiality_agreement"),
                _("{type} {id!r} has no confidentiality agreement although the policy promises one",
                  type=r.type.value, id=r.id),
                _cite(m, "IV.1", law("PIPL Art. 21", "GDPR Art. 28(3)(b)")))

    # a recipient outside the regime of the data subjects of a service under several laws (pia.declare.transfers):
    # once per recipient and regime, where the controller's own regime does not already make it a transfer
    index = {r.id: i for i, r in enumerate(m.recipients)}
    # each regime's own view (transfers.leaving): a recipient declared to receive only others' data (data_of) is none
    by_subjects = sorted({(t.fact, t.regime) for a in m.processing_activities for regime in subject_regimes(m, a)
                          if regime != home for t in leaving(m, a, regime) if t.kind == "recipient"},
                         key=lambda x: (index[x[0]], x[1]))
    for rid, regime in by_subjects:
        r = m.recipients[index[rid]]
        add(Level.warning, "recipient_abroad_for_subjects", ("recipients", index[rid], "location"),
            _("recipient {id!r} receives in {location} the data of people in {regime}: a transfer out of {regime}",
              id=rid, location=r.location, regime=regime),
            TRANSFER_RULES.get(regime, f"pia default: no transfer rule modelled for {regime}"))

    faces: dict[str, list] = {}
    for fr in face_findings(m):
        faces.setdefault(fr.activity, []).append(fr)
    for i, a in enumerate(m.processing_activities):
        groups = {e.group for e in m.elements_of(a)}
        for j, r in enumerate(m.recipients_of(a)):
            if not groups & set(r.data_groups):
                add(Level.warning, "recipient_gets_nothing", ("processing_activities", i, "recipients", j),
                    _("recipient {id!r} receives none of the data groups activity {activity!r} uses",
                      id=r.id, activity=a.id),
                    _cite(m, "IV.1", None))
        basis = basis_id(a.legal_basis)
        if basis == "consent" and not a.consent_scope:
            add(Level.note, "consent_scope_missing", ("processing_activities", i, "legal_basis"),
                _("activity {id!r} relies on consent but names no consent_scope, so consent records cannot be "
                  "checked", id=a.id),
                _cite(m, "V.3", law("PIPL Art. 14", "GDPR Art. 7(1)")))
        overriding = basis == "legal_obligation" or a.legal_basis in {f"I.5({n})" for n in (1, 2, 3, 4, 11)}
        with_cn, with_eu = applies(m.regimes)
        # GDPR Art. 8(1) conditions the consent of Art. 6(1)(a) only: under another basis the GDPR asks no guardian's
        # consent, so only PIPL Art. 31 (or the policy's own promise) grounds the note on a non-consent basis
        minors_law = "PIPL Art. 31" if with_cn else None
        if DataSubject.minors in a.data_subjects and basis != "consent" and not overriding \
                and (source := _cite(m, "VI.1", minors_law)):
            # the reference policy promises a guardian's consent (VI.1); another service's policy may not: the
            # rule then rests on the law, and the message must not put the promise in its policy's mouth
            said = (_("activity {id!r} processes minors' data on basis {basis!r}; the policy requires a guardian's "
                      "prior consent for minors", id=a.id, basis=a.legal_basis) if source == "VI.1" else
                    _("activity {id!r} processes minors' data on basis {basis!r}; the law cited asks for a guardian's "
                      "consent for the data of minors under {age}: check that this basis covers them", id=a.id,
                      basis=a.legal_basis, age=m.settings.minor_age_for("CN")))
            add(Level.note, "minors_without_consent_basis", ("processing_activities", i, "data_subjects"), said, source)
        if DataSubject.minors in a.data_subjects and basis == "consent" and with_eu:
            add(Level.note, "minors_parental_consent", ("processing_activities", i, "data_subjects"),
                _("activity {id!r} relies on consent and processes minors' data: where the service is offered "
                  "directly to children, a child's consent below {age} counts only when the holder of parental "
                  "responsibility gives or authorises it, and the controller must make reasonable efforts to verify "
                  "that", id=a.id, age=_gdpr_ages(m)),
                "GDPR Art. 8(1); GDPR Art. 8(2)")
        if DataSubject.minors in a.data_subjects and with_eu and (a.profiling or a.automated_decisions):
            # the GDPR's articles do not forbid profiling children; its recitals ask for their specific protection
            # against it and exclude them from solely automated decisions, which the assessment must then justify
            add(Level.note, "minors_profiling", ("processing_activities", i, "profiling" if a.profiling
                                                  else "automated_decisions"),
                _("activity {id!r} profiles minors or takes automated decisions about them: children merit specific "
                  "protection against profiling, and a solely automated decision with legal or similarly significant "
                  "effects should not concern a child; justify it in the assessment or leave children out", id=a.id),
                "GDPR Recital 38; GDPR Recital 71")
        if with_eu and any("emotion" in x.lower() for x in a.innovative_technology):
            # Regulation (EU) 2024/1689: emotion recognition is prohibited in the workplace and in education
            # (Art. 5(1)(f), medical or safety reasons aside), high-risk elsewhere (Annex III(1)(c)), and people exposed
            # to it are told (Art. 50(3)); the kit knows the setting from the kinds of data subject only
            at_work = sorted(k.value for k in set(a.data_subjects) & EMOTION_PROHIBITED_SUBJECTS)
            if at_work:
                add(Level.error, "emotion_recognition_prohibited", ("processing_activities", i, "innovative_technology"),
                    _("activity {id!r} infers the emotions of {subjects}: the use of AI systems that infer emotions in "
                      "the workplace or in education institutions is prohibited in the EU, unless for medical or "
                      "safety reasons", id=a.id, subjects=localize(Listing(Term(k) for k in at_work))),
                    "Regulation (EU) 2024/1689 Art. 5(1)(f)")
            else:
                add(Level.warning, "emotion_recognition", ("processing_activities", i, "innovative_technology"),
                    _("activity {id!r} uses emotion recognition: in the EU it is prohibited in the workplace and in "
                      "education institutions (unless for medical or safety reasons), so check whether this setting "
                      "is one of them; elsewhere it is a high-risk AI system, and the people exposed must be told "
                      "that it operates", id=a.id),
                    "Regulation (EU) 2024/1689 Art. 5(1)(f); Regulation (EU) 2024/1689 Annex III(1)(c); "
                    "Regulation (EU) 2024/1689 Art. 50(3)")
        for f in activity_consent_findings(m, a):
            add(Level.warning, f.rule, ("processing_activities", i, f.field),
                _("activity {id!r}: {finding}", id=a.id, finding=localize(f.message)), f.source)
        for pw in activity_platform_work_findings(m, a):
            # the Directive's prohibitions are a breach to look at; its DPIA and PIPL Art. 24 are duties to note
            add(Level.warning if pw.rule == "platform_work_limits" else Level.note, pw.rule,
                ("processing_activities", i, pw.field),
                _("activity {id!r}: {finding}", id=a.id, finding=localize(pw.message)), pw.source)
        for fr in faces.get(a.id, []):
            # the Measures' duties of a face-recognition service: a warning only when the manifest states what they forbid
            add(Level.warning if fr.warning else Level.note, fr.rule, ("processing_activities", i, fr.field),
                _("activity {id!r}: {finding}", id=a.id, finding=localize(fr.message)), fr.source)
        info = legal_basis_info(a.legal_basis)
        known = {r for r in m.regimes if r in REGIME_LAWS and r != "US"}
        if info is not None and known and not info.regimes & known:
            add(Level.warning, "basis_not_in_law", ("processing_activities", i, "legal_basis"),
                _("activity {id!r} relies on {basis} ({sources}), a ground the law of {regimes} does not offer",
                  id=a.id, basis=info.id, sources=", ".join(info.sources), regimes=", ".join(sorted(known))),
                "PIPL Art. 13" if "CN" in known else "GDPR Art. 6(1)")
        elif info is not None and known - info.regimes:
            # under both laws one basis is declared, but PIPL has no vital interests, public task or legitimate
            # interest, and the GDPR no emergency or published-data ground: the people the other law protects need
            # a ground of their own (the manifest holds one basis per activity, so this stays a note to settle)
            missing = sorted(known - info.regimes)
            add(Level.note, "basis_not_in_every_law", ("processing_activities", i, "legal_basis"),
                _("activity {id!r} relies on {basis} ({sources}), a ground the law of {regimes} does not offer: for "
                  "the people that law protects, record which of its grounds applies",
                  id=a.id, basis=info.id, sources=", ".join(info.sources), regimes=", ".join(missing)),
                "PIPL Art. 13" if "CN" in missing else "GDPR Art. 6(1)")
        abroad = [loc for loc in a.storage.locations if regime_of(loc) != home]
        if abroad and not a.storage.cross_border:
            add(Level.warning, "storage_abroad_undeclared", ("processing_activities", i, "storage"),
                (_("activity {id!r} stores data in {locations} but says cross_border: false",
                   id=a.id, locations=", ".join(abroad)) if "cross_border" in a.storage.model_fields_set else
                 _("activity {id!r} stores data in {locations}, outside the controller's jurisdiction, but does not "
                   "declare storage.cross_border: true (not stated counts as false)",
                   id=a.id, locations=", ".join(abroad))),
                STORAGE_RULES.get(home, "pia default: data stored outside the controller's jurisdiction"))
        held_at = a.design.held_at if a.design is not None else {}
        relayed = {e.id for e in m.elements_of(a) if held_at.get(e.id) == [Place.transit]}
        for e in m.elements_of(a):
            # relayed, never stored, yet kept for a while: one of the two facts is wrong, and the risk depends on it
            if e.id in relayed and e.retention.max_days != 0:
                add(Level.warning, "transit_retained", ("processing_activities", i, "design", "held_at", e.id),
                    _("activity {id!r} says {element!r} is only relayed (transit) but its retention keeps it {days}: "
                      "a relay does not count in the scale of the central store, stored data does",
                      id=a.id, element=e.id,
                      days=_("without a bound") if e.retention.max_days is None
                      else ngettext("{n} day", "{n} days", e.retention.max_days)),
                    "pia default: design.held_at transit means not stored")
        # data only relayed is not at rest with the service
        sensitive = [e.id for e in m.elements_of(a) if e.sensitive and e.id not in relayed]
        if sensitive and a.measure("encryption_at_rest") is not MeasureStatus.implemented:
            add(Level.warning, "sensitive_unencrypted", ("processing_activities", i, "measures"),
                _("activity {id!r} stores sensitive data ({elements}) without encryption at rest implemented",
                  id=a.id, elements=", ".join(sensitive)),
                m.cite("encryption_at_rest") or law("GB/T 35273-2020 6.3", "GDPR Art. 32(1)(a)"))
        pipl_sensitive = [e.id for e in m.elements_of(a) if e.sensitive]
        if "CN" in m.regimes and pipl_sensitive and basis == "contract" and a.special_category_basis != "PIPL Art. 29":
            # PIPL Art. 29 asks for separate consent where consent is the ground; another ground of Art. 13 can
            # carry sensitive data only with a specific purpose and sufficient necessity (Art. 28, second paragraph)
            add(Level.note, "sensitive_without_separate_consent", ("processing_activities", i, "legal_basis"),
                _("activity {id!r} processes sensitive personal information ({elements}) on basis {basis!r}: it needs "
                  "separate consent unless this basis is another ground of PIPL Art. 13 that covers it, and the "
                  "purpose must be specific and the processing sufficiently necessary; otherwise declare "
                  "special_category_basis: PIPL Art. 29 once separate consent is asked",
                  id=a.id, elements=", ".join(pipl_sensitive), basis=a.legal_basis),
                "PIPL Art. 29; PIPL Art. 13; PIPL Art. 28(2)")
        if "CN" in m.regimes and m.regimes & {"EU", "UK"} and pipl_sensitive and basis == "consent" \
                and (a.special_category_basis or "").startswith("GDPR Art. 9(2)"):
            # the manifest holds one condition: the GDPR's is recorded, PIPL's separate consent (Art. 29) is not
            add(Level.note, "separate_consent_unrecorded", ("processing_activities", i, "special_category_basis"),
                _("activity {id!r} records the GDPR's condition {condition} for its sensitive personal information "
                  "({elements}); for the people in China the consent must also be separate consent: record that it "
                  "is asked separately (the manifest holds one condition)",
                  id=a.id, condition=a.special_category_basis, elements=", ".join(pipl_sensitive)),
                "PIPL Art. 29")
        if m.regimes & {"EU", "UK"}:
            tax = load_taxonomy()
            special = [(e.id, why) for e in m.elements_of(a) if (why := tax[e.category].special_category)]
            declared = a.special_category_basis
            art9 = [e for e, why in special if why.startswith("GDPR Art. 9")]
            art10 = [e for e, why in special if why.startswith("GDPR Art. 10")]
            art9_open = art9 and not (declared or "").startswith("GDPR Art. 9(2)")
            if art9_open and declared is None:
                # GDPR Art. 9(1) prohibits the processing unless a condition of Art. 9(2) applies: a legal basis of
                # Art. 6(1) alone, legitimate interest included, does not suffice
                add(Level.error, "special_category_without_condition", ("processing_activities", i, "legal_basis"),
                    _("activity {id!r} processes special-category data ({elements}) on basis {basis!r} with no "
                      "condition of {needs}: the processing is prohibited unless one applies; declare it as "
                      "special_category_basis (e.g. 'GDPR Art. 9(2)(a)', explicit consent)",
                      id=a.id, elements=", ".join(art9), basis=a.legal_basis, needs="GDPR Art. 9(2)"),
                    "GDPR Art. 9(1); GDPR Art. 9(2)")
            elif art9_open:
                # a condition of another kind (PIPL Art. 29's separate consent, GDPR Art. 10) does not lift Art. 9(1)
                add(Level.error, "special_category_without_condition", ("processing_activities", i,
                                                                        "special_category_basis"),
                    _("activity {id!r} processes special-category data ({elements}) under special_category_basis "
                      "{declared!r}, which is not a condition of GDPR Art. 9(2): the processing is prohibited unless "
                      "one applies; declare the Art. 9(2) condition (e.g. 'GDPR Art. 9(2)(a)', explicit consent), "
                      "or split the activity when its data needs conditions of different articles",
                      id=a.id, elements=", ".join(art9), declared=declared),
                    "GDPR Art. 9(1); GDPR Art. 9(2)")
            if art10 and declared != "GDPR Art. 10":
                # GDPR Art. 10: data on criminal convictions and offences only under official authority or where
                # Union or Member State law authorises it with safeguards; Art. 9(2)'s conditions (explicit consent
                # included) are not conditions of Art. 10
                add(Level.error, "criminal_data_without_authorisation", ("processing_activities", i,
                                                                         "special_category_basis" if declared
                                                                         else "legal_basis"),
                    (_("activity {id!r} processes data on criminal convictions and offences ({elements}) under "
                       "special_category_basis {declared!r}: the GDPR allows it only under the control of official "
                       "authority or where Union or Member State law authorises it with appropriate safeguards, and "
                       "a condition of Art. 9(2) or consent does not stand in for that; declare "
                       "special_category_basis: GDPR Art. 10 and record the authorising law",
                       id=a.id, elements=", ".join(art10), declared=declared) if declared else
                     _("activity {id!r} processes data on criminal convictions and offences ({elements}) on basis "
                       "{basis!r} with no special_category_basis: the GDPR allows it only under the control of "
                       "official authority or where Union or Member State law authorises it with appropriate "
                       "safeguards; declare special_category_basis: GDPR Art. 10 and record the authorising law",
                       id=a.id, elements=", ".join(art10), basis=a.legal_basis)),
                    "GDPR Art. 10")
            elif art10:
                add(Level.note, "criminal_data_authorisation", ("processing_activities", i, "special_category_basis"),
                    _("activity {id!r} processes data on criminal convictions and offences ({elements}) under GDPR "
                      "Art. 10: record the official authority or the Union or Member State law that authorises it "
                      "and its safeguards (the manifest does not hold them)",
                      id=a.id, elements=", ".join(art10)),
                    "GDPR Art. 10")
            if a.automated_decisions:
                # GDPR Art. 22(1)-(2): a solely automated decision with legal or similarly significant effects only
                # when necessary for a contract with the person, authorised by Union or Member State law, or on
                # explicit consent
                if basis in AUTOMATED_DECISION_NO_EXCEPTION:
                    add(Level.warning, "automated_decision_without_exception", ("processing_activities", i,
                                                                                "automated_decisions"),
                        _("activity {id!r} takes solely automated decisions with legal or similarly significant effects "
                          "on basis {basis!r}: people have the right not to be subject to them unless the decision is "
                          "necessary for a contract with them, authorised by Union or Member State law, or based on "
                          "their explicit consent; rest the decisions on one of these or have a person take them",
                          id=a.id, basis=a.legal_basis),
                        "GDPR Art. 22(1); GDPR Art. 22(2)")
                if art9 and declared not in ("GDPR Art. 9(2)(a)", "GDPR Art. 9(2)(g)"):
                    # Art. 22(4): such decisions are not based on special categories unless Art. 9(2)(a) or (g)
                    add(Level.error, "automated_decision_special_category", ("processing_activities", i,
                                                                             "automated_decisions"),
                        _("activity {id!r} takes solely automated decisions with legal or similarly significant effects "
                          "and processes special-category data ({elements}): such decisions must not be based on it "
                          "unless explicit consent (GDPR Art. 9(2)(a)) or a substantial public interest under law "
                          "(GDPR Art. 9(2)(g)) applies, with suitable safeguards; take the data out of the decision, "
                          "have a person decide, or declare one of these conditions",
                          id=a.id, elements=", ".join(art9)),
                        "GDPR Art. 22(4); GDPR Art. 9(2)(a); GDPR Art. 9(2)(g)")

    for ff in fairness_findings(m):  # PIPL Art. 24(1): transparent, fair automated decisions, no unfair pricing
        add(Level.warning if ff.serious else Level.note, ff.rule, ("processing_activities", ff.activity, ff.field),
            localize(ff.message), FAIRNESS_SOURCE)

    position = {a.id: i for i, a in enumerate(m.processing_activities)}
    for rf in role_findings(m):  # a processor's duties; a controller activity using data held for others
        where: tuple = ("processing_activities", position[rf.activity], rf.field)
        if rf.recipient is not None:  # the sub-processor's entry in the activity's recipients
            where = (*where, m.processing_activities[position[rf.activity]].recipients.index(rf.recipient))
        add(Level.warning if rf.warning else Level.note, rf.rule, where,
            localize(rf.message) if rf.rule != "processor_own_purpose" else
            _("activity {id!r}: {finding}", id=rf.activity, finding=localize(rf.message)), rf.source)

    for regime, (floor, source) in LAW_FLOOR.items():
        if regime in m.regimes and m.settings.minor_age_for(regime) < floor:
            add(Level.warning, "minor_age_below_law", ("settings", "minor_age"),
                _("minor_age {ages}: the age for {regime} is {age}, below the {floor} the law sets, so users from "
                  "{age} to {last} would be treated as adults although that law protects them as minors",
                  ages=describe_age(m.settings.minor_age), regime=regime, age=m.settings.minor_age_for(regime),
                  floor=floor, last=floor - 1),
                source)
    have = covered_rights(r.kind.value for r in m.rights)
    required: dict[str, list[str]] = {}
    for regime in sorted(m.regimes):
        for right, source in REQUIRED_RIGHTS.get(regime, ()):
            required.setdefault(right, []).append(source)
        if regime in AUTOMATED_DECISION_RIGHT and any(a.automated_decisions for a in m.processing_activities):
            required.setdefault("automated_decision_explanation", []).append(AUTOMATED_DECISION_RIGHT[regime])
    for right, sources in required.items():
        if right not in have:
            add(Level.warning, "right_missing", ("rights",), _("no way to exercise the right {right!r} is declared",
                                                                right=right),
                "; ".join(sources))
    outside_eu = regime_of(m.controller.jurisdiction) != "EU"
    if outside_eu and "EU" in {regime_of(j) for j in m.service.jurisdictions}:
        # GDPR Art. 3(2) reaches a controller established outside the Union that serves people in it; Art. 27(1)
        # then asks for a representative in the Union (Art. 27(2): not for occasional processing without large-scale
        # special-category data); the manifest records the establishment, not a representative
        add(Level.note, "eu_representative", ("controller", "jurisdiction"),
            _("the controller is established in {country}, outside the EU, and serves users in the EU: the GDPR "
              "applies to it and it must designate in writing a representative in the Union unless its processing "
              "is occasional and does not include special-category data on a large scale",
              country=m.controller.jurisdiction),
            "GDPR Art. 3(2); GDPR Art. 27")
    if regime_of(m.controller.jurisdiction) != "CN" and "CN" in {regime_of(j) for j in m.service.jurisdictions}:
        # PIPL Art. 3(2) reaches a handler abroad that serves people in China; Art. 53 then asks it for a dedicated
        # body or a representative in China, reported to the authorities (no exemption, unlike GDPR Art. 27(2))
        add(Level.note, "cn_representative", ("controller", "jurisdiction"),
            _("the controller is established in {country}, outside China, and serves users in China: the PIPL applies "
              "to it and it must set up a dedicated body or designate a representative in China for personal "
              "information matters, and report its name and contact to the authorities",
              country=m.controller.jurisdiction),
            "PIPL Art. 3; PIPL Art. 53")
    contact = m.controller.contact
    if not contact.email:
        add(Level.warning, "contact_email_missing", ("controller", "contact"),
            _("no contact email is given: users can only call (the policy's own contact leaves the email blank)"),
            _cite(m, "VIII", law("PIPL Art. 17", "GDPR Art. 13(1)(a)")))
    if not (contact.phone or contact.email or contact.web or contact.address):
        add(Level.warning, "contact_missing", ("controller", "contact"), _("no contact point at all"),
            _cite(m, "VIII", law("PIPL Art. 17", "GDPR Art. 13(1)(a)")))
    if not m.controller.ownership.parent_company and not m.controller.ownership.controlling_shareholders:
        add(Level.note, "ownership_unknown", ("controller", "ownership"),
            _("ownership (parent company, controlling shareholders) is not recorded, so a change of control cannot "
              "be detected by `pia diff`"), m.cite("ownership") or law("GB/T 35273-2020 Annex D", "WP260 rev.01"))
    for gap in undisclosed(m):
        loc, _value = resolve(data, gap.about)
        out.append(Finding(level=Level.warning, rule="not_disclosed", path=gap.about,
                           line=m.line_of(*loc) if loc else None,
                           message=_("not disclosed by the policy: {why}", why=pick(gap.why)),
                           clause=law("PIPL Art. 17", "GDPR Art. 13")))
    for loc, missing in fallbacks(m, m.languages, m.language):
        add(Level.warning, "text_fallback", loc,
            _("text in {have} only: readers in {missing} get it in {have} (write {{en: ..., zh: ...}})",
              have=", ".join(lang for lang in LANGUAGES if lang not in missing), missing=", ".join(missing)))
    out.sort(key=lambda f: (f.line or 0, f.rule, f.path))
    return out
