"""The catalogue of dataset checks: the policy's commitments as GX expectations over prepared frames.

Each check names its clause, datasets, the expectations GX runs (as data, with `$setting` placeholders),
the columns a sample may show (masked) and the manifest activities and controls it is evidence for.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from pia.declare.manifest import RejectionReason

EMAIL_RE = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
E164_RE = r"^\+[1-9]\d{6,14}$"
# A recognised one-way hash: bcrypt ($2a$/$2b$/$2y$, cost, 53 characters), argon2, scrypt, pbkdf2 (Django style).
HASH_RE = (r"^(?:\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}"
           r"|\$argon2(?:id|i|d)\$\S+"
           r"|\$scrypt\$\S+"
           r"|pbkdf2_sha(?:256|512)\$\S+)$")

# Section IV: which legal bases allow which kind of flow (IV.1 share, IV.2 transfer, IV.3 disclosure).
ALLOWED_BASES: dict[str, tuple[str, ...]] = {
    "share": ("consent", "authority_request", "service_agreement", "legal_claim"),
    "transfer": ("consent", "merger"),
    "disclosure": ("consent", "authority_request"),
}
REJECTION_REASONS: tuple[str, ...] = tuple(r.value for r in RejectionReason)


class Expect(BaseModel):
    """One GX expectation: its snake_case type and keyword arguments; `"$name"` values are settings."""

    type: str = Field(description="GX expectation type, e.g. expect_column_values_to_match_regex.")
    kwargs: dict[str, Any] = Field(description="Keyword arguments; a string '$name' is replaced by a setting.")

    def resolve(self, settings: dict[str, Any]) -> dict[str, Any]:
        """The kwargs with every `$setting` placeholder replaced by its value."""
        return {k: settings[v[1:]] if isinstance(v, str) and v.startswith("$") else v
                for k, v in self.kwargs.items()}


class Check(BaseModel):
    """One dataset check. A row fails when any expectation finds it unexpected.

    The expectations of a check find disjoint sets of rows (by construction of the frame), so the
    failed-row count is the sum of their unexpected counts.
    """

    id: str = Field(description="Dotted id, e.g. users.email_format.")
    clause: str = Field(description="Clause(s) of the policy the check tests, e.g. 'I.1, III.3'.")
    dataset: str = Field(description="Dataset whose rows are counted.")
    needs: list[str] = Field(default_factory=list, description="Other datasets the check joins.")
    needs_manifest: bool = Field(False, description="Whether the check reads recipients from the manifest.")
    description: str = Field(description="When a row fails, in words.")
    frame: str = Field(description="The prepared frame GX validates: which rows, which columns (see pia.frames).")
    expectations: list[Expect] = Field(min_length=1, description="GX expectations over the prepared frame.")
    show: list[str] = Field(default_factory=list, description="Dataset columns a sample shows, masked.")
    show_frame: list[str] = Field(default_factory=list, description="Frame columns a sample shows (not personal).")
    activities: list[str] = Field(default_factory=list, description="Manifest activities it is evidence for.")
    controls: list[str] = Field(default_factory=list, description="Controls it is evidence for.")

    @property
    def datasets(self) -> list[str]:
        """The datasets this check reads."""
        return [self.dataset, *self.needs]


def _e(type_: str, **kwargs: Any) -> Expect:
    return Expect(type=type_, kwargs=kwargs)


NOT_NULL = "expect_column_values_to_not_be_null"
UNIQUE = "expect_column_values_to_be_unique"
REGEX = "expect_column_values_to_match_regex"
IN_SET = "expect_column_values_to_be_in_set"
BETWEEN = "expect_column_values_to_be_between"
PAIR_A_GT_B = "expect_column_pair_values_a_to_be_greater_than_b"

_SHARING_ACTIVITIES = ["order_fulfilment", "alert_snapshots", "authority_requests"]

CHECKS: list[Check] = [
    Check(id="users.unique_id", clause="I.1", dataset="users",
          description="user_id is blank or occurs more than once (every occurrence fails)",
          frame="every users row: user_id",
          expectations=[_e(NOT_NULL, column="user_id"), _e(UNIQUE, column="user_id")],
          activities=["account_management"], controls=["access_control"]),
    Check(id="users.contact_present", clause="I.1", dataset="users",
          description="an active account has neither email nor phone",
          frame="users rows with status active: contact (email, else phone)",
          expectations=[_e(NOT_NULL, column="contact")],
          activities=["account_management", "rights_handling"]),
    Check(id="users.email_format", clause="I.1", dataset="users",
          description="email is given and is not an email address",
          frame="every users row: email",
          expectations=[_e(REGEX, column="email", regex=EMAIL_RE)], show=["email"],
          activities=["account_management"]),
    Check(id="users.phone_format", clause="I.1", dataset="users",
          description="phone is given and is not in E.164 form (+ country code and number)",
          frame="every users row: phone",
          expectations=[_e(REGEX, column="phone", regex=E164_RE)], show=["phone"],
          activities=["account_management"]),
    Check(id="users.password_hashed", clause="I.1, III.3", dataset="users",
          description="an active account's password is not stored as a recognised one-way hash (blank fails)",
          frame="users rows with status active: password_hash",
          expectations=[_e(NOT_NULL, column="password_hash"), _e(REGEX, column="password_hash", regex=HASH_RE)],
          activities=["account_management"], controls=["encryption_at_rest"]),
    Check(id="users.minor_guardian_consent", clause="VI.1", dataset="users",
          description="the user was under minor_age at registration and guardian_consent is not true",
          frame=("users rows whose guardian_consent is not true: age_at_registration (whole "
                 "years, UTC date of registered_at)"),
          expectations=[_e(BETWEEN, column="age_at_registration", min_value="$minor_age")],
          show=["birth_date"], show_frame=["age_at_registration"], activities=["minor_protection"]),
    Check(id="users.cancelled_erased", clause="V.4, V.2(4)", dataset="users",
          description="a cancelled account still holds username, email, phone, birth date or password hash "
                      "erasure_grace_days after cancellation",
          frame=("users rows with status cancelled and cancelled_at + erasure_grace_days before "
                 "as_of: personal_fields_left (non-blank of username, email, phone, birth_date, "
                 "password_hash)"),
          expectations=[_e(BETWEEN, column="personal_fields_left", max_value=0)],
          show_frame=["personal_fields_left"], activities=["account_management", "rights_handling"],
          controls=["retention_enforcement"]),
    Check(id="devices.owner_exists", clause="I.3", dataset="devices", needs=["users"],
          description="the device's user_id is not a user_id of users",
          frame="every devices row: owner_row (row of its user_id in users, missing if none)",
          expectations=[_e(NOT_NULL, column="owner_row")], show=["user_id"],
          activities=["device_binding"], controls=["access_control"]),
    Check(id="devices.code_hashed", clause="I.3, III.3", dataset="devices",
          description="the verification code is not stored as a recognised one-way hash (blank fails)",
          frame="every devices row: verification_code_hash",
          expectations=[_e(NOT_NULL, column="verification_code_hash"),
                        _e(REGEX, column="verification_code_hash", regex=HASH_RE)],
          activities=["device_binding"], controls=["encryption_at_rest"]),
    Check(id="devices.serial_unique", clause="I.3", dataset="devices",
          description="a bound device (unbound_at blank) shares its serial number with another bound device",
          frame="devices rows with unbound_at blank: serial_number",
          expectations=[_e(UNIQUE, column="serial_number")], show=["serial_number"],
          activities=["device_binding"], controls=["access_control"]),
    Check(id="orders.owner_exists", clause="I.2", dataset="orders", needs=["users"],
          description="the order's user_id is not a user_id of users",
          frame="every orders row: owner_row (row of its user_id in users, missing if none)",
          expectations=[_e(NOT_NULL, column="owner_row")], show=["user_id"],
          activities=["order_fulfilment"]),
    Check(id="snapshots.alerts_consented", clause="I.4, V.3", dataset="alert_snapshots", needs=["consents"],
          description="the user had no 'alerts' consent granted at or before captured_at and not withdrawn by then",
          frame=("every alert_snapshots row: consent_row (row of an 'alerts' consent of the user "
                 "active at captured_at, missing if none)"),
          expectations=[_e(NOT_NULL, column="consent_row")], show=["user_id"],
          activities=["alert_snapshots"]),
    Check(id="snapshots.encrypted", clause="III.3", dataset="alert_snapshots",
          description="encrypted is not true (blank fails)",
          frame="every alert_snapshots row: encrypted (boolean, blank missing)",
          expectations=[_e(NOT_NULL, column="encrypted"), _e(IN_SET, column="encrypted", value_set=[True])],
          activities=["alert_snapshots"], controls=["encryption_at_rest"]),
    Check(id="snapshots.after_cancellation", clause="V.4", dataset="alert_snapshots", needs=["users"],
          description="the snapshot was captured after its user's account was cancelled",
          frame="every alert_snapshots row: captured_at and user_cancelled_at (the user's cancelled_at), naive UTC",
          expectations=[_e(PAIR_A_GT_B, column_A="user_cancelled_at", column_B="captured_at", or_equal=True,
                           ignore_row_if="either_value_is_missing")],
          show=["user_id"], activities=["alert_snapshots", "rights_handling"],
          controls=["retention_enforcement"]),
    Check(id="sharing.recipient_declared", clause="IV.1", dataset="data_sharing", needs_manifest=True,
          description="the recipient is not a recipient id of the manifest (blank fails)",
          frame="every data_sharing row: recipient",
          expectations=[_e(NOT_NULL, column="recipient"), _e(IN_SET, column="recipient", value_set="$recipients")],
          show_frame=["recipient"], activities=_SHARING_ACTIVITIES),
    Check(id="sharing.lawful_basis", clause="IV.1, IV.2, IV.3", dataset="data_sharing", needs=["consents"],
          description="the legal basis is not allowed for the kind of flow, or it is consent and the user had no "
                      "'share_partners' consent active at shared_at",
          frame=("every data_sharing row: flow_basis ('kind:legal_basis') and partner_consent "
                 "(given, missing, or not_required unless the basis is consent)"),
          expectations=[_e(IN_SET, column="flow_basis",
                           value_set=[f"{k}:{b}" for k, bases in ALLOWED_BASES.items() for b in bases]),
                        _e(IN_SET, column="partner_consent", value_set=["given", "not_required"])],
          show_frame=["flow_basis", "partner_consent"], activities=_SHARING_ACTIVITIES),
    Check(id="sharing.categories_declared", clause="IV.1", dataset="data_sharing", needs_manifest=True,
          description="a data group shared is not one the manifest declares for the (declared) recipient",
          frame=("data_sharing rows whose recipient is declared: undeclared_groups (count of "
                 "listed groups not declared for it)"),
          expectations=[_e(BETWEEN, column="undeclared_groups", max_value=0)],
          show_frame=["recipient", "undeclared"], activities=_SHARING_ACTIVITIES),
    Check(id="rights.response_sla", clause="V.5", dataset="rights_requests",
          description="the answer took longer than rights_response_days, or is still missing after that many "
                      "days at as_of",
          frame=("every rights_requests row: days_to_answer (responded_at, else as_of at 00:00 "
                 "UTC, minus received_at, in days)"),
          expectations=[_e(BETWEEN, column="days_to_answer", max_value="$rights_response_days")],
          show_frame=["days_to_answer"], activities=["rights_handling"]),
    Check(id="rights.rejection_reason_allowed", clause="V.5", dataset="rights_requests",
          description="a rejected request does not give one of the allowed grounds for refusal (blank fails)",
          frame="rights_requests rows with status rejected: rejection_reason",
          expectations=[_e(NOT_NULL, column="rejection_reason"),
                        _e(IN_SET, column="rejection_reason", value_set=list(REJECTION_REASONS))],
          show_frame=["rejection_reason"], activities=["rights_handling"]),
    Check(id="consents.minor_guardian", clause="VI.2", dataset="consents", needs=["users"],
          description="the user was under minor_age when the consent was given and granted_by is not 'guardian'",
          frame=("consents rows whose granted_by is not guardian: age_at_grant (whole years of "
                 "the user, UTC date of granted_at)"),
          expectations=[_e(BETWEEN, column="age_at_grant", min_value="$minor_age")],
          show=["user_id"], show_frame=["age_at_grant"],
          activities=["minor_protection", "alert_snapshots", "email_tracking"]),
]

CHECKS_BY_ID: dict[str, Check] = {c.id: c for c in CHECKS}


def check(check_id: str) -> Check:
    """The check with id `check_id` (KeyError if unknown)."""
    return CHECKS_BY_ID[check_id]
