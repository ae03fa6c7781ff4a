"""Failure classes seen on the eleventh held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data); names and tables are generic where the class allows, not the corpus's
own columns (no Xiaomi, EZVIZ, SuiteCRM, Gadgetbridge, Garmin, Amplitude or JD Finance tables).
"""

from __future__ import annotations

import random

from pia.discovery.detectors import ColumnProfile, classify_column
from tests.column_profiles import profile

RNG = random.Random(11)


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


# --------------------------------------------------------------------------- fixed-point coordinates


def test_whole_number_coordinates_beyond_180_degrees_are_fixed_point_and_precise():
    # a scale with no suffix in the name (degrees x 1,000,000 or x 3,000,000): whole numbers far beyond 180
    lat = profile([str(round((48.1 + RNG.uniform(-0.2, 0.2)) * 1_000_000)) for _ in range(120)])
    lon = profile([str(round((11.5 + RNG.uniform(-0.2, 0.2)) * 3_000_000)) for _ in range(120)])
    assert cat("start_lat", "rides", lat) == "user.location.precise"
    assert cat("origin_longitude", "trips", lon) == "user.location.precise"
    # look-alikes: whole degrees are a city at most; small codes beyond 180 are not coordinates scaled by 10^4+
    assert cat("start_lat", "rides", profile([str(RNG.randint(-60, 70)) for _ in range(120)])) != "user.location.precise"
    assert cat("lat", "grid", profile([str(RNG.randint(200, 900)) for _ in range(120)])) != "user.location.precise"
