"""Baseline for the engine benchmarks: the 20 reference checks as hand-written SQL, one COUNT query each.

Counts the rows that fail each check, the way an engineer would write it for PostgreSQL or Spark SQL (same
semantics as the kit's templates, so the benchmark can assert equal counts). Run as a process:

    python benchmarks/baseline_sql.py postgresql DSN [--as-of D]
    python benchmarks/baseline_sql.py spark DIR [--master local[2]] [--as-of D]

and prints a JSON object check id -> failed rows.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
E164 = r"^\+[1-9]\d{6,14}$"
HASH = (r"^(?:\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}|\$argon2(?:id|i|d)\$\S+|\$scrypt\$\S+"
        r"|pbkdf2_sha(?:256|512)\$\S+)$")
REASONS = None  # filled from the kit's manifest model (the allowed grounds of refusal)


def _lit(text: str, spark: bool) -> str:
    text = text.replace("'", "''")
    return "'" + (text.replace("\\", "\\\\") if spark else text) + "'"


def queries(spark: bool, as_of: dt.date, minor_age: int, grace: int, sla: int,
            recipients: dict[str, list[str]], reasons: list[str]) -> dict[str, str]:
    """check id -> a query returning one row, one column: the number of failing rows."""
    def rx(col: str, pattern: str) -> str:
        return f"{col} RLIKE {_lit(pattern, spark)}" if spark else f"{col} ~ {_lit(pattern, spark)}"

    def ts(d: dt.date) -> str:
        return f"TIMESTAMP '{d.isoformat()} 00:00:00'" if spark else f"TIMESTAMPTZ '{d.isoformat()} 00:00:00+00'"

    def secs(col: str) -> str:
        return f"(unix_micros({col}) / 1000000.0)" if spark else f"EXTRACT(EPOCH FROM {col})"

    def age(birth: str, at: str) -> str:
        return (f"(EXTRACT(year FROM {at}) - EXTRACT(year FROM {birth}) - CASE WHEN EXTRACT(month FROM {at}) * 100 "
                f"+ EXTRACT(day FROM {at}) < EXTRACT(month FROM {birth}) * 100 + EXTRACT(day FROM {birth}) "
                f"THEN 1 ELSE 0 END)")

    def n(cond: str, table: str) -> str:
        # in WHERE, so that EXISTS becomes a (hash) anti-join rather than a subquery per row
        return f"SELECT COUNT(*) FROM {table} WHERE {cond}"

    def dup(col: str, table: str, where: str = "TRUE") -> str:
        return (f"SELECT COALESCE(SUM(c), 0) FROM (SELECT COUNT(*) AS c FROM {table} WHERE {where} AND {col} IS NOT "
                f"NULL GROUP BY {col} HAVING COUNT(*) > 1) d")

    first_users = ("(SELECT user_id, cancelled_at, birth_date FROM (SELECT user_id, cancelled_at, birth_date, "
                   "ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY _row) AS k FROM users WHERE user_id IS NOT NULL) "
                   "f WHERE k = 1)")
    birth = "CAST(birth_date AS TIMESTAMP)" if spark else "CAST(birth_date AS TIMESTAMPTZ)"
    u_birth = birth.replace("birth_date", "u.birth_date")
    in_list = ", ".join(_lit(r, spark) for r in sorted(recipients))
    pairs = " OR ".join(f"(s.recipient = {_lit(r, spark)} AND TRIM(g) IN ({', '.join(_lit(x, spark) for x in gs)}))"
                        for r, gs in sorted(recipients.items()) if gs) or "FALSE"
    allowed = {"share": ["consent", "authority_request", "service_agreement", "legal_claim"],
               "transfer": ["consent", "merger"], "disclosure": ["consent", "authority_request"]}
    flows = ", ".join(_lit(f"{k}:{b}", spark) for k, bs in allowed.items() for b in bs)
    flow = "CONCAT(COALESCE(kind, ''), ':', COALESCE(legal_basis, ''))"
    cover = ("EXISTS (SELECT 1 FROM consents c WHERE c.user_id = {t}.user_id AND c.scope = '{scope}' AND "
             "c.granted_at <= {t}.{at} AND (c.withdrawn_at IS NULL OR c.withdrawn_at > {t}.{at}))")
    if spark:
        undeclared = f"EXISTS(SPLIT(s.data_categories, ';'), g -> TRIM(g) <> '' AND NOT ({pairs}))"
    else:
        undeclared = (f"EXISTS (SELECT 1 FROM UNNEST(STRING_TO_ARRAY(s.data_categories, ';')) AS g "
                      f"WHERE TRIM(g) <> '' AND NOT ({pairs}))")
    return {
        "users.unique_id": f"SELECT ({n('user_id IS NULL', 'users')}) + ({dup('user_id', 'users')})",
        "users.contact_present": n("status = 'active' AND email IS NULL AND phone IS NULL", "users"),
        "users.email_format": n(f"email IS NOT NULL AND NOT ({rx('email', EMAIL)})", "users"),
        "users.phone_format": n(f"phone IS NOT NULL AND NOT ({rx('phone', E164)})", "users"),
        "users.password_hashed": n("status = 'active' AND (password_hash IS NULL OR NOT "
                                   f"({rx('password_hash', HASH)}))", "users"),
        "users.minor_guardian_consent": n(f"NOT COALESCE(guardian_consent, FALSE) AND {age(birth, 'registered_at')} "
                                          f"< {minor_age}", "users"),
        "users.cancelled_erased": n(f"status = 'cancelled' AND cancelled_at < {ts(as_of - dt.timedelta(days=grace))} "
                                    "AND (username IS NOT NULL OR email IS NOT NULL OR phone IS NOT NULL OR "
                                    "birth_date IS NOT NULL OR password_hash IS NOT NULL)", "users"),
        "devices.owner_exists": n("NOT EXISTS (SELECT 1 FROM users u WHERE u.user_id = d.user_id)", "devices d"),
        "devices.code_hashed": n(f"verification_code_hash IS NULL OR NOT ({rx('verification_code_hash', HASH)})",
                                 "devices"),
        "devices.serial_unique": dup("serial_number", "devices", "unbound_at IS NULL"),
        "orders.owner_exists": n("NOT EXISTS (SELECT 1 FROM users u WHERE u.user_id = o.user_id)", "orders o"),
        "snapshots.alerts_consented": n("NOT " + cover.format(t="s", scope="alerts", at="captured_at"),
                                        "alert_snapshots s"),
        "snapshots.encrypted": n("NOT COALESCE(encrypted, FALSE)", "alert_snapshots"),
        "snapshots.after_cancellation": n("u.cancelled_at IS NOT NULL AND s.captured_at > u.cancelled_at",
                                          f"alert_snapshots s JOIN {first_users} u ON u.user_id = s.user_id"),
        "sharing.recipient_declared": n(f"recipient IS NULL OR recipient NOT IN ({in_list})", "data_sharing"),
        # two disjoint counts, so that NOT EXISTS stands at the top of a WHERE (an anti-join); under an OR it
        # would be a subquery per row (a seq scan of consents for each row: hours at 1M users)
        "sharing.lawful_basis": (
            f"SELECT ({n(f'{flow} NOT IN ({flows})', 'data_sharing')}) + ("
            + n(f"{flow} IN ({flows}) AND legal_basis = 'consent' "
                "AND kind IN ('share', 'transfer', 'disclosure') AND NOT "
                + cover.format(t="s", scope="share_partners", at="shared_at"), "data_sharing s") + ")"),
        "sharing.categories_declared": n(f"s.recipient IN ({in_list}) AND {undeclared}", "data_sharing s"),
        "rights.response_sla": n(f"({secs(f'COALESCE(responded_at, {ts(as_of)})')} - {secs('received_at')}) / 86400.0 "
                                 f"> {sla}", "rights_requests"),
        "rights.rejection_reason_allowed": n(
            f"status = 'rejected' AND (rejection_reason IS NULL OR rejection_reason NOT IN "
            f"({', '.join(_lit(r, spark) for r in reasons)}))", "rights_requests"),
        "consents.minor_guardian": n(f"(c.granted_by IS NULL OR c.granted_by <> 'guardian') AND "
                                     f"{age(u_birth, 'c.granted_at')} < {minor_age}",
                                     f"consents c JOIN {first_users} u ON u.user_id = c.user_id"),
    }


def _reference() -> tuple[dict[str, list[str]], list[str], dict[str, int]]:
    from pia.declare.manifest import RejectionReason, load_manifest

    man = load_manifest()
    recipients = {r.id: sorted(g.value for g in r.data_groups) for r in man.recipients}
    settings = {"minor_age": man.settings.minor_age, "grace": man.settings.erasure_grace_days,
                "sla": man.settings.rights_response_days}
    return recipients, [r.value for r in RejectionReason], settings


def main(argv: list[str] | None = None) -> int:
    """Run the 20 counts and print them as JSON."""
    ap = argparse.ArgumentParser()
    ap.add_argument("engine", choices=["postgresql", "spark"])
    ap.add_argument("where", help="libpq DSN, or a directory of CSV files for Spark")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--as-of", default="2026-06-30")
    args = ap.parse_args(argv)
    recipients, reasons, s = _reference()
    spark = args.engine == "spark"
    qs = queries(spark, dt.date.fromisoformat(args.as_of), s["minor_age"], s["grace"], s["sla"], recipients, reasons)
    counts: dict[str, int] = {}
    if spark:
        session = _spark(args.master, Path(args.where))
        for cid, q in qs.items():
            counts[cid] = int(session.sql(q).collect()[0][0])
        session.stop()
    else:
        import psycopg2

        conn = psycopg2.connect(args.where)
        with conn.cursor() as cur:
            cur.execute("SET TIME ZONE 'UTC'")
            for cid, q in qs.items():
                cur.execute(q)
                counts[cid] = int(cur.fetchone()[0])
        conn.close()
    print(json.dumps(counts, sort_keys=True))
    return 0


def _spark(master: str, directory: Path):
    """A session with each CSV of `directory` as a view, typed, with `_row` in file order (JVM-side)."""
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F  # noqa: N812

    from pia.validation.contract import DATASETS

    session = (SparkSession.builder.master(master).appName("baseline sql")
               .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "8").config("spark.driver.memory", "2g").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    for name, spec in DATASETS.items():
        path = directory / f"{name}.csv"
        raw = session.read.option("header", True).csv(str(path))
        cols = []
        for col in raw.columns:
            kind = spec.columns.get(col)
            c = F.when(F.col(col) == "", None).otherwise(F.col(col))
            if kind is not None and kind.value == "datetime":
                c = F.to_timestamp(c)
            elif kind is not None and kind.value == "date":
                c = F.to_date(c)
            elif kind is not None and kind.value == "boolean":
                c = F.when(F.lower(c) == "true", True).when(F.lower(c) == "false", False)
            cols.append(c.alias(col))
        frame = raw.select(*cols)
        if name == "users":  # the first row of a repeated user id is the one a lookup takes
            frame = frame.withColumn("_row", F.monotonically_increasing_id())
        frame.createOrReplaceTempView(name)
    return session


if __name__ == "__main__":
    raise SystemExit(main())
