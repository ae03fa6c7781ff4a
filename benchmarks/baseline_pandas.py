"""Hand-written vectorized pandas implementation of the 20 dataset checks of issue 5.

It is the benchmark's baseline for `pia validate` and the test oracle for `pia samples`: it reads the
same CSVs (or Parquet) and returns {check_id: failed_rows}. The rules follow the issue's table literally.

    python benchmarks/baseline_pandas.py DIR --as-of 2026-06-30 [--manifest FILE] [--time]

Readings of the table where it leaves a choice (the generator's clean data avoids the ambiguous ones):
- only an empty field is blank; date-times without an offset are UTC, offsets are converted to UTC;
  `as_of` is midnight UTC at the start of that date;
- age is whole years from birth_date to the UTC date of the instant (a birthday on the day counts);
- "exceeds N days" and "before as_of" compare exact durations and instants (30 days 00:00:01 exceeds 30);
- a blank user_id in another table is not a user_id of users; lookups by user_id use the first row of a
  duplicated user_id (those rows fail users.unique_id anyway); blank serial numbers are not compared;
- a boolean is true only when it reads `true` in any case; blank (unknown) is not true.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import resource
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

EMAIL_RE = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PHONE_RE = r"^\+[1-9]\d{6,14}$"
HASH_RE = (r"^(?:\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}|\$argon2(?:id|i|d)\$.+|\$scrypt\$.+"
           r"|pbkdf2_sha(?:256|512)\$.+)$")
ALLOWED_BASES = {
    "share": ("consent", "authority_request", "service_agreement", "legal_claim"),
    "transfer": ("consent", "merger"),
    "disclosure": ("consent", "authority_request"),
}
REJECTION_REASONS = ("national_security", "public_interest", "criminal_investigation", "malicious_or_abusive",
                     "harm_to_others", "trade_secret", "repetitive", "technically_impractical")
DATASETS = ("users", "devices", "orders", "alert_snapshots", "consents", "data_sharing", "rights_requests")


def read_dataset(directory: Path, name: str) -> pd.DataFrame:
    """Every column as text; only an empty field is missing (no 'NA'/'null' guessing)."""
    csv = directory / f"{name}.csv"
    if csv.exists():
        return pd.read_csv(csv, dtype=str, keep_default_na=False, na_values=[""], engine="pyarrow")
    df = pd.read_parquet(directory / f"{name}.parquet").astype("str")
    return df.mask(df.eq(""))


def ts(s: pd.Series) -> pd.Series:
    """ISO 8601 date-times; values without an offset are UTC."""
    return pd.to_datetime(s, format="ISO8601", utc=True).astype("datetime64[us, UTC]")


def is_true(s: pd.Series) -> pd.Series:
    return s.fillna("").str.lower().eq("true")


def age_at(birth: pd.Series, at: pd.Series) -> pd.Series:
    """Whole years from birth (a date) to the UTC date of `at`; NaN where either is missing."""
    md_at = at.dt.month * 100 + at.dt.day
    md_birth = birth.dt.month * 100 + birth.dt.day
    return at.dt.year - birth.dt.year - (md_at < md_birth).astype("int64")


def active_consent(events: pd.DataFrame, consents: pd.DataFrame, scope: str, at: str) -> pd.Series:
    """Per row of `events`: does its user hold a `scope` consent granted <= at and not withdrawn by `at`?"""
    c = consents.loc[consents["scope"].eq(scope), ["user_id", "granted", "withdrawn"]]
    e = pd.DataFrame({"row": np.arange(len(events)), "user_id": events["user_id"].array, "at": events[at].array})
    j = e.merge(c, on="user_id", how="inner")
    ok = (j["granted"] <= j["at"]) & (j["withdrawn"].isna() | (j["withdrawn"] > j["at"]))
    held = np.zeros(len(events), bool)
    held[j.loc[ok, "row"].to_numpy()] = True
    return pd.Series(held, index=events.index)


def run_checks(directory: str | Path, as_of: dt.date, manifest: str | Path | None = None) -> dict[str, int]:
    """Count the failing rows of each of the 20 checks over the estate in `directory`."""
    from pia.declare.manifest import load_manifest

    m = load_manifest(manifest)
    minor_age = m.settings.minor_age
    grace = pd.Timedelta(days=m.settings.erasure_grace_days)
    sla = pd.Timedelta(days=m.settings.rights_response_days)
    recipients = {r.id: {g.value for g in r.data_groups} for r in m.recipients}
    as_of_ts = pd.Timestamp(as_of, tz="UTC")
    d = Path(directory)
    u, dv, o, sn, c, sh, rq = (read_dataset(d, name) for name in DATASETS)
    out: dict[str, int] = {}

    # users
    uid = u["user_id"]
    out["users.unique_id"] = int((uid.isna() | uid.duplicated(keep=False)).sum())
    active = u["status"].eq("active")
    out["users.contact_present"] = int((active & u["email"].isna() & u["phone"].isna()).sum())
    email, phone = u["email"], u["phone"]
    out["users.email_format"] = int((email.notna() & ~email.fillna("").str.contains(EMAIL_RE)).sum())
    out["users.phone_format"] = int((phone.notna() & ~phone.fillna("").str.contains(PHONE_RE)).sum())
    out["users.password_hashed"] = int((active & ~u["password_hash"].fillna("").str.contains(HASH_RE)).sum())
    birth = pd.to_datetime(u["birth_date"], format="%Y-%m-%d").astype("datetime64[us]")
    reg = ts(u["registered_at"])
    minor = age_at(birth, reg) < minor_age  # NaN (unknown birth) compares False
    out["users.minor_guardian_consent"] = int((minor & ~is_true(u["guardian_consent"])).sum())
    cancelled_at = ts(u["cancelled_at"])
    pii = u[["username", "email", "phone", "birth_date", "password_hash"]].notna().any(axis=1)
    out["users.cancelled_erased"] = int((u["status"].eq("cancelled") & (cancelled_at + grace < as_of_ts) & pii).sum())

    # devices and orders
    known = pd.Index(uid.dropna().unique())  # get_indexer: isin on arrow strings loops in Python
    out["devices.owner_exists"] = int((known.get_indexer(dv["user_id"]) < 0).sum())
    out["devices.code_hashed"] = int((~dv["verification_code_hash"].fillna("").str.contains(HASH_RE)).sum())
    bound_serials = dv.loc[dv["unbound_at"].isna(), "serial_number"].dropna()
    out["devices.serial_unique"] = int(bound_serials.duplicated(keep=False).sum())
    out["orders.owner_exists"] = int((known.get_indexer(o["user_id"]) < 0).sum())

    # consents, with the user's birth date
    cons = pd.DataFrame({"user_id": c["user_id"], "scope": c["scope"], "granted": ts(c["granted_at"]),
                         "withdrawn": ts(c["withdrawn_at"])})
    first = ~uid.duplicated() & uid.notna()  # one row per user_id for lookups (duplicates already fail)
    lookup = pd.DataFrame({"birth": birth[first], "cancelled": cancelled_at[first]}).set_index(uid[first])
    cons_age = age_at(c["user_id"].map(lookup["birth"]), cons["granted"])
    out["consents.minor_guardian"] = int(((cons_age < minor_age) & c["granted_by"].ne("guardian")).sum()
                                         if len(c) else 0)

    # snapshots
    snaps = pd.DataFrame({"user_id": sn["user_id"], "captured": ts(sn["captured_at"])})
    out["snapshots.alerts_consented"] = int((~active_consent(snaps, cons, "alerts", "captured")).sum())
    out["snapshots.encrypted"] = int((~is_true(sn["encrypted"])).sum())
    user_cancel = sn["user_id"].map(lookup["cancelled"])
    out["snapshots.after_cancellation"] = int((user_cancel.notna() & (snaps["captured"] > user_cancel)).sum())

    # sharing
    declared = sh["recipient"].isin(list(recipients))
    out["sharing.recipient_declared"] = int((~declared).sum())
    pairs = [f"{k}|{b}" for k, bases in ALLOWED_BASES.items() for b in bases]
    allowed = (sh["kind"].fillna("") + "|" + sh["legal_basis"].fillna("")).isin(pairs)
    on_consent = sh["legal_basis"].eq("consent")
    events = pd.DataFrame({"user_id": sh["user_id"], "shared": ts(sh["shared_at"])})
    held = active_consent(events, cons, "share_partners", "shared")
    out["sharing.lawful_basis"] = int((~allowed | (on_consent & ~held)).sum())
    undeclared_group = pd.Series(False, index=sh.index)
    for rid, groups in recipients.items():  # every ;-separated group must be one declared for the recipient
        alts = "|".join(re.escape(g) for g in sorted(groups))
        rows = sh["recipient"].eq(rid) & sh["data_categories"].notna()
        ok = sh.loc[rows, "data_categories"].str.fullmatch(f"(?:{alts})(?:;(?:{alts}))*")
        undeclared_group[rows] = ~ok
    out["sharing.categories_declared"] = int(undeclared_group.sum())

    # rights requests
    received, responded = ts(rq["received_at"]), ts(rq["responded_at"])
    late = (responded - received > sla) | (responded.isna() & (as_of_ts - received > sla))
    out["rights.response_sla"] = int(late.sum())
    out["rights.rejection_reason_allowed"] = int((rq["status"].eq("rejected")
                                                  & ~rq["rejection_reason"].isin(REJECTION_REASONS)).sum())
    return dict(sorted(out.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory")
    ap.add_argument("--as-of", required=True, type=dt.date.fromisoformat)
    ap.add_argument("--manifest", default=None)
    ap.add_argument("--time", action="store_true", help="print wall time and peak RSS to stderr")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    result: dict[str, Any] = run_checks(args.directory, args.as_of, args.manifest)
    sys.stdout.write(json.dumps(result, indent=2, sort_keys=True) + "\n")
    if args.time:
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"wall {time.perf_counter() - start:.2f} s, peak RSS {peak_mb:.0f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
