"""A labelled corpus of synthetic table columns for measuring the personal-data detectors.

Deterministic for a seed; every value is made up here (example.com emails, checksum-valid but random
ID and card numbers, 555-style phones). Look-alikes are labelled with what they really are (or None).
Run as a script to write the corpus as CSV files: `python tests/corpus/build_corpus.py OUT_DIR`.
"""
from __future__ import annotations

import csv
import json
import random
import string
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROWS = 120
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@dataclass
class Column:
    """One labelled column: its name, the category it really holds (None: not personal) and its values."""

    name: str
    label: str | None
    values: list[str]
    kind: str  # what was generated, for reading failures


@dataclass
class Table:
    name: str
    columns: list[Column] = field(default_factory=list)


# --------------------------------------------------------------------------- value makers

def _luhn_complete(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for check in string.digits:
        digits = body + check
        total = 0
        for i, ch in enumerate(reversed(digits)):
            d = int(ch) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return digits
    raise AssertionError("unreachable")


def card(rng):
    prefix, length = rng.choice([("4", 16), ("51", 16), ("55", 16), ("62", 19), ("6011", 16), ("37", 15)])
    num = _luhn_complete(rng, prefix, length)
    return " ".join(num[i:i + 4] for i in range(0, len(num), 4)) if rng.random() < 0.3 else num


def cn_id(rng, valid=True):
    area = rng.choice(["110101", "310104", "440305", "510107", "330106"])
    birth = f"{rng.randint(1950, 2012)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body = area + birth + f"{rng.randint(0, 999):03d}"
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=False)) % 11]
    if not valid:
        check = rng.choice([c for c in "0123456789X" if c != check])
    return body + check


def email(rng):
    first = rng.choice(["ana", "li", "wei", "tom", "mia", "zhang.san", "j.doe", "omar", "yuki"])
    return f"{first}{rng.randint(1, 99999)}@{rng.choice(['example.com', 'example.net', 'example.org'])}"


def phone_e164(rng):
    return rng.choice(["+86138", "+86139", "+86150", "+1555", "+44770", "+49151"]) + "".join(
        rng.choice(string.digits) for _ in range(8))


def cn_mobile(rng):
    return "1" + rng.choice("3456789") + "".join(rng.choice(string.digits) for _ in range(9))


def national_phone(rng):
    return rng.choice(["010-", "021-", "(555) ", "0755-"]) + f"{rng.randint(100, 9999):04d}-{rng.randint(1000, 9999)}"


def ipv4(rng):
    return ".".join(str(rng.randint(1, 254)) for _ in range(4))


def ipv6(rng):
    return "2001:db8:" + ":".join(f"{rng.randint(0, 65535):x}" for _ in range(6))


def mac(rng):
    sep = rng.choice([":", "-"])
    return sep.join(f"{rng.randint(0, 255):02x}" for _ in range(6))


def serial(rng):
    alphabet = string.ascii_uppercase + string.digits
    return "ZS-" + "".join(rng.choice(alphabet) for _ in range(4)) + "-" + "".join(rng.choice(alphabet) for _ in range(4))


def bcrypt(rng):
    alphabet = "./" + string.ascii_letters + string.digits
    return f"$2b${rng.choice(['10', '12'])}$" + "".join(rng.choice(alphabet) for _ in range(53))


def argon2(rng):
    b64 = string.ascii_letters + string.digits + "+/"
    salt = "".join(rng.choice(b64) for _ in range(22))
    digest = "".join(rng.choice(b64) for _ in range(43))
    return f"$argon2id$v=19$m=65536,t=3,p=4${salt}${digest}"


def pbkdf2(rng):
    b64 = string.ascii_letters + string.digits
    return f"pbkdf2_sha256$600000${''.join(rng.choice(b64) for _ in range(22))}$" + "".join(
        rng.choice(b64) for _ in range(44))


def plain_password(rng):
    return rng.choice(["Summer", "dragon", "Qwerty", "letmein", "Pass"]) + str(rng.randint(1, 9999)) + rng.choice(["!", "", "#"])


def hexdigest(rng, n=64):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def code6(rng):
    return f"{rng.randint(0, 999999):06d}"


def birth_date(rng):
    return f"{rng.randint(1940, 2012)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def recent_date(rng):
    return f"{rng.randint(2024, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def timestamp(rng):
    return recent_date(rng) + f" {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def lat(rng, places=5):
    return f"{rng.uniform(18, 50):.{places}f}"


def lon(rng, places=5):
    return f"{rng.uniform(75, 130):.{places}f}"


def latlon(rng):
    return f"{lat(rng)},{lon(rng)}"


def ga_cookie(rng):
    return f"GA1.2.{rng.randint(10**8, 10**10)}.{rng.randint(1_600_000_000, 1_800_000_000)}"


def uuid(rng):
    h = hexdigest(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def snapshot_uri(rng):
    return rng.choice(["oss://zs-alerts/", "https://cdn.example.com/snap/", "s3://cam-bucket/alerts/"]) + \
        f"{rng.randint(1, 10**8)}.{rng.choice(['jpg', 'jpeg', 'png'])}"


def video_uri(rng):
    return rng.choice(["https://video.example.com/rec/", "oss://zs-video/"]) + f"{rng.randint(1, 10**8)}.mp4"


def person(rng):
    return rng.choice(["Ana Lopez", "Wei Zhang", "Tom Baker", "Mia Wong", "Omar Ali", "Yuki Sato", "Li Na",
                       "张伟", "王芳", "李娜"])


def username(rng):
    return rng.choice(["cat", "sky", "neo", "lucky", "panda"]) + "_" + str(rng.randint(1, 99999))


def user_id(rng):
    return f"U{rng.randint(1, 9999999):07d}"


def device_id(rng):
    return f"D{rng.randint(1, 99999999):08d}"


_VERSIONS = ["1.0.0.12", "1.2.3.4", "2.0.1.7", "2.1.0.15", "3.4.2.1", "3.10.0.2", "4.0.0.1", "1.9.8.3"]


def version(rng):
    """Versions as a log holds them: a handful of releases, repeated."""
    return rng.choice(_VERSIONS)


def sku(rng):
    return rng.choice(["ZS-C1-1080P", "ZS-C2-4K", "ZS-NVR-8CH", "ZS-DOOR-2K", "ZS-PT-3MP"])


def product_image(rng):
    return f"https://shop.example.com/img/{rng.choice(['c1', 'c2', 'nvr', 'door'])}.png"


def amount(rng):
    return f"{rng.randint(10, 2000)}.{rng.randint(0, 99):02d}"


def parcel(rng):
    return "".join(rng.choice(string.digits) for _ in range(16))


def mobile_like_random(rng):
    return cn_mobile(rng)


def address(rng):
    return f"{rng.randint(1, 300)} {rng.choice(['Nanjing Rd', 'High St', 'Main St', '人民路'])}, Apt {rng.randint(1, 40)}"


# --------------------------------------------------------------------------- the corpus

# (label, generator, names to draw from). Names mix English, pinyin, Chinese and neutral ones.
POSITIVES: list[tuple[str, Callable, list[str]]] = [
    ("user.contact.email", email, ["email", "contact_email", "youxiang", "邮箱", "EmailAddress", "c7", "login"]),
    ("user.contact.phone_number", phone_e164, ["phone", "mobile_no", "手机号", "tel", "col_b"]),
    ("user.contact.phone_number", cn_mobile, ["shouji", "shoujihao", "联系电话", "msisdn", "x2"]),
    ("user.contact.phone_number", national_phone, ["telephone", "dianhua", "work_phone"]),
    ("user.device.ip_address", ipv4, ["client_ip", "login_ip", "ip", "remote_addr", "src"]),
    ("user.device.ip_address", ipv6, ["ipv6", "remote_ip", "addr6"]),
    ("user.device.mac_address", mac, ["mac", "wifi_mac", "MacAddress", "hw"]),
    ("user.device.camera.serial_number", serial, ["serial_number", "sn", "序列号", "deviceSn", "xuliehao"]),
    ("user.authorization.credentials", bcrypt, ["password_hash", "pwd", "mima", "h1", "secret_value"]),
    ("user.authorization.credentials", argon2, ["password", "passwd", "密码", "credential"]),
    ("user.authorization.credentials", pbkdf2, ["pass_hash", "pw_hash", "k"]),
    ("user.authorization.credentials", plain_password, ["password", "pwd", "mima", "登录密码"]),
    ("user.device.camera.verification_code", bcrypt, ["verification_code_hash", "bind_code"]),
    ("user.device.camera.verification_code", code6, ["yanzhengma", "verification_code", "设备验证码"]),
    ("user.financial.account_number", card, ["card_number", "银行卡号", "pan", "cc_number", "acct"]),
    ("user.government_id.national_identification_number", cn_id,
     ["id_card", "身份证号", "sfzh", "shenfenzheng", "zjhm"]),
    ("user.demographic.date_of_birth", birth_date, ["birth_date", "dob", "shengri", "出生日期", "bd", "Birthday"]),
    ("user.location.precise", latlon, ["location", "坐标", "gps", "pos"]),
    ("user.location.precise", lat, ["lat", "latitude", "weidu"]),
    ("user.location.precise", lon, ["lng", "longitude", "jingdu"]),
    ("user.device.cookie_id", ga_cookie, ["_ga", "cookie", "ga_cookie", "cv"]),
    ("user.device.cookie_id", uuid, ["cookie_id", "visitor_id"]),
    ("user.device.advertising_id", uuid, ["idfa", "oaid", "gaid", "advertising_id"]),
    ("user.content.camera_snapshot", snapshot_uri, ["snapshot_url", "storage_uri", "抓拍图片", "image_path", "obj"]),
    ("user.content.video_recording", video_uri, ["video_url", "recording", "clip", "录像", "blob_ref"]),
    ("user.name", person, ["full_name", "xingming", "姓名", "recipient_name", "name", "contact_name"]),
    ("user.account.username", username, ["username", "nickname", "昵称", "login_name"]),
    ("user.id", user_id, ["user_id", "uid", "yonghu_id", "customerId"]),
    ("user.device.device_id", device_id, ["device_id", "did", "camera_id"]),
    ("user.contact.address.street", address, ["address", "shipping_address", "收货地址", "dizhi"]),
]

# Look-alikes: values that match a personal-data pattern, under what they really are.
DECOYS: list[tuple[str | None, str, Callable, list[str]]] = [
    ("user.order.record", "order numbers shaped like phones", "seq_mobile", ["order_no", "order_id", "dingdan_hao"]),
    (None, "sequential phone-shaped numbers", "seq_mobile", ["ref", "invoice_number", "seq"]),
    (None, "random phone-shaped tracking numbers", mobile_like_random, ["tracking_no", "waybill_tracking"]),
    (None, "software versions shaped like IPv4", version, ["app_version", "fw", "firmware_version", "v", "build"]),
    (None, "sha256 of files", hexdigest, ["file_sha256", "checksum", "etag", "content_hash", "hash"]),
    (None, "event timestamps", timestamp, ["created_at", "updated_at", "password_changed_at", "ts", "captured_at"]),
    (None, "recent event dates", recent_date, ["ordered_on", "ship_date", "d", "expiry"]),
    (None, "product SKUs", sku, ["sku", "product_code", "model", "sn"]),
    (None, "product images", product_image, ["product_image", "banner", "logo_url"]),
    (None, "product names", lambda r: r.choice(["ZS Cam Pro", "Cloud Plan", "NVR 8"]), ["product_name", "item_name"]),
    (None, "amounts", amount, ["amount", "price", "total"]),
    (None, "parcel numbers (16 digits, not Luhn)", parcel, ["parcel_no", "shipment"]),
    (None, "18-digit codes with bad ID checksums", lambda r: cn_id(r, valid=False), ["batch_code", "lot"]),
    (None, "UUIDs of requests", uuid, ["request_uuid", "trace_id"]),
    (None, "constant sender address", lambda r: "noreply@example.com", ["sender", "from_address"]),
    (None, "operating systems", lambda r: r.choice(["android", "ios"]), ["mobile_os", "os"]),
    (None, "status words", lambda r: r.choice(["paid", "shipped", "refunded"]), ["status", "state"]),
    (None, "temperatures", lambda r: f"{r.uniform(-10, 40):.1f}", ["temperature", "temp_c"]),
    ("user.location.imprecise", "city-level coordinates", lambda r: lat(r, 2), ["lat", "latitude"]),
]


def email_mixed_case(rng):
    return email(rng).replace("example", "Example").upper() if rng.random() < 0.5 else email(rng)


def phone_spaced(rng):
    m = cn_mobile(rng)
    return f"+86 {m[:3]} {m[3:7]} {m[7:]}"


def mac_upper(rng):
    return mac(rng).upper()


def slash_birth_date(rng):
    return birth_date(rng).replace("-", "/")


# Written after the detectors were tuned on the lists above, and kept as first measured: a check on
# over-fitting (names and formats the detectors were not written against).
HELD_OUT: list[tuple[str | None, Callable, list[str]]] = [
    ("user.contact.email", email_mixed_case, ["cust_email", "emailAddr", "E-Mail", "电子邮件"]),
    ("user.contact.phone_number", phone_spaced, ["mobilePhone", "contact_number", "tel_no", "phone1"]),
    ("user.device.ip_address", ipv4, ["host_ip", "ipAddr", "client_address"]),
    ("user.device.mac_address", mac_upper, ["device_mac", "mac_addr"]),
    ("user.financial.account_number", card, ["credit_card", "card_no"]),
    ("user.demographic.date_of_birth", slash_birth_date, ["date_of_birth", "birthdate"]),
    ("user.name", lambda r: r.choice(["Ana", "Wei", "Tom", "Mia", "Omar"]), ["first_name", "surname"]),
    ("user.location.precise", lat, ["gps_lat"]),
    ("user.location.precise", lon, ["gps_lng"]),
    ("user.content.camera_snapshot", snapshot_uri, ["alarm_image", "photo"]),
    ("user.id", user_id, ["member_id", "account_id"]),
    ("user.contact.address.postal_code", lambda r: f"{r.randint(100000, 850000)}", ["zip", "postcode"]),
    ("user.behavior.email_engagement", lambda r: r.choice(["true", "false"]), ["email_opened", "mail_clicked"]),
    (None, lambda r: r.choice(["true", "false"]), ["phone_verified"]),
    (None, lambda r: str(r.randint(0, 40)), ["ip_count", "image_width"]),
    (None, version, ["ver"]),
    (None, lambda r: hexdigest(r, 32), ["md5"]),
    (None, recent_date, ["created_date"]),
]


def _values(rng: random.Random, gen: Callable | str, blanks: float) -> list[str]:
    if gen == "seq_mobile":
        start = rng.choice([13800000000, 15000000000, 18600000000]) + rng.randint(0, 10**6)
        step = rng.randint(1, 7)
        vals = [str(start + i * step) for i in range(ROWS)]
    else:
        vals = [gen(rng) for _ in range(ROWS)]
    return ["" if rng.random() < blanks else v for v in vals]


def build_corpus(seed: int = 20260630) -> list[Table]:
    """Tables of labelled columns: every positive name once, every decoy name once, spread over tables."""
    rng = random.Random(seed)
    columns: list[Column] = []
    for label, gen, names in POSITIVES:
        for name in names:
            values = _values(rng, gen, rng.choice([0.0, 0.05, 0.3]))
            columns.append(Column(name, label, values, getattr(gen, "__name__", str(gen))))
    for label, what, gen, names in DECOYS:
        for name in names:
            columns.append(Column(name, label, _values(rng, gen, rng.choice([0.0, 0.1])), what))
    for label, gen, names in HELD_OUT:
        for name in names:
            columns.append(Column(name, label, _values(rng, gen, rng.choice([0.0, 0.1])), "held-out"))
    rng.shuffle(columns)
    tables: list[Table] = []
    table_names = ["events", "logs", "t_export", "accounts_raw", "shop", "records"]
    for i in range(0, len(columns), 9):
        t = Table(f"{table_names[(i // 9) % len(table_names)]}_{i // 9:02d}")
        used: set[str] = set()
        for col in columns[i:i + 9]:
            if col.name in used:  # same name twice in one table: keep the column, rename its twin
                col.name = f"{col.name}_{len(used)}"
            used.add(col.name)
            t.columns.append(col)
        tables.append(t)
    return tables


def write_corpus(out_dir: str | Path, seed: int = 20260630) -> dict[str, dict[str, str | None]]:
    """Write each table as `<name>.csv` in `out_dir`; return the labels {table: {column: category}}."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    labels: dict[str, dict[str, str | None]] = {}
    for t in build_corpus(seed):
        with open(out / f"{t.name}.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([c.name for c in t.columns])
            for r in range(ROWS):
                w.writerow([c.values[r] for c in t.columns])
        labels[t.name] = {c.name: c.label for c in t.columns}
    return labels


if __name__ == "__main__":  # pragma: no cover
    print(json.dumps(write_corpus(sys.argv[1]), indent=2, sort_keys=True, ensure_ascii=False))
