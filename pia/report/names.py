"""Names for people: levels, feared events, controls, frameworks and the main risk factors in plain words.

The report calls everything by name, never by id: the management part is read by people who never saw a manifest.
Names are English msgids marked with `N_` and translated when used (`pia.i18n`), in the language in force.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from pia.i18n import N_, _, current_language

EVENT_NAMES = {"illegitimate_access": N_("illegitimate access"), "unwanted_modification": N_("unwanted modification"),
               "disappearance": N_("disappearance of data")}
CONTROL_NAMES = {"encryption_in_transit": N_("encryption in transit"), "encryption_at_rest": N_("encryption at rest"),
                 "access_control": N_("access control"), "staff_training": N_("staff training"),
                 "breach_response": N_("breach response"), "deidentification": N_("de-identification"),
                 "retention_enforcement": N_("automatic deletion")}
# What a manager is asked to do for each control (pia default: imperative wording of the control's clause).
CONTROL_ACTIONS = {"encryption_in_transit": N_("Encrypt the data in transit"),
                   "encryption_at_rest": N_("Encrypt the stored data"),
                   "access_control": N_("Restrict access to the data to the staff who need it"),
                   "staff_training": N_("Train the staff who handle the data"),
                   "breach_response": N_("Put a breach-response procedure in place"),
                   "deidentification": N_("De-identify the data where the purpose allows it"),
                   "retention_enforcement": N_("Delete data automatically when its retention period ends")}
FRAMEWORK_NAMES = {"gbt39335": N_("GB/T 39335-2020"), "wp248": N_("WP248"), "pipl55": N_("PIPL Art. 55"),
                   "pwd": N_("Directive (EU) 2024/2831")}
STAGE_NAMES = {"inherent": N_("inherent"), "current": N_("current"), "residual": N_("current"),
               "planned": N_("planned"), "target": N_("target")}
# The shipped risk methods' titles and the words of their level labels (data in pia/data/methods/*.yaml): marked
# here so that the catalogs carry them; a level label with a bracketed Chinese term (GB/T 39335-2020's own
# words, `high (高)`) uses that term in Chinese.
METHOD_TITLES = (N_("GB/T 39335-2020 Annex D"), N_("CNIL PIA methodology"), N_("ICO sample DPIA template"))
LEVEL_WORDS = (N_("low"), N_("medium"), N_("high"), N_("severe"), N_("very high"), N_("negligible"), N_("limited"),
               N_("significant"), N_("maximum"), N_("minimal"), N_("remote"), N_("possible"), N_("probable"))
# Names the engines give in English, shown as they are in English and translated through these msgids in other
# languages (`_(name)`): the screening criteria (pia.risk.screening), the change-review triggers and re-consent
# reasons (pia.changes.rules), the measures (pia/data/measures.yaml) and the likelihood factors' gists
# (pia.risk.likelihood). tests/test_i18n_report.py checks that every name the engines have is here.
SCREENING_NAMES = (
    N_("profiling or scoring"), N_("automated decisions"), N_("systematic monitoring"),
    N_("large volume of sensitive data"), N_("large scale"), N_("matching or combining datasets"),
    N_("vulnerable subjects (minors)"), N_("innovative technology (IoT cameras, biometrics)"),
    N_("blocking rights or services"), N_("evaluation or scoring"),
    N_("automated decision with legal or similar effect"), N_("sensitive or highly personal data"),
    N_("data processed on a large scale"), N_("vulnerable data subjects"), N_("innovative use of technology"),
    N_("prevents exercising a right or using a service"), N_("automated monitoring or decisions on platform workers"))
# The PIPL Art. 55 criteria are named by the items of the law, marked once in `pia.risk.screening.PIPL55_ITEMS`.
TRIGGER_NAMES = (N_("Service mode"), N_("Ownership"), N_("Recipients"), N_("Your rights"), N_("Impact assessment"),
                 N_("Longer retention"), N_("Promised protection"), N_("Cross-border"), N_("Contacts"))
RECONSENT_KINDS = (N_("new purpose"), N_("purpose outside exemption"), N_("new data type"),
                   N_("new sensitive category"), N_("cross border"), N_("new consent recipient"))
MEASURE_NAMES = (
    N_("Data minimisation"), N_("Pseudonymisation"),
    N_("De-identification or anonymisation"), N_("Encryption in transit"), N_("Encryption at rest"),
    N_("Retention enforcement"), N_("Partitioning and tenant isolation"), N_("Logical access control"),
    N_("Logging and traceability"), N_("Integrity checking"), N_("Backups"), N_("Network security"),
    N_("Physical security"), N_("Workstation security"), N_("Protection against malware"),
    N_("Vulnerability and patch management"), N_("Staff training and confidentiality"), N_("Breach response"),
    N_("Processor contracts"), N_("Supervision and audits"), N_("Consent management"),
    N_("Handling of rights requests"), N_("Device security"), N_("Secure maintenance"), N_("Website security"),
    N_("Cross-border transfer safeguards"))
# The notes of the measure catalogue (pia/data/measures.yaml `note`), shown as an action's detail.
MEASURE_NOTES = (N_("only where the purpose can be served without identifying people"),
                 N_("automatic deletion at the end of the retention period"),
                 N_("an adequacy decision for the destination (GDPR Art. 45) counts as implemented; a derogation or "
                    "consent alone does not"))
# The gist of a likelihood reason is its text before the first colon or parenthesis (pia/risk/likelihood.py); the
# report shows the gist of each factor group's first reason, for both likelihood models (GB/T 39335 factor groups and
# CNIL risk sources). A test checks that every reason the likelihood module writes has its gist here or in the catalog.
EXPOSURE_GISTS = (N_("attractive data for risk sources"), N_("data combined or derived"),
                  N_("data leaves the jurisdiction"), N_("data provided to recipients beyond processors"),
                  N_("online service"), N_("staff of the controller handle the data"),
                  N_("security situation"), N_("processors entrusted with the data"),
                  N_("recipients bound by no confidentiality agreement"),
                  N_("new technology with a short security record"), N_("staff of the controller"),
                  N_("processors"), N_("attackers reaching the online service"),
                  N_("attackers reaching devices exposed on the internet"), N_("recipients beyond processors"),
                  N_("sources abroad"), N_("sensitive data attracts risk sources"))
# The names of the taxonomy's categories (pia/data/taxonomy.yaml `name`), for the reports in other languages than
# English; a test checks that every category's name is here.
TAXONOMY_NAMES = (N_('User data'), N_('Account information'), N_('Authorisation information'),
                  N_('Observed behaviour'), N_('Biometric data'), N_('Information of children and minors'),
                  N_('Contact data'), N_('User content'), N_('Demographic data'), N_('Device data'),
                  N_('Financial data'), N_('Government identifiers'), N_('User identifier assigned by the service'),
                  N_('Location data'), N_('Person name'), N_('Order data'),
                  N_('Payment data (payment method, transaction reference)'),
                  N_('Support and rights-request correspondence'), N_('Health data'), N_('Genetic data'),
                  N_('Sex life and sexual orientation'), N_('Trade-union membership'), N_('Criminal records'),
                  N_('Account username'), N_('Account settings and preferences'),
                  N_('Account status and lifecycle dates'), N_('Account credentials (passwords, password hashes)'),
                  N_('Consent and authorisation records'), N_('Browsing history (web pages visited, links clicked)'),
                  N_('Email opens and link clicks (pixel tags, web beacons)'), N_('Purchase and order history'),
                  N_('Face templates and face-recognition features'), N_('Fingerprint'), N_('Voiceprint'),
                  N_('Biometric health data'), N_('Email address'), N_('Phone number'), N_('Postal address'),
                  N_('Private content'), N_('Image in which the person can be recognised'),
                  N_('Camera alert snapshot (still image from a home camera)'), N_('Camera video recording'),
                  N_('Date of birth'), N_('Age range'), N_('Gender'), N_('Language'), N_('Religious belief'),
                  N_('Cookie identifier'), N_('Data stored in a cookie (preferences, cart)'),
                  N_('Device identifier'), N_('IP address'), N_('MAC address'),
                  N_('Advertising identifier (IDFA, OAID, GAID)'), N_('Pixel-tag or web-beacon event'),
                  N_('Camera and connected product data'), N_('Payment card or financial account number'),
                  N_('Bank account information'), N_('National ID number (resident identity card)'),
                  N_('Passport number'), N_('Pseudonymous identifier'), N_('Imprecise location (city level)'),
                  N_('Precise location (coordinates)'), N_('Order record (products, amount, dates)'),
                  N_('Delivery details (recipient, address, phone)'), N_('Browser or app user-agent string'),
                  N_('Image stored inline as text (base64 or data URI), e.g. a camera thumbnail or a photo'),
                  N_('Vital signs measured by a device'), N_('Sleep data'), N_('Medical conditions and diagnoses'),
                  N_('Medical records'), N_('Political opinions'), N_('Philosophical beliefs'),
                  N_('Racial or ethnic origin'), N_('Workouts and physical activity'),
                  N_('Product and feature usage'), N_('Crash reports and diagnostic logs'),
                  N_('Subscription plan and renewal dates'), N_('Street address'), N_('City'), N_('Postal code'),
                  N_('Country'), N_('Camera serial number'), N_('Device verification code (binding secret)'),
                  N_('Camera settings and alert preferences'),
                  N_('Session, API, password-reset and activation tokens'),
                  N_('Credentials embedded in a URL (user:password@host, e.g. an RTSP stream address)'),
                  N_('Hardware identifier of a mobile device (IMEI or MEID)'),
                  N_('Vendor-scoped device identifier (IDFV, Android ID)'), N_('Track of precise positions'),
                  N_('Voice recording'), N_('Voice message'), N_('Social connections (friend list, contacts, groups)'))
# The descriptive parts of the taxonomy's sensitivity bases (pia/data/taxonomy.yaml `basis`): the text in
# parentheses after a citation, or a whole `pia default: ...` rationale. The citation ids stay as they are; a
# test checks that every basis of the taxonomy is covered here.
BASIS_TEXTS = (
    N_("its note on children aged 14 or under"), N_("personal information of minors under 14"),
    N_("authentication information, by analogy with account passwords"), N_("bank accounts"),
    N_("financial accounts"), N_("biometric information"), N_("biometric identification"),
    N_("identity documents"), N_("specific identity"),
    N_("network identity and authentication information, system accounts with their passwords"),
    N_("personal genes, among biometric identification information"), N_("precise location"), N_("whereabouts"),
    N_("sexual orientation, among other sensitive information"), N_("transaction and consumption records"),
    N_("transaction records and payment information"), N_("undisclosed criminal records"),
    N_("web browsing records"), N_("whereabouts of the people filmed"), N_("whereabouts, minors under 14 in frame"),
    N_("medical health"), N_("personal health and physiological information"), N_("religious belief"),
    N_("pia default: a live token grants the account's access as the password does (by analogy with GB/T "
       "35273-2020 Annex B authentication information)"),
    N_("pia default: sensitive in every jurisdiction (GB/T 35273-2020 Annex A lists ethnicity as basic "
       "information, not Annex B)"),
    N_("pia default: sensitive in every jurisdiction, as a leak easily harms dignity (the test of PIPL Art. 28); "
       "neither PIPL Art. 28 nor GB/T 35273-2020 Annex B lists it"),
    N_("pia default: sensitive in every jurisdiction; neither PIPL Art. 28 nor GB/T 35273-2020 Annex B lists it"),
    N_("pia default: the URL carries the password in clear (by analogy with GB/T 35273-2020 Annex B "
       "authentication information)"),
    N_("pia default: treated like religious belief (PIPL Art. 28), with which GDPR Art. 9(1) groups it"),
    N_("not sensitive under GB/T 35273-2020 Annex B"),
    N_("communication records and content"), N_("address book, friend list, group list"),
    # the GDPR's special categories (taxonomy special_category) and WP248's criteria (risk.scoring.harm_source)
    N_("data concerning health"), N_("biometric data processed to identify a person"), N_("genetic data"),
    N_("sex life or sexual orientation"), N_("political opinions"), N_("religious beliefs"),
    N_("philosophical beliefs"), N_("racial or ethnic origin"), N_("trade-union membership"),
    N_("personal data relating to criminal convictions and offences"), N_("data of a highly personal nature"),
    N_("vulnerable data subjects: children"),
    N_("pia default: a recording holds what people say in private and the voice that identifies them, as the "
       "communication content of GB/T 35273-2020 Annex B does"),
)
_BASIS_PART = re.compile(r"^(?P<cite>.+?) \((?P<text>[^()]+)\)$")  # a cite may hold (n): GDPR Art. 9(1)


def basis_text(basis: str) -> str:
    """A sensitivity basis in the language in force.

    `CITATION (text)[; CITATION (text)]` with each text translated (the citation kept), or a whole
    `pia default: ...` rationale; text the catalog does not know stays as given.
    """
    if not basis or current_language() == "en":
        return basis
    if basis.startswith("override: "):  # the manifest's own reason, already in the report's language
        return _("override: {reason}", reason=basis.removeprefix("override: "))
    if basis in BASIS_TEXTS:
        return _(basis)
    parts = []
    for part in basis.split("; "):
        m = _BASIS_PART.match(part)
        if not m or m.group("text") not in BASIS_TEXTS:
            return basis
        parts.append(_("{citation} ({text})", citation=m.group("cite"), text=_(m.group("text"))))
    return listing(parts, ";")


_OTHER_SCRIPT = re.compile(r"\s*\(([^)]*[^\x00-\x7f][^)]*)\)$")


def listing(items: Iterable[str], sep: str = ",") -> str:
    """Items joined for the language in force: `a, b` / `a; b` in English, `a、b` / `a；b` in Chinese."""
    zh = current_language() == "zh"
    joiner = {",": "、" if zh else ", ", ";": "；" if zh else "; "}[sep]
    return joiner.join(items)


def number(n: Any) -> str:
    """A count with thousands grouped (`1,234`): the same grouping in English and in Chinese (CLDR `#,##0`)."""
    return f"{int(n or 0):,}"


def method_title(title: str, short: bool = False) -> str:
    """A risk method's title in the language in force (a method file's own title passes through untranslated).

    `short` drops a standard's full Chinese title and keeps its number (`GB/T 39335-2020 附录D`), for figures.
    """
    text = _(title) if title else title
    return re.sub(r"《[^》]*》（([^）]*)）", r"\1 ", text).strip() if short else text


def words(value: Any) -> str:
    """An id in words (`very_high` -> `very high`), for values no table names."""
    return str(value or "").replace("_", " ").strip()


def category_name(key: Any) -> str:
    """A taxonomy category for the reader, in the language in force.

    In English the words of its key's last two parts (`contact email`), in another language its name from the
    taxonomy, translated (`电子邮件地址`); a key the taxonomy lacks stays in words.
    """
    parts = str(key or "").split(".")
    plain = words(" ".join(parts[-2:]) if len(parts) > 2 else parts[-1])
    if current_language() == "en":
        return plain
    from pia.declare.taxonomy import load_taxonomy

    tax = load_taxonomy()
    return _(tax[str(key)].name) if str(key) in tax else plain


def event_name(event: str) -> str:
    """A feared event's name."""
    return _(EVENT_NAMES[event]) if event in EVENT_NAMES else words(event)


def control_name(control: str) -> str:
    """A security control's name."""
    return _(CONTROL_NAMES[control]) if control in CONTROL_NAMES else words(control)


def control_action(control: str) -> str | None:
    """What a manager is asked to do for a control, or None for a control the kit does not know."""
    return _(CONTROL_ACTIONS[control]) if control in CONTROL_ACTIONS else None


def framework_name(framework: str) -> str:
    """A screening framework's name."""
    return _(FRAMEWORK_NAMES[framework]) if framework in FRAMEWORK_NAMES else words(framework).upper()


def level_name(level: str, grid: Mapping[str, Any], scale: str = "risk") -> str:
    """A level by the method's own label, without a bracketed term in another script (`high (高)` -> `high`).

    In Chinese the bracketed term is the name (`high (高)` -> `高`); other labels are translated word by word,
    keeping a leading rank (`2 limited` -> `2 有限`).
    """
    label = str(((grid.get("labels") or {}).get(scale) or {}).get(level) or words(level))
    other = _OTHER_SCRIPT.search(label)
    if current_language() == "zh":
        if other:
            return other.group(1).strip()
        rank, word = re.fullmatch(r"(\d+ )?(.*)", label).groups()  # type: ignore[union-attr]
        return (rank or "") + _(word)
    return _OTHER_SCRIPT.sub("", label)


def _people(reason: str) -> str:
    """`1,200,000` in a reason as `1.2 million` (`120万` in Chinese): plain words for a manager."""
    m = re.search(r"([\d,]{5,})", reason)
    if not m:
        return ""
    n = int(m.group(1).replace(",", ""))
    if current_language() == "zh":  # Chinese counts large numbers in 万 (10,000)
        return f"{n / 10_000:.1f}".rstrip("0").rstrip(".") + "万" if n >= 10_000 else f"{n:,}"
    return f"{n / 1_000_000:.1f}".rstrip("0").rstrip(".") + " million" if n >= 1_000_000 else f"{n:,}"


def _element(ident: str, names: Mapping[str, str]) -> str:
    name = re.sub(r"\s*\([^)]*\)", "", names.get(f"data_elements[{ident}]", words(ident)))  # the gist, not the detail
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def plain_factor(factor: Mapping[str, Any], names: Mapping[str, str] | None = None) -> str:
    """One risk factor in a few plain words (`passwords of 1.2 million people`), from its rule and reason.

    Factors whose rule is not known keep their reason up to its first colon, ids in words. `names` maps
    `data_elements[id]` to an element's name (`pia.report.data.manifest_names`).
    """
    return listing(_factor_texts(factor, names))


def _factor_texts(factor: Mapping[str, Any], names: Mapping[str, str] | None = None) -> list[str]:
    """The plain words of one factor: one text, or one per exposure gist (`likelihood.exposure`)."""
    rule = str(factor.get("rule", ""))
    reason = str(factor.get("reason", ""))
    if rule == "impact.base":
        m = re.match(r"most harmful data: ([^(]+)", reason)
        return [_("holds {element}", element=_element(m.group(1).strip(), names or {})) if m
                else _("the data held")]
    if rule == "impact.sensitive_scale":
        return [_("sensitive data of {people} people", people=_people(reason)) if _people(reason)
                else _("sensitive data on a large scale")]
    if rule == "likelihood.scale":
        return [_("{people} people concerned", people=_people(reason)) if _people(reason)
                else _("a large number of people")]
    if rule == "impact.vulnerable":  # children, or the other vulnerable people of WP248 criterion 7 (employees, ...)
        return [_("children's data") if re.search(r"minors under|children's data", reason)
                else _("vulnerable people's data")]
    simple = {"likelihood.processors": N_("handled by processors"),
              "likelihood.recipients": N_("given to other recipients"),
              "likelihood.internet_facing": N_("devices reachable from the internet"),
              "likelihood.cross_border": N_("sent abroad"), "likelihood.abroad": N_("sent abroad")}
    if rule in simple:
        return [_(simple[rule])]
    if rule in {"likelihood.controls_missing", "likelihood.controls_ineffective"}:
        found = re.findall(r"([a-z_]+) \((planned|missing)\)", reason)
        if found:
            return [listing([_("{control} only planned", control=control_name(c)) if s == "planned"
                             else _("{control} missing", control=control_name(c)) for c, s in found], ";")]
        return [_("controls not in place")]
    if rule == "likelihood.exposure":  # "... group title: rating (gist: detail); ..." per factor group
        # a GB/T group title ends in its Chinese words in parentheses, a CNIL one in plain words: both before ": N ("
        found = [(float(r), g.strip()) for r, g in re.findall(r": (\d+(?:\.\d+)?) \(([^:;(]+)", reason)]
        gists = [_("many people concerned") if g == "scale" else _(g) for r, g in found if r > 0 and g]
        return gists or [_("exposure of the data")]
    return [words(reason.split(":")[0])]


def main_factors(activity: Mapping[str, Any], event: str, stage: str = "residual", limit: int = 4,
                 names: Mapping[str, str] | None = None) -> list[str]:
    """The steps that raised an activity's risk for one feared event, in plain words, without repeats."""
    out: list[str] = []
    for f in activity.get("factors", []) or []:
        if not isinstance(f, Mapping) or f.get("stage") != stage or f.get("feared_event") != event:
            continue
        before, after = f.get("before"), f.get("after")
        if f.get("rule", "").endswith(".base") and str(f.get("axis")) == "likelihood":
            continue  # "no exposure counted yet": the starting point, not a factor
        if before is not None and before == after:
            continue
        if str(f.get("rule", "")).endswith(("controls_implemented", ".measures")) \
                or str(f.get("rule", "")) == "impact.feared_event":
            continue  # these lower the risk: the factors shown are what keeps it high
        for text in _factor_texts(f, names):
            if text and text not in out:
                out.append(text)
    return out[:limit]


__all__ = [
    "CONTROL_ACTIONS",
    "CONTROL_NAMES",
    "EVENT_NAMES",
    "FRAMEWORK_NAMES",
    "EXPOSURE_GISTS",
    "LEVEL_WORDS",
    "MEASURE_NAMES",
    "METHOD_TITLES",
    "RECONSENT_KINDS",
    "SCREENING_NAMES",
    "STAGE_NAMES",
    "TRIGGER_NAMES",
    "control_action",
    "control_name",
    "event_name",
    "framework_name",
    "level_name",
    "listing",
    "main_factors",
    "method_title",
    "number",
    "plain_factor",
    "words",
]
