"""Detectors of personal data in table columns: the detector catalogue and the judgement on a column.

Detectors are data (`DETECTORS`, with value tests from `pia.discovery.value_patterns`); `classify_column` is the pure
judgement that turns a column's name and a profile of its sampled values into a category, a confidence and evidence.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from pia.discovery.value_patterns import (
    IPV4_RE,
    VALUE_PATTERNS,
    decimals,
    is_digest,
    is_password_hash,
    parse_date,
)

# --------------------------------------------------------------------------- column names


def normalise_name(name: str) -> str:
    """`userPhoneNo`, `User Phone-No` -> `user_phone_no`; CJK characters are kept as they are."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", str(name))
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", text)
    text = re.sub(r"[^0-9a-zA-Z\u3400-\u9fff]+", "_", text).strip("_").lower()
    return text


def words(*alternatives: str) -> str:
    """A regex matching any of the alternatives as whole `_`-separated tokens of a normalised name."""
    return r"(?:^|_)(?:" + "|".join(alternatives) + r")(?:_|$)"


# Tokens that make a name about something other than a person (versions, checksums, catalogue data).
_NOT_PERSONAL = words("version", "ver", "firmware", "fw", "build", "release", "sdk", "checksum", "etag", "crc",
                      "sha1", "sha256", "md5", "digest", "file_hash", "content_hash", "sku", "model",
                      "template_id", "product", "catalog", "count", "total", "num_\\w+")


@dataclass(frozen=True)
class Detector:
    """One kind of personal data: the names that announce it and the value patterns that confirm it.

    `names`: regexes searched in the normalised column name. `tables`: if set, a name match counts only
    in tables whose normalised name matches. `veto`: names that rule the detector out even when values
    match. `confirm`: value patterns that confirm it. `value_only`: values alone may classify a column
    (only for patterns specific enough: an email address, a checksum-valid ID number, a password hash).
    """

    id: str
    category: str
    description: str
    names: tuple[str, ...] = ()
    tables: str | None = None
    veto: tuple[str, ...] = ()
    veto_tables: str | None = None
    confirm: tuple[str, ...] = ()
    value_only: tuple[str, ...] = ()
    secret: bool = False

    def name_matches(self, norm: str, table: str) -> bool:
        """Whether the normalised column name `norm` (in `table`) matches this detector's names."""
        if not any(re.search(p, norm) for p in self.names):
            return False
        if self.tables and not re.search(self.tables, table):
            return False
        return not self.vetoed(norm, table)

    def vetoed(self, norm: str, table: str) -> bool:
        """Whether a look-alike rule rules this detector out for the column."""
        if any(re.search(p, norm) for p in self.veto):
            return True
        return bool(self.veto_tables and re.search(self.veto_tables, table))


_HASHED = words("hash", "hashed", "sha1", "sha256", "sha512", "md5", "digest")

# Order matters: the first detector whose name matches wins among name matches (specific before generic).
DETECTORS: tuple[Detector, ...] = (
    Detector("hashed_identifier", "user.id.pseudonymous", "hash of an email or phone number (pseudonymous id)",
             names=(r"(?:^|_)(email|mail|phone|mobile|msisdn)_(hash|hashed|sha1|sha256|md5|digest)(?:_|$)",
                    r"(?:^|_)(hashed|sha256|md5)_(email|mail|phone|mobile)(?:_|$)"),
             confirm=("digest",)),
    Detector("verification_code", "user.device.camera.verification_code",
             "device verification or binding code (a secret)",
             names=(words("verification_code", "verify_code", "verif_code", "binding_code", "bind_code",
                          "device_code", "activation_code", "yanzhengma", "verification_code_hash"),
                    r"验证码|绑定码"),
             confirm=("password_hash", "digest", "short_code"), secret=True),
    Detector("credentials", "user.authorization.credentials", "password or password hash (a secret)",
             names=(words("password", "passwd", "pwd", "pass_hash", "passhash", "password_hash", "pw_hash",
                          "mima", "passcode", "pin_hash"), r"密码|口令"),
             veto=(words("password_changed", "password_updated", "password_reset_at", "password_expires",
                         "password_policy", "last_password_change", "changed_at", "updated_at", "reset_at",
                         "expires_at", "expiry", "policy"),),
             confirm=("password_hash", "digest"), value_only=("password_hash",), secret=True),
    Detector("national_id", "user.government_id.national_identification_number", "Chinese resident ID number",
             names=(words("id_card", "idcard", "id_card_no", "id_number", "national_id", "shenfenzheng", "sfz",
                          "sfzh", "resident_id", "citizen_id", "nric", "ssn"), r"身份证"),
             confirm=("cn_id",), value_only=("cn_id",)),
    Detector("passport", "user.government_id.passport_number", "passport number",
             names=(words("passport", "passport_no", "passport_number", "huzhao"), r"护照")),
    Detector("payment_card", "user.financial.account_number", "payment card number",
             names=(words("card_no", "card_number", "cardnumber", "card_num", "pan", "cc_number", "credit_card",
                          "bank_card", "yinhangka", "kahao"), r"银行卡|卡号"),
             veto=(words("masked", "last4", "last_four", "bin", "card_type", "card_brand", "brand"),),
             confirm=("card",), value_only=("card",)),
    Detector("bank_account", "user.financial.bank_account", "bank account number",
             names=(words("iban", "bank_account", "account_no_bank", "bank_acct", "yinhang_zhanghao"), r"银行账号")),
    Detector("payment", "user.payment", "payment transaction reference",
             names=(words("payment_id", "payment_ref", "payment_reference", "transaction_id", "txn_id",
                          "trade_no", "pay_id", "zhifu_liushui"), r"支付流水|交易号")),
    Detector("email_engagement", "user.behavior.email_engagement", "email opens and link clicks",
             names=(r"(?:^|_)(email|mail)_(open|opened|opens|click|clicked|clicks)(?:_|$)",
                    words("opened_at", "clicked_at", "link_clicked", "open_count", "click_count"))),
    Detector("pixel_event", "user.device.pixel_event", "web beacon or pixel-tag event",
             names=(words("pixel", "pixel_event", "beacon", "web_beacon"),)),
    Detector("email", "user.contact.email", "email address",
             names=(words("email", "e_mail", "mail", "email_address", "mail_address", "youxiang"), r"邮箱|电子邮件"),
             veto=(words("sender", "from_address", "noreply", "mail_server", "smtp"),),
             confirm=("email",), value_only=("email",)),
    Detector("phone", "user.contact.phone_number", "phone number",
             names=(words("phone", "phone_no", "phone_number", "mobile", "mobile_no", "tel", "telephone",
                          "cellphone", "cell", "msisdn", "shouji", "shoujihao", "dianhua", "lianxi_dianhua"),
                    r"手机|电话|联系方式"),
             veto=(words("order", "order_no", "order_id", "order_number", "invoice", "tracking", "ref",
                         "reference", "seq", "sequence", "os", "app", "brand", "model", "version",
                         "verified", "is_verified", "country_code"),),
             confirm=("phone",), value_only=("phone",)),
    Detector("ip_address", "user.device.ip_address", "IP address",
             names=(words("ip", "ip_address", "ip_addr", "ipaddr", "client_ip", "remote_addr", "remote_ip",
                          "login_ip", "source_ip", "src_ip", "ipv4", "ipv6"), r"IP地址"),
             veto=(_NOT_PERSONAL,),
             confirm=("ip",), value_only=("ip",)),
    Detector("mac_address", "user.device.mac_address", "MAC address",
             names=(words("mac", "mac_address", "mac_addr", "wifi_mac", "bssid", "macaddress"), r"MAC地址"),
             confirm=("mac",), value_only=("mac",)),
    Detector("advertising_id", "user.device.advertising_id", "advertising identifier (IDFA, GAID, OAID)",
             names=(words("idfa", "gaid", "oaid", "aaid", "adid", "ad_id", "advertising_id", "ifa",
                          "android_ad_id"),),
             confirm=("uuid",)),
    Detector("cookie_id", "user.device.cookie_id", "cookie identifier",
             names=(words("cookie", "cookie_id", "ga", "ga_cookie", "client_cookie", "visitor_id",
                          "cookie_value", "tracking_cookie"),),
             veto=(words("cookie_pref", "cookie_prefs", "cookie_consent", "cookie_banner"),),
             confirm=("cookie", "uuid"), value_only=("cookie",)),
    Detector("camera_serial", "user.device.camera.serial_number", "camera serial number",
             names=(words("serial", "serial_no", "serial_number", "sn", "device_sn", "camera_sn", "xuliehao",
                          "serialnumber"), r"序列号"),
             veto=(words("sku", "product", "model", "part_no", "batch", "lot"),),
             confirm=("serial",)),
    Detector("device_id", "user.device.device_id", "device identifier",
             names=(words("device_id", "deviceid", "camera_id", "device_uid", "did", "imei", "shebei_id",
                          "udid", "android_id", "idfv"), r"设备ID|设备编号"),
             veto=(words("template_id", "model_id"),)),
    Detector("precise_location", "user.location.precise", "precise coordinates",
             names=(words("lat", "latitude", "lng", "lon", "long", "longitude", "geo", "gps", "coordinates",
                          "latlng", "lat_lng", "latlon", "location", "weidu", "jingdu", "zuobiao", "weizhi"),
                    r"纬度|经度|坐标|位置"),
             veto=(words("location_id", "location_name", "storage_location", "locations", "longest",
                         "long_description"),),
             confirm=("latlon_pair",), value_only=("latlon_pair",)),
    Detector("face", "user.biometric.facial_template", "face template or features",
             names=(words("face_template", "face_feature", "face_features", "face_embedding", "face_vector",
                          "face_id", "renlian", "faceprint"), r"人脸")),
    Detector("video", "user.content.video_recording", "video recording",
             names=(words("video", "video_url", "video_uri", "recording", "clip", "clip_url", "luxiang",
                          "playback"), r"录像|视频"),
             veto=(words("product", "catalog", "tutorial", "promo"),),
             confirm=("video_uri", "media_uri"), value_only=("video_uri",)),
    Detector("self_image", "user.content.self_image", "profile photo",
             names=(words("avatar", "profile_photo", "profile_picture", "headshot", "touxiang"), r"头像")),
    Detector("camera_snapshot", "user.content.camera_snapshot", "camera snapshot (image)",
             names=(words("snapshot", "snapshot_url", "snapshot_uri", "storage_uri", "image_url", "image_uri",
                          "image_path", "photo", "picture", "capture_url", "alarm_image", "alert_image",
                          "zhuapai", "jietu"), r"抓拍|截图|图片"),
             veto=(words("product", "catalog", "banner", "logo", "icon", "sku", "promo", "snapshot_id", "photo_id",
                         "image_id", "id", "count", "snapshot_count"),),
             veto_tables=words("products", "product", "catalog", "catalogue", "items", "skus", "banners"),
             confirm=("media_uri",), value_only=("media_uri",)),
    Detector("date_of_birth", "user.demographic.date_of_birth", "date of birth",
             names=(words("birth_date", "birthdate", "date_of_birth", "dob", "birthday", "born", "born_on",
                          "shengri", "chusheng_riqi", "birth"), r"出生|生日"),
             confirm=("date",)),
    Detector("person_name", "user.name", "person name",
             names=(words("name", "full_name", "fullname", "first_name", "firstname", "last_name", "lastname",
                          "given_name", "family_name", "surname", "real_name", "realname", "xingming",
                          "contact_name", "recipient_name", "consignee", "customer_name", "shouhuoren",
                          "lianxiren"), r"姓名|收货人|联系人"),
             veto=(words("user_name", "username", "product_name", "file_name", "filename", "device_name",
                         "host_name", "hostname", "table_name", "company_name", "bucket_name", "brand_name",
                         "app_name", "model_name", "sku_name", "item_name", "display_name_product",
                         "scope_name", "event_name", "column_name", "plan_name", "camera_name", "name_id",
                         "login_name", "nick_name", "screen_name", "domain_name", "brand"),),
             veto_tables=words("products", "product", "catalog", "catalogue", "items", "skus", "files",
                               "assets", "devices", "cameras", "plans", "recipients", "companies"),
             ),
    Detector("username", "user.account.username", "account username or nickname",
             names=(words("username", "user_name", "login", "login_name", "nickname", "nick_name", "screen_name",
                          "handle", "yonghuming", "nicheng"), r"用户名|昵称"),
             veto=(words("login_at", "last_login", "login_time", "login_ip", "login_count"),)),
    Detector("street_address", "user.contact.address.street", "postal address",
             names=(words("address", "street", "addr", "address_line", "address1", "address2",
                          "shipping_address", "delivery_address", "dizhi", "shouhuo_dizhi"), r"地址"),
             veto=(words("ip", "ip_address", "mac", "mac_address", "email", "email_address", "mail_address",
                         "remote_addr", "ip_addr", "mac_addr", "wallet_address", "from_address", "sender_address",
                         "server_address", "bind_address"),)),
    Detector("city", "user.contact.address.city", "city",
             names=(words("city", "town", "chengshi"), r"城市")),
    Detector("postal_code", "user.contact.address.postal_code", "postal code",
             names=(words("zip", "zipcode", "zip_code", "postcode", "postal_code", "youbian"), r"邮编")),
    Detector("country", "user.contact.address.country", "country",
             names=(words("country", "country_code", "nation", "guojia"), r"国家"),
             tables=words("users", "user", "accounts", "account", "customers", "customer", "members", "member",
                          "profiles", "profile", "addresses", "address")),
    Detector("gender", "user.demographic.gender", "gender",
             names=(words("gender", "sex", "xingbie"), r"性别")),
    Detector("account_status", "user.account.status", "account status and lifecycle dates",
             names=(words("account_status", "registered_at", "registration_date", "registration_time",
                          "signup_at", "signed_up_at", "signup_date", "cancelled_at", "canceled_at",
                          "deactivated_at", "closed_at", "last_login", "last_login_at", "zhuce_shijian"),
                    r"注册时间|注销时间",
                    # a bare `status` only speaks of the account in a table of accounts
                    r"^(status|state)$"),
             tables=None),
    Detector("consent", "user.authorization.consent", "consent record",
             names=(words("consent", "consents", "consent_id", "guardian_consent", "consent_scope",
                          "parental_consent", "opt_in", "tongyi", "shouquan"), r"同意|授权"),
             veto=(words("cookie_consent_banner",),)),
    Detector("order_record", "user.order.record", "order record",
             names=(words("order_id", "order_no", "order_number", "order_ref", "orderid", "dingdan",
                          "dingdan_hao"), r"订单")),
    Detector("rights_request", "user.support", "rights request or support case",
             names=(words("request_id", "ticket_id", "case_id", "dsar_id"),),
             tables=words("rights", "rights_requests", "requests", "dsar", "privacy_requests", "support",
                          "tickets", "subject_requests", r"\w*requests")),
    Detector("user_id", "user.id", "user identifier",
             names=(words("user_id", "userid", "uid", "customer_id", "member_id", "account_id", "client_id",
                          "yonghu_id", "subscriber_id", "owner_id"), r"用户ID|用户编号|会员号")),
)

DETECTORS_BY_ID: dict[str, Detector] = {d.id: d for d in DETECTORS}
ACCOUNT_TABLES = words("users", "user", "accounts", "account", "customers", "customer", "members", "member",
                       "profiles")

# --------------------------------------------------------------------------- column profiles and judgement


@dataclass
class ColumnProfile:
    """What the sample tells about one column: counts and its distinct non-blank values with their counts.

    It holds values in memory only while a table is classified; findings carry only shares and counts.
    """

    non_blank: int
    distinct: int
    values: Mapping[str, int] = field(default_factory=dict)  # distinct value -> rows (capped)
    binary_media: int = 0  # BLOB cells holding image bytes

    def share(self, test: Callable[[str], bool]) -> float:
        """The share of sampled non-blank values for which `test` holds."""
        total = sum(self.values.values())
        if not total:
            return 0.0
        return sum(n for v, n in self.values.items() if test(v)) / total


_ACCOUNT_STATES = {"active", "inactive", "cancelled", "canceled", "closed", "deleted", "disabled", "locked",
                   "suspended", "pending", "banned", "frozen", "deactivated", "registered", "verified", "unverified"}


def _is_account_state(v: str) -> bool:
    return v.lower() in _ACCOUNT_STATES


@dataclass
class Judgement:
    """The verdict on one column (pure data, no values)."""

    category: str | None
    confidence: float
    detector: str | None
    evidence: list[str]
    value_share: float | None = None
    stored_form: str | None = None


VALUE_THRESHOLD = 0.8  # share of sampled values that must match for a verdict from values alone
CONFIRM_THRESHOLD = 0.3  # share that confirms what the name says


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def _is_sequence(profile: ColumnProfile) -> bool:
    """Numbers that climb in small steps (order or invoice numbers), not phone numbers spread at random."""
    nums = sorted(int(v) for v in profile.values if v.isdigit() and len(v) < 19)
    if len(nums) < 20:
        return False
    gaps = [b - a for a, b in pairwise(nums)]
    gaps.sort()
    return gaps[len(gaps) // 2] <= 1000 and (nums[-1] - nums[0]) <= 1000 * len(nums)


def _looks_like_versions(profile: ColumnProfile) -> bool:
    """Dotted quads whose parts are all small and few distinct values: software versions, not IP addresses."""
    quads = [v for v in profile.values if IPV4_RE.match(v)]
    if not quads:
        return False
    small = sum(1 for v in quads if all(int(g) < 50 for g in v.split(".")[:3]))
    return small / len(quads) >= 0.9 and profile.distinct <= max(20, profile.non_blank // 20)


def _birth_years_plausible(profile: ColumnProfile) -> bool:
    """Dates spread over decades and well in the past: births, not events of a service's life."""
    years = sorted(d[0] for d in (parse_date(v) for v in profile.values) if d)
    if len(years) < 10:
        return False
    span = years[int(len(years) * 0.9)] - years[int(len(years) * 0.1)]
    return span >= 15 and years[len(years) // 2] <= years[-1] - 15


_EVENT_DATE = words("created", "created_at", "updated", "updated_at", "ordered_at", "at", "time", "timestamp",
                    "date", "day", "expires", "expiry", "valid_until", "due", "shipped", "paid", "modified")


def _plain_secret(profile: ColumnProfile) -> tuple[str, float]:
    """How secrets in a column are stored: share of recognised one-way hashes and of bare digests."""
    hashed = profile.share(is_password_hash)
    digest = profile.share(is_digest)
    if hashed >= 0.999:
        return "one_way_hash", 1.0 - hashed
    if hashed + digest >= 0.999:
        return "digest", 1.0 - hashed
    return "plaintext", 1.0 - hashed - digest


def classify_column(name: str, table: str, profile: ColumnProfile) -> Judgement:
    """Decide the taxonomy category of one column from its name, its table's name and its value profile.

    Returns a `Judgement` whose evidence names patterns, shares and counts only.
    """
    norm, tnorm = normalise_name(name), normalise_name(table)
    evidence: list[str] = []
    if profile.binary_media:
        return Judgement("user.content.camera_snapshot", 0.8, "camera_snapshot",
                         [f"values: {profile.binary_media} binary cells hold image data"])
    shares = {pid: profile.share(p.test) for pid, p in VALUE_PATTERNS.items()} if profile.values else {}

    name_hit = next((d for d in DETECTORS if d.name_matches(norm, tnorm)), None)
    if name_hit is not None and name_hit.id == "account_status" and re.match(r"^(status|state)$", norm) \
            and not (re.search(ACCOUNT_TABLES, tnorm) and profile.share(_is_account_state) >= 0.5):
        name_hit = None  # a bare status speaks of the account only in a table of accounts, in its words

    # Values alone: only patterns specific enough, and only where no decoy rule explains them.
    value_hit: tuple[Detector, str, float] | None = None
    for d in DETECTORS:
        for pid in d.value_only:
            share = shares.get(pid, 0.0)
            if share < VALUE_THRESHOLD:
                continue
            reason = (f"the name {norm!r} rules out {d.description}" if d.vetoed(norm, tnorm)
                      else _decoy_reason(d, pid, norm, profile))
            if reason:
                evidence.append(f"decoy: {reason}; {_pct(share)} of values look like {VALUE_PATTERNS[pid].description} "
                                "but are not taken as such")
                continue
            if value_hit is None or share > value_hit[2]:
                value_hit = (d, pid, share)

    sample_note = f"{profile.non_blank} non-blank sampled"

    if name_hit is not None:
        conf_share = max((shares.get(p, 0.0) for p in name_hit.confirm), default=None) if profile.values else None
        # A strong, specific value pattern of another kind beats a name (a `user_id` that holds emails).
        if (value_hit and value_hit[0].category != name_hit.category and value_hit[2] >= 0.9
                and (conf_share is None or conf_share < CONFIRM_THRESHOLD) and not name_hit.secret):
            d, pid, share = value_hit
            evidence.insert(0, f"name: {name!r} suggests {name_hit.description}, but the values say otherwise")
            evidence.append(f"values: {_pct(share)} match {VALUE_PATTERNS[pid].description} ({sample_note})")
            return Judgement(d.category, round(0.6 + 0.35 * share, 2), d.id, evidence, round(share, 4))
        evidence.insert(0, f"name: {name!r} matches {name_hit.description}")
        stored = None
        if name_hit.id == "camera_serial" and profile.values and profile.non_blank >= 20 \
                and profile.distinct / profile.non_blank < 0.2:
            evidence.append(f"decoy: {profile.distinct} distinct values in {profile.non_blank}: a product code "
                            "repeats, a serial number does not")
            return Judgement(None, 0.7, None, evidence)
        if name_hit.id == "date_of_birth" and profile.values and shares.get("datetime", 0) >= VALUE_THRESHOLD:
            evidence.append(f"values: {_pct(shares['datetime'])} carry a time of day: event timestamps, not births")
            return Judgement(None, 0.6, None, evidence)
        if name_hit.id == "precise_location" and profile.values and shares.get("latlon_pair", 0) < CONFIRM_THRESHOLD:
            return _location_by_decimals(name, profile, evidence)
        if name_hit.secret and profile.values:
            stored, plain = _plain_secret(profile)
            evidence.append(f"stored form: {stored} ({_pct(1 - plain)} recognised one-way hashes or digests, "
                            f"{sample_note})")
        if conf_share is None:
            conf = 0.6 if profile.non_blank else 0.5
            if profile.non_blank == 0:
                evidence.append("values: none non-blank in the sample")
            return Judgement(name_hit.category, conf, name_hit.id, evidence, None, stored)
        if name_hit.secret:
            return Judgement(name_hit.category, 0.9, name_hit.id, evidence, round(conf_share, 4), stored)
        if conf_share >= CONFIRM_THRESHOLD:
            evidence.append(f"values: {_pct(conf_share)} match "
                            f"{' or '.join(VALUE_PATTERNS[p].description for p in name_hit.confirm)} ({sample_note})")
            return Judgement(name_hit.category, round(min(0.99, 0.75 + 0.25 * conf_share), 2), name_hit.id,
                             evidence, round(conf_share, 4))
        evidence.append(f"values: only {_pct(conf_share)} match the expected pattern (masked, encoded or "
                        f"free text?) ({sample_note})")
        return Judgement(name_hit.category, 0.5, name_hit.id, evidence, round(conf_share, 4))

    if value_hit is not None:
        d, pid, share = value_hit
        evidence.append(f"values: {_pct(share)} match {VALUE_PATTERNS[pid].description} ({sample_note})")
        stored = "one_way_hash" if pid == "password_hash" else None
        if d.id == "camera_snapshot" and shares.get("video_uri", 0) >= VALUE_THRESHOLD:
            d = DETECTORS_BY_ID["video"]
        return Judgement(d.category, round(0.5 + 0.45 * share, 2), d.id, evidence, round(share, 4), stored)

    # Dates of birth by values: date-only values spread over decades, under a name that is not an event's.
    if shares.get("date", 0) >= VALUE_THRESHOLD and not re.search(_EVENT_DATE, norm) and _birth_years_plausible(profile):
        evidence.append(f"values: {_pct(shares['date'])} are dates without time spread over decades ({sample_note})")
        return Judgement("user.demographic.date_of_birth", 0.7, "date_of_birth", evidence, round(shares["date"], 4))
    return Judgement(None, 0.9 if not evidence else 0.8, None, evidence)


def _location_by_decimals(name: str, profile: ColumnProfile, evidence: list[str]) -> Judgement:
    """A latitude or longitude in its own column: precise with 3 or more decimals (about 100 m), else imprecise."""
    places = sorted(p for p in (decimals(v) for v in profile.values) if p is not None)
    numeric = sum(n for v, n in profile.values.items() if decimals(v) is not None) / max(1, sum(profile.values.values()))
    if numeric >= VALUE_THRESHOLD and places:
        median = places[len(places) // 2]
        if median >= 3:
            evidence.append(f"values: {_pct(numeric)} are coordinates with a median of {median} decimals (precise)")
            return Judgement("user.location.precise", 0.9, "precise_location", evidence, round(numeric, 4))
        evidence.append(f"values: coordinates with a median of {median} decimals (city level)")
        return Judgement("user.location.imprecise", 0.7, "precise_location", evidence, round(numeric, 4))
    evidence.append("values: not coordinates; taken as a place description (imprecise location)")
    return Judgement("user.location.imprecise", 0.5, "precise_location", evidence, round(numeric, 4))


def _decoy_reason(d: Detector, pid: str, norm: str, profile: ColumnProfile) -> str | None:
    """Why values that match a pattern are nevertheless not that kind of personal data (None: they are)."""
    if re.search(_NOT_PERSONAL, norm):
        return f"the name {norm!r} speaks of a version, checksum or catalogue item"
    if pid in ("phone", "ip", "email", "mac", "card") and profile.non_blank >= 20 and profile.distinct <= 2:
        return f"only {profile.distinct} distinct values in {profile.non_blank}: a constant, not people's data"
    if pid == "phone" and _is_sequence(profile):
        return "the numbers climb in small steps like order or invoice numbers"
    if pid == "ip" and _looks_like_versions(profile):
        return "dotted numbers with small parts and few distinct values, like software versions"
    return None
