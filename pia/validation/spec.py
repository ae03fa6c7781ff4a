"""What GX runs for a check: the `Check` and `Expect` models and the named patterns the templates use."""
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
    template: str = Field("", description="The template the check instantiates (pia.validation.templates).")
    parameters: dict[str, Any] = Field(default_factory=dict, description="Template parameters, defaults filled in.")
    scope: list[dict[str, Any]] = Field(default_factory=list, description="Conditions a row must meet to be checked.")
    reads: dict[str, list[str]] = Field(default_factory=dict, description="Columns read, per dataset.")

    @property
    def datasets(self) -> list[str]:
        """The datasets this check reads."""
        return [self.dataset, *self.needs]


