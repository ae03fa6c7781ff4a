"""The assessment manifest: a pydantic model of one service's personal-data processing.

One YAML file per service, edited by hand and reviewed in git. `load_manifest` returns a validated
`Manifest` or raises `InputError` listing every problem as `FILE:LINE: path: message`.
"""
from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    model_serializer,
    model_validator,
)
from pydantic_core import ErrorDetails

from pia.declare.assumptions import Assumption, assumption_problems
from pia.declare.measures import Measure, MeasureEntry, MeasureStatus, catalogue, measure_reference_problems
from pia.declare.datasets import CheckDecl, DatasetDecl, declaration_problems
from pia.declare.design import ProcessingDesign, design_problems
from pia.declare.policy import KIT_CONCEPTS, ClauseRef, Policy, clause_problems, is_declared
from pia.declare.scale import ScaleFacts
from pia.declare.subjects import MinorAge, age_for, highest_age, minor_age_problems
from pia.declare.taxonomy import load_taxonomy
from pia.declare.residency import DATA_OF_HELP, RESIDENCY_HELP, check_residency, omit_none
from pia.declare.text import Language, Text, with_primary
from pia.declare.vocabulary import (
    BalancingTest,
    DataGroupDecl,
    DataSubjectRight,
    GroupRef,
    LegalBasisValue,
    SpecialCondition,
    regimes,
    vocabulary_problems,
)
from pia.errors import InputError, Problem
from pia.field_errors import field_message
from pia.i18n import N_, LocalizedText, _
from pia.yamlsource import Loc, YamlDocument, load_yaml, parse_yaml

# --------------------------------------------------------------------------- vocabularies


class DataGroup(str, Enum):
    """The reference policy's groups of personal data (its sections I and II); a manifest declares its own."""

    account = "account"
    order = "order"
    device = "device"
    snapshot = "snapshot"
    tracking = "tracking"


class DataSource(str, Enum):
    """Where a data element comes from."""

    user_provided = "user_provided"
    device_generated = "device_generated"
    observed = "observed"  # cookies, pixel tags, web beacons
    service_generated = "service_generated"


class Sensitivity(str, Enum):
    """Whether a data element is sensitive personal information."""

    general = "general"
    sensitive = "sensitive"


class DataSubject(str, Enum):
    """The kinds of people whose data an activity processes."""

    customers = "customers"
    minors = "minors"
    bystanders = "bystanders"  # people who merely appear in camera images
    website_visitors = "website_visitors"
    # vulnerable data subjects of WP248 rev.01 criterion 7 besides children (pia.declare.subjects)
    employees = "employees"
    students = "students"  # pupils and students, who depend on their school
    patients = "patients"
    elderly = "elderly"
    asylum_seekers = "asylum_seekers"
    vulnerable = "vulnerable"  # anyone else in an imbalance of power with the controller
    platform_workers = "platform_workers"  # drivers, couriers, riders of a gig platform (pia.declare.subjects)


class ActivityRole(str, Enum):
    """The service's role in an activity: it decides why and how (controller), or acts for others (processor)."""

    controller = "controller"  # determines the purposes and means (GDPR Art. 4(7); PIPL Art. 73(1))
    processor = "processor"  # processes on behalf of a controller (GDPR Art. 4(8), Art. 28; PIPL Art. 21)


class RecipientType(str, Enum):
    """The role of a party that receives personal data."""

    partner = "partner"
    processor = "processor"
    authority = "authority"
    acquirer = "acquirer"


class FlowKind(str, Enum):
    """Section IV: sharing (IV.1), transfer (IV.2), public disclosure (IV.3)."""

    share = "share"
    transfer = "transfer"
    disclosure = "disclosure"


class RecipientBasis(str, Enum):
    """Why data may flow to a recipient under section IV."""

    consent = "consent"  # IV.1(1), IV.2(1), IV.3(1)
    authority_request = "authority_request"  # IV.1(2), IV.3(2)
    service_agreement = "service_agreement"  # IV.1(3)
    legal_claim = "legal_claim"  # IV.1(4)
    merger = "merger"  # IV.2(2)


class NotificationChannel(str, Enum):
    """A channel for notifying users of significant changes."""

    push = "push"
    popup = "popup"
    email = "email"
    sms = "sms"
    website = "website"


class RightKind(str, Enum):
    """The reference policy's section V rights, each combining rights the law names separately.

    A manifest may use these or the rights of `vocabulary.DataSubjectRight` (access, erasure, portability, ...);
    `vocabulary.RIGHT_COVERS` says what each covers.
    """

    access_correct = "access_correct"  # V.1: access and rectification
    delete = "delete"  # V.2: erasure
    change_consent = "change_consent"  # V.3: consent withdrawal
    cancel_account = "cancel_account"  # V.4: account cancellation


def _right_kind(value: Any) -> Any:
    """One error listing every allowed value, rather than one error per enum of the union."""
    if isinstance(value, (RightKind, DataSubjectRight)):
        return value
    for enum in (DataSubjectRight, RightKind):
        try:
            return enum(value)
        except ValueError:
            continue
    allowed = ", ".join(repr(e.value) for e in (*DataSubjectRight, *RightKind))
    raise ValueError(_("{value!r} is not a right (allowed: {allowed})", value=value, allowed=allowed))


class RejectionReason(str, Enum):
    """Grounds on which a rights request may be refused (V.5)."""

    national_security = "national_security"
    public_interest = "public_interest"
    criminal_investigation = "criminal_investigation"
    malicious_or_abusive = "malicious_or_abusive"
    harm_to_others = "harm_to_others"
    trade_secret = "trade_secret"
    repetitive = "repetitive"
    technically_impractical = "technically_impractical"


# --------------------------------------------------------------------------- value validators

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# The grounds both PIPL Art. 13 and GDPR Art. 6(1) name; `vocabulary.LEGAL_BASIS_INFO` has all of them.
LEGAL_BASES = ("consent", "contract", "legal_obligation")


def _ident(value: str) -> str:
    if not _ID_RE.match(value):
        raise ValueError(_("{value!r} is not an id (lower case letters, digits and _, starting with a letter)",
                           value=value))
    return value


def _category(value: str) -> str:
    tax = load_taxonomy()
    if value not in tax:
        raise ValueError(tax.unknown_key_message(value))
    return value


# A clause reference: checked against `policy.clauses` when the manifest declares them (policy.py).
Clause = ClauseRef
Id = Annotated[str, AfterValidator(_ident)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
# A legal basis: checked against PIPL Art. 13, GDPR Art. 6(1) and the declared exemptions (vocabulary.py).
LegalBasis = LegalBasisValue
CategoryKey = Annotated[str, AfterValidator(_category)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False, frozen=False)


# --------------------------------------------------------------------------- service and controller


class PolicyRef(_Model):
    """The privacy policy the manifest encodes: title, version, effective date."""

    title: Text = Field(description="Title of the privacy policy this manifest documents.")
    version: str | None = Field(None, description="Version label of the policy.")
    effective_date: dt.date | None = Field(None, description="Date the policy version takes effect.")
    location: str | None = Field(None, description="Where the policy text is published or stored.")


class Service(_Model):
    """The service being assessed."""

    id: Slug = Field(description="Short id of the service (lower case, digits, - and _), used in report paths.")
    name: Text = Field(description="Name of the service as users know it.")
    description: Text = Field("", description="What the service does, in a sentence or two.")
    policy: PolicyRef | None = Field(None, description="The privacy policy (prefer the top-level `policy:` section).")
    jurisdictions: list[str] = Field(
        default_factory=list,
        description="Where the service's users are (ISO 3166 codes, or EU/EEA/UK): decides which laws' rules apply "
                    "(none: the controller's only, and every screening framework).")


class Ownership(_Model):
    """Who owns the controller: parent company and controlling shareholders."""

    parent_company: str | None = Field(None, description="Parent company, if any.")
    controlling_shareholders: list[str] = Field(default_factory=list, description="Controlling shareholders.")
    clauses: list[Clause] = Field(default_factory=list, description="Policy clauses about ownership changes.")


class ContactPoint(_Model):
    """A way to reach the controller (email, phone, address)."""

    phone: str | None = Field(None, description="Phone number of the contact point.")
    email: str | None = Field(None, description="Email address of the contact point.")
    address: str | None = Field(None, description="Postal address of the contact point.")
    web: str | None = Field(None, description="Web form or page.")


class Department(_Model):
    """The department responsible for personal-information security."""

    name: Text = Field(description="Name of the department.")
    contact: ContactPoint = Field(default_factory=ContactPoint, description="How to reach it.")
    clauses: list[Clause] = Field(default_factory=list, description="Policy clauses that name it.")


class ComplaintChannel(_Model):
    """Where users can complain about the processing."""

    authority: Text = Field(description="Authority or body that takes complaints.")
    clauses: list[Clause] = Field(default_factory=list, description="Policy clauses that name it.")


class Controller(_Model):
    """The legal entity that decides the purposes and means of the processing."""

    legal_entity: str = Field(description="Legal name of the personal-information controller.")
    jurisdiction: str = Field(description="ISO 3166 country code of the controller's establishment.")
    ownership: Ownership = Field(default_factory=Ownership, description="Parent company and shareholders.")
    security_department: Department = Field(
        description="Department responsible for personal-information security (III.1, III.4).")
    contact: ContactPoint = Field(description="Where users send questions and requests (VIII).")
    contact_clauses: list[Clause] = Field(default_factory=list, description="Clauses that give the contact.")
    complaint_channels: list[ComplaintChannel] = Field(default_factory=list, description="Where users can complain (VIII).")


class Settings(_Model):
    """Assessor settings: minor age, response and erasure deadlines."""

    minor_age: MinorAge = Field(18, description=(
        "Age under which a user is a minor (VI.1: 18): one age for every regime, or one per regime, e.g. "
        "{EU: 16, CN: 14} (GDPR Art. 8(1): 16, a member state may lower it to 13; PIPL Art. 28 and 31: 14)."))
    rights_response_days: int = Field(30, ge=1, le=365, description="Days to answer a rights request (GB/T 35273-2020 8.7: 30).")
    erasure_grace_days: int = Field(15, ge=0, le=3650, description="Days after cancellation by which data must be erased.")
    large_scale_subjects: int = Field(1_000_000, ge=1, description=(
        "Data subjects from which the assessor counts processing as large scale (WP248 criterion 5 gives no "
        "number; pia default 1,000,000 after the CAC outbound-transfer measures (2022) Art. 4)."))
    large_scale_factors_from: int | None = Field(None, ge=1, description=(
        "Data subjects from which volume, duration and extent (WP243 rev.01 2.1.3) can make processing large scale "
        "below large_scale_subjects, when all three point to it (pia default: a tenth of large_scale_subjects)."))
    unacceptable_risk: str = Field("high", min_length=1, description=(
        "The organisation's choice of the risk level from which a risk is unacceptable (a risk level id of the "
        "method; GB/T 39335-2020 leaves this to the organisation)."))

    def minor_age_for(self, regime: str) -> int:
        """The age under which a user is a minor for the rules of `regime` ('EU', 'CN', 'UK' or a country code)."""
        return age_for(self.minor_age, regime)

    @property
    def highest_minor_age(self) -> int:
        """The highest of the ages, for data that carries no regime (datasets, samples)."""
        return highest_age(self.minor_age)


# --------------------------------------------------------------------------- data, activities, recipients


class Retention(_Model):
    """How long a data element is kept, and what happens afterwards."""

    rule: Text = Field(description="How long the data is kept, in words.")
    max_days: int | None = Field(None, ge=0, description="Upper bound in days, if there is one.")
    clauses: list[Clause] = Field(default_factory=list, description="Clauses that state it.")


class SensitivityOverride(_Model):
    """A sensitivity different from the taxonomy's, with the reason."""

    level: Sensitivity = Field(description="Sensitivity that replaces the taxonomy's.")
    reason: Text = Field(min_length=3, description="Why the taxonomy's sensitivity does not apply.")


class DataElement(_Model):
    """One kind of personal data the service collects."""

    id: Id = Field(description="Unique id of the data element.")
    name: Text = Field(description="Name of the data element.")
    category: CategoryKey = Field(description="Taxonomy category key (dotted, e.g. user.contact.email).")
    group: GroupRef = Field(description="The data group (one of `data_groups` when the manifest declares them).")
    source: DataSource = Field(description="Where the data comes from.")
    retention: Retention = Field(description="How long it is kept.")
    sensitivity: SensitivityOverride | None = Field(None, description="Override of the taxonomy's sensitivity, with a reason.")
    subjects_count: int | None = Field(None, ge=0, description=(
        "People this element is held for, when fewer than an activity's subjects (e.g. minors' records)."))
    data_subjects: list[DataSubject] = Field(default_factory=list, description=(
        "Whose data this element is, when narrower than the activities' subjects (e.g. [minors])."))
    description: Text = Field("", description="What the element holds, in the service's terms.")
    clauses: list[Clause] = Field(min_length=1, description="Policy clauses that disclose it.")

    @property
    def sensitive(self) -> bool:
        """Whether the element is sensitive (its override, else its taxonomy category)."""
        if self.sensitivity is not None:
            return self.sensitivity.level is Sensitivity.sensitive
        return load_taxonomy()[self.category].sensitive

    @property
    def sensitivity_reason(self) -> str:
        """Why the element is (or is not) sensitive: the override's reason or the taxonomy's basis."""
        if self.sensitivity is not None:
            reason = self.sensitivity.reason
            if isinstance(reason, LocalizedText):  # keep the other language for the report (`pick`)
                primary = next((k for k, v in reason.translations.items() if v == str.__str__(reason)), None)
                return LocalizedText({k: f"override: {v}" for k, v in reason.translations.items()}, primary)
            return f"override: {reason}"
        cat = load_taxonomy()[self.category]
        return cat.basis or "not sensitive under GB/T 35273-2020 Annex B"


class Storage(_Model):
    """Where an activity's data is stored and whether it leaves the jurisdiction."""

    locations: list[str] = Field(min_length=1, description="ISO country codes where the data is stored.")
    cross_border: bool = Field(False, description="Whether data leaves the controller's jurisdiction.")
    residency: dict[str, list[str]] | None = Field(None, description=RESIDENCY_HELP)

    @model_serializer(mode="wrap")
    def _omit_undeclared_residency(self, handler: Any) -> dict[str, Any]:
        return omit_none(handler(self), "residency")  # documents of manifests without it stay as they were

    @model_validator(mode="after")
    def _residency_of_declared_locations(self) -> Storage:
        return check_residency(self)


class ProcessingActivity(_Model):
    """One purpose for which personal data is processed, with its facts and controls."""

    id: Id = Field(description="Unique id of the processing activity.")
    name: Text = Field(description="Short name.")
    purpose: Text = Field(description="Purpose of processing, in words a user understands.")
    data_elements: list[str] = Field(min_length=1, description="Ids of the data elements used.")
    data_subjects: list[DataSubject] = Field(min_length=1, description="Whose data is processed.")
    legal_basis: LegalBasis = Field(
        description="PIPL Art. 13 / GDPR Art. 6(1) ground (consent, contract, legal_obligation, legitimate_interest, "
                    "..., or its article, e.g. 'GDPR Art. 6(1)(f)'), or a consent exemption the manifest declares.")
    balancing_test: BalancingTest | None = Field(None, description="Required with legitimate_interest (GDPR Art. 6(1)(f)).")
    special_category_basis: SpecialCondition | None = Field(
        None, description="Condition for special-category data: GDPR Art. 9(2)(a)-(j), GDPR Art. 10 or PIPL Art. 29.")
    consent_scope: str | None = Field(None, description="Consent scope id in the service's consent records, if consent-based.")
    subjects_count: int = Field(ge=0, description="Expected number of data subjects.")
    storage: Storage = Field(description="Where the data is stored.")
    subjects_in: list[str] | None = Field(None, description=(
        "Where this activity's data subjects are (ISO 3166 codes, or EU/EEA/UK), when not all the service's users "
        "(service.jurisdictions): a transfer abroad is judged against each of their regimes and the controller's."))
    design: ProcessingDesign | None = Field(None, description="Design facts: where each element is held, identifiers.")
    scale: ScaleFacts | None = Field(None, description=(
        "Scale facts beyond the number of subjects (WP243 rev.01 2.1.3): collection, duration, extent."))
    recipients: list[str] = Field(default_factory=list, description="Ids of recipients that receive data of this activity.")
    role: ActivityRole | None = Field(None, description=(
        "The service's role: controller (not stated: it decides the purposes and means) or processor (it processes "
        "for other controllers on their documented instructions, GDPR Art. 28(3)(a), PIPL Art. 21: their impact "
        "assessment, legal basis and notice; the service assists them)."))
    on_behalf_of: Text | None = Field(None, description=(
        "With role processor: the controllers the service acts for, e.g. 'the business customers'."))
    profiling: bool = Field(False, description="Evaluates or predicts personal aspects (scoring, preferences).")
    automated_decisions: bool = Field(False, description="Takes decisions with legal or similar effect without a human.")
    personalised_pricing: bool | None = Field(None, description=(
        "Sets prices or other transaction terms (coupons, fees, offers) per person from their data (PIPL Art. 24(1))."))
    fairness: Text | None = Field(None, description=(
        "How the activity keeps its automated decisions transparent and their results fair and impartial, e.g. the "
        "logic it discloses and the tests for unreasonable differences between people (PIPL Art. 24(1))."))
    systematic_monitoring: bool = Field(False, description="Observes people systematically (e.g. cameras).")
    matches_datasets: bool = Field(False, description="Combines or matches datasets from different sources.")
    innovative_technology: list[str] = Field(
        default_factory=list, description="New technologies used (iot_camera, face_recognition, ...).")
    internet_facing_devices: bool = Field(False, description="Relies on devices reachable from the internet.")
    may_block_service: bool = Field(False, description="Can prevent people from using a service or exercising a right.")
    refusal_denies_service: bool | None = Field(None, description=(
        "With consent as basis: whether refusing or withdrawing that consent denies the person the service "
        "(GDPR Art. 7(4), PIPL Art. 16). Not stated (default): the service goes on without it."))
    necessary_for_service: bool | None = Field(None, description=(
        "Whether the processing is necessary to provide the service the person asks for (the exception of PIPL "
        "Art. 16; GDPR Art. 7(4)). Not stated (default): not necessary."))
    optional: bool = Field(False, description="Users can switch it off (e.g. I.4 alerts).")
    measures: dict[Id, MeasureEntry] = Field(default_factory=dict, description=(
        "Measure id (pia/data/measures.yaml or the manifest's own measures) -> status, or {status, note}."))
    clauses: list[Clause] = Field(min_length=1, description="Policy clauses that disclose it.")

    @property
    def is_processor(self) -> bool:
        """Whether the service acts here as a processor for other controllers (`role: processor`)."""
        return self.role is ActivityRole.processor

    def measure(self, measure_id: str) -> MeasureStatus:
        """Status of a measure; a measure the manifest does not mention is not assessed."""
        state = self.measures.get(measure_id)
        return state.status if state is not None else MeasureStatus.not_assessed

    @model_serializer(mode="wrap")
    def _omit_absent_grounds(self, handler: Any) -> dict[str, Any]:
        # The GDPR fields appear in dumps only when set, so documents of manifests without them stay as they were.
        data = handler(self)
        for key in ("balancing_test", "special_category_basis", "design", "scale", "refusal_denies_service",
                    "necessary_for_service", "subjects_in",
                    "personalised_pricing", "fairness", "role", "on_behalf_of"):
            if data.get(key) is None:
                data.pop(key, None)
        return data


class Recipient(_Model):
    """A party that receives personal data: a partner, processor, authority or acquirer."""

    id: Id = Field(description="Unique id of the recipient.")
    name: Text = Field(description="Name or kind of recipient.")
    type: RecipientType = Field(description="partner, processor, authority or acquirer.")
    flow: FlowKind = Field(description="share (IV.1), transfer (IV.2) or disclosure (IV.3).")
    data_groups: list[GroupRef] = Field(min_length=1, description="Data groups the recipient receives.")
    legal_basis: RecipientBasis = Field(description="Section IV ground for the flow.")
    confidentiality_agreement: bool = Field(description="Bound by a confidentiality agreement (IV.1).")
    location: str = Field(description="ISO country code where the recipient processes the data.")
    data_of: list[str] | None = Field(None, description=DATA_OF_HELP)
    condition: Text = Field("", description="When data flows, if not always.")
    clauses: list[Clause] = Field(min_length=1, description="Policy clauses that disclose the flow.")

    @model_serializer(mode="wrap")
    def _omit_undeclared_data_of(self, handler: Any) -> dict[str, Any]:
        return omit_none(handler(self), "data_of")


class Right(_Model):
    """A right of the data subjects and how it is exercised."""

    kind: Annotated[RightKind | DataSubjectRight, BeforeValidator(_right_kind)] = Field(
        description="Which right: access, rectification, erasure, consent_withdrawal, portability, objection, "
                    "restriction, account_cancellation, automated_decision_explanation (or a reference combined kind).")
    how: Text = Field(description="How users exercise it.")
    response_days: int = Field(30, ge=1, le=365, description="Deadline to respond, in days (GB/T 35273-2020 8.7: 30).")
    limitations: Text = Field("", description="When it does not apply.")
    clauses: list[Clause] = Field(min_length=1, description="Policy clauses that grant it.")


class RejectionGround(_Model):
    """A ground on which a rights request may be refused."""

    id: RejectionReason = Field(description="Ground for refusing a rights request.")
    clauses: list[Clause] = Field(min_length=1, description="Policy clauses that allow it.")


class ConsentExemption(_Model):
    """A situation in which the policy processes data without consent; activities may name it as legal basis."""

    clause: Clause = Field(description="The policy clause that states the exemption, e.g. 'I.5(7)'.")
    summary: Text = Field(description="The situation, paraphrased.")

    @property
    def number(self) -> int | None:
        """The item number of the clause ('I.5(7)' -> 7), None when the clause is not an item '(n)'."""
        m = re.search(r"\((\d+)\)$", self.clause)
        return int(m.group(1)) if m else None


class Commitment(_Model):
    """A promise of the policy, with the dataset checks that test it."""

    id: Id = Field(description="Unique id of the commitment.")
    summary: Text = Field(description="What the service promises, paraphrased.")
    clauses: list[Clause] = Field(min_length=1, description="Policy clauses that make the promise.")
    evidence: list[str] = Field(default_factory=list, description="Ids of dataset checks that test it.")


class Manifest(_Model):
    """A service's personal-data processing, as its privacy policy and its operators describe it."""

    schema_version: Literal[1] = Field(1, description="Manifest format version.")
    language: Language | None = Field(None, description=(
        "The manifest's primary language (en or zh): the language of its plain-string texts and the default "
        "language of every command's output (`--lang` overrides it)."))
    languages: list[Language] = Field(default_factory=list, description=(
        "The languages every free-text field should be given in, e.g. [en, zh]: with two, `pia check` lists "
        "each text that has one only (it falls back to the other). A text in both languages is written "
        "{en: ..., zh: ...}."))
    policy: Policy | None = Field(None, description="The privacy policy and its clauses (references are checked "
                                                    "against them; without it they are free-form).")
    service: Service
    controller: Controller
    settings: Settings = Field(default_factory=Settings)
    notification_channels: list[NotificationChannel] = Field(
        min_length=1, description="Channels for notifying significant changes (VII.1).")
    data_groups: list[DataGroupDecl] = Field(default_factory=list, description="The data groups the policy names "
                                             "(none declared: any group id is accepted).")
    data_elements: list[DataElement] = Field(min_length=1)
    processing_activities: list[ProcessingActivity] = Field(min_length=1)
    recipients: list[Recipient] = Field(default_factory=list)
    rights: list[Right] = Field(default_factory=list)
    rejection_grounds: list[RejectionGround] = Field(default_factory=list)
    consent_exemptions: list[ConsentExemption] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    assumptions: list[Assumption] = Field(default_factory=list, description="Facts the policy does not state, to confirm.")
    measures: list[Measure] = Field(default_factory=list, description="The manifest's own measures, added to the catalogue.")
    datasets: list[DatasetDecl] = Field(default_factory=list, description="The service's tables (pia validate, pia samples).")
    checks: list[CheckDecl] = Field(default_factory=list, description="Dataset checks: templates over the datasets.")

    _source: str = PrivateAttr("<memory>")
    _sha256: str | None = PrivateAttr(None)
    _lines: dict = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _primary_language(self) -> Manifest:
        # A bilingual text reads as the manifest's own language where code takes it as a plain string.
        if self.language is not None:
            with_primary(self, self.language)
        return self

    def line_of(self, *loc: str | int) -> int | None:
        """1-based line in the source YAML of the node at `loc` (or its nearest parent), if read from YAML."""
        loc_t = tuple(loc)
        while loc_t:
            if loc_t in self._lines:
                return self._lines[loc_t]
            loc_t = loc_t[:-1]
        return None

    # ------------------------------------------------------------------ lookups
    @property
    def source(self) -> str:
        """Where the manifest was read from (for messages and provenance)."""
        return self._source

    @property
    def policy_ref(self) -> Policy | PolicyRef | None:
        """The policy documented: `service.policy` (the older place, with its version label), else `policy:`."""
        return self.service.policy or self.policy

    def cite(self, concept: str, reference: str | None = None) -> str | None:
        """The manifest's policy clause for a kit concept (a significant-change kind, `posting`, a control).

        The clause `policy.clause_for` maps it to; else `reference` (the reference policy's clause, default from
        `policy.KIT_CONCEPTS`) when the manifest follows that numbering (it declares the clause, or declares
        no clauses at all); else None, and the caller cites the standard its rule rests on.
        """
        if reference is None:
            reference = KIT_CONCEPTS.get(concept)
        if self.policy is not None and concept in self.policy.clause_for:
            return self.policy.clause_for[concept]
        if reference is None:
            return None
        if self.policy is not None and self.policy.clauses:
            return reference if is_declared(reference, set(self.policy.clause_ids())) else None
        return reference

    @property
    def regimes(self) -> frozenset[str]:
        """Data-protection regimes whose rules apply: the controller's and its users' ('CN', 'EU', 'UK', ...)."""
        return regimes(self.controller.jurisdiction, self.service.jurisdictions)

    @property
    def sha256(self) -> str | None:
        """sha256 of the manifest file's bytes, when read from a file."""
        return self._sha256

    def element(self, element_id: str) -> DataElement:
        """The data element `element_id` (KeyError if undeclared)."""
        return {e.id: e for e in self.data_elements}[element_id]

    def measure_catalogue(self) -> dict[str, Measure]:
        """The shipped catalogue of measures with this manifest's own measures added."""
        return catalogue(self.measures)

    def recipient(self, recipient_id: str) -> Recipient:
        """The recipient `recipient_id` (KeyError if undeclared)."""
        return {r.id: r for r in self.recipients}[recipient_id]

    def activity(self, activity_id: str) -> ProcessingActivity:
        """The processing activity `activity_id` (KeyError if undeclared)."""
        return {a.id: a for a in self.processing_activities}[activity_id]

    def elements_of(self, activity: ProcessingActivity) -> list[DataElement]:
        """The data elements `activity` processes, in its order."""
        by_id = {e.id: e for e in self.data_elements}
        return [by_id[i] for i in activity.data_elements]

    def recipients_of(self, activity: ProcessingActivity) -> list[Recipient]:
        """The recipients `activity` sends data to, in its order."""
        by_id = {r.id: r for r in self.recipients}
        return [by_id[i] for i in activity.recipients]

    def all_clauses(self) -> set[str]:
        """Every clause reference anywhere in the manifest."""
        found: set[str] = set()

        def walk(obj: Any) -> None:
            if isinstance(obj, Policy):
                return  # the clauses the policy declares, not references to them
            if isinstance(obj, BaseModel):
                for name in type(obj).model_fields:
                    value = getattr(obj, name)
                    if name == "clauses" or name == "contact_clauses":
                        found.update(value)
                    else:
                        walk(value)
            elif isinstance(obj, (list, tuple)):
                for v in obj:
                    walk(v)
            elif isinstance(obj, dict):
                for v in obj.values():
                    walk(v)

        walk(self)
        found.update(x.clause for x in self.consent_exemptions)
        return found

    def to_yaml_data(self) -> dict[str, Any]:
        """Plain data for YAML or JSON (enums as strings, dates ISO), omitting defaults."""
        return self.model_dump(mode="json", exclude_defaults=True)


# --------------------------------------------------------------------------- loading


def _data_loc(doc: YamlDocument, loc: tuple[Any, ...]) -> Loc:
    """Keep only the parts of a pydantic error location that address the YAML data."""
    out: list[str | int] = []
    node: Any = doc.data
    for part in loc:
        if isinstance(node, dict) and part in node or isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            out.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not part.startswith(("function-", "[")):
            out.append(part)  # a missing or unknown field: name it
            node = None
        else:
            continue
    return tuple(out)


def _message(err: ErrorDetails) -> str:
    kind = err["type"]
    if kind == "missing":
        return _("required field is missing")
    if kind == "extra_forbidden":
        key = err["loc"][-1] if err["loc"] else ""
        # `how: In the app, or by email` inside braces: YAML ends the value at the comma and reads the rest as a
        # key without a value, so the real mistake is the missing quotes, not a misspelt field
        if isinstance(key, str) and err.get("input") is None and (" " in key.strip() or key.rstrip().endswith(")")):
            return _("unknown field: it looks like the end of the text before it; a comma inside braces ends a "
                     "value, so quote text that holds a comma (\"...\")")
        return _("unknown field (check its spelling)")
    msg = field_message(err).removeprefix("Value error, ")
    # a pattern names what is allowed; the value shows what was written (an id with a space or a capital)
    if kind in ("enum", "literal_error", "string_pattern_mismatch") or kind.endswith(("_type", "_parsing")):
        msg = _("{problem}; got {value}", problem=msg, value=repr(err.get("input")))
        if isinstance(err.get("input"), bool) and kind != "bool_type":
            msg += _(" (YAML reads unquoted yes/no/on/off as true/false: quote the value)")
    return msg


def _cross_reference_problems(doc: YamlDocument) -> list[Problem]:
    """Duplicate ids and references to undefined elements or recipients, read from the raw data."""
    data = doc.data if isinstance(doc.data, dict) else {}
    problems: list[Problem] = []

    def items(key: str) -> list[tuple[int, dict]]:
        seq = data.get(key)
        return [(i, x) for i, x in enumerate(seq) if isinstance(x, dict)] if isinstance(seq, list) else []

    def check_unique(key: str, field: str = "id") -> set[str]:
        seen: dict[Any, int] = {}
        for i, item in items(key):
            value = item.get(field)
            if value is None or isinstance(value, (list, dict)):
                continue
            if value in seen:
                loc = (key, i, field)
                first = doc.line_of((key, seen[value], field))
                problems.append(Problem(doc.source, _("duplicate {field} {value!r} (first defined on line {first})",
                                                      field=field, value=value, first=first),
                                        doc.line_of(loc), doc.path_of(loc)))
            else:
                seen[value] = i
        return {str(v) for v in seen}

    element_ids = check_unique("data_elements")
    recipient_ids = check_unique("recipients")
    check_unique("processing_activities")
    check_unique("commitments")
    check_unique("rights", "kind")
    check_unique("rejection_grounds")
    check_unique("consent_exemptions", "clause")

    for i, act in items("processing_activities"):
        for field, known, what in (("data_elements", element_ids, N_("data element")),
                                   ("recipients", recipient_ids, N_("recipient"))):
            refs = act.get(field)
            if not isinstance(refs, list):
                continue
            for j, ref in enumerate(refs):
                if isinstance(ref, str) and ref not in known:
                    loc = ("processing_activities", i, field, j)
                    close = difflib.get_close_matches(ref, sorted(known), n=3, cutoff=0.6)
                    hint = _("; did you mean {names}?", names=", ".join(close)) if close else ""
                    problems.append(Problem(doc.source, _("{what} {ref!r} is not defined", what=_(what), ref=ref) + hint,
                                            doc.line_of(loc), doc.path_of(loc)))
    return problems


def manifest_from_document(doc: YamlDocument) -> Manifest:
    """Validate parsed YAML as a manifest; raise InputError with every problem found."""
    problems: list[Problem] = []
    manifest: Manifest | None = None
    if not isinstance(doc.data, dict):
        raise InputError(Problem(doc.source, _("a manifest must be a YAML mapping at the top level"), 1))
    try:
        manifest = Manifest.model_validate(doc.data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = _data_loc(doc, err["loc"])
            problems.append(Problem(doc.source, _message(err), doc.line_of(loc), doc.path_of(loc)))
    problems.extend(_cross_reference_problems(doc))
    problems.extend(clause_problems(doc))
    problems.extend(vocabulary_problems(doc))
    problems.extend(assumption_problems(doc, manifest.model_dump(mode="json") if manifest is not None else None))
    problems.extend(measure_reference_problems(doc))
    problems.extend(declaration_problems(doc))
    problems.extend(design_problems(doc))
    problems.extend(minor_age_problems(doc))
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.path))
        raise InputError(problems)
    assert manifest is not None
    manifest._source = doc.source
    manifest._lines = dict(doc.lines)
    return manifest


def load_manifest(path: str | Path | None = None) -> Manifest:
    """Load and validate a manifest file (the reference inventory when `path` is None)."""
    from pia.config import REFERENCE_MANIFEST
    from pia.inputs import read_text

    path = Path(path) if path is not None else REFERENCE_MANIFEST
    raw, text = read_text(path, expected=N_("a manifest YAML file"))
    doc = load_yaml(path, text)
    manifest = manifest_from_document(doc)
    manifest._sha256 = hashlib.sha256(raw).hexdigest()
    return manifest


def parse_manifest(text: str, source: str = "<string>") -> Manifest:
    """Validate a manifest given as YAML text (e.g. read from a git revision)."""
    manifest = manifest_from_document(parse_yaml(text, source))
    manifest._sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return manifest
