"""Value patterns of personal data: validators (Luhn, resident-ID checksum, hash shapes) and regexes.

Each test takes one string and says whether it has the pattern; `VALUE_PATTERNS` names them for evidence.
"""
from __future__ import annotations

import base64
import binascii
import ipaddress
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pia.discovery.vocabulary import has_account_digits, is_domain_name, is_encrypted_envelope, is_vin

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_CN_ID_RE = re.compile(r"^\d{6}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]$")


def luhn_ok(digits: str) -> bool:
    """True if the digit string passes the Luhn (mod 10) check of ISO/IEC 7812-1."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def cn_resident_id_ok(value: str) -> bool:
    """True for an 18-character Chinese resident ID whose check character is right (GB 11643-1999, ISO 7064 MOD 11-2)."""
    if not _CN_ID_RE.match(value):
        return False
    total = sum(int(c) * w for c, w in zip(value[:17], _ID_WEIGHTS, strict=False))
    return _ID_CHECK[total % 11] == value[17].upper()


_SSN_RE = re.compile(r"^(\d{3})-(\d{2})-(\d{4})$")
_SIN_RE = re.compile(r"^(\d{3})[ -]?(\d{3})[ -]?(\d{3})$")


def us_ssn_ok(value: str) -> bool:
    """A US social security number as written (AAA-GG-SSSS) in an issuable range.

    The SSA issues no 000, 666 or 9xx area, no 00 group and no 0000 serial.
    """
    m = _SSN_RE.match(value)
    if not m:
        return False
    area, group, serial = m.groups()
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def ca_sin_ok(value: str) -> bool:
    """A Canadian social insurance number: nine digits (grouped 3-3-3 or not), not starting with 0 or 8, Luhn-valid."""
    m = _SIN_RE.match(value)
    if not m:
        return False
    digits = "".join(m.groups())
    return digits[0] not in "08" and luhn_ok(digits)


_CARD_RE = re.compile(r"^\d{4}([ -]?\d{2,6}){2,4}$")
_CARD_IIN = re.compile(r"^(4|5[1-5]|2[2-7]|3[47]|6011|65|62|35|30|36|38)")


def payment_card_ok(value: str) -> bool:
    """A payment card number: 13 to 19 digits (groups allowed), a known issuer prefix, and the Luhn check."""
    if not _CARD_RE.match(value):
        return False
    digits = value.replace(" ", "").replace("-", "")
    if len(digits) == 15 and not digits.startswith(("34", "37")):
        return False  # 15-digit cards are American Express; other 15-digit Luhn numbers are IMEIs and the like
    return 13 <= len(digits) <= 19 and bool(_CARD_IIN.match(digits)) and luhn_ok(digits)


# (holdout14 classes) A card's magnetic stripe as a reader types it (ISO/IEC 7813): track 2 `;PAN=YYMM...?`,
# track 1 `%B<PAN>^NAME^YYMM...?`; the PAN must be a card number.
_TRACK2_RE = re.compile(r"^;?(\d{12,19})=\d{4}\d*\??$")
_TRACK1_RE = re.compile(r"^%?B(\d{12,19})\^[^^]{2,26}\^\d{4}[^?]*\??$")


def is_card_track(value: str) -> bool:
    """A card's magnetic-stripe track data (track 1 or 2) whose account number is a valid card number."""
    m = _TRACK2_RE.match(value) or _TRACK1_RE.match(value)
    return bool(m) and payment_card_ok(m.group(1))


# A cheque's MICR line typed as text (ANSI X9.13 E-13B): the transit symbol (written ⑆, T or A) around a 9-digit
# routing number, the account number ended by the on-us symbol (⑈, U, O or C) and the cheque number, in either order.
_MICR_RE = re.compile(r"(?:^|\s)[⑆TA]\s?(\d{9})\s?[⑆TA]\s?[\d\s-]{4,20}[⑈UOC]")


def aba_routing_ok(digits: str) -> bool:
    """The ABA routing number checksum: 3, 7 and 1 times the digits in turn sum to a multiple of 10."""
    return len(digits) == 9 and digits.isdigit() and sum(int(d) * w for d, w in zip(digits, (3, 7, 1) * 3, strict=True)) % 10 == 0


def is_micr_line(value: str) -> bool:
    """A cheque's MICR line: a checksum-valid routing number between transit symbols, then an account number."""
    if len(value) > 60:
        return False
    m = _MICR_RE.search(value)
    return bool(m) and aba_routing_ok(m.group(1))


_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_E164_RE = re.compile(r"^\+[1-9]\d{6,14}$")
_CN_MOBILE_RE = re.compile(r"^(\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}$")
_NATIONAL_PHONE_RE = re.compile(r"^(\+\d{1,3}[ -]?)?\(?\d{2,4}\)?[- .]\d{3,4}[- .]\d{3,4}$")
IPV4_RE = re.compile(r"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$")
_MAC_RE = re.compile(r"^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$|^[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}$")
_HASH_RE = re.compile(
    r"^(\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}"          # bcrypt
    r"|\$argon2(id|i|d)\$\S+"                        # argon2
    r"|\$scrypt\$\S+|\$7\$\S+"                       # scrypt
    r"|pbkdf2_sha(256|512)\$\d+\$\S+|\$pbkdf2(-sha(256|512))?\$\d+\$\S+"  # pbkdf2 (Django, passlib)
    r"|\$[56]\$(rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}"  # sha-crypt
    r"|\$[PH]\$[./0-9A-Za-z]{31}"                    # phpass (WordPress, phpBB)
    r"|\$S\$[./0-9A-Za-z]{52}"                       # Drupal 7+ (salted sha512)
    r"|[0-9a-f]{64}:[0-9A-Za-z]{32}:\d(_\d+)*)$"      # Magento 2 (hash:salt:version)
)
PASSWORD_HASH_RE = _HASH_RE  # public: the scan counts unhashed secret rows with it in one vectorised pass
_DIGEST_RE = re.compile(r"^([0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128})$")
_DATE_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$|^(\d{4})(\d{2})(\d{2})$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_LATLON_PAIR_RE = re.compile(r"^\(?\s*(-?\d{1,2}\.\d+)\s*[,;]\s*(-?\d{1,3}\.\d+)\s*\)?$")
_DECIMAL_RE = re.compile(r"^-?\d{1,3}\.(\d+)$")
_MEDIA_EXT_RE = re.compile(r"\.(jpe?g|png|webp|heic|bmp|gif|mp4|h264|h265|mkv|avi|mov|ts|m3u8|flv|m4s|m4v|webm|3gp)(\?.*)?$",
                           re.IGNORECASE)
# Video files and the segments of fragmented or streamed recordings (`.m4s` of DASH/HLS-fMP4, `.ts` of HLS).
_VIDEO_EXT_RE = re.compile(r"\.(mp4|h264|h265|mkv|avi|mov|ts|m3u8|flv|m4s|m4v|webm|3gp)(\?.*)?$", re.IGNORECASE)
_URI_RE = re.compile(r"^([a-z][a-z0-9+.-]*://|/)\S+$", re.IGNORECASE)
_GA_COOKIE_RE = re.compile(r"^GA\d\.\d\.\d{5,12}\.\d{9,11}$")
_UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_SERIAL_RE = re.compile(r"^(?=.*[A-Z])(?=.*(\d|[-_]))[A-Z0-9]{2,}([-_][A-Z0-9]{2,})*$")
_CODE_RE = re.compile(r"^\d{4,8}$")
_UA_RE = re.compile(r"^(Mozilla/\d|Dalvik/\d|Opera/\d|okhttp/\d|curl/\d|python-requests/|Wget/"
                    r"|\S+/[\w.]+ (\(|CFNetwork/))")
_URL_CREDENTIALS_RE = re.compile(r"^[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@[^/\s@]+", re.IGNORECASE)
_IMAGE_B64_RE = re.compile(r"^(data:image/[a-z+.-]+;base64,)?(/9j/|iVBORw0KGgo|R0lGOD|UklGR|Qk)"
                           r"[A-Za-z0-9+/]{60,}={0,2}$")
_REQUEST_LINE_RE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+ HTTP/\d(\.\d)?$")
_URL_RE = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$", re.IGNORECASE)
_ORDER_REF_RE = re.compile(r"^#\d{3,12}$")
_PAYMENT_REF_RE = re.compile(r"^(ch|py|pi|pm|card|src|tok|txn|seti)_[0-9A-Za-z]{14,40}$")
_CUSTOMER_REF_RE = re.compile(r"^cus_[0-9A-Za-z]{8,30}$")
_GA_CLIENT_ID_RE = re.compile(r"^\d{6,11}\.\d{10}$")
_LOCALE_RE = re.compile(r"^[a-z]{2,3}([-_][A-Za-z]{2,4})?([,;][a-z]{2,3}([-_][A-Za-z]{2,4})?)*(;q=0\.\d)?$",
                        re.IGNORECASE)
_IMEI_RE = re.compile(r"^\d{15}$")
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_\-+/=.$:]{16,}$")
_BOOL = {"0", "1", "true", "false", "yes", "no", "y", "n", "t", "f", "on", "off", "是", "否"}  # 是/否: yes/no in Chinese


def is_email(v: str) -> bool:
    """Whether `v` is shaped like an email address."""
    return len(v) <= 254 and bool(_EMAIL_RE.match(v))


# A Chinese landline: a trunk `0` and a 2- or 3-digit area code (010, 021, 0755), a separator, 7 or 8 digits and an
# optional extension. The separator is required: a bare run of digits starting with 0 is as often a card or code.
_CN_LANDLINE_RE = re.compile(r"^(\(0\d{2,3}\)|0\d{2,3})[- ]?(?<=[- )])\d{7,8}(-\d{1,5})?$")


def is_phone(v: str) -> bool:
    """E.164, a Chinese mobile or landline number (with area code) or a national number with separators."""
    return bool(_E164_RE.match(v) or _CN_MOBILE_RE.match(v) or _NATIONAL_PHONE_RE.match(v)
                or _CN_LANDLINE_RE.match(v))


# Files GPS devices and fitness apps record a route in (GPX, FIT, TCX, KML), possibly compressed.
_TRACK_FILE_RE = re.compile(r"^[^\s]*[^/\s]\.(gpx|fit|tcx|kml|kmz)(\.gz)?$", re.IGNORECASE)


def is_track_file(v: str) -> bool:
    """Path or URL of a GPS track file (.gpx, .fit, .tcx, .kml, optionally gzipped)."""
    return len(v) <= 2048 and bool(_TRACK_FILE_RE.match(v))


_SECRET_KEYS = re.compile(r"^(password|passwd|pwd|pass|secret|client_secret|api_key|apikey|private_key|token"
                          r"|access_token)$", re.IGNORECASE)


def _json_nodes(v: str):
    """Every (key, value) of a JSON document at any depth, key None for list items and the root.

    Nothing when `v` is not JSON; documents over 64 KiB are skipped (a column sample needs no more to be recognised).
    """
    if len(v) > 65536:
        return
    try:
        obj = json.loads(v)
    except ValueError:
        return
    stack: list = [(None, obj)]
    while stack:
        k, o = stack.pop()
        yield k, o
        if isinstance(o, dict):
            stack.extend(o.items())
        elif isinstance(o, list):
            stack.extend((None, x) for x in o)


def is_json_with_password(v: str) -> bool:
    """A JSON object (configuration) holding a non-empty password, secret or key at any depth."""
    return v.startswith("{") and any(
        k is not None and isinstance(x, str) and x and _SECRET_KEYS.match(str(k)) for k, x in _json_nodes(v))


def is_ipv4(v: str) -> bool:
    """Whether `v` is a dotted-quad IPv4 address."""
    m = IPV4_RE.match(v)
    return bool(m) and all(int(g) <= 255 for g in m.groups()) and not any(
        len(g) > 1 and g.startswith("0") for g in m.groups())


def is_ip(v: str) -> bool:
    """An IPv4 address in dotted decimal, or an IPv6 address."""
    if is_ipv4(v):
        return True
    if ":" not in v or len(v) > 45:
        return False
    try:
        ipaddress.IPv6Address(v)
    except ValueError:
        return False
    return True


_IP_PORT_RE = re.compile(r"^(?:\[(?P<v6>[0-9A-Fa-f:.]+)\]|(?P<v4>[0-9.]+)):(?P<port>\d{1,5})$")


def is_ip_port(v: str) -> bool:
    """An IP address with its port (`203.0.113.9:52144`, `[2001:db8::1]:443`): the address a connection came from."""
    m = _IP_PORT_RE.match(v)
    if not m or int(m.group("port")) > 65535:
        return False
    return is_ipv4(m.group("v4")) if m.group("v4") else is_ip(m.group("v6"))


def is_private_ip(v: str) -> bool:
    """An address of a private or local network (RFC 1918, loopback, link-local, IPv6 ULA), with or without port.

    Such an address is only meaningful inside one network: a server's or a LAN device's, not where a person's
    connection came from on the internet.
    """
    m = _IP_PORT_RE.match(v)
    host = (m.group("v4") or m.group("v6")) if m else v
    try:
        a = ipaddress.ip_address(host)
    except ValueError:
        return False
    return a.is_private or a.is_loopback or a.is_link_local


_HOST_RE = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})+$")


def is_network_address(v: str) -> bool:
    """An IP address (with or without port) or a dotted host name: a network address, never a postal one."""
    return is_ip(v) or is_ip_port(v) or (bool(_HOST_RE.match(v)) and not v.replace(".", "").isdigit())


def is_mac(v: str) -> bool:
    """Whether `v` is a MAC address."""
    return bool(_MAC_RE.match(v))


def is_password_hash(v: str) -> bool:
    """A recognised one-way password hash: bcrypt, argon2, scrypt, pbkdf2, sha-crypt, phpass, Drupal or Magento 2."""
    return bool(_HASH_RE.match(v))


def is_digest(v: str) -> bool:
    """A bare hex digest (MD5, SHA-1, SHA-2): one-way, but unsalted and fast, unfit for secrets."""
    return bool(_DIGEST_RE.match(v))


def parse_date(v: str) -> tuple[int, int, int] | None:
    """`(year, month, day)` if `v` starts with a valid ISO date, else None."""
    m = _DATE_RE.match(v)
    if not m:
        return None
    y, mo, d = (int(x) for x in (m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)))
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1850 <= y <= 2100):
        return None
    return y, mo, d


def is_date(v: str) -> bool:
    """A calendar date without a time of day."""
    return parse_date(v) is not None


def is_datetime(v: str) -> bool:
    """Whether `v` is an ISO date-time."""
    return bool(_DATETIME_RE.match(v))


def is_latlon_pair(v: str) -> bool:
    """`lat,lon` with at least 4 decimals each (about 10 m): a precise position."""
    m = _LATLON_PAIR_RE.match(v)
    if not m:
        return False
    lat, lon = m.groups()
    return (abs(float(lat)) <= 90 and abs(float(lon)) <= 180
            and len(lat.split(".")[1]) >= 4 and len(lon.split(".")[1]) >= 4)


def decimals(v: str) -> int | None:
    """The number of decimal places of a plain number `v`, or None if it is not one."""
    m = _DECIMAL_RE.match(v)
    return len(m.group(1)) if m else None


def is_media_uri(v: str) -> bool:
    """A URL or path to an image or a video file."""
    return bool(_URI_RE.match(v) and _MEDIA_EXT_RE.search(v))


def is_video_uri(v: str) -> bool:
    """Whether `v` is a URI of a video file or stream."""
    return bool(_URI_RE.match(v) and _VIDEO_EXT_RE.search(v))


def is_cookie_value(v: str) -> bool:
    """A Google Analytics client cookie (`GA1.2.<random>.<timestamp>`)."""
    return bool(_GA_COOKIE_RE.match(v))


def is_uuid(v: str) -> bool:
    """Whether `v` is a UUID."""
    return bool(_UUID_RE.match(v))


def is_serial(v: str) -> bool:
    """Upper-case letters and digits in dash-separated groups, 8 to 32 characters."""
    return 8 <= len(v) <= 32 and bool(_SERIAL_RE.match(v))


def is_short_code(v: str) -> bool:
    """Whether `v` is a short alphanumeric code (verification or device code)."""
    return bool(_CODE_RE.match(v))


def is_user_agent(v: str) -> bool:
    """A browser or app user-agent string (`Mozilla/5.0 (...)`, `Dalvik/2.1.0 (...)`, `App/1 CFNetwork/...`)."""
    return len(v) >= 12 and bool(_UA_RE.match(v))


def is_url_with_credentials(v: str) -> bool:
    """A URL carrying a user name and password before the host (`rtsp://user:secret@camera/...`)."""
    return bool(_URL_CREDENTIALS_RE.match(v))


def is_encoded_image(v: str) -> bool:
    """Base64 text of a JPEG, PNG, GIF, WebP or BMP image, bare or as a `data:image/...;base64,` URI."""
    return len(v) >= 80 and bool(_IMAGE_B64_RE.match(v))


def is_request_line(v: str) -> bool:
    """An HTTP request line as web-server logs keep it (`GET /path?query HTTP/1.1`)."""
    return bool(_REQUEST_LINE_RE.match(v))


def is_web_url(v: str) -> bool:
    """An http(s) address with a host name (a page visited or a referrer)."""
    return bool(_URL_RE.match(v))


_URL_PATH_RE = re.compile(r"^/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*(\?\S*)?(#\S*)?$")


def is_url_path(v: str) -> bool:
    """The path of a web address (`/account/orders?id=3`): what analytics keep of a page viewed (no media file)."""
    return len(v) <= 2048 and bool(_URL_PATH_RE.match(v)) and not _MEDIA_EXT_RE.search(v)


def is_web_page(v: str) -> bool:
    """A web page's address, absolute or as a path, that is not an image or video file."""
    return (is_web_url(v) or is_url_path(v)) and not _MEDIA_EXT_RE.search(v)


_CARD_TAIL_RE = re.compile(
    r"(卡|card|visa|master\s?card|amex|debit|credit|unionpay|银联)\D{0,12}"
    r"([(（]\s*(尾号)?\d{4}\s*[)）]|(\*{2,}|x{2,}|ending in |尾号)\s*\d{4}|\s\d{4})$",
    re.IGNORECASE)


def is_card_tail(v: str) -> bool:
    """A card named by its last four digits: `招商银行信用卡(6789)`, `Visa Debit 4321`, `Mastercard ****1234`."""
    return len(v) <= 60 and bool(_CARD_TAIL_RE.search(v))


def is_json_with_password_hash(v: str) -> bool:
    """A JSON document holding a one-way password hash at any depth (a password history, a credential record)."""
    return v.startswith(("{", "[")) and "$" in v and any(
        isinstance(x, str) and is_password_hash(x) for _, x in _json_nodes(v))


def is_hash_json(v: str) -> bool:
    """A JSON object holding a password hash with its salt (`{"value": "...", "salt": "..."}`, Keycloak-style)."""
    if not (v.startswith("{") and v.endswith("}") and '"salt"' in v):
        return False
    try:
        data = json.loads(v)
    except ValueError:
        return False
    return isinstance(data, dict) and bool(data.get("salt")) and any(
        isinstance(data.get(k), str) and len(data[k]) >= 16 for k in ("value", "hash", "password", "digest"))


def is_order_ref(v: str) -> bool:
    """A shop's order name (`#1001`)."""
    return bool(_ORDER_REF_RE.match(v))


def is_payment_ref(v: str) -> bool:
    """A payment processor's charge, payment-intent, payment-method or card id (`ch_...`, `pi_...`, `card_...`)."""
    return bool(_PAYMENT_REF_RE.match(v))


def is_customer_ref(v: str) -> bool:
    """A payment processor's customer id (`cus_...`)."""
    return bool(_CUSTOMER_REF_RE.match(v))


def is_ga_client_id(v: str) -> bool:
    """An analytics client id (`<random>.<first-visit timestamp>`, as GA4 exports `user_pseudo_id`)."""
    return bool(_GA_CLIENT_ID_RE.match(v))


def is_locale(v: str) -> bool:
    """A language or locale tag (`en`, `zh-CN`, `en_gb`, `zh-cn,zh`)."""
    return len(v) <= 40 and bool(_LOCALE_RE.match(v))


def is_imei(v: str) -> bool:
    """A 15-digit IMEI whose last digit is its Luhn check digit (3GPP TS 23.003)."""
    return bool(_IMEI_RE.match(v)) and luhn_ok(v)


def is_random_token(v: str) -> bool:
    """A long string of letters and digits mixed as random tokens and hashes are (16+ characters, no spaces)."""
    if not _TOKEN_RE.match(v):
        return False
    digits = sum(c.isdigit() for c in v)
    letters = sum(c.isalpha() for c in v)
    return digits >= 2 and letters >= 4


# Municipalities, provincial capitals and other large cities of China, as exports write them without 市
# (WeChat's profile region, marketplace buyer cities): a short gazetteer, enough to recognise a column of cities.
_CN_CITIES = frozenset(
    "北京 上海 天津 重庆 广州 深圳 杭州 南京 成都 武汉 西安 苏州 郑州 长沙 沈阳 青岛 济南 宁波 厦门 福州 合肥 "
    "昆明 大连 哈尔滨 长春 石家庄 太原 南昌 南宁 贵阳 兰州 海口 三亚 呼和浩特 乌鲁木齐 银川 西宁 拉萨 无锡 "
    "佛山 东莞 温州 珠海 常州 南通 徐州 烟台 泉州 香港 澳门 台北".split()
)


# Provinces, autonomous regions and municipalities of China as written before a city without their suffix
# (`广东深圳`, a carrier's bill or an IP-geolocation place): a city so prefixed is still the city.
_CN_PROVINCES = (
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 "
    "青海 台湾 内蒙古 广西 西藏 宁夏 新疆 北京 天津 上海 重庆 香港 澳门".split()
)
_CN_PROVINCE_PREFIX = re.compile(
    r"^(" + "|".join(sorted(_CN_PROVINCES, key=len, reverse=True)) + r")(省|市|自治区|壮族自治区|回族自治区"
    r"|维吾尔自治区|特别行政区)?\s?"
)


def is_cn_city(v: str) -> bool:
    """A Chinese city: a name ending in 市 (city), or a large city as written without it, with or without its province."""
    if v in _CN_CITIES or re.fullmatch(r"[\u4e00-\u9fff]{1,6}市", v):
        return True
    rest = _CN_PROVINCE_PREFIX.sub("", v, count=1)
    return rest != v and bool(rest) and (rest in _CN_CITIES or bool(re.fullmatch(r"[\u4e00-\u9fff]{1,6}市", rest)))


# ISO 3166-1 alpha-2 country codes (the 249 assigned), with `UK` and `XK` that exports use beside them.
_COUNTRY_CODES = frozenset(
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ "
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR "
    "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO "
    "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR "
    "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO "
    "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV "
    "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW UK XK".split()
)


def is_country_code(v: str) -> bool:
    """An upper-case ISO 3166-1 alpha-2 country code (`CN`, `DE`)."""
    return len(v) == 2 and v in _COUNTRY_CODES


_DIALABLE_RE = re.compile(r"^(\+|00)?\d{2,15}$")
_INTERNATIONAL_RE = re.compile(r"^(\+|00)[1-9]\d{6,14}$")


def is_dialable(v: str) -> bool:
    """Digits a telephone dials (an optional `+` or `00` and 2 to 15 digits): a number or an internal extension."""
    return bool(_DIALABLE_RE.match(v))


def is_long_dialable(v: str) -> bool:
    """A dialable number of 7 or more digits (a subscriber's number, not an internal extension)."""
    return bool(_DIALABLE_RE.match(v)) and sum(c.isdigit() for c in v) >= 7


def is_international_number(v: str) -> bool:
    """A number written with its international prefix (`+` or `00`) and country code: only phones have that shape."""
    return bool(_INTERNATIONAL_RE.match(v))


# Caller ID as telephony systems log it: a display name in quotes and the number or extension in angle brackets.
_CALLER_ID_RE = re.compile(r'^"[^"<>]{0,80}"\s*<(\+|00)?\d{2,15}>$')


def is_caller_id(v: str) -> bool:
    """Caller ID with its display name (`"Ana Lopez" <+15551234567>`, `"Front desk" <201>`)."""
    return v.startswith('"') and bool(_CALLER_ID_RE.match(v))


# Unix time in seconds (2001-2039) with a fractional or sequence part: a moment (or an id made from one), not a thing.
_EPOCH_FRACTION_RE = re.compile(r"^[12]\d{9}\.\d{1,9}$")


def is_epoch_time(v: str) -> bool:
    """Unix time in seconds with a part after the dot (`1712345678.42`): an event's time or an id derived from it."""
    if v[10:11] != ".":  # the usual case, settled without a regex
        return False
    return bool(_EPOCH_FRACTION_RE.match(v)) and 1_000_000_000 <= int(v[:10]) < 2_200_000_000


# Recorded sound: call recordings, voicemail and voice messages as telephony and chat systems store them.
_AUDIO_FILE_RE = re.compile(r"^\S*[^/\s]\.(wav|mp3|gsm|ogg|oga|opus|amr|m4a|aac|flac|wma|spx|silk|slin|sln)(\?\S*)?$",
                            re.IGNORECASE)


def is_audio_file(v: str) -> bool:
    """A file name, path or URL of an audio recording (`.wav`, `.mp3`, `.gsm`, `.amr`, `.opus`...)."""
    return len(v) <= 2048 and bool(_AUDIO_FILE_RE.match(v))


# A device named after its owner, as phones, watches and computers name themselves by default (`Ana's iPhone`): the
# owner's first name travels with every record the device writes.
_OWNER_DEVICE_RE = re.compile(
    r"^[^\W\d_][\w.-]{0,30}['\u2019]s (iPhone|iPad|iPod|Apple Watch|Watch|MacBook|MacBook Air|MacBook Pro|iMac|Mac"
    r"|Mac mini|Mac Studio|AirPods|AirPods Pro|Galaxy|Pixel|Phone|Android|Laptop|PC|Computer|Tablet|Kindle|Fitbit"
    r"|Garmin|Band|Surface|ThinkPad|Chromebook|Echo|HomePod)\b[\w ().,-]{0,30}$"
)


def is_owner_device_name(v: str) -> bool:
    """A device named after its owner (`Ana's iPhone`, `Tom\u2019s Apple Watch`, `Li's MacBook Pro`)."""
    return ("'s " in v or "\u2019s " in v) and bool(_OWNER_DEVICE_RE.match(v))


def is_boolean_word(v: str) -> bool:
    """A flag value: 0/1, true/false, yes/no, y/n, on/off."""
    return v.lower() in _BOOL


def is_identifier_shape(v: str) -> bool:
    """No space and a digit, `_` or `.` inside: a login or a code rather than a person's name."""
    return " " not in v and any(c.isdigit() or c in "_." for c in v)


_BASE64_BLOB_RE = re.compile(r"^[A-Za-z0-9+/]{22,}={0,2}$")


def is_base64_blob(v: str) -> bool:
    """Base64 text of random bytes (24+ characters, whole 4-character groups, mixed case and digits).

    An encrypted or random value. A path starts with `/`; an image is found by its own pattern first.
    """
    if len(v) < 24 or len(v) % 4 or not _BASE64_BLOB_RE.match(v) or v.startswith("/"):
        return False
    return sum(c.isdigit() for c in v) >= 2 and any(c.isupper() for c in v) and any(c.islower() for c in v)


_B64_TEXT_RE = re.compile(r"^[A-Za-z0-9+/]{4,}={0,2}$")


def decode_base64_text(v: str) -> str | None:
    """The text a base64 value encodes (`YWRtaW4=` -> a login), or None when it is not base64 of printable text.

    Random bytes (tokens, digests, keys, images) do not decode to printable UTF-8, nor do plain words that happen
    to use base64's alphabet, so only values stored base64-encoded (Domoticz user names, camera logins) decode.
    """
    if len(v) % 4 or not _B64_TEXT_RE.match(v):
        return None
    try:
        text = base64.b64decode(v, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    if len(text) < 2 or not text.isprintable() or text == v:
        return None
    return text


_LAT_NAMES = ("lat", "latitude")
_LON_NAMES = ("lon", "lng", "long", "longitude")
_PLACE_NAMES = {"city", "country", "country_code", "region", "postal_code", "zip", "continent"}


def is_json_coordinates(v: str) -> bool:
    """A JSON object holding a latitude and a longitude of 5+ decimals (about a metre) and no place name.

    A precise position (a phone's GPS fix among other attributes); objects naming a city or country are geo-IP places.
    """
    if not (v.startswith("{") and v.endswith("}")) or len(v) > 65536 or "lat" not in v.lower():
        return False
    try:
        obj = json.loads(v)
    except ValueError:
        return False
    if not isinstance(obj, dict):
        return False
    keys = {str(k).lower(): val for k, val in obj.items()}
    if keys.keys() & _PLACE_NAMES:
        return False
    lat = next((keys[k] for k in _LAT_NAMES if k in keys), None)
    lon = next((keys[k] for k in _LON_NAMES if k in keys), None)
    if lat is None or lon is None or isinstance(lat, bool) or isinstance(lon, bool):
        return False
    places = decimals(str(lat))
    return places is not None and places >= 5 and decimals(str(lon)) is not None


def _geojson_point(obj: dict) -> tuple[object, object] | None:
    """(longitude, latitude) of a GeoJSON point (RFC 7946: a Point geometry, or a Feature holding one), else None."""
    geometry = obj.get("geometry") if obj.get("type") == "Feature" else obj
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        return None
    coords = geometry.get("coordinates")
    if not isinstance(coords, list) or len(coords) < 2 or any(isinstance(c, bool) for c in coords[:2]):
        return None
    return coords[0], coords[1]


def is_geojson_point(v: str) -> bool:
    """A GeoJSON point (a Point, or a Feature holding one) whose coordinates have 5+ decimals (about a metre).

    GeoJSON writes longitude first (RFC 7946 section 3.1.1). A reverse-geocoding answer (Photon, Nominatim) is a
    Feature whose properties name the street and city of the point: the point is precise whatever the properties say.
    """
    if not (v.startswith("{") and v.endswith("}")) or len(v) > 65536 or "coordinates" not in v:
        return False
    try:
        obj = json.loads(v)
    except ValueError:
        return False
    point = _geojson_point(obj) if isinstance(obj, dict) else None
    if point is None:
        return False
    lon, lat = (decimals(str(c)) for c in point)
    return lat is not None and lon is not None and min(lat, lon) >= 5


_IP_IN_TEXT = re.compile(r"(?<![\w.:])(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){2,7})(?![\w.:])")


def is_ip_in_text(v: str) -> bool:
    """A short text (a log message of at most 200 characters, with words) that quotes an IP address."""
    if len(v) > 200 or " " not in v:
        return False
    return any(is_ip(m) for m in _IP_IN_TEXT.findall(v))


def is_float_vector(v: str) -> bool:
    """A JSON array (or an array of one array) of 64+ decimal numbers: an embedding vector a model computed.

    A face recogniser keeps a face as such a vector (128 to 512 numbers); a short list of numbers is not one.
    """
    if not v.startswith("[") or len(v) < 200 or len(v) > 200_000:
        return False
    try:
        obj = json.loads(v)
    except ValueError:
        return False
    if isinstance(obj, list) and len(obj) == 1 and isinstance(obj[0], list):
        obj = obj[0]
    return (isinstance(obj, list) and len(obj) >= 64
            and all(isinstance(x, float) for x in obj))


# An IAM principal's ARN (AWS ARN syntax: arn:partition:service:region:account:resource): a user's, a federated
# user's or an assumed role session's ARN ends in the person's user or session name; the account root is the account.
_PRINCIPAL_ARN = re.compile(r"arn:aws[a-z-]*:(iam|sts)::\d{12}:(user/.+|federated-user/.+|assumed-role/[^/]+/.+|root)")


def is_principal_arn(v: str) -> bool:
    """An AWS IAM principal's ARN (a user, federated user, role session or the account root)."""
    return bool(_PRINCIPAL_ARN.fullmatch(v))


# An S2 cell token with a scheme prefix (`s2:47a85a63f764`): 10+ hex digits is level 18 or finer, tens of metres.
_S2_CELL = re.compile(r"s2:[0-9a-f]{10,16}")


def is_s2_cell(v: str) -> bool:
    """An S2 geometry cell token of level 18 or finer written with its `s2:` prefix."""
    return bool(_S2_CELL.fullmatch(v))


# A relative path of a file under a folder (`uploads/2024/05/x_240.jpg`): applications keep uploads relative to their
# upload root.
_RELATIVE_PATH_RE = re.compile(r"^[\w.@%+-]+(/[\w.@%+~=-]+)+$")


def is_media_path(v: str) -> bool:
    """An image or video file by URL, absolute path or relative path under a folder (confirms a name only)."""
    return is_media_uri(v) or bool(_RELATIVE_PATH_RE.match(v) and _MEDIA_EXT_RE.search(v))


# A user id qualified by its home server, as federated systems write them: Matrix `@localpart:server` (the localpart is
# the login the person chose) and the fediverse's `@user@server` (ActivityPub, Mastodon).
_QUALIFIED_HANDLE_RE = re.compile(r"^@[a-z0-9._=/+-]{1,255}[:@](?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d{1,5})?$", re.IGNORECASE)


def is_qualified_handle(v: str) -> bool:
    """A federated user id: `@login:server` (Matrix) or `@login@server` (ActivityPub)."""
    return len(v) <= 300 and bool(_QUALIFIED_HANDLE_RE.match(v))


_INT64 = 2 ** 63


def hash64_shares(values: Mapping[str, int]) -> tuple[float, float]:
    """(share of 64-bit integers of 17+ digits, share of those outside the positive signed range), row-weighted.

    Hash functions (SipHash, CityHash, xxHash) spread their 64-bit outputs over the whole range: about half of them
    exceed 2^63 (or are negative when stored signed). Keys a database assigns (sequences, Snowflake ids) stay below it.
    """
    total = big = outside = 0
    for v, n in values.items():
        total += n
        text = v[1:] if v.startswith("-") else v
        if not (17 <= len(text) <= 20 and text.isdigit()):
            continue
        x = int(v)
        if -_INT64 <= x < 2 ** 64:
            big += n
            outside += n if (x < 0 or x >= _INT64) else 0
    return (big / total, outside / big) if total and big else (0.0, 0.0)


@dataclass(frozen=True)
class ValuePattern:
    """A named test of one value; the evidence names the pattern, never the value."""

    id: str
    description: str
    test: Callable[[str], bool]


VALUE_PATTERNS: dict[str, ValuePattern] = {p.id: p for p in (
    ValuePattern("email", "email address", is_email),
    ValuePattern("phone", "phone number (E.164, CN mobile or national format)", is_phone),
    ValuePattern("ip", "IPv4 or IPv6 address", is_ip),
    ValuePattern("ip_port", "IP address with a port (client:port)", is_ip_port),
    ValuePattern("mac", "MAC address", is_mac),
    ValuePattern("password_hash", "one-way password hash (bcrypt/argon2/scrypt/pbkdf2/sha-crypt/phpass/Drupal/Magento)",
                 is_password_hash),
    ValuePattern("digest", "bare hex digest (MD5/SHA)", is_digest),
    ValuePattern("card", "payment card number (issuer prefix, Luhn-checked)", payment_card_ok),
    ValuePattern("cn_id", "Chinese resident ID number (checksum-verified)", cn_resident_id_ok),
    ValuePattern("date", "calendar date without time", is_date),
    ValuePattern("datetime", "date and time", is_datetime),
    ValuePattern("latlon_pair", "latitude,longitude pair with 4+ decimals", is_latlon_pair),
    ValuePattern("media_uri", "URL or path of an image or video file", is_media_uri),
    ValuePattern("video_uri", "URL or path of a video file", is_video_uri),
    ValuePattern("cookie", "analytics cookie value", is_cookie_value),
    ValuePattern("uuid", "UUID", is_uuid),
    ValuePattern("serial", "serial-number shape (upper-case letters and digits)", is_serial),
    ValuePattern("short_code", "4 to 8 digit code", is_short_code),
    ValuePattern("user_agent", "browser or app user-agent string", is_user_agent),
    ValuePattern("url_credentials", "URL with a user name and password before the host", is_url_with_credentials),
    ValuePattern("encoded_image", "image encoded as base64 text", is_encoded_image),
    ValuePattern("request_line", "HTTP request line", is_request_line),
    ValuePattern("web_url", "web address", is_web_url),
    ValuePattern("url_path", "path of a web address", is_url_path),
    ValuePattern("web_page", "web page address or path (not a media file)", is_web_page),
    ValuePattern("card_tail", "card named with its last four digits", is_card_tail),
    ValuePattern("hash_json", "JSON holding a password hash and its salt", is_hash_json),
    ValuePattern("json_password", "JSON configuration holding a password, secret or key", is_json_with_password),
    ValuePattern("track_file", "path of a GPS track file (GPX, FIT, TCX, KML)", is_track_file),
    ValuePattern("order_ref", "shop order name (#1001)", is_order_ref),
    ValuePattern("payment_ref", "payment processor charge, intent or card id", is_payment_ref),
    ValuePattern("customer_ref", "payment processor customer id", is_customer_ref),
    ValuePattern("ga_client_id", "analytics client id (random.timestamp)", is_ga_client_id),
    ValuePattern("locale", "language or locale tag", is_locale),
    ValuePattern("imei", "IMEI (15 digits, Luhn-checked)", is_imei),
    ValuePattern("us_ssn", "US social security number (issuable area, group and serial)", us_ssn_ok),
    ValuePattern("ca_sin", "Canadian social insurance number (Luhn-checked)", ca_sin_ok),
    ValuePattern("json_password_hash", "JSON holding a one-way password hash (a password history)",
                 is_json_with_password_hash),
    ValuePattern("random_token", "random token (16+ mixed letters and digits)", is_random_token),
    ValuePattern("base64_blob", "base64 text of random or encrypted bytes", is_base64_blob),
    ValuePattern("json_coordinates", "JSON object with latitude and longitude of 5+ decimals", is_json_coordinates),
    ValuePattern("country_code", "ISO 3166-1 alpha-2 country code", is_country_code),
    ValuePattern("caller_id", "caller ID (display name with a number or extension)", is_caller_id),
    ValuePattern("epoch_time", "Unix time in seconds with a fractional part", is_epoch_time),
    ValuePattern("audio_file", "file of an audio recording", is_audio_file),
    ValuePattern("owner_device", "device named after its owner (a first name's iPhone, watch...)",
                 is_owner_device_name),
)}

# ---- value shapes of the holdout13 failure classes (issue 15): SIP registrations, addresses stored as bytes
_SIP_SOURCE_RE = re.compile(r"^sips?:(?P<host>\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:;[\w.=-]+)*$")
_SIP_INSTANCE_RE = re.compile(r"^<urn:(uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                              r"|gsma:imei:\d{8}-\d{6}-\d(;svn=\d{2})?)>$")


def is_sip_source(v: str) -> bool:
    """A SIP URI with no user part whose host is an IP literal (`sip:<ip>:5060;transport=tcp`).

    A registrar writes where a request came from this way (Kamailio's `received`): the sender's public address.
    A contact URI carries a user part (`sip:alice@...`) and a server's own socket is `udp:<ip>:5060`, not a URI.
    """
    m = _SIP_SOURCE_RE.match(v)
    if not m:
        return False
    host = m.group("host").strip("[]")
    return is_ip(host)


def is_sip_instance(v: str) -> bool:
    """A SIP `+sip.instance` value (RFC 5626): `<urn:uuid:...>` or `<urn:gsma:imei:...>`, stable per device.

    The angle brackets are the parameter's own syntax; a bare `urn:uuid:` is any resource's reference (FHIR bundles).
    """
    return bool(_SIP_INSTANCE_RE.match(v))


def is_ip_hex(v: str) -> bool:
    """An IP address as the hex of its packed bytes (`inet_pton` stored in `varbinary(16)` and dumped as hex).

    8 hex digits (IPv4) or 32 (IPv6). Only a name that says IP address may read it so: 8 or 32 hex digits are also
    checksums and digests.
    """
    return len(v) in (8, 32) and bool(re.fullmatch(r"[0-9a-fA-F]+", v))


# ---- value shapes of the holdout9 failure classes (issue 15): vehicles, encrypted keys, flags, DNS names, record keys
VALUE_PATTERNS.update({p.id: p for p in (
    ValuePattern("vin", "vehicle identification number (17 characters, ISO 3779)", is_vin),
    ValuePattern("encrypted_envelope", "ciphertext in a known envelope (EncString, Fernet, Laravel, PGP)",
                 is_encrypted_envelope),
    ValuePattern("flag", "yes/no flag", is_boolean_word),
    ValuePattern("domain", "fully qualified domain name", is_domain_name),
    ValuePattern("record_key", "record key (integer, UUID or hex)",
                 lambda v: v.isdigit() or is_uuid(v) or bool(re.fullmatch(r"[0-9a-fA-F]{6,32}", v))),
    ValuePattern("account_digits", "12 to 19 digits of a card or account number", has_account_digits),
)})
VALUE_PATTERNS.update({p.id: p for p in (
    ValuePattern("sip_source", "SIP URI of an IP address and port (where a registration came from)", is_sip_source),
    ValuePattern("sip_instance", "SIP instance id of a device (<urn:uuid:...>, RFC 5626)", is_sip_instance),
    ValuePattern("ip_hex", "IP address as hex of its packed bytes (8 or 32 hex digits)", is_ip_hex),
)})

# ---- value shapes of the holdout10 failure classes (issue 15): federated handles, GeoJSON points
VALUE_PATTERNS.update({p.id: p for p in (
    ValuePattern("qualified_handle", "federated user id (@login:server or @login@server)", is_qualified_handle),
    ValuePattern("geojson_point", "GeoJSON point with coordinates of 5+ decimals", is_geojson_point),
    ValuePattern("media_path", "URL, absolute or relative path of an image or video file", is_media_path),
    ValuePattern("ip_in_text", "short text quoting an IP address", is_ip_in_text),
    ValuePattern("float_vector", "embedding vector (JSON array of 64+ decimal numbers)", is_float_vector),
    ValuePattern("principal_arn", "AWS IAM principal ARN (user, role session or root)", is_principal_arn),
    ValuePattern("s2_cell", "S2 cell token of level 18 or finer (s2:...)", is_s2_cell),
    ValuePattern("card_track", "card magnetic-stripe track data (ISO/IEC 7813) with a valid card number", is_card_track),
    ValuePattern("micr_line", "cheque MICR line (routing number with valid checksum, account number)", is_micr_line),
)})


_LONG_DIGITS_RE = re.compile(r"^\+?\d[\d -]{5,}\d$")


def is_long_digits(v: str) -> bool:
    """Seven or more digits (spaces and dashes allowed): an ID, account or phone number, never a column name."""
    return sum(c.isdigit() for c in v) >= 7 and bool(_LONG_DIGITS_RE.match(v))


HEADER_VALUE_PATTERNS: tuple[ValuePattern, ...] = tuple(VALUE_PATTERNS[pid] for pid in (
    "email", "cn_id", "card", "phone", "password_hash", "digest", "ip", "mac", "uuid", "datetime", "date",
    "latlon_pair", "media_uri", "cookie")) + (
    ValuePattern("long_digits", "long digit string (an ID, account or phone number)", is_long_digits),)
"""Patterns a column name never has: a header cell with one is a data value (a file without a header row).

Serial numbers and short codes are left out: upper-case names like `USER_ID2` or a year `2024` are real headers.
"""

HEADER_LOOKS_LIKE: dict[str, str] = {
    "email": "an email address", "cn_id": "a resident ID number", "card": "a payment card number",
    "phone": "a phone number", "password_hash": "a password hash", "digest": "a hex digest", "ip": "an IP address",
    "mac": "a MAC address", "uuid": "a UUID", "datetime": "a date and time", "date": "a date",
    "latlon_pair": "a latitude,longitude position", "media_uri": "an image or video URL", "cookie": "a cookie value",
    "long_digits": "a long digit string"}
"""What a header cell with each pattern looks like, for messages (the cell itself is never shown)."""


def header_problem(names: list[object]) -> str | None:
    """Why a header row is not one (a cell is a data value, or a name repeats), or None when it is fine.

    The message names column positions (1-based) and what a cell looks like, never a cell that looks like a value.
    """
    for i, name in enumerate(names, start=1):
        p = header_value_pattern(name)
        if p is not None:
            return f"column {i} looks like {HEADER_LOOKS_LIKE[p.id]}"
    return None


def duplicate_names(names: list[object]) -> list[tuple[str, list[int]]]:
    """Column names that occur more than once, with their 1-based positions, in order of first occurrence."""
    where: dict[str, list[int]] = {}
    for i, name in enumerate(names, start=1):
        text = str(name).strip()
        if text:
            where.setdefault(text, []).append(i)
    return [(n, pos) for n, pos in where.items() if len(pos) > 1]


def positions_text(positions: list[int]) -> str:
    """`[3, 5]` -> `columns 3 and 5`; `[1, 2, 4]` -> `columns 1, 2 and 4`."""
    nums = [str(p) for p in positions]
    return "columns " + (", ".join(nums[:-1]) + " and " + nums[-1] if len(nums) > 1 else nums[0])


_MASK_KIND = {"email": "email", "phone": "phone", "date": "birth_date", "password_hash": "hash", "digest": "hash"}


def header_value_pattern(name: object) -> ValuePattern | None:
    """The value pattern a column name has (so it is a data value, not a name), or None for a plausible name."""
    text = str(name).strip()
    if not text:
        return None
    for p in HEADER_VALUE_PATTERNS:
        if p.test(text):
            return p
    return None


def safe_column_name(name: object) -> str:
    """`name` as it may be shown: itself, or masked (`pia.masking.mask_value`) when it looks like a data value."""
    from pia.masking import mask_value

    p = header_value_pattern(name)
    if p is None:
        return str(name)
    return mask_value(str(name).strip(), _MASK_KIND.get(p.id, "text")) or "***"
