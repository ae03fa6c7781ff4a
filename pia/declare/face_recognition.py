"""Findings on face recognition under Chinese law: another way in, guardians, storage, public places, filing.

An activity applies face recognition when it processes a face template (`user.biometric.facial_template` or a key
under it) or names `face_recognition` among its `innovative_technology`. Where the PIPL applies, the CAC/MPS
Measures for the Security Management of Facial Recognition Technology Applications (in force 1 June 2025) add
rules any such service must meet; each finding cites the article it rests on:

- ``face_recognition_alternative``: face recognition may not be the only way to verify a person where another way
  meets the purpose; who refuses it gets another reasonable, convenient way (Measures Art. 10; PIPL Art. 16). For
  access to a residential property the SPC's 2021 face-recognition provisions (Art. 10) let an owner demand one.
  A warning when the activity says refusing denies the service (`refusal_denies_service: true`), a note when it
  does not say.
- ``face_recognition_minors``: the faces of children under the PIPL minor age, on consent: the consent of a parent
  or guardian (Measures Art. 7; PIPL Art. 31).
- ``face_recognition_storage``: face information kept off the recognition device (on the service or a processor):
  only with separate consent or where a law provides, and no longer than the purpose needs (Measures Art. 8).
- ``face_recognition_public_places``: faces of people who did not enrol (`bystanders`): face recognition in public
  places only where public security needs it, with a reasonable capture area and prominent signs; images gathered
  there serve public security only, unless the person consents separately (PIPL Art. 26; Measures Art. 13).
- ``face_recognition_filing``: face information of 100,000 people or more stored: filing with the provincial
  cyberspace office within 30 working days (Measures Art. 15).
- ``face_recognition_assessment``: once per manifest, the impact assessment before the processing, with the
  contents the Measures name and records kept three years (Measures Art. 9; PIPL Art. 55(1), Art. 56).
"""
from __future__ import annotations

import re

from pydantic import BaseModel, Field

from pia.declare.citations import applies
from pia.declare.design import DEFAULT_DESIGN, Place
from pia.declare.manifest import DataSubject, Manifest, ProcessingActivity
from pia.declare.taxonomy import load_taxonomy
from pia.declare.text import Sentence
from pia.declare.vocabulary import basis_id
from pia.i18n import L_, Listing

FACE_CATEGORY = "user.biometric.facial_template"
FACE_TECHNOLOGY = "face_recognition"
# Measures Art. 15: the number of people whose face information is stored from which filing is due.
FILING_THRESHOLD = 100_000

ALTERNATIVE_SOURCE = "Face Recognition Measures (2025) Art. 10; PIPL Art. 16; SPC Face Recognition Provisions (2021) Art. 10"
MINORS_SOURCE = "Face Recognition Measures (2025) Art. 7; PIPL Art. 31"
STORAGE_SOURCE = "Face Recognition Measures (2025) Art. 8"
PUBLIC_SOURCE = "PIPL Art. 26; Face Recognition Measures (2025) Art. 13"
FILING_SOURCE = "Face Recognition Measures (2025) Art. 15"
ASSESSMENT_SOURCE = "Face Recognition Measures (2025) Art. 9; PIPL Art. 55(1); PIPL Art. 56"


class FaceFinding(BaseModel):
    """One duty of a face-recognition activity under the Measures, with the field it rests on and the source."""

    activity: str = Field(description="Id of the processing activity.")
    rule: str = Field(description="face_recognition_alternative, _minors, _storage, _public_places, _filing or "
                                  "_assessment.")
    warning: bool = Field(False, description="True when the manifest states a fact the rule forbids; else a note.")
    field: str = Field(description="The activity's field the finding rests on (e.g. refusal_denies_service).")
    message: Sentence = Field(description="What to do, in English (rendered in any language).")
    source: str = Field(description="The law it rests on (catalogue ids).")


def face_elements(m: Manifest, a: ProcessingActivity) -> list[str]:
    """Ids of the activity's face templates (the category or a key under it)."""
    tax = load_taxonomy()
    return [e.id for e in m.elements_of(a) if tax.is_within(e.category, FACE_CATEGORY)]


def names_face_recognition(a: ProcessingActivity) -> bool:
    """Whether `innovative_technology` names face recognition (`face_recognition`, "Face recognition", face-recognition)."""
    return any(re.sub(r"[\s-]+", "_", t.strip().lower()) == FACE_TECHNOLOGY for t in a.innovative_technology)


def applies_face_recognition(m: Manifest, a: ProcessingActivity) -> bool:
    """Whether the activity applies face recognition: it holds face templates or names the technology."""
    return bool(face_elements(m, a)) or names_face_recognition(a)


def kept_off_device(m: Manifest, a: ProcessingActivity) -> list[str]:
    """The activity's face templates stored on the service or a processor (not those kept 0 days: never stored)."""
    design = a.design or DEFAULT_DESIGN
    return [e.id for e in m.elements_of(a) if e.id in face_elements(m, a) and e.retention.max_days != 0
            and design.places(e.id) & {Place.service, Place.processor}]


def stored_faces(m: Manifest, a: ProcessingActivity) -> int:
    """People whose face templates the activity stores centrally: the elements' counts, else the activity's."""
    kept = kept_off_device(m, a)
    counts = [e.subjects_count if e.subjects_count is not None else a.subjects_count
              for e in m.elements_of(a) if e.id in kept]
    return max(counts, default=0)


def activity_face_findings(m: Manifest, a: ProcessingActivity) -> list[FaceFinding]:
    """The face-recognition findings of one activity (none unless Chinese law applies and it recognises faces)."""
    cn, _eu = applies(m.regimes)
    if not cn or not applies_face_recognition(m, a):
        return []
    out: list[FaceFinding] = []

    def add(rule: str, field: str, source: str, message: Sentence, warning: bool = False) -> None:
        out.append(FaceFinding(activity=a.id, rule=rule, warning=warning, field=field, message=message,
                               source=source))

    # verification by the people concerned (not the recognition of passers-by, who verify nothing)
    if set(a.data_subjects) - {DataSubject.bystanders}:
        if a.refusal_denies_service:
            add("face_recognition_alternative", "refusal_denies_service", ALTERNATIVE_SOURCE, L_(
                "face recognition is the only way offered: where another way meets the same purpose it may not be "
                "the only way to verify people, and who refuses it must get another reasonable and convenient way "
                "(a card, a PIN, a person at the gate), unless a law makes face recognition the only way"), warning=True)
        elif a.refusal_denies_service is None:
            add("face_recognition_alternative", "refusal_denies_service", ALTERNATIVE_SOURCE, L_(
                "face recognition may not be the only way to verify people where another way meets the same "
                "purpose: state the alternative offered to those who refuse it (refusal_denies_service: false, "
                "with the clause) or the law that makes face recognition the only way"))
    if DataSubject.minors in a.data_subjects and basis_id(a.legal_basis) == "consent":
        add("face_recognition_minors", "data_subjects", MINORS_SOURCE, L_(
            "the faces of children under {age} are processed on consent: the consent must be a parent's or "
            "guardian's; check that the consent records say who gave it", age=m.settings.minor_age_for("CN")))
    off_device = kept_off_device(m, a)
    if off_device:
        add("face_recognition_storage", "data_elements", STORAGE_SOURCE, L_(
            "face templates ({elements}) are kept off the recognition device, on the service or a processor: "
            "allowed only with the person's separate consent for it or where a law provides; say so in the consent "
            "and keep them no longer than the purpose needs", elements=Listing(off_device)))
    if DataSubject.bystanders in a.data_subjects:
        add("face_recognition_public_places", "data_subjects", PUBLIC_SOURCE, L_(
            "faces of people who did not enrol (bystanders) are recognised: in public places only where public "
            "security needs it, in a reasonably limited capture area, with prominent signs; the images serve "
            "public security only unless the person consents separately"))
    stored = stored_faces(m, a)
    if stored >= FILING_THRESHOLD:
        add("face_recognition_filing", "subjects_count", FILING_SOURCE, L_(
            "face information of {count:,} people is stored (filing from {limit:,}): file with the provincial "
            "cyberspace office within 30 working days of reaching the number, and update the filing on a "
            "substantial change", count=stored, limit=FILING_THRESHOLD))
    return out


def face_findings(m: Manifest) -> list[FaceFinding]:
    """The face-recognition findings of every activity of `m`, and the assessment duty once (first activity)."""
    out = [f for a in m.processing_activities for f in activity_face_findings(m, a)]
    first = next((a for a in m.processing_activities if applies_face_recognition(m, a)), None)
    if first is not None and applies(m.regimes)[0]:
        out.append(FaceFinding(
            activity=first.id, rule="face_recognition_assessment",
            field="innovative_technology" if names_face_recognition(first) else "data_elements",
            source=ASSESSMENT_SOURCE, message=L_(
                "face recognition needs an impact assessment before processing: whether the purpose and means are "
                "lawful, legitimate and necessary, whether the face data is the least needed, the impact and how to "
                "reduce it, the risks of leaks or misuse, and whether the protection fits them; keep the report "
                "and the processing records at least three years, and assess again when the purpose or means "
                "change or after a major incident")))
    return out
