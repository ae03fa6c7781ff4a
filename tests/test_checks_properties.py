"""Invariants: GX's counts equal a plain-Python reading of the issue's rules, for arbitrary rows."""
from __future__ import annotations

import datetime as dt
import functools
import re

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pia.validation.checks import CHECKS_BY_ID, E164_RE, EMAIL_RE
from pia.validation.frames import FrameSettings, PandasFrames
from pia.validation.gx_engine import GxEngine

AS_OF = dt.date(2026, 6, 30)
SLA_DAYS = 30


@functools.lru_cache(maxsize=1)
def engine() -> GxEngine:
    return GxEngine({"minor_age": 18, "rights_response_days": SLA_DAYS, "recipients": []})


def _count(check_id: str, tables: dict[str, pd.DataFrame]) -> int:
    check = CHECKS_BY_ID[check_id]
    frame = PandasFrames(tables, FrameSettings(as_of=AS_OF, rights_response_days=SLA_DAYS)).frame(check)
    return engine().run(check, frame).failed_rows


_text = st.one_of(st.none(), st.text(alphabet="ab@. +0123456789\t", max_size=12),
                  st.sampled_from(["a@b.cd", "+8613800138000", "+1234567", "x@y", "@a.b"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_text, _text), min_size=1, max_size=12))
def test_format_checks_count_non_blank_values_that_do_not_match(rows):
    users = pd.DataFrame({"email": pd.Series([r[0] for r in rows], dtype="str"),
                          "phone": pd.Series([r[1] for r in rows], dtype="str")})
    users = users.replace("", None)  # blank means missing
    expect_email = sum(1 for v in users["email"].dropna() if not re.search(EMAIL_RE, v))
    expect_phone = sum(1 for v in users["phone"].dropna() if not re.search(E164_RE, v))
    assert _count("users.email_format", {"users": users}) == expect_email
    assert _count("users.phone_format", {"users": users}) == expect_phone


_instant = st.integers(min_value=0, max_value=90 * 86400)  # seconds after 2026-04-01


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_instant, st.one_of(st.none(), st.integers(0, 40 * 86400))), min_size=1, max_size=10))
def test_response_sla_counts_answers_later_than_the_deadline(rows):
    start = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    as_of = dt.datetime.combine(AS_OF, dt.time(), dt.UTC)
    received = [start + dt.timedelta(seconds=r) for r, _ in rows]
    responded = [None if d is None else rec + dt.timedelta(seconds=d) for rec, (_, d) in zip(received, rows, strict=False)]
    limit = dt.timedelta(days=SLA_DAYS)
    expected = sum(1 for rec, resp in zip(received, responded, strict=False) if ((resp or as_of) - rec) > limit)
    table = pd.DataFrame({"received_at": pd.Series(received, dtype="datetime64[us, UTC]"),
                          "responded_at": pd.Series(responded, dtype="datetime64[us, UTC]")})
    assert _count("rights.response_sla", {"rights_requests": table}) == expected
