"""Write the real-schema evaluation corpus: tables from published schemas, filled with made-up values.

The columns, their sources and their labels are in `schemas.yaml` (labelled before the detectors ran on it);
this module only generates values, deterministically for a seed. Every value is fake: example.* domains,
random numbers with valid checksums where real ones have them, invented names and addresses.

    python tests/corpus_real/build_real_corpus.py OUT_DIR [SEED [tuned|holdout|holdout2|...|holdout22]]
"""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import random
import string
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROWS = 200
B64 = string.ascii_letters + string.digits + "+/"
CRYPT64 = "./" + string.digits + string.ascii_uppercase + string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"

FIRST = [
    "Ana",
    "Wei",
    "Tom",
    "Mia",
    "Omar",
    "Yuki",
    "Li",
    "Sofia",
    "Lucas",
    "Emma",
    "Noah",
    "Priya",
    "Ivan",
    "Chloe",
    "Mateo",
    "Hana",
    "Jonas",
    "Aisha",
    "Diego",
    "Elena",
]
LAST = [
    "Lopez",
    "Zhang",
    "Baker",
    "Wong",
    "Ali",
    "Sato",
    "Chen",
    "Rossi",
    "Muller",
    "Smith",
    "Kim",
    "Patel",
    "Novak",
    "Dubois",
    "Garcia",
    "Tanaka",
    "Berg",
    "Okafor",
    "Silva",
    "Ivanova",
]
CN_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡"
CN_GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "洋",
    "艳",
    "勇",
    "军",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
]
CITIES = [
    "Shenzhen",
    "Shanghai",
    "Berlin",
    "Austin",
    "Toronto",
    "Lyon",
    "Osaka",
    "Manchester",
    "Chengdu",
    "Seattle",
    "Munich",
    "Vancouver",
    "Hangzhou",
    "Denver",
    "Porto",
    "深圳",
    "上海",
    "杭州",
]
STREETS = [
    "Nanjing Rd",
    "High St",
    "Main St",
    "Oak Ave",
    "Elm St",
    "Bahnhofstr.",
    "Rue de la Paix",
    "Maple Dr",
    "Sunset Blvd",
    "King St W",
]
COUNTRIES2 = ["CN", "US", "DE", "GB", "FR", "CA", "JP", "ES", "IT", "NL"]
COUNTRIES3 = ["CHN", "USA", "DEU", "GBR", "FRA", "CAN", "JPN"]
COUNTRY_NAMES = ["China", "United States", "Germany", "United Kingdom", "France", "Canada", "Japan"]
CN_PROVINCES = [
    ("广东省", "深圳市", "南山区"),
    ("浙江省", "杭州市", "西湖区"),
    ("上海", "上海市", "浦东新区"),
    ("四川省", "成都市", "武侯区"),
    ("北京", "北京市", "朝阳区"),
]


def _luhn_digit(body: str) -> str:
    for check in string.digits:
        total = 0
        for i, ch in enumerate(reversed(body + check)):
            d = int(ch) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return check
    raise AssertionError("unreachable")


def _s(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _dt(rng: random.Random, y0: int = 2023, y1: int = 2026) -> str:
    return (
        f"{rng.randint(y0, y1)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} "
        f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    )


def _uuid(rng: random.Random) -> str:
    h = _s(rng, HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def _ua(rng: random.Random) -> str:
    return rng.choice(
        [
            f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            f" (KHTML, like Gecko) Chrome/{rng.randint(100, 126)}.0.0.0 Safari/537.36",
            f"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15"
            f" (KHTML, like Gecko) Version/{rng.randint(14, 17)}.1 Safari/605.1.15",
            f"Mozilla/5.0 (X11; Linux x86_64; rv:{rng.randint(100, 125)}.0)"
            f" Gecko/20100101 Firefox/{rng.randint(100, 125)}.0",
            _mobile_ua(rng),
        ]
    )


def _mobile_ua(rng: random.Random) -> str:
    return rng.choice(
        [
            f"Mozilla/5.0 (iPhone; CPU iPhone OS {rng.randint(14, 17)}_{rng.randint(0, 6)} like Mac OS X)"
            f" AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
            f"Mozilla/5.0 (Linux; Android {rng.randint(10, 14)}; SM-G99{rng.randint(1, 8)}B)"
            f" AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{rng.randint(100, 126)}.0.0.0 Mobile Safari/537.36",
            f"Dalvik/2.1.0 (Linux; U; Android {rng.randint(10, 14)}; M2012K11AC Build/TKQ1.220829.002)",
            f"ZOSI%20Smart/{rng.randint(1, 3)} CFNetwork/{rng.choice(['1404.0.5', '978.0.7'])}"
            f" Darwin/{rng.randint(18, 23)}.0.0",
        ]
    )


def _ipv4(rng: random.Random) -> str:
    first = rng.choice([36, 58, 101, 112, 183, 203, 81, 91, 24, 73])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def _ipv6(rng: random.Random) -> str:
    return "2001:db8:" + ":".join(f"{rng.randint(0, 65535):x}" for _ in range(6))


def _imei(rng: random.Random) -> str:
    body = rng.choice(["35", "86", "01", "35"]) + _s(rng, string.digits, 12)
    return body + _luhn_digit(body)


def _postal(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{rng.randint(10000, 99999)}",
            f"{rng.randint(100000, 850000)}",
            f"{rng.choice(['SW1A', 'M1', 'EC2A', 'B33'])} {rng.randint(1, 9)}{_s(rng, 'ABDEFGHJLNPQRSTUWXYZ', 2)}",
            f"{rng.randint(10, 99)}{rng.randint(100, 999)}",
        ]
    )


def _street(rng: random.Random) -> str:
    return f"{rng.randint(1, 999)} {rng.choice(STREETS)}"


def _cn_name(rng: random.Random) -> str:
    return rng.choice(CN_SURNAMES) + rng.choice(CN_GIVEN)


def _cn_mobile(rng: random.Random) -> str:
    return "1" + rng.choice("3578") + _s(rng, string.digits, 9)


def _jpeg_b64(rng: random.Random, data_uri: bool = False) -> str:
    # A JPEG's first bytes (SOI + APP0 JFIF) then random payload: what a base64 thumbnail column holds.
    raw = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + rng.randbytes(rng.randint(300, 900))
    text = base64.b64encode(raw).decode()
    return "data:image/jpeg;base64," + text if data_uri else text


def _referer(rng: random.Random) -> str:
    return rng.choice(
        [
            f"https://www.google.com/search?q=camera+{rng.randint(1, 999)}",
            f"https://www.example.com/products/cam-{rng.randint(1, 40)}?utm_source=newsletter",
            f"https://m.baidu.com/s?word=%E6%91%84%E5%83%8F%E5%A4%B4{rng.randint(1, 99)}",
            f"https://shop.example.com/account/orders/{rng.randint(1000, 9999)}",
        ]
    )


def _cn_id_number(rng: random.Random) -> str:
    # 18-digit resident identity number with a valid GB 11643-1999 check character (made up, never a real one).
    body = (
        rng.choice(["440305", "330106", "310115", "510107", "110105"])
        + f"{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        + _s(rng, string.digits, 3)
    )
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


MM_ALPHABET = "ybndrfg8ejkmcpqxot1uwisza345h769"  # Mattermost NewId's base32 alphabet


# City centres around which the made-up phone positions of holdout4 are scattered (no real home).
HA_HOMES = [(52.52, 13.405), (22.543, 114.058), (30.267, -97.743), (45.764, 4.836), (31.23, 121.474)]

# Apple Health record kinds of the made-up export.xml (holdout8): type identifier, unit, value generator.
HK_RECORDS: list[tuple[str, str, Callable[[random.Random], str]]] = [
    ("HKQuantityTypeIdentifierHeartRate", "count/min", lambda r: str(r.randint(48, 165))),
    ("HKQuantityTypeIdentifierHeartRate", "count/min", lambda r: str(r.randint(48, 165))),
    ("HKQuantityTypeIdentifierHeartRate", "count/min", lambda r: str(r.randint(48, 165))),
    ("HKQuantityTypeIdentifierOxygenSaturation", "%", lambda r: f"{r.uniform(0.9, 1.0):.2f}"),
    ("HKQuantityTypeIdentifierRespiratoryRate", "count/min", lambda r: f"{r.uniform(11, 22):.1f}"),
    ("HKQuantityTypeIdentifierRestingHeartRate", "count/min", lambda r: str(r.randint(45, 80))),
    ("HKQuantityTypeIdentifierHeartRateVariabilitySDNN", "ms", lambda r: f"{r.uniform(15, 110):.4f}"),
    ("HKQuantityTypeIdentifierBloodPressureSystolic", "mmHg", lambda r: str(r.randint(100, 160))),
    ("HKQuantityTypeIdentifierStepCount", "count", lambda r: str(r.randint(5, 2400))),
    ("HKQuantityTypeIdentifierBodyTemperature", "degC", lambda r: f"{r.uniform(35.8, 38.4):.1f}"),
]

# Places of the made-up TeslaMate addresses (holdout9), in the order of HA_HOMES: city, roads, district, postcode, country.
TM_PLACES: list[tuple[str, list[str], str, Callable[[random.Random], str], str]] = [
    ("Berlin", ["Torstraße", "Invalidenstraße"], "Mitte", lambda r: str(r.randint(10115, 14199)), "Deutschland"),
    ("深圳市", ["深南大道", "科技园路", "滨海大道"], "南山区", lambda r: str(r.randint(518000, 518129)), "中国"),
    ("Austin", ["Congress Avenue", "East 6th Street"], "Downtown", lambda r: str(r.randint(78701, 78759)), "United States"),
    ("Lyon", ["Rue de la République", "Cours Lafayette"], "Presqu'île", lambda r: f"6900{r.randint(1, 9)}", "France"),
    ("上海市", ["南京西路", "淮海中路", "世纪大道"], "静安区", lambda r: str(r.randint(200000, 201999)), "中国"),
]

# FHIR vital-sign observations of the made-up bulk export (holdout13): LOINC code, display, UCUM unit, value generator.
H13_VITALS: list[tuple[str, str, str, Callable[[random.Random], str]]] = [
    ("8867-4", "Heart rate", "/min", lambda r: f"{r.uniform(52, 128):.1f}"),
    ("9279-1", "Respiratory rate", "/min", lambda r: f"{r.uniform(11, 24):.1f}"),
    ("8310-5", "Body temperature", "Cel", lambda r: f"{r.uniform(36.0, 38.9):.1f}"),
    ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", lambda r: f"{r.uniform(90, 100):.1f}"),
    ("8867-4", "Heart rate", "/min", lambda r: f"{r.uniform(52, 128):.1f}"),
    ("8480-6", "Systolic blood pressure", "mm[Hg]", lambda r: f"{r.randint(98, 176)}"),
    ("8462-4", "Diastolic blood pressure", "mm[Hg]", lambda r: f"{r.randint(56, 106)}"),
]

# SIP final replies of the made-up Kamailio accounting rows (holdout13): code, reason phrase.
H13_SIP_REPLIES = [("200", "OK"), ("200", "OK"), ("486", "Busy Here"), ("200", "OK"), ("487", "Request Terminated"),
                   ("404", "Not Found"), ("603", "Decline"), ("200", "OK")]

# US Core race categories (CDC race and ethnicity code set) of the made-up FHIR patients (holdout13): code, text.
H13_RACES = [("2106-3", "White"), ("2054-5", "Black or African American"), ("2028-9", "Asian"),
             ("1002-5", "American Indian or Alaska Native"), ("2131-1", "Other"), ("2106-3", "White")]


def _h13_ip_hex(rng: random.Random) -> str:
    # MyBB stores addresses with inet_pton in varbinary(16); a dump writes them as hex (4 bytes IPv4, 16 bytes IPv6).
    if rng.random() < 0.85:
        return "".join(f"{int(x):02x}" for x in _ipv4(rng).split("."))
    return _s(rng, HEX, 32)


def _h13_sip_user(rng: random.Random) -> str:
    # Kamailio subscribers are named by extension, by full number or by a login name.
    if rng.random() < 0.45:
        return str(rng.randint(1000, 1999))
    if rng.random() < 0.4:
        return "+49" + rng.choice(["30", "89", "151"]) + _s(rng, string.digits, 8)
    return rng.choice(["alice", "bob", "frontdesk", "wei.zhang", "ana.lopez", "support"]) + str(rng.randint(1, 99))


# US city centres around which the made-up geocoded ChurchCRM family homes (holdout14) are scattered (no real home):
# Raleigh, Charlotte, Columbus, Boston, Denver.
H14_CENTRES = [(35.7796, -78.6382), (35.2271, -80.8431), (39.9612, -82.9988), (42.3601, -71.0589), (39.7392, -104.9903)]

# Registration status code, description, reason code and reason description of the made-up North Carolina voters
# (holdout14), one tuple per row index (active voters are the most common).
H14_NC_STATUS = [
    ("A", "ACTIVE", "AV", "VERIFIED"),
    ("A", "ACTIVE", "AV", "VERIFIED"),
    ("A", "ACTIVE", "AV", "VERIFIED"),
    ("I", "INACTIVE", "IN", "CONFIRMATION NOT RETURNED"),
    ("A", "ACTIVE", "AV", "VERIFIED"),
    ("R", "REMOVED", "RL", "MOVED FROM COUNTY"),
    ("A", "ACTIVE", "AV", "VERIFIED"),
    ("D", "DENIED", "DI", "UNAVAILABLE ESSENTIAL INFORMATION"),
    ("I", "INACTIVE", "IU", "CONFIRMATION RETURNED UNDELIVERABLE"),
    ("A", "ACTIVE", "AV", "VERIFIED"),
]

# Pick-up and drop-off places of the made-up ride-hailing itineraries (holdout14): landmarks, stations, offices and
# residential compounds (a building number is appended to the compounds).
H14_CN_POIS = ["望京SOHO-T1", "首都机场T3航站楼", "深圳北站-东广场", "浦东国际机场T2-到达层", "人民广场地铁站-1号口",
               "天府软件园E区", "科兴科学园-B栋", "西溪湿地-周家村入口", "杭州东站-西广场", "广州南站-南出口",
               "国贸商城-北门", "万象城-东门", "中关村软件园二期", "虹桥火车站-P9停车场"]
H14_CN_COMPOUNDS = ["幸福家园小区", "万科城市花园", "金色家园", "阳光100", "碧桂园翡翠湾", "龙湖春江郦城", "绿地新都会"]

# conn.log rows of the made-up Zeek sensor (holdout14): proto, service, responder port, IP protocol number.
H14_CONN = [("tcp", "ssl", "443", "6"), ("tcp", "ssl", "443", "6"), ("udp", "dns", "53", "17"), ("tcp", "http", "80", "6"),
            ("tcp", "-", "443", "6"), ("udp", "ntp", "123", "17"), ("tcp", "ssh", "22", "6"), ("tcp", "imap,ssl", "993", "6"),
            ("icmp", "-", "0", "1")]
# HTTP statuses of the made-up Zeek http.log (holdout14): code, message.
H14_HTTP_STATUS = [("200", "OK"), ("200", "OK"), ("200", "OK"), ("304", "Not Modified"), ("301", "Moved Permanently"),
                   ("404", "Not Found"), ("200", "OK"), ("401", "Unauthorized"), ("302", "Found")]


def _h14_nc_birth_year(i: int) -> int:
    # One birth year per row index, so birth_year and age_at_year_end agree.
    return random.Random(f"ncvoter-birth:{i}").randint(1930, 2007)


def _h14_card_luhn(rng: random.Random) -> str:
    prefix = rng.choice(["4", "4", "51", "55", "37"])
    body = prefix + _s(rng, string.digits, (14 if prefix == "37" else 15) - len(prefix))
    return body + _luhn_digit(body)


def _h14_nc_street(rng: random.Random) -> str:
    # The NC file writes addresses upper case with two spaces after the house number.
    street = rng.choice(["OAK RIDGE", "BRAMBLEWOOD", "GLENWOOD", "FALLS OF NEUSE", "TRYON", "MAIN", "PINE VALLEY", "HARBOR"])
    kind = rng.choice(["DR", "RD", "ST", "AVE", "LN", "CT", "BLVD"])
    unit = rng.choice(["", "", "", f"  # {rng.randint(1, 40)}{rng.choice(['', 'A', 'B'])}", f"  APT {rng.randint(100, 420)}"])
    return f"{rng.randint(100, 9999)}  {street} {kind}{unit}"


def _h14_zeek_orig(rng: random.Random) -> str:
    # Most HTTP clients a Zeek sensor sees are on the monitored network; some connections come from outside.
    roll = rng.random()
    if roll < 0.5:
        return f"10.{rng.randint(0, 30)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
    if roll < 0.8:
        return f"192.168.{rng.randint(0, 10)}.{rng.randint(2, 254)}"
    return _ipv4(rng)


# Made-up hotels of the QloApps booking lines (holdout16): name, city, country, zip code, front-desk phone, hotel email.
# A booking line copies its hotel's details, so the row index picks one hotel for all of these columns.
H16_HOTELS = [
    ("The Hotel Prime", "Jaipur", "India", "302001", "0141-2370000", "reservations@hotelprime.example.com"),
    ("Harbour View Inn", "Kochi", "India", "682001", "0484-2668800", "frontdesk@harbourview.example.net"),
    ("Lakeside Residency", "Udaipur", "India", "313001", "0294-2420000", "stay@lakeside.example.org"),
    ("Alpine Lodge", "Innsbruck", "Austria", "6020", "+43 512 560000", "info@alpinelodge.example.com"),
    ("Grand Canal Suites", "Venice", "Italy", "30121", "+39 041 520 0000", "booking@grandcanal.example.net"),
]


def _h16_hotel(i: int, k: int) -> str:
    return H16_HOTELS[(i * 7 + i // 5) % len(H16_HOTELS)][k]


# German and Dutch cities of the made-up EV-charging drivers and stations (holdout16): city, postal code range, country.
H16_DE_PLACES = [("Berlin", 10115, 14199, "DE"), ("München", 80331, 81929, "DE"), ("Hamburg", 20095, 22769, "DE"),
                 ("Köln", 50667, 51149, "DE"), ("Utrecht", 3511, 3585, "NL")]


def _h16_de_zip(rng: random.Random, i: int) -> str:
    # German postcodes have five digits; Dutch ones four digits and two letters.
    _, lo, hi, country = H16_DE_PLACES[(i * 3) % len(H16_DE_PLACES)]
    if country == "DE":
        return f"{rng.randint(lo, hi):05d}"
    return f"{rng.randint(lo, hi)} {_s(rng, 'ABCDEFGHJKLNPRSTVWXZ', 2)}"


def _h16_iccid(rng: random.Random) -> str:
    # SIM serial of a charging station's modem: 89 (telecom) + 49 (Germany) + issuer + serial + Luhn digit.
    body = "8949" + rng.choice(["22", "11", "02"]) + _s(rng, string.digits, 12)
    return body + _luhn_digit(body)


def _h16_in_phone(rng: random.Random) -> str:
    digits = rng.choice("6789") + _s(rng, string.digits, 9)
    return rng.choice([digits, f"+91 {digits[:5]} {digits[5:]}", f"+91{digits}", f"0{digits}"])


def _h16_tw_time(rng: random.Random) -> str:
    return _dt(rng, 2009, 2024).replace(" ", "T") + f".{rng.randint(0, 999):03d}Z"


def _h16_tw_handle(rng: random.Random) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return rng.choice([f"{first}{last}", f"{first.lower()}_{last.lower()}", f"{first}{rng.randint(1, 9999)}",
                       f"{first[0]}{last}{rng.randint(70, 99)}", f"the{last}"])[:15]


# Made-up owners, tenants, members and riders of holdout17 (PetClinic, MicroRealEstate, wger, MemberMatters, Tinder,
# Oyster, 问卷星). Places are real towns and public stations; every person, street number, phone and id is invented.
H17_PC_CITIES = ["Madison", "Sun Prairie", "McFarland", "Windsor", "Monona", "Waunakee", "Middleton", "Verona"]
H17_PC_STREETS = ["W. Liberty St.", "E. Cottage Grove Ave.", "N. Main St.", "Lake Mendota Dr.", "Blue Mounds Rd.",
                  "Spring Rd.", "Fen Oak Ct.", "Old Sauk Rd."]
H17_PET_NAMES = ["Leo", "Basil", "Rosy", "Jewel", "Iggy", "George", "Samantha", "Max", "Lucky", "Mulligan", "Freddy",
                 "Sly", "Bella", "Charlie", "Luna", "Milo", "Daisy", "Oscar", "Coco", "Rocky"]
H17_VISITS = ["rabies shot", "neutered", "spayed", "annual checkup", "dental cleaning", "vaccination booster",
              "ear infection follow-up", "microchip implanted", "nail trim", "deworming"]
FR_FIRST = ["Camille", "Louis", "Léa", "Hugo", "Chloé", "Lucas", "Manon", "Jules", "Inès", "Nathan", "Sarah", "Théo"]
FR_LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre"]
# City, first postcode, number of arrondissement postcodes (1: a single postcode).
H17_FR_PLACES = [("Paris", 75001, 20), ("Lyon", 69001, 9), ("Marseille", 13001, 16), ("Nantes", 44000, 1),
                 ("Toulouse", 31000, 1), ("Lille", 59000, 1), ("Bordeaux", 33000, 1)]
H17_FR_STREETS = ["rue des Lilas", "avenue Jean Jaurès", "boulevard Voltaire", "rue de la République", "impasse des Tilleuls",
                  "rue Victor Hugo", "allée des Pins", "quai de la Loire"]
H17_DE_PLACES = [("Berlin", 10115, 14199), ("Hamburg", 20095, 22769), ("Leipzig", 4103, 4357),
                 ("Freiburg im Breisgau", 79098, 79117), ("Dresden", 1067, 1328)]
H17_DE_STREETS = ["Hauptstraße", "Bahnhofstr.", "Schillerstraße", "Am Markt", "Lindenweg", "Goethestr."]
H17_DOORS = [("Front Door", "Main entrance, Bay 1"), ("Roller Door", "Workshop roller door, loading dock"),
             ("Laser Cutter", "Interlock on the 80W laser, Bay 3"), ("CNC Router", "Interlock on the CNC router, wood shop"),
             ("Metal Lathe", "Interlock on the lathe, metal shop"), ("Electronics Lab", "Door to the electronics lab")]
# City centres of the made-up Tinder users (the position of a phone somewhere in town, never a home).
H17_TINDER_CITIES = [("New York", 40.7306, -73.9866), ("London", 51.5072, -0.1276), ("Berlin", 52.5200, 13.4050),
                     ("Oslo", 59.9139, 10.7522), ("Madrid", 40.4168, -3.7038), ("Toronto", 43.6532, -79.3832)]
H17_OYSTER_STATIONS = ["Brixton [London Underground]", "Oxford Circus", "Clapham Junction [National Rail]",
                       "Stratford [London Underground / DLR]", "Kings Cross St. Pancras", "Canary Wharf [DLR]",
                       "Finsbury Park", "Bank", "Waterloo (platforms 1-19) [National Rail]", "Camden Town"]
H17_WJX_PLACES = [("上海", "上海"), ("广东", "深圳"), ("广东", "广州"), ("北京", "北京"), ("浙江", "杭州"), ("四川", "成都")]


def _h17_is_company(i: int) -> bool:
    # One MicroRealEstate tenant in seven is a company; the row index decides, so its company columns agree.
    return i % 7 == 3


def _h17_fr_name(rng: random.Random) -> str:
    return f"{rng.choice(FR_FIRST)} {rng.choice(FR_LAST)}"


def _h17_fr_place(i: int) -> tuple[str, int, int]:
    return H17_FR_PLACES[(i * 5) % len(H17_FR_PLACES)]


def _h17_fr_zip(rng: random.Random, i: int) -> str:
    _, first, count = _h17_fr_place(i)
    return f"{first + rng.randint(0, count - 1):05d}"


def _h17_siret(rng: random.Random) -> str:
    # SIRET: 9-digit SIREN + 5-digit establishment number, the whole passing the Luhn check (made up).
    body = _s(rng, string.digits, 13)
    return body + _luhn_digit(body)


def _h17_de_place(i: int) -> tuple[str, int, int]:
    return H17_DE_PLACES[(i * 3) % len(H17_DE_PLACES)]


def _h17_tinder_pos(rng: random.Random, i: int, axis: int) -> str:
    centre = H17_TINDER_CITIES[i % len(H17_TINDER_CITIES)][1 + axis]
    return f"{centre + rng.uniform(-0.06, 0.06):.7f}"


def _h17_tinder_phone(rng: random.Random) -> str:
    return rng.choice([f"+1{rng.randint(201, 989)}555{rng.randint(0, 9999):04d}", f"+447700900{rng.randint(0, 999):03d}",
                       f"+4915{rng.randint(1, 9)}{_s(rng, string.digits, 8)}", f"+4791{_s(rng, string.digits, 6)}",
                       f"+346{_s(rng, string.digits, 8)}"])


def _h17_tinder_photo_url(rng: random.Random, i: int) -> str:
    # tinder_photos holds one person's photos: every url carries the same account id (a few archives, six photos each).
    owner = hashlib.md5(f"h17-tinder-{i // 6}".encode()).hexdigest()[:24]
    return f"https://images-ssl.gotinder.com/{owner}/original_{_uuid(rng)}.jpeg"


def _h17_oyster_journey(rng: random.Random) -> str:
    a, b = rng.sample(H17_OYSTER_STATIONS, 2)
    kind = rng.random()
    if kind < 0.6:
        return f"{a} to {b}"
    if kind < 0.8:
        return f"Bus journey, route {rng.choice(['159', '35', '88', 'N133', '25', '73'])}"
    if kind < 0.9:
        return f"Auto top-up, {a}"
    return rng.choice([f"Topped-up on touch in, {a}", f"Entered and exited {a}"])


# Made-up insurees, calling-card customers, students, viewers, shoppers and theatre members of holdout18 (openIMIS,
# A2Billing, RosarioSIS, Netflix, Amazon, a theatre's member sheet). Places are real towns; every person, number and id
# is invented.
H18_TZ_FIRST = ["Amina", "Juma", "Neema", "Baraka", "Rehema", "Hamisi", "Zawadi", "Salim", "Mwanaisha", "Joseph", "Grace",
                "Emmanuel", "Upendo", "Faraji", "Halima", "Daudi"]
H18_TZ_LAST = ["Mwakyusa", "Mollel", "Kimaro", "Massawe", "Mushi", "Lyimo", "Swai", "Mrema", "Temba", "Mbwambo", "Njau",
               "Kileo", "Shirima", "Urassa"]
H18_TZ_STREETS = ["Mtaa wa Uhuru", "Barabara ya Morogoro", "Mtaa wa Jamhuri", "Sinza Mori", "Mtaa wa Kariakoo",
                  "Barabara ya Bagamoyo", "Mtaa wa Lumumba", "Njiro Block C"]
# Town centres of the made-up insurees' homes (Dar es Salaam, Arusha, Dodoma, Mwanza).
H18_TZ_TOWNS = [(-6.7924, 39.2083), (-3.3869, 36.6830), (-6.1630, 35.7516), (-2.5164, 32.9175)]
H18_A2B_PLACES = [("USA", "Miami", "331"), ("USA", "Houston", "770"), ("MEX", "Guadalajara", "443"), ("GBR", "London", ""),
                  ("ESP", "Madrid", "280"), ("FRA", "Lyon", "690"), ("BRA", "Sao Paulo", "010")]
H18_NF_PROFILES = ["Anna", "Ben", "Kids", "Mum", "Dad", "Sofia", "Lukas", "Emma", "Noah", "Oma", "Guest", "Leo"]
H18_NF_TITLES = ["Stranger Things: Season 4: Chapter One: The Hellfire Club (Episode 1)",
                 "The Crown: Season 2: Misadventure (Episode 1)", "Dark: Season 1: Secrets (Episode 1)",
                 "Money Heist: Part 3: We're Back (Episode 1)", "Glass Onion: A Knives Out Mystery",
                 "Peppa Pig: Season 1: Muddy Puddles (Episode 1)",
                 "The Witcher: Season 1: The End's Beginning (Episode 1)",
                 "Squid Game: Season 1: Red Light, Green Light (Episode 1)", "Our Planet: One Planet (Episode 1)",
                 "Bridgerton: Season 1: Diamond of the First Water (Episode 1)", "Season 2 Trailer: Wednesday",
                 "All Quiet on the Western Front", "Extraction 2",
                 "Wednesday: Season 1: Wednesday's Child Is Full of Woe (Episode 1)"]
H18_NF_DEVICES = ["Samsung 2019 UHD TV", "Apple iPhone 12 (CBCS)", "Netflix Chrome MAC (Cadmium) HTML 5",
                  "Sony PS5", "Amazon Fire TV Stick 2020 Lite", "Google Chromecast with Google TV", "LG webOS 2021 TV",
                  "Android DefaultWidevineL3Phone", "Apple iPad Pro 11 (3rd Gen) (CBCS)", "Microsoft Xbox Series X"]
H18_NF_ESN_PREFIXES = ["NFANDROID2-PRV-SHIELDANDROIDTV-NVIDISHIELD=-", "SSN000FD500XXXXXXXX2019SMSUHDTV=", "NFCDCH-MC-",
                       "IOS-APPL1-IPHONE13=3-", "SNY-PS5NATIVE-", "NFANDROID1-PRV-P-SAMSUSM-G991B-", "LGTV2021=-"]
H18_AMZ_PRODUCTS = ["Anker USB C Charger 20W, 511 Charger (Nano)", "Kindle Paperwhite (16 GB)",
                    "AmazonBasics AA Batteries (20-Pack)",
                    "Ninja Air Fryer AF101, 4 Quart", "LEGO Classic Medium Creative Brick Box 10696",
                    "Hydro Flask Wide Mouth Bottle 32 oz", "Echo Dot (5th Gen) Smart speaker with Alexa",
                    "Atomic Habits (Hardcover)",
                    "Crest 3D White Toothpaste, 3 Pack", "SanDisk 128GB Ultra microSDXC UHS-I Memory Card"]


def _h18_chfid(rng: random.Random) -> str:
    # openIMIS insurance numbers: nine digits (twelve allowed), often with leading zeros kept as text.
    return rng.choice([f"{rng.randint(0, 999999999):09d}", f"{rng.randint(100000000, 999999999)}",
                       f"{rng.randint(0, 999999999999):012d}"])


def _h18_tz_geo(rng: random.Random, i: int) -> tuple[float, float]:
    lat, lon = H18_TZ_TOWNS[i % len(H18_TZ_TOWNS)]
    return lat + rng.uniform(-0.05, 0.05), lon + rng.uniform(-0.05, 0.05)


def _h18_imis_photo_file(rng: random.Random, i: int) -> str:
    # openIMIS names an enrolment photo CHFID_OFFICERCODE_YYYYMMDD_LAT_LON.jpg ("0.0_0.0" when the tablet had no fix).
    lat, lon = _h18_tz_geo(rng, i)
    where = rng.choice([f"{lat:.6f}_{lon:.6f}", f"{lat:.6f}_{lon:.6f}", "0.0_0.0"])
    return (f"{_h18_chfid(rng)}_E{rng.randint(1, 40):05d}_{rng.randint(2018, 2025)}{rng.randint(1, 12):02d}"
            f"{rng.randint(1, 28):02d}_{where}.jpg")


def _h18_dialled(rng: random.Random) -> str:
    # Numbers as customers dial them through the card platform: international prefix and digits, no separators.
    return rng.choice([f"011{rng.choice(['52', '44', '34', '57', '63'])}{_s(rng, string.digits, 10)}",
                       f"1{rng.randint(201, 989)}555{rng.randint(0, 9999):04d}", f"00{rng.choice(['44', '33', '49'])}"
                       f"{_s(rng, string.digits, 10)}", f"52{rng.choice(['33', '55', '81'])}{_s(rng, string.digits, 8)}"])


def _h18_amz_address(rng: random.Random) -> str:
    # One cell: name, street, town, state, ZIP+4 and country, upper-cased by the export in older rows.
    addr = (f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.randint(10, 9999)}"
            f" {rng.choice(['Oak', 'Pine', 'Maple', 'Cedar', 'Elm'])}"
            f" {rng.choice(['St', 'Ave', 'Dr', 'Ln'])} {rng.choice(['APT 4B ', '', '', 'UNIT 12 '])}"
            f"{rng.choice(['SPRINGFIELD IL 62704', 'Austin TX 78745', 'Seattle WA 98103', 'Columbus OH 43215'])}"
            f"-{rng.randint(1000, 9999)} United States")
    return addr.upper() if rng.random() < 0.3 else addr


def _h18_sha512_crypt(rng: random.Random) -> str:
    return f"$6${_s(rng, string.ascii_letters + string.digits, 16)}${_s(rng, string.ascii_letters + string.digits + './', 86)}"


# Made-up dental patients, booking customers, take-away customers, learners, listeners and employees of holdout19
# (Open Dental, Easy!Appointments, sky-take-out, Chamilo, Spotify, a DingTalk-connected attendance sheet). Places are
# real towns and streets; every person, number and id is invented.
H19_US_CITIES = ["Portland", "Salem", "Eugene", "Beaverton", "Boise", "Spokane", "Vancouver", "Gresham", "Bend"]
H19_OD_PROCS = ["PA, BWX, Pro, Ex", "Crn, Seat", "FMX, CompEx, Pro", "RCT, BU", "Ext", "MO, DO", "Pro, Ex, Fl",
                "SRP UR, SRP UL", "PerioMaint", "BWX, PerEx", "Imp, Abut", "Seal"]
H19_OD_NOTES = ["Recall 6 mo", "Bring updated insurance card", "Crown seat - lab case due Tue", "Premed before tx",
                "Confirm 2 days ahead", "Use op 3 (ceramic mill)", "New pt paperwork online", "Hyg only, no exam"]
H19_SKY_REMARKS = ["少放辣", "不要香菜", "放门口就行", "多给两包醋", "饭多一点", "不要葱", "尽快送达，谢谢",
                   "到了打电话", "免辣"]
H19_CN_CITIES = [("4403", "深圳市", "广东省", "南山区"), ("4401", "广州市", "广东省", "天河区"),
                 ("3301", "杭州市", "浙江省", "西湖区"), ("3101", "上海市", "上海市", "浦东新区"),
                 ("5101", "成都市", "四川省", "武侯区"), ("1101", "北京市", "北京市", "海淀区")]
H19_CN_STREETS = ["科技园路", "文三路", "天府大道", "张江路", "中关村大街", "珠江新城华夏路", "学院路", "深南大道"]
H19_SPOTIFY_TRACKS = [("Heroes - 2017 Remaster", "6rqhFgbbKwnb9MLmUQDhG6"), ("Blinding Lights", "0VjIjW4GlUZAMYd2vXMi3b"),
                      ("Levitating", "463CkQjx2Zk1yXoBuierM9"), ("Bohemian Rhapsody - Remastered 2011",
                                                                 "7tFiyTwD0nx5a1eklYtX2J"),
                      ("Für Elise", "1Nmf6Lj9Gf8u0nfrzZnMt9"), ("As It Was", "4LRPiXqCikLlN15c3yImP7"),
                      ("Tage wie diese", "0Ug7QHy1qGZ0oT6t4M7Cde"), ("Flowers", "0yLdNVWF3Srea0uzk55zFn")]
H19_SPOTIFY_SHOWS = [("Hotel Matze", "Folge 212 - Mit wem verbringst du deine Zeit?"),
                     ("The Daily", "The Sunday Read: 'The Lost Sea Shanty'"), ("Fest & Flauschig", "Das Klo auf dem Balkon"),
                     ("Huberman Lab", "Sleep Toolkit: Tools for Optimizing Sleep"), ("Lage der Nation", "LdN 341 Haushalt")]


def _h19_od_folder(rng: random.Random, i: int) -> str:
    # Open Dental names the image folder LastFirst + PatNum, letters only ("OConnor" for O'Connor).
    last = "".join(c for c in rng.choice(LAST) if c.isalpha())
    first = "".join(c for c in rng.choice(FIRST) if c.isalpha())
    return f"{last}{first}{i + 1}"


def _h19_sky_place(rng: random.Random) -> tuple[str, str, str, str]:
    return rng.choice(H19_CN_CITIES)


def _h19_spotify_ua(rng: random.Random) -> str:
    return rng.choice(["unknown", "unknown", "unknown", _ua(rng),
                       f"Spotify/8.{rng.randint(6, 9)}.{rng.randint(0, 96)} Android/{rng.randint(29, 34)} (Pixel 5)",
                       f"Spotify/8.{rng.randint(6, 9)}.{rng.randint(0, 96)} iOS/{rng.randint(15, 17)}.{rng.randint(0, 5)} "
                       "(iPhone12,1)"])


def _h19_b62(rng: random.Random) -> str:
    return _s(rng, string.ascii_letters + string.digits, 22)
# Made-up policy holders, callers, listeners, donors and pupils of holdout20 (TechKhedut insurance for Odoo, FreeSWITCH,
# Twilio, Spotify, OpenPetra, a tuition centre's student sheet). Places are real towns; every person, number and id is
# invented.
H20_IN_CITIES = [("Mumbai", "400"), ("Pune", "411"), ("Bengaluru", "560"), ("Chennai", "600"), ("New Delhi", "110"),
                 ("Ahmedabad", "380"), ("Hyderabad", "500")]
H20_IN_STREETS = ["MG Road", "Linking Road", "Station Road", "Nehru Nagar", "Gandhi Chowk", "Residency Road", "Park Street"]
H20_DE_FIRST = ["Anna", "Lukas", "Marie", "Jonas", "Sophie", "Felix", "Lena", "Paul", "Hannah", "Jürgen", "Ursula",
                "Klaus", "Sabine", "Matthias", "Ingrid", "Tobias"]
H20_DE_LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
               "Koch", "Richter", "Klein", "Wolf", "Schröder"]
# German towns of the made-up donors: name, lowest postcode, highest postcode, centre.
H20_DE_PLACES = [("Berlin", 10115, 14199, 52.520, 13.405), ("Leipzig", 4103, 4357, 51.340, 12.375),
                 ("Stuttgart", 70173, 70629, 48.776, 9.183), ("Bielefeld", 33602, 33739, 52.030, 8.532),
                 ("Dresden", 1067, 1328, 51.050, 13.738), ("Kassel", 34117, 34134, 51.312, 9.480)]
H20_DE_STREETS = ["Hauptstraße", "Bahnhofstr.", "Lindenallee", "Am Kirchberg", "Gartenweg", "Schulstraße", "Mühlenweg"]
H20_SP_TRACKS = ["Anti-Hero", "Blinding Lights", "Heroes - 2017 Remaster", "Andromeda (feat. DRAM)", "Flowers",
                 "Dancing Queen", "Bohemian Rhapsody - Remastered 2011", "Levitating", "Atemlos durch die Nacht",
                 "Clair de Lune", "As It Was", "Shape of You", "Major Tom (völlig losgelöst)", "Take On Me"]
H20_SP_EPISODES = ["#412 The Science of Sleep", "Folge 87: Die Akte Barschel", "Ep. 12 - Sourdough Basics",
                   "The Daily: A Week of Storms", "Episode 203: Money Habits", "Gemischtes Hack #301"]
H20_SP_PLATFORMS = ["Android OS 12 API 31 (samsung, SM-G991B)", "iOS 16.5 (iPhone14,2)", "windows",
                    "web_player windows 10;chrome 114.0.5735.199;desktop", "Partner google cast_tv;Chromecast;;",
                    "OS X 10.15.7 [x86 8]", "Android OS 13 API 33 (Google, Pixel 7)", "Partner sonos_one;Sonos;One;;"]
H20_SP_QUERIES = ["taylor sw", "lofi", "true crime", "beatles", "rammstein", "sleep sounds", "helene f", "podcast news",
                  "chill", "k", "kinderlieder", "jazz piano", "the weeknd", "workout"]
H20_CNAM = ["WIRELESS CALLER", "LOPEZ ANA", "SMITH JOHN", "GARCIA MARIA", "TOLL FREE CALL", "NGUYEN T", "CHEN WEI",
            "OKAFOR EMEKA", "BROWN SARAH", "PATEL RAJ"]
H20_MY_TOWNS = [("47300", "Petaling Jaya", "Selangor", "八打灵再也"), ("50450", "Kuala Lumpur", "W.P. Kuala Lumpur", "吉隆坡"),
                ("41200", "Klang", "Selangor", "巴生"), ("43000", "Kajang", "Selangor", "加影"),
                ("10200", "George Town", "Pulau Pinang", "槟城")]


def _h20_de_iban(rng: random.Random) -> str:
    # German IBAN: DE, two check digits (ISO 7064 mod 97-10), an 8-digit bank code and a 10-digit account number.
    bban = f"{rng.randint(10000000, 89999999)}{rng.randint(0, 9999999999):010d}"
    check = 98 - int(bban + "131400") % 97
    iban = f"DE{check:02d}{bban}"
    return " ".join(iban[k:k + 4] for k in range(0, len(iban), 4)) if rng.random() < 0.3 else iban


def _h20_de_place(i: int) -> tuple[str, int, int, float, float]:
    return H20_DE_PLACES[i % len(H20_DE_PLACES)]


def _h20_petra_coord(rng: random.Random, i: int, axis: int) -> str:
    # OpenPetra stores 0 when an address was never geocoded (both coordinates of the row).
    if i % 4 == 3:
        return "0"
    centre = _h20_de_place(i)[3 + axis]
    return f"{centre + rng.uniform(-0.06, 0.06):.6f}"


def _h20_twilio_e164(rng: random.Random) -> str:
    return rng.choice([f"+1{rng.randint(201, 989)}555{rng.randint(100, 199):04d}",
                       f"+1{rng.randint(201, 989)}555{rng.randint(0, 9999):04d}",
                       f"+4420794{rng.randint(60000, 60999)}", f"+4930{rng.randint(1000000, 9999999)}"])


def _h20_twilio_party(rng: random.Random) -> str:
    # To/From hold E.164 numbers, and for app and SIP legs a client identifier or a SIP address.
    k = rng.random()
    if k < 0.85:
        return _h20_twilio_e164(rng)
    if k < 0.93:
        return f"client:{rng.choice(FIRST).lower()}"
    return f"sip:{rng.choice(FIRST).lower()}@acme-support.sip.twilio.com"


def _h20_twilio_formatted(rng: random.Random) -> str:
    n = _h20_twilio_e164(rng)
    if n.startswith("+1"):
        return f"({n[2:5]}) {n[5:8]}-{n[8:]}"
    return rng.choice([n, f"{n[:3]} {n[3:5]} {n[5:9]} {n[9:]}"])


def _h20_rfc2822(rng: random.Random) -> str:
    y, m, d = rng.randint(2021, 2025), rng.randint(1, 12), rng.randint(1, 28)
    wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][(y * 365 + m * 31 + d) % 7]
    mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]
    return f"{wd}, {d:02d} {mon} {y} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +0000"


def _h20_sp_username(rng: random.Random) -> str:
    # Spotify user ids: a chosen legacy name, a generated 28-character id ("31" + base32), or a Facebook-era number.
    return rng.choice([f"{rng.choice(FIRST).lower()}{rng.choice(['.', '_', ''])}{rng.choice(LAST).lower()[:rng.randint(1, 6)]}",
                       "31" + _s(rng, "abcdefghijklmnopqrstuvwxyz234567", 26),
                       "31" + _s(rng, "abcdefghijklmnopqrstuvwxyz234567", 26),
                       _s(rng, string.ascii_lowercase + string.digits, 25),
                       str(rng.randint(1100000000, 1299999999))])


def _h20_my_address(rng: random.Random, i: int) -> str:
    code, town, state, town_zh = H20_MY_TOWNS[i % len(H20_MY_TOWNS)]
    k = rng.random()
    if k < 0.55:
        return (f"No. {rng.randint(1, 120)}, Jalan {rng.choice(['SS2', 'PJU 1', 'Bukit Bintang', 'Kapar', 'Reko'])}"
                f"/{rng.randint(1, 40)}, {rng.choice(['Taman Megah, ', 'Taman Sri Muda, ', ''])}{code} {town}, {state}")
    if k < 0.85:
        return f"{state if rng.random() < 0.3 else ''}{town_zh}{rng.choice(['新村', '花园', '', ''])}{rng.randint(1, 99)}号"
    return rng.choice([town_zh, f"{town_zh}市中心", state])



# Made-up patrons, signers, parcel receivers, webinar attendees and students of holdout21 (Evergreen ILS,
# Documenso, EasyParcel, Zoom, a courier bulk-shipping CSV, Tencent Meeting). Places are real towns; every person,
# number and id is invented.
H21_US_PLACES = [("Athens", "306"), ("Macon", "312"), ("Rome", "301"), ("Valdosta", "316"), ("Savannah", "314"),
                 ("Dalton", "307"), ("Decatur", "300")]
H21_US_STREETS = ["Peachtree St", "Oak Hollow Rd", "Clayton St", "Milledge Ave", "Broad St", "Pine Needle Ln",
                  "Hickory Ridge Dr", "Main St"]
H21_MIDDLE = ["Marie", "Lee", "Ann", "James", "Grace", "Ray", "Louise", "Edward", "J.", "M."]
H21_NICKNAMES = ["Liz", "Bobby", "Jen", "Mo", "Kat", "Sam", "Bookworm", "Captain Reads", "Tee", "Nana"]
H21_PARCELS = ["Baju kurung", "Books", "Tudung bawal", "Phone case", "Kuih raya", "Skincare set", "Sambal bilis 3 jars",
               "Kids shoes", "Batik shirt", "Notebook set"]
# The two shops that send the parcels (sender columns: the same few values on every row).
H21_SHOPS = [("BatikLane Dispatch", "BatikLane Sdn Bhd", "03-7960 1234", "orders@batiklane.example.my",
              "Lot 12, Jalan Teknologi 3/5, Kota Damansara", "47810", "Petaling Jaya"),
             ("Kedai Buku Ilmu Online", "Ilmu Niaga Enterprise", "04-229 8812", "admin@kedaiilmu.example.com",
              "No. 5, Lebuh Pantai, Level 2", "10300", "George Town")]
H21_MY_TOWNS = [("47", "Petaling Jaya"), ("50", "Kuala Lumpur"), ("81", "Johor Bahru"), ("30", "Ipoh"), ("88", "Kota Kinabalu"),
                ("93", "Kuching"), ("43", "Kajang"), ("75", "Melaka")]
H21_MY_NAMES = ["Nur Aisyah binti Ahmad", "Tan Wei Ming", "Siti Rahmah Ismail", "Rajesh a/l Kumar", "Lim Mei Ling",
                "Muhammad Hafiz bin Osman", "Chong Kah Wai", "Priya d/o Subramaniam", "Farah Nabilah", "Wong Siew Lan",
                "Ahmad Firdaus", "Kavitha Rajan"]
H21_MY_COMPANIES = ["Universiti Malaya", "SK Taman Megah", "Petronas Dagangan Bhd", "Klinik Kesihatan Kajang",
                    "Maybank Tower, Level 18"]
H21_COUNTRIES = ["United States", "United States", "Germany", "India", "Malaysia", "United Kingdom", "Brazil", "Canada",
                 "Nigeria", "Philippines"]
H21_CN_UNITS = ["深圳市第二实验学校", "华为技术有限公司", "南山区育才中学", "杭州市学军中学", "浦东新区图书馆"]
H21_CN_PRODUCTS = ["初三数学;物理冲刺班讲义;", "高一英语;暑期班教材;赠送错题本", "初二语文;阅读写作精练;",
                   "高三化学;一轮复习资料;", "小升初数学;思维训练;练习册", "初一英语;新概念第一册;"]
H21_TM_PREFIXES = ["三班-", "二组-", "研发部-", "", "", "", "家长-", "初二(5)班"]


def _h21_barcode(rng: random.Random) -> str:
    # A 14-digit Codabar library-card number: "2", a 4-digit library prefix, 8 digits and a mod-10 check digit.
    body = "2" + rng.choice(["1003", "1003", "1011", "2250"]) + _s(rng, string.digits, 8)
    return body + _luhn_digit(body)


def _h21_us_phone(rng: random.Random) -> str:
    area, n = rng.choice(["404", "706", "912", "478", "770"]), rng.randint(100, 199)
    return rng.choice([f"{area}-555-{n:04d}", f"({area}) 555-{n:04d}", f"{area}555{n:04d}", f"{area}.555.{n:04d} x12"])


def _h21_pg_tstz(rng: random.Random, y0: int, y1: int) -> str:
    return f"{_dt(rng, y0, y1)}.{rng.randint(0, 999999):06d}{rng.choice(['-04', '-05'])}"


def _h21_signature_png(rng: random.Random) -> str:
    # A PNG's signature and IHDR start, then a random payload: a drawn signature kept as a data URI.
    raw = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(rng.randint(90, 240))
    return "data:image/png;base64," + base64.b64encode(raw).decode()


def _h21_cn_address(rng: random.Random, i: int) -> str:
    _code, city, province, district = H19_CN_CITIES[i % len(H19_CN_CITIES)]
    prov = "" if province == city else province
    return (f"{prov}{city}{district}{rng.choice(H19_CN_STREETS)}{rng.randint(1, 400)}号"
            f"{rng.choice(['', '阳光花园', '创维大厦', '翠苑小区'])}{rng.randint(1, 30)}栋{rng.randint(101, 2806)}")

MONTHS_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _h21_my_street(rng: random.Random) -> str:
    return rng.choice([f"No. {rng.randint(1, 120)}, Jalan {rng.choice(['SS2', 'Bukit Bintang', 'Ampang', 'Kenari'])}"
                       f"/{rng.randint(1, 40)}, Taman {rng.choice(['Megah', 'Bahagia', 'Sri Muda', 'Desa'])}",
                       f"Blok {rng.choice('ABC')}-{rng.randint(1, 20)}-{rng.randint(1, 12)}, Pangsapuri "
                       f"{rng.choice(['Seri Mas', 'Cempaka'])}",
                       f"{rng.randint(1, 99)}, Lorong {rng.choice(['Mawar', 'Melur', 'Kenanga'])} {rng.randint(1, 9)}"])


def _h21_zoom_phone(rng: random.Random) -> str:
    return rng.choice([f"+1 {rng.randint(201, 989)}-555-{rng.randint(100, 199):04d}",
                       f"+91 98{_s(rng, string.digits, 8)}", f"+49 151 {_s(rng, string.digits, 8)}",
                       f"0{rng.randint(7000, 7999)} 900{rng.randint(100, 999)}",
                       f"{rng.randint(201, 989)}555{rng.randint(100, 199):04d}"])


def _h21_tm_nickname(rng: random.Random) -> str:
    # 入会昵称(用户昵称): the nickname shown in the meeting, then the account's nickname in brackets.
    n = _cn_name(rng)
    return rng.choice([f"{rng.choice(H21_TM_PREFIXES)}{n}({n})", f"{n}({n})", n,
                       f"{rng.choice(['iPhone', 'HUAWEI Mate 60', '李老师', 'Tom'])}({n})"])


# Made-up gym members and enquirers, signers, DocuSeal users, library patrons, ticket buyers and Chinese shoppers of
# holdout22 (Gymie, DocuSeal, FOLIO, eventik, a group-buying app's order export, a photo studio's order export).
# Places are real towns; every person, number and id is invented.
H22_IN_FIRST = ["Aarav", "Priya", "Rohan", "Sneha", "Vikram", "Ananya", "Karan", "Meera", "Arjun", "Pooja", "Rahul",
                "Kavya", "Siddharth", "Neha", "Imran", "Fatima"]
H22_IN_LAST = ["Sharma", "Patil", "Deshmukh", "Iyer", "Nair", "Reddy", "Kulkarni", "Joshi", "Shaikh", "Gupta", "Menon",
               "Chavan"]
H22_IN_PLACES = [("Pune", "411"), ("Mumbai", "400"), ("Thane", "400"), ("Nashik", "422"), ("Bengaluru", "560"),
                 ("Ahmedabad", "380")]
H22_IN_AREAS = ["Kothrud", "Baner", "Andheri West", "Aundh", "Koramangala", "Navrangpura", "Viman Nagar", "Powai"]
H22_HEALTH = ["None", "None", "None", "NA", "Asthma", "Knee injury", "Back pain", "Diabetes", "High BP", "Thyroid",
              "Slip disc (L4-L5)", "Recovering from ACL surgery"]
H22_US_PLACES = [("Ann Arbor", "481"), ("Ypsilanti", "481"), ("Lansing", "489"), ("Flint", "485"), ("Toledo", "436"),
                 ("Kalamazoo", "490")]
H22_US_STREETS = ["S State St", "Packard St", "Washtenaw Ave", "Huron St", "Plymouth Rd", "Geddes Ave", "Maple Rd"]
H22_MIDDLE = ["Anne", "J.", "Lee", "Marie", "Robert", "K.", "Grace", "Thomas"]
H22_PREFERRED = ["Beth", "Alex", "Sam", "Kit", "Danny", "Jo", "Liz", "Max", "Nico", "Bea"]
# Patron groups and address types of the made-up FOLIO tenant: a few fixed ids on every row.
H22_FOLIO_GROUPS = ["3684a786-6671-4268-8ed0-9db82ebca60b", "503a81cd-6c26-400f-b620-14c08943697c",
                    "ad0bc554-d5bc-463c-85d1-5562127ae91b", "bdc2b6d4-5ceb-4a12-ab46-249b9a68473e"]
H22_FOLIO_ADDRESS_TYPES = ["93d3d88d-499b-45d0-9bc7-ac73c3a19880", "1c4b225f-f669-4e9b-afcd-ebc0e273a34e",
                           "46ff3f08-8f41-485c-98d8-701ba8404f4f"]
H22_FOLIO_STAFF = ["9d4f2c1e-7b3a-4e60-8f21-3c5d6e7f8a90", "0b1c2d3e-4f50-4617-8a9b-c0d1e2f3a4b5",
                   "e6f7a8b9-c0d1-4e2f-9a3b-4c5d6e7f8091"]
H22_AR_FIRST = ["Martina", "Santiago", "Valentina", "Mateo", "Camila", "Joaquín", "Lucía", "Tomás", "Sofía", "Facundo",
                "Agustina", "Nicolás"]
H22_AR_LAST = ["González", "Rodríguez", "Fernández", "López", "Martínez", "Pérez", "Gómez", "Sosa", "Romero", "Álvarez",
               "Benítez", "Acosta"]
H22_GB_SHOPS = ["鲜果多社区店", "邻里优选(翠苑店)", "每日鲜团购点", "好邻居便利店", "惠民粮油批发部"]
H22_GB_PRODUCTS = ["海南金钻凤梨 2个装", "东北五常大米 10斤", "红心火龙果 5斤", "金龙鱼菜籽油 5L", "洗衣凝珠 52颗",
                   "草莓 2斤(丹东99)", "纸巾 24包整箱", "婴儿湿巾 80抽*6"]
H22_WX_NICKNAMES = ["小小鱼", "A-阳光", "Lily", "🌸花开富贵", "王姐团购", "天天向上", "Jason", "平安是福", "。",
                    "糖糖妈", "A001-翠苑团长", "风清扬"]
H22_PHOTO_PRODUCTS = ["证件照", "证件照", "精修写真", "儿童照", "全家福", "毕业照", "婚纱照套餐", "形象照"]


def _h22_in_name(rng: random.Random) -> str:
    f, la = rng.choice(H22_IN_FIRST), rng.choice(H22_IN_LAST)
    return rng.choice([f"{f} {la}", f"{f} {la}", f"{f.upper()} {la.upper()}", f"{f} {rng.choice('ABDKMRS')}. {la}", f])


def _h22_in_address(rng: random.Random, i: int) -> str:
    town, pin = H22_IN_PLACES[i % len(H22_IN_PLACES)]
    return rng.choice([
        f"Flat {rng.randint(1, 12)}0{rng.randint(1, 4)}, {rng.choice(['Shanti', 'Sai Krupa', 'Gokul', 'Green Valley'])}"
        f" Apartments, {rng.choice(H22_IN_AREAS)}, {town} - {pin}{rng.randint(1, 99):03d}",
        f"{rng.randint(1, 250)}, {rng.choice(['MG Road', 'Station Road', 'Lane No. 4', 'Tilak Nagar'])}, {town}",
        f"{rng.choice(H22_IN_AREAS)}, {town}",
    ])


def _h22_in_mobile(rng: random.Random) -> str:
    n = rng.choice("9876") + _s(rng, string.digits, 9)
    return rng.choice([n, n, n, "0" + n, f"{n[:5]} {n[5:]}"])


def _h22_folio_barcode(rng: random.Random) -> str:
    # A 14-digit patron barcode: "2", a 4-digit institution prefix, 8 digits and a mod-10 check digit.
    body = "2" + rng.choice(["0112", "0112", "0786"]) + _s(rng, string.digits, 8)
    return body + _luhn_digit(body)


def _h22_folio_ts(rng: random.Random, y0: int, y1: int) -> str:
    return f"{_dt(rng, y0, y1).replace(' ', 'T')}.{rng.randint(0, 999):03d}+00:00"


def _h22_ar_phone(rng: random.Random) -> str:
    n = rng.randint(100, 199)
    return rng.choice([f"+54 9 11 5555-{n:04d}", f"11 5555-{n:04d}", f"0351 15-555-{n:04d}", f"+5493415550{n:03d}",
                       f"15-5555-{n:04d}"])


# Camera names of the made-up Viseron recorder (holdout5).
# radcheck rows of the made-up FreeRADIUS user store (holdout15): most rows hold a user's password, a few hold a limit
# or an expiry date, as the check items of a small ISP do.
H15_RADCHECK = ["Cleartext-Password"] * 7 + ["NT-Password", "Simultaneous-Use", "Expiration"]


def _h15_radcheck_value(rng: random.Random, i: int) -> str:
    attr = H15_RADCHECK[i % len(H15_RADCHECK)]
    if attr == "Cleartext-Password":
        return rng.choice(["Summer", "dragon", "Qwerty", "letmein", "Pass", "welcome"]) + str(rng.randint(1, 9999))
    if attr == "NT-Password":
        return "0x" + _s(rng, "0123456789ABCDEF", 32)
    if attr == "Simultaneous-Use":
        return rng.choice(["1", "1", "2"])
    return f"{rng.randint(1, 28):02d} {rng.choice(['Jan', 'Jun', 'Dec'])} {rng.randint(2025, 2027)} 23:59"


VISERON_CAMERAS = ["front_door", "driveway", "backyard", "garage", "nursery"]


# Pinyin of the made-up Chinese names of holdout10 (ZenTao accounts, pinyin and committer names).
PINYIN_SURNAMES = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu"]
PINYIN_GIVEN = ["wei", "fang", "na", "min", "jing", "li", "qiang", "lei", "yang", "yan", "yong", "jun", "jie", "juan", "tao"]

# Matrix homeservers of the made-up Synapse tables (holdout10).
MX_SERVERS = ["matrix.example.org", "example.com", "chat.example.net"]


def _mx_localpart(rng: random.Random) -> str:
    return rng.choice(
        [
            rng.choice(FIRST).lower() + rng.choice(["", str(rng.randint(1, 99))]),
            f"{rng.choice(FIRST).lower()}.{rng.choice(LAST).lower()}",
            rng.choice(PINYIN_SURNAMES) + rng.choice(PINYIN_GIVEN),
        ]
    )


def _mx_user_id(rng: random.Random) -> str:
    return f"@{_mx_localpart(rng)}:{rng.choice(MX_SERVERS)}"


def _mx_access_token(rng: random.Random) -> str:
    # Synapse's current tokens: syt_<unpadded base64 of the localpart>_<20 random letters>_<6-char base62 checksum>.
    local = base64.b64encode(_mx_localpart(rng).encode()).decode().rstrip("=")
    return f"syt_{local}_{_s(rng, string.ascii_letters, 20)}_{_s(rng, ALNUM, 6)}"


def _pinyin_name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(PINYIN_SURNAMES), rng.choice(PINYIN_GIVEN)


def _h10_coord(rng: random.Random, i: int, axis: int, decimals: int) -> str:
    return f"{HA_HOMES[i % len(HA_HOMES)][axis] + rng.uniform(-0.2, 0.2):.{decimals}f}"


def _tb_uuid(rng: random.Random) -> str:
    # ThingsBoard ids are time-based (version 1) UUIDs.
    h = _s(rng, HEX, 32)
    return f"{h[:8]}-{h[8:12]}-11{rng.choice('ef')}{h[15]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


# Staff user ids of the made-up SuiteCRM instance (holdout11): "1" is the admin SuiteCRM creates.
SUITE_USERS = ["1", "1", "1", "seed_sally_id", "seed_max_id", "4b8f2c1e-6d0a-4f7b-9a3e-2c5d8e1f0a7b"]


def _h11_coord(rng: random.Random, i: int, axis: int) -> float:
    # Positions scattered around city centres (HA_HOMES), never a real home.
    return HA_HOMES[i % len(HA_HOMES)][axis] + rng.uniform(-0.08, 0.08)


def _mac_upper(rng: random.Random) -> str:
    return ":".join(_s(rng, "0123456789ABCDEF", 2) for _ in range(6))


def _xm_did(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.7:
        return str(rng.randint(100_000_000, 999_999_999))
    if roll < 0.85:
        return "blt.3." + _s(rng, string.ascii_lowercase + string.digits, 13)
    return "lumi.158d000" + _s(rng, HEX, 7)


def _ezviz_serial(i: int) -> str:
    # One serial per row index, so a camera row, its device row and its cover-picture URL name the same camera.
    rng = random.Random(f"ezviz:{i}")
    return rng.choice("CDEFGJKL") + _s(rng, string.digits, 8)


def _suite_email(i: int) -> str:
    # One address per row index, so email_address_caps is the same address upper-cased, as SuiteCRM stores it.
    rng = random.Random(f"suitecrm-email:{i}")
    return f"{rng.choice(['ana', 'li', 'wei', 'tom', 'mia', 'zhang.san', 'j.doe', 'omar'])}{rng.randint(1, 99999)}@" + rng.choice(
        ["example.com", "example.net", "example.org"]
    )


def _duration(rng: random.Random, lo: int, hi: int) -> str:
    sec = rng.randint(lo, hi)
    return f"{sec // 3600:02d}:{sec % 3600 // 60:02d}:{sec % 60:02d}"


GENERATORS: dict[str, Callable[[random.Random, int], str]] = {
    "seq": lambda r, i: str(i + 1),
    "small_int_id": lambda r, i: str(r.randint(1, 5000)),
    "camera_name": lambda r, i: (
        r.choice(["Front Door", "Back Yard", "Garage", "Driveway", "Living Room", "Nursery", "Porch", "Side Gate"])
        + r.choice(["", " 2", " Cam"])
    ),
    "lan_hostname": lambda r, i: f"ipcam-{r.randint(1, 60)}.{r.choice(['lan', 'local', 'home.arpa'])}",
    "rtsp_url_with_credentials": lambda r, i: (
        f"rtsp://{r.choice(['admin', 'root', 'viewer', 'user1'])}:"
        f"{r.choice(['Summer', 'cam', 'Qwerty', 'zosi'])}{r.randint(1, 9999)}"
        f"@ipcam-{r.randint(1, 60)}.lan:554/"
        f"{r.choice(['Streaming/Channels/101', 'h264Preview_01_main', 'live/ch00_0'])}"
    ),
    "plain_password": lambda r, i: (
        r.choice(["Summer", "dragon", "Qwerty", "letmein", "Pass", "admin"]) + str(r.randint(1, 9999))
    ),
    "lat6": lambda r, i: f"{r.uniform(18, 55):.6f}",
    "lon6": lambda r, i: f"{r.uniform(-120, 130):.6f}",
    "username": lambda r, i: (
        r.choice(["cat", "sky", "neo", "lucky", "panda", "ana", "wei", "tom"])
        + r.choice(["_", ".", ""])
        + str(r.randint(1, 9999))
    ),
    "username_slug": lambda r, i: (
        r.choice(["ana-lopez", "wei-zhang", "tom-b", "mia", "omar-ali"]) + str(r.randint(1, 999))
    ),
    "bcrypt_2y": lambda r, i: f"$2y${r.choice(['10', '12'])}$" + _s(r, CRYPT64, 53),
    "epoch": lambda r, i: str(r.randint(1_690_000_000, 1_790_000_000)),
    "epoch_float": lambda r, i: f"{r.uniform(1_690_000_000, 1_790_000_000):.6f}",
    "epoch_micros": lambda r, i: str(r.randint(1_690_000_000_000_000, 1_790_000_000_000_000)),
    "frigate_event_id": lambda r, i: (
        f"{r.randint(1_690_000_000, 1_790_000_000)}.{r.randint(0, 999999):06d}"
        f"-{_s(r, string.ascii_lowercase + string.digits, 6)}"
    ),
    "score": lambda r, i: f"{r.uniform(0.5, 0.99):.4f}",
    "zones_json": lambda r, i: json.dumps(r.sample(["porch", "yard", "street", "driveway"], r.randint(0, 2))),
    "base64_jpeg": lambda r, i: _jpeg_b64(r),
    "hex16": lambda r, i: _s(r, HEX, 16),
    "hex24": lambda r, i: _s(r, HEX, 24),
    "hex32": lambda r, i: _s(r, HEX, 32),
    "hex40": lambda r, i: _s(r, HEX, 40),
    "hex128": lambda r, i: _s(r, HEX, 128),
    "model_md5": lambda r, i: r.choice(
        ["9b3c0e5f6a4d2b1c8e7f6a5b4c3d2e1f", "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "7c6b5a4938271605f4e3d2c1b0a99887"]
    ),
    "frigate_recording_path": lambda r, i: (
        f"/media/frigate/recordings/2025-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}/"
        f"{r.randint(0, 23):02d}/{r.choice(['front_door', 'driveway', 'backyard'])}/"
        f"{r.randint(0, 59):02d}.{r.randint(0, 59):02d}.mp4"
    ),
    "group_key": lambda r, i: _s(r, ALNUM, 7),
    "email": lambda r, i: (
        f"{r.choice(['ana', 'li', 'wei', 'tom', 'mia', 'zhang.san', 'j.doe', 'omar'])}{r.randint(1, 99999)}"
        f"@{r.choice(['example.com', 'example.net', 'example.org'])}"
    ),
    "md5_of_password": lambda r, i: hashlib.md5(f"pw{r.randint(1, 10**6)}".encode()).hexdigest(),
    "shinobi_details": lambda r, i: json.dumps(
        {"days": str(r.choice([5, 10, 30])), "size": str(r.choice([10000, 50000]))}
    ),
    "phpass": lambda r, i: r.choice(["$P$B", "$P$B", "$H$9"]) + _s(r, CRYPT64, 30),  # 34 characters, as phpass writes
    "drupal_hash": lambda r, i: "$S$" + r.choice("DE") + _s(r, CRYPT64, 51),
    "wp_activation_key": lambda r, i: f"{r.randint(1_690_000_000, 1_790_000_000)}:$P$B" + _s(r, CRYPT64, 30),
    "datetime": lambda r, i: _dt(r),
    "datetime_min": lambda r, i: _dt(r)[:16],
    "datetime_tz": lambda r, i: _dt(r) + r.choice([" +0800", " -0500", " +0100"]),
    "birth_date": lambda r, i: f"{r.randint(1945, 2008)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "birth_datetime": lambda r, i: f"{r.randint(1945, 2008)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} 00:00:00",
    "person_name": lambda r, i: f"{r.choice(FIRST)} {r.choice(LAST)}" if r.random() < 0.85 else _cn_name(r),
    "first_name": lambda r, i: r.choice(FIRST),
    "last_name": lambda r, i: r.choice(LAST),
    "cn_person_name": lambda r, i: _cn_name(r),
    "ipv4": lambda r, i: _ipv4(r),
    "ip_mixed": lambda r, i: _ipv4(r) if r.random() < 0.8 else _ipv6(r),
    "ipv6_mapped": lambda r, i: _ipv6(r) if r.random() < 0.6 else "::ffff:" + _ipv4(r),
    "ip_as_integer": lambda r, i: str(r.randint(400_000_000, 3_700_000_000)),
    "ip_anonymised": lambda r, i: ".".join(_ipv4(r).split(".")[:2] + ["0", "0"]),
    "user_agent": lambda r, i: _ua(r),
    "mobile_user_agent": lambda r, i: _mobile_ua(r),
    "user_agent_or_client": lambda r, i: (
        _ua(r)
        if r.random() < 0.7
        else r.choice(
            [
                "Mozilla/5.0 (Android) Nextcloud-android/3.26.0",
                "Mozilla/5.0 (Macintosh) mirall/3.9.0 (build 20230613)",
                "Mozilla/5.0 (iOS) Nextcloud-iOS/4.9.0",
            ]
        )
    ),
    "session_sid": lambda r, i: _s(r, ALNUM + "-_", 43),
    "magento_increment": lambda r, i: f"{r.randint(1, 3)}{r.randint(0, 99999999):08d}",
    "amount": lambda r, i: f"{r.randint(10, 2000)}.{r.randint(0, 99):02d}",
    "amount_small": lambda r, i: f"{r.randint(0, 60)}.{r.randint(0, 99):02d}",
    "postal_code_mixed": lambda r, i: _postal(r),
    "street_address": lambda r, i: _street(r),
    "street_address_full": lambda r, i: f"{_street(r)}, {r.choice(CITIES)}, {_postal(r)}, {r.choice(COUNTRY_NAMES)}",
    "city_name": lambda r, i: r.choice(CITIES),
    "phone_national": lambda r, i: (
        r.choice(["(555) ", "020 ", "0755-", "030 "]) + f"{r.randint(100, 999)}-{r.randint(1000, 9999)}"
    ),
    "phone_e164": lambda r, i: r.choice(["+86138", "+86139", "+1555", "+44770", "+49151"]) + _s(r, string.digits, 8),
    "cn_mobile": lambda r, i: _cn_mobile(r),
    "cn_mobile_masked": lambda r, i: (lambda m: m if r.random() < 0.5 else m[:3] + "****" + m[7:])(_cn_mobile(r)),
    "cn_landline": lambda r, i: f"0{r.choice(['755', '571', '21', '28', '10'])}-{r.randint(10000000, 99999999)}",
    "country_iso2": lambda r, i: r.choice(COUNTRIES2),
    "country_iso3": lambda r, i: r.choice(COUNTRIES3),
    "country_name": lambda r, i: r.choice(COUNTRY_NAMES),
    "magento_hash": lambda r, i: f"{_s(r, HEX, 64)}:{_s(r, ALNUM, 32)}:{r.choice(['1', '2', '3_32_2_67108864'])}",
    "last4": lambda r, i: f"{r.randint(0, 9999):04d}",
    "braintree_txn": lambda r, i: _s(r, string.ascii_lowercase + string.digits, 8),
    "stripe_charge": lambda r, i: r.choice(["ch_", "py_"]) + "3" + _s(r, ALNUM, 23),
    "stripe_customer": lambda r, i: "cus_" + _s(r, ALNUM, 14),
    "stripe_card_id": lambda r, i: r.choice(["card_", "pm_"]) + "1" + _s(r, ALNUM, 23),
    "stripe_fingerprint": lambda r, i: _s(r, ALNUM, 16),
    "stripe_pi": lambda r, i: "pi_3" + _s(r, ALNUM, 23),
    "shopify_id": lambda r, i: str(r.randint(5_000_000_000_000, 7_999_999_999_999)),
    "shopify_order_name": lambda r, i: f"#{1001 + i}",
    "shopify_payment_ref": lambda r, i: f"c{r.randint(10**10, 10**11)}.{r.randint(1, 3)}",
    "product_name": lambda r, i: r.choice(["ZOSI C1 Camera", "Cloud Plan 30 days", "NVR 8CH", "Doorbell 2K"]),
    "sku": lambda r, i: r.choice(["ZS-C1-1080P", "ZS-C2-4K", "ZS-NVR-8CH", "ZS-DOOR-2K"]),
    "traccar_attributes": lambda r, i: json.dumps(
        {"batteryLevel": r.randint(5, 100), "ignition": r.random() < 0.5, "motion": r.random() < 0.5}
    ),
    "vehicle_name": lambda r, i: r.choice(["Truck", "Van", "Tracker", "Scooter", "Car"]) + f" {r.randint(1, 40)}",
    "imei": lambda r, i: _imei(r),
    "remote_user": lambda r, i: r.choice(["alice", "bob", "ops", "wei.zhang", "ana_l"]) + str(r.randint(1, 99)),
    "nginx_time": lambda r, i: (
        f"{r.randint(1, 28):02d}/{r.choice(['Jan', 'Feb', 'Mar', 'Oct'])}/2025:{r.randint(0, 23):02d}"
        f":{r.randint(0, 59):02d}:{r.randint(0, 59):02d} +0800"
    ),
    "request_line": lambda r, i: (
        f"{r.choice(['GET', 'GET', 'POST'])} "
        f"{r.choice(['/api/v1/devices/', '/account/orders/', '/playback/', '/cloud/events/'])}"
        f"{r.randint(1, 99999)}?lang=en HTTP/1.1"
    ),
    "referer_url": lambda r, i: _referer(r),
    "page_url": lambda r, i: (
        f"https://www.example.com/{r.choice(['account/devices', 'help/reset-password', 'cart', 'products/c1'])}"
        f"?id={r.randint(1, 9999)}"
    ),
    "upstream_addr": lambda r, i: f"10.0.{r.randint(0, 3)}.{r.randint(2, 9)}:{r.choice([8080, 9000])}",
    "taobao_order_no": lambda r, i: str(r.randint(10**17, 4 * 10**18)),
    "taobao_nick": lambda r, i: (
        r.choice(["tb", "小", "lucky", "喵喵", "ana"]) + _s(r, string.ascii_lowercase + string.digits, 6)
    ),
    "alipay_account": lambda r, i: (
        f"{r.choice(['ana', 'wei', 'li'])}{r.randint(1, 99999)}@example.com"
        if r.random() < 0.4
        else (lambda m: m[:3] + "****" + m[7:] if r.random() < 0.5 else m)(_cn_mobile(r))
    ),
    "cn_address": lambda r, i: (
        lambda p: (
            f"{p[0]} {p[1]} {p[2]} {r.choice(['科技园路', '文三路', '人民路', '建设路'])}"
            f"{r.randint(1, 300)}号"
            f"{r.randint(1, 30)}栋{r.randint(101, 2505)}室"
        )
    )(r.choice(CN_PROVINCES)),
    "cn_product_title": lambda r, i: r.choice(
        ["卓视 家用监控摄像头 360度全景 高清夜视", "无线网络摄像机 手机远程 室外防水", "云存储 30天 录像回放服务"]
    ),
    "tracking_no": lambda r, i: r.choice(["SF", "YT", "ZT"]) + _s(r, string.digits, 12),
    "event_value_json": lambda r, i: (
        json.dumps({"af_revenue": str(r.randint(1, 99)), "af_currency": "USD"}) if r.random() < 0.5 else ""
    ),
    "appsflyer_id": lambda r, i: f"{r.randint(1_600_000_000_000, 1_800_000_000_000)}-{r.randint(10**6, 10**7 - 1)}",
    "gaid": lambda r, i: _uuid(r),
    "idfa": lambda r, i: _uuid(r).upper(),
    "idfv": lambda r, i: _uuid(r).upper(),
    "oaid": lambda r, i: _uuid(r) if r.random() < 0.5 else _s(r, HEX, 64),
    "android_id": lambda r, i: _s(r, HEX, 16),
    "user_code": lambda r, i: f"U{r.randint(1, 9999999):07d}",
    "digits19": lambda r, i: str(r.randint(10**18, 9 * 10**18)),
    "yyyymmdd": lambda r, i: f"2025{r.randint(1, 12):02d}{r.randint(1, 28):02d}",
    "ga_client_id": lambda r, i: f"{r.randint(10**8, 2 * 10**9)}.{r.randint(1_690_000_000, 1_790_000_000)}",
    "clock_time": lambda r, i: f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}",
    "encrypted_blob": lambda r, i: base64.b64encode(r.randbytes(r.randint(90, 140))).decode(),
    "uuid_lower": lambda r, i: _uuid(r),
    # generators of the held-out tables (holdout.yaml)
    "username_lower": lambda r, i: (
        r.choice(["cat", "sky", "neo", "lucky", "panda", "ana", "wei"]) + str(r.randint(1, 9999))
    ),
    "hex64": lambda r, i: _s(r, HEX, 64),
    "hex100": lambda r, i: _s(r, HEX, 100),
    "bcrypt_2a": lambda r, i: "$2a$10$" + _s(r, CRYPT64, 53),
    "big_id": lambda r, i: str(r.randint(10**17, 2 * 10**17)),
    "urlsafe20": lambda r, i: _s(r, ALNUM + "-_", 20),
    "salt9": lambda r, i: _s(r, ALNUM, 9),
    "free_location": lambda r, i: r.choice(
        ["Berlin", "Shenzhen, China", "Austin, TX", "Lyon", "Osaka, Japan", "Earth"]
    ),
    "url_path": lambda r, i: (
        r.choice(["/", "/cameras/c1", "/account/orders", "/help/reset-password", "/cart"])
        + r.choice(["", f"/{r.randint(1, 999)}"])
    ),
    "yuan_amount": lambda r, i: f"¥{r.randint(1, 999)}.{r.randint(0, 99):02d}",
    "wechat_txn": lambda r, i: "42000" + _s(r, string.digits, 23),
    "merchant_order_no": lambda r, i: "ZS" + _s(r, string.digits, 14),
    # generators of the second held-out tables (holdout2.yaml)
    "student_number": lambda r, i: f"{r.choice(['S', 'E', ''])}{r.randint(2015, 2025)}{r.randint(0, 99999):05d}",
    "moodle_secret": lambda r, i: _s(r, ALNUM, 15),
    "epoch_ms": lambda r, i: str(r.randint(1_690_000_000_000, 1_790_000_000_000)),
    "keycloak_secret_json": lambda r, i: json.dumps(
        {
            "value": base64.b64encode(r.randbytes(32)).decode(),
            "salt": base64.b64encode(r.randbytes(16)).decode(),
            "additionalParameters": {},
        },
        separators=(",", ":"),
    ),
    "keycloak_credential_json": lambda r, i: r.choice(
        [
            '{"hashIterations":27500,"algorithm":"pbkdf2-sha256","additionalParameters":{}}',
            '{"hashIterations":210000,"algorithm":"pbkdf2-sha512","additionalParameters":{}}',
            '{"subType":"totp","digits":6,"counter":0,"period":30,"algorithm":"HmacSHA1"}',
        ]
    ),
    "partner_display_name": lambda r, i: (
        f"{r.choice(['Acme Ltd', 'Example GmbH', 'Northwind SARL'])}, {r.choice(FIRST)} {r.choice(LAST)}"
        if r.random() < 0.4
        else f"{r.choice(FIRST)} {r.choice(LAST)}"
    ),
    "avatar_url": lambda r, i: (
        f"https://{r.choice(['cdn.example.com', 'oss.example.cn'])}/avatar/{_s(r, HEX, 16)}."
        f"{r.choice(['jpg', 'png', 'jpeg'])}"
    ),
    "mall_order_sn": lambda r, i: f"2025{r.randint(1, 12):02d}{r.randint(1, 28):02d}0101{r.randint(0, 999999):06d}",
    "cn_postcode": lambda r, i: f"{r.choice(['518', '310', '200', '610', '100'])}{r.randint(0, 999):03d}",
    "cn_street": lambda r, i: (
        f"{r.choice(['科技园路', '文三路', '人民路', '建设路', '天府大道'])}{r.randint(1, 300)}号"
        f"{r.randint(1, 30)}栋{r.randint(101, 2505)}室"
    ),
    "uuid_upper": lambda r, i: _uuid(r).upper(),
    "hex8": lambda r, i: _s(r, HEX, 8),
    "us_date": lambda r, i: f"{r.randint(1, 12):02d}/{r.randint(1, 28):02d}/{r.randint(2023, 2026)}",
    "signed_amount": lambda r, i: f"{r.choice(['-', '', '-'])}{r.randint(1, 900)}.{r.randint(0, 99):02d}",
    "paypal_txn": lambda r, i: _s(r, string.digits + string.ascii_uppercase, 17),
    "alipay_pay_method": lambda r, i: r.choice(
        [
            f"{r.choice(['招商银行', '中国银行', '建设银行'])}{r.choice(['信用卡', '储蓄卡'])}({r.randint(0, 9999):04d})",
            "余额宝",
            "花呗",
            "账户余额",
        ]
    ),
    "alipay_trade_no": lambda r, i: f"2025{r.randint(1, 12):02d}{r.randint(1, 28):02d}2200{_s(r, string.digits, 16)}",
    "pdd_order_sn": lambda r, i: f"25{r.randint(1, 12):02d}{r.randint(1, 28):02d}-{_s(r, string.digits, 15)}",
    # generators of the third held-out tables (holdout3.yaml)
    "mm_id": lambda r, i: _s(r, MM_ALPHABET, 26),
    "mm_device_id": lambda r, i: r.choice(
        [
            "android_rn-v2:" + _s(r, ALNUM + "-_", 22) + ":APA91b" + _s(r, ALNUM + "-_", 134),
            "apple_rn-v2:" + _s(r, HEX, 64),
        ]
    ),
    "mm_notify_json": lambda r, i: json.dumps(
        {
            "channel": "true",
            "desktop": r.choice(["mention", "all", "none"]),
            "email": r.choice(["true", "false"]),
            "first_name": "false",
            "push": r.choice(["mention", "all"]),
        },
        separators=(",", ":"),
    ),
    "mm_timezone_json": lambda r, i: json.dumps(
        {
            "automaticTimezone": r.choice(["Asia/Shanghai", "Europe/Berlin", "America/Chicago", ""]),
            "manualTimezone": "",
            "useAutomaticTimezone": "true",
        },
        separators=(",", ":"),
    ),
    "totp_secret": lambda r, i: _s(r, string.ascii_uppercase + "234567", 32),
    "argon2_hash": lambda r, i: (
        "$argon2id$v=19$m=19456,t=2,p=1$" + _s(r, ALNUM + "+/", 22) + "$" + _s(r, ALNUM + "+/", 43)
    ),
    "moonfire_camera_config": lambda r, i: json.dumps(
        {
            "description": r.choice(["front porch", "garage", "back yard", ""]),
            "onvif_base_url": f"http://192.168.1.{r.randint(20, 99)}/",
            "username": r.choice(["admin", "viewer", "nvr"]),
            "password": r.choice(["Summer", "cam", "Qwerty", "zosi"]) + str(r.randint(1, 9999)),
        },
        separators=(",", ":"),
    ),
    "moonfire_stream_config": lambda r, i: json.dumps(
        {
            "mode": r.choice(["record", "record", ""]),
            "url": f"rtsp://192.168.1.{r.randint(20, 99)}:554/{r.choice(['Streaming/Channels/101', 'cam/realmonitor'])}",
            "retainBytes": r.choice([10_000_000_000, 50_000_000_000]),
            "flushIfSec": r.choice([0, 120]),
        },
        separators=(",", ":"),
    ),
    "phpbb_hash": lambda r, i: (
        "$2y$10$" + _s(r, CRYPT64, 53) if r.random() < 0.6 else r.choice(["$H$9", "$P$B"]) + _s(r, CRYPT64, 30)
    ),
    "phpbb_birthday": lambda r, i: f"{r.randint(1, 28):2d}-{r.randint(1, 12):2d}-{r.randint(1950, 2008)}",
    "phpbb_page": lambda r, i: r.choice(
        [
            f"viewtopic.php?f={r.randint(1, 40)}&t={r.randint(1, 9000)}",
            f"viewforum.php?f={r.randint(1, 40)}",
            "index.php",
            f"memberlist.php?mode=viewprofile&u={r.randint(2, 900)}",
            "ucp.php?i=pm&folder=inbox",
        ]
    ),
    "phpbb_actkey": lambda r, i: _s(r, string.ascii_uppercase + string.digits, r.randint(6, 10)),
    "form_salt": lambda r, i: _s(r, string.ascii_lowercase + string.digits, 16),
    "ghost_geolocation": lambda r, i: json.dumps(
        r.choice(
            [
                {"country": "Germany", "country_code": "DE", "city": "Berlin", "latitude": "52.5196", "longitude": "13.4069"},
                {"country": "China", "country_code": "CN", "city": "Shenzhen", "latitude": "22.5455", "longitude": "114.0683"},
                {
                    "country": "United States",
                    "country_code": "US",
                    "city": "Austin",
                    "latitude": "30.2672",
                    "longitude": "-97.7431",
                },
                {"country": "France", "country_code": "FR", "city": "Lyon", "latitude": "45.7485", "longitude": "4.8467"},
            ]
        )
        | {"timezone": r.choice(["Europe/Berlin", "Asia/Shanghai", "America/Chicago"]), "asn": r.randint(3000, 60000)},
        separators=(",", ":"),
    ),
    "strava_id": lambda r, i: str(r.randint(3_000_000_000, 14_000_000_000)),
    "strava_date": lambda r, i: (
        f"{r.choice(['Jan', 'Mar', 'Jun', 'Sep', 'Nov'])} {r.randint(1, 28)}, {r.randint(2022, 2026)}, "
        f"{r.randint(1, 12)}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}"
    ),
    "strava_filename": lambda r, i: (
        f"activities/{r.randint(3_000_000_000, 14_000_000_000)}.{r.choice(['fit.gz', 'gpx', 'fit.gz', 'tcx.gz'])}"
    ),
    "lat_e7": lambda r, i: str(int(r.uniform(18, 55) * 10**7)),
    "lon_e7": lambda r, i: str(int(r.uniform(-120, 130) * 10**7)),
    "device_tag": lambda r, i: str(r.choice([-1, 1]) * r.randint(10**8, 2_147_483_647)),
    "iso_ts_ms": lambda r, i: _dt(r).replace(" ", "T") + f".{r.randint(0, 999):03d}Z",
    "cn_id_number": lambda r, i: _cn_id_number(r),
    "pin6": lambda r, i: f"{r.randint(0, 999999):0{r.choice([4, 6, 6])}d}",
    "zk_card": lambda r, i: f"{r.randint(0, 99_999_999):010d}",
    "jd_order_no": lambda r, i: str(r.randint(200_000_000_000, 330_000_000_000)),
    "isbn13": lambda r, i: (lambda b: b + str((10 - sum(int(d) * (3 if k % 2 else 1) for k, d in enumerate(b)) % 10) % 10))(
        "9787" + _s(r, string.digits, 8)
    ),
    # generators of the fourth held-out tables (holdout4.yaml)
    "joomla_hash": lambda r, i: (
        "$2y$10$" + _s(r, CRYPT64, 53)
        if r.random() < 0.7
        else "$argon2id$v=19$m=65536,t=4,p=1$" + _s(r, ALNUM + "+/", 22) + "$" + _s(r, ALNUM + "+/", 43)
    ),
    "joomla_params": lambda r, i: json.dumps(
        {
            "admin_style": "",
            "admin_language": r.choice(["", "en-GB"]),
            "language": r.choice(["", "en-GB", "zh-CN", "de-DE"]),
            "editor": r.choice(["", "tinymce", "none"]),
            "timezone": r.choice(["", "UTC", "Asia/Shanghai"]),
        },
        separators=(",", ":"),
    ),
    "joomla_activation": lambda r, i: r.choice(["", "", "", "0", _s(r, HEX, 32)]),
    "joomla_otp": lambda r, i: r.choice(["", "totp:" + base64.b64encode(r.randbytes(48)).decode()]),
    "joomla_otep": lambda r, i: r.choice(["", base64.b64encode(r.randbytes(72)).decode()]),
    "zammad_password": lambda r, i: (
        "{sha2}" + _s(r, HEX, 64)
        if r.random() < 0.3
        else "$argon2id$v=19$m=65536,t=2,p=1$" + _s(r, ALNUM + "+/", 22) + "$" + _s(r, ALNUM + "+/", 43)
    ),
    "zammad_login": lambda r, i: (
        r.choice(["ana", "wei", "tom", "mia", "j.doe", "omar"]) + str(r.randint(1, 9999))
        + r.choice(["", "", "@example.com"])
    ),
    "full_address": lambda r, i: f"{_street(r)}, {_postal(r)} {r.choice(CITIES)}",
    "plausible_uint64": lambda r, i: str(r.randint(10**17, 18_000_000_000_000_000_000)),
    "geoname_city": lambda r, i: r.choice(["2950159", "1795565", "4671654", "2996944", "1796236", "1816670", "5128581", "0"]),
    "plausible_path": lambda r, i: r.choice(
        ["/", "/pricing", "/blog/choosing-a-camera", "/docs/install", f"/cameras/{r.randint(1, 300)}", "/login", "/checkout"]
    ),
    "referrer_or_blank": lambda r, i: r.choice(["", "", _referer(r)]),
    "meta_keys": lambda r, i: r.choice(["[]", "[]", "['plan']", "['plan','variant']", "['path']"]),
    "meta_values": lambda r, i: r.choice(["[]", "[]", "['pro']", "['free','b']", "['/404']"]),
    "wecom_userid": lambda r, i: (
        r.choice(["zhangsan", "lisi", "wangwu", "chenjing", "liuyang", "zhaolei"]) + f"{r.randint(1, 99):02d}"
    ),
    "wecom_alias": lambda r, i: r.choice(["Ethan", "Grace", "Leo", "Cindy", "Kevin", "Vivian", "Jack", "Amy"]),
    "wecom_email": lambda r, i: (
        f"{r.choice(['zhangsan', 'lisi', 'chenjing', 'liuyang'])}{r.randint(1, 999)}@{r.choice(['example.cn', 'example.com'])}"
    ),
    "wecom_desk": lambda r, i: r.choice(
        [
            f"深圳市南山区科技园路{r.randint(1, 200)}号{r.randint(2, 30)}楼",
            f"杭州市西湖区文三路{r.randint(1, 500)}号",
            f"上海市浦东新区张江路{r.randint(1, 900)}弄",
        ]
    ),
    "wecom_dept": lambda r, i: r.choice(["研发部", "研发部;测试组", "市场部", "财务部", "客服中心", "行政部"]),
    "ha_entity": lambda r, i: r.choice(
        [
            "sensor.living_room_temperature",
            "sensor.outdoor_humidity",
            "light.kitchen",
            "switch.garage_heater",
            "binary_sensor.front_door",
            "climate.hallway",
            "sensor.solar_power",
        ]
    ),
    "ha_state": lambda r, i: r.choice(["on", "off", f"{r.uniform(15, 28):.1f}", f"{r.randint(30, 90)}", "heat", "unavailable"]),
    "ulid_hex": lambda r, i: _s(r, HEX, 32),
    "ha_user_hex": lambda r, i: _s(r, HEX, 32),
    "ha_hash": lambda r, i: str(r.randint(10**8, 4_294_967_295)),
    "ha_shared_attrs": lambda r, i: json.dumps(
        {
            "source_type": "gps",
            "battery_level": r.randint(5, 100),
            "latitude": round(HA_HOMES[i % len(HA_HOMES)][0] + r.uniform(-0.05, 0.05), 6),
            "longitude": round(HA_HOMES[i % len(HA_HOMES)][1] + r.uniform(-0.05, 0.05), 6),
            "gps_accuracy": r.randint(4, 60),
            "friendly_name": r.choice(["Pixel 8", "iPhone", "Phone"]),
        }
        if r.random() < 0.6
        else {
            "supported_color_modes": ["brightness"],
            "color_mode": "brightness",
            "brightness": r.randint(1, 255),
            "friendly_name": r.choice(["Kitchen", "Hallway", "Porch"]),
        },
        separators=(",", ":"),
    ),
    "oauth_uid": lambda r, i: r.choice([str(r.randint(100_000, 190_000_000)), "1" + _s(r, string.digits, 20)]),
    "oauth_token": lambda r, i: r.choice(
        ["gho_" + _s(r, ALNUM, 36), "ya29.a0" + _s(r, ALNUM + "-_", 150), "EwB" + _s(r, ALNUM + "+/", 120)]
    ),
    "oauth_secret": lambda r, i: _s(r, ALNUM, 40),
    "segment_message_id": lambda r, i: r.choice(["ajs-next-", ""]) + _uuid(r),
    "segment_ad_id": lambda r, i: _uuid(r) if r.random() < 0.5 else _uuid(r).upper(),
    "segment_event": lambda r, i: r.choice(["Product Viewed", "Order Completed", "Signed In", "Camera Added", "Video Played"]),
    "segment_library": lambda r, i: r.choice(["analytics.js", "analytics-ios", "analytics-android", "analytics-node"]),
    # generators of the fifth held-out tables (holdout5.yaml)
    "viseron_file_path": lambda r, i: (
        f"{r.choice(['', '', '/mnt/tier1'])}/segments/{r.choice(VISERON_CAMERAS)}/{r.randint(1_690_000_000, 1_790_000_000)}.m4s"
        if r.random() < 0.85
        else f"/snapshots/{r.choice(VISERON_CAMERAS)}/object_detector/{_uuid(r)}.jpg"
    ),
    "viseron_dir": lambda r, i: f"{r.choice(['', '', '/mnt/tier1'])}/segments/{r.choice(VISERON_CAMERAS)}",
    "viseron_filename": lambda r, i: f"{r.randint(1_690_000_000, 1_790_000_000)}.m4s",
    "viseron_thumb": lambda r, i: f"/thumbnails/{r.choice(VISERON_CAMERAS)}/{r.randint(1, 9000)}.jpg",
    "viseron_snapshot": lambda r, i: (
        f"/snapshots/{r.choice(VISERON_CAMERAS)}/{r.choice(['object_detector', 'object_detector', 'face_recognition'])}"
        f"/{_uuid(r)}.jpg"
    ),
    "tb_uuid": lambda r, i: _tb_uuid(r),
    "tb_tenant": lambda r, i: r.choice(["1e4f6b20-5c3a-11ee-9f3b-d7c1b2a4e8f1", "2a9d0c40-7e1b-11ee-a5c2-0b8f3e6d1a27"]),
    "tb_customer": lambda r, i: (
        "13814000-1dd2-11b2-8080-808080808080"  # ThingsBoard's null customer id: the entity belongs to the tenant
        if r.random() < 0.4
        else r.choice(
            [
                "5b3c7e10-6a2f-11ee-8c1d-4f2a9b7e3c55",
                "6c8e1f20-6a2f-11ee-8c1d-4f2a9b7e3c55",
                "7d9f2a30-6b11-11ee-b2e4-1a3c5e7f9b02",
            ]
        )
    ),
    "tb_token30": lambda r, i: _s(r, ALNUM, 30),
    "tb_cred_info": lambda r, i: json.dumps(
        {
            "userPasswordHistory": {
                str(r.randint(1_690_000_000_000, 1_790_000_000_000)): "$2a$10$" + _s(r, CRYPT64, 53)
                for _ in range(r.randint(1, 3))
            },
            "lastLoginTs": r.randint(1_690_000_000_000, 1_790_000_000_000),
            "failedLoginAttempts": r.choice([0, 0, 1, 2]),
        }
        if r.random() < 0.75
        else {},
        separators=(",", ":"),
    ),
    "tb_access_token": lambda r, i: _s(r, ALNUM, 20) if r.random() < 0.85 else _s(r, HEX, 64),
    "tb_cred_value": lambda r, i: json.dumps(
        {
            "clientId": "dev-" + _s(r, string.ascii_lowercase + string.digits, 8),
            "userName": r.choice(["thermostat", "doorbell", "cam", "plug"]) + str(r.randint(1, 99)),
            "password": r.choice(["Summer", "cam", "Qwerty", "zosi"]) + str(r.randint(1, 9999)),
        },
        separators=(",", ":"),
    ),
    "tb_entity_name": lambda r, i: r.choice(
        [
            f"Thermostat T{r.randint(1, 40)}",
            f"Front Door Cam {r.randint(1, 9)}",
            f"Smart Plug {r.randint(1, 60)}",
            "Home Overview",
            "Energy Dashboard",
            f"Building {r.choice('ABC')}",
            f"Humidity Sensor {r.randint(1, 30)}",
        ]
    ),
    "ohrm_employee_id": lambda r, i: f"{i + 1:04d}",
    "us_ssn": lambda r, i: (
        f"{r.choice([r.randint(1, 665), r.randint(667, 899)])}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
    ),
    "ca_sin": lambda r, i: (lambda b: f"{b[:3]} {b[3:6]} {b[6:8]}{_luhn_digit(b)}")(
        str(r.randint(1, 7)) + _s(r, string.digits, 7)
    ),
    "driver_licence": lambda r, i: r.choice(
        [
            f"{r.choice('ABDGKMSW')}{r.randint(1000, 9999)}-{r.randint(10000, 99999)}-{r.randint(10000, 99999)}",
            f"{r.choice('ABCDEFGHJKLMNPRSTW')}{r.randint(10_000_000, 99_999_999)}",
            f"{_s(r, string.ascii_uppercase, 5)}{r.randint(100000, 999999)}{_s(r, string.ascii_uppercase + string.digits, 5)}",
        ]
    ),
    "log_date": lambda r, i: f"2025-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "past_date": lambda r, i: f"{r.randint(2005, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "expiry_date": lambda r, i: f"{r.randint(2025, 2034)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "cf_referer": lambda r, i: "-" if r.random() < 0.4 else _referer(r),
    "cf_user_agent": lambda r, i: _ua(r).replace(" ", "%20"),  # CloudFront writes the header URL-encoded
    "cf_query": lambda r, i: r.choice(
        [
            "-",
            "-",
            f"id={r.randint(1, 9999)}&lang=en",
            "utm_source=newsletter&utm_medium=email",
            f"q=doorbell+camera&page={r.randint(1, 5)}",
        ]
    ),
    "cf_cookie": lambda r, i: (
        "-"
        if r.random() < 0.3
        else f"session-id={_s(r, ALNUM, 32)};%20_ga=GA1.2.{r.randint(10**8, 2 * 10**9)}.{r.randint(1_690_000_000, 1_790_000_000)}"
    ),
    "cf_xff": lambda r, i: "-" if r.random() < 0.5 else _ipv4(r),
    "cf_request_id": lambda r, i: _s(r, ALNUM + "_-", 54) + "==",
    "chatwoot_source_id": lambda r, i: (
        _uuid(r)
        if r.random() < 0.7
        else r.choice(
            [
                f"{r.choice(['ana', 'wei', 'tom', 'mia'])}{r.randint(1, 9999)}@example.com",
                r.choice(["+86138", "+1555", "+49151"]) + _s(r, string.digits, 8),
            ]
        )
    ),
    "pubsub_token": lambda r, i: _s(r, ALNUM, 24),
    "dy_order_no": lambda r, i: r.choice(["69", "49", "50"]) + _s(r, string.digits, 17),
    "dy_receiver": lambda r, i: (lambda n: n if r.random() < 0.5 else n[0] + "*" * (len(n) - 1))(_cn_name(r)),
    "dy_talent_id": lambda r, i: str(r.randint(10**10, 9 * 10**11)),
    "dy_talent_nick": lambda r, i: r.choice(["小鱼好物分享", "家居安防达人", "阿强数码", "Lily的小店", "科技老王", "宝妈严选"]),
    "crmeb_account": lambda r, i: r.choice(
        [
            _cn_mobile(r),
            f"wx{r.randint(1, 9999)}{r.randint(1_690_000_000, 1_790_000_000)}",
            f"rt{r.randint(1, 9999)}{r.randint(1_690_000_000, 1_790_000_000)}",
        ]
    ),
    "crmeb_birthday": lambda r, i: "0" if r.random() < 0.6 else str(r.randint(31_536_000, 1_136_073_600)),
    "crmeb_nickname": lambda r, i: (
        r.choice(["微笑的鱼", "Lucky", "阳光男孩", "小猪佩奇", "晴天", "A.木子", "等风来", "Ivy"])
        + r.choice(["", "", str(r.randint(1, 99))])
    ),
    "wx_avatar_url": lambda r, i: f"https://thirdwx.qlogo.cn/mmopen/vi_32/{_s(r, ALNUM, 80)}/132",
    "crmeb_ref_uid": lambda r, i: "0" if r.random() < 0.6 else str(r.randint(1, 5000)),
    "wx_openid": lambda r, i: "o" + _s(r, ALNUM, 5) + _s(r, ALNUM + "-_", 22),
    "wx_unionid": lambda r, i: "o" + _s(r, ALNUM, 5) + _s(r, ALNUM + "-_", 22),
    "wx_session_key": lambda r, i: base64.b64encode(r.randbytes(16)).decode(),
    # generators of the sixth held-out tables (holdout6.yaml)
    "parse_object_id": lambda r, i: _s(r, ALNUM, 10),
    "bcrypt_2b": lambda r, i: "$2b$10$" + _s(r, CRYPT64, 53),
    "parse_token25": lambda r, i: _s(r, ALNUM, 25),
    "parse_auth_data": lambda r, i: json.dumps(
        r.choice(
            [
                {"facebook": {"id": str(r.randint(10**14, 10**16)), "access_token": "EAAB" + _s(r, ALNUM, 150)}},
                {
                    "google": {
                        "id": "1" + _s(r, string.digits, 20),
                        "id_token": "eyJhbGciOiJSUzI1NiJ9." + _s(r, ALNUM + "-_", 120),
                    }
                },
                {
                    "apple": {
                        "id": f"00{r.randint(1000, 9999)}.{_s(r, HEX, 32)}.{r.randint(1000, 9999)}",
                        "token": "eyJraWQiOi" + _s(r, ALNUM + "-_", 110),
                    }
                },
                {"anonymous": {"id": _uuid(r)}},
            ]
        ),
        separators=(",", ":"),
    ),
    "parse_password_history": lambda r, i: json.dumps(["$2b$10$" + _s(r, CRYPT64, 53) for _ in range(r.randint(1, 3))]),
    "parse_session_token": lambda r, i: "r:" + _s(r, HEX, 32),
    "parse_created_with": lambda r, i: json.dumps(
        r.choice(
            [
                {"action": "login", "authProvider": "password"},
                {"action": "signup", "authProvider": "password"},
                {"action": "login", "authProvider": "facebook"},
                {"action": "upgrade"},
            ]
        ),
        separators=(",", ":"),
    ),
    "push_device_token": lambda r, i: (
        _s(r, HEX, 64) if r.random() < 0.4 else _s(r, ALNUM + "-_", 22) + ":APA91b" + _s(r, ALNUM + "-_", 134)
    ),
    "parse_channels": lambda r, i: r.choice(['[""]', '[""]', "[]", '["","alerts"]', '["news"]']),
    "hex56": lambda r, i: _s(r, HEX, 56),
    "phone_digits": lambda r, i: r.choice(["86138", "86139", "1555", "44770", "49151"]) + _s(r, string.digits, 8),
    "b64_username": lambda r, i: base64.b64encode(
        (r.choice(["admin", "ana", "wei", "tom", "mia", "zhang.san", "guest"]) + r.choice(["", str(r.randint(1, 99))])).encode()
    ).decode(),
    "b64_camera_user": lambda r, i: base64.b64encode(r.choice(["admin", "admin", "root", "viewer", "user1"]).encode()).decode(),
    "b64_camera_password": lambda r, i: base64.b64encode(
        (r.choice(["Summer", "cam", "Qwerty", "zosi", "admin"]) + str(r.randint(1, 9999))).encode()
    ).decode(),
    "lan_address": lambda r, i: (
        f"192.168.{r.choice([0, 1, 1, 10])}.{r.randint(20, 250)}" if r.random() < 0.8 else f"ipcam-{r.randint(1, 60)}.lan"
    ),
    "domoticz_image_url": lambda r, i: r.choice(
        [
            "snapshot.cgi?user=#USERNAME&pwd=#PASSWORD",
            "ISAPI/Streaming/channels/101/picture",
            "cgi-bin/snapshot.cgi?channel=1",
            "cgi-bin/CGIProxy.fcgi?cmd=snapPicture2&usr=#USERNAME&pwd=#PASSWORD",
            "webcapture.jpg?command=snap&channel=1",
        ]
    ),
    "ruoyi_avatar": lambda r, i: (
        f"/profile/avatar/2025/{r.randint(1, 12):02d}/{r.randint(1, 28):02d}/blob_2025{r.randint(1, 12):02d}"
        f"{r.randint(1, 28):02d}{r.randint(100000, 235959)}A{r.randint(1, 999):03d}.png"
    ),
    "ruoyi_location": lambda r, i: r.choice(
        ["内网IP", "内网IP", "广东省 深圳市", "浙江省 杭州市", "上海市 上海市", "四川省 成都市", "北京市 北京市", "XX XX"]
    ),
    "wxpay_bank": lambda r, i: r.choice(
        ["OTHERS", "OTHERS", "CMB_CREDIT", "CMB_DEBIT", "ICBC_DEBIT", "CCB_CREDIT", "BOC_DEBIT", "PSBC_DEBIT"]
    ),
    "wxpay_refund_no": lambda r, i: "0" if r.random() < 0.8 else "50" + _s(r, string.digits, 27),
    "wxpay_merchant_refund_no": lambda r, i: "0" if r.random() < 0.8 else "RF" + _s(r, string.digits, 14),
    "alb_client": lambda r, i: f"{_ipv4(r)}:{r.randint(1024, 65535)}",
    "alb_target": lambda r, i: f"10.0.{r.randint(0, 3)}.{r.randint(2, 250)}:{r.choice([80, 8080, 443])}",
    "alb_request": lambda r, i: (
        f"{r.choice(['GET', 'GET', 'POST'])} https://{r.choice(['shop.example.com', 'api.example.com'])}:443"
        f"{r.choice(['/account/orders/', '/api/v1/devices/', '/cart?item=', '/help/reset-password?u=', '/cloud/events/'])}"
        f"{r.randint(1, 99999)} {r.choice(['HTTP/1.1', 'HTTP/2.0'])}"
    ),
    "alb_trace_id": lambda r, i: f"Root=1-{_s(r, HEX, 8)}-{_s(r, HEX, 24)}",
    "alb_conn_trace": lambda r, i: "TID_" + _s(r, HEX, 32),
    "firebase_uid": lambda r, i: _s(r, ALNUM, 28),
    "scrypt_b64": lambda r, i: base64.b64encode(r.randbytes(64)).decode(),
    "salt_b64": lambda r, i: base64.b64encode(r.randbytes(10)).decode(),
    "google_sub": lambda r, i: "1" + _s(r, string.digits, 20),
    "google_photo_url": lambda r, i: f"https://lh3.googleusercontent.com/a/{_s(r, ALNUM + '-_', 40)}=s96-c",
    "facebook_id": lambda r, i: str(r.randint(10**14, 10**16)),
    "facebook_photo_url": lambda r, i: f"https://graph.facebook.com/{r.randint(10**14, 10**16)}/picture",
    "twitter_id": lambda r, i: str(r.randint(10**7, 2 * 10**18)),
    "twitter_photo_url": lambda r, i: (
        f"https://pbs.twimg.com/profile_images/{r.randint(10**17, 2 * 10**18)}/{_s(r, ALNUM, 8)}_normal.jpg"
    ),
    "github_id": lambda r, i: str(r.randint(10**5, 2 * 10**8)),
    "github_photo_url": lambda r, i: f"https://avatars.githubusercontent.com/u/{r.randint(10**5, 2 * 10**8)}?v=4",
    # generators of the seventh held-out tables (holdout7.yaml)
    "datetime_us": lambda r, i: f"{_dt(r)}.{r.randint(0, 999999):06d}",
    "frappe_user": lambda r, i: (
        "Administrator"
        if r.random() < 0.4
        else f"{r.choice(['ana', 'wei', 'tom', 'mia', 'li.na', 'j.doe'])}{r.randint(1, 999)}"
        f"@{r.choice(['example.com', 'example.cn'])}"
    ),
    "frappe_contact_name": lambda r, i: (
        f"{r.choice(FIRST)} {r.choice(LAST)}"
        + r.choice(["", "", f"-{r.choice(['Acme Corp', 'Globex', 'Initech', 'Umbrella Ltd'])}", f"-{r.randint(1, 9)}"])
    ),
    "frappe_address_title": lambda r, i: (
        f"{r.choice(FIRST)} {r.choice(LAST)}"
        if r.random() < 0.8
        else r.choice(["Acme Corp", "Globex", "Initech", "Umbrella Ltd", "Stark Trading"])
    ),
    "frappe_address_name": lambda r, i: (
        (f"{r.choice(FIRST)} {r.choice(LAST)}" if r.random() < 0.8 else r.choice(["Acme Corp", "Globex", "Initech"]))
        + f"-{r.choice(['Billing', 'Billing', 'Shipping', 'Office', 'Personal'])}"
        + r.choice(["", "", f"-{r.randint(1, 5)}"])
    ),
    "frappe_image": lambda r, i: (
        f"/{r.choice(['files', 'files', 'private/files'])}/{r.choice(['photo', 'IMG', 'avatar', 'profile'])}"
        f"_{_s(r, HEX, 6)}.{r.choice(['jpg', 'png', 'jpeg'])}"
    ),
    "google_contacts_id": lambda r, i: "people/c" + _s(r, string.digits, 19),
    "django_pbkdf2": lambda r, i: (
        f"pbkdf2_sha256${r.choice(['600000', '720000', '260000'])}${_s(r, ALNUM, 22)}$"
        + base64.b64encode(r.randbytes(32)).decode()
    ),
    "saleor_avatar": lambda r, i: (
        f"user-avatars/{r.choice(['avatar', 'me', 'IMG', 'photo'])}_{_s(r, ALNUM, 7)}.{r.choice(['jpg', 'png'])}"
    ),
    "alnum12": lambda r, i: _s(r, ALNUM, 12),
    "saleor_ext_ref": lambda r, i: r.choice(["CRM-", "ERP-", "cust_"]) + str(r.randint(10000, 999999)),
    "emqx_username": lambda r, i: (
        r.choice(["cat", "sky", "neo", "lucky", "panda", "ana", "wei", "tom"])
        + r.choice(["_", ".", ""])
        + str(r.randint(1, 9999))
    ),
    "emqx_salt": lambda r, i: r.choice(["slat_", "salt_", ""]) + _s(r, ALNUM, 8),
    "mqtt_client_id": lambda r, i: r.choice(
        [
            f"mqttx_{_s(r, HEX, 8)}",
            f"app-android-{_s(r, HEX, 12)}",
            f"app-ios-{_uuid(r).upper()}",
            f"paho{r.randint(10**12, 10**13)}",
        ]
    ),
    "ost_ticket_number": lambda r, i: f"{r.randint(100000, 999999)}",
    "ost_user_backend": lambda r, i: r.choice(["", "", "", "ldap.client", "oauth2.client"]),
    "youzan_order_no": lambda r, i: f"E2025{r.randint(1, 12):02d}{r.randint(1, 28):02d}" + _s(r, string.digits, 12),
    "youzan_nickname": lambda r, i: (
        r.choice(["微笑的鱼", "Lucky", "阳光男孩", "小猪佩奇", "晴天", "A.木子", "等风来", "Ivy", "芸熙", "沙拉"])
        + r.choice(["", "", str(r.randint(1, 99))])
    ),
    "cn_staff_name": lambda r, i: _cn_name(r) if r.random() < 0.7 else "导购" + r.choice(["小李", "小王", "小陈", "阿芳"]),
    "cn_city_short": lambda r, i: r.choice(["北京", "上海", "深圳", "杭州", "成都", "广州", "南京", "济南"]),
    "ding_userid": lambda r, i: r.choice(
        [_s(r, string.digits, 17), f"manager{r.randint(1000, 9999)}", "0" + _s(r, string.digits, 15)]
    ),
    "ding_job_number": lambda r, i: r.choice(
        [f"A{r.randint(1, 9999):04d}", f"{r.randint(10000, 99999)}", f"YG{r.randint(100, 999)}"]
    ),
    "ding_punch_address": lambda r, i: (
        lambda p: f"{p[0]}{p[1]}{p[2]}{r.choice(['科技园路', '文三路', '人民路', '建设路', '天府大道'])}{r.randint(1, 300)}号"
        + r.choice(["", f"靠近{r.choice(['地铁站', '公交站', '软件园'])}", f"{r.randint(1, 30)}栋"])
    )(r.choice(CN_PROVINCES)),
    "ding_photo_url": lambda r, i: f"https://static.dingtalk.com/media/lADP{_s(r, ALNUM + '_', 28)}_1080_1440.jpg",
    # generators of the eighth held-out tables (holdout8.yaml)
    "mc_address": lambda r, i: (  # Mailchimp exports an address merge field as its parts joined by two spaces
        f"{_street(r)}  {r.choice(CITIES)}  {r.choice(['CA', 'TX', 'NY', 'ON', 'BY', ''])}  {_postal(r)}"
        f"  {r.choice(COUNTRIES2)}"
    ),
    "mc_birthday": lambda r, i: f"{r.randint(1, 12):02d}/{r.randint(1, 28):02d}",
    "mc_lat": lambda r, i: f"{r.choice(HA_HOMES)[0] + r.uniform(-0.3, 0.3):.4f}000",
    "mc_lon": lambda r, i: f"{r.choice(HA_HOMES)[1] + r.uniform(-0.3, 0.3):.4f}000",
    "hex10": lambda r, i: _s(r, HEX, 10),
    "mc_leid": lambda r, i: str(r.randint(10_000_000, 99_999_999)),
    "uber_time": lambda r, i: _dt(r, 2016, 2025) + " +0000 UTC",
    "asterisk_uniqueid": lambda r, i: f"{r.randint(1_690_000_000, 1_790_000_000)}.{r.randint(1, 9999)}",
    "pbx_caller_number": lambda r, i: (
        str(r.randint(100, 130))
        if r.random() < 0.35
        else r.choice(["+1555", "+44770", "0755", "+49151", "1"]) + _s(r, string.digits, 8)
    ),
    "pbx_clid": lambda r, i: (
        (lambda n: f'"{n}" <{r.randint(100, 130)}>' if r.random() < 0.35 else f'"{n}" <+1555{_s(r, string.digits, 7)}>')(
            f"{r.choice(FIRST)} {r.choice(LAST)}" if r.random() < 0.8 else r.choice(["WIRELESS CALLER", "CELL PHONE   CA"])
        )
    ),
    "pbx_channel": lambda r, i: (
        f"PJSIP/{r.randint(100, 130)}-{_s(r, HEX, 8)}"
        if r.random() < 0.6
        else f"PJSIP/trunk-{r.choice(['twilio', 'sipgate', 'voipms'])}-{_s(r, HEX, 8)}"
    ),
    "pbx_recording": lambda r, i: (
        f"{r.choice(['external', 'out', 'internal', 'q-600'])}-{r.randint(100, 130)}-1555{_s(r, string.digits, 7)}"
        f"-2025{r.randint(1, 12):02d}{r.randint(1, 28):02d}-{r.randint(0, 23):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}"
        f"-{r.randint(1_690_000_000, 1_790_000_000)}.{r.randint(1, 9999)}.wav"
    ),
    "pbx_cnam": lambda r, i: (
        f"{r.choice(FIRST)} {r.choice(LAST)}"
        if r.random() < 0.75
        else r.choice(["WIRELESS CALLER", "CELL PHONE   CA", "Unknown"])
    ),
    "pbx_exten": lambda r, i: (
        r.choice(["s", str(r.randint(100, 130))])
        if r.random() < 0.4
        else r.choice(["+1555", "0044770", "90755"]) + _s(r, string.digits, 7)
    ),
    "cel_extra": lambda r, i: r.choice(
        ["", "", '{"dialstatus":"ANSWER"}', '{"hangupcause":16,"hangupsource":"","dialstatus":""}', '{"dialstatus":"NOANSWER"}']
    ),
    # Apple Health export.xml: type, unit and value of a record are drawn together from the row index (coherent rows).
    "hk_type": lambda r, i: HK_RECORDS[i % len(HK_RECORDS)][0],
    "hk_unit": lambda r, i: HK_RECORDS[i % len(HK_RECORDS)][1],
    "hk_value": lambda r, i: HK_RECORDS[i % len(HK_RECORDS)][2](r),
    "hk_source_name": lambda r, i: r.choice(
        [
            f"{r.choice(FIRST)}\u2019s Apple Watch",
            f"{r.choice(FIRST)}\u2019s iPhone",
            f"{r.choice(FIRST)}\u2019s Apple Watch",
            "Health",
            "Mi Fit",
        ]
    ),
    "hk_device": lambda r, i: (
        f"<<HKDevice: 0x{_s(r, HEX, 9)}>, name:{r.choice(['Apple Watch', 'iPhone'])}, manufacturer:Apple Inc., "
        f"model:{r.choice(['Watch', 'iPhone'])}, hardware:{r.choice(['Watch6,1', 'Watch7,3', 'iPhone14,2'])}, "
        f"software:{r.randint(8, 17)}.{r.randint(0, 5)}>"
    ),
    "litemall_order_sn": lambda r, i: f"2025{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999999):06d}",
    "litemall_full_address": lambda r, i: (
        lambda p: f"{p[0]}{p[1]}{p[2]} {r.choice(['科技园路', '文三路', '人民路', '建设路', '天府大道'])}{r.randint(1, 300)}号"
        f"{r.randint(1, 30)}栋{r.randint(101, 2505)}室"
    )(r.choice(CN_PROVINCES)),
    "cmcc_duration": lambda r, i: (lambda s: f"{s // 60}分{s % 60}秒" if s >= 60 else f"{s}秒")(r.randint(3, 3600)),
    "cmcc_place": lambda r, i: r.choice(["深圳", "广东深圳", "杭州", "浙江杭州", "上海", "成都", "北京", "广州"]),
    # generators of the ninth held-out tables (holdout9.yaml)
    "emr_pubpid": lambda r, i: r.choice([str(1000 + i), f"MRN{r.randint(0, 9_999_999):07d}", f"{r.randint(10000, 99999)}"]),
    "emr_mname": lambda r, i: r.choice(["A", "J", "M", "Lee", "Marie", "R."]),
    "emr_street2": lambda r, i: r.choice(
        [f"Apt {r.randint(1, 40)}{r.choice('ABCD')}", f"Suite {r.randint(100, 900)}", f"Unit {r.randint(1, 99)}"]
    ),
    "us_zip": lambda r, i: f"{r.randint(1001, 99950):05d}" + (f"-{r.randint(0, 9999):04d}" if r.random() < 0.15 else ""),
    "us_phone": lambda r, i: r.choice(
        [
            f"({r.randint(201, 989)}) 555-{r.randint(0, 9999):04d}",
            f"{r.randint(201, 989)}-555-{r.randint(0, 9999):04d}",
            f"{r.randint(201, 989)}555{r.randint(0, 9999):04d}",
        ]
    ),
    "emr_direct_email": lambda r, i: (
        f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}@direct.{r.choice(['clinic', 'hospital', 'health'])}.example.org"
    ),
    "emr_race": lambda r, i: r.choice(
        ["white", "white", "black_or_afri_amer", "asian", "amer_ind_or_alaska_native", "native_hawai_or_pac_island",
         "declne_to_specfy"]
    ),
    "emr_ethnicity": lambda r, i: r.choice(["not_hisp_or_latin", "not_hisp_or_latin", "hisp_or_latin", "declne_to_specfy"]),
    "emr_religion": lambda r, i: r.choice(
        ["christian", "catholic", "baptist", "buddhism", "judaism", "islam", "hinduism", "agnosticism", "atheism"]
    ),
    "emr_sexual_orientation": lambda r, i: r.choice(
        ["straight_or_heterosexual", "straight_or_heterosexual", "lesbian_gay_or_homosexual", "bisexual",
         "something_else_please_describe", "dont_know", "decline_to_specify"]
    ),
    "emr_gender_identity": lambda r, i: r.choice(
        ["identifies_as_male", "identifies_as_female", "identifies_as_female", "female_to_male", "male_to_female",
         "genderqueer", "decline_to_specify"]
    ),
    "emr_weight_lb": lambda r, i: f"{r.uniform(95, 280):.2f}",
    "emr_height_in": lambda r, i: f"{r.uniform(58, 77):.2f}",
    "emr_temp_f": lambda r, i: f"{r.uniform(96.8, 101.6):.2f}",
    "emr_bmi": lambda r, i: f"{r.uniform(17, 41):.1f}",
    "emr_waist_in": lambda r, i: "0.00" if r.random() < 0.6 else f"{r.uniform(26, 48):.2f}",
    "emr_head_in": lambda r, i: "0.00" if r.random() < 0.9 else f"{r.uniform(13, 19):.2f}",
    "emr_bps": lambda r, i: str(r.randint(96, 178)),
    "emr_bpd": lambda r, i: str(r.randint(55, 108)),
    "emr_pulse": lambda r, i: f"{r.randint(48, 128)}.00",
    "emr_respiration": lambda r, i: f"{r.randint(10, 26)}.00",
    "emr_spo2": lambda r, i: f"{r.randint(90, 100)}.00",
    "bw_encstring": lambda r, i: (  # Bitwarden EncString type 2: AES-CBC-256 + HMAC, iv|ciphertext|mac in base64
        "2." + base64.b64encode(r.randbytes(16)).decode() + "|" + base64.b64encode(r.randbytes(64)).decode()
        + "|" + base64.b64encode(r.randbytes(32)).decode()
    ),
    "bw_private_key": lambda r, i: (
        "2." + base64.b64encode(r.randbytes(16)).decode() + "|" + base64.b64encode(r.randbytes(1232)).decode()
        + "|" + base64.b64encode(r.randbytes(32)).decode()
    ),
    "base32_32": lambda r, i: _s(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 32),
    "alnum30": lambda r, i: _s(r, ALNUM, 30),
    "hex_color": lambda r, i: "#" + _s(r, HEX, 6),
    "bw_refresh_token": lambda r, i: _s(r, ALNUM + "-_", 86) + "==",
    "bw_remember_token": lambda r, i: base64.b64encode(r.randbytes(64)).decode(),
    "meteor_id": lambda r, i: _s(r, "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz", 17),
    "rc_hashed_token": lambda r, i: base64.b64encode(r.randbytes(32)).decode(),
    "tesla_id": lambda r, i: str(r.randint(10**12, 10**16)),
    "tesla_vin": lambda r, i: (
        r.choice(["5YJ3E1EA", "5YJ3E1EB", "5YJYGDEE", "5YJSA1E2", "7SAYGDEE", "LRW3E7FA", "XP7YGCEK"])
        + r.choice("0123456789X") + r.choice("JKLMNPR") + r.choice("FPAC") + str(r.randint(100000, 999999))
    ),
    "tm_lat": lambda r, i: f"{HA_HOMES[i % len(HA_HOMES)][0] + r.uniform(-0.25, 0.25):.6f}",
    "tm_lon": lambda r, i: f"{HA_HOMES[i % len(HA_HOMES)][1] + r.uniform(-0.25, 0.25):.6f}",
    "pg_bool": lambda r, i: r.choice(["f", "f", "f", "t"]),
    # TeslaMate addresses: the geocoded place, its city, postcode and country agree with the row's position (tm_lat/lon).
    "nominatim_display_name": lambda r, i: (
        lambda p: ", ".join(
            x
            for x in [
                r.choice(["", "", "Lidl", "Tesla Supercharger", "Starbucks"]),
                str(r.randint(1, 240)),
                r.choice(p[1]),
                r.choice(["", p[2]]),
                p[0],
                p[3](r),
                p[4],
            ]
            if x
        )
    )(TM_PLACES[i % len(TM_PLACES)]),
    "tm_city": lambda r, i: TM_PLACES[i % len(TM_PLACES)][0],
    "tm_postcode": lambda r, i: TM_PLACES[i % len(TM_PLACES)][3](r),
    "tm_country": lambda r, i: TM_PLACES[i % len(TM_PLACES)][4],
    "us_city": lambda r, i: r.choice(["Austin", "Denver", "Seattle", "Boston", "Phoenix", "Portland", "Columbus", "Raleigh"]),
    "iso_z": lambda r, i: _dt(r, 2015, 2026).replace(" ", "T") + "Z",
    "zendesk_id": lambda r, i: str(r.randint(360_000_000_000, 29_999_999_999_999)),
    "zendesk_photo_url": lambda r, i: (
        f"https://example.zendesk.com/system/photos/{r.randint(1000, 9999)}/{r.randint(1000, 9999)}/"
        f"{r.randint(1000, 9999)}/profile_image_{r.randint(10**11, 10**13)}_{r.randint(1_000_000, 9_999_999)}.jpg"
    ),
    "dns_domain": lambda r, i: r.choice(
        [
            "www.youtube.com", "i.ytimg.com", "graph.instagram.com", "web.whatsapp.com", "www.reddit.com",
            "mychart.examplehealth.org", "www.tinder.com", "api.grindr.com", "www.jw.org", "www.webmd.com",
            "weixin.qq.com", "www.zhihu.com", "ads.doubleclick.net", "connectivitycheck.gstatic.com",
            "time.apple.com", "netflix.com", "www.bet365.com", "aa.online-metrix.net", "pi.hole",
        ]
    ),
    "lan_ip": lambda r, i: (
        f"192.168.{r.choice([0, 1, 178])}.{r.randint(2, 254)}"
        if r.random() < 0.75
        else r.choice([f"10.0.0.{r.randint(2, 254)}", f"fd00::{_s(r, HEX, 4)}:{_s(r, HEX, 4)}:{_s(r, HEX, 4)}"])
    ),
    "mac_or_ip": lambda r, i: (
        ":".join(_s(r, HEX, 2) for _ in range(6)) if r.random() < 0.85 else f"ip-192.168.1.{r.randint(2, 254)}"
    ),
    "lan_client_name": lambda r, i: r.choice(
        [
            f"{r.choice(FIRST)}s-iPhone.lan",
            f"{r.choice(FIRST)}s-MBP.fritz.box",
            f"Galaxy-S2{r.randint(0, 4)}-{r.choice(FIRST)}",
            f"DESKTOP-{_s(r, string.ascii_uppercase + string.digits, 7)}",
            f"android-{_s(r, HEX, 16)}",
            f"{r.choice(FIRST).lower()}-laptop.home.arpa",
            f"iPad-von-{r.choice(FIRST)}",
        ]
    ),
    "mt_order_title": lambda r, i: r.choice(
        [
            f"{r.choice(['喜茶', '米麒麟云南小锅米线', '霸碗盖码饭', '满记甜品'])}"
            f"（{r.choice(['北洋泾店', '世纪大道店', '万科广场店'])}） 订单详情",
            f"美团商家代金券-{r.randint(10**17, 3 * 10**17)}",
            "【爆款回归】葡式蛋挞6只",
            "特惠|云南米线单人餐",
            f"【美团月付】主动还款2025年{r.randint(1, 12)}月账单",
        ]
    ),
    "mt_pay_method": lambda r, i: r.choice(
        [
            f"{r.choice(['中国银行', '招商银行', '工商银行', '建设银行'])}{r.choice(['信用卡', '储蓄卡'])}"
            f"({r.randint(0, 9999):04d})",
            "微信支付",
            "美团月付",
            "美团余额",
        ]
    ),
    "mt_money": lambda r, i: f"¥{r.randint(1, 300)}.{r.randint(0, 99):02d}",
    "mt_deal_no": lambda r, i: (  # payments 32 digits, refunds 19, both exported with a trailing tab
        f"2{r.randint(4, 5)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}111004016700{_s(r, string.digits, 11)}443\t"
        if r.random() < 0.8
        else f"2{r.randint(4, 5)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}01{_s(r, string.digits, 8)}443\t"
    ),
    "mt_merchant_no": lambda r, i: r.choice(
        [
            f"0_{r.randint(2_190_000_000_000_000, 2_210_000_000_000_000)}",
            "1KU" + _s(r, string.ascii_uppercase + string.digits, 8) + "04076",
            f"{r.randint(5_700_000_000, 5_799_999_999)}u403b",
        ]
    ) + "\t",
    "date_only": lambda r, i: f"{r.randint(2023, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "cmb_amount": lambda r, i: (lambda v: f"{v:,.2f}")(
        r.choice([-1, -1, -1, 1]) * r.choice([r.uniform(1, 300), r.uniform(300, 9000)])
    ),
    "cmb_balance": lambda r, i: f"{r.uniform(3, 86000):,.2f}",
    "cmb_counterparty": lambda r, i: r.choice(
        [
            f"{_cn_name(r)} 6214{_s(r, string.digits, 12)}",
            f"{_cn_name(r)} 6222{_s(r, string.digits, 15)}",
            f"北京住房公积金管理中心{_s(r, string.digits, 10)}",
            f"抖音电商商家{_s(r, string.digits, 9)}",
            f"国网电力有限公司{_s(r, string.digits, 14)}",
            "",
        ]
    ),
    # holdout10: Synapse (Matrix), Gibbon, ZenTao, Tuya cloud, Dawarich, Kill Bill, ICBC statement.
    "mx_user_id": lambda r, i: _mx_user_id(r),
    "mx_device_id": lambda r, i: _s(r, string.ascii_uppercase, 10),
    "mx_access_token": lambda r, i: _mx_access_token(r),
    "synapse_bcrypt": lambda r, i: "$2b$12$" + _s(r, CRYPT64, 53),
    "mx_device_name": lambda r, i: r.choice(
        [
            "Element Android", "Element iOS", "Element Desktop: Linux", "Element Desktop: Windows",
            "app.element.io: Chrome on macOS", "app.element.io: Firefox on Windows", "FluffyChat Android",
            "Element X iOS", "Cinny Web", "",
        ]
    ),
    "mx_user_agent": lambda r, i: r.choice(
        [
            f"Element/1.{r.randint(5, 6)}.{r.randint(0, 40)} (Android {r.randint(10, 14)}; SM-G99{r.randint(1, 8)}B;"
            f" Build/TP1A; Flavour GooglePlay; MatrixAndroidSdk2 1.{r.randint(5, 6)}.{r.randint(0, 30)})",
            f"Element/1.11.{r.randint(40, 99)} (iPhone; iOS {r.randint(15, 17)}.{r.randint(0, 6)}; Scale/3.00)",
            _ua(r),
            _mobile_ua(r),
        ]
    ),
    "mx_threepid": lambda r, i: (
        f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}{r.randint(1, 99)}@{r.choice(['example.com', 'example.org'])}"
        if r.random() < 0.75
        else r.choice(["44770090", "8613", "4915", "1555"]) + _s(r, string.digits, 8)
    ),
    "gibbon_id": lambda r, i: f"{i + 1:010d}",
    "gibbon_username": lambda r, i: r.choice(
        [
            f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}",
            f"{r.choice(LAST).lower()}{r.choice(FIRST)[0].lower()}",
            f"{r.choice(FIRST)[0].lower()}.{r.choice(LAST).lower()}{r.randint(1, 9)}",
        ]
    ),
    "gibbon_salt": lambda r, i: _s(r, CRYPT64, 22),
    "gibbon_image": lambda r, i: (
        f"uploads/{r.randint(2018, 2026)}/{r.randint(1, 12):02d}/"
        f"{r.choice(FIRST).lower()}{r.choice(LAST).lower()}_{_s(r, ALNUM, 16)}_240.jpg"
    ),
    "gibbon_phone": lambda r, i: r.choice(["5", "7", "9", "2", "13"]) + _s(r, string.digits, r.randint(7, 9)),
    "gibbon_student_id": lambda r, i: f"{r.randint(2015, 2026)}{r.randint(1, 999):03d}",
    "google_refresh_token": lambda r, i: "1//0" + _s(r, ALNUM + "-_", 99),
    "base32_16": lambda r, i: _s(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
    "zt_account": lambda r, i: (
        lambda n: r.choice([n[0] + n[1], n[0] + n[1] + str(r.randint(1, 9)), n[1] + "." + n[0]])
    )(_pinyin_name(r)),
    "zt_pinyin": lambda r, i: (lambda n: f"{n[0]}{n[1]} {n[0][0]}{n[1][0]}")(_pinyin_name(r)),
    "zt_nickname": lambda r, i: r.choice(["Tony", "Kevin", "Lily", "Coco", "小王", "阿杰", "老李", "Sunny", "小陈"]),
    "zt_commiter": lambda r, i: (lambda n: r.choice([n[0] + n[1], f"{n[1]}.{n[0]}", f"{n[1].title()} {n[0].title()}"]))(
        _pinyin_name(r)
    ),
    "zt_avatar": lambda r, i: (
        f"/data/upload/1/{r.randint(2019, 2026)}{r.randint(1, 12):02d}/"
        f"{r.randint(1, 28):02d}{r.randint(0, 23):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}0"
        f"{r.randint(1000, 9999)}{_s(r, string.ascii_lowercase + string.digits, 3)}.png"
    ),
    "qq_number": lambda r, i: str(r.randint(10000, 3_999_999_999)),
    "zt_address": lambda r, i: (
        lambda p: f"{p[0]}{p[1]}{p[2]}{r.choice(['科技园路', '文三路', '人民路', '建设路'])}{r.randint(1, 300)}号"
    )(r.choice(CN_PROVINCES)),
    "tuya_dev_id": lambda r, i: r.choice(
        [
            r.choice(["bf", "eb", "6c", "bf"]) + _s(r, string.ascii_lowercase + string.digits, 20),
            _s(r, string.digits, 14) + _s(r, HEX, 6),
            "vdevo" + _s(r, string.digits, 15),
        ]
    ),
    "tuya_local_key": lambda r, i: _s(r, ALNUM + "`~!@#$^&*()_+-=[]{}|;:,.<>?/'", 16),
    "tuya_uuid": lambda r, i: _s(r, HEX, 16) if r.random() < 0.7 else _s(r, string.digits, 14) + _s(r, HEX, 6),
    "tuya_uid": lambda r, i: r.choice(["ay", "eu", "az", "bay"]) + str(r.randint(10**12, 10**13 - 1)) + _s(r, ALNUM, 5),
    "tuya_lat": lambda r, i: _h10_coord(r, i, 0, 4),
    "tuya_lon": lambda r, i: _h10_coord(r, i, 1, 4),
    "tuya_icon": lambda r, i: f"smart/icon/{r.choice(['ay1525015673758Ghvpg', 'bay1591068382476FqTY', 'ay15327721968035jwx9'])}/"
    + _s(r, HEX, 32)
    + ".png",
    "tuya_dev_name": lambda r, i: r.choice(
        [
            "Smart Plug", "Living Room Light", "WiFi switch-4CH", "Door Sensor", "Front Door Camera", "智能插座",
            "客厅灯", "门口摄像头", "Garage Opener", "Smart Bulb 2", "Temperature and Humidity Sensor",
        ]
    ),
    "tuya_product_name": lambda r, i: r.choice(
        ["Smart Plug", "Smart Camera", "WiFi switch-4CH", "Door Sensor", "RGB Bulb", "Temperature & Humidity Sensor"]
    ),
    "tuya_product_id": lambda r, i: _s(r, string.ascii_lowercase + string.digits, 16),
    "tuya_mobile": lambda r, i: r.choice([f"86-{_cn_mobile(r)}", f"86-{_cn_mobile(r)}", f"1-555{_s(r, string.digits, 7)}"]),
    "tuya_username": lambda r, i: (
        f"86-{_cn_mobile(r)}"
        if r.random() < 0.5
        else f"{r.choice(FIRST).lower()}{r.randint(1, 9999)}@{r.choice(['example.com', 'example.net'])}"
    ),
    "tuya_nick_name": lambda r, i: r.choice(
        [
            f"{_cn_mobile(r)[:3]}****{r.randint(1000, 9999)}",
            r.choice(FIRST) + r.choice(["", str(r.randint(1, 99))]),
            r.choice(["小王", "智能家", "SmartHome_", "阿芳"]) + r.choice(["", str(r.randint(1, 99))]),
        ]
    ),
    "dw_lat": lambda r, i: _h10_coord(r, i, 0, 6),
    "dw_lon": lambda r, i: _h10_coord(r, i, 1, 6),
    "dw_raw_data": lambda r, i: json.dumps(
        {
            "_type": "location",
            "lat": round(HA_HOMES[i % len(HA_HOMES)][0] + r.uniform(-0.2, 0.2), 7),
            "lon": round(HA_HOMES[i % len(HA_HOMES)][1] + r.uniform(-0.2, 0.2), 7),
            "tst": r.randint(1_690_000_000, 1_790_000_000),
            "acc": r.randint(3, 60),
            "batt": r.randint(5, 100),
            "conn": r.choice(["w", "m"]),
            "tid": r.choice(["p1", "an", "iP"]),
        },
        ensure_ascii=False,
    ),
    "dw_geodata": lambda r, i: (
        lambda p: json.dumps(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [
                        round(HA_HOMES[i % len(HA_HOMES)][1] + r.uniform(-0.2, 0.2), 7),
                        round(HA_HOMES[i % len(HA_HOMES)][0] + r.uniform(-0.2, 0.2), 7),
                    ],
                },
                "properties": {
                    "osm_type": "N",
                    "osm_id": r.randint(10**8, 10**10),
                    "name": r.choice(["", "REWE", "Starbucks", "Central Station"]),
                    "street": r.choice(p[1]),
                    "housenumber": str(r.randint(1, 240)),
                    "postcode": p[3](r),
                    "city": p[0],
                    "country": p[4],
                    "type": r.choice(["house", "street"]),
                },
            },
            ensure_ascii=False,
        )
        if r.random() < 0.85
        else "{}"
    )(TM_PLACES[i % len(TM_PLACES)]),
    "wifi_ssid": lambda r, i: r.choice(
        ["FRITZ!Box 7590 XY", "HomeWiFi", "Office-5G", "eduroam", "TP-Link_3F2A", "ChinaNet-8xKq"]
    ),
    "kb_external_key": lambda r, i: r.choice([f"cust-{r.randint(10000, 99999)}", _uuid(r), f"CRM{r.randint(100000, 999999)}"]),
    "kb_address2": lambda r, i: r.choice(["Apt 4B", "Suite 200", "Flat 3", "Unit 12", "2nd floor"]),
    "company_name": lambda r, i: r.choice(["Acme Corp", "Globex Ltd", "Initech", "Umbrella GmbH", "深圳星河科技有限公司"]),
    "icbc_date": lambda r, i: f"{r.randint(2023, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}     \t",
    "icbc_summary": lambda r, i: r.choice(
        ["消费", "消费", "他行汇入", "工资", "网转", "跨行汇款", "退款", "自动还款", "银联消费", "利息"]
    )
    + "\t",
    "icbc_place": lambda r, i: r.choice(
        ["财付通-微信红包", "财付通-群收款", "手机银行", "支付宝", "广东三元麦当劳食品有", "美团", "京东商城业务", "", ""]
    )
    + "\t",
    # A row is either income or expense (one row in four income), as in the export.
    "icbc_income": lambda r, i: (f"{r.uniform(1, 9000):,.2f}" if i % 4 == 0 else "") + "\t",
    "icbc_expense": lambda r, i: (f"{r.uniform(1, 3000):,.2f}" if i % 4 else "") + "\t",
    "icbc_balance": lambda r, i: f"{r.uniform(3, 86000):,.2f}\t",
    "icbc_peer_account": lambda r, i: f"{r.choice(['6222', '6212', '6217', '6228', '6214'])}****{r.randint(1000, 9999)}\t",
    # holdout11: Xiaomi cloud, EZVIZ, SuiteCRM, Gadgetbridge, Garmin Connect, Amplitude, JD Finance bill
    "xm_did": lambda r, i: _xm_did(r),
    "xm_lat": lambda r, i: "0.00000000" if r.random() < 0.15 else f"{_h11_coord(r, i, 0):.8f}",
    "xm_lon": lambda r, i: "0.00000000" if r.random() < 0.15 else f"{_h11_coord(r, i, 1):.8f}",
    "xm_dev_name": lambda r, i: r.choice(
        [
            "Mi Smart Plug", "米家智能插座", "客厅灯", "小米智能摄像机 云台版2K", "Xiaomi Smart Camera C400",
            "Mi Air Purifier 3H", "米家门窗传感器", "卧室空调伴侣", "Robot Vacuum", "温湿度计",
        ]
    ),
    "xm_model": lambda r, i: r.choice(
        [
            "chuangmi.plug.m3", "chuangmi.camera.ipc019", "zhimi.airpurifier.mb3", "lumi.sensor_magnet.v2",
            "roborock.vacuum.a15", "yeelink.light.ceiling4", "miaomiaoce.sensor_ht.t2", "xiaomi.camera.082ac1",
        ]
    ),
    "xm_extra": lambda r, i: json.dumps(
        {
            "isSetPincode": 0,
            "pincodeType": 0,
            "fw_version": f"{r.randint(1, 4)}.{r.randint(0, 9)}.{r.randint(0, 9)}_{r.randint(1, 300):04d}",
            "needVerifyCode": 0,
            "isPasswordEncrypt": 0,
        }
    ),
    "mac_upper": lambda r, i: _mac_upper(r),
    "ezviz_serial": lambda r, i: _ezviz_serial(i),
    "ezviz_dev_name": lambda r, i: r.choice(
        ["客厅", "门口", "大门摄像头", "车库", "院子", "Front Door", "Backyard", "店铺收银台", "办公室", "C6CN", "C3W"]
    ),
    "ezviz_pic_url": lambda r, i: (
        "https://i.ys7.com/streamer/alarm/url/get?fileId="
        + _s(r, string.digits, 19)
        + f"&deviceSerialNo={_ezviz_serial(i)}&cn=1&isEncrypted={r.choice('01')}"
        + f"&isCloudStored=0&ct=4&lc=7&bn=4_{_s(r, ALNUM, 8)}&isDevVideo=0"
    ),
    "suite_user_id": lambda r, i: r.choice(SUITE_USERS),
    "suite_email": lambda r, i: _suite_email(i),
    "email_caps": lambda r, i: _suite_email(i).upper(),
    "gb_user_name": lambda r, i: r.choice([r.choice(FIRST), f"{r.choice(FIRST)} {r.choice(LAST)}", _cn_name(r)]),
    "gb_birthday_ms": lambda r, i: str(r.randint(-630_000_000, 1_200_000_000) * 1000),
    "gb_device_name": lambda r, i: r.choice(
        ["Mi Smart Band 4", "Mi Smart Band 6", "Amazfit Bip", "Amazfit GTR 2", "Bangle.js 3f2a", "Pebble Time", "Hybrid HR"]
    ),
    "gb_alias": lambda r, i: r.choice(["Band", "My watch", "Running watch", "Amazfit", "手环", "Old Bip"]),
    "gb_steps": lambda r, i: str(r.choice([0, 0, 0, r.randint(1, 40), r.randint(40, 160)])),
    "gb_heart_rate": lambda r, i: str(r.choice([r.randint(52, 98), r.randint(60, 140), 255])),
    "gb_base_lat": lambda r, i: str(round(_h11_coord(r, i, 0) * 3_000_000)),
    "gb_base_lon": lambda r, i: str(round(_h11_coord(r, i, 1) * 3_000_000)),
    "gb_gpx_path": lambda r, i: (
        "/storage/emulated/0/Android/data/nodomain.freeyourgadget.gadgetbridge/files/"
        f"gadgetbridge-track-{r.randint(2023, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T"
        f"{r.randint(5, 21):02d}_{r.randint(0, 59):02d}_{r.randint(0, 59):02d}.gpx"
    ),
    "gb_summary_json": lambda r, i: json.dumps(
        {
            "distanceMeters": {"value": round(r.uniform(800, 21000), 1), "unit": "meters"},
            "caloriesBurnt": {"value": r.randint(40, 1300), "unit": "calories_unit"},
            "steps": {"value": r.randint(900, 24000), "unit": "steps_unit"},
            "averageHR": {"value": r.randint(95, 168), "unit": "bpm"},
            "averageKMPaceSeconds": {"value": r.randint(240, 720), "unit": "seconds_km"},
        }
    ),
    "garmin_title": lambda r, i: f"{r.choice(['Wellington', 'Shenzhen', 'Berlin', 'Austin', 'Lyon', 'Osaka'])} "
    + r.choice(["Running", "Running", "Cycling", "Walking", "Trail Running"]),
    "garmin_distance": lambda r, i: f"{r.uniform(1.2, 42.5):.2f}",
    "garmin_duration": lambda r, i: _duration(r, 300, 9000),
    "garmin_cadence": lambda r, i: r.choice([str(r.randint(150, 186)), "--"]),
    "garmin_te": lambda r, i: f"{r.uniform(0.5, 5.0):.1f}",
    "garmin_stride": lambda r, i: f"{r.uniform(0.6, 1.5):.2f}",
    "garmin_pace": lambda r, i: f"{r.randint(3, 11)}:{r.randint(0, 59):02d}",
    "garmin_steps": lambda r, i: f"{r.randint(1200, 42000):,}",
    "amp_data": lambda r, i: r.choice(
        ['{"first_event":true}', "{}", "{}", '{"group_first_event":{}}', '{"path":"/batch","user_properties_updated":true}']
    ),
    "amp_device_id": lambda r, i: _uuid(r) + "R" if r.random() < 0.5 else _uuid(r).upper(),
    "amp_event_properties": lambda r, i: json.dumps(
        {
            "screen": r.choice(["Live View", "Playback", "Device List", "Settings"]),
            "camera_count": r.randint(1, 6),
            "stream_quality": r.choice(["HD", "SD", "Auto"]),
        }
    ),
    "amp_user_id": lambda r, i: r.choice([f"u_{r.randint(10000, 999999)}", _uuid(r), f"{r.randint(10**7, 10**9)}"]),
    "jd_time": lambda r, i: f"{_dt(r, 2021, 2025)}\t",
    "jd_desc": lambda r, i: r.choice(
        [
            "京东小金库收益", "白条主动还款", "萤石C6CN 智能摄像头", "小米智能摄像机 云台版", "椰子水 1L*6支",
            "退款-洁面乳150ml", "亲密卡", "京东小金库-转入", "充电宝 20000毫安",
        ]
    ),
    "jd_pay_method": lambda r, i: r.choice(
        [
            "京东白条", "京东白条", "小金库零用钱", "银行卡",
            r.choice(["招商银行", "工商银行", "建设银行", "中国银行"])
            + f"{r.choice(['信用卡', '储蓄卡'])}({r.randint(1000, 9999)})",
        ]
    ),
    "jd_trade_no": lambda r, i: r.choice([_s(r, string.digits, 20), _s(r, string.digits, 12), " "]) + "\t",
    "jd_merchant_no": lambda r, i: _s(r, string.digits, 24) + "\t",
    # holdout12: Jellyfin, PhotoPrism, Authelia, Cloudflare Logpush, Snipe-IT, AWS CloudTrail, 12306
    "jf_pbkdf2": lambda r, i: f"$PBKDF2-SHA512$iterations=210000${_s(r, HEX, 32).upper()}${_s(r, HEX, 128).upper()}",
    "jf_short_overview": lambda r, i: f"IP address: {_ipv4(r) if r.random() < 0.8 else _ipv6(r)}",
    "jf_item_id": lambda r, i: _s(r, HEX, 32),
    "jf_device_id": lambda r, i: base64.b64encode(f"{_ua(r)}|{r.randint(1600000000000, 1790000000000)}".encode()).decode()
    if r.random() < 0.6
    else _s(r, HEX, 16),
    "pp_subject_uid": lambda r, i: "j" + _s(r, string.ascii_lowercase + string.digits, 15),
    "pp_subject_slug": lambda r, i: f"{r.choice(FIRST).lower()}-{r.choice(LAST).lower()}",
    "pp_embeddings": lambda r, i: "[[" + ",".join(f"{r.uniform(-0.12, 0.12):.6f}" for _ in range(512)) + "]]",
    "pp_photo_uid": lambda r, i: "p" + _s(r, string.ascii_lowercase + string.digits, 15),
    "pp_user_uid": lambda r, i: "u" + _s(r, string.ascii_lowercase + string.digits, 15),
    "pp_title": lambda r, i: r.choice(["Sunset", "Beach", "Portrait", "Cat", "Mountains", "Unknown", "Food", "Snow"])
    + r.choice([" / ", " / ", " in "])
    + r.choice(["Berlin", "Shenzhen", "Lyon", "Osaka", "Austin", "Hangzhou"])
    + r.choice(["", f" / {r.randint(2015, 2025)}"]),
    "pp_photo_path": lambda r, i: r.choice([f"{r.randint(2015, 2025)}/{r.randint(1, 12):02d}", "sidecar", "Import/Phone"]),
    "pp_photo_name": lambda r, i: f"{r.randint(2015, 2025)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}_"
    f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}_{_s(r, HEX, 8).upper()}",
    "pp_place_id": lambda r, i: r.choice(["zz", f"{r.choice(['de', 'cn', 'us', 'fr', 'jp'])}:"
                                          + _s(r, string.ascii_letters + string.digits, 12)]),
    "pp_cell_id": lambda r, i: r.choice(["zz", "s2:" + r.choice(["47a8", "3404", "89c2", "47e6", "6001"]) + _s(r, HEX, 8)]),
    "authelia_bytea": lambda r, i: "\\x" + _s(r, HEX, 120),
    "jwt_token": lambda r, i: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    + base64.urlsafe_b64encode(json.dumps({"jti": _uuid(r), "aud": "authelia", "exp": r.randint(1700000000, 1790000000),
                                           "action": r.choice(["RegisterTOTPDevice", "ResetPassword"])}).encode())
    .decode().rstrip("=")
    + "." + _s(r, string.ascii_letters + string.digits + "-_", 43),
    "cf_country_lower": lambda r, i: r.choice(["us", "cn", "de", "gb", "fr", "jp", "br", "in", "hk"]),
    "cf_uri": lambda r, i: r.choice(["/", "/login", "/cart", "/search?q=", "/account/orders?page=", "/api/v1/cameras/"])
    + r.choice(["", str(r.randint(1, 900)), "doorbell+camera", "&utm_source=newsletter"]),
    "snipe_permissions": lambda r, i: r.choice(['{"superuser":"1"}', '{"admin":"0","superuser":"0"}', "", "[]"]),
    "snipe_activation_code": lambda r, i: _s(r, string.ascii_letters + string.digits, 40),
    "snipe_employee_num": lambda r, i: r.choice([f"E{r.randint(1000, 9999)}", str(r.randint(100000, 999999))]),
    "snipe_avatar": lambda r, i: f"avatar-{_s(r, string.ascii_lowercase + string.digits, 13)}.{r.choice(['jpg', 'png'])}",
    "alnum60": lambda r, i: _s(r, string.ascii_letters + string.digits, 60),
    "ct_principal_id": lambda r, i: r.choice(
        [
            "AIDA" + _s(r, string.ascii_uppercase + "234567", 17),
            "AROA" + _s(r, string.ascii_uppercase + "234567", 17) + ":" + r.choice(FIRST).lower(),
            _s(r, string.digits, 12),
        ]
    ),
    "ct_account_id": lambda r, i: r.choice(["123456789012", "210987654321", "444455556666"]),
    "ct_arn": lambda r, i: r.choice(
        [
            f"arn:aws:iam::123456789012:user/{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}",
            f"arn:aws:sts::123456789012:assumed-role/Admin/{r.choice(FIRST).lower()}",
            "arn:aws:iam::123456789012:root",
        ]
    ),
    "ct_source_ip": lambda r, i: _ipv4(r) if r.random() < 0.85 else r.choice(["s3.amazonaws.com", "AWS Internal"]),
    "ct_user_agent": lambda r, i: r.choice(
        [
            f"aws-cli/2.{r.randint(9, 17)}.{r.randint(0, 30)} Python/3.11.{r.randint(1, 8)} Linux/5.15.0 exe/x86_64.ubuntu.22 "
            "prompt/off command/s3.ls",
            f"Boto3/1.{r.randint(26, 34)}.{r.randint(0, 40)} md/Botocore#1.{r.randint(29, 34)}.0 ua/2.0 os/linux#6.1 "
            "lang/python#3.12.1",
            "console.amazonaws.com",
            "signin.amazonaws.com",
            _ua(r),
        ]
    ),
    "ct_request_parameters": lambda r, i: r.choice(
        [
            json.dumps({"bucketName": r.choice(["cam-clips-prod", "firmware-dist"]), "key": f"clips/{r.randint(1, 99999)}.mp4"}),
            json.dumps({"instancesSet": {"items": [{"instanceId": "i-" + _s(r, HEX, 17)}]}}),
            "",
        ]
    ),
    "ct_request_id": lambda r, i: _s(r, string.ascii_uppercase + string.digits, 16)
    if r.random() < 0.5
    else _uuid(r),
    "t12306_order_no": lambda r, i: r.choice("EEEK") + _s(r, string.digits, 9),
    "t12306_train": lambda r, i: r.choice(["G", "G", "D", "K", "Z", "T", "C"]) + str(r.randint(1, 1999)),
    "t12306_coach": lambda r, i: f"{r.randint(1, 16):02d}车",
    "t12306_seat": lambda r, i: r.choice([f"{r.randint(1, 20):02d}{r.choice('ABCDF')}号", f"{r.randint(1, 60):03d}号",
                                          f"{r.randint(1, 30):02d}号下铺", "无座"]),
    # holdout13: OpenMRS, FHIR bulk export (Synthea-style Patient and Observation), Open edX, IMS OneRoster CSV, Kamailio,
    # MyBB, CCB (建设银行) debit statement, Monzo CSV export
    "h13_omrs_identifier": lambda r, i: r.choice(
        [
            f"{_s(r, '0123456789ACDEFGHJKLMNPRTUVWXY', 6)}-{r.randint(0, 9)}",
            f"MRN{r.randint(0, 999999):06d}",
            f"{r.randint(100000, 999999)}",
        ]
    ),
    "h13_omrs_country": lambda r, i: r.choice(["Kenya", "Rwanda", "Haiti", "Uganda", "United States", "Malawi", "India"]),
    "h13_omrs_city": lambda r, i: r.choice(["Eldoret", "Kigali", "Port-au-Prince", "Kampala", "Boston", "Lilongwe", "Pune"]),
    # Most OpenMRS addresses are not geocoded: latitude and longitude are blank together (3 rows in 10 have both).
    "h13_omrs_lat": lambda r, i: f"{HA_HOMES[i % len(HA_HOMES)][0] + r.uniform(-0.2, 0.2):.6f}" if i % 10 < 3 else "",
    "h13_omrs_lon": lambda r, i: f"{HA_HOMES[i % len(HA_HOMES)][1] + r.uniform(-0.2, 0.2):.6f}" if i % 10 < 3 else "",
    "h13_sip_code": lambda r, i: H13_SIP_REPLIES[i % len(H13_SIP_REPLIES)][0],
    "h13_sip_reason": lambda r, i: H13_SIP_REPLIES[i % len(H13_SIP_REPLIES)][1],
    "h13_synthea_family": lambda r, i: r.choice(LAST) + str(r.randint(10, 999)),
    "h13_synthea_given": lambda r, i: r.choice(FIRST) + str(r.randint(10, 999)),
    "h13_synthea_ssn": lambda r, i: f"999-{r.randint(10, 99)}-{r.randint(1000, 9999)}",
    "h13_synthea_dl": lambda r, i: f"S999{r.randint(10000, 99999)}",
    "h13_synthea_street": lambda r, i: f"{r.randint(1, 999)} {r.choice(['Hartmann', 'Bailey', 'Cronin', 'Howell', 'Kunde'])} "
    + r.choice(["Highlands", "Spur", "Lane", "Stravenue", "Way"])
    + r.choice(["", "", f" Apt {r.randint(1, 60)}", f" Unit {r.randint(1, 20)}"]),
    "h13_synthea_phone": lambda r, i: f"555-{r.randint(100, 999)}-{r.randint(0, 9999):04d}",
    "h13_fhir_lat": lambda r, i: f"{HA_HOMES[i % len(HA_HOMES)][0] + r.uniform(-0.3, 0.3):.14f}",
    "h13_fhir_lon": lambda r, i: f"{HA_HOMES[i % len(HA_HOMES)][1] + r.uniform(-0.3, 0.3):.14f}",
    "h13_fhir_ts": lambda r, i: _dt(r).replace(" ", "T") + r.choice(["-05:00", "-04:00", "+00:00", ".000Z"]),
    "h13_race_code": lambda r, i: H13_RACES[i % len(H13_RACES)][0],
    "h13_race_text": lambda r, i: H13_RACES[i % len(H13_RACES)][1],
    "h13_patient_ref": lambda r, i: r.choice(["Patient/", "urn:uuid:"]) + _uuid(r),
    "h13_vital_code": lambda r, i: H13_VITALS[i % len(H13_VITALS)][0],
    "h13_vital_display": lambda r, i: H13_VITALS[i % len(H13_VITALS)][1],
    "h13_vital_unit": lambda r, i: H13_VITALS[i % len(H13_VITALS)][2],
    "h13_vital_value": lambda r, i: H13_VITALS[i % len(H13_VITALS)][3](r),
    "h13_edx_course": lambda r, i: "course-v1:" + r.choice(["edX+DemoX+Demo_Course", "MITx+6.00.1x+2T2025", "HarvardX+CS50+X",
                                                           "TsinghuaX+30240184+2025_T1", "OpenedX+101+2024"]),
    "h13_or_org": lambda r, i: r.choice(["3b8e4a1c-9f2d-4e6a-b1c7-0d5e2f8a6c31", "7c1d9e2f-4a6b-4c8d-9e1f-2a3b4c5d6e7f",
                                         "a0f1e2d3-c4b5-4a69-8877-665544332211"]),
    "h13_or_userids": lambda r, i: "{SIS:" + str(r.randint(1_000_000, 9_999_999)) + "}"
    + r.choice(["", "", ",{LDAP:" + r.choice(FIRST).lower() + str(r.randint(1, 999)) + "}"]),
    "h13_or_grades": lambda r, i: r.choice(["09", "10", "11", "12", "KG", "05", "06,07", ""]),
    "h13_bool": lambda r, i: r.choice(["false", "false", "false", "true"]),
    "h13_sip_user": lambda r, i: _h13_sip_user(r),
    "h13_rpid": lambda r, i: r.choice(["", "sip:"]) + "+" + r.choice(["4930", "4989", "1555", "44207"]) + _s(r, string.digits, 7),
    "h13_received": lambda r, i: f"sip:{_ipv4(r)}:{r.randint(1024, 65535)}" + r.choice(["", ";transport=tcp", ";transport=tls"]),
    "h13_ruid": lambda r, i: f"uloc-{_s(r, HEX, 8)}-{_s(r, HEX, 4)}-{r.randint(1, 9999)}",
    "h13_sip_callid": lambda r, i: r.choice([_s(r, HEX, 32), _s(r, ALNUM + "-", 22), f"{_uuid(r)}"]),
    "h13_sip_ua": lambda r, i: r.choice(
        [f"Linphone/{r.randint(4, 5)}.{r.randint(0, 3)}.{r.randint(0, 40)} (belle-sip/{r.randint(4, 5)}.{r.randint(0, 3)}.0)",
         f"Zoiper rv2.10.{r.randint(10, 20)}.{r.randint(1, 9)}", f"Yealink SIP-T46S 66.86.0.{r.randint(10, 160)}",
         f"Grandstream GXP1625 1.0.11.{r.randint(1, 60)}", f"MicroSIP/3.21.{r.randint(0, 5)}",
         f"Obihai/OBi200-3.2.2.{r.randint(5000, 6000)}"]
    ),
    "h13_sip_instance": lambda r, i: f"<urn:uuid:{_uuid(r)}>",
    "h13_sip_socket": lambda r, i: r.choice(["udp:10.0.0.5:5060", "tcp:10.0.0.5:5060", "tls:10.0.0.5:5061"]),
    "h13_sip_tag": lambda r, i: _s(r, HEX, r.choice([8, 10, 32])),
    "h13_salt8": lambda r, i: _s(r, ALNUM, 8),
    "h13_loginkey": lambda r, i: _s(r, ALNUM, 50),
    "h13_mybb_avatar": lambda r, i: r.choice(
        [f"./uploads/avatars/avatar_{r.randint(1, 5000)}.{r.choice(['jpg', 'png', 'gif'])}"
         f"?dateline={r.randint(1_400_000_000, 1_790_000_000)}",
         f"https://www.gravatar.com/avatar/{_s(r, HEX, 32)}?s=100&r=g&d=mm",
         f"https://forum.example.com/images/avatars/{r.choice(['cat', 'dragon', 'sunset'])}.png"]
    ),
    "h13_avatar_dims": lambda r, i: r.choice(["100|100", "80|80", "64|64", "120|90"]),
    "h13_mybb_birthday": lambda r, i: f"{r.randint(1, 28)}-{r.randint(1, 12)}-" + r.choice([str(r.randint(1950, 2010)), ""]),
    "h13_ip_hex": lambda r, i: _h13_ip_hex(r),
    "h13_gmail": lambda r, i: f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}{r.randint(1, 99)}@gmail.example.com",
    "h13_im_name": lambda r, i: (
        r.choice(["live:", ""]) + r.choice(FIRST).lower() + r.choice(["_", ".", ""]) + r.choice(LAST).lower()
    ),
    "h13_pmfolders": lambda r, i: r.choice(["0**$%%$1**$%%$2**$%%$3**$%%$4**", "0**$%%$1**$%%$2**$%%$3**$%%$4**$%%$5**Archive"]),
    "h13_ccb_out": lambda r, i: f"{r.randint(1, 4000)}.{r.randint(0, 99):02d}" if i % 3 else "",
    "h13_ccb_in": lambda r, i: "" if i % 3 else f"{r.randint(1, 9000)}.{r.randint(0, 99):02d}",
    "h13_ccb_balance": lambda r, i: f"{r.randint(0, 80000)}.{r.randint(0, 99):02d}",
    "h13_ccb_summary": lambda r, i: r.choice(
        ["消费", "转账支取", "转账存入", "利息存入", "代发工资", "快捷支付", "ATM取款", "跨行转出"]
    ),
    "h13_ccb_peer_account": lambda r, i: r.choice(
        [
            f"6217{_s(r, string.digits, 15)}",
            f"6227****{_s(r, string.digits, 4)}",
            f"{_s(r, string.digits, 4)}****{_s(r, string.digits, 4)}",
            f"1001{_s(r, string.digits, 15)}",
        ]
    ),
    "h13_uk_date": lambda r, i: f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.randint(2023, 2026)}",
    "h13_monzo_tx": lambda r, i: "tx_0000" + _s(r, ALNUM, 18),
    "h13_money_or_blank": lambda r, i: r.choice(["", f"{r.randint(1, 400)}.{r.randint(0, 99):02d}"]),
    # holdout14: Koha, OpenCATS, ChurchCRM, Roundcube, Zeek http/conn logs, NC voter file, 23andMe raw data, 滴滴/高德 itineraries
    "h14_koha_card": lambda r, i: (lambda body: body + _luhn_digit(body))(
        "2" + r.choice(["3330", "1185", "0420"]) + _s(r, string.digits, 8)
    ),
    "h14_koha_userid": lambda r, i: f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}"
    + r.choice(["", "", str(r.randint(1, 9))]),
    "h14_overdrive_token": lambda r, i: _s(r, ALNUM + "-_", 120),
    "h14_cats_login": lambda r, i: r.choice(
        [f"{r.choice(FIRST)[0].lower()}{r.choice(LAST).lower()}", f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}",
         f"{r.choice(FIRST).lower()}{r.randint(1, 99)}", "admin"]
    ),
    "h14_cats_cookie": lambda r, i: "CATS=" + _s(r, string.ascii_lowercase + string.digits, 26),
    "h14_month_or_0": lambda r, i: "0" if r.random() < 0.2 else str(r.randint(1, 12)),
    "h14_day_or_0": lambda r, i: "0" if r.random() < 0.2 else str(r.randint(1, 28)),
    "h14_social_name": lambda r, i: r.choice(
        [f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}.{r.randint(1, 99)}",
         f"{r.choice(FIRST).lower()}{r.choice(LAST).lower()}",
         f"{r.choice(FIRST).lower()}_{r.choice(LAST).lower()}{r.randint(1, 9)}"]
    ),
    # A cheque's MICR line as a MagTek-style reader writes it: T<routing>T<account>O<cheque number>.
    "h14_micr_line": lambda r, i: f"T{r.choice(['053000196', '021000021', '061000104', '111000025'])}T"
    f"{_s(r, string.digits, r.randint(8, 12))}O{r.randint(1001, 4999)}",
    # Track-2 data of a card swiped for giving: ;PAN=YYMM service code and discretionary data?
    "h14_scan_credit": lambda r, i: f";{_h14_card_luhn(r)}={r.randint(26, 31)}{r.randint(1, 12):02d}101"
    f"{_s(r, string.digits, 12)}?",
    # Geocoded family homes (both blank for one family in five), scattered around city centres.
    "h14_home_lat": lambda r, i: "" if i % 5 == 4 else f"{H14_CENTRES[i % 5][0] + r.uniform(-0.15, 0.15):.6f}",
    "h14_home_lon": lambda r, i: "" if i % 5 == 4 else f"{H14_CENTRES[i % 5][1] + r.uniform(-0.15, 0.15):.6f}",
    "h14_zeek_uid": lambda r, i: "C" + _s(r, ALNUM, 17),
    "h14_zeek_orig": lambda r, i: _h14_zeek_orig(r),
    "h14_zeek_host": lambda r, i: r.choice(
        ["www.example.com", "news.example.org", "detectportal.firefox.com", "ocsp.digicert.com", "connectivity-check.ubuntu.com",
         "www.bing.com", "shop.example.net", "intranet.example.local:8080", "forum.example.com", "ctldl.windowsupdate.com",
         "weather.example.org", "www.example.edu"]
    ),
    "h14_zeek_uri": lambda r, i: r.choice(
        ["/", "/success.txt?ipv4",
         "/search?q=" + r.choice(["flights+to+lisbon", "back+pain+exercises", "used+cars", "loan+calculator"]),
         f"/article/2025/{r.randint(1, 12):02d}/" + r.choice(["election-results", "storm-warning", "rate-cut"])
         + f"-{r.randint(100, 999)}.html",
         "/MFEwTzBNMEswSTAJBgUrDgMCGgUABBQ50otx", f"/products/{r.randint(1000, 9999)}?ref=home", "/favicon.ico",
         f"/thread/{r.randint(10000, 99999)}/page-{r.randint(1, 9)}"]
    ),
    "h14_zeek_referrer": lambda r, i: "-" if r.random() < 0.5 else r.choice(
        [f"http://www.example.com/article/2025/{r.randint(1, 12):02d}/", f"http://news.example.org/?page={r.randint(1, 9)}",
         f"http://shop.example.net/cart?session={r.randint(1000, 9999)}", "http://forum.example.com/"]
    ),
    "h14_zeek_username": lambda r, i: "-" if r.random() < 0.8 else r.choice(
        [f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}", f"{r.choice(FIRST)[0].lower()}{r.choice(LAST).lower()}", "admin"]
    ),
    "h14_zeek_password": lambda r, i: "-" if r.random() < 0.9 else r.choice(["Summer2025!", "hunter2", "P@ssw0rd", "letmein42"]),
    "h14_zeek_proxied": lambda r, i: "-" if r.random() < 0.75 else r.choice(
        [f"X-FORWARDED-FOR -> 10.{r.randint(0, 30)}.{r.randint(0, 255)}.{r.randint(2, 254)}",
         f"X-FORWARDED-FOR -> {_ipv4(r)}", f"CLIENT-IP -> 192.168.{r.randint(0, 10)}.{r.randint(2, 254)}"]
    ),
    "h14_zeek_duration": lambda r, i: "-" if r.random() < 0.15 else f"{r.uniform(0.0001, 120):.6f}",
    "h14_nc_reg_num": lambda r, i: f"{r.randint(1, 9_999_999):012d}",
    "h14_ncid": lambda r, i: _s(r, string.ascii_uppercase, 2) + str(r.randint(100000, 999999)),
    "h14_upper_last": lambda r, i: r.choice(LAST).upper(),
    "h14_upper_first": lambda r, i: r.choice(FIRST).upper(),
    "h14_nc_status_cd": lambda r, i: H14_NC_STATUS[i % len(H14_NC_STATUS)][0],
    "h14_nc_status_desc": lambda r, i: H14_NC_STATUS[i % len(H14_NC_STATUS)][1],
    "h14_nc_reason_cd": lambda r, i: H14_NC_STATUS[i % len(H14_NC_STATUS)][2],
    "h14_nc_reason_desc": lambda r, i: H14_NC_STATUS[i % len(H14_NC_STATUS)][3],
    "h14_nc_street": lambda r, i: _h14_nc_street(r),
    # A separate mailing address for one voter in four (line, city and zip blank together otherwise).
    "h14_nc_mail_street": lambda r, i: _h14_nc_street(r) if i % 4 == 1 else "",
    "h14_nc_mail_city": lambda r, i: r.choice(["RALEIGH", "DURHAM", "CHARLOTTE", "CARY"]) if i % 4 == 1 else "",
    "h14_nc_mail_zip": lambda r, i: str(r.randint(27006, 28909)) if i % 4 == 1 else "",
    "h14_nc_city": lambda r, i: r.choice(["RALEIGH", "CHARLOTTE", "DURHAM", "GREENSBORO", "WILMINGTON", "ASHEVILLE", "CARY"]),
    "h14_nc_zip": lambda r, i: str(r.randint(27006, 28909)),
    "h14_nc_phone": lambda r, i: r.choice(["919", "704", "336", "910", "828", "252"]) + "555" + f"{r.randint(0, 9999):04d}",
    "h14_rsid": lambda r, i: f"rs{r.randint(1000, 99_999_999)}" if r.random() < 0.9 else f"i{r.randint(3_000_000, 7_999_999)}",
    "h14_chromosome": lambda r, i: r.choice([str(n) for n in range(1, 23)] * 2 + ["X", "Y", "MT"]),
    "h14_genotype": lambda r, i: r.choice(["--", "II", "DI"]) if r.random() < 0.04 else (
        lambda a, b: a + (a if r.random() < 0.6 else b)
    )(r.choice("ACGT"), r.choice("ACGT")),
    "h14_didi_time": lambda r, i: f"{r.randint(1, 12):02d}-{r.randint(1, 28):02d} {r.randint(0, 23):02d}:{r.randint(0, 59):02d} "
    + r.choice(["周一", "周二", "周三", "周四", "周五", "周六", "周日"]),
    "h14_amap_time": lambda r, i: f"2025-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} "
    f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
    "h14_cn_poi": lambda r, i: r.choice(H14_CN_POIS)
    if r.random() < 0.6
    else f"{r.choice(H14_CN_COMPOUNDS)}-{r.randint(1, 30)}号楼",
    # Coherent per row: a conn.log row's protocol, service, responder port and IP protocol number; an HTTP status and its
    # message; a voter's birth year and age at the end of 2025.
    "h14_conn_proto": lambda r, i: H14_CONN[i % len(H14_CONN)][0],
    "h14_conn_service": lambda r, i: H14_CONN[i % len(H14_CONN)][1],
    "h14_conn_resp_p": lambda r, i: H14_CONN[i % len(H14_CONN)][2],
    "h14_conn_ip_proto": lambda r, i: H14_CONN[i % len(H14_CONN)][3],
    "h14_http_code": lambda r, i: H14_HTTP_STATUS[i % len(H14_HTTP_STATUS)][0],
    "h14_http_msg": lambda r, i: H14_HTTP_STATUS[i % len(H14_HTTP_STATUS)][1],
    "h14_nc_birth_year": lambda r, i: str(_h14_nc_birth_year(i)),
    "h14_nc_age": lambda r, i: str(2025 - _h14_nc_birth_year(i)),
    "h14_fare": lambda r, i: f"{r.uniform(9, 180):.2f}",
    # holdout15: FreeRADIUS, listmonk, OpenVPN status log, Telegram export, 农业银行 statement, Chrome passwords, CiviCRM
    "h15_radius_user": lambda r, i: (
        lambda first, last: r.choice(
            [f"{first}.{last}", f"{first}.{last}", f"{first[0]}{last}", f"{first}.{last}@isp.example.net"]
        )
        if r.random() < 0.85
        else "bb" + _s(r, string.digits, 8)
    )(r.choice(FIRST).lower(), r.choice(LAST).lower()),
    "h15_nas_ip": lambda r, i: r.choice(["10.20.0.1", "10.20.0.2", "10.20.1.1", "100.64.0.1", "192.0.2.10"]),
    "h15_nas_port_id": lambda r, i: "" if r.random() < 0.3 else f"eth 0/1/0/{r.randint(1, 24)}:{r.randint(100, 4000)}",
    "h15_connect_info": lambda r, i: r.choice(
        ["", "CONNECT 100Mbps Ethernet", "CONNECT 1000Mbps Ethernet", "CONNECT 54Mbps 802.11g", "CONNECT 866Mbps 802.11ac"]
    ),
    "h15_called_station": lambda r, i: r.choice(
        ["00-1A-2B-3C-4D-01:CorpWiFi", "00-1A-2B-3C-4D-02:CorpWiFi", "00-1A-2B-3C-4D-03:Guest", "bras-sz-01", "bras-sz-02"]
    ),
    "h15_calling_station": lambda r, i: "-".join(_s(r, "0123456789ABCDEF", 2) for _ in range(6)),
    "h15_framed_ip": lambda r, i: (
        _ipv4(r) if r.random() < 0.7 else f"100.{r.randint(64, 127)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
    ),
    "h15_radcheck_attr": lambda r, i: H15_RADCHECK[i % len(H15_RADCHECK)],
    "h15_radcheck_value": lambda r, i: _h15_radcheck_value(r, i),
    "h15_postauth_pass": lambda r, i: (
        r.choice(["Summer", "dragon", "Qwerty", "letmein", "Pass", "welcome"]) + str(r.randint(1, 9999))
        if r.random() < 0.8
        else "0x" + _s(r, HEX, 34)
    ),
    "h15_pg_ts": lambda r, i: _dt(r) + f".{r.randint(0, 999999):06d}+00",
    "h15_pg_int_array": lambda r, i: "{" + ",".join(str(n) for n in sorted(r.sample(range(1, 13), r.randint(1, 4)))) + "}",
    "h15_ovpn_cn": lambda r, i: r.choice(
        [f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}", f"{r.choice(FIRST).lower()}_{r.choice(LAST).lower()}",
         f"{r.choice(FIRST)[0].lower()}{r.choice(LAST).lower()}"]
    ),
    "h15_ovpn_real": lambda r, i: f"{_ipv4(r)}:{r.randint(1024, 65535)}",
    "h15_ovpn_virtual": lambda r, i: f"10.8.0.{r.randint(2, 254)}",
    "h15_ovpn_time": lambda r, i: (
        f"{r.choice(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])} "
        f"{r.choice(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])} "
        f"{r.randint(1, 28):2d} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d} 2025"
    ),
    "h15_tg_id": lambda r, i: str(290000 + 3 * i + r.randint(0, 2)),
    "h15_tg_date": lambda r, i: _dt(r).replace(" ", "T"),
    "h15_tg_from": lambda r, i: f"{r.choice(FIRST)} {r.choice(LAST)}" if r.random() < 0.6 else (
        r.choice(FIRST) if r.random() < 0.6 else _cn_name(r)
    ),
    "h15_tg_from_id": lambda r, i: f"user{r.randint(10**8, 7 * 10**9)}",
    "h15_hhmmss": lambda r, i: f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}",
    "h15_abc_amount": lambda r, i: (lambda v: f"{'+' if v > 0 else '-'}{abs(v):.2f}")(
        r.choice([-1, -1, -1, 1]) * r.choice([r.uniform(1, 300), r.uniform(300, 12000)])
    ),
    "h15_abc_balance": lambda r, i: f"{r.uniform(0, 80000):.2f}",
    "h15_chrome_user": lambda r, i: (
        f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}{r.randint(1, 99)}"
        f"@{r.choice(['example.com', 'example.net', 'example.org'])}"
        if r.random() < 0.75
        else f"{r.choice(FIRST).lower()}{r.randint(1, 9999)}"
    ),
    "h15_chrome_password": lambda r, i: (
        _s(r, ALNUM + "!#$%", 15)
        if r.random() < 0.4
        else r.choice(["Summer", "dragon", "Qwerty", "letmein", "Pass", "sunshine"]) + str(r.randint(1, 9999))
    ),
    "h15_ext_id": lambda r, i: r.choice([f"LEG-{r.randint(100000, 999999)}", str(r.randint(10**10, 10**11 - 1))]),
    "h15_sort_name": lambda r, i: f"{r.choice(LAST)}, {r.choice(FIRST)}",
    "h15_display_name": lambda r, i: f"{r.choice(['', '', 'Dr. ', 'Ms. ', 'Mr. '])}{r.choice(FIRST)} {r.choice(LAST)}",
    "h15_civi_image": lambda r, i: (
        f"https://crm.example.org/civicrm/contact/imagefile?photo={r.choice(FIRST).lower()}_{_s(r, HEX, 8)}.jpg"
    ),
    "h15_source": lambda r, i: r.choice(
        ["", "", "Donation form", "Event registration", "Import 2024-03", "Newsletter signup", "Petition"]
    ),
    "h15_dear": lambda r, i: f"Dear {r.choice(FIRST)}",
    "h15_addressee": lambda r, i: f"{r.choice(['', 'Ms. ', 'Mr. ', 'Dr. '])}{r.choice(FIRST)} {r.choice(LAST)}",
    "h15_phone_numeric": lambda r, i: f"{r.randint(201, 989)}555{r.randint(0, 9999):04d}",
    # holdout16: QloApps, SteVe (OCPP), FreeScout, Horilla HRMS, Twitter/X archive, QQ group member export
    "h16_qlo_hotel_name": lambda r, i: _h16_hotel(i, 0),
    "h16_qlo_city": lambda r, i: _h16_hotel(i, 1),
    "h16_qlo_country": lambda r, i: _h16_hotel(i, 2),
    "h16_qlo_zip": lambda r, i: _h16_hotel(i, 3),
    "h16_qlo_phone": lambda r, i: _h16_hotel(i, 4),
    "h16_qlo_email": lambda r, i: _h16_hotel(i, 5),
    # check_in/check_out stay at MySQL's zero date until the guest arrives or leaves.
    "h16_qlo_zero_dt": lambda r, i: "0000-00-00 00:00:00" if r.random() < 0.45 else _dt(r),
    "h16_qlo_price": lambda r, i: f"{r.choice([1500, 2200, 3400, 5600, 8900]) * r.randint(1, 4):.6f}",
    "h16_qlo_room_num": lambda r, i: f"{r.choice('ABCD')}-{r.randint(1, 4)}{r.randint(1, 12):02d}",
    "h16_guest_phone": lambda r, i: _h16_in_phone(r) if r.random() < 0.6 else r.choice(
        [f"+39 3{r.randint(10, 49)} {r.randint(100, 999)} {r.randint(1000, 9999)}",
         f"+43 66{r.randint(0, 9)} {r.randint(1000000, 9999999)}", f"+1 {r.randint(201, 989)}-555-{r.randint(0, 9999):04d}"]
    ),
    "h16_de_phone": lambda r, i: r.choice(
        [f"015{r.randint(1, 9)} {r.randint(10000000, 99999999)}", f"+49 17{r.randint(0, 9)} {r.randint(1000000, 9999999)}",
         f"+4916{r.randint(0, 9)}{r.randint(1000000, 9999999)}", f"030 {r.randint(1000000, 9999999)}"]
    ),
    "h16_de_city": lambda r, i: H16_DE_PLACES[(i * 3) % len(H16_DE_PLACES)][0],
    "h16_de_zip": lambda r, i: _h16_de_zip(r, i),
    "h16_de_country": lambda r, i: H16_DE_PLACES[(i * 3) % len(H16_DE_PLACES)][3],
    # RFID card UIDs as chargers read them: 4-byte MIFARE Classic or 7-byte MIFARE DESFire, upper-case hex.
    "h16_rfid": lambda r, i: _s(r, "0123456789ABCDEF", 8) if r.random() < 0.6 else "04" + _s(r, "0123456789ABCDEF", 12),
    "h16_cb_id": lambda r, i: r.choice([f"CP_BER_{i:04d}", f"EVB-P{r.randint(1000000, 9999999)}", f"DE*EXA*E{1000 + i}"]),
    "h16_cb_endpoint": lambda r, i: "" if r.random() < 0.6 else f"http://10.40.{r.randint(0, 20)}.{r.randint(2, 254)}:8080/ocpp",
    "h16_cp_serial": lambda r, i: r.choice(["ACE", "KC-P30-", "TAC", "EVB-"]) + _s(r, string.digits, 8),
    "h16_iccid": lambda r, i: _h16_iccid(r),
    "h16_imsi": lambda r, i: r.choice(["26201", "26202", "26203"]) + _s(r, string.digits, 10),
    "h16_meter_serial": lambda r, i: r.choice(["1ESY", "1EBZ", "EMH"]) + _s(r, string.digits, 10),
    "h16_cb_lat": lambda r, i: f"{r.choice([52.52, 48.137, 53.551])  + r.uniform(-0.12, 0.12):.8f}",
    "h16_cb_lon": lambda r, i: f"{r.choice([13.405, 11.575, 9.993]) + r.uniform(-0.18, 0.18):.8f}",
    "h16_fs_photo": lambda r, i: r.choice(
        [f"https://www.gravatar.com/avatar/{_s(r, HEX, 32)}?s=200&d=404",
         f"https://help.example.com/storage/customers/{_s(r, HEX, 16)}.jpg"]
    ),
    "h16_fs_phones": lambda r, i: "[" + ",".join(
        f'{{"value":"{v}","type":{r.choice([1, 2, 2, 3])}}}'
        for v in [f"+1 ({r.randint(201, 989)}) 555-{r.randint(0, 9999):04d}", f"+44 7700 {r.randint(900000, 900999)}"][
            : r.choice([1, 1, 1, 2])
        ]
    ) + "]",
    "h16_fs_number": lambda r, i: str(15230 + i),
    "h16_fs_cc": lambda r, i: '["' + '","'.join(
        f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}@{r.choice(['example.com', 'example.org'])}"
        for _ in range(r.choice([1, 1, 2]))
    ) + '"]',
    "h16_badge": lambda r, i: r.choice(["PEP", "EMP", "HRL"]) + f"{r.randint(1, 999):04d}",
    "h16_hr_profile": lambda r, i: (
        f"employee/employee_profile/{r.choice(FIRST).lower()}-{r.choice(LAST).lower()}_{_s(r, ALNUM, 7)}.png"
    ),
    "h16_in_phone": lambda r, i: _h16_in_phone(r),
    "h16_in_address": lambda r, i: (
        f"{r.choice(['Flat ', '#', 'No. ', ''])}{r.randint(1, 450)}{r.choice(['', 'A', 'B'])}, "
        f"{r.choice(['4th Cross', '12th Main', 'Link Road', 'Gandhi Nagar', 'Park Street'])}, "
        f"{r.choice(['Indiranagar', 'Koramangala', 'HSR Layout', 'Andheri West', 'Banjara Hills', 'Kakkanad'])}"
    ),
    "h16_in_pin": lambda r, i: f"{r.choice(['560', '400', '500', '600', '411', '682'])}{r.randint(1, 99):03d}",
    "h16_bank_address": lambda r, i: (
        f"{r.randint(1, 120)}, {r.choice(['MG Road', 'Residency Road', 'Anna Salai', 'Linking Road', 'FC Road'])}, "
        f"{r.choice(['Ground Floor', 'Shop No. 3', 'Opp. City Mall', 'Near Bus Stand'])}"
    ),
    "h16_in_account": lambda r, i: _s(r, string.digits, r.choice([11, 12, 14, 15, 16])).lstrip("0") or "1",
    "h16_ifsc": lambda r, i: r.choice(["HDFC", "SBIN", "ICIC", "UTIB", "KKBK"]) + "0" + _s(r, string.digits, 6),
    "h16_micr": lambda r, i: r.choice(["560", "400", "600"]) + _s(r, string.digits, 6),
    "h16_bio_device": lambda r, i: r.choice(
        ["3f1c9a52-7d0e-4b8a-9a61-2c4e8f0d1b73", "a0b4e6c1-5f2d-4e99-8c13-7e6f5d4c3b2a", "d9ab2bc7-01d5-4005-897f-01f35198d743"]
    ),
    "h16_card10": lambda r, i: str(r.randint(10**9, 4 * 10**9)),
    "h16_tw_id": lambda r, i: str(r.randint(10**7, 10**9)) if r.random() < 0.4 else str(r.randint(7 * 10**17, 19 * 10**17)),
    "h16_tw_time": lambda r, i: _h16_tw_time(r),
    "h16_tw_handle": lambda r, i: _h16_tw_handle(r),
    "h16_tw_display": lambda r, i: r.choice(
        [f"{r.choice(FIRST)} {r.choice(LAST)}", f"{r.choice(FIRST)} 🌿", r.choice(FIRST), _cn_name(r),
         f"{r.choice(FIRST)} {r.choice(LAST)} | {r.choice(['dev', 'runner', 'she/her', 'coffee'])}"]
    ),
    "h16_tw_dotdate": lambda r, i: f"{r.randint(2015, 2024)}.{r.randint(1, 12):02d}.{r.randint(1, 28):02d}",
    "h16_qq": lambda r, i: str(r.randint(10000, 3999999999)),
    "h16_qq_nick": lambda r, i: r.choice(
        ["小明同学", "Sunny☀", "一只咸鱼", "风继续吹", "Lemon🍋", "路人甲", "阿杰", "momo", "晴天", "Kevin"]
    ) + r.choice(["", "", str(r.randint(1, 999))]),
    "h16_qq_card": lambda r, i: r.choice(
        [_cn_name(r), _cn_name(r), f"{r.choice(['深圳', '杭州', '北京', '成都'])}-{_cn_name(r)}",
         f"{_cn_name(r)}-{r.choice(['前端', '产品', '运营', '测试'])}", f"{r.choice(['2019级', '2021级'])}{_cn_name(r)}"]
    ),
    "h16_qq_level": lambda r, i: f"{r.choice(['潜水', '冒泡', '吐槽', '活跃', '话唠', '传说'])}({r.randint(0, 3000)})",
    "h16_min_dt": lambda r, i: _dt(r, 2015, 2026)[:16],
    # holdout17: Spring PetClinic, MicroRealEstate, wger, MemberMatters, Tinder export, Oyster journey history, 问卷星
    "h17_pc_street": lambda r, i: f"{r.randint(100, 2799)} {r.choice(H17_PC_STREETS)}",
    "h17_pc_city": lambda r, i: r.choice(H17_PC_CITIES),
    # PetClinic's form accepts up to ten digits and no separators.
    "h17_pc_phone": lambda r, i: f"608555{r.randint(0, 9999):04d}",
    "h17_pet_name": lambda r, i: r.choice(H17_PET_NAMES),
    "h17_pet_birth": lambda r, i: f"{r.randint(2008, 2024)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "h17_visit_desc": lambda r, i: r.choice(H17_VISITS),
    "h17_oid": lambda r, i: f"{r.randint(0x5f000000, 0x67ffffff):08x}" + _s(r, HEX, 16),
    "h17_realm_oid": lambda r, i: r.choice(["5f8d0d55b54764421b7156c3", "61a4c2e9f1d3b2a7c8e90f12", "64b0e3a1c2d4f5e6a7b8c9d0"]),
    "h17_mre_name": lambda r, i: r.choice(["SARL Boulangerie ", "SAS Atelier ", "SCI "]) + r.choice(FR_LAST)
    if _h17_is_company(i) else _h17_fr_name(r),
    "h17_mre_is_company": lambda r, i: "true" if _h17_is_company(i) else "false",
    "h17_mre_company": lambda r, i: f"{r.choice(['Boulangerie', 'Atelier', 'Cabinet'])} {r.choice(FR_LAST)}"
    if _h17_is_company(i) else "",
    "h17_mre_manager": lambda r, i: _h17_fr_name(r) if _h17_is_company(i) else "",
    "h17_mre_legal_form": lambda r, i: r.choice(["SARL", "SAS", "SCI", "EURL"]) if _h17_is_company(i) else "",
    "h17_mre_siret": lambda r, i: _h17_siret(r) if _h17_is_company(i) else "",
    "h17_mre_reference": lambda r, i: r.choice([f"LOC{r.randint(1, 999):04d}", f"T{r.randint(1, 300):03d}"]),
    "h17_fr_street": lambda r, i: f"{r.randint(1, 180)}{r.choice(['', '', '', ' bis'])} {r.choice(H17_FR_STREETS)}",
    "h17_fr_street2": lambda r, i: r.choice(
        [f"Bâtiment {r.choice('ABC')}", f"Appartement {r.randint(1, 40)}", f"{r.randint(1, 6)}e étage gauche",
         "Résidence Les Pins"]
    ),
    "h17_fr_zip": lambda r, i: _h17_fr_zip(r, i),
    "h17_fr_city": lambda r, i: _h17_fr_place(i)[0],
    "h17_fr_phone": lambda r, i: r.choice(
        [f"06 {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}",
         f"+33 7 {_s(r, string.digits, 8)}", f"06{_s(r, string.digits, 8)}",
         f"01 {r.randint(40, 59)} {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}"]
    ),
    "h17_mongo_date": lambda r, i: f"{r.randint(2019, 2026)}-{r.randint(1, 12):02d}-01T00:00:00.000Z",
    "h17_rent": lambda r, i: r.choice([f"{r.randint(35, 180) * 10}", f"{r.randint(350, 1800)}.{r.choice(['5', '25', '75'])}"]),
    "h17_lot_name": lambda r, i: r.choice(
        [f"Appartement T{r.randint(1, 5)} - {r.randint(1, 6)}e étage", f"Studio {r.randint(1, 30)}",
         f"Parking {r.randint(1, 80)}", f"Local commercial {r.randint(1, 4)}", f"Chambre {r.randint(1, 8)}"]
    ),
    "h17_de_zip": lambda r, i: f"{r.randint(_h17_de_place(i)[1], _h17_de_place(i)[2]):05d}",
    "h17_de_city": lambda r, i: _h17_de_place(i)[0],
    "h17_de_street": lambda r, i: f"{r.choice(H17_DE_STREETS)} {r.randint(1, 140)}{r.choice(['', '', 'a', 'b'])}",
    "h17_de_phone": lambda r, i: r.choice(
        [f"0151 {r.randint(10000000, 99999999)}", f"+49 176 {r.randint(1000000, 9999999)}", f"030/{r.randint(1000000, 9999999)}",
         f"0162{r.randint(1000000, 9999999)}"]
    ),
    "h17_body_weight": lambda r, i: f"{r.uniform(48, 128):.2f}",
    "h17_screen_name": lambda r, i: r.choice(
        [f"{r.choice(FIRST)} {r.choice(LAST)[0]}", f"{r.choice(FIRST).lower()}_{r.choice(['makes', 'solders', 'builds'])}",
         f"{r.choice(FIRST)}{r.randint(1, 99)}", r.choice(FIRST)]
    ),
    # MemberMatters' validator: an optional +, then 9 to 15 digits ("0417123456").
    "h17_au_phone": lambda r, i: r.choice([f"04{_s(r, string.digits, 8)}", f"+614{_s(r, string.digits, 8)}"]),
    # Tag numbers as the door readers send them: Wiegand card numbers in decimal, some with leading zeros, a few in hex.
    "h17_rfid": lambda r, i: r.choice(
        [f"{r.randint(100000, 16777215)}", f"{r.randint(1, 4294967295):010d}", _s(r, "0123456789ABCDEF", 10)]
    ),
    "h17_spacebucks": lambda r, i: r.choice(["0.0", f"{r.randint(0, 80)}.0", f"{r.randint(0, 40)}.5", f"-{r.randint(1, 9)}.0"]),
    "h17_card_expiry": lambda r, i: f"{r.randint(1, 12)}/{r.randint(2024, 2031)}",
    "h17_xero_number": lambda r, i: f"HSB{r.randint(1, 999):03d}",
    "h17_door_name": lambda r, i: H17_DOORS[i % len(H17_DOORS)][0]
    + ("" if i < len(H17_DOORS) else f" {i // len(H17_DOORS) + 1}"),
    "h17_door_desc": lambda r, i: H17_DOORS[i % len(H17_DOORS)][1],
    "h17_door_ip": lambda r, i: r.choice([f"10.0.1.{r.randint(10, 250)}", f"192.168.20.{r.randint(2, 250)}"]),
    "h17_tinder_username": lambda r, i: f"{r.choice(FIRST).lower()}{r.choice(['', '_', '.'])}{r.randint(1, 99)}",
    "h17_tinder_phone": lambda r, i: _h17_tinder_phone(r),
    "h17_tinder_birth": lambda r, i: f"{r.randint(1975, 2005)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T00:00:00.000Z",
    "h17_tinder_ts": lambda r, i: _dt(r, 2014, 2026).replace(" ", "T") + f".{r.randint(0, 999):03d}Z",
    "h17_tinder_orientation": lambda r, i: r.choice(
        ["Straight", "Straight", "Gay", "Bisexual", "Lesbian", '["Straight"]', '["Bisexual","Queer"]', '["Pansexual"]']
    ),
    "h17_tinder_lat": lambda r, i: _h17_tinder_pos(r, i, 0),
    "h17_tinder_lon": lambda r, i: _h17_tinder_pos(r, i, 1),
    "h17_tinder_city": lambda r, i: H17_TINDER_CITIES[i % len(H17_TINDER_CITIES)][0],
    "h17_tinder_plan": lambda r, i: r.choice(
        ["plus_subscription_0035_1m", "gold_subscription_0120_6m", "platinum_subscription_0250_1m", "plus_subscription_0010_12m"]
    ),
    "h17_tinder_photo_url": lambda r, i: _h17_tinder_photo_url(r, i),
    "h17_tinder_filename": lambda r, i: f"{_uuid(r)}.jpeg",
    "h17_oyster_date": lambda r, i: f"{r.randint(1, 28):02d}-{r.choice(['Jan', 'Feb', 'Mar', 'Apr', 'Oct', 'Nov'])}"
    f"-{r.randint(2022, 2025)}",
    "h17_oyster_time": lambda r, i: f"{r.randint(5, 23):02d}:{r.randint(0, 59):02d}",
    "h17_oyster_journey": lambda r, i: _h17_oyster_journey(r),
    "h17_oyster_charge": lambda r, i: r.choice(["2.80", "2.80", "1.75", "3.50", "1.90", "0.00", "5.60"]),
    # 问卷星 writes dates and hours without zero padding ("2024/6/15 9:05:14").
    "h17_wjx_time": lambda r, i: f"2024/{r.randint(1, 12)}/{r.randint(1, 28)} {r.randint(7, 23)}"
    f":{r.randint(0, 59):02d}:{r.randint(0, 59):02d}",
    "h17_wjx_duration": lambda r, i: f"{r.randint(25, 900)}秒",
    "h17_wjx_source_detail": lambda r, i: r.choice(["N/A", "N/A", "直接访问", "微信群", "朋友圈"]),
    "h17_wjx_ip": lambda r, i: "{}({}-{})".format(_ipv4(r), *r.choice(H17_WJX_PLACES)),
    "h17_wjx_city": lambda r, i: r.choice(["深圳", "深圳市", "广州", "上海", "北京市", "杭州", "成都"]),
    # holdout18: openIMIS, A2Billing, RosarioSIS, Netflix export, Amazon order history, theatre member sheet
    "h18_chfid": lambda r, i: _h18_chfid(r),
    "h18_tz_last": lambda r, i: r.choice(H18_TZ_LAST).upper() if r.random() < 0.3 else r.choice(H18_TZ_LAST),
    "h18_tz_other_names": lambda r, i: " ".join(r.sample(H18_TZ_FIRST, r.choice([1, 1, 2]))),
    # The id document's number: a Tanzanian NIDA number (YYYYMMDD-NNNNN-NNNNN-NN) for most, a passport for some.
    "h18_imis_id_doc": lambda r, i: f"{r.randint(1950, 2006)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}-"
    f"{_s(r, string.digits, 5)}-{_s(r, string.digits, 5)}-{_s(r, string.digits, 2)}" if r.random() < 0.8
    else f"{r.choice(['TAE', 'AB', 'TZ'])}{_s(r, string.digits, 6)}",
    "h18_tz_phone": lambda r, i: r.choice([f"07{r.choice('1234568')}{_s(r, string.digits, 7)}",
                                          f"+2557{r.choice('1234568')}{_s(r, string.digits, 7)}",
                                          f"255 7{r.randint(10, 89)} {r.randint(100, 999)} {r.randint(100, 999)}"]),
    "h18_tz_street": lambda r, i: r.choice([f"Plot {r.randint(1, 400)}, {r.choice(H18_TZ_STREETS)}",
                                           f"{r.choice(H18_TZ_STREETS)}, Nyumba Na. {r.randint(1, 120)}",
                                           f"House {r.randint(1, 99)} {r.choice(H18_TZ_STREETS)}"]),
    # GeoLocation is free text: "lat lon" or "lat,lon" as the enrolment tablet or the officer wrote it.
    "h18_imis_geo": lambda r, i: r.choice(["{:.6f} {:.6f}", "{:.5f},{:.5f}", "{:.6f}, {:.6f}"]).format(*_h18_tz_geo(r, i)),
    "h18_mssql_dt": lambda r, i: _dt(r, 2017, 2025) + f".{r.randint(0, 999):03d}",
    "h18_imis_photo_file": lambda r, i: _h18_imis_photo_file(r, i),
    "h18_tzs_amount": lambda r, i: f"{r.randint(2, 600) * 500}.00",
    "h18_a2b_expiry": lambda r, i: r.choice(["0000-00-00 00:00:00", "0000-00-00 00:00:00", _dt(r, 2025, 2028)]),
    # Card numbers: ten digits by default (len_cardnumber 10-15), aliases fifteen.
    "h18_a2b_cardno": lambda r, i: f"{r.randint(1, 9)}{_s(r, string.digits, r.choice([9, 9, 11]))}",
    "h18_a2b_alias": lambda r, i: f"{r.randint(1, 9)}{_s(r, string.digits, 14)}",
    "h18_a2b_uipass": lambda r, i: r.choice([_s(r, string.ascii_lowercase + string.digits, 8),
                                            f"{r.choice(['maria', 'juan', 'lucky', 'sunshine'])}{r.randint(1, 99)}",
                                            _s(r, string.ascii_letters + string.digits, 10)]),
    "h18_a2b_city": lambda r, i: H18_A2B_PLACES[i % len(H18_A2B_PLACES)][1],
    "h18_a2b_country": lambda r, i: H18_A2B_PLACES[i % len(H18_A2B_PLACES)][0],
    "h18_a2b_zip": lambda r, i: (f"{r.choice(['SW1A', 'E14', 'N7', 'SE15'])} {r.randint(1, 9)}{_s(r, 'ABDEFGHJLNPQRSTUWXYZ', 2)}"
                                 if H18_A2B_PLACES[i % len(H18_A2B_PLACES)][0] == "GBR"
                                 else f"{H18_A2B_PLACES[i % len(H18_A2B_PLACES)][2]}{r.randint(0, 99):02d}"),
    "h18_a2b_phone": lambda r, i: r.choice([f"+1 {r.randint(201, 989)} 555 {r.randint(0, 9999):04d}",
                                           f"0044 7700 900{r.randint(0, 999):03d}", f"52{_s(r, string.digits, 10)}",
                                           f"({r.randint(201, 989)}) 555-{r.randint(0, 9999):04d}"]),
    "h18_dialled": lambda r, i: _h18_dialled(r),
    "h18_a2b_src": lambda r, i: r.choice([f"1{r.randint(201, 989)}555{r.randint(0, 9999):04d}",
                                         f"447700900{r.randint(0, 999):03d}",
                                         f"52{_s(r, string.digits, 10)}", f"{r.randint(201, 989)}555{r.randint(0, 9999):04d}"]),
    "h18_a2b_loginkey": lambda r, i: _s(r, string.ascii_letters + string.digits, 20),
    "h18_a2b_mac": lambda r, i: "00-00-00-00-00-00" if r.random() < 0.3
    else "-".join(_s(r, "0123456789ABCDEF", 2) for _ in range(6)),
    "h18_a2b_bill": lambda r, i: f"{r.uniform(0, 12):.4f}".rstrip("0").rstrip(".") or "0",
    "h18_ros_username": lambda r, i: r.choice([f"{r.choice(FIRST)[0].lower()}{r.choice(LAST).lower()}",
                                              f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}{r.randint(1, 99)}",
                                              f"{r.choice(LAST).lower()}{r.randint(2024, 2034)}"]),
    "h18_sha512_crypt": lambda r, i: _h18_sha512_crypt(r),
    "h18_student_birth": lambda r, i: f"{r.randint(2006, 2020)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "h18_physician": lambda r, i: r.choice([f"Dr. {r.choice(FIRST)} {r.choice(LAST)}", f"Dr {r.choice(LAST)}",
                                           f"{r.choice(FIRST)} {r.choice(LAST)}, MD"]),
    "h18_pg_ts": lambda r, i: _dt(r, 2019, 2025) + f".{r.randint(0, 999999):06d}",
    "h18_nf_profile": lambda r, i: H18_NF_PROFILES[(i * 7 + r.randint(0, 2)) % len(H18_NF_PROFILES)],
    "h18_nf_time": lambda r, i: _dt(r, 2018, 2025),
    "h18_nf_duration": lambda r, i: f"{r.choice([0, 0, 0, 1, 2])}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}".zfill(8),
    "h18_nf_attributes": lambda r, i: r.choice(["Autoplayed: user action: None; ", "Autoplayed: user action: User_Interaction; ",
                                               "Has branched playback; ", "Autoplayed: user action: Unspecified; "]),
    "h18_nf_title": lambda r, i: r.choice(H18_NF_TITLES),
    "h18_nf_device_type": lambda r, i: r.choice(H18_NF_DEVICES),
    "h18_nf_latest": lambda r, i: r.choice(["Not latest view", "Not latest view",
                                           f"00:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"]),
    "h18_nf_country": lambda r, i: r.choice(["DE (Germany)", "DE (Germany)", "US (United States)", "GB (United Kingdom)",
                                            "AT (Austria)", "ES (Spain)"]),
    "h18_nf_esn": lambda r, i: r.choice(H18_NF_ESN_PREFIXES) + _s(r, "0123456789ABCDEF", r.choice([20, 28, 32])),
    # What a person types into search, often cut short once the title shows up.
    "h18_nf_query": lambda r, i: r.choice(["stranger th", "crown", "dark", "peppa", "bridg", "squid game", "knives out",
                                          "witcher", "our planet", "wednes", "haus des geldes", "all quiet"]),
    "h18_amz_order_id": lambda r, i: r.choice([f"{r.randint(111, 114)}-{r.randint(0, 9999999):07d}-{r.randint(0, 9999999):07d}",
                                              f"D01-{r.randint(0, 9999999):07d}-{r.randint(0, 9999999):07d}"]),
    "h18_amz_ts": lambda r, i: _dt(r, 2015, 2025).replace(" ", "T") + r.choice(["Z", ".000Z"]),
    "h18_amz_price": lambda r, i: r.choice([f"{r.randint(3, 250)}.{r.randint(0, 99):02d}", f"{r.randint(3, 80)}", "0"]),
    "h18_asin": lambda r, i: r.choice([f"B0{_s(r, string.ascii_uppercase + string.digits, 8)}",
                                      f"{r.randint(0, 1)}{_s(r, string.digits, 8)}X"]),
    "h18_amz_payment": lambda r, i: r.choice([f"Visa - {r.randint(0, 9999):04d}", f"MasterCard - {r.randint(0, 9999):04d}",
                                             f"American Express - {r.randint(0, 9999):04d}", "Gift Certificate/Card",
                                             f"Visa - {r.randint(0, 9999):04d} and Gift Certificate/Card", "Not Available"]),
    "h18_amz_address": lambda r, i: _h18_amz_address(r),
    "h18_amz_carrier": lambda r, i: r.choice([f"AMZN_US(TBA{_s(r, string.digits, 12)})", f"USPS({_s(r, string.digits, 22)})",
                                             f"UPS(1Z{_s(r, string.ascii_uppercase + string.digits, 16)})", "Not Available"]),
    "h18_amz_product": lambda r, i: r.choice(H18_AMZ_PRODUCTS),
    # Box-office member sheets mix date styles: 1990-05-17, 1990/5/17, 19900517.
    "h18_cn_birthday": lambda r, i: r.choice(["{}-{:02d}-{:02d}", "{}/{}/{}", "{}{:02d}{:02d}"]).format(
        r.randint(1955, 2008), r.randint(1, 12), r.randint(1, 28)),
    "h18_cn_id_type": lambda r, i: r.choice(["身份证", "身份证", "身份证", "护照", "港澳通行证"]),
    "h18_theatre_member_no": lambda r, i: r.choice([f"HY{r.randint(2015, 2020)}{r.randint(0, 999999):06d}",
                                                   f"{r.randint(100000, 999999)}"]),
    "h18_pay_pin": lambda r, i: f"{r.randint(0, 999999):06d}",
    # holdout19: Open Dental, Easy!Appointments, sky-take-out, Chamilo, Spotify export, DingTalk-connected attendance sheet
    "h19_od_preferred": lambda r, i: r.choice(["Bob", "Liz", "Beth", "Jim", "Kate", "Sam", "Tony", "Manny", "Becca", "Chuck"]),
    # Open Dental stores a missing birthdate as 0001-01-01.
    "h19_od_birthdate": lambda r, i: "0001-01-01" if r.random() < 0.05
    else f"{r.randint(1938, 2022)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "h19_ssn9": lambda r, i: f"{r.choice([r.randint(1, 665), r.randint(667, 899)]):03d}"
    f"{r.randint(1, 99):02d}{r.randint(1, 9999):04d}",
    "h19_us_city": lambda r, i: r.choice(H19_US_CITIES),
    "h19_od_money": lambda r, i: r.choice(["0", "0", f"{r.randint(5, 2400)}.{r.choice(['00', '50', '25', '8'])}",
                                          f"-{r.randint(5, 300)}"]),
    "h19_od_image_folder": lambda r, i: _h19_od_folder(r, i),
    "h19_od_chart_number": lambda r, i: r.choice([f"{r.randint(1, 99999)}",
                                                 f"{_s(r, string.ascii_uppercase, 2)}{r.randint(100, 9999)}"]),
    "h19_medicaid_id": lambda r, i: r.choice([f"{_s(r, string.ascii_uppercase, 2)}{_s(r, string.digits, 5)}"
                                             f"{r.choice('ABCDEFGH')}",
                                             f"{_s(r, string.digits, 8)}", f"{r.randint(1, 9)}{_s(r, string.digits, 10)}"]),
    "h19_od_date": lambda r, i: f"{r.randint(2008, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "h19_od_security_hash": lambda r, i: _s(r, HEX, 64),
    # Time pattern in 5-minute steps: "/" assistant time, "X" provider time.
    "h19_od_pattern": lambda r, i: "/" * r.randint(1, 3) + "X" * r.randint(2, 8) + "/" * r.randint(0, 3),
    "h19_od_apt_note": lambda r, i: r.choice(H19_OD_NOTES),
    "h19_od_datetime": lambda r, i: _dt(r, 2015, 2026),
    "h19_od_datetime_or_min": lambda r, i: "0001-01-01 00:00:00" if r.random() < 0.4 else _dt(r, 2015, 2026),
    "h19_od_procdescript": lambda r, i: r.choice(H19_OD_PROCS),
    "h19_intl_phone": lambda r, i: r.choice([f"+1 {r.randint(201, 989)} 555 {r.randint(0, 9999):04d}",
                                            f"+49 1{r.randint(51, 79)} {_s(r, string.digits, 7)}",
                                            f"0{r.randint(151, 179)}{_s(r, string.digits, 7)}",
                                            f"+30 69{_s(r, string.digits, 8)}",
                                            f"({r.randint(201, 989)}) 555-{r.randint(0, 9999):04d}"]),
    # Typed by the customer into a free custom field: every date style.
    "h19_ea_dob": lambda r, i: r.choice(["{2:02d}/{1:02d}/{0}", "{0}-{1:02d}-{2:02d}", "{2}.{1}.{0}", "{1}/{2}/{0}"]).format(
        r.randint(1940, 2015), r.randint(1, 12), r.randint(1, 28)),
    "h19_slot_start": lambda r, i: f"{r.randint(2023, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} "
    f"{r.randint(8, 17):02d}:{r.choice(['00', '15', '30', '45'])}:00",
    "h19_slot_end": lambda r, i: f"{r.randint(2023, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} "
    f"{r.randint(9, 18):02d}:{r.choice(['00', '15', '30', '45'])}:00",
    "h19_ea_location": lambda r, i: r.choice(["Room 1", "Room 2", "Treatment room 3", "Main office, 2nd floor",
                                             f"https://meet.example.com/clinic-{_s(r, string.ascii_lowercase, 3)}"]),
    "h19_ea_hash": lambda r, i: _s(r, string.ascii_letters + string.digits, 12) if r.random() < 0.7 else _s(r, HEX, 32),
    "h19_gcal_event_id": lambda r, i: _s(r, "abcdefghijklmnopqrstuv0123456789", 26),
    # sky-take-out order numbers are System.currentTimeMillis() at checkout.
    "h19_sky_order_no": lambda r, i: str(r.randint(1_680_000_000_000, 1_760_000_000_000)),
    "h19_cny_amount": lambda r, i: f"{r.randint(12, 260)}.{r.choice(['00', '00', '50', '80', '90'])}",
    "h19_sky_remark": lambda r, i: r.choice(H19_SKY_REMARKS),
    "h19_sky_address": lambda r, i: (lambda p: f"{p[2]}{p[1]}{p[3]}{r.choice(H19_CN_STREETS)}{r.randint(1, 300)}号"
                                     f"{r.randint(1, 30)}栋{r.randint(101, 2505)}")(_h19_sky_place(r)),
    "h19_sky_user_name": lambda r, i: r.choice([_cn_name(r), _cn_name(r),
                                               r.choice(["小鱼儿", "Sunny", "阿杰", "momo", "大橙子"])]),
    "h19_sky_consignee": lambda r, i: r.choice([_cn_name(r), _cn_name(r), r.choice(CN_SURNAMES) + r.choice(["先生", "女士"])]),
    "h19_cn_city_code": lambda r, i: H19_CN_CITIES[i % len(H19_CN_CITIES)][0],
    "h19_cn_city_name": lambda r, i: H19_CN_CITIES[i % len(H19_CN_CITIES)][1],
    "h19_chamilo_username": lambda r, i: r.choice([f"{r.choice(FIRST)[0].lower()}{r.choice(LAST).lower()}",
                                                  f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}",
                                                  f"etu{r.randint(2015, 2024)}{r.randint(1, 999):03d}"]),
    "h19_official_code": lambda r, i: r.choice([f"ETU{r.randint(2015, 2024)}-{r.randint(1, 9999):04d}",
                                               f"{r.randint(20150000, 20249999)}", "STAFF" + _s(r, string.digits, 4)]),
    # Chamilo keeps the uploaded photo as USERID_UNIQID.jpg (uniqid is 13 hex characters).
    "h19_chamilo_picture": lambda r, i: f"{i + 1}_{_s(r, HEX, 13)}.{r.choice(['jpg', 'jpg', 'png'])}",
    "h19_zero_or_dt": lambda r, i: "0000-00-00 00:00:00" if r.random() < 0.7 else _dt(r, 2024, 2027),
    "h19_spotify_ts": lambda r, i: _dt(r, 2014, 2025).replace(" ", "T") + "Z",
    # Newer accounts get a random 25-character id as username; older ones chose a name.
    "h19_spotify_username": lambda r, i: r.choice([_s(r, string.ascii_lowercase + string.digits, 25),
                                                  f"{r.choice(FIRST).lower()}{r.randint(1, 9999)}",
                                                  f"{r.choice(FIRST).lower()}_{r.choice(LAST).lower()}"]),
    "h19_spotify_platform": lambda r, i: r.choice([f"Android OS {r.randint(9, 14)} API {r.randint(28, 34)} (Google, Pixel 5)",
                                                  f"iOS {r.randint(14, 17)}.{r.randint(0, 5)} (iPhone12,1)",
                                                  "Windows 10 (10.0.19044; x64)", "OS X 10.15.7 [x86 8]",
                                                  "web_player windows 10;chrome 118.0.0.0;desktop",
                                                  "Partner sonos_ZPS33", "Partner google cast_audio"]),
    "h19_spotify_ua": lambda r, i: _h19_spotify_ua(r),
    "h19_spotify_track": lambda r, i: H19_SPOTIFY_TRACKS[(i * 3 + r.randint(0, 1)) % len(H19_SPOTIFY_TRACKS)][0],
    "h19_spotify_track_uri": lambda r, i: "spotify:track:" + (
        H19_SPOTIFY_TRACKS[(i * 3) % len(H19_SPOTIFY_TRACKS)][1] if r.random() < 0.5 else _h19_b62(r)),
    "h19_spotify_episode": lambda r, i: r.choice(H19_SPOTIFY_SHOWS)[1],
    "h19_spotify_show": lambda r, i: r.choice(H19_SPOTIFY_SHOWS)[0],
    "h19_spotify_episode_uri": lambda r, i: "spotify:episode:" + _h19_b62(r),
    "h19_cn_date": lambda r, i: r.choice(["{}-{:02d}-{:02d}", "{}/{:02d}/{:02d}"]).format(
        r.randint(2023, 2025), r.randint(1, 12), r.randint(1, 28)),
    "h19_job_number": lambda r, i: r.choice([f"HS{r.randint(1, 3999):04d}", f"{r.randint(10001, 19999)}",
                                            f"0{r.randint(100, 999)}"]),
    "h19_punch_place": lambda r, i: (lambda p: f"{p[2]}{p[1]}{p[3]}{r.choice(H19_CN_STREETS)}{r.randint(1, 500)}号"
                                     + r.choice(["", "附近", "华星时代广场", "创业大厦B座"]))(_h19_sky_place(r)),
    "h19_cn_clock_in": lambda r, i: f"{r.randint(2023, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} "
    f"{r.choice(['08', '08', '09'])}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}",
    "h19_cn_clock_out": lambda r, i: f"{r.randint(2023, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} "
    f"{r.randint(17, 19)}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}",
    "h19_cn_overtime_end": lambda r, i: f"{r.randint(2023, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} "
    f"{r.randint(20, 23)}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}",
    # holdout20: TechKhedut insurance (Odoo), FreeSWITCH, Twilio, Spotify export, OpenPetra, tuition-centre student sheet
    "h20_claim_number": lambda r, i: r.choice([f"CLM/{r.randint(2022, 2025)}/{i + 1:05d}", f"CLAIM{i + 1:05d}", "New"]),
    "h20_odoo_phone": lambda r, i: r.choice([f"+91 {r.randint(70000, 99999)} {r.randint(10000, 99999)}",
                                            f"0{r.randint(70000, 99999)} {r.randint(10000, 99999)}",
                                            f"+91{r.randint(7000000000, 9999999999)}",
                                            f"({r.randint(201, 989)}) 555-{r.randint(0, 9999):04d}"]),
    "h20_in_street": lambda r, i: r.choice([f"{r.randint(1, 300)}, {r.choice(H20_IN_STREETS)}",
                                           f"Flat {r.randint(1, 40)}{r.choice('ABCD')}, {r.choice(['Sai', 'Shanti', 'Green'])}"
                                           f" {r.choice(['Residency', 'Apartments', 'Heights'])}",
                                           f"Plot No. {r.randint(1, 99)}, {r.choice(H20_IN_STREETS)}"]),
    "h20_street2": lambda r, i: r.choice(["Near City Mall", "Andheri East", "Opp. Bus Depot", "Apt 4B", "2nd Floor",
                                         "Koramangala 5th Block", "Sector 12"]),
    "h20_in_city": lambda r, i: H20_IN_CITIES[i % len(H20_IN_CITIES)][0],
    "h20_in_pin": lambda r, i: (lambda pin: f"{pin[:3]} {pin[3:]}" if r.random() < 0.2 else pin)(
        f"{H20_IN_CITIES[i % len(H20_IN_CITIES)][1]}{r.randint(1, 99):03d}"),
    "h20_blood_group": lambda r, i: r.choice(["a_positive", "b_positive", "o_positive", "o_positive", "ab_positive",
                                             "a_negative", "o_negative", "b_negative"]),
    "h20_height": lambda r, i: r.choice([str(r.randint(150, 192)), f"{r.randint(150, 192)} cm",
                                        f"{r.randint(4, 6)}'{r.randint(0, 11)}", f"1.{r.randint(50, 92)}"]),
    "h20_weight": lambda r, i: r.choice([str(r.randint(45, 110)), f"{r.randint(45, 110)} kg",
                                        f"{r.randint(45, 110)}.{r.randint(0, 9)}"]),
    "h20_odoo_amount": lambda r, i: r.choice([f"{r.randint(1, 400) * 250}.0", "0.0", f"{r.uniform(100, 90000):.2f}"]),
    "h20_claim_token": lambda r, i: base64.urlsafe_b64encode(bytes(r.randrange(256) for _ in range(12)))
    .decode().rstrip("=").replace("_", "-"),
    "h20_odoo_ts": lambda r, i: _dt(r, 2022, 2025),
    "h20_fs_cid_name": lambda r, i: r.choice([f"{r.choice(FIRST)} {r.choice(LAST)}", f"{r.choice(FIRST)} {r.choice(LAST)}",
                                             f"{r.choice(FIRST)} {r.choice(LAST)}", f"Extension {r.randint(1000, 1019)}",
                                             "Outbound Call", "UNKNOWN", r.choice(LAST).upper()]),
    "h20_fs_cid_number": lambda r, i: r.choice([str(r.randint(1000, 1019)), str(r.randint(1000, 1019)),
                                               f"+1{r.randint(201, 989)}555{r.randint(0, 9999):04d}",
                                               f"0049{r.randint(30, 89)}{r.randint(1000000, 9999999)}",
                                               f"1{r.randint(201, 989)}555{r.randint(0, 9999):04d}", "anonymous"]),
    "h20_fs_destination": lambda r, i: r.choice([str(r.randint(1000, 1019)), str(r.randint(1000, 1019)), "*97", "*98",
                                                f"9{r.randint(201, 989)}555{r.randint(0, 9999):04d}",
                                                f"1800555{r.randint(0, 9999):04d}",
                                                f"+4930{r.randint(1000000, 9999999)}"]),
    "h20_fs_answer": lambda r, i: "" if r.random() < 0.25 else _dt(r),
    "h20_fs_accountcode": lambda r, i: r.choice(["pbx.example.com", "acme.example.net", "TENANT01", "sales", "default"]),
    "h20_twilio_call_sid": lambda r, i: "CA" + _s(r, HEX, 32),
    "h20_twilio_account_sid": lambda r, i: r.choice(["AC3f5e0b1c9d2a4e6f8b7c0d1e2f3a4b5c", "AC9a8b7c6d5e4f30211f2e3d4c5b6a7980"]),
    "h20_twilio_pn_sid": lambda r, i: "PN" + _s(r, HEX, 32),
    "h20_twilio_party": lambda r, i: _h20_twilio_party(r),
    "h20_twilio_formatted": lambda r, i: _h20_twilio_formatted(r),
    "h20_twilio_e164": lambda r, i: _h20_twilio_e164(r),
    "h20_rfc2822": lambda r, i: _h20_rfc2822(r),
    "h20_twilio_price": lambda r, i: r.choice([f"-{r.uniform(0.0085, 0.9):.5f}", "-0.01300", "-0.00850", "0"]),
    "h20_cnam": lambda r, i: r.choice(H20_CNAM),
    "h20_twilio_uri": lambda r, i: f"/2010-04-01/Accounts/AC3f5e0b1c9d2a4e6f8b7c0d1e2f3a4b5c/Calls/CA{_s(r, HEX, 32)}.json",
    "h20_sp_username": lambda r, i: _h20_sp_username(r),
    "h20_fb_uid": lambda r, i: r.choice([str(r.randint(100000000000000, 100099999999999)),
                                        str(r.randint(500000000, 1999999999))]),
    "h20_sp_postal": lambda r, i: r.choice([f"{r.randint(1067, 99998):05d}", f"{r.randint(100, 984)} {r.randint(10, 99)}",
                                           f"SW{r.randint(1, 20)} {r.randint(1, 9)}{_s(r, 'ABDEFGHJLNPQRSTUWXYZ', 2)}",
                                           f"{r.randint(1000, 9999)} {_s(r, 'ABCEGHJKLMNPRSTVWXZ', 2)}"]),
    "h20_sp_mobile": lambda r, i: r.choice([f"+49151{r.randint(10000000, 99999999)}", f"49176{r.randint(10000000, 99999999)}",
                                           f"+467{r.randint(10000000, 99999999)}", f"07700900{r.randint(100, 999)}"]),
    "h20_sp_creation": lambda r, i: f"{r.randint(2009, 2024)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "h20_sp_ts": lambda r, i: _dt(r, 2014, 2025).replace(" ", "T") + "Z",
    "h20_sp_platform": lambda r, i: r.choice(H20_SP_PLATFORMS),
    "h20_sp_user_agent": lambda r, i: "unknown" if r.random() < 0.45 else _ua(r),
    "h20_sp_track": lambda r, i: r.choice(H20_SP_TRACKS),
    "h20_sp_track_uri": lambda r, i: "spotify:track:" + _s(r, ALNUM, 22),
    "h20_sp_episode": lambda r, i: r.choice(H20_SP_EPISODES),
    "h20_sp_offline_ts": lambda r, i: r.choice([str(r.randint(1400000000000, 1735000000000)),
                                               str(r.randint(1400000000, 1735000000)), "0"]),
    "h20_sp_search_time": lambda r, i: _dt(r, 2021, 2025).replace(" ", "T") + f".{r.randint(0, 999):03d}Z[UTC]",
    "h20_sp_query": lambda r, i: r.choice(H20_SP_QUERIES),
    "h20_sp_search_uris": lambda r, i: r.choice(["[]", "[]", json.dumps([f"spotify:{r.choice(['track', 'artist', 'album'])}:"
                                                                       f"{_s(r, ALNUM, 22)}"])]),
    "h20_petra_key": lambda r, i: r.choice([str(43000000 + r.randint(1, 9999)), f"{43000000 + r.randint(1, 9999):010d}"]),
    "h20_petra_short_name": lambda r, i: r.choice([f"{r.choice(H20_DE_LAST)}, {r.choice(H20_DE_FIRST)}",
                                                  f"{r.choice(H20_DE_LAST)}, {r.choice(H20_DE_FIRST)} & {r.choice(H20_DE_FIRST)}",
                                                  f"{r.choice(H20_DE_LAST)}, {r.choice(H20_DE_FIRST)}, Dr."]),
    "h20_petra_printed_name": lambda r, i: r.choice([f"Herr {r.choice(H20_DE_FIRST)} {r.choice(H20_DE_LAST)}",
                                                    f"Familie {r.choice(H20_DE_LAST)}",
                                                    f"Frau Dr. {r.choice(H20_DE_FIRST)} {r.choice(H20_DE_LAST)}",
                                                    f"Mr & Mrs {r.choice(LAST)}"]),
    "h20_petra_user": lambda r, i: r.choice(["DEMO", "SYSADMIN", "ANNAM", "KLAUSW", "SABINE", "IMPORT"]),
    "h20_de_first": lambda r, i: r.choice(H20_DE_FIRST),
    "h20_de_last": lambda r, i: r.choice(H20_DE_LAST),
    "h20_petra_building": lambda r, i: r.choice([f"c/o {r.choice(H20_DE_LAST)}", "Hinterhaus", f"Haus {r.choice('ABC')}",
                                                f"Wohnung {r.randint(1, 30)}", "Seniorenresidenz Lindenhof"]),
    "h20_de_street": lambda r, i: f"{r.choice(H20_DE_STREETS)} {r.randint(1, 140)}{r.choice(['', '', 'a', 'b'])}",
    "h20_de_city": lambda r, i: _h20_de_place(i)[0],
    "h20_de_zip": lambda r, i: f"{r.randint(_h20_de_place(i)[1], _h20_de_place(i)[2]):05d}",
    "h20_petra_lat": lambda r, i: _h20_petra_coord(r, i, 0),
    "h20_petra_lon": lambda r, i: _h20_petra_coord(r, i, 1),
    "h20_account_holder": lambda r, i: r.choice([f"{r.choice(H20_DE_FIRST)} {r.choice(H20_DE_LAST)}",
                                                f"{r.choice(H20_DE_LAST).upper()} {r.choice(H20_DE_FIRST).upper()}",
                                                f"{r.choice(H20_DE_FIRST)} und {r.choice(H20_DE_FIRST)}"
                                                f" {r.choice(H20_DE_LAST)}"]),
    "h20_de_account_no": lambda r, i: r.choice([f"{r.randint(0, 9999999999):010d}", str(r.randint(1000000, 9999999999))]),
    "h20_de_iban": lambda r, i: _h20_de_iban(r),
    "h20_expiry": lambda r, i: f"{r.randint(2025, 2029)}-{r.randint(1, 12):02d}-{r.choice([28, 30, 31])}",
    "h20_stu_id": lambda r, i: f"STU{i + 1:03d}",
    "h20_my_phone": lambda r, i: r.choice([f"01{r.randint(0, 9)}-{r.randint(1000000, 9999999)}",
                                          f"01{r.randint(0, 9)}{r.randint(1000000, 9999999)}",
                                          f"+601{r.randint(0, 9)}-{r.randint(100, 999)} {r.randint(1000, 9999)}",
                                          f"011-{r.randint(1000, 9999)} {r.randint(1000, 9999)}"]),
    "h20_my_address": lambda r, i: _h20_my_address(r, i),
    "h20_parent_name": lambda r, i: r.choice([f"{r.choice(CN_SURNAMES)}{r.choice(['先生', '女士'])}", _cn_name(r), _cn_name(r),
                                             f"{r.choice(['Tan', 'Lim', 'Wong', 'Lee', 'Ng'])}"
                                             f" {r.choice(['Ah Kow', 'Mei Ling', 'Chee Keong', 'Siew Lan'])}"]),
    "h20_child_birth": lambda r, i: r.choice(["{}-{:02d}-{:02d}", "{}/{}/{}"]).format(r.randint(2010, 2020), r.randint(1, 12),
                                                                                     r.randint(1, 28)),
    # holdout21: Evergreen ILS, Documenso, EasyParcel, Zoom webinar report, courier bulk-shipping CSV, Tencent Meeting
    "h21_eg_usrname": lambda r, i: r.choice([_h21_barcode(r), _h21_barcode(r),
                                            f"{r.choice(FIRST).lower()}{r.choice(LAST).lower()}{r.randint(1, 99)}",
                                            f"{r.choice(FIRST)[0].lower()}{r.choice(LAST).lower()}"]),
    "h21_eg_email": lambda r, i: (f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}{r.choice(['', str(r.randint(1, 99))])}"
                                  f"@{r.choice(['example.com', 'example.net', 'mail.example.org'])}"),
    # Driving-licence numbers of the kind US states issue (a letter and digits, or nine digits), some other ids.
    "h21_eg_ident_value": lambda r, i: r.choice([f"{r.randint(0, 999999999):09d}", f"{r.randint(0, 999999999):09d}",
                                                f"{r.choice('ABDGS')}{r.randint(0, 9999999):07d}",
                                                f"{r.choice('SDW')}{r.randint(100, 999)}-{r.randint(1000, 9999)}"
                                                f"-{r.randint(1000, 9999)}",
                                                f"STU{r.randint(10000, 99999)}"]),
    "h21_eg_photo_url": lambda r, i: r.choice([f"https://library.example.org/patron-photos/{r.randint(1, 40000):07d}.jpg",
                                              f"/opac/extras/photos/{_s(r, HEX, 12)}.png"]),
    "h21_middle_name": lambda r, i: r.choice(H21_MIDDLE),
    "h21_eg_alias": lambda r, i: r.choice(H21_NICKNAMES),
    "h21_us_phone": lambda r, i: _h21_us_phone(r),
    "h21_eg_dob": lambda r, i: (f"{r.randint(1935, 2019)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} 00:00:00"
                                f"{r.choice(['-04', '-05'])}"),
    "h21_eg_xact_id": lambda r, i: r.choice(["none", _s(r, HEX, 32),
                                            f"eg-app{r.randint(1, 3)}.example.org-"
                                            f"{r.randint(1_600_000_000, 1_760_000_000)}.{r.randint(100, 99999)}"]),
    "h21_pg_tstz": lambda r, i: _h21_pg_tstz(r, 2015, 2025),
    "h21_pg_tstz_future": lambda r, i: _h21_pg_tstz(r, 2025, 2029),
    "h21_eg_barcode": lambda r, i: _h21_barcode(r),
    "h21_us_street": lambda r, i: f"{r.randint(1, 9999)} {r.choice(H21_US_STREETS)}",
    "h21_us_street2": lambda r, i: r.choice(["Apt 4B", "Unit 12", "PO Box 88", "Suite 200", "Lot 7"]),
    "h21_us_city": lambda r, i: H21_US_PLACES[i % len(H21_US_PLACES)][0],
    "h21_us_zip": lambda r, i: (lambda z: z if r.random() < 0.75 else f"{z}-{r.randint(0, 9999):04d}")(
        f"{H21_US_PLACES[i % len(H21_US_PLACES)][1]}{r.randint(1, 99):02d}"),
    "h21_eg_reset_uuid": lambda r, i: _s(r, HEX, 32),
    "h21_stripe_customer": lambda r, i: "cus_" + _s(r, ALNUM, 14),
    "h21_prisma_ts": lambda r, i: f"{_dt(r, 2023, 2025)}.{r.randint(0, 999):03d}",
    "h21_signature_data_uri": lambda r, i: _h21_signature_png(r),
    "h21_enc_hex": lambda r, i: _s(r, HEX, 96),
    "h21_enc_hex_long": lambda r, i: _s(r, HEX, 320),
    "h21_profile_slug": lambda r, i: r.choice([f"{r.choice(FIRST).lower()}-{r.choice(LAST).lower()}",
                                              f"{r.choice(FIRST)[0].lower()}{r.choice(LAST).lower()}",
                                              f"{r.choice(FIRST).lower()}-{r.choice(LAST).lower()}-{r.randint(2, 9)}"]),
    "h21_recipient_name": lambda r, i: r.choice([f"{r.choice(FIRST)} {r.choice(LAST)}", f"{r.choice(FIRST)} {r.choice(LAST)}",
                                                f"{r.choice(LAST)}, {r.choice(FIRST)}", r.choice(FIRST)]),
    "h21_nanoid": lambda r, i: _s(r, ALNUM + "_-", 21),
    "h21_typed_signature": lambda r, i: r.choice([f"{r.choice(FIRST)} {r.choice(LAST)}",
                                                 f"{r.choice(FIRST)[0]}. {r.choice(LAST)}"]),
    "h21_cuid": lambda r, i: "c" + _s(r, string.ascii_lowercase + string.digits, 24),
    "h21_parcel_content": lambda r, i: r.choice(H21_PARCELS),
    "h21_rm_value": lambda r, i: f"{r.randint(15, 450)}.{r.choice(['00', '90', '50'])}",
    "h21_weight_kg": lambda r, i: f"{r.uniform(0.2, 6):.2f}",
    "h21_pickup_date": lambda r, i: r.choice(["{2:02d}/{1:02d}/{0}", "{0}-{1:02d}-{2:02d}"]).format(
        r.randint(2024, 2025), r.randint(1, 12), r.randint(1, 28)),
    "h21_shop_sender_name": lambda r, i: H21_SHOPS[i % 5 // 4][0],
    "h21_shop_company": lambda r, i: H21_SHOPS[i % 5 // 4][1],
    "h21_shop_phone": lambda r, i: H21_SHOPS[i % 5 // 4][2],
    "h21_shop_alt_phone": lambda r, i: ["03-7960 1235", "04-229 8813"][i % 5 // 4],
    "h21_shop_email": lambda r, i: H21_SHOPS[i % 5 // 4][3],
    "h21_shop_address": lambda r, i: H21_SHOPS[i % 5 // 4][4],
    "h21_shop_postcode": lambda r, i: H21_SHOPS[i % 5 // 4][5],
    "h21_shop_city": lambda r, i: H21_SHOPS[i % 5 // 4][6],
    "h21_my_name": lambda r, i: r.choice(H21_MY_NAMES),
    "h21_my_company": lambda r, i: r.choice(H21_MY_COMPANIES),
    "h21_my_mobile": lambda r, i: r.choice([f"01{r.randint(0, 9)}-{r.randint(100, 999)} {r.randint(1000, 9999)}",
                                           f"601{r.randint(0, 9)}{r.randint(1000000, 9999999)}",
                                           f"+601{r.randint(0, 9)}-{r.randint(1000000, 9999999)}",
                                           f"01{r.randint(0, 9)}{r.randint(1000000, 9999999)}"]),
    "h21_my_street": lambda r, i: _h21_my_street(r),
    "h21_my_postcode": lambda r, i: f"{H21_MY_TOWNS[i % len(H21_MY_TOWNS)][0]}{r.randint(0, 999):03d}",
    "h21_my_city": lambda r, i: H21_MY_TOWNS[i % len(H21_MY_TOWNS)][1],
    "h21_shop_order_ref": lambda r, i: r.choice([f"#{10000 + i}", f"BL-2024-{i + 1:05d}",
                                                f"24{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
                                                f"{_s(r, string.ascii_uppercase + string.digits, 8)}"]),
    "h21_zoom_display_name": lambda r, i: (lambda f, la: r.choice([f"{f} {la}", f"{f} {la}", f"{f} ({f} {la})",
                                                                   f"{f}'s iPhone ({f} {la})", f"{f[0]}. {la}",
                                                                   f"{f} {la[0]}"]))(r.choice(FIRST), r.choice(LAST)),
    "h21_zoom_phone": lambda r, i: _h21_zoom_phone(r),
    "h21_zoom_time": lambda r, i: (f"{r.choice(MONTHS_ABBR)} {r.randint(1, 28):02d}, {r.randint(2023, 2025)} "
                                   f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"),
    "h21_country_name": lambda r, i: r.choice(H21_COUNTRIES),
    "h21_cn_order_no": lambda r, i: r.choice([f"DD{r.randint(2023, 2025)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
                                             f"{r.randint(1000, 9999)}", str(r.randint(10**15, 10**16 - 1))]),
    "h21_cn_cod": lambda r, i: r.choice(["0", "0.00", f"{r.randint(50, 600)}.00"]),
    "h21_cn_mobile": lambda r, i: _cn_mobile(r),
    "h21_cn_landline": lambda r, i: r.choice([f"0755-{r.randint(2000, 8999)}{r.randint(1000, 9999)}",
                                             f"021-{r.randint(5000, 6999)}{r.randint(1000, 9999)}",
                                             f"010{r.randint(60000000, 89999999)}"]),
    "h21_cn_address": lambda r, i: _h21_cn_address(r, i),
    "h21_cn_unit": lambda r, i: r.choice(H21_CN_UNITS),
    "h21_cn_product": lambda r, i: r.choice(H21_CN_PRODUCTS),
    "h21_tm_nickname": lambda r, i: _h21_tm_nickname(r),
    "h21_tm_join": lambda r, i: f"2024-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} 19:{r.randint(0, 9):02d}:"
    f"{r.randint(0, 59):02d}",
    "h21_tm_leave": lambda r, i: f"2024-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} 20:{r.randint(30, 59):02d}:"
    f"{r.randint(0, 59):02d}",
    "h21_tm_duration": lambda r, i: f"{r.randint(0, 1)}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}",
    # holdout22: Gymie, DocuSeal, FOLIO, eventik, a group-buying order export, a photo studio's order export
    "h22_member_code": lambda r, i: r.choice([f"GYM{1000 + i}", f"MEM{i + 1:04d}", f"FF-{r.randint(2018, 2024)}-{i + 1:03d}"]),
    "h22_in_name": lambda r, i: _h22_in_name(r),
    "h22_gym_photo": lambda r, i: r.choice([f"{i + 1}.jpg", f"member_{i + 1}_photo.jpg",
                                           f"IMG_2024{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
                                           f"_{r.randint(0, 235959):06d}.jpg"]),
    "h22_in_dob": lambda r, i: f"{r.randint(1965, 2008)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "h22_in_email": lambda r, i: (f"{r.choice(H22_IN_FIRST).lower()}{r.choice(['.', '_', ''])}{r.choice(H22_IN_LAST).lower()}"
                                  f"{r.choice(['', str(r.randint(1, 99)), str(r.randint(1985, 2005))])}"
                                  f"@{r.choice(['example.com', 'example.net', 'example.org'])}"),
    "h22_in_address": lambda r, i: _h22_in_address(r, i),
    "h22_in_mobile": lambda r, i: _h22_in_mobile(r),
    "h22_health_issues": lambda r, i: r.choice(H22_HEALTH),
    "h22_pin_code": lambda r, i: f"{H22_IN_PLACES[i % len(H22_IN_PLACES)][1]}{r.randint(1, 99):03d}",
    "h22_start_by": lambda r, i: f"{r.randint(2018, 2024)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "h22_uuid": lambda r, i: _uuid(r),
    # DocuSeal slugs: 14 characters of base58.
    "h22_ds_slug": lambda r, i: _s(r, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", 14),
    "h22_rails_ts": lambda r, i: f"{_dt(r, 2023, 2025)}.{r.randint(0, 999999):06d}",
    "h22_e164_phone": lambda r, i: r.choice([f"+1{r.randint(201, 989)}555{r.randint(100, 199):04d}",
                                            f"+447700900{r.randint(100, 999)}",
                                            f"+4915{r.randint(10, 79)}{_s(r, string.digits, 7)}",
                                            f"+61491570{r.randint(100, 999)}"]),
    "h22_ds_external_id": lambda r, i: r.choice([f"crm-{r.randint(10000, 99999)}", str(r.randint(1000, 999999)),
                                                f"emp_{_s(r, string.ascii_lowercase + string.digits, 8)}"]),
    "h22_ds_preferences": lambda r, i: r.choice(['{}', '{"send_email":true}', '{"send_email":true,"send_sms":false}',
                                                '{"send_email":false,"send_sms":true}',
                                                '{"email_message_uuid":"' + _uuid(r) + '"}']),
    "h22_bcrypt_2a": lambda r, i: "$2a$12$" + _s(r, CRYPT64, 53),
    "h22_hex64": lambda r, i: _s(r, HEX, 64),
    "h22_base32_secret": lambda r, i: _s(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 32),
    "h22_message_id": lambda r, i: r.choice([f"<{_s(r, HEX, 13)}_{r.randint(10, 99)}{_s(r, HEX, 6)}"
                                            f"@docuseal-web-{r.randint(1, 4)}.mail>",
                                            f"<{_uuid(r)}@sign.example.com>",
                                            f"0100018{_s(r, HEX, 9)}-{_uuid(r)}-000000"]),
    "h22_folio_username": lambda r, i: r.choice([f"{r.choice(FIRST)[0].lower()}{r.choice(LAST).lower()}",
                                                f"{r.choice(FIRST).lower()}.{r.choice(LAST).lower()}",
                                                f"{r.choice(LAST).lower()}{r.choice(FIRST)[0].lower()}{r.randint(1, 9)}"]),
    "h22_folio_external_id": lambda r, i: r.choice([f"{r.randint(10**8, 10**9 - 1)}", f"U{r.randint(10**7, 10**8 - 1)}",
                                                   f"{r.randint(10**8, 10**9 - 1)}"]),
    "h22_folio_barcode": lambda r, i: _h22_folio_barcode(r),
    "h22_folio_group": lambda r, i: r.choice(H22_FOLIO_GROUPS),
    "h22_folio_departments": lambda r, i: r.choice(["[]", "[]", '["' + H22_FOLIO_GROUPS[r.randint(0, 3)][::-1] + '"]']),
    "h22_middle_name": lambda r, i: r.choice(H22_MIDDLE),
    "h22_preferred_name": lambda r, i: r.choice(H22_PREFERRED),
    "h22_edu_email": lambda r, i: (f"{r.choice(FIRST).lower()}{r.choice(['.', ''])}{r.choice(LAST).lower()}"
                                   f"@{r.choice(['umich.example.edu', 'example.edu', 'example.com'])}"),
    "h22_us_phone": lambda r, i: (lambda a, n: r.choice([f"({a}) 555-{n:04d}", f"{a}-555-{n:04d}", f"+1 {a} 555 {n:04d}",
                                                         f"{a}555{n:04d}"]))(r.choice(["734", "517", "810", "419"]),
                                                                           r.randint(100, 199)),
    "h22_folio_dob": lambda r, i: f"{r.randint(1950, 2006)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T00:00:00.000+00:00",
    "h22_folio_picture": lambda r, i: r.choice([f"https://folio-files.example.edu/profile-pictures/{_uuid(r)}.jpg",
                                               f"https://id.example.edu/photo/{r.randint(10**8, 10**9 - 1)}.png"]),
    "h22_folio_ts": lambda r, i: _h22_folio_ts(r, 2019, 2025),
    "h22_folio_ts_future": lambda r, i: _h22_folio_ts(r, 2025, 2029),
    "h22_folio_staff_id": lambda r, i: r.choice(H22_FOLIO_STAFF),
    "h22_us_street": lambda r, i: f"{r.randint(1, 4999)} {r.choice(H22_US_STREETS)}",
    "h22_us_street2": lambda r, i: r.choice(["Apt 2", "Apt 14C", "Unit B", "Box 1123", "Room 402 Mary Markley Hall"]),
    "h22_us_city": lambda r, i: H22_US_PLACES[i % len(H22_US_PLACES)][0],
    "h22_us_zip": lambda r, i: (lambda z: z if r.random() < 0.8 else f"{z}-{r.randint(0, 9999):04d}")(
        f"{H22_US_PLACES[i % len(H22_US_PLACES)][1]}{r.randint(1, 99):02d}"),
    "h22_folio_address_type": lambda r, i: r.choice(H22_FOLIO_ADDRESS_TYPES),
    "h22_ar_datetime": lambda r, i: (f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.randint(2023, 2025)} "
                                     f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}"),
    "h22_et_order_id": lambda r, i: r.choice([str(18000 + i), f"#{18000 + i}", f"EVK-{r.randint(100000, 999999)}"]),
    "h22_ars_price": lambda r, i: r.choice(["15000", "22000.00", "$ 35.000", "0", "9500"]),
    "h22_ar_first": lambda r, i: r.choice(H22_AR_FIRST),
    "h22_ar_last": lambda r, i: r.choice(H22_AR_LAST),
    "h22_ar_email": lambda r, i: (f"{r.choice(H22_AR_FIRST).lower()}{r.choice(['.', '_', ''])}{r.choice(H22_AR_LAST).lower()}"
                                  f"{r.choice(['', str(r.randint(1, 99))])}"
                                  f"@{r.choice(['example.com', 'example.org', 'example.net'])}"
                                  ).translate(str.maketrans("áéíóú", "aeiou")),
    "h22_ar_phone": lambda r, i: _h22_ar_phone(r),
    "h22_snowflake_id": lambda r, i: str(r.randint(1_050_000_000_000_000_000, 1_299_999_999_999_999_999)),
    "h22_gb_shop": lambda r, i: r.choice(H22_GB_SHOPS),
    "h22_gb_product": lambda r, i: r.choice(H22_GB_PRODUCTS),
    "h22_gb_user_name": lambda r, i: r.choice([_cn_name(r), _cn_name(r), f"{r.choice(CN_SURNAMES)}{r.choice(['女士', '先生'])}",
                                              f"{_cn_name(r)}{r.randint(1, 30)}栋"]),
    "h22_wx_nickname": lambda r, i: r.choice(H22_WX_NICKNAMES),
    "h22_cn_mobile": lambda r, i: _cn_mobile(r),
    "h22_cny_amount": lambda r, i: f"{r.randint(3, 899)}.{r.choice(['00', '80', '90', '50'])}",
    "h22_photo_order_no": lambda r, i: (f"SP{r.randint(2022, 2025)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
                                        f"{r.randint(0, 99999):05d}"),
    "h22_photo_client_name": lambda r, i: r.choice([_cn_name(r), _cn_name(r), f"{_cn_name(r)}(宝宝)",
                                                   f"{r.choice(CN_SURNAMES)}小姐"]),
    "h22_photo_phone": lambda r, i: r.choice([_cn_mobile(r), _cn_mobile(r), _cn_mobile(r),
                                             f"0571-{r.randint(8000, 8999)}{r.randint(1000, 9999)}"]),
    "h22_photo_product": lambda r, i: r.choice(H22_PHOTO_PRODUCTS),
}


def _param_generator(spec: str) -> Callable[[random.Random, int], str]:
    kind, _, arg = spec.partition(":")
    if kind == "choice":
        options = arg.split("|")
        return lambda r, i: r.choice(options)
    if kind == "int":
        lo, hi = (int(x) for x in arg.split(":"))
        return lambda r, i: str(r.randint(lo, hi))
    if kind == "float":
        lo, hi = (float(x) for x in arg.split(":"))
        return lambda r, i: f"{r.uniform(lo, hi):.3f}"
    return GENERATORS[spec]


PARTS = {
    "tuned": "schemas.yaml",
    "holdout": "holdout.yaml",
    "holdout2": "holdout2.yaml",
    "holdout3": "holdout3.yaml",
    "holdout4": "holdout4.yaml",
    "holdout5": "holdout5.yaml",
    "holdout6": "holdout6.yaml",
    "holdout7": "holdout7.yaml",
    "holdout8": "holdout8.yaml",
    "holdout9": "holdout9.yaml",
    "holdout10": "holdout10.yaml",
    "holdout11": "holdout11.yaml",
    "holdout12": "holdout12.yaml",
    "holdout13": "holdout13.yaml",
    "holdout14": "holdout14.yaml",
    "holdout15": "holdout15.yaml",
    "holdout16": "holdout16.yaml",
    "holdout17": "holdout17.yaml",
    "holdout18": "holdout18.yaml",
    "holdout19": "holdout19.yaml",
    "holdout20": "holdout20.yaml",
    "holdout21": "holdout21.yaml",
    "holdout22": "holdout22.yaml",
}


def load_schemas(part: str = "tuned") -> list[dict]:
    """The tables of a part (`tuned`: schemas.yaml, `holdout` to `holdout22`: the held-out YAML files).

    Each table is `{table, source, columns: [[name, generator, label, blank_share?]]}`.
    """
    return yaml.safe_load((HERE / PARTS[part]).read_text(encoding="utf-8"))["tables"]


def labels(part: str = "tuned") -> dict[str, dict[str, str | None]]:
    """{table: {column: label}} as written in the part's YAML file."""
    return {t["table"]: {c[0]: c[2] for c in t["columns"]} for t in load_schemas(part)}


def write_corpus(out_dir: str | Path, seed: int = 20260630, part: str = "tuned") -> dict[str, dict[str, str | None]]:
    """Write every table of a part as `<table>.csv` under `out_dir`; return its labels."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for t in load_schemas(part):
        rng = random.Random(f"{seed}:{t['table']}")
        cols = t["columns"]
        gens = [_param_generator(c[1]) for c in cols]
        blanks = [float(c[3]) if len(c) > 3 else 0.0 for c in cols]
        with open(out / f"{t['table']}.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([c[0] for c in cols])
            for i in range(ROWS):
                w.writerow(
                    ["" if blanks[k] and rng.random() < blanks[k] else gens[k](rng, i) for k in range(len(cols))]
                )
    return labels(part)


if __name__ == "__main__":  # pragma: no cover
    target = sys.argv[1]
    part = sys.argv[3] if len(sys.argv) > 3 else "tuned"
    write_corpus(target, int(sys.argv[2]) if len(sys.argv) > 2 else 20260630, part)
    print(f"wrote {len(load_schemas(part))} tables to {target}")
