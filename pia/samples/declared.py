"""Synthetic estates for ANY manifest that declares datasets and checks (fake values only).

Values come from each column's role (or taxonomy category) and from what the declared checks need to hold: clean
data passes every check for any `as_of` on or after the reference date. With `violations`, each check gets a few
planted failing rows on rows no other planting touches, with changes no other check judges differently, so the
expected counts are exact; a check whose planting would disturb another check is left clean and listed under
`not_planted` of `expected_violations.json` with the reason.

Time layout (days before the reference date `R`): consents are given at R-620..R-600 and never withdrawn, other
instants (events, sign-ups) fall at R-450..R-250 (later when a retention limit is shorter), deletions at
R-240..R-200, answers within the response deadline; birth dates make everyone 25 to 70 at the instant judged, except
where every element of the column's category is a minor's (`data_subjects: [minors]`): those are below the lowest
minor age of the service's regimes.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

from pia.errors import InputError, Problem

EXPECTED_FILE = "expected_violations.json"
_HASH_CHARS = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_ROLE_OF_CATEGORY = {"user.contact.email": "email", "user.contact.phone_number": "phone",
                     "user.authorization.credentials": "secret_hash", "user.demographic.date_of_birth": "birth_date",
                     "user.name": "name", "user.account.username": "name",
                     # a made-up "lat,lon" pair: a text role would hide the column from discovery's value patterns
                     "user.location.precise": "position", "user.location.precise.track": "position",
                     "user.device.device_id.imei": "imei"}
PLANTED_PER_CHECK = 3


def _imei(rng: random.Random) -> str:
    """A made-up 15-digit IMEI with its Luhn check digit (the shape discovery recognises), TAC prefix 35."""
    body = "35" + "".join(str(rng.randint(0, 9)) for _ in range(12))
    total = sum(int(d) if i % 2 == 0 else sum(divmod(2 * int(d), 10)) for i, d in enumerate(body))
    return body + str(-total % 10)


def _ts(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S")


class _Estate:
    def __init__(self, manifest: Any, users: int, seed: int, reference_date: dt.date):
        from pia.validation.checks import compile_checks

        self.man = manifest
        self.datasets, self.checks = compile_checks(manifest)
        self.rng = random.Random(seed)
        self.ref = dt.datetime.combine(reference_date, dt.time())
        self.users = users
        self.settings = manifest.settings
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.root = self._root()
        self.used: dict[str, set[int]] = {d: set() for d in self.datasets}
        self.expected: dict[str, int] = {c.id: 0 for c in self.checks}
        self.not_planted: dict[str, str] = {}
        # categories whose every declared element is a minor's (data_subjects: [minors]): a children's service's
        # birth dates are children's, not adults'
        minors: dict[str, bool] = {}
        for e in manifest.data_elements:
            minors[e.category] = minors.get(e.category, True) and [str(x.value) for x in e.data_subjects] == ["minors"]
        self.minors_categories = {cat for cat, all_minors in minors.items() if all_minors}
        regimes = sorted(manifest.regimes) or ["CN"]
        # below every regime's minor age (PIPL Art. 31: 14; GDPR Art. 8(1): 13 to 16), so a child under each law
        self.child_age = min(manifest.settings.minor_age_for(r) for r in regimes)

    # ------------------------------------------------------------------ structure
    def _root(self) -> str:
        """The dataset the others link to (the accounts)."""
        targets = [lk.target[0] for d in self.datasets.values() for lk in d.links]
        unlinked = [d for d in self.datasets.values() if not d.links]
        if targets:
            return max(set(targets), key=targets.count)
        return unlinked[0].id if unlinked else next(iter(self.datasets))

    def checks_on(self, dataset: str, template: str | None = None) -> list[Any]:
        return [c for c in self.checks if c.dataset == dataset and (template is None or c.template == template)]

    def number(self, value: Any) -> int:
        if isinstance(value, str) and value.startswith("$"):
            return int(getattr(self.settings, value[1:]))
        return int(value)

    def days(self, lo: float, hi: float) -> dt.datetime:
        """An instant between `lo` and `hi` days before the reference date (whole seconds)."""
        return self.ref - dt.timedelta(seconds=self.rng.randint(int(hi * 86400), int(lo * 86400)))

    # ------------------------------------------------------------------ values by role
    def role(self, ds: Any, col: str) -> str:
        c = ds.columns[col]
        if c.role is not None:
            return c.role.value
        return _ROLE_OF_CATEGORY.get(c.category or "", "timestamp" if c.type.value == "datetime" else "text")

    def value(self, ds: Any, col: str, i: int) -> Any:
        c = ds.columns[col]
        role = self.role(ds, col)
        tag = f"{ds.id[:2].upper()}{i:07d}"
        if role == "id":
            return tag
        if role == "email":
            return f"user{i}.{ds.id[:3]}@example.{self.rng.choice(['org', 'net', 'com'])}"
        if role == "phone":
            return f"+31{self.rng.randint(600000000, 699999999)}"
        if role == "name":
            return f"user_{ds.id[:3]}_{i}"
        if role == "secret_hash":
            return "$2b$12$" + "".join(self.rng.choice(_HASH_CHARS) for _ in range(53))
        if role == "birth_date":
            days = self.rng.randint(365 * 25, 365 * 70)
            if c.category in self.minors_categories:
                # pia default: aged from (minor age - 10, at least 1) up to a month short of the minor age (365 days
                # a year undercounts leap days, so 365 * age - 30 days is always below the age). Folded from the same
                # draw, so the random stream and every other column stay as they were.
                young = 365 * max(1, self.child_age - 10)
                days = young + (days - 365 * 25) % (365 * self.child_age - 30 - young + 1)
            return (self.ref - dt.timedelta(days=days)).date()
        if role == "position":
            lat, lon = self.rng.choice([(22.54, 114.06), (52.37, 4.90)])  # around Shenzhen or Amsterdam
            return f"{lat + self.rng.uniform(-0.05, 0.05):.6f},{lon + self.rng.uniform(-0.05, 0.05):.6f}"
        if role == "imei":
            return _imei(self.rng)
        if role == "serial":
            return f"SN-{self.rng.randint(0, 36 ** 6):08X}"
        if role == "uri":
            return f"s3://pia-sample/{ds.id}/{tag}"
        if role == "amount":
            return f"{self.rng.randint(40, 20000) / 100:.2f}"
        if role == "flag" or c.type.value == "boolean":
            return self.rng.choice([True, False])
        if role in ("status", "code") and c.values:
            return self.rng.choice(c.values)
        if role == "list" and c.values:
            return "|".join(self.rng.sample(c.values, 1))
        if c.type.value == "datetime":
            return self.days(450, 250)
        if c.type.value == "date":
            return self.days(450, 250).date()
        return f"text {tag}"

    # ------------------------------------------------------------------ clean rows
    def build(self) -> None:
        root = self.datasets[self.root]
        self.rows[self.root] = [{col: self.value(root, col, i) for col in root.columns} for i in range(self.users)]
        # the last few accounts have no linked rows: plantings that change an account key use them
        self.free_roots = list(range(max(0, self.users - 2 * PLANTED_PER_CHECK), self.users))
        self.linked_roots = [i for i in range(self.users) if i not in set(self.free_roots)]
        consent_sets = {c.parameters["consents"] for c in self.checks if c.template in ("consent_covers",
                                                                                       "flow_basis_allowed")}
        for ds in self.datasets.values():
            if ds.id == self.root:
                continue
            if ds.id in consent_sets:
                self.rows[ds.id] = self._consents(ds)
                continue
            n = round(self.users * ds.rows_per_user)
            link = ds.link_to(self.root)
            rows = []
            for i in range(n):
                row = {col: self.value(ds, col, i) for col in ds.columns}
                if link is not None:
                    owner = self.rng.choice(self.linked_roots) if self.linked_roots else 0
                    row[link.column] = self.rows[self.root][owner][root.key]
                    row["_owner"] = owner
                rows.append(row)
            self.rows[ds.id] = rows
        # links to a dataset other than the root (a chain such as guardians <- children <- positions): the values
        # are keys of the target, so that a clean estate passes its `references` checks
        for ds in self.datasets.values():
            for lk in ds.links:
                target, key = lk.target
                if target == self.root and ds.id != self.root or not self.rows.get(target):
                    continue
                keys = [r[key] for r in self.rows[target]]
                for i, row in enumerate(self.rows[ds.id]):
                    row[lk.column] = keys[i % len(keys)]
        for check in self.checks:
            self._make_clean(check)

    def _consents(self, ds: Any) -> list[dict[str, Any]]:
        """One consent per account and purpose, given before every event and never withdrawn."""
        checks = [c for c in self.checks if c.template in ("consent_covers", "flow_basis_allowed")
                  and c.parameters["consents"] == ds.id]
        p = checks[0].parameters
        purposes = list(ds.columns[p["consent_scope"]].values) or sorted(
            {c.parameters.get("value") or c.parameters.get("consent_value") for c in checks})
        root = self.datasets[self.root]
        rows: list[dict[str, Any]] = []
        self.granted: dict[tuple[int, str], dt.datetime] = {}
        for owner in self.linked_roots:
            for purpose in purposes:
                row = {col: self.value(ds, col, len(rows)) for col in ds.columns}
                at = self.days(620, 600)
                row.update({p["consent_user"]: self.rows[self.root][owner][root.key], p["consent_scope"]: purpose,
                            p["granted"]: at, p["withdrawn"]: None, "_owner": owner})
                self.granted[(owner, purpose)] = at
                rows.append(row)
        return rows

    def _make_clean(self, c: Any) -> None:
        p, rows, ds = c.parameters, self.rows[c.dataset], self.datasets[c.dataset]
        t = c.template
        for cond in c.scope:  # a column tested for blank is blank in clean rows (e.g. unbound_at)
            if cond.get("blank"):
                for row in rows:
                    row[cond["column"]] = None
        if t == "unique" and c.parameters["column"] != ds.key:
            for i, row in enumerate(rows):
                row[p["column"]] = f"{row[p['column']]}-{i}"
        elif t == "flag_true":
            for row in rows:
                row[p["column"]] = True
        elif t == "value_allowed":
            allowed = p["values"] if isinstance(p["values"], list) else ["repetitive"]
            for row in rows:
                row[p["column"]] = self.rng.choice(allowed) if self._in_scope(c, row) else None
        elif t == "min_age_at" and "." not in p["birth"]:
            for row in rows:
                row[p["at"]] = row[p["at"]] or self.days(700, 650)
                row[p["birth"]] = (row[p["at"]] - dt.timedelta(days=self.rng.randint(365 * 25, 365 * 70))).date()
        elif t == "erased_after":
            share = max(1, len(rows) // 20)
            for i, row in enumerate(rows):
                if i % 20 == 7 and i // 20 < share and i not in self.free_roots:
                    row[p["status"]] = p["status_value"]
                    row[p["at"]] = self.days(240, 200)
                    for f in p["fields"]:
                        row[f] = None
                else:
                    others = [v for v in ds.columns[p["status"]].values if v != p["status_value"]] or ["active"]
                    row[p["status"]] = self.rng.choice(others)
                    row[p["at"]] = None
        elif t == "answered_within":
            limit = self.number(p["days"])
            for row in rows:
                row[p["answered"]] = row[p["received"]] + dt.timedelta(seconds=self.rng.randint(0, (limit - 1) * 86400))
        elif t == "max_retention":
            limit = self.number(p["days"])
            for row in rows:
                row[p["at"]] = self.days(min(450, limit - 5), min(250, max(1, limit // 2)))
        elif t in ("recipient_declared", "groups_declared", "flow_basis_allowed"):
            self._clean_flows(c)

    def _clean_flows(self, c: Any) -> None:
        recips = {r.id: r for r in self.man.recipients}
        if not recips:
            return
        p, rows = c.parameters, self.rows[c.dataset]
        for row in rows:
            col = p.get("column") or p.get("recipient")
            if c.template == "flow_basis_allowed":
                allowed = p["allowed"]
                kinds = list(allowed)
                kind = row.get("_kind") or self.rng.choice(kinds)
                row[p["kind"]] = kind
                row[p["basis"]] = self.rng.choice(allowed[kind])
                continue
            if "_recipient" not in row:
                row["_recipient"] = self.rng.choice(sorted(recips))
            row[col] = row["_recipient"]
            if c.template == "groups_declared":
                groups = sorted(g.value if hasattr(g, "value") else str(g) for g in recips[row["_recipient"]].data_groups)
                row[p["groups"]] = p["separator"].join(self.rng.sample(groups, self.rng.randint(1, len(groups))))

    def _in_scope(self, c: Any, row: dict[str, Any]) -> bool:
        for cond in c.scope:
            op = next(k for k in cond if k != "column")
            v, want = row.get(cond["column"]), cond[op]
            ok = {"equals": v == want, "not_equals": v != want, "in": v in (want or []),
                  "blank": (v is None) == bool(want), "true": v is True, "not_true": v is not True}[op]
            if not ok:
                return False
        return True

    # ------------------------------------------------------------------ violations
    def pick(self, dataset: str, n: int, where: Any = None, erased: bool = False) -> list[int]:
        """`n` rows of `dataset` no other planting uses (and meeting `where`).

        Rows an erasure check judges (a deleted account) are left to that check's planting: a value written into
        them would also count as a personal field left.
        """
        rows = self.rows[dataset]
        ended = [(c.parameters["status"], c.parameters["status_value"]) for c in self.checks_on(dataset, "erased_after")]

        def judged_by_erasure(row: dict[str, Any]) -> bool:
            return any(row.get(col) == value for col, value in ended)

        free = [i for i in range(len(rows)) if i not in self.used[dataset] and (where is None or where(rows[i]))
                and (dataset != self.root or i not in self.free_roots)
                and (erased or not judged_by_erasure(rows[i]))]
        chosen = self.rng.sample(free, min(n, len(free)))
        self.used[dataset].update(chosen)
        return sorted(chosen)

    def plant(self) -> None:
        for c in self.checks:
            reason = self._plant(c)
            if reason:
                self.not_planted[c.id] = reason
                self.expected[c.id] = 0

    def _others_read(self, c: Any, dataset: str, column: str) -> list[str]:
        return [o.id for o in self.checks if o.id != c.id and column in o.reads.get(dataset, [])]

    def _plant(self, c: Any) -> str | None:
        p, t, n = c.parameters, c.template, PLANTED_PER_CHECK
        rows, ds = self.rows[c.dataset], self.datasets[c.dataset]
        def scope(r: dict[str, Any]) -> bool:
            return self._in_scope(c, r)

        if t == "unique":
            if p["column"] == ds.key and c.dataset == self.root:
                a, b = self.free_roots[:2]
                rows[b][p["column"]] = rows[a][p["column"]]
                self.expected[c.id] = 2
                return None
            chosen = self.pick(c.dataset, 2, scope)
            if len(chosen) < 2:
                return "not enough rows in scope"
            if self._others_read(c, c.dataset, p["column"]) and p["column"] == ds.key:
                return f"other checks read {p['column']}"
            rows[chosen[1]][p["column"]] = rows[chosen[0]][p["column"]]
            self.expected[c.id] = 2
            return None
        if t == "pattern":
            chosen = self.pick(c.dataset, n, scope)
            for i in chosen:
                rows[i][p["column"]] = f"not-valid-{i}"
            self.expected[c.id] = len(chosen)
            return None
        if t == "flag_true":
            chosen = self.pick(c.dataset, n)
            for k, i in enumerate(chosen):
                rows[i][p["column"]] = False if k % 2 else None
            self.expected[c.id] = len(chosen)
            return None
        if t == "value_allowed":
            chosen = self.pick(c.dataset, n, scope)
            for i in chosen:
                rows[i][p["column"]] = "not_a_listed_value"
            self.expected[c.id] = len(chosen)
            return None
        if t == "references":
            conflicts = [o.id for o in self.checks if o.dataset == c.dataset and o.template in ("consent_covers",
                                                                                                "flow_basis_allowed")]
            if conflicts:
                return f"a dangling {p['column']} would also fail {', '.join(conflicts)}"
            chosen = self.pick(c.dataset, n)
            for i in chosen:
                rows[i][p["column"]] = f"ZZ{i:07d}"
            self.expected[c.id] = len(chosen)
            return None
        if t == "min_age_at":
            if "." in p["birth"]:
                return "the birth date belongs to a linked dataset other checks read"
            chosen = self.pick(c.dataset, n, lambda r: scope(r) and r.get(p["at"]) is not None)
            minimum = self.number(p["min_age"])
            for i in chosen:
                at = rows[i][p["at"]].date()
                at = at.replace(day=28) if (at.month, at.day) == (2, 29) else at
                rows[i][p["birth"]] = at.replace(year=at.year - minimum + 1) - dt.timedelta(days=40)
            self.expected[c.id] = len(chosen)
            return None
        if t == "erased_after":
            chosen = self.pick(c.dataset, n, lambda r: r.get(p["status"]) == p["status_value"], erased=True)
            for i in chosen:
                rows[i][p["fields"][0]] = self.value(ds, p["fields"][0], 900000 + i)
            self.expected[c.id] = len(chosen)
            return None
        if t == "consent_covers":
            if any(o.template == "max_retention" and o.dataset == c.dataset for o in self.checks):
                return "moving the event before the consent would also break a retention limit"
            chosen = self.pick(c.dataset, n, lambda r: "_owner" in r)
            for i in chosen:
                rows[i][p["at"]] = self.granted[(rows[i]["_owner"], p["value"])] - dt.timedelta(days=1)
            self.expected[c.id] = len(chosen)
            return None
        if t == "not_after":
            if "." not in p["limit"]:
                return "the limit is a column of the same row"
            lds, lcol = p["limit"].split(".", 1)
            parents = self.rows[lds]

            def of_ended(r: dict[str, Any]) -> bool:
                return "_owner" in r and parents[r["_owner"]].get(lcol) is not None

            chosen = self.pick(c.dataset, n, of_ended)
            for i in chosen:
                rows[i][p["at"]] = parents[rows[i]["_owner"]][lcol] + dt.timedelta(days=1)
            self.expected[c.id] = len(chosen)
            return None if chosen else "no row of an ended parent"
        if t == "recipient_declared":
            chosen = self.pick(c.dataset, n)
            for k, i in enumerate(chosen):
                rows[i][p["column"]] = None if k == 0 else "undeclared_recipient"
            self.expected[c.id] = len(chosen)
            return None
        if t == "groups_declared":
            recips = {r.id: {str(getattr(g, "value", g)) for g in r.data_groups} for r in self.man.recipients}
            every = set(ds.columns[p["groups"]].values) | {g for gs in recips.values() for g in gs}

            def has_room(r: dict[str, Any]) -> bool:
                return r.get(p["recipient"]) in recips and bool(every - recips[r[p["recipient"]]])

            chosen = self.pick(c.dataset, n, has_room)
            for i in chosen:
                missing = sorted(every - recips[rows[i][p["recipient"]]])
                rows[i][p["groups"]] = f"{rows[i][p['groups']]}{p['separator']}{missing[0]}"
            self.expected[c.id] = len(chosen)
            return None if chosen else "every recipient is declared for every group"
        if t == "flow_basis_allowed":
            chosen = self.pick(c.dataset, n, lambda r: r.get(p["kind"]) in p["allowed"])
            for i in chosen:
                rows[i][p["basis"]] = "no_basis"
            self.expected[c.id] = len(chosen)
            return None
        if t == "answered_within":
            limit = self.number(p["days"])
            chosen = self.pick(c.dataset, n)
            for k, i in enumerate(chosen):
                rows[i][p["answered"]] = None if k == 0 else rows[i][p["received"]] + dt.timedelta(days=limit + 2)
            self.expected[c.id] = len(chosen)
            return None
        if t == "max_retention":
            limit = self.number(p["days"])
            chosen = self.pick(c.dataset, n)
            for i in chosen:
                rows[i][p["at"]] = self.ref - dt.timedelta(days=limit + 10)
            self.expected[c.id] = len(chosen)
            return None
        if t == "present":
            blank_fail = [o.id for col in p["columns"] for o in self.checks if o.id != c.id
                          and col in o.reads.get(c.dataset, []) and o.template != "erased_after"]
            if blank_fail:
                return f"blank {', '.join(p['columns'])} would be judged by {', '.join(sorted(set(blank_fail)))}"
            chosen = self.pick(c.dataset, n, scope)
            for i in chosen:
                for col in p["columns"]:
                    rows[i][col] = None
            self.expected[c.id] = len(chosen)
            return None
        return f"no planting for template {t}"

    # ------------------------------------------------------------------ output
    def write(self, out: Path) -> dict[str, int]:
        import csv
        import io

        counts = {}
        for ds in self.datasets.values():
            buf = io.StringIO()
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(list(ds.columns))
            for row in self.rows[ds.id]:
                writer.writerow([_cell(row.get(col)) for col in ds.columns])
            (out / f"{ds.id}.csv").write_text(buf.getvalue(), encoding="utf-8")
            counts[ds.id] = len(self.rows[ds.id])
        return counts


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return _ts(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def generate_declared(out_dir: str | Path, manifest: Any, users: int, seed: int, violations: bool = False,
                      reference_date: dt.date = dt.date(2026, 6, 30)) -> dict[str, int]:
    """Write a synthetic estate of `manifest`'s declared datasets into `out_dir`; the expected failed rows.

    `expected_violations.json` holds `failed_rows` (per check), `not_planted` (check -> why), `rows`, `users`,
    `seed`, `violations`, `reference_date` and `manifest`.
    """
    if not manifest.datasets:
        raise InputError(Problem(str(manifest.source), "the manifest declares no datasets (datasets: section)"))
    minimum = 4 * PLANTED_PER_CHECK * max(1, len(manifest.checks))
    if violations and users < minimum:
        raise InputError(Problem(str(out_dir), f"--violations needs at least {minimum} users for this manifest "
                                               f"(got {users})"))
    est = _Estate(manifest, users, seed, reference_date)
    est.build()
    if violations:
        est.plant()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rows = est.write(out)
    doc = {"kind": "pia.samples", "failed_rows": est.expected, "not_planted": est.not_planted,
           "reference_date": reference_date.isoformat(), "seed": seed, "users": users, "violations": violations,
           "rows": rows, "manifest": Path(manifest.source).name,
           "settings": {"minor_age": manifest.settings.highest_minor_age,
                        "erasure_grace_days": manifest.settings.erasure_grace_days,
                        "rights_response_days": manifest.settings.rights_response_days}}
    (out / EXPECTED_FILE).write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return dict(est.expected)
