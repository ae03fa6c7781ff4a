"""Failure classes seen on the twelfth held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data); names and tables are generic where the class allows, not the corpus's
own columns (no Jellyfin, PhotoPrism, Authelia, Cloudflare, Snipe-IT, CloudTrail or 12306 tables).
"""

from __future__ import annotations

import random
import string

from pia.discovery.detectors import ColumnProfile, classify_column
from tests.column_profiles import profile

RNG = random.Random(12)


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def _ips(n: int = 120) -> ColumnProfile:
    return profile([f"{RNG.randint(11, 220)}.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}.{RNG.randint(1, 254)}"
                    for _ in range(n)])


def _uids(n: int = 120) -> ColumnProfile:
    alphabet = string.ascii_lowercase + string.digits
    return profile(["".join(RNG.choice(alphabet) for _ in range(16)) for _ in range(n)])


# --------------------------------------------------------------------------- the serving side's IP address


def test_ip_of_the_serving_side_is_not_the_visitors():
    ips = _ips()
    for name in ("upstream_ip", "backend_ip", "edge_server_ip", "OriginAddr"):
        assert cat(name, "proxy_access", ips) is None, name
    # look-alikes: the visitor's address under the same kind of table stays an IP address
    for name in ("client_ip", "remote_addr", "visitor_ip"):
        assert cat(name, "proxy_access", ips) == "user.device.ip_address", name


# --------------------------------------------------------------------------- uids and titles of things


def test_uid_qualified_by_a_thing_keys_the_thing_not_a_person():
    uids = _uids()
    for name in ("album_uid", "file_uid", "image_uid", "document_uid"):
        assert cat(name, "library_items", uids) is None, name
    # look-alikes: a uid of a person (bare, or qualified by a person word) stays a person's id
    assert cat("uid", "library_items", uids) == "user.id"
    assert cat("owner_uid", "library_items", uids) == "user.id"


def test_title_or_caption_of_a_picture_is_not_the_picture():
    titles = profile([RNG.choice(["Sunset", "Beach day", "Old bridge", "Morning fog", "Harbour"]) + f" {i}"
                      for i in range(120)])
    for name in ("image_title", "picture_caption", "snapshot_description"):
        assert cat(name, "gallery", titles) != "user.content.camera_snapshot", name
    # look-alike: the picture itself, kept as a path to an image file, stays a snapshot
    paths = profile([f"/media/2024/{RNG.randint(1, 12):02d}/IMG_{RNG.randint(1000, 9999)}.jpg" for _ in range(120)])
    assert cat("snapshot", "gallery", paths) == "user.content.camera_snapshot"


# --------------------------------------------------------------------------- face embeddings, principal ARNs, S2 cells


def _vectors(n: int = 60, size: int = 128, nested: bool = False) -> ColumnProfile:
    rows = []
    for _ in range(n):
        body = "[" + ",".join(f"{RNG.uniform(-0.2, 0.2):.5f}" for _ in range(size)) + "]"
        rows.append(f"[{body}]" if nested else body)
    return profile(rows)


def test_embedding_vector_under_a_face_or_embedding_name_is_a_facial_template():
    assert cat("embedding", "face_regions", _vectors()) == "user.biometric.facial_template"
    assert cat("face_encodings", "people_seen", _vectors(nested=True)) == "user.biometric.facial_template"
    # look-alikes: an embedding of text or of catalogue items is nobody's face; short lists of numbers are no vector
    assert cat("text_embedding", "passages", _vectors()) is None
    assert cat("embedding", "products", _vectors()) is None
    assert cat("embedding", "face_regions", profile([f"[{RNG.random():.3f}, {RNG.random():.3f}]" for _ in range(60)])) \
        != "user.biometric.facial_template"


def test_principal_arn_carries_the_user_name():
    arns = profile([RNG.choice([f"arn:aws:iam::{RNG.randint(10**11, 10**12 - 1)}:user/person{i}",
                                f"arn:aws:sts::{RNG.randint(10**11, 10**12 - 1)}:assumed-role/Ops/p{i}"])
                    for i in range(120)])
    assert cat("caller_arn", "audit_events", arns) == "user.account.username"
    # look-alike: an ARN of a resource (a bucket, a queue) names no person
    buckets = profile([f"arn:aws:s3:::bucket-{i}" for i in range(120)])
    assert cat("resource_arn", "audit_events", buckets) is None


def test_s2_cell_token_of_a_fine_level_is_a_precise_position():
    cells = profile(["zz" if RNG.random() < 0.4 else "s2:" + "".join(RNG.choice("0123456789abcdef") for _ in range(12))
                     for _ in range(120)])
    assert cat("cell_id", "pictures", cells) == "user.location.precise"
    assert cat("s2_token", "pictures", cells) == "user.location.precise"
    # look-alike: a coarse cell (a few hex digits: hundreds of kilometres) is no precise position
    coarse = profile(["s2:" + "".join(RNG.choice("0123456789abcdef") for _ in range(4)) for _ in range(120)])
    assert cat("s2_token", "pictures", coarse) != "user.location.precise"


# --------------------------------------------------------------------------- IPs quoted in log text, 2FA opt-ins


def test_short_log_message_quoting_an_ip_holds_the_ip_address():
    msgs = profile([f"Login from {RNG.randint(11, 220)}.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}.{RNG.randint(1, 254)} "
                    f"succeeded" for _ in range(120)])
    assert cat("summary", "audit_trail", msgs) == "user.device.ip_address"
    # look-alikes: messages with version numbers (three parts) or no address at all are no IP address
    versions = profile([f"Plugin updated to {RNG.randint(1, 9)}.{RNG.randint(0, 20)}.{RNG.randint(0, 99)}"
                        for _ in range(120)])
    assert cat("summary", "audit_trail", versions) is None
    assert cat("summary", "audit_trail", profile([f"Job {i} finished" for i in range(120)])) is None


def test_opting_in_to_two_factor_sign_in_is_no_consent():
    flags = profile([RNG.choice(["0", "1"]) for _ in range(120)])
    for name in ("mfa_opt_in", "totp_optin", "2fa_opted_in"):
        assert cat(name, "accounts", flags) != "user.authorization.consent", name
    # look-alike: opting in to marketing stays a consent record
    assert cat("marketing_opt_in", "accounts", flags) == "user.authorization.consent"


# --------------------------------------------------------------------------- a link's token under a code's name


def test_long_random_activation_code_is_a_token_not_a_typed_code():
    alphabet = string.ascii_letters + string.digits
    long_codes = profile(["".join(RNG.choice(alphabet) for _ in range(40)) for _ in range(60)])
    assert cat("activation_code", "members", long_codes) == "user.authorization.credentials.token"
    # look-alike: a short code typed from a label stays a device verification code
    short = profile(["".join(RNG.choice(string.ascii_uppercase) for _ in range(6)) for _ in range(60)])
    assert cat("verification_code", "cameras", short) == "user.device.camera.verification_code"
