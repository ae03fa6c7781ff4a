"""The clean synthetic estate as numbers (ids, UTC seconds, vocabulary codes), built table by table.

`pia.samples.generate` plants violations into it (`pia.samples.violations`) and renders it to CSV; see its docstring.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np

from pia.declare.manifest import Settings
from pia.samples.textcols import DAY, HOUR, NULL

CHECK_IDS: tuple[str, ...] = (
    "users.unique_id", "users.contact_present", "users.email_format", "users.phone_format",
    "users.password_hashed", "users.minor_guardian_consent", "users.cancelled_erased",
    "devices.owner_exists", "devices.code_hashed", "devices.serial_unique", "orders.owner_exists",
    "snapshots.alerts_consented", "snapshots.encrypted", "snapshots.after_cancellation",
    "sharing.recipient_declared", "sharing.lawful_basis", "sharing.categories_declared",
    "rights.response_sla", "rights.rejection_reason_allowed", "consents.minor_guardian",
)
"""The 20 dataset checks of issue 5, in the issue's order."""

ALLOWED_BASES: dict[str, tuple[str, ...]] = {
    "share": ("consent", "authority_request", "service_agreement", "legal_claim"),
    "transfer": ("consent", "merger"),
    "disclosure": ("consent", "authority_request"),
}
REJECTION_REASONS = ("national_security", "public_interest", "criminal_investigation", "malicious_or_abusive",
                     "harm_to_others", "trade_secret", "repetitive", "technically_impractical")
DATA_GROUPS = ("account", "order", "device", "snapshot", "tracking")

# Vocabularies the values are drawn from; the estate's tables hold indices into them.
B64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"  # bcrypt's alphabet
FIRST_NAMES = ("wei", "fang", "lei", "jing", "min", "hao", "yan", "tao", "ying", "jun", "anna", "ben", "carla",
               "dev", "ella", "finn", "gita", "hugo", "iris", "jon", "kai", "lena", "mo", "nora")
LAST_NAMES = ("li", "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "smith", "jones",
              "muller", "tanaka", "lim", "tan", "garcia", "rossi", "novak", "berg")
DOMAINS = ("example.com", "example.net", "example.org")
COUNTRIES = ("CN", "US", "GB", "DE", "SG", "JP")
_COUNTRY_P = (0.80, 0.06, 0.04, 0.04, 0.03, 0.03)
# E.164 prefix per country; each is followed by 8 random digits
PHONE_PREFIXES = ("+86138", "+120", "+4477", "+49151", "+65", "+8190")
PRODUCTS = (("ZS-Cam Mini", "129.00", "19.99"), ("ZS-Cam Pro", "399.00", "59.99"),
            ("ZS-Doorbell", "299.00", "44.99"), ("ZS-NVR 8ch", "899.00", "129.00"),
            ("Cloud Plan Monthly", "15.00", "2.99"), ("Cloud Plan Yearly", "150.00", "29.99"))
TRUE_WORDS = ("true", "True", "TRUE")
FALSE_WORDS = ("false", "False", "FALSE")
CONSENT_SCOPES = ("alerts", "share_partners", "marketing_email")
RIGHT_TYPES = ("access", "correct", "delete", "withdraw_consent", "cancel_account")


@dataclass(frozen=True)
class Recipient:
    """What the generator needs of a declared recipient: id, flow kind, section IV ground, type, groups."""

    id: str
    flow: str
    basis: str
    type: str
    groups: tuple[str, ...]


@dataclass
class Estate:
    """The estate as numbers (ids, seconds, codes); strings are made only when writing.

    `tables` maps a table to its columns of numbers; `overrides` holds the cells planted as text;
    `expected` counts the failed rows planted per check.
    """

    n: int
    recips: list[Recipient]
    ref_s: int = 0  # reference date, UTC seconds
    last: int = 0  # latest timestamp allowed
    tables: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)
    overrides: dict[tuple[str, str], dict[int, str | None]] = field(default_factory=dict)
    expected: dict[str, int] = field(default_factory=lambda: {c: 0 for c in CHECK_IDS})
    reserved: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # boundary users, never victims
    reserved_devices: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # second-hand bindings
    alerts_row: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # user -> alerts consent row
    share_row: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # user -> share_partners row
    end: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # user -> cancelled_at or last

    def set(self, table: str, column: str, row: int, value: str | None) -> None:
        """Write `value` (None: blank) in place of the rendered text of one cell."""
        self.overrides.setdefault((table, column), {})[int(row)] = value


def _uniform(rng: np.random.Generator, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Integer seconds uniformly in [lo, hi] (hi >= lo)."""
    span = np.maximum(hi - lo, 0)
    return lo + np.floor(rng.random(len(lo)) * (span + 1)).astype(np.int64)


def _variants(rng: np.random.Generator, n: int) -> np.ndarray:
    r = rng.random(n)
    return np.where(r < 0.90, 0, np.where(r < 0.97, 1, 2)).astype(np.int8)


def _pick_forced(rng: np.random.Generator, mask: np.ndarray, k: int) -> np.ndarray:
    cand = np.flatnonzero(mask)
    k = min(k, len(cand))
    return np.sort(rng.choice(cand, k, replace=False)) if k else cand[:0]


def build_estate(rng: np.random.Generator, n: int, ref: dt.date, s: Settings, recips: list[Recipient]) -> Estate:
    """The clean estate, table by table (the order of random draws is part of the output bytes)."""
    est = _users(rng, n, ref, s, recips)
    _devices(rng, est)
    _orders(rng, est)
    _consents(rng, est)
    _snapshots(rng, est)
    _sharing(rng, est)
    _rights(rng, est, s)
    return est


def _users(rng: np.random.Generator, n: int, ref: dt.date, s: Settings, recips: list[Recipient]) -> Estate:
    """Users: registration, cancellation (erased), minors with guardian consent, boundary birthdays."""
    ref_s = int(dt.datetime(ref.year, ref.month, ref.day, tzinfo=dt.UTC).timestamp())
    last = ref_s - DAY  # every timestamp is before the reference date
    est = Estate(n, recips, ref_s, last)
    grace_end = ref_s - (s.erasure_grace_days + 2) * DAY
    reg_start = ref_s - max(int(7.5 * 365), s.erasure_grace_days + 730) * DAY
    reg = rng.integers(reg_start, ref_s - 90 * DAY, n)

    # status: cancellation only where it can be older than the grace period
    can_cancel = reg + 2 * DAY < grace_end
    n_cancel = max(math.ceil(0.05 * n), min(20, n // 10))
    cancelled = np.zeros(n, bool)
    cancelled[_pick_forced(rng, can_cancel, n_cancel)] = True
    cancelled_at = np.where(cancelled, _uniform(rng, reg + DAY, np.maximum(grace_end, reg + DAY)), NULL)
    end = np.where(cancelled, cancelled_at, last)

    # minors (age below minor_age at registration), and adults clear of the boundary
    n_minor = max(math.ceil(0.03 * n), min(20, n // 10))
    minor = np.zeros(n, bool)
    minor[_pick_forced(rng, ~cancelled, n_minor)] = True
    has_birth = minor | (rng.random(n) < 0.9)
    reg_day = reg // DAY
    y = 365.25
    lo_m, hi_m = max(0.25, s.highest_minor_age - 5) * y, (s.highest_minor_age - 0.5) * y
    adult_age = rng.integers(int((s.highest_minor_age + 1) * y) + 2, int((s.highest_minor_age + 50) * y), n)
    minor_age_days = rng.integers(int(lo_m) + 1, max(int(hi_m), int(lo_m) + 2), n)
    birth = reg_day - np.where(minor, minor_age_days, adult_age)
    reg_variant = _variants(rng, n)

    reserved = np.zeros(n, bool)  # boundary users: never victims of a planted violation
    active_adults = ~cancelled & ~minor & has_birth
    if n >= 50:
        for j, who in enumerate(_pick_forced(rng, active_adults, 3)):
            day = dt.date(1970, 1, 1) + dt.timedelta(days=int(reg_day[who]))
            if day.month == 2 and day.day == 29:
                day -= dt.timedelta(days=1)
            bday = day.replace(year=day.year - s.highest_minor_age)
            if j == 2:  # a minor: registered the day before the birthday, with guardian consent
                bday += dt.timedelta(days=1)
                minor[who] = True
            reg[who] = int(dt.datetime(day.year, day.month, day.day, 10, tzinfo=dt.UTC).timestamp())
            birth[who] = (bday - dt.date(1970, 1, 1)).days
            reg_variant[who] = 0
            reserved[who] = True
        reg_day = reg // DAY
    has_email = rng.random(n) < 0.85
    has_phone = rng.random(n) < 0.8
    has_email |= ~has_phone
    est.tables["users"] = {
        "uid": np.arange(1, n + 1, dtype=np.int64), "reg": reg, "reg_v": reg_variant, "cancelled": cancelled,
        "cancelled_at": cancelled_at, "can_v": _variants(rng, n), "minor": minor, "has_birth": has_birth, "birth": birth,
        "has_email": has_email, "has_phone": has_phone,
        "country": rng.choice(len(COUNTRIES), n, p=_COUNTRY_P), "domain": rng.integers(0, 3, n),
        "first": rng.integers(0, len(FIRST_NAMES), n), "lastn": rng.integers(0, len(LAST_NAMES), n),
        "num": rng.integers(1, 10_000, n), "guard": rng.integers(0, 3, n), "adult_guard_blank": rng.random(n) < 0.7,
        "hash_kind": rng.choice(4, n, p=(0.70, 0.25, 0.04, 0.01)), "blank_id": np.zeros(n, bool),
        "restore": np.zeros(n, bool)}
    est.reserved = reserved
    est.end = end
    return est



def _devices(rng: np.random.Generator, est: Estate) -> None:
    """About 1.2 devices per user; unbound at cancellation; some serials rebound second-hand."""
    u = est.tables["users"]
    n, reg, end, cancelled, cancelled_at = est.n, u["reg"], est.end, u["cancelled"], u["cancelled_at"]
    ndev = rng.choice(4, n, p=(0.03, 0.77, 0.17, 0.03))
    du = np.repeat(np.arange(n), ndev)
    m = len(du)
    bound = _uniform(rng, reg[du], reg[du] + np.minimum((end[du] - reg[du]) // 2, 30 * DAY))
    unbound = np.full(m, NULL)
    unbound = np.where(cancelled[du], cancelled_at[du] + rng.integers(60, HOUR, m), unbound)
    unb_active = ~cancelled[du] & (rng.random(m) < 0.03)
    unbound = np.where(unb_active, _uniform(rng, bound + DAY, np.maximum(end[du], bound + DAY)), unbound)
    serial = (np.arange(m, dtype=np.int64) * 1_000_000_007 + 12_345_678_901) % (36 ** 8)
    # second-hand devices: a serial unbound earlier is bound again by another active user
    unb_rows = np.flatnonzero(unbound != NULL)
    take = unb_rows[rng.random(len(unb_rows)) < 0.3]
    bound_active = np.flatnonzero((unbound == NULL) & ~cancelled[du])
    k = min(len(take), len(bound_active))
    if k:
        est.reserved_devices = np.sort(rng.choice(bound_active, k, replace=False))
        serial[est.reserved_devices] = serial[take[:k]]
    est.tables["devices"] = {"user": du, "uid": du + 1, "serial": serial, "bound": bound, "bound_v": _variants(rng, m),
                                 "unbound": unbound, "unb_v": _variants(rng, m), "hash_kind": rng.choice(2, m, p=(.8, .2))}



def _orders(rng: np.random.Generator, est: Estate) -> None:
    """About 2 orders per user, between registration and cancellation."""
    u = est.tables["users"]
    n, reg, end = est.n, u["reg"], est.end
    nord = rng.poisson(2.0, n)
    ou = np.repeat(np.arange(n), nord)
    o = len(ou)
    est.tables["orders"] = {"user": ou, "uid": ou + 1, "product": rng.integers(0, len(PRODUCTS), o),
                                "at": _uniform(rng, reg[ou], end[ou]), "v": _variants(rng, o)}



def _consents(rng: np.random.Generator, est: Estate) -> None:
    """Consents: alerts (I.4), share_partners (IV.1), marketing_email; withdrawn at cancellation."""
    u = est.tables["users"]
    n, reg, end, cancelled, cancelled_at = est.n, u["reg"], est.end, u["cancelled"], u["cancelled_at"]
    minor = u["minor"]
    rows_u: list[np.ndarray] = []
    rows_scope: list[np.ndarray] = []
    rows_g: list[np.ndarray] = []
    rows_w: list[np.ndarray] = []
    spans = {0: 2 * DAY, 1: 30 * DAY, 2: 30 * DAY}
    rates = {0: (0.85, 0.05), 1: (0.45, 0.10), 2: (0.45, 0.20)}
    for scope in (0, 1, 2):
        has, wrate = rates[scope]
        who = np.flatnonzero(rng.random(n) < has)
        g = _uniform(rng, reg[who] + 60, reg[who] + np.minimum((end[who] - reg[who]) // 2, spans[scope]))
        w = np.where(cancelled[who], cancelled_at[who], NULL)
        wd = ~cancelled[who] & (rng.random(len(who)) < wrate)
        w = np.where(wd, _uniform(rng, g + DAY, np.maximum(end[who] - DAY, g + DAY)), w)
        rows_u.append(who)
        rows_scope.append(np.full(len(who), scope))
        rows_g.append(g)
        rows_w.append(w)
    cu = np.concatenate(rows_u)
    cscope = np.concatenate(rows_scope)
    order = np.lexsort((cscope, cu))
    cu, cscope = cu[order], cscope[order]
    cg, cw = np.concatenate(rows_g)[order], np.concatenate(rows_w)[order]
    c = len(cu)
    est.tables["consents"] = {"user": cu, "uid": cu + 1, "scope": cscope, "granted": cg, "g_v": _variants(rng, c),
                                  "withdrawn": cw, "w_v": _variants(rng, c), "guardian": minor[cu]}
    alerts_row = np.full(n, -1)
    alerts_row[cu[cscope == 0]] = np.flatnonzero(cscope == 0)
    share_row = np.full(n, -1)
    share_row[cu[cscope == 1]] = np.flatnonzero(cscope == 1)
    est.alerts_row, est.share_row = alerts_row, share_row



def _snapshots(rng: np.random.Generator, est: Estate) -> None:
    """Alert snapshots only while the alerts consent is active, from a device the user bound."""
    u = est.tables["users"]
    n, end, cancelled, cancelled_at = est.n, est.end, u["cancelled"], u["cancelled_at"]
    d, c = est.tables["devices"], est.tables["consents"]
    ndev = np.bincount(d["user"], minlength=n)
    first_dev = np.cumsum(ndev) - ndev
    bound, m, cg, cw, alerts_row, last = d["bound"], len(d["user"]), c["granted"], c["withdrawn"], est.alerts_row, est.last
    has_alerts = alerts_row >= 0
    ar = np.where(has_alerts, alerts_row, 0)
    bound_first = bound[np.minimum(first_dev, m - 1)] if m else np.zeros(n, np.int64)
    start = np.maximum(cg[ar], np.where(ndev > 0, bound_first, 0)) + 60
    stop = np.where(cw[ar] != NULL, cw[ar], end) - 60
    ok = has_alerts & (ndev > 0) & (stop > start)
    nsnap = np.where(ok, rng.poisson(6.1, n), 0)
    su = np.repeat(np.arange(n), nsnap)
    q = len(su)
    sdev = first_dev[su] + (rng.random(q) * ndev[su]).astype(np.int64)
    captured = _uniform(rng, start[su], stop[su])
    deleted = np.where(cancelled[su], cancelled_at[su] + DAY, NULL)
    retention = ~cancelled[su] & (captured + 30 * DAY < last) & (rng.random(q) < 0.3)
    deleted = np.where(retention, captured + 30 * DAY, deleted)
    est.tables["alert_snapshots"] = {"user": su, "uid": su + 1, "dev": sdev, "captured": captured, "c_v": _variants(rng, q),
                                         "enc": rng.choice(3, q, p=(0.8, 0.15, 0.05)), "deleted": deleted,
                                         "d_v": _variants(rng, q)}



def _sharing(rng: np.random.Generator, est: Estate) -> None:
    """About one sharing row per user, to declared recipients, with their groups, on an allowed basis."""
    u = est.tables["users"]
    n, reg, end = est.n, u["reg"], est.end
    c, recips, share_row = est.tables["consents"], est.recips, est.share_row
    cg, cw = c["granted"], c["withdrawn"]
    nsh = rng.poisson(1.0, n) if recips else np.zeros(n, np.int64)
    hu = np.repeat(np.arange(n), nsh)
    h = len(hu)
    weights = np.array([{"processor": 3.0, "partner": 2.0, "authority": 0.2}.get(r.type, 0.1) for r in recips])
    rec = rng.choice(len(recips), h, p=weights / weights.sum()) if h else np.zeros(0, np.int64)
    kinds = ("share", "transfer", "disclosure")
    bases = ("consent", "authority_request", "service_agreement", "legal_claim", "merger")
    r_kind = np.array([kinds.index(r.flow) for r in recips] or [0])
    r_basis = np.array([bases.index(r.basis if r.basis in ALLOWED_BASES[r.flow] and r.basis != "consent"
                                    else next(b for b in ALLOWED_BASES[r.flow] if b != "consent"))
                        for r in recips] or [0])
    shared = _uniform(rng, reg[hu], end[hu])
    basis = r_basis[rec]
    # partners on consent, inside the user's share_partners window
    sr = share_row[hu]
    is_partner = np.array([r.type == "partner" for r in recips] or [False])[rec]
    s_start = cg[np.maximum(sr, 0)] + 60
    s_stop = np.where(cw[np.maximum(sr, 0)] != NULL, cw[np.maximum(sr, 0)], end[hu]) - 60
    on_consent = is_partner & (sr >= 0) & (s_stop > s_start) & (rng.random(h) < 0.7)
    shared = np.where(on_consent, _uniform(rng, s_start, np.maximum(s_stop, s_start)), shared)
    basis = np.where(on_consent, 0, basis)
    ngroups = np.array([len(r.groups) for r in recips] or [1])
    mask = 1 + (rng.random(h) * (2 ** ngroups[rec] - 1)).astype(np.int64)
    est.tables["data_sharing"] = {"user": hu, "uid": hu + 1, "rec": rec, "kind": r_kind[rec] if h else rec, "basis": basis,
                                      "gmask": mask, "at": shared, "v": _variants(rng, h)}



def _rights(rng: np.random.Generator, est: Estate, s: Settings) -> None:
    """About 0.1 rights requests per user, all answered within rights_response_days (some exactly on it)."""
    u = est.tables["users"]
    n, reg, end = est.n, u["reg"], est.end
    last = est.last
    nreq = rng.poisson(0.1, n)
    if nreq.sum() < 40:
        nreq[_pick_forced(rng, nreq == 0, 40 - int(nreq.sum()))] += 1
    ru = np.repeat(np.arange(n), nreq)
    r = len(ru)
    sla = s.rights_response_days * DAY
    recv_hi = np.maximum(np.minimum(end[ru], last - sla - DAY), reg[ru] + DAY)
    received = _uniform(rng, reg[ru] + DAY, recv_hi)
    received = np.minimum(received, last - sla - DAY)
    dur = np.where(rng.random(r) < 0.03, sla, (rng.random(r) * sla).astype(np.int64))
    rejected = rng.random(r) < 0.15
    est.tables["rights_requests"] = {
        "user": ru, "uid": ru + 1, "type": rng.integers(0, len(RIGHT_TYPES), r), "received": received, "r_v": _variants(rng, r),
        "responded": received + dur, "p_v": _variants(rng, r), "status": np.where(rejected, 1, 0),
        "reason": np.where(rejected, rng.integers(0, len(REJECTION_REASONS), r), -1)}
