"""Planted violations of the 20 dataset checks in a clean synthetic estate, with exact expected counts.

Each violation hits users no other planted violation touches, so each planted row fails exactly one check.
"""
from __future__ import annotations

import numpy as np

from pia.errors import InputError, Problem
from pia.declare.manifest import Settings
from pia.samples.estate import B64, CHECK_IDS, DATA_GROUPS, Estate
from pia.samples.textcols import DAY, HOUR, NULL

MIN_USERS_WITH_VIOLATIONS = 200


def plant_violations(est: Estate, rng: np.random.Generator, s: Settings, where: str) -> None:
    """Plant a few violations of every check into `est`: 1 to 4 by the seed, and each variety at least once.

    Parameters
    ----------
    est
        The clean estate; its tables, overrides and `expected` counts are updated in place.
    rng
        The generator's random source (the order of its draws is part of the output bytes).
    s
        The manifest's check settings.
    where
        File or directory named in the error when the estate is too small to plant on.
    """
    _Planter(est, rng, s, where).plant_all()


# checks planted in several ways (blank as well as malformed, ...): each way is planted at least once
_VARIETIES: dict[str, int] = {
    "users.unique_id": 2, "users.email_format": 4, "users.phone_format": 4, "users.password_hashed": 4,
    "users.minor_guardian_consent": 3, "devices.code_hashed": 3, "snapshots.alerts_consented": 3,
    "snapshots.encrypted": 3, "sharing.lawful_basis": 5, "rights.response_sla": 2,
    "rights.rejection_reason_allowed": 3}


class _Planter:
    """Plants violations on disjoint users so that each planted row fails exactly one check."""

    def __init__(self, est: Estate, rng: np.random.Generator, s: Settings, where: str):
        self.est, self.rng, self.s, self.where = est, rng, s, where
        self.used = est.reserved.copy()
        u = est.tables["users"]
        self.active_adult = ~u["cancelled"] & ~u["minor"]

    def few(self) -> int:
        return int(self.rng.integers(1, 5))

    def users(self, mask: np.ndarray, k: int, what: str) -> np.ndarray:
        cand = np.flatnonzero(mask & ~self.used)
        if len(cand) < k:
            raise InputError(Problem(self.where, f"too few users to plant {what} violations; "
                                     f"use --users {MIN_USERS_WITH_VIOLATIONS} or more"))
        sel = np.sort(self.rng.choice(cand, k, replace=False))
        self.used[sel] = True
        return sel

    def rows(self, table: str, mask: np.ndarray, k: int, what: str) -> np.ndarray:
        """K rows of `table` matching mask, each of a different, so far unused user."""
        t = self.est.tables[table]
        cand = np.flatnonzero(mask & ~self.used[t["user"]])
        # a small random draw usually holds k distinct users; fall back to all candidates if not
        def distinct_users(pool: np.ndarray) -> np.ndarray:
            _, first = np.unique(t["user"][pool], return_index=True)
            return pool[np.sort(first)]

        draw = cand[self.rng.integers(0, len(cand), min(len(cand), 4 * k + 32))] if len(cand) else cand
        distinct = distinct_users(draw)
        if len(distinct) < k:
            distinct = distinct_users(self.rng.permutation(cand))
        if len(distinct) < k:
            raise InputError(Problem(self.where, f"too few rows to plant {what} violations; "
                                     f"use --users {MIN_USERS_WITH_VIOLATIONS} or more"))
        sel = np.sort(distinct[:k])
        self.used[t["user"][sel]] = True
        return sel

    def digits(self, k: int) -> str:
        return "".join(str(d) for d in self.rng.integers(0, 10, k))

    def plant_all(self) -> None:
        # users.unique_id last: it appends user rows, the others index users by position
        for check in CHECK_IDS[1:] + CHECK_IDS[:1]:
            k = max(self.few(), _VARIETIES.get(check, 1))
            getattr(self, "p_" + check.replace(".", "_"))(k)

    # ---- users
    def p_users_unique_id(self, k: int) -> None:
        u = self.est.tables["users"]
        src = self.users(self.active_adult, k, "users.unique_id")
        copies: list[int] = []
        blanks: list[int] = []
        for j, who in enumerate(src):
            (copies if j % 2 == 0 else blanks).append(who)
        extra = np.array(copies + blanks, dtype=np.int64)
        blank = np.concatenate([np.zeros(len(copies), dtype=bool), np.ones(len(blanks), dtype=bool)])
        for col, arr in u.items():
            u[col] = np.concatenate([arr, blank if col == "blank_id" else arr[extra]])
        self.est.expected["users.unique_id"] += 2 * len(copies) + len(blanks)

    def p_users_contact_present(self, k: int) -> None:
        u = self.est.tables["users"]
        sel = self.users(self.active_adult, k, "users.contact_present")
        u["has_email"][sel] = False
        u["has_phone"][sel] = False
        self.est.expected["users.contact_present"] += k

    def p_users_email_format(self, k: int) -> None:
        sel = self.users(self.active_adult, k, "users.email_format")
        forms = ("mail{}.example.com", "mail{}@example", "mail{}@@example.org", "mail {}@example.net")
        for j, who in enumerate(sel):
            self.est.set("users", "email", who, forms[j % 4].format(self.digits(4)))
        self.est.expected["users.email_format"] += k

    def p_users_phone_format(self, k: int) -> None:
        sel = self.users(self.active_adult, k, "users.phone_format")
        forms = ("138{}", "+86 138 {}", "+086138{}", "0086138{}")
        for j, who in enumerate(sel):
            self.est.set("users", "phone", who, forms[j % 4].format(self.digits(8)))
        self.est.expected["users.phone_format"] += k

    def p_users_password_hashed(self, k: int) -> None:
        sel = self.users(self.active_adult, k, "users.password_hashed")
        for j, who in enumerate(sel):
            value = [f"Passw0rd{self.digits(3)}!", "".join(self.rng.choice(list("0123456789abcdef"), 32)), None,
                     "$2b$12$" + "".join(self.rng.choice(list(B64), 40))][j % 4]
            self.est.set("users", "password_hash", who, value)
        self.est.expected["users.password_hashed"] += k

    def p_users_minor_guardian_consent(self, k: int) -> None:
        u = self.est.tables["users"]
        sel = self.users(~u["cancelled"] & u["minor"], k, "users.minor_guardian_consent")
        for j, who in enumerate(sel):
            self.est.set("users", "guardian_consent", who, ("false", None, "FALSE")[j % 3])
        self.est.expected["users.minor_guardian_consent"] += k

    def p_users_cancelled_erased(self, k: int) -> None:
        u = self.est.tables["users"]
        sel = self.users(u["cancelled"], k, "users.cancelled_erased")
        u["restore"][sel] = True
        self.est.expected["users.cancelled_erased"] += k

    # ---- devices and orders
    def p_devices_owner_exists(self, k: int) -> None:
        d = self.est.tables["devices"]
        src = self.rows("devices", d["unbound"] == NULL, k, "devices.owner_exists")
        for col, arr in d.items():
            d[col] = np.concatenate([arr, arr[src]])
        m = len(d["uid"])
        d["uid"][m - k:] = self.est.n + 500 + 7 * np.arange(k)
        d["serial"][m - k:] = (np.arange(m - k, m) * 1_000_000_007 + 12_345_678_901) % (36 ** 8)
        self.est.expected["devices.owner_exists"] += k

    def p_devices_code_hashed(self, k: int) -> None:
        d = self.est.tables["devices"]
        sel = self.rows("devices", np.ones(len(d["user"]), bool), k, "devices.code_hashed")
        for j, row in enumerate(sel):
            self.est.set("devices", "verification_code_hash", row, [self.digits(6), None, "ZS" + self.digits(4)][j % 3])
        self.est.expected["devices.code_hashed"] += k

    def p_devices_serial_unique(self, k: int) -> None:
        d = self.est.tables["devices"]
        ok = d["unbound"] == NULL
        ok[self.est.reserved_devices] = False
        sel = self.rows("devices", ok, 2 * k, "devices.serial_unique")
        sel = self.rng.permutation(sel)
        d["serial"][sel[k:]] = d["serial"][sel[:k]]
        self.est.expected["devices.serial_unique"] += 2 * k

    def p_orders_owner_exists(self, k: int) -> None:
        o = self.est.tables["orders"]
        sel = self.rows("orders", np.ones(len(o["user"]), bool), k, "orders.owner_exists")
        o["uid"][sel] = self.est.n + 900 + 11 * np.arange(k)
        self.est.expected["orders.owner_exists"] += k

    # ---- snapshots
    def p_snapshots_alerts_consented(self, k: int) -> None:
        sn, c, u = self.est.tables["alert_snapshots"], self.est.tables["consents"], self.est.tables["users"]
        ar = self.est.alerts_row
        for j in range(k):
            variety = j % 3
            if variety == 0:  # captured before the alerts consent was granted
                row = self.rows("alert_snapshots", ~u["cancelled"][sn["user"]], 1, "snapshots.alerts_consented")[0]
                sn["captured"][row] = c["granted"][ar[sn["user"][row]]] - int(self.rng.integers(60, 3 * DAY))
                self.est.expected["snapshots.alerts_consented"] += 1
            else:
                counts = np.bincount(sn["user"], minlength=self.est.n)
                mask = ~u["cancelled"][: self.est.n] & (counts >= 1) & (counts <= 4) & (ar >= 0)
                mask &= c["withdrawn"][np.maximum(ar, 0)] == NULL
                who = self.users(mask, 1, "snapshots.alerts_consented")[0]
                mine = np.flatnonzero(sn["user"] == who)
                if variety == 1:  # withdrawn exactly at the capture instant, written in another offset
                    latest = sn["captured"][mine].max()
                    c["withdrawn"][ar[who]] = latest
                    c["w_v"][ar[who]] = 0
                    sn["c_v"][mine[sn["captured"][mine] == latest]] = 2
                    self.est.expected["snapshots.alerts_consented"] += int((sn["captured"][mine] == latest).sum())
                else:  # the alerts consent is missing (recorded under another scope)
                    c["scope"][ar[who]] = 2
                    self.est.expected["snapshots.alerts_consented"] += len(mine)

    def p_snapshots_encrypted(self, k: int) -> None:
        sn = self.est.tables["alert_snapshots"]
        sel = self.rows("alert_snapshots", np.ones(len(sn["user"]), bool), k, "snapshots.encrypted")
        for j, row in enumerate(sel):
            self.est.set("alert_snapshots", "encrypted", row, ("false", None, "False")[j % 3])
        self.est.expected["snapshots.encrypted"] += k

    def p_snapshots_after_cancellation(self, k: int) -> None:
        sn, c, u = self.est.tables["alert_snapshots"], self.est.tables["consents"], self.est.tables["users"]
        ar = self.est.alerts_row
        sel = self.rows("alert_snapshots", u["cancelled"][sn["user"]], k, "snapshots.after_cancellation")
        for row in sel:
            who = sn["user"][row]
            cat = u["cancelled_at"][who]
            room = min(10 * DAY, self.est.last - cat)
            sn["captured"][row] = cat + int(self.rng.integers(60, max(room, 61)))
            sn["deleted"][row] = NULL
            c["withdrawn"][ar[who]] = NULL  # the cancellation did not revoke the alerts consent
        self.est.expected["snapshots.after_cancellation"] += k

    # ---- sharing
    def p_sharing_recipient_declared(self, k: int) -> None:
        h = self.est.tables["data_sharing"]
        sel = self.rows("data_sharing", np.ones(len(h["user"]), bool), k, "sharing.recipient_declared")
        for j, row in enumerate(sel):
            self.est.set("data_sharing", "recipient", row, ("ad_network", "data_broker", "analytics_vendor")[j % 3])
        h["kind"][sel] = 0
        h["basis"][sel] = 2  # service_agreement: lawful for a share
        self.est.expected["sharing.recipient_declared"] += k

    def p_sharing_lawful_basis(self, k: int) -> None:
        h = self.est.tables["data_sharing"]
        sr = self.est.share_row
        c = self.est.tables["consents"]
        allrows = np.ones(len(h["user"]), bool)
        for j in range(k):
            variety = (3, 4, 0, 1, 2)[j % 5]
            if variety == 0:  # transfer on a service agreement
                row = self.rows("data_sharing", allrows, 1, "sharing.lawful_basis")[0]
                h["kind"][row], h["basis"][row] = 1, 2
            elif variety == 1:  # disclosure for a legal claim
                row = self.rows("data_sharing", allrows, 1, "sharing.lawful_basis")[0]
                h["kind"][row], h["basis"][row] = 2, 3
            elif variety == 2:  # no basis recorded
                row = self.rows("data_sharing", allrows, 1, "sharing.lawful_basis")[0]
                self.est.set("data_sharing", "legal_basis", row, None)
            elif variety == 3:  # consent, but the user never gave share_partners consent
                row = self.rows("data_sharing", sr[h["user"]] < 0, 1, "sharing.lawful_basis")[0]
                h["kind"][row], h["basis"][row] = 0, 0
            else:  # consent, shared before it was granted
                row = self.rows("data_sharing", sr[h["user"]] >= 0, 1, "sharing.lawful_basis")[0]
                h["kind"][row], h["basis"][row] = 0, 0
                h["at"][row] = c["granted"][sr[h["user"][row]]] - int(self.rng.integers(HOUR, 5 * DAY))
            self.est.expected["sharing.lawful_basis"] += 1

    def p_sharing_categories_declared(self, k: int) -> None:
        h = self.est.tables["data_sharing"]
        recips = self.est.recips
        partial = np.array([len(set(r.groups)) < len(DATA_GROUPS) for r in recips])
        mask = partial[h["rec"]] if partial.any() else np.ones(len(h["user"]), bool)
        sel = self.rows("data_sharing", mask, k, "sharing.categories_declared")
        for row in sel:
            r = recips[h["rec"][row]]
            extra = [g for g in DATA_GROUPS if g not in r.groups] or ["biometric"]
            self.est.set("data_sharing", "data_categories", row,
                         f"{r.groups[0]};{extra[int(self.rng.integers(0, len(extra)))]}")
        self.est.expected["sharing.categories_declared"] += k

    # ---- rights and consents
    def p_rights_response_sla(self, k: int) -> None:
        q = self.est.tables["rights_requests"]
        sla = self.s.rights_response_days * DAY
        early = q["received"] < self.est.last - sla - 20 * DAY
        sel = self.rows("rights_requests", early, k, "rights.response_sla")
        for j, row in enumerate(sel):
            if j % 2 == 0:  # answered late (at least a day and a half over)
                q["responded"][row] = q["received"][row] + sla + int(self.rng.integers(DAY + DAY // 2, 15 * DAY))
            else:  # still pending, long overdue
                q["responded"][row] = NULL
                q["status"][row] = 2
            q["reason"][row] = -1
            if q["status"][row] == 1:
                q["status"][row] = 0
        self.est.expected["rights.response_sla"] += k

    def p_rights_rejection_reason_allowed(self, k: int) -> None:
        q = self.est.tables["rights_requests"]
        sel = self.rows("rights_requests", np.ones(len(q["user"]), bool), k, "rights.rejection_reason_allowed")
        q["status"][sel] = 1
        for j, row in enumerate(sel):
            self.est.set("rights_requests", "rejection_reason", row, ("other", None, "too_busy")[j % 3])
        self.est.expected["rights.rejection_reason_allowed"] += k

    def p_consents_minor_guardian(self, k: int) -> None:
        c, u = self.est.tables["consents"], self.est.tables["users"]
        n = self.est.n
        sel = self.rows("consents", u["minor"][:n][c["user"]] & ~u["cancelled"][:n][c["user"]], k,
                        "consents.minor_guardian")
        c["guardian"][sel] = False
        self.est.expected["consents.minor_guardian"] += k
