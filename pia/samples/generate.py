"""Synthetic estates in the data contract, for the tests, demos and benchmarks of the dataset checks.

`generate_estate` writes the 7 CSV files, optionally with planted violations of every dataset check,
and returns (and writes to `expected_violations.json`) the exact failed-row count expected per check.
The estate is built as numbers in `pia.samples.estate`, violated in `pia.samples.violations`, and turned
into CSV bytes here with `pia.samples.textcols`.

How the estate is built (what a check implementation may rely on):

- Every value is synthetic: e-mails at example.com/.net/.org, E.164 phones of a few countries,
  bcrypt/argon2id/pbkdf2/scrypt-shaped hashes of random characters, serials `ZS-XXXX-XXXX`.
- Date-times are `YYYY-MM-DD HH:MM:SS` in UTC; about 7% use a `T` separator and 3% are written in
  local time with a `+08:00` offset (same instant). Booleans are `true`/`false` in varied case; blank
  means missing. Ages are whole years on the UTC date of the instant.
- Every timestamp is before `reference_date`. Clean data passes every check for any `as_of` on or after
  `reference_date`: cancellations are older than the erasure grace period (and the cancelled users are
  erased), and every rights request is answered within `rights_response_days`. Planted violations of
  the time-dependent checks are already failing at `reference_date` and stay failing later.
- Clean boundary rows that must PASS: users registered exactly on their `minor_age` birthday (no
  guardian consent), rights answered exactly `rights_response_days` days after receipt, a serial
  number reused by a new binding after the old device was unbound.
- Planted violations (`violations=True`) use a disjoint set of users per violation, so no planted row
  fails any other check; counts are exact. Among them: a consent withdrawn exactly at the capture
  instant (written with a different UTC offset), duplicate and blank user_ids, blank booleans.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from pia.errors import InputError, Problem
from pia.declare.manifest import Manifest, Settings, load_manifest
from pia.samples.estate import (
    B64,
    CHECK_IDS,
    CONSENT_SCOPES,
    COUNTRIES,
    DOMAINS,
    FALSE_WORDS,
    FIRST_NAMES,
    LAST_NAMES,
    PHONE_PREFIXES,
    PRODUCTS,
    REJECTION_REASONS,
    RIGHT_TYPES,
    TRUE_WORDS,
    Estate,
    Recipient,
    build_estate,
)
from pia.samples.violations import MIN_USERS_WITH_VIOLATIONS, plant_violations
from pia.samples.textcols import (
    Col,
    blank_where,
    cat,
    csv_bytes,
    dates,
    digits,
    rand_chars,
    substr,
    timestamps,
    vocab,
    with_values,
)

__all__ = ["CHECK_IDS", "DATASETS", "EXPECTED_FILE", "MIN_USERS_WITH_VIOLATIONS", "generate_estate",
           "manifest_settings", "read_expected"]

DATASETS: dict[str, tuple[str, ...]] = {
    "users": ("user_id", "username", "email", "phone", "password_hash", "birth_date", "guardian_consent",
              "registered_at", "status", "cancelled_at", "country"),
    "devices": ("device_id", "user_id", "serial_number", "verification_code_hash", "bound_at", "unbound_at"),
    "orders": ("order_id", "user_id", "product", "amount", "currency", "ordered_at"),
    "alert_snapshots": ("snapshot_id", "device_id", "user_id", "captured_at", "storage_uri", "encrypted",
                        "deleted_at"),
    "consents": ("consent_id", "user_id", "scope", "granted_at", "withdrawn_at", "granted_by"),
    "data_sharing": ("share_id", "user_id", "recipient", "kind", "legal_basis", "data_categories", "shared_at"),
    "rights_requests": ("request_id", "user_id", "type", "received_at", "responded_at", "status",
                        "rejection_reason"),
}
"""The data contract: file stem -> columns, in file order."""

EXPECTED_FILE = "expected_violations.json"

_B36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def manifest_settings(manifest: Manifest | str | Path | None = None) -> tuple[Settings, list[Recipient]]:
    """Check settings and declared recipients of a manifest.

    Parameters
    ----------
    manifest
        A `Manifest`, a path to a manifest YAML file, or None for `pia.config.REFERENCE_MANIFEST`.

    Returns
    -------
    tuple
        The manifest's `Settings` (minor_age, erasure_grace_days, rights_response_days) and its recipients.
    """
    m = manifest if isinstance(manifest, Manifest) else load_manifest(manifest)
    recips = [Recipient(r.id, r.flow.value, r.legal_basis.value, r.type.value, tuple(str(g) for g in r.data_groups))
              for r in m.recipients]
    return m.settings, recips


# --------------------------------------------------------------------------- strings and files


def _hashes(rng: np.random.Generator, n: int, kind: np.ndarray) -> Col:
    """Recognised one-way hash strings: kind 0 bcrypt, 1 argon2id, 2 pbkdf2_sha256, 3 scrypt."""
    body = rand_chars(rng, n, 66, B64)
    cost = rng.integers(0, 3, n)
    out = np.zeros((n, 102), np.uint8)
    lens = np.zeros(n, np.int64)
    for k in range(4):
        idx = np.flatnonzero(kind == k)
        b = Col(body.mat[idx], body.lens[idx])
        if k == 0:
            col = cat(vocab(("$2b$12$", "$2a$10$", "$2y$11$"), cost[idx]), substr(b, 0, 53))
        elif k == 1:
            col = cat("$argon2id$v=19$m=65536,t=3,p=4$", substr(b, 0, 22), "$", substr(b, 22, 65))
        elif k == 2:
            col = cat("pbkdf2_sha256$600000$", substr(b, 0, 22), "$", substr(b, 22, 66))
        else:
            col = cat("$scrypt$ln=16,r=8,p=1$", substr(b, 0, 22), "$", substr(b, 22, 65))
        out[idx, :col.mat.shape[1]] = col.mat
        lens[idx] = col.lens
    return Col(out, lens)



def _render(est: Estate, rng: np.random.Generator) -> Iterator[tuple[str, bytes]]:
    """The CSV bytes of each file in turn (one table in memory at a time)."""
    n = est.n
    width = max(5, len(str(n + 10_000)))

    u = est.tables["users"]
    nu = len(u["uid"])
    gone = u["cancelled"] & ~u["restore"]
    first, last = vocab(FIRST_NAMES, u["first"]), vocab(LAST_NAMES, u["lastn"])
    num = vocab([str(i) for i in range(10_000)], u["num"])
    show_email = u["has_email"] & ~u["cancelled"] | u["restore"]
    cols = {
        "user_id": blank_where(cat("U", digits(u["uid"], width)), u["blank_id"]),
        "username": blank_where(cat(first, "_", last, num), gone),
        "email": blank_where(cat(first, ".", last, num, "@", vocab(DOMAINS, u["domain"])), ~show_email),
        "phone": blank_where(cat(vocab(PHONE_PREFIXES, u["country"]), rand_chars(rng, nu, 8, "0123456789")),
                        ~(u["has_phone"] & ~u["cancelled"])),
        "password_hash": blank_where(_hashes(rng, nu, u["hash_kind"]), u["cancelled"]),
        "birth_date": dates(u["birth"], ~u["has_birth"] | u["cancelled"]),
        "guardian_consent": vocab(TRUE_WORDS + FALSE_WORDS, np.where(u["minor"], u["guard"], 3 + u["guard"]),
                                   blank=~u["minor"] & u["adult_guard_blank"]),
        "registered_at": timestamps(u["reg"], u["reg_v"]),
        "status": vocab(("active", "cancelled"), u["cancelled"].astype(np.int8)),
        "cancelled_at": timestamps(u["cancelled_at"], u["can_v"]),
        "country": vocab(COUNTRIES, u["country"]),
    }
    yield "users", _table_bytes(est, "users", cols)

    d = est.tables["devices"]
    cols = {
        "device_id": cat("D", digits(np.arange(1, len(d["uid"]) + 1), width + 1)),
        "user_id": cat("U", digits(d["uid"], width)),
        "serial_number": _serials(d["serial"]),
        "verification_code_hash": _hashes(rng, len(d["uid"]), d["hash_kind"]),
        "bound_at": timestamps(d["bound"], d["bound_v"]),
        "unbound_at": timestamps(d["unbound"], d["unb_v"]),
    }
    yield "devices", _table_bytes(est, "devices", cols)

    o = est.tables["orders"]
    cny = est.tables["users"]["country"][o["user"]] == 0
    cols = {
        "order_id": cat("O", digits(np.arange(1, len(o["uid"]) + 1), width + 1)),
        "user_id": cat("U", digits(o["uid"], width)),
        "product": vocab([p[0] for p in PRODUCTS], o["product"]),
        "amount": vocab([p[1] for p in PRODUCTS] + [p[2] for p in PRODUCTS],
                         o["product"] + np.where(cny, 0, len(PRODUCTS))),
        "currency": vocab(("CNY", "USD"), np.where(cny, 0, 1)),
        "ordered_at": timestamps(o["at"], o["v"]),
    }
    yield "orders", _table_bytes(est, "orders", cols)

    sn = est.tables["alert_snapshots"]
    sid = cat("S", digits(np.arange(1, len(sn["uid"]) + 1), width + 1))
    cols = {
        "snapshot_id": sid,
        "device_id": cat("D", digits(sn["dev"] + 1, width + 1)),
        "user_id": cat("U", digits(sn["uid"], width)),
        "captured_at": timestamps(sn["captured"], sn["c_v"]),
        "storage_uri": cat("oss://zs-alerts/", sid, ".jpg"),
        "encrypted": vocab(TRUE_WORDS, sn["enc"]),
        "deleted_at": timestamps(sn["deleted"], sn["d_v"]),
    }
    yield "alert_snapshots", _table_bytes(est, "alert_snapshots", cols)

    c = est.tables["consents"]
    cols = {
        "consent_id": cat("C", digits(np.arange(1, len(c["uid"]) + 1), width + 1)),
        "user_id": cat("U", digits(c["uid"], width)),
        "scope": vocab(CONSENT_SCOPES, c["scope"]),
        "granted_at": timestamps(c["granted"], c["g_v"]),
        "withdrawn_at": timestamps(c["withdrawn"], c["w_v"]),
        "granted_by": vocab(("self", "guardian"), c["guardian"].astype(np.int8)),
    }
    yield "consents", _table_bytes(est, "consents", cols)

    h = est.tables["data_sharing"]
    cat_vocab: list[str] = []
    offsets: list[int] = []
    for r in est.recips:
        offsets.append(len(cat_vocab))
        for mask in range(1, 2 ** len(r.groups)):
            cat_vocab.append(";".join(g for b, g in enumerate(r.groups) if mask >> b & 1))
    offs = np.array(offsets or [0])
    cols = {
        "share_id": cat("H", digits(np.arange(1, len(h["uid"]) + 1), width + 1)),
        "user_id": cat("U", digits(h["uid"], width)),
        "recipient": vocab([r.id for r in est.recips] or [""], h["rec"]),
        "kind": vocab(("share", "transfer", "disclosure"), h["kind"]),
        "legal_basis": vocab(("consent", "authority_request", "service_agreement", "legal_claim", "merger"),
                              h["basis"]),
        "data_categories": vocab(cat_vocab or [""], offs[h["rec"]] + h["gmask"] - 1 if len(h["rec"]) else h["rec"]),
        "shared_at": timestamps(h["at"], h["v"]),
    }
    yield "data_sharing", _table_bytes(est, "data_sharing", cols)

    q = est.tables["rights_requests"]
    cols = {
        "request_id": cat("R", digits(np.arange(1, len(q["uid"]) + 1), width)),
        "user_id": cat("U", digits(q["uid"], width)),
        "type": vocab(RIGHT_TYPES, q["type"]),
        "received_at": timestamps(q["received"], q["r_v"]),
        "responded_at": timestamps(q["responded"], q["p_v"]),
        "status": vocab(("completed", "rejected", "pending"), q["status"]),
        "rejection_reason": vocab(REJECTION_REASONS, np.maximum(q["reason"], 0), blank=q["reason"] < 0),
    }
    yield "rights_requests", _table_bytes(est, "rights_requests", cols)


def _serials(codes: np.ndarray) -> Col:
    """Serial numbers `ZS-XXXX-XXXX`: each code written as 8 base-36 digits."""
    places = np.empty((len(codes), 8), np.uint8)
    rest = codes.copy()
    for i in range(7, -1, -1):
        places[:, i] = rest % 36
        rest //= 36
    lut = np.frombuffer(_B36.encode(), np.uint8)
    chars = np.empty((len(codes), 12), np.uint8)
    chars[:, :3] = np.frombuffer(b"ZS-", np.uint8)
    chars[:, 3:7] = lut[places[:, :4]]
    chars[:, 7] = ord("-")
    chars[:, 8:] = lut[places[:, 4:]]
    return Col(chars, np.full(len(codes), 12, np.int64))


def _table_bytes(est: Estate, table: str, cols: dict[str, Col]) -> bytes:
    """The CSV bytes of one table, with the cells planted as text written over the rendered columns."""
    for (t, col), rows in sorted(est.overrides.items()):
        if t == table:
            cols[col] = with_values(cols[col], rows)
    return csv_bytes(list(DATASETS[table]), [cols[c] for c in DATASETS[table]])


# --------------------------------------------------------------------------- public API


def generate_estate(out_dir: str | Path, users: int, seed: int, violations: bool = False,
                    reference_date: dt.date = dt.date(2026, 6, 30),
                    manifest: Manifest | str | Path | None = None) -> dict[str, int]:
    """Write a synthetic estate (7 CSV files + `expected_violations.json`) into `out_dir`.

    Parameters
    ----------
    out_dir
        Directory to write into (created if missing; files are overwritten).
    users
        Number of users (before planted duplicate/blank-id rows). About 12 rows of other tables per user.
    seed
        Random seed: the same seed, size, flags, date and manifest give the same bytes.
    violations
        Plant a few violations (1 to 4 planted cases, chosen by the seed) of every one of the 20 checks;
        needs at least `MIN_USERS_WITH_VIOLATIONS` users.
    reference_date
        Every timestamp is before this date; expected counts hold for any `as_of` on or after it.
    manifest
        A `Manifest`, a manifest path, or None for the reference manifest: settings and recipients.

    Returns
    -------
    dict[str, int]
        Expected failed-row count per check id (all 20 ids; all 0 when `violations` is False).
        `expected_violations.json` holds the same under `failed_rows`, with `reference_date`, `seed`,
        `users`, `violations`, `settings` and the row count per file under `rows`.
    """
    if users < 1:
        raise InputError(Problem(str(out_dir), f"--users must be at least 1 (got {users})"))
    if violations and users < MIN_USERS_WITH_VIOLATIONS:
        raise InputError(Problem(str(out_dir), f"--violations needs at least {MIN_USERS_WITH_VIOLATIONS} users "
                                 f"(got {users})"))
    settings, recips = manifest_settings(manifest)
    if violations and not recips:
        raise InputError(Problem(str(out_dir), "--violations needs a manifest that declares recipients"))
    rng = np.random.default_rng(np.random.PCG64(seed))
    est = build_estate(rng, users, reference_date, settings, recips)
    if violations:
        plant_violations(est, rng, settings, str(out_dir))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rows = {}
    for name, data in _render(est, rng):
        (out / f"{name}.csv").write_bytes(data)
        rows[name] = data.count(b"\n") - 1
        del data
    doc = {
        "kind": "pia.samples",
        "failed_rows": dict(est.expected),
        "reference_date": reference_date.isoformat(),
        "seed": seed,
        "users": users,
        "violations": violations,
        "rows": rows,
        "settings": {"minor_age": settings.highest_minor_age, "erasure_grace_days": settings.erasure_grace_days,
                     "rights_response_days": settings.rights_response_days},
    }
    (out / EXPECTED_FILE).write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return dict(est.expected)


def read_expected(estate_dir: str | Path) -> dict[str, Any]:
    """The `expected_violations.json` document of an estate written by `generate_estate`."""
    path = Path(estate_dir) / EXPECTED_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(Problem(str(path), f"not a sample estate's expectations: {exc}")) from None
