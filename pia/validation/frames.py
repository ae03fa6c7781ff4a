"""Preparation of each check's frame: the few columns GX judges, indexed by the dataset's row position.

`FrameSource` is the interface; `PandasFrames` implements it with vectorized pandas joins. A Spark or
SQL implementation can replace it as long as it returns the same columns for each check.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import pandas as pd

from pia.validation.checks import ALLOWED_BASES, Check

PERSONAL_FIELDS = ("username", "email", "phone", "birth_date", "password_hash")


@dataclass(frozen=True)
class FrameSettings:
    """What the preparation of frames needs to know besides the data."""

    as_of: dt.date
    minor_age: int = 18
    erasure_grace_days: int = 15
    rights_response_days: int = 30
    recipients: dict[str, frozenset[str]] = field(default_factory=dict)  # recipient id -> declared data groups

    @property
    def as_of_ts(self) -> pd.Timestamp:
        """as_of as an instant: midnight UTC at the start of the day."""
        return pd.Timestamp(self.as_of).tz_localize("UTC")


class FrameSource(Protocol):
    """Prepares the frame GX validates for a check; index = row position in the check's dataset."""

    def frame(self, check: Check) -> pd.DataFrame:
        """The prepared frame of `check` (only rows the check applies to)."""
        ...  # pragma: no cover

    def rows(self, dataset: str) -> int:
        """Number of rows of `dataset`."""
        ...  # pragma: no cover


Preparer = Callable[["PandasFrames"], pd.DataFrame]
_PREPARERS: dict[str, Preparer] = {}


def _prepares(check_id: str) -> Callable[[Preparer], Preparer]:
    def register(fn: Preparer) -> Preparer:
        _PREPARERS[check_id] = fn
        return fn
    return register


class PandasFrames:
    """`FrameSource` over pandas frames read by `pia.validation.contract.read_dataset`."""

    def __init__(self, tables: dict[str, pd.DataFrame], settings: FrameSettings):
        self.tables = tables
        self.settings = settings
        self._user_rows: dict[str, np.ndarray] = {}

    def rows(self, dataset: str) -> int:
        """The number of rows of `dataset`."""
        return len(self.tables[dataset])

    def frame(self, check: Check) -> pd.DataFrame:
        """The prepared frame of `check`."""
        return _PREPARERS[check.id](self)

    # ------------------------------------------------------------------ shared joins
    def user_rows(self, dataset: str) -> np.ndarray:
        """For each row of `dataset`, the row position of its user in users (first occurrence), or -1."""
        if dataset not in self._user_rows:
            users = self.tables["users"]["user_id"]
            other = self.tables[dataset]["user_id"]
            codes, uniques = pd.factorize(pd.concat([users, other], ignore_index=True))
            user_codes, other_codes = codes[: len(users)], codes[len(users):]
            first = np.full(len(uniques) + 1, -1, dtype=np.int64)  # slot -1 (blank ids) stays -1
            positions = np.arange(len(users), dtype=np.int64)
            first[user_codes[::-1]] = positions[::-1]  # written last = first occurrence
            first[-1] = -1
            self._user_rows[dataset] = first[other_codes]
        return self._user_rows[dataset]

    def user_column(self, dataset: str, column: str) -> pd.Series:
        """A users column looked up for each row of `dataset` (missing where the user is unknown)."""
        rows = self.user_rows(dataset)
        values = self.tables["users"][column].array.take(rows, allow_fill=True)
        return pd.Series(values, index=self.tables[dataset].index, name=column)

    def consent_cover(self, dataset: str, time_column: str, scope: str, rows: np.ndarray) -> pd.Series:
        """For the given rows of `dataset`, the consents row of the user's `scope` consent active at `time_column`.

        Active means granted at or before it and not withdrawn by then; missing when there is none.
        """
        table, consents = self.tables[dataset], self.tables["consents"]
        valid = (consents["scope"].eq(scope) & consents["granted_at"].notna()
                 & consents["user_id"].notna()).to_numpy(dtype=bool)
        ev_ok = (table["user_id"].notna() & table[time_column].notna()).to_numpy(dtype=bool)[rows]
        ev_rows = rows[ev_ok]
        cons_rows = np.flatnonzero(valid)
        ev_key, cons_key = self._user_keys(dataset, ev_rows, cons_rows)
        # join events to the consents of the same user (sorted consents, a range per event)
        order = np.argsort(cons_key, kind="stable")
        sorted_keys = cons_key[order]
        lo = np.searchsorted(sorted_keys, ev_key, "left")
        count = np.searchsorted(sorted_keys, ev_key, "right") - lo
        event = np.repeat(np.arange(len(ev_key)), count)
        offset = np.arange(len(event)) - np.repeat(np.cumsum(count) - count, count)
        consent = cons_rows[order[np.repeat(lo, count) + offset]]
        at = _instants(table[time_column])[ev_rows][event]
        granted = _instants(consents["granted_at"])[consent]
        withdrawn = _instants(consents["withdrawn_at"])[consent]
        active = (granted <= at) & ((withdrawn == _NAT) | (withdrawn > at))
        # one covering consent per row (which one does not matter: any proves the row)
        cover = np.full(len(table), -1, dtype=np.int64)
        cover[ev_rows[event[active]]] = consent[active]
        cover = cover[rows]
        out = pd.array(cover, dtype="Int64")
        out[cover < 0] = pd.NA
        return pd.Series(out, index=table.index[rows])

    def _user_keys(self, dataset: str, ev_rows: np.ndarray, cons_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Integer keys of the user ids of some rows of `dataset` and of consents (equal ids, equal keys).

        Known users are keyed by their row in users (a join already made for other checks); ids not in
        users get negative keys from a small factorization of just those ids.
        """
        ev_key = self.user_rows(dataset)[ev_rows]
        cons_key = self.user_rows("consents")[cons_rows]
        ev_unknown, cons_unknown = ev_key < 0, cons_key < 0
        if ev_unknown.any() or cons_unknown.any():
            ids = pd.concat([self.tables[dataset]["user_id"].iloc[ev_rows[ev_unknown]],
                             self.tables["consents"]["user_id"].iloc[cons_rows[cons_unknown]]], ignore_index=True)
            codes, _ = pd.factorize(ids)
            n = int(ev_unknown.sum())
            ev_key = ev_key.copy()
            cons_key = cons_key.copy()
            ev_key[ev_unknown] = -2 - codes[:n]
            cons_key[cons_unknown] = -2 - codes[n:]
        return ev_key, cons_key


_NAT = np.iinfo(np.int64).min


def _instants(series: pd.Series) -> np.ndarray:
    """UTC date-times as int64 microseconds (missing is the minimum int64, NaT's value)."""
    return series.dt.tz_convert(None).to_numpy(dtype="datetime64[us]").view(np.int64)


def _age_years(birth: pd.Series, at: pd.Series) -> pd.Series:
    """Whole years between a birth date and an instant (UTC calendar date); missing if either is."""
    by, bm, bd = birth.dt.year, birth.dt.month, birth.dt.day
    ay, am, ad = at.dt.year, at.dt.month, at.dt.day
    before_birthday = (am * 100 + ad) < (bm * 100 + bd)
    return (ay - by - before_birthday.astype("float64")).astype("float64")


def _owner_row(rows: np.ndarray, index: pd.Index) -> pd.DataFrame:
    owner = pd.array(rows, dtype="Int64")
    owner[rows < 0] = pd.NA
    return pd.DataFrame({"owner_row": owner}, index=index)


# --------------------------------------------------------------------------- users


@_prepares("users.unique_id")
def _unique_id(f: PandasFrames) -> pd.DataFrame:
    return f.tables["users"][["user_id"]]


@_prepares("users.contact_present")
def _contact_present(f: PandasFrames) -> pd.DataFrame:
    u = f.tables["users"]
    active = u.loc[u["status"].eq("active").fillna(False).astype(bool), ["email", "phone"]]
    contact = active["email"].where(active["email"].notna(), active["phone"])
    return pd.DataFrame({"contact": contact}, index=active.index)


@_prepares("users.email_format")
def _email_format(f: PandasFrames) -> pd.DataFrame:
    return f.tables["users"][["email"]]


@_prepares("users.phone_format")
def _phone_format(f: PandasFrames) -> pd.DataFrame:
    return f.tables["users"][["phone"]]


@_prepares("users.password_hashed")
def _password_hashed(f: PandasFrames) -> pd.DataFrame:
    u = f.tables["users"]
    return u.loc[u["status"].eq("active").fillna(False).astype(bool), ["password_hash"]]


@_prepares("users.minor_guardian_consent")
def _minor_guardian(f: PandasFrames) -> pd.DataFrame:
    u = f.tables["users"]
    without_consent = ~u["guardian_consent"].fillna(False).astype(bool)
    scope = u.loc[without_consent]
    return pd.DataFrame({"age_at_registration": _age_years(scope["birth_date"], scope["registered_at"])},
                        index=scope.index)


@_prepares("users.cancelled_erased")
def _cancelled_erased(f: PandasFrames) -> pd.DataFrame:
    u = f.tables["users"]
    s = f.settings
    deadline = u["cancelled_at"] + pd.Timedelta(days=s.erasure_grace_days)
    overdue = u["status"].eq("cancelled").fillna(False).astype(bool) & (deadline < s.as_of_ts).fillna(False)
    left = u.loc[overdue, list(PERSONAL_FIELDS)].notna().sum(axis=1).astype("int64")
    return pd.DataFrame({"personal_fields_left": left}, index=left.index)


# --------------------------------------------------------------------------- devices, orders


@_prepares("devices.owner_exists")
def _device_owner(f: PandasFrames) -> pd.DataFrame:
    return _owner_row(f.user_rows("devices"), f.tables["devices"].index)


@_prepares("devices.code_hashed")
def _code_hashed(f: PandasFrames) -> pd.DataFrame:
    return f.tables["devices"][["verification_code_hash"]]


@_prepares("devices.serial_unique")
def _serial_unique(f: PandasFrames) -> pd.DataFrame:
    d = f.tables["devices"]
    return d.loc[d["unbound_at"].isna(), ["serial_number"]]


@_prepares("orders.owner_exists")
def _order_owner(f: PandasFrames) -> pd.DataFrame:
    return _owner_row(f.user_rows("orders"), f.tables["orders"].index)


# --------------------------------------------------------------------------- alert snapshots


@_prepares("snapshots.alerts_consented")
def _alerts_consented(f: PandasFrames) -> pd.DataFrame:
    snaps = f.tables["alert_snapshots"]
    cover = f.consent_cover("alert_snapshots", "captured_at", "alerts", np.arange(len(snaps)))
    return pd.DataFrame({"consent_row": cover}, index=snaps.index)


@_prepares("snapshots.encrypted")
def _encrypted(f: PandasFrames) -> pd.DataFrame:
    return f.tables["alert_snapshots"][["encrypted"]]


@_prepares("snapshots.after_cancellation")
def _after_cancellation(f: PandasFrames) -> pd.DataFrame:
    snaps = f.tables["alert_snapshots"]
    # naive UTC instants: GX compares pairs through Series.values, which drops time zones with a warning
    return pd.DataFrame({"captured_at": snaps["captured_at"].dt.tz_convert(None),
                         "user_cancelled_at": f.user_column("alert_snapshots", "cancelled_at").dt.tz_convert(None)},
                        index=snaps.index)


# --------------------------------------------------------------------------- data sharing


@_prepares("sharing.recipient_declared")
def _recipient_declared(f: PandasFrames) -> pd.DataFrame:
    return f.tables["data_sharing"][["recipient"]]


@_prepares("sharing.lawful_basis")
def _lawful_basis(f: PandasFrames) -> pd.DataFrame:
    sh = f.tables["data_sharing"]
    needs_consent = (sh["legal_basis"].eq("consent") & sh["kind"].isin(list(ALLOWED_BASES))).fillna(False)
    rows = np.flatnonzero(needs_consent.to_numpy(dtype=bool))
    partner = pd.Series("not_required", index=sh.index, dtype="str")
    if len(rows):
        cover = f.consent_cover("data_sharing", "shared_at", "share_partners", rows)
        partner.iloc[rows] = np.where(cover.isna().to_numpy(dtype=bool), "missing", "given")
    # kind:legal_basis, blank parts kept empty so that a blank never matches an allowed pair
    flow_basis = sh["kind"].fillna("") + ":" + sh["legal_basis"].fillna("")
    return pd.DataFrame({"flow_basis": flow_basis, "partner_consent": partner}, index=sh.index)


@_prepares("sharing.categories_declared")
def _categories_declared(f: PandasFrames) -> pd.DataFrame:
    sh = f.tables["data_sharing"]
    declared = f.settings.recipients
    scope = sh.loc[sh["recipient"].isin(list(declared)).fillna(False).astype(bool), ["recipient", "data_categories"]]
    # The combinations of recipient and listed groups are few: judge each once, then map back.
    combos = scope.drop_duplicates()
    counts: dict[tuple[str, object], int] = {}
    for recipient, groups in combos.itertuples(index=False):
        listed = {g.strip() for g in str(groups).split(";") if g.strip()} if isinstance(groups, str) else set()
        counts[(recipient, groups)] = len(listed - declared[recipient])
    keys = pd.MultiIndex.from_frame(scope)
    lookup = pd.Series(list(counts.values()), index=pd.MultiIndex.from_tuples(list(counts), names=keys.names),
                       dtype="int64") if counts else pd.Series([], dtype="int64")
    values = lookup.reindex(keys).to_numpy() if counts else np.zeros(0, dtype="int64")
    return pd.DataFrame({"undeclared_groups": values.astype("int64")}, index=scope.index)


def undeclared_groups(groups: object, declared: frozenset[str]) -> str:
    """The listed data groups not in `declared`, sorted and joined by ';' (for samples)."""
    if not isinstance(groups, str):
        return ""
    return ";".join(sorted({g.strip() for g in groups.split(";") if g.strip()} - declared))


# --------------------------------------------------------------------------- rights requests, consents


@_prepares("rights.response_sla")
def _response_sla(f: PandasFrames) -> pd.DataFrame:
    r = f.tables["rights_requests"]
    answered = r["responded_at"].fillna(f.settings.as_of_ts)
    days = (answered - r["received_at"]) / pd.Timedelta(days=1)
    return pd.DataFrame({"days_to_answer": days.astype("float64")}, index=r.index)


@_prepares("rights.rejection_reason_allowed")
def _rejection_reason(f: PandasFrames) -> pd.DataFrame:
    r = f.tables["rights_requests"]
    return r.loc[r["status"].eq("rejected").fillna(False).astype(bool), ["rejection_reason"]]


@_prepares("consents.minor_guardian")
def _consent_minor(f: PandasFrames) -> pd.DataFrame:
    c = f.tables["consents"]
    not_guardian = ~c["granted_by"].eq("guardian").fillna(False).astype(bool)
    birth = f.user_column("consents", "birth_date")
    scope = c.loc[not_guardian]
    age = _age_years(birth.loc[not_guardian], scope["granted_at"])
    return pd.DataFrame({"age_at_grant": age}, index=scope.index)


def prepared_checks() -> frozenset[str]:
    """Ids of the checks this implementation prepares frames for."""
    return frozenset(_PREPARERS)
