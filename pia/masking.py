"""Masking of personal values before they reach any output (terminal, JSON, report).

The kit identifies failing rows by their key and shows values only masked. Secrets (passwords,
verification codes, hashes) are never shown at all, not even masked.
"""
from __future__ import annotations

import re

SECRET_KINDS = frozenset({"password", "password_hash", "verification_code", "verification_code_hash", "hash", "secret"})
_REDACTED = "[redacted]"


def mask_email(value: str) -> str:
    """`jane.doe@example.com` -> `j***@example.com` (the domain is kept: it is rarely personal)."""
    local, sep, domain = value.partition("@")
    if not sep:
        return mask_text(value)
    return f"{local[:1]}***@{domain}" if local else f"***@{domain}"


def mask_phone(value: str) -> str:
    """`+8613800138000` -> `+86*******8000`: keep a leading + and country code, and the last 4 digits."""
    digits = re.sub(r"\D", "", value)
    if len(digits) <= 4:
        return "*" * len(digits)
    prefix = "+" + digits[:2] if value.strip().startswith("+") else ""
    hidden = len(digits) - 4 - (2 if prefix else 0)
    return f"{prefix}{'*' * max(hidden, 1)}{digits[-4:]}"


def mask_text(value: str) -> str:
    """Any other personal value: keep the first character and the length class only."""
    value = str(value)
    if not value:
        return ""
    return value[:1] + "*" * min(max(len(value) - 1, 3), 8)


def mask_value(value: object, kind: str | None = None) -> str:
    """Mask `value` by its kind: email, phone, a secret (never shown), a date (year only), or text."""
    if value is None:
        return ""
    text = str(value)
    if text == "" or text.lower() == "nan":
        return ""
    kind = (kind or "").lower()
    if kind in SECRET_KINDS or kind.endswith("_hash"):
        return _REDACTED
    if kind in ("email", "mail") or (not kind and "@" in text):
        return mask_email(text)
    if kind in ("phone", "phone_number", "mobile"):
        return mask_phone(text)
    if kind in ("birth_date", "date_of_birth", "dob"):
        return text[:4] + "-**-**" if len(text) >= 4 else "****"
    return mask_text(text)
