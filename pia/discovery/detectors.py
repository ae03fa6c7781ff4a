"""Detectors of personal data in table columns: the detector catalogue and the judgement on a column.

Detectors are data (`DETECTORS`, with value tests from `pia.discovery.value_patterns`); `classify_column` is the pure
judgement that turns a column's name and a profile of its sampled values into a category, a confidence and evidence.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from pia.discovery import lexicon, person_keys
from pia.discovery.value_patterns import (
    IPV4_RE,
    VALUE_PATTERNS,
    decimals,
    decode_base64_text,
    hash64_shares,
    is_base64_blob,
    is_boolean_word,
    is_cn_city,
    is_dialable,
    is_digest,
    is_identifier_shape,
    is_international_number,
    is_long_dialable,
    is_network_address,
    is_password_hash,
    is_phone,
    is_private_ip,
    is_random_token,
    is_uuid,
    parse_date,
)
from pia.discovery.vocabulary import (
    RACE_CATEGORY_NAME,
    expand_name,
    is_bmi_class,
    is_bmi_class_or_normal,
    is_encrypted_envelope,
    is_marital_status,
    is_personal_device_host,
    is_race_category,
    is_religion,
    is_sexual_orientation,
    is_withheld_answer,
    split_table_prefix,
    strip_ordinals,
)

# --------------------------------------------------------------------------- column names


@lru_cache(maxsize=4096)
def normalise_name(name: str) -> str:
    """`userPhoneNo`, `User Phone-No` -> `user_phone_no`; CJK characters are kept as they are."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", str(name))
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", text)
    text = re.sub(r"[^0-9a-zA-Z\u3400-\u9fff]+", "_", text).strip("_").lower()
    return text


def words(*alternatives: str) -> str:
    """A regex matching any of the alternatives as whole `_`-separated tokens of a normalised name.

    Longer alternatives are tried first, so a match reaches as far as the name allows (`country_id` over
    `country`): where a match ends tells the head noun.
    """
    return r"(?:^|_)(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + r")(?:_|$)"


# A `uid` qualified by a thing rather than a person keys that thing (`photo_uid`, `album_uid`, `file_uid`).
_THING_UID = (r"^(photo|photos|image|picture|video|file|files|album|albums|media|document|doc|folder|asset|post|page"
              r"|event|message|marker|label|camera|lens|place|cell|item|object|share|link)_uid$")


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
    `needs_values`: the name is too common to decide alone; values must confirm it.
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
    needs_values: bool = False  # the name alone is not enough: values must confirm it

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


# Last words of tables that keep things about people (their credentials, sessions, inboxes, devices), not the people.
_ABOUT_PEOPLE_TABLES = (r"(?:^|_)(credentials|credential|inboxes|inbox|sessions|session|tokens|token|logs|log|events"
                        r"|roles|groups|settings|preferences|prefs|addresses|devices|attributes|permissions|notes|tags"
                        r"|messages|conversations|keys|consents|history|audits|audit|links|mappings|relations"
                        r"|identities|auths|authorizations|orders|payments"
                        # one row per address, email or phone number of a person (`account_address`, `user_email`)
                        r"|address|emails|email|phones|phone|phone_numbers)$")
# (holdout13 classes) `<people>_<head>`: a table named for a thing people have (`person_name`, `patient_identifier`,
# `student_courseenrollment`): its head noun (glued words too) says what one row is, and it is not a person. A head
# that names no such thing (an application's name: `users_mastodon`) leaves the table one of people.
_PEOPLE_WORDS = (r"users|user|accounts|account|customers|customer|members|member|profiles|profile|partner|partners"
                 r"|contacts|contact|persons|person|people|clients|client|patients|patient|students|student|employees"
                 r"|employee|subscribers|subscriber|staff")
_THING_OF_PEOPLE = (r"names|name|identifiers|identifier|enrollments|enrollment|enrolments|enrolment|registrations"
                    r"|registration|memberships|membership|assignments|assignment|grades|grade|scores|score|results"
                    r"|result|relationships|relationship|visits|visit|encounters|encounter|attendances|attendance"
                    r"|documents|document|photos|photo|images|image|files|file|programs|program|courses|course")
# long words that end a glued head (`courseenrollment`, `nickname`); short ones (`file`, `course`) only alone
_GLUED_THING = (r"names|name|identifiers|identifier|enrollments|enrollment|enrolments|enrolment|registrations|registration"
                # (holdout16 classes) Django's `employee_employeebankdetails`: a row of a person's details is not the person
                r"|details|detail")
_PEOPLE_THING_TABLES = (r"(?:^|_)(?:" + _PEOPLE_WORDS + r")_(?:(?:" + _THING_OF_PEOPLE + r")|[a-z0-9]+(?:" + _GLUED_THING
                        + r"))$")
ACCOUNT_TABLES = words("users", "user", "accounts", "account", "customers", "customer", "members", "member",
                       "profiles")
_HASHED = words("hash", "hashed", "sha1", "sha256", "sha512", "md5", "digest")
# Tables whose rows are people (holdout9 classes): a patient's or student's record is a person's, as a user's is.
_PEOPLE_ROW_TABLES = (r"(?:^|_)(users|user|accounts|account|customers|customer|members|member|profiles|contacts|contact"
                      r"|persons|person|people|clients|patients|patient|students|student|employees|employee|staff"
                      r"|applicants|applicant|borrowers|borrower)(?:_|$)|客户|会员|用户|员工|患者|病人")
# Tables of health readings or records (vitals forms, observations, check-ups).
_HEALTH_TABLES = words("vitals", "vital", "vital_signs", "vitalsigns", "health", "medical", "clinical", "observations",
                       "observation", "measurements", "biometrics", "checkup", "checkups", "encounters",
                       "encounter") + r"|体检|健康|病历|体征"

# Order matters only between detectors whose name patterns end at the same place: the detector whose match ends
# last (the head noun of the name: `Card Address City` is a city) wins, then the longest match (`out_trade_no` is
# an order number, not a `trade_no`), then the first in this catalogue.
DETECTORS: tuple[Detector, ...] = (
    Detector("hashed_identifier", "user.id.pseudonymous", "hash of an email, phone or device id (pseudonymous id)",
             names=(r"(?:^|_)(email|mail|phone|mobile|msisdn)_(hash|hashed|sha1|sha256|md5|digest)(?:_|$)",
                    r"(?:^|_)(hashed|sha256|md5)_(email|mail|phone|mobile)(?:_|$)",
                    r"(?:^|_)(did|dpid|mac|ifa|idfa|imei|android_id)_?(sha1|sha256|md5)(?:_|$)"),
             confirm=("digest",)),
    Detector("verification_code", "user.device.camera.verification_code",
             "device verification or binding code (a secret)",
             names=(words("verification_code", "verify_code", "verif_code", "binding_code", "bind_code",
                          "device_code", "activation_code", "yanzhengma", "verification_code_hash"),
                    r"验证码|绑定码"),
             confirm=("password_hash", "digest", "short_code"), secret=True),
    Detector("token", "user.authorization.credentials.token", "session, API, reset or activation token (a secret)",
             names=(words("token", "access_token", "refresh_token", "auth_token", "api_token", "api_key", "apikey",
                          "session_token", "secure_key",
                          # (holdout14 classes) the cookie a login session rides on holds the session's id: a secret
                          "session_cookie", "sess_cookie", "auth_cookie", "login_cookie", "remember_cookie",
                          "activation_key", "reset_token", "rp_token",
                          # (holdout18 classes) a signup or login key mailed to the customer (A2Billing `loginkey`)
                          "loginkey", "login_key",
                          # a key derived per login session (WeChat mini-program `session_key`): a secret anywhere
                          "session_key", "reset_password_token", "password_reset_token",
                          "confirmation_token", "remember_token", "auth", "authtoken", "lingpai",
                          # an activation key, and a per-user random salt that form (CSRF) keys are derived from
                          "actkey", "act_key", "activation_key", "form_salt", "form_key", "csrf_secret"), r"令牌"),
             veto=(words("token_type", "token_count", "csrf_token_name"),),
             confirm=("random_token", "digest", "password_hash"), secret=True),
    # A secret of unnamed kind: a token unless its values are password hashes (then a password credential).
    Detector("secret", "user.authorization.credentials.token", "secret (token or key) of unnamed kind",
             names=(words("secret", "secret_key", "client_secret", "secret_token",
                          "secret_data", "secret_value"), r"密钥"),
             veto=(words("secret_question",),),
             confirm=("random_token", "digest"), secret=True),
    # `session_id` also names analytics visits and sleep or workout sessions: a login session only in a table of
    # sessions or tokens.
    Detector("session_token", "user.authorization.credentials.token", "login session id (a secret)",
             names=(words("session_id", "sessionid", "sid", "session_key"),),
             tables=(r"^(sessions|session|user_sessions|user_session|login_sessions|login_session|auth_sessions|django_session|authtoken"
                     r"|oc_authtoken|auth_tokens|access_tokens|tokens|logins)$"),
             confirm=("random_token", "digest"), secret=True),
    # Outside a login-session store, a random session id marks one visitor's visit (web analytics): the id a
    # browser cookie or the device carries. Sequential codes (a sleep or workout session) are record keys.
    Detector("visit_session", "user.device.cookie_id", "visitor session id (analytics visit)",
             names=(words("session_id", "sessionid", "visit_session_id", "ga_session_id"),),
             confirm=("uuid", "random_token", "digest"), needs_values=True),
    # A second factor's shared secret (TOTP seed) proves who logs in as a password does: a credential.
    Detector("mfa_secret", "user.authorization.credentials", "second-factor (TOTP/MFA) secret (a credential)",
             names=(words("mfa_secret", "totp_secret", "otp_secret", "two_factor_secret", "twofactor_secret",
                          "tfa_secret", "2fa_secret", "mfa_key", "totp_key", "otp_key", "google_auth_secret",
                          "authenticator_secret",
                          # one-time emergency (backup, recovery) codes log a person in when the second factor is
                          # lost: credentials as the second factor's secret is
                          "otep", "backup_codes", "recovery_codes", "otp_backup_codes", "mfa_backup_codes",
                          "otp_recovery_codes", "mfa_recovery_codes", "two_factor_recovery_codes",
                          "emergency_codes", "scratch_codes", "backup_code", "recovery_code"),
                    r"备用码|恢复码|应急码"),
             confirm=("random_token", "base64_blob"), secret=True),
    Detector("credentials", "user.authorization.credentials", "password or password hash (a secret)",
             names=(words("password", "passwd", "pwd", "pass", "user_pass", "pass_hash", "passhash", "password_hash",
                          "pw_hash", "hashedpassword", "hashed_password", "mima", "passcode", "pin_hash",
                          # (holdout13 classes) HTTP digest's HA1 = MD5(user:realm:password) (RFC 7616) logs the
                          # account in as the password does: SIP servers and web servers keep it instead of the password
                          "ha1", "ha1b", "ha1_hash", "a1_hash", "digest_ha1", "md5secret", "md5_secret",
                          # (holdout18 classes) the password of a customer portal or web interface
                          "uipass", "ui_pass", "ui_password", "webpass", "web_pass", "web_password", "portal_pass",
                          "portal_password"),
                    r"密码|口令"),
             veto=(words("password_changed", "password_updated", "password_reset_at", "password_expires",
                         "password_policy", "last_password_change", "changed_at", "updated_at", "reset_at",
                         "expires_at", "expiry", "policy", "passport", "bypass",
                         # a salt is random bytes stored beside a hash: it proves nothing alone
                         "salt", "password_salt", "passwordsalt", "pwd_salt", "pass_salt"),),
             confirm=("password_hash", "digest", "hash_json", "json_password_hash"),
             value_only=("password_hash", "hash_json", "json_password", "json_password_hash"), secret=True),
    Detector("url_credentials", "user.authorization.credentials.url", "credentials embedded in a URL (a secret)",
             confirm=("url_credentials",), value_only=("url_credentials",), secret=True),
    Detector("national_id", "user.government_id.national_identification_number", "Chinese resident ID number",
             names=(words("id_card", "idcard", "id_card_no", "id_number", "national_id", "shenfenzheng", "sfz",
                          "sfzh", "resident_id", "citizen_id", "nric", "ssn", "social_security",
                          "social_security_number", "social_insurance", "social_insurance_number", "national_id_number",
                          "national_insurance_number", "nino", "tax_file_number", "personnummer", "bsn", "cpf"),
                    # a bare `sin` is as often a sine: the social insurance number only with a number word
                    r"(?:^|_)sin_(num|no|nr|number)(?:_|$)", r"身份证"),
             # the number of a caller ID (`caller_id_number`) is a phone number, not an identity document's
             veto=(r"(?:^|_)(caller|callee)_id(?:_|$)",),
             confirm=("cn_id", "us_ssn", "ca_sin"), value_only=("cn_id",)),
    # A driving licence: a government id with no finer category in the taxonomy.
    Detector("driving_licence", "user.government_id", "driving licence number",
             names=(words("driver_license", "drivers_license", "driving_license", "driver_licence", "drivers_licence",
                          "driving_licence", "dri_lice", "drv_lic", "dl_number", "dl_no", "license_number_driver",
                          "jiazhao"),
                    r"驾驶证|驾照")),
    Detector("passport", "user.government_id.passport_number", "passport number",
             names=(words("passport", "passport_no", "passport_number", "huzhao"), r"护照")),
    Detector("payment_card", "user.financial.account_number", "payment card number",
             names=(words("card_no", "card_number", "cardnumber", "card_num", "pan", "cc_number", "credit_card",
                          "bank_card", "yinhangka", "kahao"), r"银行卡|卡号"),
             veto=(words("masked", "last4", "last_4", "last_four", "bin", "card_type", "card_brand", "brand"),),
             confirm=("card", "card_track"), value_only=("card", "card_track")),
    Detector("payment_account", "user.financial.account_number", "payment account (Alipay, WeChat Pay, PayPal login)",
             names=(words("alipay_account", "alipay", "buyer_logon_id", "buyer_alipay", "paypal_email",
                          "payer_email", "wechat_pay_account",
                          "counterparty_account", "payee_account", "payer_account"),
                    # the other party's account in a payment bill is an account too
                    r"支付宝账号|支付宝帐号|付款账号|收款账号|支付账号|对方账号|对方帐号|对方账户"),
             confirm=("email", "phone")),
    Detector("bank_account", "user.financial.bank_account", "bank account number",
             names=(words("iban", "bank_account", "account_no_bank", "bank_acct", "yinhang_zhanghao"),
                    r"银行账号"),
             # (holdout14 classes) a cheque's MICR line carries the bank's routing number and the account number
             confirm=("micr_line",), value_only=("micr_line",)),
    Detector("payment", "user.payment", "payment reference (charge, card id, last four digits, card fingerprint)",
             names=(words("payment_id", "payment_ref", "payment_reference", "transaction_id", "txn_id",
                          "trade_no", "pay_id", "zhifu_liushui", "charge_id", "payment_intent", "payment_intent_id",
                          "payment_method_id", "card_id", "card_last4", "last4", "last_4", "cc_last_4", "cc_last4",
                          "last_four", "card_fingerprint", "cc_trans_id", "trans_id", "last_trans_id",
                          "card_token",
                          # (holdout17 classes) a card's last digits and expiry as a payment provider returns them
                          # (schemas.yaml labels a card's last four and expiry `user.payment`)
                          "card_last_digits", "last_digits", "card_last_four", "card_expiry", "card_exp",
                          "card_expiration", "card_exp_date"),
                    # the payment platform's transaction number (交易订单号 is a transaction's, not a shop's, order)
                    r"支付流水|交易号|交易单号|交易订单号|交易流水号|支付单号|支付订单号",
                    # the payment platform's own number for a payment or a refund (WeChat Pay, Alipay, UnionPay)
                    r"(微信|支付宝|财付通|银联|云闪付|平台)(支付)?(订单号|退款单号|退款号|交易号|流水号|单号)",
                    # the bank and card type that paid (WeChat Pay `bank_type`: `CMB_CREDIT`): the payment method
                    r"付款银行|支付银行|付款卡|^(pay_bank|payer_bank|payment_bank)$"),
             confirm=("payment_ref", "short_code", "random_token"), value_only=("payment_ref",)),
    # A payment method named by its card's last four digits (`招商银行信用卡(6789)`, `Visa Debit 4321`) tells which
    # card paid, whatever the column is called; wallets and balances mixed in do not make it less so.
    Detector("card_tail", "user.payment", "card named with its last four digits (the card that paid)",
             confirm=("card_tail",), value_only=("card_tail",)),
    Detector("email_engagement", "user.behavior.email_engagement", "email opens and link clicks",
             names=(r"(?:^|_)(email|mail)_(open|opened|opens|click|clicked|clicks)(?:_|$)",
                    words("opened_at", "clicked_at", "link_clicked", "open_count", "click_count"),
                    # a mailing list's rating or score of a member, computed from the member's opens and clicks
                    # (Mailchimp's member rating, a contact's engagement score)
                    r"^(member|subscriber|contact|recipient|audience_member)_(rating|score|stars|engagement"
                    r"|engagement_score|engagement_rating)$|^(email_)?engagement_(score|rating|level)$")),
    Detector("consent", "user.authorization.consent", "consent record (opt-ins, marketing acceptance)",
             names=(words("consent", "consents", "consent_id", "guardian_consent", "consent_scope",
                          "parental_consent", "opt_in", "optin", "accepts_marketing", "accepts_email_marketing",
                          "accepts_sms_marketing", "marketing_opt_in", "newsletter", "subscribed", "subscribe", "tongyi",
                          "shouquan",
                          # an opt-out is the same consent record read the other way (withdrawn or refused)
                          "unsubscribed", "unsubscribe", "opted_out", "opt_out", "optout", "email_opt_out",
                          "marketing_opt_out", "do_not_email", "do_not_contact", "do_not_call", "donotcall"),
                    # (holdout15 classes) the person's objection to a channel or a use (a CRM's `do_not_mail`,
                    # `do_not_sms`, `do_not_trade`): the same opt-out, whatever channel it names
                    r"(?:^|_)(do_not|donot|dont)_(e_?mail|mail|post|postal|phone|call|calls|sms|text|texts|fax|trade"
                    r"|sell|share|contact|solicit|market|marketing|track|tracking|profile|profiling|email_marketing)$",
                    # (holdout20 classes) the same objection worded as "no <channel or use>" (a donor CRM's
                    # `p_no_solicitations_l`: the donor asked for no appeals), with a one-letter type tag
                    r"(?:^|_)no_(solicitations?|solicit|appeals?|mailings?|marketing|calls|emails?|sms|contact)(_[a-z])?$",
                    # acceptance of a policy or terms, also written as one word (`policyagreed`)
                    r"(?:^|_)(policy|terms|tos|privacy|eula|gdpr)_?(agreed|accepted|acceptance|agreement|consent)(?:_|$)",
                    r"(?:^|_)(agreed|accepted)_?(to_)?(policy|terms|tos|privacy|eula)(?:_|$)",
                    r"同意|授权|退订|拒收",
                    # (holdout14 classes) whether to send the person a newsletter or offers (`SendNewsLetter`,
                    # `receive_offers`): the person's opt-in, however the flag is worded
                    r"^(send|receive|receives|get|gets|want|wants|wants_to_receive)_(\w+_)?(newsletters?|news_letters?"
                    r"|marketing|promotions?|promo|offers|mailings?)$",
                    # a permission a person gives to be contacted or tracked (`AllowMarketing`, `user_allow_massemail`)
                    r"^(user_|customer_|member_)?(allow|allows|allowed|accept|accepts|accepted|agree|agrees|agreed"
                    r"|permit|permits)_(\w+_)?(marketing|mass_?email|massemail|newsletters?|promotions?|promo|offers"
                    r"|sms|emails?|mail|mailing|ads|advertising|tracking|cookies|contact|data_sharing|profiling)$"),
             # (holdout12 classes) opting in to a security feature (two-factor sign-in) is an account setting, not
             # consent to processing
             veto=(words("cookie_consent_banner", "two_factor", "2fa", "mfa", "totp", "second_factor"),)),
    Detector("pixel_event", "user.device.pixel_event", "web beacon or pixel-tag event",
             names=(words("pixel", "pixel_event", "beacon", "web_beacon"),)),
    Detector("email", "user.contact.email", "email address",
             names=(words("email", "e_mail", "mail", "email_address", "mail_address", "youxiang", "init", "emails",
                          "email_addresses"),
                    r"邮箱|电子邮件"),
             veto=(words("sender", "from_address", "noreply", "mail_server", "smtp"),),
             confirm=("email",), value_only=("email",)),
    Detector("phone", "user.contact.phone_number", "phone number",
             names=(words("phone", "phone_no", "phone_number", "mobile", "mobile_no", "tel", "telephone",
                          # (holdout16 classes) a list of them (a help desk's `phones`, one JSON list per customer)
                          "phones", "phone_numbers", "telephones", "mobiles",
                          "cellphone", "cell", "msisdn", "shouji", "shoujihao", "dianhua", "lianxi_dianhua",
                          # a fixed line and a fax line reach the person (or their desk) as a phone does
                          "landline", "fax", "fax_number", "fax_no", "zuoji", "guhua", "chuanzhen"),
                    r"手机|电话|联系方式|座机|固话|传真",
                    # (holdout13 classes) the number a person gets text messages at, named by the channel alone
                    r"^(sms|sms_number|sms_no|sms_phone|sms_mobile|text_number)$"),
             veto=(words("order", "order_no", "order_id", "order_number", "invoice", "tracking", "ref",
                         "reference", "seq", "sequence", "os", "app", "brand", "model", "version",
                         "verified", "is_verified", "country_code"),),
             confirm=("phone", "caller_id"), value_only=("phone", "caller_id")),
    Detector("ip_address", "user.device.ip_address", "IP address",
             names=(words("ip", "ip_address", "ip_addr", "ipaddr", "client_ip", "remote_addr", "remote_ip",
                          "login_ip", "source_ip", "src_ip", "ipv4", "ipv6", "hostname", "x_forwarded_for",
                          "forwarded_for", "http_x_forwarded_for", "real_ip", "x_real_ip"), r"IP地址",
                    # (holdout17 classes) a survey export's "came from IP" (问卷星 来自IP): the respondent's address
                    r"(来自|来源)ip$|ip(地址|来源)$"),
             # (holdout12 classes) the address of the serving side of a request (a CDN's origin, an upstream or
             # backend server, an edge node) is the operator's machine, not the visitor's
             veto=(_NOT_PERSONAL, words("origin", "origin_ip", "upstream", "upstream_ip", "upstream_addr", "backend",
                                        "backend_ip", "edge_ip", "edge_server_ip", "server_ip", "server_addr"),
                   # (holdout15 classes) ... and so is the address of the provider's network equipment (a RADIUS NAS,
                   # a BRAS, a gateway, a router, an access point or its controller), glued or not (`nasipaddress`)
                   r"(?:^|_)(nas|bras|gateway|gw|router|switch|access_point|wlc|controller|server|upstream|backend"
                   r"|origin)_?(ip_?address|ip_?addr|ip|address|addr)$"),
             # (holdout12 classes) a short log message quoting the address (`IP address: 203.0.113.7`) holds it too
             # (holdout13 classes) an address kept as packed bytes and dumped as hex confirms the name (never alone);
             # a registrar's SIP URI of the sender's IP and port is the address whatever the column is called
             confirm=("ip", "ip_port", "ip_in_text", "ip_hex", "sip_source"),
             value_only=("ip", "ip_port", "ip_in_text", "sip_source")),
    # (holdout15 classes) the address a VPN or an access server gives the person's device for the session (OpenVPN's
    # Virtual Address, RADIUS Framed-IP-Address): private or not, the device's. `virtual address` also names a postal
    # service, so the values must be IP addresses.
    Detector("assigned_ip", "user.device.ip_address", "IP address a VPN or access server assigned to the device",
             names=(r"(?:^|_)(virtual|tunnel|vpn|framed|assigned|leased|dhcp_lease)_?(ip_?address|ip_?addr|ip|address"
                    r"|addr)$",),
             confirm=("ip", "ip_port"), needs_values=True),
    Detector("mac_address", "user.device.mac_address", "MAC address",
             names=(words("mac", "mac_address", "mac_addr", "wifi_mac", "bssid", "macaddress"), r"MAC地址"),
             confirm=("mac",), value_only=("mac",)),
    Detector("user_agent", "user.device.user_agent", "browser or app user-agent string",
             names=(words("user_agent", "useragent", "ua", "agent", "http_user_agent", "browser_ua", "client_ua"),),
             confirm=("user_agent",), value_only=("user_agent",)),
    Detector("advertising_id", "user.device.advertising_id", "advertising identifier (IDFA, GAID, OAID)",
             names=(words("idfa", "gaid", "oaid", "aaid", "adid", "ad_id", "advertising_id", "ifa", "google_aid",
                          "android_ad_id", "huawei_oaid", "google_advertising_id"),),
             confirm=("uuid", "digest")),
    Detector("vendor_id", "user.device.device_id.vendor", "vendor-scoped device identifier (IDFV, Android ID)",
             names=(words("idfv", "ios_ifv", "ifv", "android_id", "androidid", "vendor_id", "identifier_for_vendor"),),
             confirm=("uuid", "digest")),
    Detector("imei", "user.device.device_id.imei", "hardware identifier (IMEI, MEID)",
             names=(words("imei", "meid", "imei1", "imei2"), r"串号"),
             confirm=("imei",), value_only=("imei",)),
    Detector("cookie_id", "user.device.cookie_id", "cookie identifier",
             names=(words("cookie", "cookie_id", "ga", "ga_cookie", "client_cookie", "visitor_id", "idvisitor",
                          "cookie_value", "tracking_cookie", "user_pseudo_id", "pseudo_id", "anonymous_id"),),
             veto=(words("cookie_pref", "cookie_prefs", "cookie_consent", "cookie_banner"),),
             confirm=("cookie", "uuid", "ga_client_id", "digest"), value_only=("cookie", "ga_client_id")),
    Detector("camera_serial", "user.device.camera.serial_number", "camera serial number",
             names=(words("serial", "serial_no", "serial_number", "xuliehao", "serialnumber"), r"序列号",
                    # `sn` abbreviates any document's serial number in shop schemas (`order_sn`, `goods_sn`,
                    # `ship_sn`, `refund_sn`): a device's only bare or qualified by a device word
                    r"^sn$|(?:^|_)(device|dev|camera|cam|ipc|nvr|dvr|hardware|hw|equipment|machine|terminal|router"
                    r"|gateway|sensor|meter|tracker|watch|phone|handset)_?sn(?:_|$)"),
             # a serial number qualified by a shipment, an invoice or an order is that document's number
             veto=(words("sku", "product", "model", "part_no", "batch", "lot", "delivery", "shipping", "express",
                         "waybill", "logistics", "tracking", "invoice", "bill", "order", "coupon", "refund", "ship",
                         "shipment", "parcel", "package", "freight", "consignment"),),
             confirm=("serial",)),
    # An MQTT client id names one connection of one device or app install to a broker (the broker's ACL and user
    # tables key rules by it): the device's id.
    Detector("mqtt_client_id", "user.device.device_id", "MQTT client id (one device or app install)",
             names=(words("clientid", "client_id", "mqtt_client_id"),),
             tables=r"(?:^|_)(mqtt|emqx|mosquitto|broker|iot)(?:_|$)"),
    Detector("device_id", "user.device.device_id", "device or app-install identifier",
             names=(words("device_id", "deviceid", "camera_id", "device_uid", "did", "shebei_id", "udid",
                          "apps_flyer_id", "appsflyer_id", "install_id", "installation_id", "uniqueid", "unique_id",
                          "device_tag",
                          # (holdout18 classes) TIA/3GPP2 electronic serial number (a handset's or a streaming
                          # device's serial, unique per device; an MEID is the IMEI detector's)
                          "esn",
                          # a push-notification token (APNs, FCM, GCM) addresses one app install on one device: the
                          # device's id for the push service, not a secret that logs anybody in
                          "device_token", "devicetoken", "push_token", "pushtoken", "push_device_token", "fcm_token",
                          "fcm_registration_token", "apns_token", "gcm_token", "gcm_registration_id",
                          "firebase_token", "registration_token", "jpush_registration_id"),
                    r"设备ID|设备编号|推送令牌"),
             veto=(words("template_id", "model_id"),),
             # (holdout13 classes) a SIP `+sip.instance` (RFC 5626) names one device for good, whatever the column;
             # not a confirming pattern (one form among many: other device ids have none, their names decide alone)
             value_only=("sip_instance",)),
    Detector("browsing", "user.behavior.browsing_history", "pages visited (request line, referrer, page URL)",
             names=(words("referer", "referrer", "http_referer", "http_referrer", "referer_url", "referrer_url",
                          "page_referrer", "page_location", "page_url", "request_uri", "url_visited", "visited_url",
                          "landing_page", "lastpage", "last_page", "last_url", "last_visited_page",
                          "last_page_visited", "last_visited_url", "current_page",
                          # the first and last page of a visit, and a page's path, as analytics keep them
                          "entry_page", "exit_page", "entry_url", "exit_url", "entry_page_path", "exit_page_path",
                          "landing_page_path", "page_path", "page_pathname", "first_page", "page_uri",
                          # W3C extended log fields (IIS, CloudFront): the requested path and its query string
                          "cs_uri_stem", "cs_uri_query", "uri_stem", "uri_query", "query_string", "querystring",
                          "request_query", "request_path", "cs_uri", "cs_referer", "cs_referrer",
                          # (holdout18 classes) what a person typed into a site's search box (a streaming service's
                          # search history, a shop's site search): what they looked for
                          "query_typed", "search_query", "search_term", "search_terms", "searched_for",
                          "search_string", "search_text", "typed_query"),
                    r"(?:^|_)request(?:_line)?$"),
             confirm=("web_url", "request_line", "web_page"), value_only=("request_line",)),
    # (holdout18 classes) the title of what a person watched or listened to, in a log of their viewing or listening
    # (a streaming service's viewing activity): content the person viewed. A bare title elsewhere is a thing's.
    Detector("viewed_title", "user.behavior.browsing_history", "title a person watched or listened to (viewing log)",
             names=(words("title", "video_title", "show_title", "program_title", "programme_title", "episode_title",
                          "content_title", "track_title", "song_title",
                          # (holdout19/20 classes) the same titles kept as a media item's name (a streaming service's
                          # extended history: `master_metadata_track_name`, `episode_name`)
                          "track_name", "song_name", "episode_name", "show_name", "video_name", "movie_name",
                          "film_name", "podcast_name", "programme_name", "program_name", "audiobook_name",
                          "audiobook_title", "chapter_name", "chapter_title"),),
             tables=(r"(?:^|_)(viewing|watch|watching|watched|playback|listening|play|plays|streaming)"
                     r"_(activity|activities|history|histories|log|logs|events)$")),
    # A bare url or path (unqualified: `logo_url` names a thing) is a page a person visited only in a log of
    # their activity, and only when it holds web pages or URL paths (an image's or a recording's file is not).
    Detector("visited_path", "user.behavior.browsing_history", "page address in a log of visits or events",
             names=(r"^(url|url_path|page_path|pathname|path|uri|page|page_url|page_uri|request_path|request_url"
                    r"|full_url|page_address)$",),
             tables=words("event", "events", "website_event", "pageview", "pageviews", "page_views", "hits",
                          "hit", "visit", "visits", "log", "logs", "access_log", "requests", "clicks", "activity",
                          "history", r"log_\w+"),
             veto=(words("media", "file", "image", "video", "recording", "snapshot", "thumbnail"),),
             confirm=("web_page",), needs_values=True),
    Detector("language", "user.demographic.language", "language or locale preference",
             names=(words("language", "lang", "locale", "langcode", "preferred_langcode", "browser_lang",
                          "language_id", "lang_id", "id_lang", "locale_id",
                          "device_locale", "accept_language", "yuyan",
                          # the internationalisation (i18n) setting a person chose: their interface language
                          "i18n", "i18n_id", "i18n_code"), r"语言"),
             veto=(words("langcode_default", "default_langcode"),),
             confirm=("locale",)),
    Detector("city", "user.contact.address.city", "city",
             names=(words("city", "town", "chengshi"), r"城市|^(市|所在市|收件市|收货市)$")),
    Detector("postal_code", "user.contact.address.postal_code", "postal code",
             names=(words("zip", "zipcode", "zip_code", "postcode", "postal_code", "post_code", "postalcode",
                          "youbian"), r"邮编|邮政编码")),
    # India's postal code (PIN code): a postal code in a table of addresses; elsewhere a `pincode` may be a secret PIN.
    Detector("pin_postal_code", "user.contact.address.postal_code", "postal (PIN) code of an address",
             names=(words("pincode", "pin_code", "postal_pin"),),
             tables=r"(?:^|_)(address|addresses|shipping|billing|delivery|locations|location)(?:_|$)|地址"),
    Detector("country", "user.contact.address.country", "country",
             names=(words("country", "country_code", "country_id", "country_iso_code", "nation", "guojia",
                          # abbreviations of HR and ERP schemas
                          "coun_code", "cntry", "cntry_code", "ctry", "ctry_code", "country_cd"),
                    r"国家"),
             veto=(words("country_calling_code", "phone_country_code"),),
             confirm=("country_code",), value_only=("country_code",)),
    # Where a person was when clocking in or checking in (an attendance app's punch place, reverse-geocoded from the
    # phone's GPS fix): the person's position at that time, not a postal address they can be reached at.
    Detector("checkin_place", "user.location.precise", "place of a check-in or clock-in (position at that time)",
             names=(words("check_in_address", "checkin_address", "check_in_location", "checkin_location",
                          "clock_in_address", "clock_in_location", "punch_address", "punch_location",
                          "sign_in_address", "sign_in_location", "attendance_location", "attendance_address"),
                    r"(打卡|签到|签退|考勤)(地址|地点|位置)",
                    # (holdout19 classes) the place a field-work clock-in (外勤) was made at, start or end of the day
                    r"外勤\w{0,4}(地址|地点|位置)$")),
    # Where a trip began or ended (a ride's pickup and drop-off, reverse-geocoded from the phone's position): where the
    # person was at that time, as a check-in place is, not an address they can be reached at.
    Detector("journey_place", "user.location.precise", "place where a trip began or ended (position at that time)",
             names=(r"(?:^|_)(pickup|pick_up|dropoff|drop_off|trip_start|trip_end|trip_begin|begin_trip|end_trip"
                    r"|start_trip|ride_start|ride_end|boarding|alighting)_(address|addr|location|place|point|poi)$",
                    r"(上车|下车)(地点|地址|位置)$")),
    Detector("trip_place", "user.location.precise", "start or end place of a trip in a table of trips",
             names=(r"^(start|end|begin|origin|destination|from|to)_(address|addr|location|place|point|poi)$",
                    r"^(起点|终点)(地址|位置)?$"),
             tables=r"(?:^|_)(trip|trips|ride|rides|journey|journeys|travel|travels|taxi|rideshare)(?:_|$)"
                    r"|行程|出行|打车"),
    Detector("precise_location", "user.location.precise", "precise coordinates",
             names=(words("lat", "latitude", "lng", "lon", "long", "longitude", "geo", "gps", "coordinates",
                          "latlng", "lat_lng", "latlon", "location", "weidu", "jingdu", "zuobiao", "weizhi",
                          "geolocation", "geo_location", "geoip", "geo_ip", "latitude_e7", "longitude_e7",
                          "lat_e7", "lng_e7", "lon_e7"),
                    r"纬度|经度|坐标|位置"),
             veto=(words("location_id", "location_name", "storage_location", "locations", "longest",
                         "long_description",
                         # (holdout20 classes) the key or code of a location record, not a place
                         "location_key", "location_code", "location_no", "location_num", "location_ref",
                         "location_type"),),
             confirm=("latlon_pair", "geojson_point"), value_only=("latlon_pair", "json_coordinates", "geojson_point")),
    Detector("face", "user.biometric.facial_template", "face template or features",
             names=(words("face_template", "face_feature", "face_features", "face_embedding", "face_vector",
                          "face_id", "renlian", "faceprint"), r"人脸")),
    # (holdout12 classes) a face kept as the embedding vector a recogniser computed from it: numbers confirm
    Detector("face_embedding", "user.biometric.facial_template", "face embedding vector",
             names=(words("embedding", "embeddings", "embedding_json", "embeddings_json", "face_embeddings",
                          "face_vectors", "face_encoding", "face_encodings"),),
             # embeddings of text, documents or catalogue items are not anybody's face
             veto=(words("text", "word", "words", "sentence", "document", "doc", "chunk", "query", "title",
                         "description", "content", "product", "item", "sku", "catalog"),),
             veto_tables=words("products", "product", "items", "documents", "chunks", "catalog", "catalogue"),
             confirm=("float_vector",), needs_values=True),
    # (holdout12 classes) an IAM principal's ARN ends in the user's or session's name: the name they sign in with
    Detector("principal_arn", "user.account.username", "IAM principal ARN (ends in the user's name)",
             names=(words("arn", "user_arn", "principal_arn", "caller_arn", "identity_arn", "actor_arn"),),
             confirm=("principal_arn",), needs_values=True),
    # (holdout12 classes) an S2 cell of level 18 or finer is a position to tens of metres, whatever the column's name
    Detector("s2_cell", "user.location.precise", "S2 cell of a position (level 18 or finer)",
             names=(words("s2_cell", "s2_cell_id", "s2_token", "cell_token", "s2"),),
             confirm=("s2_cell",), value_only=("s2_cell",), needs_values=True),
    Detector("encoded_image", "user.content.encoded_image", "image encoded as text (base64, data URI)",
             names=(words("thumbnail_b64", "image_base64", "image_data", "photo_base64", "avatar_base64"),),
             confirm=("encoded_image",), value_only=("encoded_image",)),
    Detector("video", "user.content.video_recording", "video recording",
             names=(words("video", "video_url", "video_uri", "recording", "clip", "clip_url", "luxiang",
                          "playback"), r"录像|视频"),
             veto=(words("product", "catalog", "tutorial", "promo"),),
             confirm=("video_uri", "media_uri"), value_only=("video_uri",)),
    # A recorded call, voicemail or voice message: what the person said. `recording` also names videos: the values
    # (audio files) tell which (`_name_detector`).
    Detector("audio_recording", "user.content.private", "recorded call, voicemail or voice message (audio)",
             names=(words("recording", "recordingfile", "recording_file", "recording_url", "recording_path",
                          "record_file", "recordfile", "record_path", "record_url", "call_recording", "voicemail",
                          "voice_mail", "voicemail_file",
                          "voice_message", "voice_msg", "voice_note", "voice_memo", "audio", "audio_file", "audio_url",
                          "audio_path", "luyin"),
                    r"录音|语音(留言|消息|信箱|文件)"),
             veto=(words("product", "catalog", "tutorial", "promo", "music", "song", "track", "podcast", "ringtone",
                         "prompt", "greeting", "moh"),),
             # a catalogue's sound files (songs, episodes, ringtones, prompts) are nobody's conversation
             veto_tables=words("products", "product", "catalog", "catalogue", "songs", "song", "tracks", "music",
                               "podcasts", "podcast", "episodes", "sounds", "ringtones", "prompts", "audiobooks"),
             confirm=("audio_file",), needs_values=True),
    Detector("self_image", "user.content.self_image", "profile photo",
             names=(words("avatar", "profile_photo", "profile_picture", "headshot", "touxiang", "headimgurl", "headimg",
                          "head_img_url", "headimg_url", "avatar_url"), r"头像"),
             confirm=("media_uri", "encoded_image")),
    # A photo taken at a check-in or clock-in (an attendance app asks for one to prove who punched): the person's own
    # picture, as a selfie is.
    Detector("checkin_photo", "user.content.self_image", "photo taken at a check-in or clock-in (a selfie)",
             names=(words("selfie", "selfie_url", "selfie_photo", "check_in_photo", "checkin_photo", "clock_in_photo",
                          "punch_photo", "attendance_photo", "sign_in_photo"),
                    r"(打卡|签到|签退|考勤|自拍)(图片|照片|相片|拍照)\d*$"),
             confirm=("media_uri", "encoded_image")),
    # In a table of people, a picture, icon or portrait column holds each person's own picture (when its values are
    # images: a number there is the key of a file record).
    Detector("people_picture", "user.content.self_image", "a person's picture in a table of people",
             names=(words("icon", "picture", "photo", "image", "portrait", "pic", "head_img", "headimgurl",
                          "head_image", "user_icon", "avatar_url", "photo_url", "picture_url", "image_url"),),
             # (holdout10 classes) any table whose rows are people (`person`, `students`); an upload kept by its
             # path relative to the upload folder is a picture too
             tables=_PEOPLE_ROW_TABLES, confirm=("media_uri", "media_path"), needs_values=True),
    Detector("camera_snapshot", "user.content.camera_snapshot", "camera snapshot (image)",
             names=(words("snapshot", "snapshot_url", "snapshot_uri", "storage_uri", "image_url", "image_uri",
                          "image_path", "photo", "picture", "capture_url", "alarm_image", "alert_image",
                          "zhuapai", "jietu"), r"抓拍|截图|图片"),
             # (holdout12 classes) the title or caption of a picture is text about it, not the picture
             veto=(words("product", "catalog", "banner", "logo", "icon", "sku", "promo", "snapshot_id", "photo_id",
                         "image_id", "id", "uid", "count", "snapshot_count", "title", "caption", "description"),),
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
                          "lianxiren", "author", "cc_owner", "card_owner", "card_holder", "cardholder",
                          "holder_name", "account_holder", "middle_name", "middlename", "maiden_name",
                          "firstnamephonetic", "lastnamephonetic",
                          # the caller's or callee's name as telephony logs it (caller ID name, CNAM)
                          "cnam", "caller_name", "callee_name", "calling_name", "called_name", "caller_id_name",
                          "callerid_name", "calleridname", "callee_id_name", "calleeidname"), r"^contact$",
                    # an alias a member goes by (an English given name in a Chinese directory) names the person
                    r"姓名|收货人|收件人|联系人|别名|英文名",
                    # (holdout16 classes) the name a member shows in a QQ group (群名片): a real name, as a rule
                    r"群名片$"),
             veto=(words("user_name", "username", "product_name", "file_name", "filename", "device_name",
                         "host_name", "hostname", "table_name", "company_name", "bucket_name", "brand_name",
                         "app_name", "model_name", "sku_name", "item_name", "display_name_product",
                         "scope_name", "event_name", "column_name", "plan_name", "camera_name", "name_id",
                         "login_name", "nick_name", "screen_name", "domain_name", "brand", "url", "uri",
                         # a name qualified by a thing, not a person
                         "os", "app", "package", "version", "publisher", "tracker", "operator", "browser", "referer",
                         "referrer", "lineitem", "item", "product", "carrier", "campaign", "adset", "network",
                         "model", "device", "file", "host", "event", "plan", "store", "shop", "site", "source",
                         "medium", "channel", "media", "tag", "group", "category", "template", "theme", "queue",
                         "job", "class", "field", "key", "bundle", "region", "city", "country", "street", "mime",
                         "server", "service", "sdk", "vendor", "manufacturer", "monitor", "zone", "label",
                         # a short (display) name of a thing, the name of a workout, route or segment
                         "short", "short_name", "shortname", "activity", "workout", "route", "segment", "course",
                         "race", "team", "club",
                         # software that sent or handled the data (`context_library_name`, `plugin_name`)
                         "library", "lib", "plugin", "module", "integration", "component", "framework", "platform",
                         "engine",
                         # an audited or referenced record (`entity_name`), a resource
                         "entity", "resource", "object", "asset", "dashboard",
                         # (holdout16/17 classes) a business's or its premises' and products' name (`hotel_name`,
                         # `room_type_name`, `bank_name`, `branch_name`, `station_name`)
                         "hotel", "room", "type", "bank", "branch", "station", "property", "building", "venue", "door",
                         "gym", "office", "warehouse", "restaurant", "clinic", "school",
                         # (holdout19/20 classes) a media item's name (a song's, an episode's, a show's, a film's)
                         "track", "song", "episode", "show", "album", "playlist", "podcast", "movie", "film", "video",
                         "audiobook", "chapter"),
                   # an id's name is no person's; but the caller ID is one word of telephony (`caller_id_name`)
                   r"(?:^|_)(?<!caller_)(?<!callee_)id(?:_|$)",
                   # (holdout21 classes) a person's organisation (收件人单位, 工作单位: the unit, company or school
                   # the person belongs to) is not the person's name
                   r"(单位|公司|企业|机构|学校|部门|组织)(名称)?$"),
             ),
    # A device named after its owner (`Ana's iPhone`): wherever a record names the device that wrote it, it carries the
    # owner's first name (a health export's source, a device list, a Bluetooth or hotspot name).
    Detector("owner_device_name", "user.name", "device named after its owner (the owner's name)",
             confirm=("owner_device",), value_only=("owner_device",)),
    Detector("username", "user.account.username", "account username or nickname",
             names=(words("username", "user_name", "login", "login_name", "nickname", "nick_name", "screen_name",
                          "handle", "yonghuming", "nicheng", "remote_user", "nicename", "user_nicename",
                          "user_login",
                          # (holdout18 classes) a second login name of the account (A2Billing `useralias`)
                          "useralias", "user_alias", "login_alias"),
                    # a member's account (login) in a Chinese directory or export; a payment platform's account is
                    # `payment_account` (its longer name wins)
                    r"用户名|昵称|会员名|账号|帐号",
                    # (holdout13 classes) the account name on an instant messenger, named by the messenger alone
                    # (forum profiles: `skype`, `yahoo`, `aim`); an ICQ number is an id (`user_id`)
                    r"^(skype|skype_name|skype_id|skype_username|yahoo|yim|yahoo_messenger|aim|aim_name|msn_name)$"),
             veto=(words("login_at", "last_login", "login_time", "login_ip", "login_count"),),
             # a federated user id (`@login:server`) is the login the person chose, qualified by its server
             confirm=("qualified_handle",), value_only=("qualified_handle",)),
    Detector("street_address", "user.contact.address.street", "postal address",
             names=(words("address", "street", "addr", "address_line", "address1", "address2", "address_1",
                          "address_2", "shipping_address", "delivery_address", "dizhi", "shouhuo_dizhi",
                          "line1", "line2", "address_line1", "address_line2", "address3", "address_3", "street1",
                          "street2", "street3", "street_1", "street_2", "street_3",
                          # common misspellings and the French/German spelling
                          "addres", "adress", "adres", "adresse", "addresse"), r"地址"),
             veto=(words("ip", "ip_address", "mac", "mac_address", "email", "email_address", "mail_address",
                         "remote_addr", "ip_addr", "mac_addr", "wallet_address", "from_address", "sender_address",
                         "server_address", "bind_address", "upstream_addr", "upstream", "proxy_addr", "local_addr",
                         "province", "state", "region", "company"),)),
    # A whole postal address in one field (street with city, postal code or country): decided from the values of a
    # column named for an address (`_judge_by_name`), so this entry has no names.
    Detector("postal_address", "user.contact.address", "whole postal address (street, city, postal code, country)"),
    # A bare `account` in a table of people is the login the person signs in with (often their phone number).
    Detector("account_login", "user.account.username", "account login in a table of people",
             names=(r"^(account|login_account|user_account_name|account_login)$",), tables=ACCOUNT_TABLES),
    # Racial or ethnic origin (GDPR Art. 9(1); 民族 in Chinese records: sensitive by the taxonomy's pia default).
    Detector("race_ethnicity", "user.demographic.race_ethnicity", "ethnicity or race",
             names=(words("ethnicity", "ethnic", "ethnic_group", "ethnic_origin", "race", "racial_origin", "minzu"),
                    r"民族"),
             veto=(words("race_id", "race_name", "race_time", "race_type", "race_date", "race_number", "race_no"),)),
    # A heart-rate reading is a vital sign measured on the person (a sports watch, a fitness band).
    Detector("heart_rate", "user.health.vital_signs", "heart-rate reading",
             names=(words("heart_rate", "heartrate", "pulse_rate", "resting_heart_rate", "hrv", "heart_rate_bpm"),
                    r"心率|脉搏")),
    # A reading kept one per row with its kind beside it (`value` of a health record): a number has no telling pattern,
    # so it is decided from the table's context in `_health_reading`, never from a name alone; no names here.
    Detector("health_reading", "user.health.vital_signs", "reading of a health record (its kind in a column beside it)"),
    # A GPS track file (GPX, FIT, TCX): the route of a run or a ride, whatever the column is called.
    Detector("track_file", "user.location.precise.track", "GPS track file (route of a journey)",
             confirm=("track_file",), value_only=("track_file",)),
    # Workout figures have no telling value pattern (a distance is a number): decided from the table's context in
    # `_fitness_by_context`, never from a name alone, so this entry has no names.
    Detector("fitness_activity", "user.behavior.fitness_activity", "workout figure (type, duration, distance, speed)"),
    # Marital status has no finer category in the taxonomy: demographic data.
    Detector("marital_status", "user.demographic", "marital status",
             names=(words("marital_status", "marital", "marriage_status", "civil_status", "marital_state",
                          "hunyin", "hunyin_zhuangkuang"), r"婚姻|婚否")),
    # (holdout13 classes) A person's level of education (学历: GB/T 35273-2020 Table A.1, education and work data) has no
    # finer category in the taxonomy either: demographic data, often a short code (`hs`, `b`, `m`).
    Detector("education_level", "user.demographic", "level of education",
             names=(words("education", "education_level", "level_of_education", "educational_level",
                          "highest_education", "educational_attainment", "education_attainment", "xueli",
                          "wenhua_chengdu"), r"学历|文化程度"),
             # the level a course, a job or a programme asks for is the thing's, not a person's
             # (also in Chinese: 学历要求 of a 招聘职位, a posting's required level, not a person's)
             veto=(r"(要求|条件|门槛|required|requirement|requirements)$",),
             veto_tables=(r"(?:^|_)(courses|course|programs|program|programmes|programme|jobs|job|vacancies|vacancy"
                          r"|positions|position|postings|posting|requirements)$|职位|岗位|招聘")),
    # Whether a person smokes (or drinks) is a health condition (a risk factor an insurer or employer asks about).
    Detector("smoker", "user.health.condition", "smoking or drinking habit",
             names=(words("smoker", "is_smoker", "smoking_status", "smoking_habit", "smokes", "tobacco_use",
                          "tobacco_user", "drinker", "alcohol_use", "xiyan",
                          # (holdout19 classes) the same status kept as a clinical code (SNOMED CT 449868002 "smokes
                          # tobacco daily"): the code says the habit
                          "smoking_snomed", "smoking_sno_med", "smoking_code", "smoking_status_code", "tobacco_status",
                          "tobacco_code", "tobacco_use_code"), r"吸烟|抽烟|饮酒")),
    Detector("gender", "user.demographic.gender", "gender",
             names=(words("gender", "sex", "xingbie", "id_gender"), r"性别")),
    # (holdout12 classes) the second factor a person chose for signing in (TOTP, WebAuthn, push): a setting of the
    # account (Authelia `second_factor_method`, a user's `mfa_type`)
    Detector("account_settings", "user.account.settings", "account setting (the sign-in second factor chosen)",
             names=(r"(?:^|_)(second_factor|two_factor|2fa|mfa|multi_factor|otp|two_step)_(method|methods|type|mode"
                    r"|preference|preferred|provider|default)$|^(preferred|default)_(2fa|mfa|second_factor)(_method)?$",)),
    Detector("account_status", "user.account.status", "account status and lifecycle dates",
             names=(words("account_status", "registered_at", "registration_date", "registration_time",
                          "signup_at", "signed_up_at", "signup_date", "cancelled_at", "canceled_at",
                          "deactivated_at", "closed_at", "zhuce_shijian",
                          "user_registered", "date_registered"),
                    r"注册时间|注销时间",
                    # a bare `status` only speaks of the account in a table of accounts
                    r"^(status|state)$"),
             tables=None,
             # (holdout16 classes) a ticket's, order's or booking's `closed_at` dates that record, not an account
             veto_tables=(r"(?:^|_)(conversations|conversation|tickets|ticket|threads|thread|issues|issue|orders|order"
                          r"|bookings|booking|invoices|invoice|tasks|task|jobs|job|messages|message|cases|case"
                          # (holdout21 classes) a registration to a webinar, meeting or event records the sign-up to
                          # that event, not the person's account
                          r"|attendees|attendee|registrants|registrant|webinar|webinars|meeting|meetings"
                          r"|event_registrations|event_registration)$")),
    Detector("order_record", "user.order.record", "order record",
             names=(words("order_id", "order_no", "order_number", "order_ref", "orderid", "dingdan", "order_sn",
                          "ordersn", "order_serial",
                          "dingdan_hao", "out_trade_no", "merchant_order_no", "merchant_order_id",
                          "merchant_order_number"),
                    # the merchant's number for a person's purchase, in payment bills
                    # Chinese puts the head noun last: `订单来源` (the order's source) and `订单星级` are attributes
                    # of an order; only a name ending in the order (or its number) is the order record
                    r"订单(号|编号|号码|id|sn|no)?$|商户单号|商家单号|(商户|商家)?退款单号"),
             veto=(words("parent_order_id",),)),
    # (holdout19 classes) a bare number in a table of orders is the order's number (as a bare number in a table of
    # tickets is the ticket's): the merchant's reference to one person's purchase
    Detector("order_number", "user.order.record", "number of an order, in a table of orders",
             names=(r"^(number|no|num|sn|serial_number|serial_no)$",),
             tables=r"(?:^|_)(orders|order|sales_orders|sales_order)$|订单$"),
    # Counts and sums of a person's own orders kept on the person's row (`number_of_orders`, 消费金额, 客单价): what
    # the person bought, aggregated. Only in a table of people: a `total` on an order row is that order's amount.
    Detector("purchase_aggregate", "user.behavior.purchase_history", "a customer's order count or spending total",
             names=(words("number_of_orders", "orders_count", "order_count", "total_orders", "num_orders",
                          "total_spent", "total_spend", "amount_spent", "money_spent", "lifetime_value",
                          "customer_lifetime_value", "ltv", "clv", "average_order_value", "avg_order_value",
                          "total_purchases", "purchase_count", "number_of_purchases", "orders_total",
                          "total_order_value", "total_refunded", "refund_count"),
                    r"消费(次数|金额|总额|笔数|总金额)$|累计(消费|退款|购买|下单|支付|订单)|[笔客]单价$|(购买|下单|订单)(次数|总数|笔数)$"),
             tables=(r"(?:^|_)(users|user|accounts|account|customers|customer|members|member|clients|client|contacts"
                     r"|contact|buyers|buyer|profiles)(?:_|$)|客户|会员|用户|买家|顾客")),
    Detector("order_number", "user.order.record", "order number",
             names=(words("increment_id", "order_name"),),
             tables=words("order", "orders", "sales_order", "sales")),
    Detector("order_ref", "user.order.record", "shop order name (#1001)",
             confirm=("order_ref",), value_only=("order_ref",)),
    Detector("rights_request", "user.support", "rights request or support case",
             names=(words("request_id", "ticket_id", "case_id", "dsar_id"),),
             tables=words("rights", "rights_requests", "requests", "dsar", "privacy_requests", "support",
                          "tickets", "subject_requests", r"\w*requests")),
    # The human-facing number of a person's support ticket or case (as an order number is the order record); the
    # table's surrogate key (`ticket_id` in its own table) is not.
    Detector("ticket_number", "user.support", "support ticket or case number",
             names=(r"^(number|ticket_number|ticket_no|ticket_num|case_number|case_no|request_number)$",),
             tables=words("ticket", "tickets", "case", "cases", "support", "support_requests", "helpdesk")),
    Detector("user_id", "user.id", "user identifier",
             names=(words("user_id", "userid", "uid", "customer_id", "member_id", "account_id", "client_id",
                          "yonghu_id", "subscriber_id", "owner_id", "id_customer", "id_user", "id_member",
                          "customer_user_id",
                          # an organisation's own number for a person
                          "idnumber", "student_id", "student_number", "student_no", "employee_id", "employee_number",
                          "employee_no", "employee_num", "staff_id", "staff_no", "member_no", "member_number", "customer_number",
                          "customer_no", "personnel_number",
                          # attendance and badge numbers (time clocks, access control)
                          "badgenumber", "badge_number", "badge_no", "badge_num", "badge_id", "attendance_no",
                          "attendance_number", "attendance_id", "kaoqin_hao", "kaoqin_haoma", "pin_no",
                          "emp_number", "emp_no", "empno", "emp_id", "employee_code", "emp_code",
                          # a person's id at a platform they sign in with (WeChat, an OpenID provider)
                          "openid", "open_id", "unionid", "union_id", "wx_openid", "external_user_id",
                          # (holdout10 classes) a person's key, whatever the application calls its people
                          # (`gibbonPersonID`, `person_id`); a QQ number is the id Tencent assigns a person
                          "person_id", "personid", "qq", "qq_number", "qq_no", "qq_num",
                          # (holdout12 classes) the security principal a request ran as (CloudTrail, Azure AD
                          # `principalId`): a person's IAM identity or a session of it
                          "principal_id", "principalid",
                          # (holdout13 classes) an ICQ number (UIN) as a QQ number; a list of a person's ids elsewhere
                          "icq", "icq_number", "icq_uin", "user_ids", "userids"),
                    # (holdout13 classes) the keys that a roster (IMS OneRoster) gives people, referenced by their role
                    # (`agentSourcedIds`: a student's parents or guardians); an org's or class's are not people's
                    r"^(\w+_)?(agent|agents|parent|parents|guardian|guardians|teacher|teachers|student|students|user|users"
                    r"|person|persons|relative|relatives)_sourced_ids?$",
                    r"QQ号|qq号|用户ID|用户编号|会员号|学号|工号|考勤号|(用户|买家|付款人|付款方|客户|会员)标识",
                    # the person's account id at an identity provider they sign in with (`Google ID`, `github_uid`)
                    r"^(google|facebook|fb|twitter|github|git_hub|gitlab|git_lab|linked_in|we_chat|you_tube|youtube|bitbucket|apple|microsoft|azure|azure_ad|linkedin"
                    r"|discord|slack|okta|auth0|steam|yahoo|amazon|wechat|weixin|qq|weibo|alipay|dingtalk|feishu|lark"
                    r"|douyin|tiktok|kakao|naver|instagram|twitch|spotify|oidc|saml|sso|oauth)"
                    # (with the provider's word for its records: `google_contacts_id`, `facebook_profile_id`)
                    r"(_(contacts|contact|people|person|profile|user|account))?"
                    r"_(id|uid|user_id|userid|sub|subject|account_id|openid|open_id)$",
                    # the id of a person by their role (a creator, buyer, customer, streamer, author, fan, employee)
                    r"(达人|买家|卖家|客户|主播|作者|粉丝|员工|会员|用户|收件人)(id|编号|账号id)$"),
             # (holdout12 classes) a `uid` qualified by a thing (`photo_uid`, `album_uid`, `file_uid`) keys that
             # thing, not a person
             veto=(_THING_UID,),
             value_only=("customer_ref",)),
    Detector("row_key_of_people", "user.id", "key of a table of people (the person's identifier)",
             names=(r"^(id|entity_id|object_id|record_id|pk|uuid|guid|identifier|external_id|external_identifier"
                    r"|external_reference|external_ref|external_key|sourced_id)$",
                    # (holdout18 classes) the person's id in another (a former or a partner's) system
                    r"^(第三方ID|第三方id|第三方编号|外部ID|外部id|外部编号|原系统ID|原系统编号)$"),
             # a table of things kept about people (`user_credentials`, `contact_inboxes`) keys those things; (holdout13
             # classes) so does any table named `<people>_<thing>` (`person_name`, `patient_identifier`,
             # `student_courseenrollment`): its head noun says what one row is
             veto_tables=_ABOUT_PEOPLE_TABLES + "|" + _PEOPLE_THING_TABLES,
             tables=(r"(?:^|_)(users|user|accounts|account|customers|customer|members|member|profiles|partner|partners"
                     r"|contacts|contact|persons|person|people|clients|patients|patient|students|student|employees"
                     r"|employee|subscribers|subscriber"
                     # (holdout13 classes) a roster's or registry's table of each person's demographics, one row per
                     # person, is keyed by the person (OneRoster demographics.sourcedId is the user's sourcedId)
                     r"|demographics)(?:_|$)"
                     # (holdout16/17 classes) a table of people named by their role (a rental's tenants and owners, a
                     # clinic's vets, a hotel's guests, a fleet's drivers) or a person's profile (Django's
                     # `profile_profile`, `core_userprofile`: the app's label, then the model, glued): as the table's
                     # last word only (`driver_trips` keys trips)
                     r"|(?:^|_)(owners|owner|tenants|tenant|guests|guest|drivers|driver|residents|resident|vets"
                     r"|veterinarians|veterinarian|doctors|doctor|nurses|nurse|teachers|teacher|volunteers|volunteer"
                     r"|profile|userprofile|userprofiles|memberprofile|memberprofiles|customerprofile)$"
                     # (holdout18 classes) Chinese tables of members, customers or users; (holdout20 classes) of
                     # students, staff, patients or residents (a sheet to import them: `学生导入模板`)
                     r"|会员|客户|用户|学生|学员|员工|职工|患者|病人|居民|住户")),
    # ---- holdout9 failure classes (issue 15): special categories, health readings, consent flags, vehicles, keys,
    # ids of people by role, counterparties and balances of bank statements. Names here are concepts in both
    # languages; values confirm wherever a value shape exists (`needs_values`).
    Detector("religion", "user.demographic.religious_belief", "religion or religious affiliation",
             names=(words("religion", "religious", "religious_belief", "religious_affiliation", "religious_preference",
                          "faith", "denomination", "zongjiao", "zongjiao_xinyang"), r"宗教|信仰")),
    Detector("sexual_orientation", "user.sex_life", "sexual orientation",
             names=(words("sexual_orientation", "sex_orientation", "sexuality", "sexual_preference", "xingquxiang"),
                    r"性取向|性倾向")),
    # A column whose values are BMI classes (`Underweight` ... `Obesity III`): decided by values, so no names.
    Detector("bmi_class", "user.health.condition", "body-weight classification (BMI class)"),
    # Vital signs whose names say nothing else (a bare `temperature` or `pulse` needs a table of health readings:
    # `_health_by_context`).
    Detector("vital_signs", "user.health.vital_signs", "vital sign (blood pressure, oxygen saturation, body temperature)",
             names=(words("blood_pressure", "systolic", "diastolic", "bp_systolic", "bp_diastolic", "systolic_bp",
                          "diastolic_bp", "spo2", "sp_o2", "oxygen_saturation", "o2_saturation", "o2_sat",
                          "blood_oxygen", "respiratory_rate", "respiration_rate", "resp_rate", "body_temperature",
                          "body_temp"),
                    r"血压|收缩压|舒张压|血氧|体温|呼吸频率")),
    Detector("body_measure", "user.health", "body measurement (BMI, body fat, waist or head circumference)",
             names=(words("bmi", "body_mass_index", "body_fat", "body_fat_percentage", "waist_circ",
                          "waist_circumference", "hip_circ", "hip_circumference", "head_circ", "head_circumference"),
                    r"体脂率|腰围|臀围|头围|体质指数")),
    # A person's income or salary: financial data (on a row about a person; a ledger's income is the firm's).
    Detector("income", "user.financial", "a person's income or salary",
             names=(words("income", "monthly_income", "annual_income", "yearly_income", "household_income",
                          "salary", "monthly_salary", "annual_salary", "base_salary", "wage", "wages", "earnings",
                          "net_worth", "shouru", "gongzi", "xinzi"),
                    r"收入$|工资$|薪资$|薪水$|月薪$|年薪$"),
             tables=_PEOPLE_ROW_TABLES),
    # A yes/no flag named after a privacy law (`hipaa_notice`) or a permission to contact or to share data
    # (`allow_sms`, `allow_health_info_share`): a consent record when its values are flags.
    Detector("consent_flag", "user.authorization.consent", "permission flag (to contact, to share data)",
             names=(r"(?:^|_)(hipaa|gdpr|ccpa|cpra|coppa|tcpa|casl|lgpd|pdpa|pipeda)_[a-z0-9_]+$",
                    r"(?:^|_)(allow|allows|allowed|permit|permits|permitted|authorize|authorise|authorized|authorised"
                    r"|consent|consents|agree|agreed|opt)_([a-z0-9]+_)*(sms|text|texts|email|emails|mail|voice|call|calls"
                    r"|phone|contact|share|sharing|shared|exchange|ex|disclose|disclosure|release|info|information|data"
                    r"|record|records|notice|notices|research|registry|registries|publicity|photo|photos)$"),
             confirm=("flag",), needs_values=True),
    # A remember-me or remember-this-device token (second factor skipped on that device): a bearer secret.
    Detector("remember_token", "user.authorization.credentials.token", "remember-me token (a secret)",
             names=(words("remember", "remember_me", "remember_me_token", "remember_device", "twofactor_remember",
                          "two_factor_remember", "remember_device_token"),),
             confirm=("random_token", "base64_blob", "digest", "uuid"), secret=True),
    # ASP.NET Identity's `SecurityStamp` (and the apps modelled on it): changing it logs every session out.
    Detector("security_stamp", "user.authorization.credentials.token", "security stamp (per-user session secret)",
             names=(words("security_stamp", "securitystamp"),), secret=True),
    Detector("mfa_recovery", "user.authorization.credentials", "second-factor recovery code (a credential)",
             names=(r"(?:^|_)(totp|otp|mfa|twofactor|two_factor|tfa|2fa)_(recover|recovery|backup|rescue)"
                    r"(_code|_codes|_key)?$",),
             confirm=("random_token", "base64_blob", "digest"), secret=True),
    Detector("private_key", "user.authorization.credentials", "private key (key material, a credential)",
             names=(words("private_key", "privkey", "priv_key", "privatekey", "encrypted_private_key",
                          "rsa_private_key", "ssh_private_key", "pgp_private_key", "private_key_pem"), r"私钥"),
             veto=(words("public_key", "pubkey"),),
             confirm=("encrypted_envelope", "base64_blob"), secret=True),
    # Key material kept encrypted under a name that only says `key` (`akey`, `enc_key`): decided from the values in
    # `classify_column`, so no names.
    Detector("encrypted_key", "user.authorization.credentials", "encrypted key material (a credential)", secret=True),
    Detector("us_ssn", "user.government_id.national_identification_number",
             "US social security number (by its values)", value_only=("us_ssn",)),
    # A person's car is a connected product: its VIN and the maker's vehicle ids are the device's ids.
    Detector("vehicle_id", "user.device.device_id", "vehicle identification number or vehicle id",
             names=(words("vin", "vin_code", "vin_no", "vin_number", "vehicle_identification_number", "chassis_number",
                          "chassis_no", "car_id", "vehicle_id", "carid", "vehicleid"),
                    r"车架号|车辆识别(代号|码)|车辆ID"),
             confirm=("vin",)),
    Detector("push_id", "user.device.device_id", "push-notification id of an app install",
             names=(words("push_uuid", "push_id", "push_guid", "push_registration_id", "push_device_id"),)),
    # The `uuid` key of a table of devices: the id the app generated for the device (a row number is no such id).
    Detector("device_row_uuid", "user.device.device_id", "UUID of a device or app install (key of a table of devices)",
             names=(r"^(uuid|guid)$",), tables=r"(?:^|_)(devices|device|installations|installation)$",
             confirm=("uuid",), needs_values=True),
    # A person's id by a role that only people fill (a clinician, a teacher, a driver), when its values are keys.
    Detector("staff_ref", "user.id", "id of a person by role (clinician, teacher, driver)",
             names=(r"(?:^|_)(provider|doctor|physician|clinician|nurse|practitioner|therapist|dentist|caregiver|teacher"
                    r"|instructor|tutor|driver|courier|technician|pharmacist)_id$",),
             # (holdout14 classes) a provider of a service (an SMS gateway, a payment or identity provider) is a
             # company, not a clinician
             # (holdout15 classes) ... and so is a mobile line's provider (the carrier of a phone number)
             veto=(r"(?:^|_)(sms|email|mail|payment|pay|cloud|service|internet|identity|auth|oauth|sso|storage|shipping"
                   r"|mobile|phone|cell|cellular|wireless|carrier|gsm|sim|telephony"
                   r"|delivery|push|dns|hosting|data|insurance|network|telecom|voip|cdn|login|map|maps|geocoding|llm"
                   r"|ai|search|video|streaming|content|billing)_provider_id$",),
             confirm=("record_key",), needs_values=True),
    Detector("person_uuid", "user.id", "UUID of a person (user, customer, patient)",
             names=(r"(?:^|_)(user|customer|member|account|owner|subscriber|patient|person|employee|student)_(uuid|guid)$",)),
    # A patient's or person's number (`pid`, `pubpid`) in a table of people or of their health readings.
    Detector("person_pid", "user.id", "person or patient number (pid)", names=(r"(?:^|_)pid$",),
             tables=_PEOPLE_ROW_TABLES + "|" + _HEALTH_TABLES),
    # An account at an identity provider, nested under the app's record of sign-in services (`services.google.id`).
    Detector("provider_account_id", "user.id", "account id at an identity provider",
             names=(r"(?:^|_)(services|service|providers|provider|identities|identity|oauth|auth|sso|social)_(google"
                    r"|facebook|github|twitter|apple|microsoft|gitlab|linkedin|wechat|weixin|qq|weibo|discord|slack"
                    r"|okta|auth0)_(id|uid|sub|user_id)$",)),
    # The address a client (a person's device) used, in a log keyed by clients; private (LAN) addresses included:
    # at home each is one person's device.
    Detector("client_address", "user.device.ip_address", "IP address of a client device",
             names=(r"^(client|client_addr|client_address|src|source_addr|source_address|requester|requestor|peer"
                    r"|peer_addr|peer_address"
                    # (holdout14 classes) the originator of a connection in a flow log (Zeek `id.orig_h`): the client
                    r"|id_orig_h|orig_h|orig_addr|orig_ip|originator|originator_ip)$",),
             confirm=("ip", "ip_port"), needs_values=True),
    # The names a client looked up in a DNS or proxy log: the trail of the person's browsing.
    Detector("visited_domain", "user.behavior.browsing_history", "domain looked up or visited (DNS or proxy log)",
             names=(r"^(domain|domain_name|qname|query_name|query_domain|queried_domain|requested_domain|dns_query"
                    r"|dns_qname|question|lookup)$",),
             # (a web server's or load balancer's log names its own site: only DNS and proxy logs name what was looked up)
             tables=words("queries", "query", "dns", "dns_queries", "dns_query", "query_log", "querylog", "dns_log",
                          "lookups", "proxy", "proxy_log", "squid", "dnsmasq"),
             confirm=("domain",), needs_values=True),
    # The other party of a bank statement line, written with its account or card number.
    Detector("counterparty_account", "user.financial.account_number", "counterparty with its account number",
             names=(words("counterparty", "counter_party", "counterparty_info", "counterparty_account",
                          "beneficiary_account", "opposite_account"),
                    r"对手(信息|账号|帐号|账户|帐户|卡号)?$|对方(信息|账户信息|户名及账号)$"),
             confirm=("account_digits",), needs_values=True),
    # The running balance of a bank statement is the state of the holder's own bank account.
    Detector("bank_balance", "user.financial.bank_account", "balance of a bank account (bank statement)",
             names=(words("balance", "account_balance", "running_balance", "available_balance", "current_balance",
                          "ledger_balance", "closing_balance"), r"余额$"),
             tables=(r"(?:^|_)(bank|banking|statement|statements|checking|savings|debit|bank_transactions)(?:_|$)"
                     r"|银行|流水|储蓄卡|借记卡|对账单")),
)

DETECTORS = lexicon.extend_catalogue(DETECTORS, Detector)  # names from published vocabularies (lexicon.py)
DETECTORS_BY_ID: dict[str, Detector] = {d.id: d for d in DETECTORS}

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
# Patterns specific enough to decide at a lower share: a payment-method column names cards among wallets; a JSON
# attributes column holds a GPS fix in the rows of phones among rows of other things.
# A password hash kept in a JSON document (a password history) is specific however many rows hold an empty `{}`.
# A device named after its owner names them in every row it wrote, however many rows other sources (apps) wrote.
# A country code is two letters: only a column almost wholly of them is one of countries.
# A GeoJSON point of 5+ decimals is as specific as a JSON GPS fix (rows not geocoded hold `{}`).
_VALUE_ONLY_THRESHOLD = {"card_tail": 0.2, "json_coordinates": CONFIRM_THRESHOLD, "geojson_point": CONFIRM_THRESHOLD,
                         "json_password_hash": 0.5,
                         "owner_device": CONFIRM_THRESHOLD, "country_code": 0.9,
                         # pia default: the `s2:` prefixed token is unambiguous, and an application fills unknown
                         # places with a placeholder (`zz`), so a third of the values suffices
                         "s2_cell": 0.3}


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
    encrypted = profile.share(is_encrypted_envelope)
    if encrypted >= VALUE_THRESHOLD:
        return "encrypted", 1.0 - encrypted - hashed - digest
    if hashed >= 0.999:
        return "one_way_hash", 1.0 - hashed
    if hashed + digest >= 0.999:
        return "digest", 1.0 - hashed
    return "plaintext", 1.0 - hashed - digest


# Names whose last word says they describe something about the data (its type, state, time, count), not the data.
_META_HEADS = {"type", "types", "status", "state", "count", "counts", "total", "method", "mode", "format", "enabled",
               "valid", "invalid", "flag", "flags", "result", "check", "level", "length", "size", "version",
               "validity", "policy", "changed", "updated", "created", "expires", "expiry", "at", "time", "date",
               "timestamp", "gen", "reason", "score", "width", "height", "provider", "funding", "brand", "by",
               "attempts", "num", "sent", "verified", "confirmed", "update", "updates", "change", "changes",
               # how a secret is kept (its algorithm), when a time is written as a Unix epoch
               "algo", "algorithm", "hasher", "scheme", "unix", "epoch",
               # counts of failed tries (`login_failed`, `password_failures`)
               "failed", "failure", "failures", "fails", "errors", "retries", "tries"}
# `<contact>_change` holds the new address or number waiting for confirmation (GoTrue, Devise `unconfirmed_email`).
_PENDING_HEADS = {"change", "pending", "new", "unconfirmed"}
_STATUS_HEADS = {"status", "state", "flag", "ind", "indicator"}
# Words of a condition or a special category whose status (yes, no, declared) is that data itself.
_CONDITION_WORDS = {"disability", "disabled", "handicap", "impairment", "hiv", "pregnancy", "pregnant", "smoking",
                    "smoker", "vaccination", "immunization", "immunisation", "covid", "diabetes", "diabetic"}
_CONTACT_WORDS = {"email", "mail", "phone", "mobile", "tel", "cellphone", "msisdn", "address"}
# A number word after the stem of a personal id names that id (`ssn_num`), not a count (`sign_num`).
_NUMBER_WORDS = {"num", "no", "nr", "number", "nbr"}
_ID_STEMS = (r"(?:^|_)(ssn|sin|nin|nino|id_card|idcard|passport|licence|license|lice|lic|dl|badge|employee|emp|staff"
             r"|member|student|card|phone|mobile|tel|cell|fax|social_security|social_insurance|national_id|tax_id|tin)$")
_TIME_HEADS = {"at", "time", "date", "timestamp", "ts", "created", "updated", "changed", "expires", "expiry", "unix",
               "epoch"}
# Last words of a consent name that tell what the service did (sent a notice, asked, reminded), not what the
# person answered (holdout10 classes).
_SERVICE_ACT_HEADS = {"sent", "notice", "notified", "reminder", "reminded", "requested", "prompted", "shown",
                      "displayed"}
_META_CJK = re.compile(r"(时间|日期|状态|原因|方式|类型|数量|金额|备注|种类|次数)$")
# A leading word that makes a name a yes/no question about the data (`has_snapshot`, `is_lat`).
_FLAG_PREFIXES = {"has", "is", "can", "allow", "allows", "enable", "use", "uses", "show", "should", "was", "needs"}
# Detectors for which a meta word or a flag is the data itself (an opt-in flag is a consent record).
# (a customer's order count or spending total is named by its count or amount word: 消费金额, 消费次数)
_META_OK = lexicon.META_OK | {"account_status", "consent", "date_of_birth", "email_engagement", "marital_status", "smoker",
            "purchase_aggregate",
            # (holdout20 classes) a blood type is the data, not a kind of it
            "blood_group"}
# Detectors whose data takes many values per person: a yes/no flag, a constant or a handful of words is not it.
_LOW_CARDINALITY_OK = {"consent", "email_engagement", "purchase_aggregate", "account_status", "language", "country",
                       "city", "gender", "race_ethnicity", "marital_status", "smoker",
                       "postal_code", "precise_location", "date_of_birth"} | lexicon.LOW_CARDINALITY_OK
# ---- holdout9 classes: words that describe the data (a KDF's iteration count, a colour, a vendor, an ETag), and
# detectors whose data is a flag or a handful of words (a consent flag, a religion, the id of one of a few cars).
_META_HEADS |= {"iterations", "iteration", "iter", "rounds", "color", "colour", "vendor", "manufacturer", "etag"}
# (holdout14 classes) a count of bytes or packets and a protocol number sent from or to an address (`orig_ip_bytes`,
# `ip_proto`, as network monitors log a connection) describe the traffic, not the address
_META_HEADS |= {"bytes", "octets", "pkts", "packets", "proto", "protocol"}
_META_OK |= {"consent_flag", "education_level"}
_LOW_CARDINALITY_OK |= {"education_level"}  # (holdout13 classes) a level of education is one of a few codes
_META_OK |= {"account_settings"}  # (holdout12 classes) a second factor's method is one of a few words
_LOW_CARDINALITY_OK |= {"account_settings"}
_LOW_CARDINALITY_OK |= {"consent_flag", "religion", "sexual_orientation", "bmi_class", "vehicle_id", "visited_domain"}
_THING_TABLES = words("products", "product", "catalog", "catalogue", "items", "skus", "files", "assets", "devices",
                      "cameras", "monitors", "plans", "recipients", "companies", "apps", "campaigns", "groups",
                      "zones", "sites", "stores", "shops")
# Tables of events, jobs and settings, by their last word (`app_events`, not `event_attendees`): named for what
# happened or runs (`pageview`, `Signup`), not for a person.
_THING_TABLE_HEADS = (r"(?:^|_)(events|event|tracks|jobs|tasks|alerts|triggers|webhooks|metrics|tags|categories|labels"
                      r"|roles|permissions|integrations|plugins|modules"
                      # ORMs name a table in the singular (greenDAO `DEVICE`, Django `camera`): the thing, last word only
                      r"|device|camera|monitor|product|item|sku|asset|file|plan|app|campaign|zone|site|store|shop)$")
MIN_VALUES = 20  # non-blank sampled values from which values may overrule a name


SHARE_PROBE = 500  # distinct values a pattern share is measured on (weighted by their rows): ample for 0.3/0.8/0.9


class _Shares(dict):
    """Share of sampled rows matching each value pattern, measured when first asked (most never are)."""

    def __init__(self, profile: ColumnProfile):
        super().__init__()
        items = list(profile.values.items())[:SHARE_PROBE]
        self._items, self._total = items, sum(n for _, n in items)

    def __missing__(self, pid: str) -> float:
        test = VALUE_PATTERNS[pid].test
        share = sum(n for v, n in self._items if test(v)) / self._total if self._total else 0.0
        self[pid] = share
        return share

    def get(self, pid: str, default: float = 0.0) -> float:  # noqa: D102 - dict.get that measures on demand
        return self[pid] if pid in VALUE_PATTERNS else default


def _name_speaks_of_metadata(norm: str) -> str | None:
    """Why the name describes metadata (a flag, a state, a time), or None when it may name the data itself."""
    parts = norm.split("_")
    if parts[-1] in _NUMBER_WORDS and re.search(_ID_STEMS, "_".join(parts[:-1])):
        return None  # `emp_ssn_num`, `dri_lice_num`: the number of a personal id, the id itself
    if parts[-1] in _PENDING_HEADS and len(parts) > 1 and parts[-2] in _CONTACT_WORDS:
        return None  # `email_change`, `phone_change`, `new_email`: the pending new address, the data itself
    if re.search(r"(?:^|_)card_(expiry|exp|expiration|exp_date|expiry_date|expiration_date)$", norm):
        return None  # (holdout17 classes) a payment card's expiry is the card's data (schemas.yaml: `user.payment`)
    if _is_condition_status(norm):
        return None  # (holdout14 classes) `disability_status`, `hiv_status`: the state of a condition IS the condition
    if parts[-1] in _META_HEADS:
        return f"its last word {parts[-1]!r} describes the data (a type, state, time or count), not the data"
    if len(parts) > 1 and parts[0] in _FLAG_PREFIXES:
        return f"it starts with {parts[0]!r}: a yes/no flag about the data"
    if _META_CJK.search(norm) and not re.search(r"出生|生日", norm):
        return "its last word describes the data (a time, state, reason or amount), not the data"
    return None


def _cards_at_chance(profile: ColumnProfile, shares: Mapping[str, float]) -> bool:
    """Card-length numbers of which only some pass the card checks: barcodes that pass Luhn by chance, not cards.

    (holdout14 classes) Every number of a column of payment cards passes the Luhn check and has an issuer's prefix;
    a library's or a gym's card barcodes pass it one time in ten, more when their prefix looks like an issuer's.
    """
    card_length = profile.share(lambda v: v.isdigit() and 13 <= len(v) <= 19)
    return card_length >= VALUE_THRESHOLD and shares["card"] < VALUE_THRESHOLD * card_length


def _is_condition_status(norm: str) -> bool:
    """`disability_status`, `hiv_status`: a yes/no or declared state of a condition, which is the condition itself."""
    parts = norm.split("_")
    return len(parts) > 1 and parts[-1] in _STATUS_HEADS and parts[-2] in _CONDITION_WORDS


def _match_span(d: Detector, norm: str, table: str) -> tuple[int, int] | None:
    """(end, -start) of the detector's rightmost, longest name match in `norm`, or None when it does not match."""
    if d.tables and not re.search(d.tables, table):
        return None
    if d.vetoed(norm, table):
        return None
    best = None
    for p in d.names:
        for m in re.finditer(p, norm):
            e = m.end() - (1 if m.group(0).endswith("_") else 0)
            b = m.start() + (1 if m.group(0).startswith("_") else 0)
            best = (e, -b) if best is None else max(best, (e, -b))
    return best


def _match_end(d: Detector, norm: str, table: str) -> int | None:
    """Where the detector's name pattern ends in `norm` (rightmost match), or None when it does not match."""
    span = _match_span(d, norm, table)
    return None if span is None else span[0]


def _is_login_session_store(siblings: frozenset[str]) -> bool:
    """Whether a table's columns are those of a login-session store (session data or an expiry kept per session).

    Web frameworks keep a session's payload and its lifetime next to its id (Django `session_data`/`expire_date`,
    Laravel `payload`/`last_activity`, Spring `EXPIRY_TIME`, Drupal `session`) or the account it belongs
    to (`uid`, `user_id`); analytics visit tables keep the visitor's browser, screen and place instead. No
    siblings known: the table name alone decides.
    """
    if not siblings:
        return True
    if any(re.search(_VISIT_COLUMNS, n) for n in siblings):
        return False  # pages, bounces and campaign tags of a visit: an analytics table, whatever else it keeps
    return any(re.search(_SESSION_STORE_COLUMNS, n) or re.search(_ACCOUNT_REFS, n) for n in siblings)


_SESSION_STORE_COLUMNS = (r"^(session|sess|data|payload|session_data|sess_data|expire|expires|expiry|expire_date"
                          r"|expires_at|expiry_time|expiration|last_activity|lifetime|sess_lifetime|ttl"
                          r"|max_inactive_interval|sess_time)$")
# Columns only a web-analytics visit has: its pages, page views, bounce and campaign tags.
_VISIT_COLUMNS = (r"^(entry_page|exit_page|landing_page|entry_url|exit_url|pageviews|page_views|is_bounce|bounce|bounces"
                  r"|bounce_rate|visit_duration|screen_size|referrer_source|utm_[a-z]+)$")
# A session kept against an account (its user id or login) is a login session.
_ACCOUNT_REFS = r"^(uid|user_id|userid|account_id|customer_id|member_id|principal_name|username|user_login)$"
_KEY_HEADS = {"id", "ids", "pk", "fk", "uuid", "guid"}
# A place's number in a public gazetteer (GeoNames, as MaxMind and analytics exports keep a visitor's city): not a
# key of a private record but a code for the place, as a country code is.
_GAZETTEER_KEY = r"_(geoname_id|geonameid|geonames_id|geoname)$"
_PLACE_DETECTORS = {"city", "country", "postal_code"}


# Attributes of a person that schemas keep as the key of an option list (CiviCRM `gender_id`, PrestaShop `id_gender`):
# a small code set, so the key is the attribute, not a pointer to a record about it.
_CODED_ATTRIBUTES = {"gender", "race_ethnicity", "marital_status", "religion", "education_level", "sexual_orientation",
                     "political_opinion", "nationality"}


def _is_option_code(profile: ColumnProfile) -> bool:
    """A small code set: enough rows, 2 to 12 distinct values, all short integers (the options of a list)."""
    return profile.non_blank >= MIN_VALUES and 2 <= profile.distinct <= 12 \
        and profile.share(lambda v: bool(re.fullmatch(r"\d{1,3}", v))) >= 0.99


# (holdout17 classes) Tables of animals (a veterinary clinic's pets, a breeder's herd), by their last word.
_ANIMAL_TABLES = (r"(?:^|_)(pets|pet|animals|animal|dogs|dog|cats|cat|horses|horse|livestock|cattle|herd|herds|puppies"
                  r"|kittens)$")
_PUSH_DEVICE_TABLES = (r"(?:^|_)(push_devices|push_device|devices|device|installations|installation|device_tokens"
                       r"|push_tokens|push_subscriptions)$")
_ANIMAL_LOOK_ALIKES = {"person_name", "date_of_birth", "gender"}
# (holdout16/17 classes) Tables of premises and public equipment, by their last word: rental lots, buildings, hotels,
# charging stations (a `locations` table may be people's positions: not here).
_PREMISES_TABLES = (r"(?:^|_)(properties|property|buildings|building|lots|premises|listings|listing|hotels|hotel|venues"
                    r"|venue|warehouses|warehouse|branches|charge_box|charge_boxes|charge_point|charge_points"
                    r"|chargepoint|chargepoints|charging_stations|charging_station|chargers|charger|stations|station)$")
_PLACE_LOOK_ALIKES = {"person_name", "street_address", "postal_address", "city", "postal_code", "pin_postal_code",
                      "country", "precise_location"}
# Public equipment an operator runs (charging points, meters, kiosks), by the table's last word.
_PUBLIC_EQUIPMENT_TABLES = (r"(?:^|_)(charge_box|charge_boxes|charge_point|charge_points|chargepoint|chargepoints"
                            r"|charging_stations|charging_station|chargers|charger|meters|kiosks|kiosk|stations|station)$")
_EQUIPMENT_LOOK_ALIKES = {"camera_serial", "device_id", "ip_address", "imei", "mac_address"}


def _name_detector(norm: str, tnorm: str, profile: ColumnProfile, evidence: list[str],
                   siblings: frozenset[str] = frozenset(), shares: Mapping[str, float] | None = None) -> Detector | None:
    """The detector the column name announces: its match ends last (the head noun), is longest, comes first.

    Between detectors whose matches end and start at the same place (`recording` names a video or a call), the one
    the values confirm wins (values outvote names), before the catalogue's order.
    """
    meta = _name_speaks_of_metadata(norm)
    keyed = norm.rsplit("_", 1)[-1] in _KEY_HEADS and "_" in norm
    gazetteer = re.search(_GAZETTEER_KEY, norm)
    best: tuple[tuple[int, int], int, Detector] | None = None
    key_of: Detector | None = None
    for i, d in enumerate(DETECTORS):
        span = _match_span(d, norm, tnorm)
        if span is None:
            continue
        end = span[0]
        if meta and (d.id not in _META_OK or (d.id == "consent" and norm.rsplit("_", 1)[-1] in _TIME_HEADS)):
            continue  # an opt-in flag is a consent record; the time it was given is a date like any other
        if d.id == "consent" and norm.rsplit("_", 1)[-1] in _TIME_HEADS | _SERVICE_ACT_HEADS:
            continue  # (`consent_ts`, `consent_notice_sent`): when, or what the service sent, not the person's answer
        if keyed and end < len(norm):
            if gazetteer and d.id in _PLACE_DETECTORS and end == len(norm) - len(gazetteer.group(0)):
                pass  # `city_geoname_id`: a public gazetteer's number for the place is the place itself
            elif d.id in _CODED_ATTRIBUTES and end == len(norm) - len(norm.rsplit("_", 1)[-1]) - 1 \
                    and _is_option_code(profile):
                pass  # (holdout15 classes) `gender_id` holding 1/2/3: the option chosen is the attribute itself
            else:
                key_of = key_of or d  # `address_id`: the key of an address record, not the address
                continue
        if d.id == "session_token" and not _is_login_session_store(siblings):
            continue
        if best is None or span > best[0]:  # the head noun (ends last), then the longest (most specific) match
            best = (span, i, d)
        elif span == best[0] and shares is not None and profile.values and d.confirm and not best[2].secret \
                and not (best[2].confirm and max(shares[p] for p in best[2].confirm) >= CONFIRM_THRESHOLD) \
                and max(shares[p] for p in d.confirm) >= CONFIRM_THRESHOLD:
            # the same words name both and the values confirm this one (a secret's name is trusted whatever its values)
            best = (span, i, d)
    if best is None:
        if meta and any(_match_end(d, norm, tnorm) is not None for d in DETECTORS):
            evidence.append(f"name: {norm!r} mentions personal data but {meta}")
        elif key_of is not None:
            evidence.append(f"name: {norm!r} ends in a key word: the key of a record of {key_of.description}, "
                            "not the data itself")
        return None
    hit = best[2]
    owner = re.search(r"(?:^|_)(owner|owners|keeper|breeder|tenant|guest|customer|user|member|contact)(?:_|$)", norm)
    if hit.id in _ANIMAL_LOOK_ALIKES and re.search(_ANIMAL_TABLES, tnorm) and not owner:
        # (holdout17 classes) an animal's name, birth date and sex are no person's: a table of pets keys animals
        evidence.append(f"name: {norm!r} in a table of animals ({tnorm!r}): the animal's, not a person's")
        return None
    if hit.id in _PLACE_LOOK_ALIKES and re.search(_PREMISES_TABLES, tnorm) and not owner:
        # (holdout16/17 classes) a table of premises or public equipment (a landlord's lots, a hotel, a charging
        # station): its own name, address and coordinates locate an asset, not a person's home
        evidence.append(f"name: {norm!r} in a table of premises or public equipment ({tnorm!r}): the asset's own "
                        "name or place, not a person's")
        return None
    if hit.id in _EQUIPMENT_LOOK_ALIKES and re.search(_PUBLIC_EQUIPMENT_TABLES, tnorm) and not owner:
        # (holdout16 classes) a charging station's serials, modem SIM and network address are the operator's
        # equipment (a consumer's own camera or phone stays the person's device)
        evidence.append(f"name: {norm!r} in a table of an operator's equipment ({tnorm!r}): the equipment's, not a "
                        "person's device")
        return None
    if hit.id == "token" and norm == "token" and re.search(_PUSH_DEVICE_TABLES, tnorm):
        # (holdout16 classes) a bare token in a table of push devices (the Twitter archive's `ni-devices`, an app's
        # `installations`): the push service's address of the device, not a secret
        evidence.append(f"name: a bare {norm!r} in a table of push devices ({tnorm!r}): the device's push token")
        return DETECTORS_BY_ID["device_id"]
    if hit.id == "person_name" and re.match(r"^(display_)?name$", norm) \
            and (re.search(_THING_TABLES, tnorm) or re.search(_THING_TABLE_HEADS, tnorm)):
        evidence.append(f"name: a bare {norm!r} in a table of things ({tnorm!r}) names the thing, not a person")
        return None
    if hit.id == "person_name" and re.match(r"^(display_)?name$", norm) and profile.non_blank >= MIN_VALUES \
            and _few_repeated(profile) and profile.share(_looks_like_person_name) < CONFIRM_THRESHOLD:
        # (holdout15 classes) a bare name with a handful of single words shared by all rows (an address's "Home",
        # "Main") is a label of the record (a few full names repeated are a few people: they stay names)
        evidence.append(f"name: a bare {norm!r} with only {profile.distinct} distinct single words repeated over "
                        f"{profile.non_blank} rows: a label of the record, not people's names")
        return None
    if hit.id == "username" and re.search(_NICKNAME, norm) and re.search(_STAFF_TABLES, tnorm) \
            and not re.search(ACCOUNT_TABLES, tnorm):
        evidence.append(f"name: a nickname in a table of staff or contacts ({tnorm!r}), not of accounts: the name the "
                        "person goes by, not a login")
        return DETECTORS_BY_ID["person_name"]
    if hit.id == "account_status" and re.match(r"^(status|state)$", norm) \
            and not (re.search(ACCOUNT_TABLES, tnorm) and profile.share(_is_account_state) >= 0.5):
        return None  # a bare status speaks of the account only in a table of accounts, in its words
    return hit


def _values_contradict(d: Detector, profile: ColumnProfile, shares: dict[str, float], norm: str = "") -> str | None:
    """Why the sampled values cannot be the data the name announces (values outvote names), or None.

    `norm`: the column's normalised name, where a check depends on its words (an address's, not a house number's).
    """
    if profile.non_blank >= MIN_VALUES and d.category == "user.sex_life" and d.id != "sexual_orientation" \
            and (other := profile.share(_not_genders_or_orientations)) >= 0.9:
        # (holdout22 classes) a bare `interested_in` (a name gated to tables of people) is about genders only where
        # the values are genders or orientations ("F", "M,F", "women"): activities or topics ("Yoga", "Personal
        # Training") are what the person is interested in, not whom
        return f"{_pct(other)} of values are words naming neither genders nor orientations (activities, topics)"
    if profile.non_blank < MIN_VALUES or d.id in _META_OK:
        return None
    low_ok = d.id in _LOW_CARDINALITY_OK
    values = profile.values
    if profile.distinct <= 2 and all(is_boolean_word(v) for v in values) and d.id != "gender":
        return f"values are yes/no flags ({profile.distinct} distinct in {profile.non_blank})"
    if d.id in _TEXT_OF_PEOPLE and profile.share(_is_small_number) >= 0.9:
        return f"{_pct(profile.share(_is_small_number))} of values are small numbers (counts or codes), not words"
    if d.category == "user.name" and (numbers := profile.share(_digits_only)) >= 0.9:
        # (holdout22 classes) no one's name is written in digits: values of digits alone (with the spaces, dashes or
        # `+` numbers are written with) under a name word (`contact`, `emergency_contact`) are numbers, whatever
        # the name says; which numbers, the values say next (a phone's, a key's)
        return f"{_pct(numbers)} of values are digits only (numbers, not people's names)"
    if low_ok:
        return None
    if profile.distinct == 1:
        return f"one value repeated {profile.non_blank} times: a constant, not people's data"
    if shares.get("datetime", 0) >= VALUE_THRESHOLD and d.id not in ("date_of_birth",):
        return f"{_pct(shares['datetime'])} of values are event timestamps"
    if shares.get("epoch_time", 0) >= VALUE_THRESHOLD:
        # `1712345678.42`: a moment, or an id a system makes from one (a call's unique id), not a device or a person
        return f"{_pct(shares['epoch_time'])} of values are Unix times (seconds and a fraction): moments, not identifiers"
    # First names repeat in small samples, so a handful of words rules out everything but a person's name.
    # Tokens are random per row; only passwords may be words that repeat.
    if profile.distinct <= 6 and profile.non_blank >= 50 and d.id not in ("person_name", "credentials") and all(
            len(v) <= 31 and re.fullmatch(_STATUS_WORDS, v) for v in values):
        return f"only {profile.distinct} distinct words in {profile.non_blank}: a status or category code"
    if d.id in _CONTENT_DETECTORS and profile.distinct <= 6 and profile.non_blank >= 50:
        return (f"only {profile.distinct} distinct values in {profile.non_blank}: a template or setting shared by the "
                "rows, not each row's own picture")
    if d.id == "street_address" and profile.share(is_network_address) >= VALUE_THRESHOLD:
        return f"{_pct(profile.share(is_network_address))} of values are network addresses (IP or host names)"
    if d.id in ("street_address", "postal_address") and re.search(r"(?:^|_)(address|addr|adr)$", norm) \
            and (ints := profile.share(lambda v: v.isdigit() and len(v) <= 12)) >= 0.9:
        # (holdout21 classes) an address has words: a column named for a whole address (not a house number) holding
        # bare integers (Evergreen's `actor.usr.mailing_address`) holds the key of an address row, not the address
        return f"{_pct(ints)} of values are bare integers: keys of address records, not street lines"
    if d.id == "phone":
        # (holdout20 classes) a phone number is digits: a value with fewer than three (an operator's or a brand's
        # name) or a long run of letters and digits with no separator (a telephony platform's id of the number, a
        # `PN` + 32 hex sid) cannot be one, whatever the name says
        words_only = profile.share(lambda v: sum(c.isdigit() for c in v) < 3)
        if words_only >= 0.9:
            return f"{_pct(words_only)} of values hold fewer than three digits (words: names, kinds), not phone numbers"
        ids = profile.share(lambda v: len(v) >= 20 and v.isalnum() and v.isascii() and not v.isdigit())
        if ids >= 0.9:
            return f"{_pct(ids)} of values are identifiers of 20+ letters and digits, not phone numbers"
    if d.id in _CONTENT_DETECTORS and profile.share(_is_record_key) >= VALUE_THRESHOLD:
        return "the values are identifiers (numbers, UUIDs, hex keys): keys of content records, not the content"
    if d.id in _CONTENT_DETECTORS and profile.share(_is_folder) >= 0.9 \
            and profile.share(lambda v: "/" in v) >= CONFIRM_THRESHOLD:
        # (holdout12 classes) a library's `photo_path` "2024/07", "Import/Phone": the folder a file is filed in (named
        # by a date or in words), no file of its own
        return f"{_pct(profile.share(_is_folder))} of values are folders (dates or words, no file name)"
    return None


_DATE_FOLDER = re.compile(r"/?(19|20)\d\d([/-](0?[1-9]|1[0-2])([/-](0?[1-9]|[12]\d|3[01]))?)?/?")
_WORD_FOLDER = re.compile(r"/?[A-Za-z][A-Za-z _-]*(/[A-Za-z][A-Za-z _-]*)*/?")


def _is_folder(v: str) -> bool:
    """A folder: a date path (`2024/07`) or words (`Import/Phone`), with no file name (no extension, no random key)."""
    return bool(_DATE_FOLDER.fullmatch(v) or _WORD_FOLDER.fullmatch(v))


def _digits_only(v: str) -> bool:
    """Digits with the separators numbers are written with (`98765 43210`, `+91-98765-43210`), at least 3 digits."""
    return bool(re.fullmatch(r"\+?[\d\s().-]+", v)) and sum(c.isdigit() for c in v) >= 3


# Words of the genders a person seeks (Facebook's and Tinder's `interested_in`): a sex, a gender or everyone.
_SOUGHT_GENDERS = frozenset({"m", "f", "male", "female", "males", "females", "man", "men", "woman", "women", "both",
                             "everyone", "anyone", "all", "any", "nonbinary", "non-binary", "enby", "boys", "girls",
                             "guys", "男", "女", "男生", "女生", "都可以"})


def _not_genders_or_orientations(v: str) -> bool:
    toks = [t for t in re.split(r"[\s,;/|&+]+", v.strip().lower()) if t]
    return bool(toks) and not is_sexual_orientation(v) and not any(t in _SOUGHT_GENDERS for t in toks) \
        and any(c.isalpha() for c in v)


# Detectors of words people are known by: never a bare small number (a count, a code). A street's part may be
# one (a house or flat number), so addresses are not among them.
_TEXT_OF_PEOPLE = {"person_name", "username"}


def _is_small_number(v: str) -> bool:
    """An integer of at most four digits (a count, a flag, a code)."""
    return len(v) <= 5 and bool(re.fullmatch(r"-?\d{1,4}", v))


# Status or category words: letters (a digit may end a word, as in `oauth2`), never a separate number (`Apt 3`).
_STATUS_WORDS = r"[A-Za-z][A-Za-z0-9.'-]*( [A-Za-z][A-Za-z.'-]*)*"
# Detectors of content (images, recordings): their values are URLs, paths, encoded data or bytes, never bare keys.
_CONTENT_DETECTORS = {"camera_snapshot", "video", "self_image", "people_picture", "encoded_image"}


def _decoded_base64(profile: ColumnProfile) -> tuple[ColumnProfile, float] | None:
    """The profile of the decoded values when 80%+ of the sampled rows are printable text stored base64-encoded."""
    if profile.non_blank < 10 or profile.binary_media:
        return None
    probe = list(profile.values.items())[:SHARE_PROBE]
    first = probe[0][0] if probe else ""
    if len(first) % 4 or not re.fullmatch(r"[A-Za-z0-9+/]+={0,2}", first):
        return None  # the usual case, settled by one value: not base64 text
    decoded: dict[str, int] = {}
    hits = total = 0
    for v, n in probe:
        total += n
        text = decode_base64_text(v)
        if text is not None:
            hits += n
            decoded[text] = decoded.get(text, 0) + n
    if not total or hits / total < VALUE_THRESHOLD:
        return None
    return ColumnProfile(sum(decoded.values()), len(decoded), decoded), hits / total


# (holdout16 classes) the fields of an item of a JSON list that hold the datum itself (`[{"value": .., "type": ..}]`)
_ITEM_VALUE_KEYS = ("value", "email", "address", "number", "phone", "name", "contact")


def _json_list_items(profile: ColumnProfile) -> tuple[ColumnProfile, float] | None:
    """The profile of the items when 80%+ of the sampled rows are JSON lists of strings or of `{value: ..}` objects.

    A help desk keeps a customer's phones or a ticket's copied addresses as one JSON list per row: each item is the
    datum, and the column holds what its items are.
    """
    if profile.non_blank < 10 or profile.binary_media:
        return None
    probe = list(profile.values.items())[:SHARE_PROBE]
    if not probe or not probe[0][0].lstrip().startswith("["):
        return None  # the usual case, settled by one value
    items: dict[str, int] = {}
    hits = total = 0
    for v, n in probe:
        total += n
        try:
            parsed = json.loads(v)
        except ValueError:
            continue
        if not isinstance(parsed, list) or not parsed:
            continue
        texts = []
        for it in parsed:
            if isinstance(it, dict):
                it = next((it[k] for k in _ITEM_VALUE_KEYS if isinstance(it.get(k), str)), None)
            if isinstance(it, str) and it.strip():
                texts.append(it.strip())
        if texts and len(texts) == len(parsed):
            hits += n
            for t in texts:
                items[t] = items.get(t, 0) + n
    if not total or hits / total < VALUE_THRESHOLD or not items:
        return None
    return ColumnProfile(sum(items.values()), len(items), items), hits / total


def _is_record_key(v: str) -> bool:
    """A bare record key: an integer, a UUID or a short hex string."""
    return v.isdigit() or is_uuid(v) or bool(re.fullmatch(r"[0-9a-fA-F]{6,32}", v))


def _reaches_head(norm: str, tnorm: str) -> bool:
    """Whether some detector's name match ends the name `norm` (it names the head word)."""
    return any((span := _match_span(d, norm, tnorm)) is not None and span[0] == len(norm) for d in DETECTORS)


def _lexicon_reading(name: str, norm: str, table: str, tnorm: str, profile: ColumnProfile,
                     siblings: Iterable[str]) -> Judgement | None:
    """The verdict on the name read word by word (`middlename`, `fname`, `birth_lname`), or None.

    Only when that reading names the head word and the name as written does not; a reading is a weaker hint, and the
    confidence says so.
    """
    read, notes = lexicon.read_name(norm, profile, tnorm)
    if read == norm or not _reaches_head(read, tnorm):
        return None
    if _reaches_head(norm, tnorm) and not lexicon.values_expand(norm, profile, tnorm):
        return None  # the name as written names its data; only a short form its values spell out reads otherwise
    verdict = classify_column(read, table, profile, siblings)
    verdict.evidence.insert(0, f"name: {norm!r} read as {read!r} ({'; '.join(notes)})")
    if verdict.category is not None:
        verdict.confidence = round(verdict.confidence * 0.9, 2)
    return verdict


def _lexicon_guard(d: Detector, norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile) -> str | None:
    """Why the lexicon's guards rule the name's detector out (modifier, context, range, values of another kind)."""
    return (lexicon.modifier_only(norm, _match_end(d, norm, tnorm))
            or lexicon.gate_fails(d.id, tnorm, sibs, profile, _is_table_of_people(tnorm, sibs))
            or lexicon.values_contradict(d.id, profile, MIN_VALUES))


# Tables and columns of one-time-password configurations (RFC 6238 TOTP: digits, period, algorithm; otpauth URIs).
_TOTP_TABLES = r"(?:^|_)(totp|hotp|otp|mfa|2fa|tfa|two_factor|second_factor|authenticator|authenticators)(_|$)"
_TOTP_PARAMETERS = {"digits", "period", "algorithm", "issuer", "counter"}
# An account or tenant id (`accountId`, `recipientAccountId`, `tenant_id`): a person's, or an organisation's.
_TENANT_ACCOUNT = r"(?:^|_)(account|tenant|org|organisation|organization|workspace|subscription)_?id$"


# (holdout16 classes) A table of a person's bank details (`bank_details`, Django `employee_employeebankdetails`): its
# address, city and country are the bank branch's (the person's own address is kept with the person), and its bare
# account number is the person's bank account.
_BANK_DETAIL_TABLES = r"(?:^|_)[a-z]*bank_?(details|detail|accounts|account|info)$"
_BUSINESS_NAME = (r"(hotel|store|shop|branch|restaurant|venue|merchant|station|clinic|gym|property|office|warehouse"
                  r"|pharmacy|agency|dealer|dealership)_?name")
_PERSON_NAME_COLUMN = (r"(?:^|_)(first_name|firstname|last_name|lastname|full_name|fullname|surname|given_name"
                       r"|family_name|customer_name|guest_name|contact_name|client_name|member_name)$|^name$")
_BUSINESS_COPY_LOOK_ALIKES = {"street_address", "postal_address", "city", "postal_code", "pin_postal_code", "country",
                              "phone", "email"}
_BRANCH_PLACE = {"street_address", "postal_address", "city", "postal_code", "pin_postal_code", "country"}


def classify_column(name: str, table: str, profile: ColumnProfile, siblings: Iterable[str] = ()) -> Judgement:
    """Decide the taxonomy category of one column (`_classify_column`), then apply the context of its table.

    A table of public equipment or of bank details speaks of the equipment or the bank; a person's picture and a
    contact's phone are recognised last (holdout16/17 classes).
    """
    verdict = _classify_column(name, table, profile, siblings)
    norm, tnorm = normalise_name(name), normalise_name(table)
    change = _value_of_a_change(norm, tnorm, name, table, siblings, profile, verdict)
    if change is not None:
        return change
    picture = _person_picture(norm, tnorm, siblings, profile, verdict)
    if picture is not None:
        return picture
    if verdict.detector == "body_measure" and re.search(r"(?:^|_)(weight|height|length|width)(?:_|$)", norm):
        goods = next((n for n in [tnorm, *map(normalise_name, siblings)] if re.search(_GOODS_WORDS, n)), None)
        if goods is not None:
            # (holdout21 classes) a weight or size beside a parcel's, a shipment's or a product's columns (EasyParcel's
            # `Weight (kg)*` next to `Parcel Content*`) is the goods', not a person's body
            return Judgement(None, 0.6, None, [*verdict.evidence, f"context: {goods!r} names goods (a parcel, a "
                                               "shipment, a product): the weight or size is theirs, not a person's "
                                               "body measurement"])
    shown = _display_name(profile, verdict)
    if shown is not None:
        return shown
    sender = _sending_party_copy(norm, siblings, profile, verdict)
    if sender is not None:
        return sender
    address = _address_in_one_cell(norm, siblings, profile, verdict)
    if address is not None:
        return address
    grouped = _not_the_row_person(norm, tnorm, siblings, profile, verdict)
    if grouped is not None:
        return grouped
    if verdict.category is None and re.search(r"(?:^|_)contact$", norm) and profile.non_blank >= MIN_VALUES:
        # (holdout16 classes) a contact kept as a bare number (`emergency_contact`): the person reached is a person
        phones = profile.share(_phone_shaped)
        if phones >= VALUE_THRESHOLD:
            return Judgement("user.contact.phone_number", 0.7, "phone", [
                *verdict.evidence, f"name and values: {norm!r} names a contact and {_pct(phones)} of values are phone "
                                   f"numbers ({profile.non_blank} non-blank sampled)"], round(phones, 4))
    if re.search(r"(?:^|_)(owner|owners|holder|user|customer|member|employee|driver|person)(?:_|$)", norm):
        if verdict.category is None and verdict.confidence >= 0.8:
            # (holdout22 classes) the person-key rule below still reads a key named for the person (`member_code`)
            return _person_key(name, table, profile, verdict, siblings) or verdict
        return verdict
    if verdict.detector in _EQUIPMENT_LOOK_ALIKES and re.search(_PUBLIC_EQUIPMENT_TABLES, tnorm):
        return Judgement(None, 0.7, None, [*verdict.evidence, f"context: {tnorm!r} is a table of an operator's public "
                                           "equipment (charging points, meters, kiosks): its serials, SIM and network "
                                           "ids are the equipment's, not a person's device"])
    if verdict.category is None and norm == "number" and re.search(r"(?:^|_)(conversations|conversation|threads)$", tnorm) \
            and profile.non_blank >= MIN_VALUES and profile.distinct >= 0.95 * profile.non_blank \
            and profile.share(lambda v: v.isdigit() and len(v) <= 8) >= VALUE_THRESHOLD:
        # (holdout16 classes) a help desk's conversation is a ticket (FreeScout): its short running number, one per row,
        # is the ticket number a person quotes (a phone number is longer)
        return Judgement("user.support", 0.6, "ticket_number", [
            *verdict.evidence, f"name and values: a bare {norm!r} in a table of help-desk conversations ({tnorm!r}), "
                               f"short running numbers one per row: the ticket number ({profile.non_blank} non-blank "
                               "sampled)"])
    if verdict.category is None and re.search(r"(?:^|_)(journey|journeys|trip|trips|itinerary|ride|rides)(?:_|$)", norm) \
            and profile.non_blank >= MIN_VALUES and profile.distinct >= 5:
        # (holdout17 classes) a travel card's or ride's journey line ("Brixton to Oxford Circus"): the places the person
        # went from and to, at the row's time (as a ride's start and end points)
        legs = profile.share(lambda v: bool(re.fullmatch(r"[A-Z0-9][^,;]{1,80}? (to|→|->) [A-Z0-9][^,;]{1,80}", v)))
        if legs >= 0.5:
            return Judgement("user.location.precise", 0.6, "precise_location", [
                *verdict.evidence, f"name and values: {norm!r} names a journey and {_pct(legs)} of values are "
                                   f"'<place> to <place>' legs: where the person went ({profile.non_blank} non-blank "
                                   "sampled)"], round(legs, 4))
    role = _person_by_role(norm, tnorm, siblings, profile, verdict)
    if role is not None:
        return role
    if verdict.detector in _BUSINESS_COPY_LOOK_ALIKES and profile.non_blank >= MIN_VALUES \
            and profile.distinct <= 6 and profile.non_blank >= 10 * profile.distinct:
        sibs = [normalise_name(n) for n in siblings]
        business = next((n for n in sibs if re.fullmatch(_BUSINESS_NAME, n)), None)
        if business and not any(re.search(_PERSON_NAME_COLUMN, n) for n in sibs):
            # (holdout16 classes) a booking line that copies its hotel (QloApps `htl_booking_detail`: the hotel's
            # name, city, front-desk phone and email): a handful of values repeated over all rows, beside the
            # business's name and no person's name, are the business's contact data
            return Judgement(None, 0.6, None, [*verdict.evidence, f"context: only {profile.distinct} distinct values "
                                               f"over {profile.non_blank} rows beside {business!r} and no person's "
                                               "name: the business's own contact details, copied into each row"])
    if re.search(_BANK_DETAIL_TABLES, tnorm):
        if verdict.detector in _BRANCH_PLACE:
            return Judgement(None, 0.6, None, [*verdict.evidence, f"context: {tnorm!r} is a table of bank details: "
                                               "its address is the bank branch's, not the account holder's"])
        if verdict.category is None and re.fullmatch(r"(bank_)?(account_number|account_no|acc_no|account_num)", norm):
            return Judgement("user.financial.account_number", 0.6, "payment_account",
                             [*verdict.evidence, f"context: {norm!r} in a table of a person's bank details ({tnorm!r}): "
                                                 "the person's bank account number"])
    in_context = _read_in_context(norm, tnorm, siblings, profile, verdict)
    if in_context is not None:
        return in_context
    if verdict.category is None and verdict.confidence >= 0.8:
        # Nothing found and nothing ruled out (an explicit "not personal" carries a lower confidence): a record key
        # named for a person noun of published vocabularies (person_keys.py) is that person's identifier.
        found = _person_key(name, table, profile, verdict, siblings)
        if found is not None:
            return found
    return verdict


# (holdout22 classes) An account that groups people (DocuSeal's `users.account_id`: the customer organisation of a
# multi-tenant service, several users each) on rows that are people or that name their person otherwise.
_ACCOUNT_KEYS = r"^(account_id|accountid|account|account_key|tenant_account_id)$"
# A workflow's own ends beside `opened_at` (a signing request's `completed_at`, a ticket's `closed_at`), and the words of
# an email's delivery tracking that keep `opened_at` an email's open.
_WORKFLOW_ENDS = (r"^(completed_at|declined_at|signed_at|submitted_at|closed_at|resolved_at|finished_at|rejected_at"
                  r"|approved_at|cancelled_at|canceled_at|expired_at)$")
_EMAIL_TRACKING = (r"(?:^|_)(clicked|clicks|click|bounced|bounce|delivered|unsubscribed|unsubscribe|campaign|campaigns"
                   r"|mailing|newsletter|message_id|complained|spam)(?:_|$)")


def _not_the_row_person(norm: str, tnorm: str, siblings: Iterable[str], profile: ColumnProfile,
                        verdict: Judgement) -> Judgement | None:
    """An account shared by many people of the rows (a tenant), a workflow's `opened_at`: not the person's data."""
    if profile.non_blank < MIN_VALUES:
        return None
    sibs = [normalise_name(n) for n in siblings if normalise_name(n) != norm]
    if verdict.category == "user.id" and re.match(_ACCOUNT_KEYS, norm) and 2 <= profile.distinct \
            and profile.distinct <= 0.5 * profile.non_blank:
        other = next((n for n in sibs if re.search(r"able_(id|type)$", n)
                      or (ref := person_keys.name_points_to_person(n, tnorm)) is not None and ref.shape == "keyed"),
                     None)
        if _is_table_of_people(tnorm, frozenset(sibs)) or other is not None:
            whom = f"the row names its person in {other!r}" if other else f"the rows are people ({tnorm!r})"
            return Judgement(None, 0.6, None, [*verdict.evidence, f"context: {whom} and {profile.distinct} distinct "
                                               f"accounts over {profile.non_blank} rows: an account several people "
                                               "share, the customer organisation (tenant), not a person"])
    if verdict.detector == "email_engagement" and norm == "opened_at" \
            and (end := next((n for n in sibs if re.match(_WORKFLOW_ENDS, n)), None)) is not None \
            and not any(re.search(_EMAIL_TRACKING, n) for n in [tnorm, *sibs]):
        return Judgement(None, 0.6, None, [*verdict.evidence, f"context: beside {end!r} and no email tracking (clicks, "
                                           "bounces, deliveries): when the record (a form, a request, a ticket) was "
                                           "opened in its workflow, not an email's open"])
    return None


# (holdout22 classes) Where an address has one column and no column for its town beside it, the cell holds the whole
# address (Gymie's `address`: "Flat 101, Shanti Apartments, Kothrud, Pune - 411001", "12, MG Road, Pune"); with a city
# column beside it (Horilla's `address`, `city`, `zip`), the street part only.
_WHOLE_ADDRESS_NAMES = (r"^(address|addr|full_address|home_address|residential_address|permanent_address"
                        r"|current_address|postal_address|mailing_address|correspondence_address|local_address)$")
_TOWN_SIBLINGS = (r"(?:^|_)(city|town|locality|suburb|village|municipality|city_name|town_name)$"
                  r"|城市|所在市|市$")
# India's postal code (a PIN code of six digits, the first 1-9: India Post's Postal Index Number) beside an address
_ADDRESS_SIBLINGS = r"(?:^|_)(address|addr|street|city|town|locality|landmark|address_line\d?|addressline\d?)(?:_|$)"


_UNIT_PART = re.compile(r"(?i)^(apt|apartment|flat|unit|suite|ste|room|rm|floor|fl|box|po box|p\.o\. box|#|no\.?)\b")


def _place_parts(v: str) -> list[str]:
    """The parts of an address that name places (a street, a locality, a town): not a flat or a bare number."""
    return [p for p in (q.strip() for q in _ADDRESS_PART_SEP.split(v))
            if re.search(r"[^\W\d_]{2}", p) and not _UNIT_PART.match(p)]


def _address_in_one_cell(norm: str, siblings: Iterable[str], profile: ColumnProfile,
                         verdict: Judgement) -> Judgement | None:
    """A whole address in the one address column of a table with no town column; a PIN code beside an address."""
    if profile.non_blank < MIN_VALUES:
        return None
    sibs = [normalise_name(n) for n in siblings]
    note = f"{profile.non_blank} non-blank sampled"
    if verdict.detector == "street_address" and re.match(_WHOLE_ADDRESS_NAMES, norm) \
            and not any(re.search(_TOWN_SIBLINGS, n) for n in sibs if n != norm):
        parts = profile.share(lambda v: len(_place_parts(v)) >= 2)
        if parts >= VALUE_THRESHOLD:
            return Judgement("user.contact.address", 0.6, "postal_address", [
                *verdict.evidence, f"name and context: {norm!r} is the table's only address column, with no town column "
                                   f"beside it, and {_pct(parts)} of values are addresses in parts (separated by "
                                   f"commas): the whole address in one cell ({note})"], round(parts, 4))
    if verdict.category is None and verdict.confidence >= 0.8 and norm in ("pincode", "pin_code", "pin_no") \
            and (beside := next((n for n in sibs if re.search(_ADDRESS_SIBLINGS, n)), None)) is not None:
        pins = profile.share(lambda v: bool(re.fullmatch(r"[1-9]\d{2} ?\d{3}", v)))
        if pins >= VALUE_THRESHOLD:
            return Judgement("user.contact.address.postal_code", 0.6, "pin_postal_code", [
                *verdict.evidence, f"name and context: {norm!r} beside an address ({beside!r}) and {_pct(pins)} of "
                                   f"values are six-digit Indian PIN codes: the address's postal code, not a secret "
                                   f"PIN ({note})"], round(pins, 4))
    return None


_GOODS_WORDS = (r"(?:^|_)(parcel|parcels|package|packages|shipment|shipments|consignment|consignments|cargo|freight"
               r"|courier|waybill|awb|tracking|product|products|sku|item|items|goods|luggage|baggage|pallet|box|boxes)"
               r"(?:_|$)|包裹|快递|运单|货物|商品|品名")
# (holdout21 classes) A shipping or messaging file names two parties: the one that sends (the shop, its warehouse) and
# the one that receives. When the receiving party has columns of its own, the sending party's contact data that
# repeats one or a few values over all rows is the business's own, copied into each row (as a hotel's in a booking).
_SENDING_PARTY = (r"^(sender|shipper|consignor|ship_from|shipfrom|from|origin|pickup|pick_up|return|merchant|seller"
                  r"|store|shop|warehouse|dispatch|dispatcher)_")
_RECEIVING_PARTY = (r"^(receiver|recipient|consignee|ship_to|shipto|to|delivery|deliver_to|buyer|customer|shipping"
                    r"|destination|dest)_")
_SENDER_CONTACT = r"(?:^|_)(contact|contact_no|contact_number|phone|tel|mobile|email|address|city|postcode|post_code|zip)$"


def _sending_party_copy(norm: str, siblings: Iterable[str], profile: ColumnProfile,
                        verdict: Judgement) -> Judgement | None:
    """A sending party's contact columns holding a few values over all rows beside a receiving party's: not personal."""
    if not re.search(_SENDING_PARTY, norm) or profile.non_blank < MIN_VALUES:
        return None
    if profile.distinct > 3 or profile.non_blank < 10 * profile.distinct:
        return None
    if verdict.detector not in _BUSINESS_COPY_LOOK_ALIKES and not re.search(_SENDER_CONTACT, norm):
        return None
    other = next((n for n in map(normalise_name, siblings) if re.search(_RECEIVING_PARTY, n)), None)
    if other is None:
        return None
    return Judgement(None, 0.6, None, [*verdict.evidence, f"context: {norm!r} is the sending party's and holds only "
                                       f"{profile.distinct} distinct values over {profile.non_blank} rows, beside the "
                                       f"receiving party's {other!r}: the business's own details, copied into each "
                                       "row"])


# (holdout21 classes) A password-reset request's secret (Evergreen `actor.usr_password_reset.uuid`, Laravel's
# `password_resets.token`) is the one-time token mailed to the person: whoever holds it sets the password.
_RESET_TABLES = (r"(?:^|_)(password|passwd|pwd|pass)_?(reset|resets|recovery|recoveries|reset_request|reset_requests"
                 r"|reset_token|reset_tokens|forgot)(?:_|$)|(?:^|_)(forgot_password|reset_tokens|reset_token)(?:_|$)")
_RESET_SECRETS = r"^(uuid|guid|token|code|secret|key|hash|selector|verifier|reset_token|reset_code|reset_key)$"
# A card's number in a table of cards that points to the card's holder (Evergreen `actor.card`: `usr`, `barcode`;
# a library's or a loyalty scheme's cards): the number the person is known by at the desk, as a patron's card number.
_CARD_TABLES = r"(?:^|_)(card|cards|patron_card|patron_cards|library_card|library_cards|member_card|member_cards)$"
_CARD_NUMBERS = r"^(barcode|bar_code|card_number|card_no|cardnumber|card_num|number|card_barcode)$"
_HOLDER_REFS = (r"^(usr|user|user_id|userid|usr_id|patron|patron_id|borrower|borrower_id|borrowernumber|member"
                r"|member_id|customer|customer_id|holder|holder_id|owner|owner_id|person_id)$")
# A signature typed instead of drawn (Documenso `Signature.typedSignature`): the signer's name as they typed it.
_SIGNATURE_TEXT = r"(?:^|_)(typed_signature|signature_text|text_signature|signature_name|signed_name|typedsignature)$"
_REFERENCES = r"^(reference|ref|reference_no|reference_number|ref_no|order_reference|order_ref_no|shop_reference)$"
_PROFILE_SLUG = r"^(url|slug|profile_url|profile_slug|vanity_url|public_url|profile_path|user_slug|url_slug)$"
# The number of an identity document whose kind a sibling names (Evergreen `ident_value` beside `ident_type`; HR
# schemas' `id_document_number` beside `id_document_type`): a government-issued id of the person.
_ID_DOCUMENT_NUMBER = (r"^(ident|identification|identity|id_document|identity_document|id_doc|iddoc|id_card|document"
                       r"|doc)_(value|number|no|num|nr)$")
_PERSON_CARD_NUMBERS = (r"^(barcode|bar_code|card_barcode|patron_barcode|member_barcode|library_card"
                        r"|library_card_number|library_card_no|membership_card|membership_card_number"
                        r"|member_card_number|member_card_no)$")
_EXTERNAL_IDS = (r"^(external_id|externalid|external_system_id|externalsystemid|external_user_id|ext_id|ext_user_id"
                 r"|external_uid|external_key|external_ref|external_reference|foreign_system_id)$")
_LINK_SLUGS = r"^(slug|link_slug|token_slug|access_slug)$"
_ONE_PERSON_NAME = r"^(name|full_name|fullname|first_name|firstname|last_name|lastname|given_name|family_name)$|^姓名$"
_ONE_PERSON_TRAITS = r"(?:^|_)(dob|birth_date|birthdate|date_of_birth|birthday|gender|sex)$|性别|生日|出生日期"


def _describes_one_person(sibs: list[str], tnorm: str) -> bool:
    """Siblings holding a person's name and a birth date or gender, and no key of another person's row (`user_id`).

    Then each row is about one person, not a thing (an address book's entry) that belongs to one.
    """
    if any((ref := person_keys.name_points_to_person(n, tnorm)) is not None and ref.shape == "keyed" for n in sibs):
        return False
    return any(re.search(_ONE_PERSON_NAME, n) for n in sibs) and any(re.search(_ONE_PERSON_TRAITS, n) for n in sibs)


def _is_random_slug(v: str) -> bool:
    """10 to 64 letters and digits, both cases and a digit, no separator: a random key, not a word-built slug."""
    return bool(re.fullmatch(r"[A-Za-z0-9]{10,64}", v)) and any(c.isdigit() for c in v) \
        and any(c.isupper() for c in v) and any(c.islower() for c in v)


_BRACKETED = re.compile(r"^(.*?)\s*[（(]([^()（）]+)[)）]$")


def _shown_name(v: str) -> str:
    """The person's name in a meeting's display name (`三班-王伟(王伟)`, `Ana's iPhone (Ana Lopez)`, `研发部-王伟`).

    The registered name in brackets when there is one, else the shown name without a team or class prefix.
    """
    m = _BRACKETED.match(v.strip())
    if m:
        return m.group(2).strip()
    # (holdout22 classes) a pick-up name with the building it goes to (`王伟12栋`, `李娜3号楼`): the name
    v = re.sub(r"(?<=[\u4e00-\u9fff])\d{1,4}(栋|幢|号楼|单元|号|室)$", "", v.strip())
    return re.sub(r"^[^-]{1,12}-(?=\S)", "", v.strip())


def _is_shown_name(v: str) -> bool:
    n = _shown_name(v)
    return _looks_like_person_name(n) or _full_name_any_script(n) \
        or bool(re.fullmatch(r"[A-Z]\. [A-Z][a-z'-]+|[A-Z][a-z'-]+ [A-Z]\.?|[A-Z][a-z'-]+", n))


def _display_name(profile: ColumnProfile, verdict: Judgement) -> Judgement | None:
    """A nickname column whose values are people's names as shown in a meeting: the person's name, not a login.

    (holdout21 classes) Zoom's `User Name (Original Name)`, Tencent Meeting's 用户昵称（入会昵称）: the name shown, the
    registered name in brackets. Only when the name alone said username and the values were no logins.
    """
    if verdict.detector != "username" or verdict.confidence > 0.5 or profile.non_blank < MIN_VALUES \
            or profile.distinct < 5:
        return None
    names = profile.share(_is_shown_name)
    # a lone capitalised word may be a chosen handle ("Shadow"): most values must be full names
    full = profile.share(lambda v: _looks_like_person_name(_shown_name(v)) or _full_name_any_script(_shown_name(v)))
    if names < VALUE_THRESHOLD or full < 0.5:
        return None
    return Judgement("user.name", 0.6, "person_name", [
        *verdict.evidence, f"values: {_pct(names)} are people's names as shown (with the registered name in brackets, "
                           f"or a team prefix), not logins: a display name ({profile.non_blank} non-blank sampled)"],
        round(names, 4))


def _read_in_context(norm: str, tnorm: str, siblings: Iterable[str], profile: ColumnProfile,
                     verdict: Judgement) -> Judgement | None:
    """A reset token, a card's number, a typed signature, a profile slug, an identity document's number, a reference.

    Each is read from its name, its table (or its siblings) and its values together, only where nothing else found a
    category and nothing ruled one out (holdout21 classes); see the constants above.
    """
    if profile.non_blank < MIN_VALUES:
        return None
    if verdict.category is not None or verdict.confidence < 0.8:
        return None
    note = f"{profile.non_blank} non-blank sampled"
    sibs = [normalise_name(n) for n in siblings]
    unique = profile.distinct >= 0.95 * profile.non_blank
    if re.match(_RESET_SECRETS, norm) and re.search(_RESET_TABLES, tnorm) and unique:
        secret = profile.share(lambda v: is_uuid(v) or (len(v) >= 16 and is_random_token(v) and not v.isdigit()))
        if secret >= VALUE_THRESHOLD:
            return Judgement("user.authorization.credentials.token", 0.6, "token", [
                *verdict.evidence, f"name and context: {norm!r} in a table of password-reset requests ({tnorm!r}) and "
                                   f"{_pct(secret)} of values are random and unique: the one-time secret mailed to the "
                                   f"person ({note})"], round(secret, 4))
    people = _is_table_of_people(tnorm, frozenset(sibs))
    if re.match(_PERSON_CARD_NUMBERS, norm) and people and profile.distinct >= 0.9 * profile.non_blank:
        # (holdout22 classes) a barcode on a row of a person (FOLIO's `users.barcode`, a member's card): the number on
        # the person's library or membership card, by which the desk knows them
        numbers = profile.share(lambda v: bool(re.fullmatch(r"[A-Za-z]{0,3}\d{6,20}", v)))
        if numbers >= VALUE_THRESHOLD:
            return Judgement("user.id", 0.6, "user_id", [
                *verdict.evidence, f"name and context: {norm!r} in a table of people ({tnorm!r}) and {_pct(numbers)} "
                                   f"of values are distinct card numbers: the number on the person's card ({note})"],
                round(numbers, 4))
    if re.match(_EXTERNAL_IDS, norm) and people and profile.distinct >= 0.9 * profile.non_blank:
        # (holdout22 classes) the id another system gives the person of a row (FOLIO's `externalSystemId`, a campus
        # id; DocuSeal's `external_id`, a CRM's): on a row of a person, that person's id there
        ids = profile.share(lambda v: 3 <= len(v) <= 64 and " " not in v and any(c.isdigit() for c in v))
        if ids >= VALUE_THRESHOLD:
            return Judgement("user.id", 0.6, "user_id", [
                *verdict.evidence, f"name and context: {norm!r} in a table of people ({tnorm!r}) and {_pct(ids)} of "
                                   f"values are distinct ids with digits: the person's id in another system ({note})"],
                round(ids, 4))
    if norm in ("id", "uuid") and unique and _describes_one_person(sibs, tnorm) \
            and (keys := profile.share(_is_key_value)) >= VALUE_THRESHOLD:
        # (holdout22 classes) a record that holds a person's name with their birth date or gender describes that
        # person (a gym's enquiry, a lead, a registration), whatever the table is called: its row key is theirs
        return Judgement("user.id", 0.55, "row_key_of_people", [
            *verdict.evidence, f"name and context: {norm!r} keys rows holding a person's name with a birth date or "
                               f"gender (a record of one person) and {_pct(keys)} of values are unique keys ({note})"],
            round(keys, 4))
    if re.match(_LINK_SLUGS, norm) and people and unique:
        # (holdout22 classes) a random slug on a row of a person (DocuSeal's `submitters.slug`, the key in the
        # signing-form link mailed to the signer): whoever holds the link acts as the person, a secret
        secret = profile.share(_is_random_slug)
        if secret >= VALUE_THRESHOLD:
            return Judgement("user.authorization.credentials.token", 0.6, "token", [
                *verdict.evidence, f"name and context: {norm!r} in a table of people ({tnorm!r}) and {_pct(secret)} "
                                   f"of values are random unique keys of mixed case and digits, no words: the secret "
                                   f"key of the person's link ({note})"], round(secret, 4))
    if re.match(_CARD_NUMBERS, norm) and re.search(_CARD_TABLES, tnorm) and unique:
        holder = next((n for n in sibs if re.match(_HOLDER_REFS, n)), None)
        numbers = profile.share(lambda v: bool(re.fullmatch(r"[A-Za-z]{0,3}\d{6,20}", v)))
        if holder is not None and numbers >= VALUE_THRESHOLD:
            return Judgement("user.id", 0.6, "user_id", [
                *verdict.evidence, f"name and context: {norm!r} numbers a card in a table of cards ({tnorm!r}) held by "
                                   f"a person ({holder!r}) and {_pct(numbers)} of values are unique card numbers: the "
                                   f"number the holder is known by ({note})"], round(numbers, 4))
    if re.search(_SIGNATURE_TEXT, norm):
        names = profile.share(_is_shown_name)
        if names >= VALUE_THRESHOLD:
            return Judgement("user.name", 0.6, "person_name", [
                *verdict.evidence, f"name and values: {norm!r} is a signature typed as text and {_pct(names)} of "
                                   f"values are people's names: the signer's name ({note})"], round(names, 4))
    if re.match(_PROFILE_SLUG, norm) and _is_table_of_people(tnorm, frozenset(sibs)) \
            and profile.distinct >= 0.8 * profile.non_blank:
        # A person's public profile address kept as its slug (Documenso `User.url` "ana-lopez", a forum's `slug`):
        # the name the account is reached by, chosen or built from the person's name
        slugs = profile.share(lambda v: bool(re.fullmatch(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*", v)) and len(v) <= 40
                              and any(c.isalpha() for c in v))
        if slugs >= VALUE_THRESHOLD:
            return Judgement("user.account.username", 0.55, "username", [
                *verdict.evidence, f"name and context: {norm!r} in a table of people ({tnorm!r}) and {_pct(slugs)} of "
                                   f"values are distinct slugs (lower-case words joined by dashes), no web address: "
                                   f"the account's public handle ({note})"], round(slugs, 4))
    doc = re.match(_ID_DOCUMENT_NUMBER, norm)
    if doc and f"{doc.group(1)}_type" in sibs and profile.distinct >= 0.9 * profile.non_blank:
        numbers = profile.share(lambda v: bool(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 -]{4,22}", v))
                                and sum(c.isdigit() for c in v) >= 4)
        if numbers >= VALUE_THRESHOLD:
            return Judgement("user.government_id", 0.55, "driving_licence", [
                *verdict.evidence, f"name and context: {norm!r} beside {doc.group(1) + '_type'!r} is the number of the "
                                   f"identity document a person showed (of the type named beside it) and "
                                   f"{_pct(numbers)} of values are distinct document numbers ({note})"], round(numbers, 4))
    if re.match(_REFERENCES, norm) and profile.distinct >= 0.8 * profile.non_blank:
        goods = next((n for n in [tnorm, *sibs] if re.search(_GOODS_WORDS, n)), None)
        party = next((n for n in sibs if re.search(_RECEIVING_PARTY, n)), None)
        refs = profile.share(lambda v: bool(re.search(r"\d", v)) and len(v) <= 32 and " " not in v.strip())
        if goods is not None and party is not None and refs >= VALUE_THRESHOLD:
            return Judgement("user.order.record", 0.55, "order_record", [
                *verdict.evidence, f"name and context: {norm!r} in a shipping file (goods: {goods!r}; a recipient: "
                                   f"{party!r}) and {_pct(refs)} of values are distinct codes with digits: the "
                                   f"sender's order reference for the person's parcel ({note})"], round(refs, 4))
    return None


_EXPIRING = (r"(?:^|_)(expires|expires_at|expires_in|expiry|expiry_time|expiration|expiration_time|expire_at"
             r"|expire_time|valid_until|device_code|verification_uri|verification_url)$")


def _person_key(name: str, table: str, profile: ColumnProfile, verdict: Judgement,
                siblings: Iterable[str] = ()) -> Judgement | None:
    """`policy_holder_id`, `entered_by`, `guarantor`, `borrowers.borrowernumber` holding record keys: `user.id`."""
    norm, tnorm = expand_name(normalise_name(name)), normalise_name(table)
    ref = person_keys.name_points_to_person(norm, tnorm)
    if ref is None:
        return None
    if norm.endswith("_code") and any(re.search(_EXPIRING, normalise_name(n)) for n in siblings):
        # a code that expires (RFC 8628's `user_code` beside `device_code`, an invitation's code) is a one-time
        # secret typed by the person, not the id the organisation gives them
        return None
    gate = person_keys.key_values(profile.values, profile.non_blank, profile.distinct, ref.shape, _is_key_value)
    if gate is None:
        return None
    share, what = gate
    # a table of people's own key marks the table as one for the scan's other tables (`cross_table`)
    detector = "row_key_of_people" if ref.shape == "row_key" else "user_id"
    return Judgement("user.id", 0.55, detector, [
        *verdict.evidence, f"name and values: {norm!r} is {ref.describe()} and {_pct(share)} of values are {what} "
                           f"({profile.distinct} distinct): a reference to a person ({profile.non_blank} non-blank "
                           "sampled)"], round(share, 4))


_CHANGE_SIDES = r"^(changed_from|changed_to|old|new|old_value|new_value|previous|previous_value|before|after|from|to)$"
_CHANGE_TABLES = re.compile(r"^(?:[a-z0-9]+_)*?([a-z0-9_]+?)_(change|changes|history|histories|changelog|log)$")


def _value_of_a_change(norm: str, tnorm: str, name: str, table: str, siblings: Iterable[str], profile: ColumnProfile,
                       verdict: Judgement) -> Judgement | None:
    """The before and after of a change (`changedFrom`, `old_value`) in a table named for what changed: that datum.

    (holdout16 classes) The Twitter archive's `screen-name-change` keeps a person's earlier and later handles.
    """
    if verdict.category is not None or not re.match(_CHANGE_SIDES, norm):
        return None
    m = _CHANGE_TABLES.match(tnorm)
    if m is None:
        return None
    words_ = m.group(1).split("_")
    for i in range(len(words_)):  # the longest tail of the table's words that names a datum (`screen_name`)
        what = "_".join(words_[i:])
        j = _classify_column(what, table, profile, siblings)
        if j.category is not None:
            j.evidence.insert(0, f"name and context: {norm!r} is one side of a change in {tnorm!r}, a table of "
                                 f"changes of {what!r}: judged as {what!r}")
            return j
    return None


_PERSON_ROLE_WORDS = (r"^(manager|representative|legal_representative|legal_rep|contact_person|guardian|landlord"
                   r"|signatory|director|account_manager)$")
_OWN_REFERENCE = r"^(reference|ref|customer_reference|customer_ref|client_reference|client_ref|tenant_reference)$"


def _person_by_role(norm: str, tnorm: str, siblings: Iterable[str], profile: ColumnProfile,
                    verdict: Judgement) -> Judgement | None:
    """A person named by their role (`manager` of a tenant company), or a table of people's own reference for each.

    (holdout17 classes) Values decide: full names for the role, codes of letters and digits for the reference.
    """
    if verdict.category is not None or profile.non_blank < 10:
        return None
    note = f"{profile.non_blank} non-blank sampled"
    if re.match(_PERSON_ROLE_WORDS, norm) and profile.distinct >= 5:
        names = profile.share(lambda v: _looks_like_person_name(v) or _full_name_any_script(v))
        if names >= VALUE_THRESHOLD:
            return Judgement("user.name", 0.6, "person_name", [
                *verdict.evidence, f"name and values: {norm!r} names a person by their role and {_pct(names)} of "
                                   f"values are full names ({note})"], round(names, 4))
    if re.match(_OWN_REFERENCE, norm) and profile.non_blank >= MIN_VALUES \
            and _is_table_of_people(tnorm, frozenset(normalise_name(n) for n in siblings)) \
            and not re.search(_ABOUT_PEOPLE_TABLES, tnorm) and profile.distinct >= 0.5 * profile.non_blank \
            and not any(re.search(_GOODS_WORDS, n) for n in [tnorm, *map(normalise_name, siblings)]):
        # (a reference beside goods, a parcel's or a product's, is the order's: `_read_in_context`)
        codes = profile.share(lambda v: bool(re.fullmatch(r"[A-Za-z]{1,6}[-_/]?\d{2,10}", v)))
        if codes >= VALUE_THRESHOLD:
            return Judgement("user.id", 0.6, "user_id", [
                *verdict.evidence, f"name and values: {norm!r} in a table of people ({tnorm!r}) and {_pct(codes)} of "
                                   f"values are codes of letters and digits: the keeper's number for the person ({note})"],
                round(codes, 4))
    return None


def _full_name_any_script(v: str) -> bool:
    """Two to four capitalised words of letters, accents included (`Hélène Lefèvre`, `Jean-Luc N'Diaye`)."""
    parts = v.split()
    return 2 <= len(parts) <= 4 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha()
                                        for w in parts)


def _phone_shaped(v: str) -> bool:
    """A number written as phones are (7 to 15 digits, an optional `+`, spaces, dashes, dots or brackets)."""
    return bool(re.fullmatch(r"\+?[\d\s().-]{7,22}", v)) and 7 <= sum(c.isdigit() for c in v) <= 15


# Words of a picture of a person (a profile photo, an avatar, a selfie) and of a camera's captures.
_PERSON_PICTURE_WORDS = r"(?:^|_)(photo|photos|avatar|avatars|profile|portrait|selfie|selfies|headshot|picture|pictures)(?:_|$)"
_OWN_PICTURE_WORDS = r"(?:^|_)(avatar|avatars|profile|portrait|selfie|selfies|headshot)(?:_|$)"
_CAPTURE_WORDS = (r"(?:^|_)(camera|cameras|cam|ipc|snapshot|snapshots|recording|recordings|nvr|dvr|event|events|object"
                  r"|objects|motion|alarm|alarms|stream|streams|video|videos|thumbnail|thumbnails|clip|clips)(?:_|$)")


def _person_picture(norm: str, tnorm: str, siblings: Iterable[str], profile: ColumnProfile,
                    verdict: Judgement) -> Judgement | None:
    """Image files of a person's picture: in a table of people, or under a picture word with no camera in sight.

    (holdout16/17 classes) `employee_profile` holding `.../x.png`, a dating app's `photos.url`: the person's own
    picture, not a camera's.
    """
    if verdict.detector not in (None, "camera_snapshot") or profile.non_blank < MIN_VALUES:
        return None
    if re.search(_CAPTURE_WORDS, tnorm) or re.search(_CAPTURE_WORDS, norm):
        return None
    if re.search(_THING_TABLES, tnorm) or re.search(_THING_TABLE_HEADS, tnorm):
        return None  # a product's or a file's picture
    sibs = frozenset(normalise_name(n) for n in siblings)
    people = _is_table_of_people(tnorm, sibs)
    if verdict.detector is None and not (re.search(_PERSON_PICTURE_WORDS, norm) and people):
        return None  # a name that says nothing of pictures: other kinds of files
    # a bare `photo` or `picture` column of a camera service's export stays the camera's; a person's picture needs a
    # table of people, a table of pictures, or a word only people's pictures have (avatar, portrait, selfie ...)
    if verdict.detector == "camera_snapshot" and not (people or re.search(_OWN_PICTURE_WORDS, norm)
                                                      or re.search(_PERSON_PICTURE_WORDS, tnorm)):
        return None
    media = profile.share(VALUE_PATTERNS["media_uri"].test)
    if media < VALUE_THRESHOLD:
        # a relative path, or (holdout18 classes) a bare file name kept beside its folder in another column
        media = profile.share(lambda v: bool(re.fullmatch(r"[\w.@%+-]+(/[\w.@%+~=-]+)*\.(png|jpe?g|gif|webp|bmp|heic)", v, re.I)))
    if media < VALUE_THRESHOLD:
        return None
    return Judgement("user.content.self_image", 0.7, "self_image", [
        *verdict.evidence, f"name and values: {norm!r} in {tnorm!r} speaks of a person's picture, no camera in sight, and "
                           f"{_pct(media)} of values are image files ({profile.non_blank} non-blank sampled)"],
        round(media, 4))


def _classify_column(name: str, table: str, profile: ColumnProfile, siblings: Iterable[str] = ()) -> Judgement:
    """Decide the taxonomy category of one column from its name, its table's name and its value profile.

    Values outvote names: with enough non-blank values, values that cannot be the announced data (flags,
    constants, timestamps, a handful of status words) overrule the name, and a specific value pattern of another
    kind replaces it. A name decides alone only when values are absent or opaque, and the confidence says so.
    `siblings` are the table's other column names (context: a login-session store keeps session data next to
    its ids). Returns a `Judgement` whose evidence names patterns, shares and counts only.
    """
    unset = profile.values.get("-", 0) if profile.values else 0
    if unset and profile.non_blank - unset >= 1 and profile.distinct > 1:
        # (holdout14 classes) a lone dash is how logs write an unset field (Zeek, Apache and nginx access logs): no
        # value, so the shares are those of the values written
        rest = {v: n for v, n in profile.values.items() if v != "-"}
        profile = ColumnProfile(profile.non_blank - unset, len(rest), rest, profile.binary_media)
    decoded = _decoded_base64(profile)
    if decoded is not None:
        # Values kept base64-encoded keep the category of what they encode: judged on the decoded text.
        verdict = classify_column(name, table, decoded[0], siblings)
        verdict.evidence.insert(0, f"values: {_pct(decoded[1])} are text stored base64-encoded (a reversible encoding, "
                                   f"not a protection), judged decoded ({profile.non_blank} non-blank sampled)")
        return verdict
    items = _json_list_items(profile)
    if items is not None:
        # (holdout16 classes) a JSON list per row (a customer's phones, a ticket's copied addresses): judged on its items
        verdict = classify_column(name, table, items[0], siblings)
        verdict.evidence.insert(0, f"values: {_pct(items[1])} are JSON lists, judged on their {items[0].non_blank} "
                                   f"items ({profile.non_blank} non-blank sampled)")
        return verdict
    # Abbreviated and glued names are spelled out (`fname` -> `first_name`, `mothersname` -> `mothers_name`).
    norm, tnorm = expand_name(normalise_name(name)), normalise_name(table)
    # (holdout16 classes) Django names a foreign key's column after its field plus `_id`: a field already called
    # `employee_id` is stored as `employee_id_id`, a reference to a row of that model. A person's row is the person
    # (`user.id`); any other row's key (`device_id_id`: a terminal's row) is a record key, not the thing's identifier.
    fk = re.match(r"^([a-z0-9_]*?)_id_id$", norm)
    if fk:
        if re.search(r"(?:^|_)(?:" + _PEOPLE_WORDS + r")$", fk.group(1)):
            norm = fk.group(1) + "_id"
        else:
            return Judgement(None, 0.7, None, [f"name: {name!r} is an ORM's reference to a row of {fk.group(1)!r} "
                                               "(the field's own `_id` plus the ORM's): a record key"])
    # (holdout17 classes) mongoexport's path into an array of sub-documents (`contacts.0.contact`): the field is the
    # last segment, the array's name and the index only say where it sits
    if re.search(r"\.\d+\.", str(name)):
        norm = re.sub(r"^(?:[a-z0-9]+_)*?[a-z]+_\d+_", "", norm)
    # (holdout16 classes) PrestaShop and QloApps put the key word first (`id_order`, `id_customer`): `order_id`
    # (a name a vocabulary spells that way, OCPP's `id_tag`, stays as it is)
    if re.match(r"^id_[a-z]+$", norm) and not any(_match_span(d, norm, tnorm) for d in DETECTORS):
        norm = re.sub(r"^id_([a-z]+)$", r"\1_id", norm)
    if not any(_match_span(d, norm, tnorm) for d in DETECTORS):
        # An application's prefix glued to the word (`acmei18n_id` in table `acme_person`), and a field kept twice or
        # by size (`phone1`, `image_240`): the prefix and the number are no part of the word for the data.
        norm = strip_ordinals(split_table_prefix(norm, tnorm))
        # (holdout14 classes) a schema that tags every column with its table's short tag (`per_` in `person_per`,
        # `fam_` in `family_fam`): the tag is no part of the word either (the row's own key keeps it, `per_id`).
        tag = tnorm.rsplit("_", 1)[-1] if "_" in tnorm else ""
        if len(tag) >= 2 and tnorm.startswith(tag) and norm.startswith(tag + "_") and len(norm) > len(tag) + 3 \
                and not re.fullmatch(tag + r"_(id|key|pk)", norm):
            norm = norm[len(tag) + 1:]
        # ... and an age given at a moment (`age_at_year_end`, `age_at_diagnosis`) is the person's age
        norm = re.sub(r"(?:^|(?<=_))age_(?:at|on|as_of|when)_[a-z0-9_]+$", "age", norm)
    # ... and read with the published vocabularies' words when only that reading names personal data (lexicon.py)
    reading = _lexicon_reading(name, norm, table, tnorm, profile, siblings)
    if reading is not None:
        return reading
    sibs = frozenset(expand_name(normalise_name(n)) for n in siblings) - {norm}
    evidence: list[str] = []
    if profile.binary_media:
        return Judgement("user.content.camera_snapshot", 0.8, "camera_snapshot",
                         [f"values: {profile.binary_media} binary cells hold image data"])
    shares = _Shares(profile)
    sample_note = f"{profile.non_blank} non-blank sampled"

    flag = _race_flag(norm, tnorm, sibs, profile, evidence) or _coded_special_category(norm, tnorm, sibs, profile, evidence)
    if flag is not None:
        return flag

    name_hit = _name_detector(norm, tnorm, profile, evidence, sibs, shares)
    if name_hit is not None and name_hit.id == "username" and re.search(_DEVICE_TABLES, tnorm) \
            and any(re.search(_PASSWORD_SIBLINGS, n) for n in sibs):
        # A device has a handful of logins (`admin`, `root`): few distinct words are expected, not a status code.
        evidence.append(f"name: {name!r} is the login kept beside a password in a table of devices ({tnorm!r}): "
                        "the device's login pair, a credential")
        name_hit = DETECTORS_BY_ID["credentials"]
    if name_hit is not None:
        why = _lexicon_guard(name_hit, norm, tnorm, sibs, profile) \
            or (None if _is_condition_status(norm) else _values_contradict(name_hit, profile, shares, norm)) \
            or _flag_about_the_data(norm, profile)
        if why:
            evidence.append(f"name: {name!r} suggests {name_hit.description}, but {why} ({sample_note})")
            postal = _postal_mail_address(name_hit, norm, profile, evidence)
            if postal is not None:
                return postal
            name_hit = None
    if name_hit is None and norm in ("id", "pk", "uuid", "guid") and _is_login_table(sibs) \
            and not re.search(_DEVICE_TABLES, tnorm) and not re.search(_EQUIPMENT_TABLES, tnorm) \
            and profile.non_blank >= MIN_VALUES and profile.distinct >= 0.95 * profile.non_blank \
            and (keys := profile.share(_is_key_value)) >= VALUE_THRESHOLD:
        # (holdout18 classes) a table holding a login name and a password beside a person's name or contacts is a
        # table of accounts whatever it is called (A2Billing's `cc_card`): its row key is the account holder's id
        evidence.append(f"name and context: {name!r} keys a table holding a login, a password and a person's name or "
                        f"contacts (a table of accounts) and {_pct(keys)} of values are unique keys ({sample_note})")
        return Judgement("user.id", 0.6, "row_key_of_people", evidence, round(keys, 4))
    if name_hit is None and re.fullmatch(_HOUSEHOLD_KEY, norm) \
            and (re.search(_HOUSEHOLD_TABLES, tnorm) or _is_table_of_people(tnorm, sibs)) \
            and profile.non_blank >= MIN_VALUES and profile.distinct >= 8 \
            and (keys := profile.share(_is_key_value)) >= VALUE_THRESHOLD:
        # (holdout18 classes) the insured household or family a person belongs to (openIMIS `FamilyID`), in a table of
        # people or of households: a group of people keyed as one, its key points to them
        evidence.append(f"name and context: {name!r} keys a household of people, in a table of people or households "
                        f"({tnorm!r}), and {_pct(keys)} of values are record keys ({sample_note})")
        return Judgement("user.id", 0.6, "user_id", evidence, round(keys, 4))
    if re.search(_SUBSCRIBER_CARD, norm) and re.search(_TELEPHONY_TABLES, tnorm) and profile.non_blank >= MIN_VALUES \
            and (keys := profile.share(lambda v: bool(re.fullmatch(r"\d{1,7}", v)))) >= VALUE_THRESHOLD:
        # (holdout18 classes) a calling-card platform's card is the subscriber's account: in its call records and
        # caller ids, a card's row key (small integers, not a card number) points to the customer
        evidence.append(f"name and context: {name!r} in a table of calls or caller ids ({tnorm!r}) and {_pct(keys)} "
                        f"of values are row keys (not card numbers): the prepaid card's subscriber ({sample_note})")
        return Judgement("user.id", 0.6, "user_id", evidence, round(keys, 4))
    if name_hit is not None and name_hit.id == "user_id":
        login = _login_in_user_id(norm, profile, evidence)
        if login is not None:
            return login
        if re.search(_TENANT_ACCOUNT, norm) and profile.non_blank >= MIN_VALUES and _few_repeated(profile):
            # (holdout12 classes) an account id shared by all rows of a log (a cloud provider's account number, a
            # tenant): the organisation the records belong to, a handful of them, not each row's person
            evidence.append(f"name: {name!r} names an account, but only {profile.distinct} distinct values are repeated "
                            f"over {profile.non_blank} rows: the organisation's account the records belong to, not a "
                            f"person's ({sample_note})")
            return Judgement(None, 0.7, None, evidence)
        if norm == "uid" and sum(bool(re.search(_FLOW_ENDPOINTS, n)) for n in sibs) >= 2:
            # (holdout14 classes) a network monitor's flow log (originator and responder address and port) keys each
            # connection by a `uid`: the connection's id, not a user's
            evidence.append(f"name: {name!r} in a log of network connections (its siblings are the two endpoints' "
                            "addresses and ports): the connection's id, not a person's")
            name_hit = None
    if name_hit is not None and name_hit.id == "verification_code" and profile.non_blank >= 10:
        # (holdout12 classes) a code a person types from a device's label or a text message is short; one of 24+
        # random characters (not a digest of a code) is a link's token (an activation or reset link): values outvote
        long_tokens = profile.share(lambda v: len(v) >= 24 and is_random_token(v))
        if long_tokens >= VALUE_THRESHOLD and max(shares["digest"], shares["password_hash"]) < CONFIRM_THRESHOLD:
            evidence.append(f"name: {name!r} suggests {name_hit.description}, but {_pct(long_tokens)} of values are "
                            f"random tokens of 24+ characters, a link's token, not a code typed by hand ({sample_note})")
            return Judgement("user.authorization.credentials.token", 0.7, "token", evidence, round(long_tokens, 4))

    if name_hit is not None:
        swapped = _name_of_two_meanings(name_hit, norm, profile, shares, evidence)
        if swapped is not None:
            return swapped
        if name_hit.id == "country" and _is_dialling_prefix(norm, profile):
            evidence.append(f"name: {name!r} names the country code of a phone number and "
                            f"{_pct(profile.share(_is_dialling_code))} of values are 1-4 digit calling codes: a "
                            f"dialling prefix, not where the person lives ({sample_note})")
            return Judgement(None, 0.7, None, evidence)

    other_kind = _values_of_another_kind(name_hit, norm, sibs, profile, evidence)
    if other_kind is not None:
        return other_kind

    if name_hit is not None and name_hit.id == "device_id" and re.search(_EQUIPMENT_IDS, norm) \
            and re.search(_EQUIPMENT_TABLES, tnorm) and not any(re.search(_PERSON_REFS, n) for n in sibs):
        evidence.append(f"name: {name!r} is the id of a fixed piece of equipment (a camera, a recorder) in a table "
                        "that ties it to no person: the equipment's own key, not a person's device")
        name_hit = None
    elif name_hit is not None and name_hit.id == "device_id" and re.search(_EQUIPMENT_IDS, norm) \
            and profile.non_blank >= MIN_VALUES and profile.share(_is_small_number) >= 0.99:
        # (holdout12 classes) a camera's id that is a small row number (a photo library's `camera_id`: the key of a
        # camera model in its catalogue) is the key of an equipment record, not a device's own identifier
        evidence.append(f"name: {name!r} is the id of a piece of equipment and its values are small row numbers: the "
                        f"key of an equipment or model record, not a device's own identifier ({sample_note})")
        name_hit = None

    if name_hit is not None and name_hit.id == "camera_snapshot" and re.search(_PORTRAIT_WORDS, norm) \
            and _is_table_of_people(tnorm, sibs):
        evidence.append(f"name: {name!r} is a photo or picture in a table of people ({tnorm!r}): each person's own "
                        "picture (a profile photo), not a camera's snapshot")
        name_hit = DETECTORS_BY_ID["self_image"]

    # (holdout19 classes) so is a `user_name` (the user's name, or a login: two readings) whose values are names
    if name_hit is not None and name_hit.id == "username" and (re.search(_NICKNAME, norm) or norm == "user_name") \
            and profile.non_blank >= MIN_VALUES and profile.share(_is_name_gone_by) >= VALUE_THRESHOLD:
        # A nickname of given names or familiar forms (`Tony`, `小王`) is what colleagues call the person; one with
        # digits, underscores or a masked number is a handle chosen for an app.
        evidence.append(f"values: {_pct(profile.share(_is_name_gone_by))} of this nickname are shaped like person "
                        f"names or given names: the name the person goes by ({sample_note})")
        name_hit = DETECTORS_BY_ID["person_name"]

    if name_hit is not None and name_hit.id in _HASHABLE_IDS and profile.non_blank >= MIN_VALUES:
        big, outside = hash64_shares(profile.values)
        if big >= VALUE_THRESHOLD and outside >= 0.2:
            # Hash outputs spread over all 64 bits; keys a database hands out (sequences, Snowflake ids) stay below
            # 2^63. An id computed by hashing (a visitor's daily hash, a session number derived from it) singles a
            # person out without naming them: a pseudonymous id.
            evidence.append(f"name: {name!r} matches {name_hit.description}, but {_pct(big)} of values are 64-bit "
                            f"integers spread over the whole range ({_pct(outside)} beyond 2^63 or negative): hash "
                            f"outputs, a pseudonymous id ({sample_note})")
            return Judgement("user.id.pseudonymous", 0.75, "hashed_identifier", evidence, round(big, 4))

    if name_hit is not None and name_hit.id in ("secret", "token") and norm in ("secret", "secret_key", "key", "seed") \
            and (re.search(_TOTP_TABLES, tnorm) or len(sibs & _TOTP_PARAMETERS) >= 2):
        # (holdout12 classes) a bare secret in a table of authenticator configurations (its issuer, digits, period,
        # algorithm beside it): the shared TOTP seed, a credential as `totp_secret` is
        evidence.append(f"name: {name!r} in a table of one-time-password configurations ({tnorm!r}): the "
                        "authenticator's shared secret, a second-factor credential")
        name_hit = DETECTORS_BY_ID["mfa_secret"]
    if name_hit is not None and name_hit.id == "secret" and profile.values \
            and max(shares["password_hash"], shares["hash_json"]) >= VALUE_THRESHOLD:
        evidence.append(f"name: {name!r} names a secret of unnamed kind; its values are password hashes")
        name_hit = None  # the values say which secret: a password credential (found by values below)

    if name_hit is not None and profile.values and name_hit.confirm \
            and max(shares[p] for p in name_hit.confirm) >= CONFIRM_THRESHOLD \
            and not (name_hit.id == "payment_card" and _cards_at_chance(profile, shares)):
        # The values confirm the name: no other value pattern needs testing.
        evidence.insert(0, f"name: {name!r} matches {name_hit.description}")
        return _judge_by_name(name_hit, name, tnorm, profile, shares,
                              max(shares[p] for p in name_hit.confirm), evidence)

    if name_hit is not None and name_hit.needs_values:
        evidence.append(f"name: {name!r} may name {name_hit.description}, but the values do not confirm it "
                        f"({sample_note})")
        name_hit = None

    # Values alone: only patterns specific enough, and only where no decoy rule explains them.
    value_hit: tuple[Detector, str, float] | None = None
    for d in DETECTORS:
        for pid in d.value_only:
            share = shares.get(pid, 0.0)
            if share < _VALUE_ONLY_THRESHOLD.get(pid, VALUE_THRESHOLD):
                continue
            reason = (f"the name {norm!r} rules out {d.description}" if d.vetoed(norm, tnorm)
                      else _decoy_reason(d, pid, norm, profile,
                                         name_hit is not None and name_hit.category in _PERSON_REFERENCES))
            if reason:
                evidence.append(f"decoy: {reason}; {_pct(share)} of values look like {VALUE_PATTERNS[pid].description} "
                                "but are not taken as such")
                continue
            if value_hit is None or share > value_hit[2]:
                value_hit = (d, pid, share)

    if name_hit is not None:
        conf_share = max((shares[p] for p in name_hit.confirm), default=None) if profile.values else None
        own = next((p for p in _OWN_VALUE_PATTERNS if _few_repeated(profile) and shares[p] >= 0.9), None)
        if own is not None and not name_hit.secret and (conf_share is None or conf_share < CONFIRM_THRESHOLD) \
                and own not in name_hit.confirm and name_hit.category not in _PERSON_REFERENCES:
            # The values say what the column holds (a few phone numbers, hosts or addresses), and it is not what the
            # name announces; repeated over all rows, they are the service's own, nobody's. (A person's id or login
            # may be their email: a few people acting many times, as in `_mostly_emails`.)
            evidence.append(f"name: {name!r} suggests {name_hit.description}, but {_pct(shares[own])} of values are "
                            f"{VALUE_PATTERNS[own].description}: only {profile.distinct} distinct repeated over "
                            f"{profile.non_blank} rows, the service's own lines, hosts or senders ({sample_note})")
            return Judgement(None, 0.7, None, evidence, round(shares[own], 4))
        if name_hit.id == "payment_card" and conf_share is not None \
                and (conf_share < CONFIRM_THRESHOLD or _cards_at_chance(profile, shares)) \
                and not re.search(_BANK_WORDS, norm) and sibs and not any(re.search(_PAYMENT_CONTEXT, n) for n in sibs) \
                and profile.share(str.isdigit) >= VALUE_THRESHOLD:
            # A card number that is no payment card, in a table with no payment in it: an access, attendance or
            # membership card, the institution's own number for the person.
            evidence.append(f"name: {name!r} names a card number, but the values are no payment cards and the table "
                            f"holds no payment (amounts, prices, payments): an access or membership card, "
                            f"the institution's number for a person (name and context; {sample_note})")
            return Judgement("user.id", 0.6, "user_id", evidence, round(conf_share, 4))
        if name_hit.id == "username" and profile.non_blank >= MIN_VALUES and profile.distinct >= 10 \
                and VALUE_THRESHOLD > shares["email"] >= 0.6 \
                and profile.share(lambda v: VALUE_PATTERNS["email"].test(v) or bool(_LOGIN_SHAPE.fullmatch(v))) >= 0.95:
            # (holdout15 classes) a login kept for sites (a password manager's export) that is an email address for
            # most rows and a handle for the rest: two kinds of value, the dominant one decides
            evidence.append(f"name: {name!r} suggests {name_hit.description}, but {_pct(shares['email'])} of values are "
                            f"email addresses (the rest handles): the login is mostly the person's email ({sample_note})")
            return Judgement("user.contact.email", 0.6, "email", evidence, round(shares["email"], 4))
        # A strong, specific value pattern of another kind beats a name (a `user_id` that holds emails).
        if (value_hit and value_hit[0].category != name_hit.category and value_hit[2] >= 0.9
                and (conf_share is None or conf_share < CONFIRM_THRESHOLD)
                and (not name_hit.secret or value_hit[0].secret)):
            d, pid, share = value_hit
            evidence.insert(0, f"name: {name!r} suggests {name_hit.description}, but the values say otherwise")
            evidence.append(f"values: {_pct(share)} match {VALUE_PATTERNS[pid].description} ({sample_note})")
            stored = "one_way_hash" if pid in ("password_hash", "hash_json") else ("plaintext" if d.secret else None)
            return Judgement(d.category, round(0.6 + 0.35 * share, 2), d.id, evidence, round(share, 4), stored)
        evidence.insert(0, f"name: {name!r} matches {name_hit.description}")
        return _judge_by_name(name_hit, name, tnorm, profile, shares, conf_share, evidence)

    if value_hit is not None:
        d, pid, share = value_hit
        evidence.append(f"values: {_pct(share)} match {VALUE_PATTERNS[pid].description} ({sample_note})")
        stored = "one_way_hash" if pid in ("password_hash", "hash_json") else ("plaintext" if d.secret else None)
        if d.id == "camera_snapshot" and shares.get("video_uri", 0) >= VALUE_THRESHOLD:
            d = DETECTORS_BY_ID["video"]
        elif d.id == "camera_snapshot" and re.search(_PORTRAIT_WORDS, norm) and _is_table_of_people(tnorm, sibs):
            evidence.append(f"name: {name!r} is a photo or picture in a table of people ({tnorm!r}): each person's "
                            "own picture (a profile photo), not a camera's snapshot")
            d = DETECTORS_BY_ID["self_image"]
        return Judgement(d.category, round(0.5 + 0.45 * share, 2), d.id, evidence, round(share, 4), stored)

    key = _encrypted_key(norm, profile, evidence)
    if key is not None:
        return key

    # A secret under a name that does not say so: every account row holds its own random string (a reset or
    # activation code, a remember-me token). Salts and keys of records are not secrets of the person. In a table of
    # credentials or tokens a random `<x>_id` is the credential itself (an access token used as the id).
    credential_table = bool(re.search(_CREDENTIAL_TABLES, tnorm))
    not_secret = re.search(_NOT_A_SECRET_IN_CREDENTIALS if credential_table else _NOT_A_SECRET, norm)
    # (holdout15 classes) a table of people by its name (contacts, patients: a CRM's `hash`, the key of the checksum
    # links mailed to each contact) keeps such secrets as a table of accounts does
    if (re.search(ACCOUNT_TABLES, tnorm) or re.search(_PEOPLE_TABLES, tnorm) or credential_table) and not not_secret \
            and not _name_speaks_of_metadata(norm):
        # Rows without a pending secret hold a placeholder (`0`, `none`): the secrets are the other values.
        real = {v: n for v, n in profile.values.items() if v.lower() not in _PLACEHOLDERS}
        secrets = ColumnProfile(sum(real.values()), len(real), real)
        secret_share = secrets.share(_is_random_secret)
        # A table of credentials says what its rows hold: a lower share suffices there (random alphanumeric strings
        # with fewer than two digits escape the token shape now and then).
        needed = VALUE_THRESHOLD if credential_table else 0.9
        if secrets.non_blank >= 10 and secret_share >= needed and secrets.distinct >= 0.95 * secrets.non_blank:
            d = DETECTORS_BY_ID["token"]
            stored, _ = _plain_secret(secrets)
            rows_of = "credentials" if credential_table else "accounts" if re.search(ACCOUNT_TABLES, tnorm) else "people"
            evidence.append(f"values: {_pct(secret_share)} are random strings of 20+ characters, one per row, in a "
                            f"table of {rows_of}: a secret (token or code) "
                            f"under a name that does not say so "
                            f"({secrets.non_blank} of {profile.non_blank} non-blank sampled are not placeholders)")
            return Judgement(d.category, 0.6, d.id, evidence, round(secret_share, 4), stored)

    if re.fullmatch(r"(?:[a-z0-9]+_)?hash", norm) and not not_secret and profile.non_blank >= MIN_VALUES \
            and profile.distinct >= 0.95 * profile.non_blank:
        # (holdout19 classes) a `hash` whose values are no digest: a digest is hex (or base64 of one fixed length),
        # while random letters of both cases and digits of varying length, one per row, are a random key (a booking's
        # manage link: whoever holds it changes or cancels the booking), a secret
        keyed = profile.share(lambda v: len(v) >= 10 and v.isascii() and v.isalnum())
        not_hex = profile.share(lambda v: not re.fullmatch(r"[0-9a-fA-F]+", v))
        if keyed >= 0.9 and not_hex >= 0.5:
            evidence.append(f"values: {_pct(keyed)} are random strings of letters and digits, one per row, "
                            f"{_pct(not_hex)} not hex (no digest): a random key of a link, a secret ({sample_note})")
            return Judgement("user.authorization.credentials.token", 0.6, "token", evidence, round(keyed, 4), "plaintext")

    # An id that, in some rows, is a person's email address or phone number: the id a channel (a chat widget, a
    # mailbox, a phone line) knows the person by, whatever the other rows hold (random keys of the same channel).
    if norm.rsplit("_", 1)[-1] in _KEY_HEADS and "_" in norm and profile.non_blank >= MIN_VALUES:
        # Only international numbers (`+` and a country code): bare digit runs are as often other ids.
        probe = list(profile.values.items())[:SHARE_PROBE]
        handles = sum(n for v, n in probe if VALUE_PATTERNS["email"].test(v)
                      or (v.startswith("+") and VALUE_PATTERNS["phone"].test(v))) / max(1, sum(n for _, n in probe))
        if handles >= 0.1:
            evidence.append(f"values: {_pct(handles)} of this id are people's email addresses or phone numbers: "
                            f"the id a channel knows a person by ({sample_note})")
            return Judgement("user.id", 0.6, "user_id", evidence, round(handles, 4))

    fit = _fitness_by_context(norm, tnorm, sibs, profile, evidence) or _lawful_basis(tnorm, sibs, profile, evidence) \
        or _subscription_state(norm, tnorm, profile, evidence)
    if fit is not None:
        return fit

    for by_context in (_health_by_context, _vehicle_id_by_context, _alias_of_person, _device_key_by_context,
                       _romanised_name, _camera_picture, _reference_to_person, _identifier_of_person,
                       _party_of_message, _key_of_person_by_role, _street_in_address_table):
        found = by_context(norm, tnorm, sibs, profile, evidence)
        if found is not None:
            return found

    actor = _actor_or_pointer(norm, profile, evidence)
    if actor is not None:
        return actor

    # Values outvote names: a column whose values are mostly emails (the rest a built-in account) holds emails,
    # whatever it is called, unless the name rules emails out or the "emails" are one constant.
    emails = _mostly_emails(profile)
    if emails is not None and profile.distinct > 2 and not DETECTORS_BY_ID["email"].vetoed(norm, tnorm) \
            and not re.search(_NOT_PERSONAL, norm):
        evidence.append(f"values: {_pct(emails)} are email addresses and the rest a few placeholder words "
                        f"({sample_note})")
        return Judgement("user.contact.email", 0.55, "email", evidence, round(emails, 4))

    context = _call_party(norm, profile, evidence, tnorm) or _health_reading(norm, tnorm, sibs, profile, evidence) \
        or _compact_id_of_people(norm, tnorm, sibs, profile, evidence) \
        or _own_key_of_people(norm, tnorm, sibs, profile, evidence) \
        or _social_account(norm, tnorm, sibs, profile, evidence) \
        or _party_by_values(norm, tnorm, sibs, profile, evidence)
    if context is not None:
        return context

    # A name that only hints, confirmed by the values: a column named for a region or place whose values are cities
    # (a profile's region, `微信地域`) is the city; a person by role (a cashier, a sales guide, an assigned agent)
    # whose values are people's names is that person's name. The word alone decides nothing (`operator` is also a
    # telecom); the values must agree.
    for hint, min_distinct, looks, what, category, detector in (
            (_PLACE_OF_PERSON, 3, is_cn_city, "names a place and {} of values are city names",
             "user.contact.address.city", "city"),
            (_ROLE_OF_PERSON, 5, _looks_like_person_name,
             "names a person by role and {} of values are shaped like person names", "user.name", "person_name"),
            # (holdout20 classes) a name kept for sorting or listing (`short_name`, `sort_name`), a name of a thing too:
            # people's when the values are family names before given names ("Lopez, Ana", "Lopez, Tom & Ana")
            (_SORT_NAME, 5, _is_surname_first,
             "names a record in a list and {} of values are a family name, a comma and given names", "user.name",
             "person_name"),
            # (holdout19 classes) the name a person prefers to be called by (a chart's `Preferred`), in given names
            (_NAME_GONE_BY, 5, _is_name_gone_by,
             "names what a person is called by and {} of values are given names or names", "user.name", "person_name"),
            (_GREETING_OF_PERSON, 5, _is_greeting_of_name,
             "names how a letter addresses the person and {} of values are a person's name with or without a "
             "courtesy word (Dear, Ms.)", "user.name", "person_name")):
        if re.search(hint, norm) and profile.non_blank >= 10 and profile.distinct >= min_distinct \
                and (share := profile.share(looks)) >= VALUE_THRESHOLD:
            evidence.append(f"name and values: {norm!r} " + what.format(_pct(share)) + f" ({sample_note})")
            return Judgement(category, 0.6, detector, evidence, round(share, 4))

    opaque = _opaque_field(normalise_name(name), profile, evidence)  # before ordinals are stripped (`udf_3`)
    if opaque is not None:
        return opaque

    # Dates of birth by values: date-only values spread over decades, under a name that is not an event's.
    if (shares.get("date", 0) >= VALUE_THRESHOLD and not re.search(_EVENT_DATE, norm)
            and _birth_years_plausible(profile)):
        evidence.append(f"values: {_pct(shares['date'])} are dates without time spread over decades ({sample_note})")
        return Judgement("user.demographic.date_of_birth", 0.7, "date_of_birth", evidence, round(shares["date"], 4))
    return Judgement(None, 0.9 if not evidence else 0.8, None, evidence)


# (holdout18 classes) A column named by a number alone: the custom or user-defined fields of an application
# (RosarioSIS `custom_200000000`, `udf_3`, `field_12`, `cf_7`) say nothing of what they hold: the values decide alone.
_SORT_NAME = r"(?:^|_)(short|sort|index|listing|file_as)_?name(?:_[a-z])?$"
_SURNAME_FIRST = re.compile(r"[A-Z][\w'-]+(?: [a-z]{1,3})?(?: [A-Z][\w'-]+)?, [A-Z][\w'-]+(?: (?:&|and|und|y|et) [A-Z][\w'-]+)?"
                            r"(?:, [A-Z][\w.]{1,5})?")


def _is_surname_first(v: str) -> bool:
    return bool(_SURNAME_FIRST.fullmatch(v))


_NAME_GONE_BY = r"^(preferred|goes_by|known_as|called|call_name|calls_me|preferred_as)$"
_OPAQUE_FIELD = r"^(custom|custom_field|customfield|cf|udf|user_field|userfield|user_defined|field|extra|attr|col)_?\d+$"
_GENDER_WORDS = {"male", "female", "man", "woman", "men", "women", "boy", "girl", "m", "f", "non-binary", "nonbinary",
                 "other", "unknown", "男", "女"}
# pia default: the languages most often offered in a person's profile (ISO 639 English names)
_LANGUAGE_NAMES = {"english", "spanish", "french", "german", "portuguese", "italian", "chinese", "mandarin", "cantonese",
                   "japanese", "korean", "russian", "arabic", "hindi", "bengali", "urdu", "vietnamese", "tagalog",
                   "polish", "dutch", "turkish", "persian", "farsi", "swahili", "somali", "haitian creole", "greek",
                   "hebrew", "ukrainian", "thai", "indonesian", "malay", "punjabi", "tamil", "other"}
_POST_NOMINAL = re.compile(r",?\s+(md|do|phd|rn|np|pa|dds|dmd|jr|sr|ii|iii)\.?$", re.IGNORECASE)
_COURTESY_TITLE = re.compile(r"^(dr|mr|mrs|ms|miss|mx|prof)\.?\s+", re.IGNORECASE)


_TYPED_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")


def _typed_date(v: str) -> tuple[int, int, int] | None:
    """`(year, a, b)` of a date typed day first or month first (`28/11/1980`, `11/28/1980`, `5.3.1961`), else None."""
    m = _TYPED_DATE.fullmatch(v.strip())
    if not m:
        return None
    a, b, y = (int(x) for x in m.groups())
    if not (1850 <= y <= 2100 and 1 <= min(a, b) and min(a, b) <= 12 and max(a, b) <= 31):
        return None
    return y, a, b


def _opaque_field(norm: str, profile: ColumnProfile, evidence: list[str]) -> Judgement | None:
    """A field named by a number alone, decided by its values: gender words, languages, phones, people's names, births.

    Only answers no other column kind shares decide: a gender word list (at least one whole word, not only `M`/`F`),
    language names, phone numbers, names of two or more capitalised words (after a courtesy title), dates spread over
    years and all in the past.
    """
    if not re.fullmatch(_OPAQUE_FIELD, norm) or profile.non_blank < MIN_VALUES:
        return None
    note = f"{profile.non_blank} non-blank sampled"
    low = {v.strip().lower() for v in profile.values}
    if profile.distinct <= 6 and low <= _GENDER_WORDS and low & {"male", "female", "man", "woman", "男", "女"}:
        evidence.append(f"values: a name that says nothing ({norm!r}), all {profile.distinct} distinct values are "
                        f"gender words ({note})")
        return Judgement("user.demographic.gender", 0.6, "gender", evidence, 1.0)
    if profile.distinct <= 40 and low <= _LANGUAGE_NAMES and len(low - {"other"}) >= 2:
        evidence.append(f"values: a name that says nothing ({norm!r}), all {profile.distinct} distinct values are "
                        f"language names ({note})")
        return Judgement("user.demographic.language", 0.6, "language", evidence, 1.0)
    # phone numbers written with separators for the most part, the rest the same numbers' bare digits
    phones = profile.share(is_phone)
    dialable = profile.share(lambda v: is_phone(v) or is_long_dialable(v))
    if phones >= 0.5 and dialable >= VALUE_THRESHOLD and profile.distinct >= 10:
        evidence.append(f"values: a name that says nothing ({norm!r}), {_pct(phones)} of values are phone numbers "
                        f"with separators, {_pct(dialable)} with bare numbers ({note})")
        return Judgement("user.contact.phone_number", 0.6, "phone", evidence, round(phones, 4))
    named = profile.share(lambda v: _looks_like_person_name(_POST_NOMINAL.sub("", _COURTESY_TITLE.sub("", v.strip())))
                          or bool(_COURTESY_TITLE.match(v.strip())))
    if named >= VALUE_THRESHOLD and profile.distinct >= 10:
        evidence.append(f"values: a name that says nothing ({norm!r}), {_pct(named)} of values are people's names "
                        f"(two or more capitalised words, or a courtesy title and a name) ({note})")
        return Judgement("user.name", 0.6, "person_name", evidence, round(named, 4))
    # (holdout19 classes) a field people type into holds dates in every local style (`28/11/1980`, `5.3.1961`)
    dates = profile.share(lambda v: (parse_date(v) or _typed_date(v)) is not None)
    years = sorted(d[0] for d in (parse_date(v) or _typed_date(v) for v in profile.values) if d)
    if dates >= VALUE_THRESHOLD and len(years) >= 10 \
            and years[int(len(years) * 0.9)] - years[int(len(years) * 0.1)] >= 8:
        evidence.append(f"values: a name that says nothing ({norm!r}), {_pct(dates)} of values are dates without a "
                        f"time spread over {years[-1] - years[0]} years: days in people's lives, births ({note})")
        return Judgement("user.demographic.date_of_birth", 0.55, "date_of_birth", evidence, round(dates, 4))
    return None


# The calling and called party of a call as telephony systems log them (Asterisk, FreeSWITCH, carriers' CDRs): caller
# ID number, ANI, DNIS/DNID, RDNIS, the dialled number. These words name a phone number of a party to the call.
_CALL_PARTY = (r"^(cid_num|cidnum|cnum|clid|callerid|caller_id|callerid_num|calleridnum|caller_id_num|caller_id_number"
               r"|caller_num|caller_number|callee|callee_num|callee_number|callee_id_number|calling_number|calling_num"
               r"|called_number|called_num|dialed_number|dialled_number|dialed|dialled|ani|dnis|dnid|rdnis|cid_ani"
               r"|cid_dnid|cid_dnis|cid_rdnis|redirecting_number|destination_number|connected_line_num"
               r"|other_party_number|remote_number|peer_number"
               # (holdout18 classes) RADIUS accounting (RFC 2865 5.30 Called-Station-Id, 5.31 Calling-Station-Id)
               # as billing platforms keep them, a caller id registered for PIN-less dialling (`cid`), the number a
               # redial key calls again
               r"|calledstation|called_station|called_station_id|callingstation|calling_station|calling_station_id"
               r"|cid|redial|redial_number|last_dialed|last_dialled|last_number_dialed|last_number_dialled"
               # (holdout13 classes) the identity a SIP server presents or asserts for a caller (RFC 3325, RPID)
               r"|rpid|remote_party_id|p_asserted_identity|asserted_identity|pai|p_preferred_identity)$"
               r"|^(主叫|被叫|主叫号码|被叫号码|对方号码|来电号码|去电号码|呼叫号码|拨打号码|通话号码)$")
# Generic words a call's record also uses for its parties (`src`, `dst`, `exten`): only values that none but phone
# numbers have (an international prefix) make them numbers.
# (holdout13 classes) SIP call records name the user part of each party's URI (`src_user`, `dst_ouser`: the original
# request URI's user): on a phone network, the number dialled or calling.
_CALL_PARTY_GENERIC = (r"^(src|dst|source|destination|dest|from|to|exten|extension|caller|called|calling|party)"
                       r"(_(user|ouser|ruser|user_part|uri_user))?$")


# (holdout20 classes) keyed by any key word, with a schema's one-letter type tags (`p_family_key_n`)
_HOUSEHOLD_KEY = r"(?:[a-z]_)?(family|household|hh|famille)_?(id|key|num|no)(?:_[a-z])?"
_HOUSEHOLD_TABLES = r"(?:^|_)(families|family|households|household|insurees|insuree|beneficiaries|beneficiary)$"
_LOGIN_SIBLINGS = r"^(username|user_name|login|login_name|user_login|useralias|user_alias)$"
_SECRET_SIBLINGS = r"^(password|passwd|pwd|pass|uipass|user_pass|password_hash|pass_hash)$"
# (a device's table holds a login, a password and its network address too: an address is no person's here)
_PERSON_SIBLINGS = r"^(first_name|firstname|last_name|lastname|full_name|fullname|surname|email|email_address)$"


def _is_login_table(sibs: frozenset[str]) -> bool:
    """Siblings of a table of accounts: a login name, a password and a person's name or contacts."""
    return all(any(re.search(p, n) for n in sibs) for p in (_LOGIN_SIBLINGS, _SECRET_SIBLINGS, _PERSON_SIBLINGS))


# (holdout18 classes) The key of a calling card (a prepaid telephone account) in the platform's other tables.
_SUBSCRIBER_CARD = r"^((\w+_)?card_id|id_(\w+_)?card|cardid)$"
_TELEPHONY_TABLES = (r"(?:^|_)(call|calls|cdr|cdrs|callerid|callerids|caller_id|caller_ids|did_use|voicemail|sip_buddies"
                     r"|iax_buddies|speeddial|speed_dial)$")
# (holdout18 classes) A table of call records by its last word (`cc_call`, `cdr`, `call_log`): there a generic party
# name (`src`, `dst`) is a party's number when subscriber-length numbers confirm it, without an international prefix.
_CALL_TABLES = r"(?:^|_)(call|calls|cdr|cdrs|call_log|call_logs|call_records|call_detail_records|calllog|calllogs)$"
# The number a caller dialled to reach the operator (DNID, DNIS, DID): a handful of access numbers repeated over many
# calls is the operator's own, not a party's (as FreePBX `did`).
_ACCESS_NUMBER = r"^(dnid|dnis|did|cid_dnid|cid_dnis)$"


def _call_party(norm: str, profile: ColumnProfile, evidence: list[str], tnorm: str = "") -> Judgement | None:
    """A party's number in a record of calls: named as one, and the values are numbers a phone dials.

    Phone systems write internal extensions (`101`) beside subscribers' numbers and a special word or two (`s`,
    `anonymous`) where no number exists: the column holds numbers people are reached at all the same. A specific name
    (caller ID number, ANI, DNIS) needs 30% long numbers; a generic one (`src`, `dst`) 20% international ones.
    """
    specific = re.search(_CALL_PARTY, norm)
    if not (specific or re.search(_CALL_PARTY_GENERIC, norm)) or profile.non_blank < MIN_VALUES:
        return None
    profile = _sip_user_parts(profile)
    dialable = profile.share(is_dialable)
    others = sum(1 for v in profile.values if not is_dialable(v))
    if dialable < 0.5 or others > 3:
        return None
    long_share = profile.share(is_long_dialable)
    intl = profile.share(is_international_number)
    in_calls = bool(re.search(_CALL_TABLES, tnorm))
    if not (((specific or in_calls) and long_share >= CONFIRM_THRESHOLD) or intl >= 0.2):
        return None
    if re.search(_ACCESS_NUMBER, norm) and profile.non_blank >= MIN_VALUES and profile.distinct <= 5:
        evidence.append(f"name and values: {norm!r} is the number dialled to reach the service and only "
                        f"{profile.distinct} distinct numbers repeat over {profile.non_blank} calls: the operator's "
                        "access numbers, not a party's")
        return Judgement(None, 0.7, None, evidence)
    evidence.append(f"name and values: {norm!r} names a party to a call and {_pct(dialable)} of values are dialable "
                    f"numbers ({_pct(long_share)} subscriber-length, {_pct(intl)} with an international prefix; the "
                    f"rest internal extensions or {others} placeholder word(s)) ({profile.non_blank} non-blank sampled)")
    return Judgement("user.contact.phone_number", 0.7, "phone", evidence, round(dialable, 4))


# A measured value kept one reading per row, its kind in a type or unit column beside it (Apple Health records, FHIR
# observations, a health app's readings), in a table of a person's health data.
_READING_COLUMNS = (r"^(value|values|val|reading|measurement|measured_value|result_value|value_numeric|numeric_value"
                    r"|value_quantity|quantity_value|value_quantity_value)$|^(数值|测量值|读数|测量结果)$")
# (holdout13 classes) a sibling naming whom a record is about: a patient or person (FHIR `subject.reference`)
_SUBJECT_OF_PERSON = r"^(subject|subject_reference|subject_id|patient|patient_reference|patient_id|person_id|user_id)$"
_HEALTH_TABLES = (r"(?:^|_)(health|healthkit|vital|vitals|vital_signs|biometric|biometrics|medical|clinical|patient"
                  r"|patients|heart|blood|glucose|ecg|spo2)(?:_|$)|健康|体征|体检|血压|血糖|心率|体温")
# The health of machines and services (health checks, probes, monitoring) is nobody's.
_SYSTEM_HEALTH_TABLES = (r"(?:^|_)(check|checks|healthcheck|healthchecks|probe|probes|service|services|server|servers"
                         r"|node|nodes|cluster|clusters|endpoint|endpoints|system|systems|monitor|monitoring|host|hosts"
                         r"|app|apps|device|devices|job|jobs|pipeline|pipelines)(?:_|$)")
_KIND_SIBLINGS = (r"^(type|unit|units|metric|kind|code|category|quantity_type|data_type|measure|vital_type|obs_type"
                  r"|observation_type|loinc|loinc_code)$|(?:^|_)(type|unit|units)$|类型|单位|项目")


def _health_reading(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                    evidence: list[str]) -> Judgement | None:
    """A reading (`value`) of a table of health records whose rows say what was measured: a vital sign."""
    health_table = re.search(_HEALTH_TABLES, tnorm) or (
        # (holdout13 classes) an observation about a person (a FHIR Observation: its subject is a patient) is a
        # health record; an observation with nobody as subject (a bird count, a weather station) is not
        re.search(r"(?:^|_)(observation|observations|obs)$", tnorm) and any(re.search(_SUBJECT_OF_PERSON, n) for n in sibs))
    if not (re.search(_READING_COLUMNS, norm) and health_table
            and not re.search(_SYSTEM_HEALTH_TABLES, tnorm) and any(re.search(_KIND_SIBLINGS, n) for n in sibs)):
        return None
    if profile.non_blank < MIN_VALUES or profile.distinct < 5:
        return None
    numeric = profile.share(lambda v: bool(re.fullmatch(r"-?\d+(\.\d+)?", v)))
    if numeric < VALUE_THRESHOLD:
        return None
    evidence.append(f"name and context: {norm!r} is the reading of a table of health records ({tnorm!r}) whose rows "
                    f"name what was measured; {_pct(numeric)} of values are numbers ({profile.non_blank} non-blank "
                    "sampled)")
    return Judgement("user.health.vital_signs", 0.6, "health_reading", evidence, round(numeric, 4))


_COMPACT_ID = re.compile(r"^[a-z]{1,3}id$")


def _compact_id_of_people(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                          evidence: list[str]) -> Judgement | None:
    """An id written as one short word (`uid`, `euid`, `leid`) in a table of people, one key per row: the person's id.

    A mailing list or a CRM keys each member by such ids (its own and the ones other systems gave the person).
    """
    if not _COMPACT_ID.match(norm) or profile.non_blank < MIN_VALUES or not _is_table_of_people(tnorm, sibs):
        return None
    if re.search(_ABOUT_PEOPLE_TABLES, tnorm) or re.search(_PEOPLE_THING_TABLES, tnorm):
        return None  # (merge of holdout9's rules) a table of things kept about people (`user_devices`) keys those things
    if profile.distinct < 0.95 * profile.non_blank:
        return None
    keys = profile.share(_is_key_value)
    if keys < VALUE_THRESHOLD:
        return None
    evidence.append(f"name and values: {norm!r} is an id in a table of people ({tnorm!r}) and {_pct(keys)} of values "
                    f"are record keys, one per row: the person's identifier ({profile.non_blank} non-blank sampled)")
    return Judgement("user.id", 0.6, "user_id", evidence, round(keys, 4))


# (holdout14 classes) The row's own key named after what a row is: `<row noun>_id`, `<row noun>number`,
# `<row noun>_reg_num` (`applicant_id` in `applicant`, `voter_reg_num` in `county_voter`); the noun may be the
# table's word singular, its tail (a glued prefix) or a short tag the table ends with (`person_per`: `per_id`).
_OWN_KEY_TAILS = r"(?:_?id|_?number|_?num|_?no|_reg_num|_registration_number|_reg_no|_pk)$"


def _table_row_nouns(tnorm: str) -> set[str]:
    """The words a table's row may be called by: each word of its name, singular, and its 4+ letter tails."""
    nouns: set[str] = set()
    for w in tnorm.split("_"):
        if len(w) < 3 or not w.isalpha():
            continue
        for sing in {w, re.sub(r"(ies)$", "y", w), re.sub(r"s$", "", w)}:
            nouns.add(sing)
            nouns.update(sing[i:] for i in range(1, len(sing) - 3))  # `ncvoter` -> `voter`
    return nouns


def _own_key_of_people(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                       evidence: list[str]) -> Judgement | None:
    """A table of people's own key, named after what one row is (`candidate_id` in `candidate`): the person's id.

    Row keys of tables about people (logins, identities, sessions) stay record keys: the rule needs a table of
    people and a key per row (integers, UUIDs or random codes).
    """
    m = re.match(r"^([a-z]+)" + _OWN_KEY_TAILS, norm)
    if m is None or m.group(1) not in _table_row_nouns(tnorm) or profile.non_blank < MIN_VALUES:
        return None
    if not _is_table_of_people(tnorm, sibs) or re.search(_ABOUT_PEOPLE_TABLES, tnorm) \
            or re.search(_PEOPLE_THING_TABLES, tnorm) or profile.distinct < 0.95 * profile.non_blank:
        return None
    keys = profile.share(_is_key_value)
    if keys < VALUE_THRESHOLD:
        return None
    evidence.append(f"name and values: {norm!r} is the key of the table's own row ({tnorm!r}, a table of people) and "
                    f"{_pct(keys)} of values are record keys, one per row: the person's identifier "
                    f"({profile.non_blank} non-blank sampled)")
    return Judgement("user.id", 0.6, "user_id", evidence, round(keys, 4))


# (holdout14 classes) A column named for a social network alone, in a table of people (`twitter`, `linkedin`): the
# person's account name there, as a messenger's name is (`skype`).
_SOCIAL_NETWORKS = (r"^(facebook|fb|twitter|x_handle|linkedin|linked_in|instagram|insta|tiktok|douyin|weibo|mastodon"
                    r"|threads|bluesky|snapchat|pinterest|youtube|telegram|github|gitlab|reddit|tumblr|flickr|vk"
                    r"|xiaohongshu|bilibili)$")
_HANDLE_SHAPE = re.compile(r"@?[A-Za-z0-9][A-Za-z0-9._-]{1,63}|https?://\S+")


def _social_account(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                    evidence: list[str]) -> Judgement | None:
    """A social network's name as a column of a table of people, holding handles or profile links: the account."""
    if not re.match(_SOCIAL_NETWORKS, norm) or profile.non_blank < 10 or profile.distinct < 5 \
            or not _is_table_of_people(tnorm, sibs):
        return None
    share = profile.share(lambda v: bool(_HANDLE_SHAPE.fullmatch(v)) and not v.isdigit())
    if share < VALUE_THRESHOLD:
        return None
    evidence.append(f"name and values: {norm!r} names a social network in a table of people and {_pct(share)} of values "
                    f"are handles or profile links: the person's account there ({profile.non_blank} non-blank sampled)")
    return Judgement("user.account.username", 0.6, "username", evidence, round(share, 4))


def _is_login_word(v: str) -> bool:
    """A login a person chose or was given (`ana.lima`, `jsmith`): letters first, no key, no email, no number."""
    return bool(_LOGIN_SHAPE.fullmatch(v)) and "@" not in v and not _is_key_value(v) and v[0].isalpha()


def _login_in_user_id(norm: str, profile: ColumnProfile, evidence: list[str]) -> Judgement | None:
    """A `userid` whose values are logins (`ana.lima`), not keys: values outvote the name, the account's login name."""
    if not re.fullmatch(r"(user_?id|login_?id|uid)", norm) or profile.non_blank < MIN_VALUES \
            or profile.distinct < 0.5 * profile.non_blank:
        return None
    share = profile.share(_is_login_word)
    if share < VALUE_THRESHOLD:
        return None
    evidence.append(f"name: {norm!r} suggests a user identifier, but {_pct(share)} of values are login-shaped words "
                    f"(no record keys): the account's login name ({profile.non_blank} non-blank sampled)")
    return Judgement("user.account.username", 0.6, "username", evidence, round(share, 4))


def _is_street_line(v: str) -> bool:
    return "@" not in v and " " in v.strip() and bool(re.search(r"\d", v)) and bool(re.search(r"[^\W\d_]{2,}", v))


def _postal_mail_address(hit: Detector, norm: str, profile: ColumnProfile, evidence: list[str]) -> Judgement | None:
    """A `mail_address` holding no emails but street lines (`12 Oak St`): the postal mailing address, its street line."""
    if hit.id != "email" or not re.search(r"(?:^|_)(mail|mailing)_(address|addr)$", norm) or profile.non_blank < 10:
        return None
    share = profile.share(_is_street_line)
    if share < VALUE_THRESHOLD:
        return None
    evidence.append(f"values: {_pct(share)} are street lines (a number and words): a postal mailing address "
                    f"({profile.non_blank} non-blank sampled)")
    return Judgement("user.contact.address.street", 0.6, "street_address", evidence, round(share, 4))


# (holdout14 classes) The key of a lookup of a special category kept in a person's row (`ethnic_type_id`,
# `religion_id`): a code for the person's ethnicity or religion, which whoever holds the lookup reads as the data.
_CODED_SPECIAL = (
    (r"(?:^|_)(ethnic|ethnicity|race|racial)(_(type|code|category|group|origin))?_(id|fk)$",
     "user.demographic.race_ethnicity", "race_ethnicity"),
    (r"(?:^|_)(religion|religious|faith|denomination)(_(type|code|category|group))?_(id|fk)$",
     "user.demographic.religious_belief", "religion"),
)


def _coded_special_category(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                            evidence: list[str]) -> Judgement | None:
    """A special category kept as a lookup key (small codes) in a table of people: the category itself."""
    if profile.non_blank < 10 or not _is_table_of_people(tnorm, sibs):
        return None
    for pattern, category, detector in _CODED_SPECIAL:
        if not re.search(pattern, norm):
            continue
        codes = profile.share(lambda v: bool(re.fullmatch(r"\d{1,3}", v)))
        if codes < VALUE_THRESHOLD or profile.distinct < 2:
            return None
        evidence.append(f"name and values: {norm!r} keys a lookup of {detector.replace('_', ' ')} in a table of people "
                        f"and {_pct(codes)} of values are small codes: the person's category, coded "
                        f"({profile.non_blank} non-blank sampled)")
        return Judgement(category, 0.6, detector, evidence, round(codes, 4))
    return None


# The endpoints of a network flow as monitors and flow exports name them (Zeek `id.orig_h`, NetFlow `src_ip`).
_FLOW_ENDPOINTS = r"(?:^|_)(orig|resp|src|dst|source|dest|destination)_(h|p|ip|addr|address|port|host)$"

# (holdout14 classes) A registered or declared political party, by its name or code on voter rolls and member lists
# (US voter files: DEM, REP, UNA, LIB, GRE; UK and CN forms), and the answers that withhold one.
_PARTIES = {"dem", "rep", "una", "lib", "gre", "cst", "ind", "npa", "nop", "grn", "democrat", "democratic",
            "republican", "libertarian", "green", "independent", "unaffiliated", "constitution", "no party",
            "no party affiliation", "nonpartisan", "labour", "labor", "conservative", "liberal", "liberal democrat",
            "reform", "socialist", "communist", "中共党员", "中共预备党员", "共青团员", "群众", "民主党派", "无党派人士"}
_PARTY_NAMES = r"(?:^|_)(party|party_cd|party_code|party_affiliation|registered_party|party_reg|party_registration)$"


def _party_by_values(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                     evidence: list[str]) -> Judgement | None:
    """A `party` column of a table of people whose values are political parties: the person's political opinion."""
    if not re.search(_PARTY_NAMES, norm) or profile.non_blank < 10 or profile.distinct < 2 \
            or not _is_table_of_people(tnorm, sibs):
        return None
    share = profile.share(lambda v: v.strip().lower() in _PARTIES)
    if share < VALUE_THRESHOLD:
        return None
    evidence.append(f"name and values: {norm!r} in a table of people and {_pct(share)} of values are political parties "
                    f"or their codes: the party the person registered with ({profile.non_blank} non-blank sampled)")
    return Judgement("user.demographic.political_opinion", 0.6, "political_opinion", evidence, round(share, 4))


# Words of a picture column that may hold a person's own photo (a camera's snapshot elsewhere).
_PORTRAIT_WORDS = words("photo", "photo_url", "photo_uri", "picture", "picture_url", "image", "image_url", "pic",
                        "portrait", "photourl", "imageurl")
# Columns that only a table of people has, grouped by concept (two concepts make a table of people).
_PEOPLE_CONCEPTS = (
    r"(?:^|_)(email|e_mail|email_address)$|邮箱",
    r"(?:^|_)(phone|phone_number|mobile|phonenumber|cellphone|telephone)$|手机|电话",
    r"(?:^|_)(first_name|last_name|full_name|display_name|given_name|family_name|real_name|name)$|姓名",
    r"(?:^|_)(gender|sex|birthday|birth_date|date_of_birth|dob)$|性别|生日",
)
# Tables whose rows are people by their name (an address book's contacts, a clinic's patients).
_PEOPLE_TABLES = words("contacts", "contact", "persons", "person", "people", "employees", "employee", "patients",
                       "patient", "students", "student", "staff", "联系人", "客户", "员工", "会员")
# Tables of devices: a login kept there with a password is the device's login pair.
_DEVICE_TABLES = (r"(?:^|_)(camera|cameras|ipcam|ipcams|device|devices|nvr|nvrs|dvr|dvrs|monitor|monitors|router"
                  r"|routers|printer|printers|hardware|hardwares)$")
_PASSWORD_SIBLINGS = words("password", "passwd", "pwd", "pass")


def _is_table_of_people(tnorm: str, sibs: frozenset[str]) -> bool:
    """A table of accounts by its name, or one holding two kinds of a person's data (an email and a name...)."""
    if re.search(ACCOUNT_TABLES, tnorm) or re.search(_PEOPLE_TABLES, tnorm):
        return True
    return sum(any(re.search(p, n) for n in sibs) for p in _PEOPLE_CONCEPTS) >= 2


def _looks_like_person_name(v: str) -> bool:
    """A person's name: two to four Han characters, or two or more capitalised words (`Ana Lima`)."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", v) or re.fullmatch(r"[A-Z][a-z'-]+( [A-Z][a-z'-]+){1,3}", v))


def _mostly_emails(profile: ColumnProfile) -> float | None:
    """The share of email addresses when most values are emails and the rest a few placeholders, else None.

    Systems that key their users by email write a built-in account (`Administrator`, `system`) where no person
    acted: a handful of distinct non-email words beside a majority of emails leaves the column one of emails.
    """
    if profile.non_blank < 10:
        return None
    email = VALUE_PATTERNS["email"].test
    share = profile.share(email)
    others = sum(1 for v in profile.values if not email(v))
    return share if share >= 0.5 and others <= 3 else None


# The head noun of a name that is a person by role: staff who served, sold, handled or own a record (a CRM's
# `Contact owner`, `deal_owner`: the salesperson it is assigned to) (Chinese role nouns end in
# 员 "member of staff", 导购 "shopping guide", 人 "person", 师 "master", 经理 "manager").
# Roles that a firm also fills (an operator, a courier, a distributor: `China Mobile`, `Royal Mail`) are left out: two
# capitalised words would pass for a person's name there.
_ROLE_OF_PERSON = (r"(?:^|_)(cashier|clerk|salesperson|sales_person|salesman|saleswoman|sales_rep|agent|owner"
                   r"|assignee|assigned_to|handler|rider|guide|shopping_guide|advisor|adviser"
                   r"|receptionist|staff|employee|manager|supervisor|technician|inspector|approver|reviewer"
                   r"|teacher|doctor|nurse"
                   # a contact's assistant and secretary (Outlook contact fields Assistant's Name, Manager's Name;
                   # RFC 4524 `secretary`), confirmed by values shaped like people's names
                   r"|assistant|assistant_name|assistants_name|secretary|managers_name|manager_name)$"
                   r"|(员|导购|经理|主管|负责人|经办人|师傅|骑手|司机|客服|老师|医生)$")

# (holdout15 classes) How a letter or an email addresses the person, built from their name by a CRM (CiviCRM
# `email_greeting_display` "Dear Ana", `addressee_display` "Ms. Ana Lopez"; vCard-style salutations): the person's
# name with a courtesy word, confirmed by values so shaped.
_GREETING_OF_PERSON = (r"(?:^|_)(greeting|greetings|salutation|addressee|addressed_to|letter_name|mailing_name"
                       r"|envelope_name)(_(display|text|line|name))?$|(称呼|抬头)$")
_COURTESY = re.compile(r"^(?:(?:dear|hi|hello|hey|greetings|attn|attention|to)[,:]?\s+)?"
                       r"(?:(?:mr|mrs|ms|mx|miss|dr|prof|sir|madam|rev|fr|hon)\.?\s+)?", re.IGNORECASE)


def _is_greeting_of_name(v: str) -> bool:
    """`Dear Ana`, `Ms. Ana Lopez`, `尊敬的王伟`: a courtesy word (or none) and a person's name (a given name alone too)."""
    v = v.strip().rstrip(",:!")
    han = re.fullmatch(r"(?:尊敬的|亲爱的)?([\u4e00-\u9fff]{1,4})(?:先生|女士|老师)?", v)
    if han:
        return True
    rest = _COURTESY.sub("", v, count=1)
    return rest != v and bool(re.fullmatch(r"[A-Z][a-z'-]+( [A-Z][a-z'-]+){0,3}", rest)) \
        or _looks_like_person_name(v)


# Names of a place a person is in or from (a region, an area, a locale): the values say which level (a city here).
_PLACE_OF_PERSON = (r"(?:^|_)(region|area|locale_region|location|geo|home_region)$"
                    r"|地域|地区|区域|所在地|地理位置|所在城市|地点")

# The title or label of an address record (not a line of the address).
_ADDRESS_TITLE = r"(?:^|_)(address|addr)_(title|name|label)$"

# Who created or changed a row: a back-office user, kept by login or by id.
_ACTOR_COLUMNS = (r"^((create|created|update|updated|modify|modified|last_modified|last_updated|change|changed|edit"
                  r"|edited|delete|deleted|enter|entered|add|added|approve|approved|review|reviewed|submit|submitted|insert|inserted|commit"
                  r"|committed"
                  # (holdout16/17 classes) who closed, assigned or registered a record (`closed_by_user`, Django's
                  # `added_by_id`)
                  r"|close|closed|assign|assigned|resolve|resolved|open|opened|register|registered|invite|invited"
                  r")_by(_user)?(_id)?|creator|modifier|updater|editor|committer|commiter)$|^(创建者|创建人|更新者|更新人|修改者|修改人|操作人|审核人)$")
# A bare pointer to a person (Parse `_Session.user` holds the user's objectId).
_POINTER_COLUMNS = (r"^(user|owner|member|customer|buyer|assignee|reporter)$"
                    # whom a person reports to, or works for (Salesforce Contact ReportsToId; RFC 4524 `manager`,
                    # `secretary`): another person's record key
                    r"|^(reports_to|(line_)?manager|supervisor|secretary)(_user)?_id$|^reports_to$"
                    # (holdout18 classes) the staff member who handled a case by role (openIMIS `OfficerID`,
                    # `Adjuster`, `ClaimAdminId`): when the values are record keys, that person's id
                    r"|^(officer|enrolment_officer|enrollment_officer|adjuster|claim_admin|claims_admin|claim_administrator"
                    r"|enumerator|assessor|inspector|caseworker|case_worker|social_worker|approver|reviewer|verifier)(_id)?$")
_LOGIN_SHAPE = re.compile(r"[A-Za-z][A-Za-z0-9._@-]{1,63}")
_KEY_SHAPE = re.compile(r"[A-Za-z0-9_-]{6,40}")


def _is_key_value(v: str) -> bool:
    """A record key: an integer, a UUID, or a random mix of letters and digits (or of both cases)."""
    if v.isdigit() or is_uuid(v):
        return True
    return bool(_KEY_SHAPE.fullmatch(v)) and (any(c.isdigit() for c in v)
                                              or (any(c.isupper() for c in v[1:]) and any(c.islower() for c in v)))


def _actor_or_pointer(norm: str, profile: ColumnProfile, evidence: list[str]) -> Judgement | None:
    """Who created or changed the row (`create_by`), or a bare pointer to a person (`user`): the person's id or login.

    The values say which: record keys are the person's id, login-shaped words their user name. A constant is a
    system account, nobody's.
    """
    actor = re.search(_ACTOR_COLUMNS, norm)
    if not (actor or re.search(_POINTER_COLUMNS, norm)) or profile.non_blank == 0 or profile.distinct < 2:
        return None
    note = f"{profile.non_blank} non-blank sampled"
    emails = _mostly_emails(profile)
    if emails is not None:
        evidence.append(f"name and values: {norm!r} points to a person and {_pct(emails)} of values are email "
                        f"addresses (the rest a system account): the person's email address ({note})")
        return Judgement("user.contact.email", 0.6, "email", evidence, round(emails, 4))
    keys = profile.share(_is_key_value)
    if keys >= VALUE_THRESHOLD:
        evidence.append(f"name and values: {norm!r} points to a person and {_pct(keys)} of values are record keys: "
                        f"that person's identifier ({note})")
        return Judgement("user.id", 0.6, "user_id", evidence, round(keys, 4))
    logins = profile.share(lambda v: bool(_LOGIN_SHAPE.fullmatch(v)))
    # A version-control system keeps a login or the name a person typed for it (`wei.zhang`, `Wei Zhang`): logins
    # dominant, the rest names of the same people, is a column of logins (holdout10 classes).
    if actor and VALUE_THRESHOLD > logins >= 0.5 and profile.distinct >= 5 \
            and profile.share(lambda v: bool(_LOGIN_SHAPE.fullmatch(v)) or _looks_like_person_name(v)) >= VALUE_THRESHOLD:
        logins = VALUE_THRESHOLD
    # (a bare pointer holding login-shaped words is one too, when several people appear: not one system account)
    if (actor or (re.fullmatch(_LOGIN_POINTERS, norm) and profile.distinct >= 3)) and logins >= VALUE_THRESHOLD:
        evidence.append(f"name and values: {norm!r} names who created or changed the row and {_pct(logins)} of values "
                        f"are login-shaped words: that user's login name ({note})")
        return Judgement("user.account.username", 0.6, "username", evidence, round(logins, 4))
    # Keys for most rows, readable string ids for the rest (an admin's `1` beside `seed_jim_id` or uuids): record
    # keys of one kind or another, never names; the person's identifier.
    either = profile.share(lambda v: _is_key_value(v) or bool(_LOGIN_SHAPE.fullmatch(v)))
    if keys >= 0.5 and either >= VALUE_THRESHOLD:
        evidence.append(f"name and values: {norm!r} points to a person and {_pct(keys)} of values are record keys, "
                        f"{_pct(either)} keys or string ids: that person's identifier ({note})")
        return Judgement("user.id", 0.6, "user_id", evidence, round(either, 4))
    return None


# Detectors of ids that a hash may compute instead of a database handing them out. A login session's id stays a
# secret whatever its shape (a random 64-bit number is a bearer token there).
_HASHABLE_IDS = {"user_id", "visit_session", "cookie_id"}

_EQUIPMENT_IDS = words("camera_id", "cameraid", "monitor_id", "nvr_id", "dvr_id", "recorder_id")
# Tables that describe the equipment itself or what it records (a camera, its streams, channels, recordings).
_EQUIPMENT_TABLES = words("camera", "cameras", "stream", "streams", "monitor", "monitors", "channel", "channels",
                          "recording", "recordings", "nvr", "dvr", "video_sample_entry", "sample_file_dir")
_PERSON_REFS = (r"(?:^|_)(user|users|uid|owner|account|customer|member|person|people|employee|subscriber|patient"
                r"|student|viewer|username|email|phone)(?:_|$)")
_BANK_WORDS = r"bank|credit|debit|yinhang|银行|信用|借记|payment|pay"
_PAYMENT_CONTEXT = (r"(?:^|_)(amount|price|total|payment|pay|paid|charge|currency|refund|fee|balance|order|orders"
                    r"|invoice|transaction|txn)(?:_|$)|金额|价格|支付|付款|交易|订单|退款|余额")
# A table of a person's workouts: named so, or holding the workout's type or a heart-rate reading.
_ACTIVITY_TABLES = words("activities", "activity", "workouts", "workout", "exercises", "exercise", "trainings",
                         "training", "runs", "rides", "sport_sessions", "fitness")
# (holdout18 classes) an activity qualified by what was done on a screen or an account (a streaming service's viewing
# activity, a login or account activity log) is no workout
_NOT_WORKOUT_ACTIVITY = (r"(?:^|_)(viewing|view|watch|watching|watched|playback|listening|streaming|login|logon|signin"
                         r"|account|audit|browsing|search|user|admin|content|app|network|api)_(activity|activities)$")
_ACTIVITY_SIBLINGS = (r"^((activity|workout|sport|exercise)_type|sport|sport_type)$"
                      r"|(?:^|_)(heart_rate|heartrate)(?:_|$)|心率|运动类型")
# Workout figures: what was done, for how long, how far, how fast, how much energy was spent.
# A kind of workout may be qualified by its record (`workoutActivityType`); a figure by how it was summed (`total_`,
# `active_`, `avg_`); energy spent is written as calories or as energy (`totalEnergyBurned`, `active_energy`).
# The Garmin FIT SDK profile (session, lap and monitoring messages) names more of them: stride and step length,
# training effect (`TE`), training stress score, laps, lap times, intensity; figures qualified as best, minimum or raw.
_FITNESS_COLUMNS = (r"^(\w+_)?(activity|workout|sport|exercise)_(type|kind)$"
                    r"|^((total|active|avg|average|max|maximum|min|mean|best|raw|num|number_of)_)?((run|running|bike"
                    r"|cycling|swim|swimming)_)?(sport|sport_type|elapsed_time|moving_time|timer_time|duration"
                    r"|active_time|total_time|distance|(speed|pace|cadence|power)"
                    r"|calories|calories_burned|kcal|kilojoules|energy|energy_burned|energy_burnt|energy_expended"
                    r"|steps|step_count|stride_length|step_length|strides|training_effect|aerobic_te|anaerobic_te"
                    r"|aerobic_training_effect|anaerobic_training_effect|training_stress_score|tss|intensity_factor"
                    r"|laps|lap_count|lap_time)$"
                    r"|^(运动类型|时长|距离|配速|步数|卡路里|消耗热量|消耗能量)$")
# Figures of a wearable's per-minute samples (FIT monitoring message: activity type, intensity): a bare kind or
# intensity is a workout figure only beside the steps or heart rate of the same samples.
_SAMPLE_FIGURES = r"^((raw|avg|average|max|mean)_)?(kind|intensity|activity_level)$"
_SAMPLE_SIBLINGS = r"^((raw|total)_)?(steps|step_count|heart_rate|heartrate)$"
# A bare `time` of a workout is its duration (`1:02:45`), not when it happened: values decide.
_DURATION = re.compile(r"\d{1,3}:[0-5]\d(:[0-5]\d)?(\.\d+)?")
# Keys of a workout summary kept as JSON (distance, calories, steps, pace, heart rate), after name normalisation.
_FITNESS_KEYS = re.compile(r"(?:^|_)(distance|calories|kcal|steps|pace|speed|cadence|heart_rate|hr|elapsed|duration"
                           r"|stride)(?:_|$)")
# An average, maximum or minimum heart rate written short (`Avg HR`): FIT's avg_heart_rate, with a pulse's range.
_SHORT_HR = r"^(avg|average|max|maximum|min|minimum|mean|resting)_hr$"


def _fitness_by_context(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                        evidence: list[str]) -> Judgement | None:
    """A workout figure: a column named for one in a table of a person's workouts (name and context decide).

    A distance or a duration alone is nobody's (a delivery route has them too); in a table of workouts (named so,
    or holding the workout type or heart-rate readings) it is how a person exercised.
    """
    if not ((re.search(_ACTIVITY_TABLES, tnorm) and not re.search(_NOT_WORKOUT_ACTIVITY, tnorm))
            or any(re.search(_ACTIVITY_SIBLINGS, n) for n in sibs)):
        return None
    if re.search(_SHORT_HR, norm):
        pulses = profile.share(lambda v: bool(re.fullmatch(r"\d{2,3}(\.\d+)?", v)) and 25 <= float(v) <= 250)
        if profile.non_blank >= MIN_VALUES and pulses >= VALUE_THRESHOLD:
            evidence.append(f"name and context: {norm!r} is a heart rate written short in a table of workouts "
                            f"({tnorm!r}); {_pct(pulses)} of values are in a pulse's range (25-250)")
            return Judgement("user.health.vital_signs", 0.65, "heart_rate", evidence, round(pulses, 4))
        return None
    summary = _fitness_json(profile)
    if summary is not None:
        evidence.append(f"values: {_pct(summary)} are JSON objects of workout figures (distance, calories, steps, "
                        f"pace, heart rate) in a table of workouts ({tnorm!r})")
        return Judgement("user.behavior.fitness_activity", 0.7, "fitness_activity", evidence, round(summary, 4))
    if norm == "time":
        # a bare time may be when it happened (a payment's time of day has the same shape): a duration beside two
        # other workout figures (distance, pace, calories) is the workout's
        durations = profile.share(lambda v: bool(_DURATION.fullmatch(v)))
        figures = sum(bool(re.search(_FITNESS_COLUMNS, n)) for n in sibs)
        if profile.non_blank < MIN_VALUES or durations < VALUE_THRESHOLD or figures < 2:
            return None
    elif re.search(_SAMPLE_FIGURES, norm):
        if not any(re.search(_SAMPLE_SIBLINGS, n) for n in sibs):
            return None
    elif not re.search(_FITNESS_COLUMNS, norm):
        return None
    if profile.non_blank >= MIN_VALUES and profile.distinct <= 1:
        return None  # a constant is nobody's workout
    evidence.append(f"name and context: {norm!r} is a workout figure in a table of workouts ({tnorm!r}); "
                    f"no value pattern exists for it ({profile.non_blank} non-blank sampled)")
    return Judgement("user.behavior.fitness_activity", 0.6, "fitness_activity", evidence)


# The six lawful bases of GDPR Art. 6(1)(a)-(f), as CRMs and consent tools spell them (`legitimate_interest`).
_LAWFUL_BASES = re.compile(r"consent|contract|legal_obligation|vital_interests?|public_task|public_interest"
                           r"|legitimate_interests?|official_authority")


def _lawful_basis(tnorm: str, sibs: frozenset[str], profile: ColumnProfile, evidence: list[str]) -> Judgement | None:
    """The lawful basis recorded for processing a person's data, one or several of GDPR Art. 6(1)'s six per row.

    Values decide (whatever the name): every value lists only lawful bases and some name consent. In a table of
    people it is what was recorded about this person's consent; in a register of processing activities it is not.
    """
    if profile.non_blank < MIN_VALUES or profile.distinct < 2 or not _is_table_of_people(tnorm, sibs):
        return None

    def bases(v: str) -> bool:
        text = re.sub(r"[^a-z]+", "_", v.lower()).strip("_")
        return bool(text) and not _LAWFUL_BASES.sub("", text).strip("_")

    share = profile.share(bases)
    if share < VALUE_THRESHOLD or not any("consent" in v.lower() for v in profile.values):
        return None
    evidence.append(f"values: {_pct(share)} name lawful bases of processing (GDPR Art. 6(1): consent, contract, "
                    f"legitimate interests, ...) in a table of people ({tnorm!r}): the consent recorded for the person")
    return Judgement("user.authorization.consent", 0.7, "consent", evidence, round(share, 4))


# (holdout15 classes) The states of a subscription under double opt-in (Mailchimp, listmonk, Mailman, Sendy): whether
# the person confirmed, withdrew or has yet to confirm. `confirmed` alone is also an order's or a booking's state, so a
# word of subscribing or opting must be among the values.
_SUBSCRIPTION_STATES = {"subscribed", "unsubscribed", "confirmed", "unconfirmed", "pending", "opted_in", "opted_out",
                        "opt_in", "opt_out", "optin", "optout", "opted_in_double", "double_opt_in", "single_opt_in",
                        "cleaned", "bounced", "blocklisted", "blacklisted", "transactional", "resubscribed", "archived"}
_SUBSCRIBING = re.compile(r"subscribed|opt_?in|opt_?out|opted")
_STATE_HEADS = {"status", "state", "subscription_status", "subscription_state", "subscription", "opt_status",
                "optin_status", "consent_status", "list_status", "membership_status"}


def _subscription_state(norm: str, tnorm: str, profile: ColumnProfile, evidence: list[str]) -> Judgement | None:
    """A status column whose values are the states of a subscription (confirmed, unsubscribed): a consent record."""
    if profile.non_blank < MIN_VALUES or profile.distinct < 2 or not (
            norm in _STATE_HEADS or norm.rsplit("_", 1)[-1] in ("status", "state")):
        return None

    def state(v: str) -> str:
        return re.sub(r"[^a-z]+", "_", v.lower()).strip("_")

    share = profile.share(lambda v: state(v) in _SUBSCRIPTION_STATES)
    subscribing = profile.share(lambda v: bool(_SUBSCRIBING.search(state(v))))
    if share < 0.9 or subscribing < 0.05:
        return None
    evidence.append(f"values: {_pct(share)} are states of a subscription ({_pct(subscribing)} say subscribed, "
                    f"unsubscribed or opted in/out): whether the person gave or withdrew consent "
                    f"({profile.non_blank} non-blank sampled)")
    return Judgement("user.authorization.consent", 0.7, "consent", evidence, round(share, 4))


# A picture of a camera's view by a short or generic word (`pic_url`, `cover_img`, `thumb`): in a table of cameras it is
# what the camera captured (a cover frame, an alarm picture), not a product shot.
_PICTURE_WORDS = r"^(\w+_)?(pic|pics|picture|img|image|cover|thumb|thumbnail|frame|preview)(_(url|uri|path|link))?$"
_CAMERA_TABLES = words("camera", "cameras", "ipc", "ipcam", "ipcams", "nvr", "nvrs", "dvr", "dvrs", "cctv", "webcam",
                       "webcams", "摄像头", "监控")


def _camera_picture(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                    evidence: list[str]) -> Judgement | None:
    """A picture a camera took, named by a generic word in a table of cameras, whose values are links or paths."""
    if not (re.search(_PICTURE_WORDS, norm) and re.search(_CAMERA_TABLES, tnorm)) or profile.non_blank < MIN_VALUES:
        return None
    links = profile.share(lambda v: bool(re.match(r"(https?|rtsp|s3|oss|ftp)://\S+$|/\S+$", v)))
    if links < VALUE_THRESHOLD or profile.distinct < 3:
        return None  # a constant placeholder picture, or words: not the camera's own captures
    evidence.append(f"name and values: {norm!r} is a picture in a table of cameras ({tnorm!r}) and {_pct(links)} of "
                    f"values are links or paths: what the camera captured ({profile.non_blank} non-blank sampled)")
    return Judgement("user.content.camera_snapshot", 0.65, "camera_snapshot", evidence, round(links, 4))


def _fitness_json(profile: ColumnProfile) -> float | None:
    """Share of values that are JSON objects with two or more keys of workout figures, or None below the threshold."""
    if profile.non_blank < MIN_VALUES or profile.share(lambda v: v.startswith("{")) < VALUE_THRESHOLD:
        return None

    def figures(v: str) -> bool:
        try:
            obj = json.loads(v)
        except ValueError:
            return False
        return isinstance(obj, dict) and sum(bool(_FITNESS_KEYS.search(normalise_name(k))) for k in obj) >= 2

    share = profile.share(figures)
    return share if share >= VALUE_THRESHOLD else None


_NOT_A_SECRET = words("salt", "id", "ids", "uuid", "guid", "pk", "key_id", "checksum", "etag", "md5", "sha1",
                      "sha256", "digest", "fingerprint", "version", "avatar", "gravatar", "image", "photo", "file",
                      "path", "url", "uri", r"\w*_id",
                      # (holdout19 classes) a hash of the record's own content, kept to detect tampering (an
                      # integrity stamp): a digest of data, no secret of the person
                      "security_hash", "row_hash", "record_hash", "integrity_hash", "content_hash", "data_hash",
                      # a public key or certificate is published by design (base64 like a secret, but none)
                      "public_key", "pubkey", "public", "certificate", "cert", "credential_public_key")


_CREDENTIAL_TABLES = r"(?:^|_)(credentials|credential|tokens|access_tokens|api_keys|secrets)$"
_NOT_A_SECRET_IN_CREDENTIALS = _NOT_A_SECRET.replace("|\\w*_id", "").replace("|id|", "|")
_PLACEHOLDERS = {"0", "-", "null", "none", "n/a", "na", "nil", "false"}


def _is_random_secret(v: str) -> bool:
    """A random string long enough to be a secret: a hex digest, a token of 20+ mixed characters, random base64."""
    if is_base64_blob(v):
        return True  # `/` and `+` belong to base64's alphabet: random bytes, not a path
    if "/" in v or ":" in v or is_uuid(v):
        return False  # URLs, paths, timestamps and UUIDs (record identifiers) are not secrets by their shape
    return is_digest(v) or (len(v) >= 20 and is_random_token(v) and not v.isdigit())


def is_display_name(name: str) -> bool:
    """A display name is the name a person chose to show: a name even when it is shaped like a login."""
    return normalise_name(name) in ("display_name", "displayname", "screen_display_name")


def _midnight_share(profile: ColumnProfile) -> float:
    # (holdout17 classes) a date kept as midnight UTC in ISO 8601 (`1990-05-12T00:00:00.000Z`) is still a date;
    # (holdout21 classes) so is midnight of the server's zone, with its offset (PostgreSQL's timestamptz output of a
    # date: `1984-03-07 00:00:00-05`)
    return profile.share(lambda v: bool(re.match(r"^\d{4}-\d{2}-\d{2}[T ]00:00(:00)?(\.0+)?(Z|[+-]\d\d(:?\d\d)?)?$",
                                                 v)))


def _judge_by_name(hit: Detector, name: str, tnorm: str, profile: ColumnProfile, shares: dict[str, float],
                   conf_share: float | None, evidence: list[str]) -> Judgement:
    """The verdict when the name announces `hit` and the values did not overrule it."""
    sample_note = f"{profile.non_blank} non-blank sampled"
    stored = None
    if hit.id == "street_address" and re.search(_ADDRESS_TITLE, normalise_name(name)) and profile.non_blank >= 10:
        # An address record's title or label (`address_title`, `address_name`) is what the address book shows for
        # it: mostly whose address it is. Values shaped like people's names say so; street lines carry numbers.
        people = profile.share(_looks_like_person_name)
        if people >= 0.6:
            evidence.append(f"values: {_pct(people)} of this address title are shaped like person names, not street "
                            f"lines: whose address it is ({sample_note})")
            return Judgement("user.name", 0.6, "person_name", evidence, round(people, 4))
    if hit.id == "camera_serial" and profile.values and profile.non_blank >= 20 \
            and profile.distinct / profile.non_blank < 0.2:
        evidence.append(f"decoy: {profile.distinct} distinct values in {profile.non_blank}: a product code "
                        "repeats, a serial number does not")
        return Judgement(None, 0.7, None, evidence)
    if hit.id == "date_of_birth" and profile.values and shares.get("datetime", 0) >= VALUE_THRESHOLD:
        midnight = _midnight_share(profile)
        if midnight < VALUE_THRESHOLD:
            evidence.append(f"values: {_pct(shares['datetime'])} carry a time of day: event timestamps, not births")
            return Judgement(None, 0.6, None, evidence)
        evidence.append(f"values: {_pct(midnight)} are dates stored at midnight ({sample_note})")
        return Judgement(hit.category, 0.85, hit.id, evidence, round(midnight, 4))
    if hit.id == "street_address" and profile.non_blank >= 10:
        whole = profile.share(is_whole_address)
        # (holdout20 classes) a field where people type their whole address, some only in part (a town, a street
        # and a number): no street line carries a postal code after its street, so such addresses in half of the
        # rows say what the field is meant to hold, the dominant kind
        if whole >= VALUE_THRESHOLD or (profile.non_blank >= MIN_VALUES and profile.share(_has_postal_code_part) >= 0.5):
            evidence.append(f"values: {_pct(whole)} are whole postal addresses (street with city, postal code or "
                            f"country) ({sample_note})")
            return Judgement("user.contact.address", 0.8, "postal_address", evidence, round(whole, 4))
    if hit.id == "precise_location" and profile.values and shares.get("latlon_pair", 0) < CONFIRM_THRESHOLD:
        return _location_by_decimals(name, profile, evidence)
    if hit.id == "street_address" and profile.non_blank >= MIN_VALUES \
            and (degrees := profile.share(_is_decimal_degree)) >= VALUE_THRESHOLD:
        # (holdout13 classes) an address's element holding bare decimal degrees is its geocode (FHIR's geolocation
        # extension of an address): where the home is, not a street line. No street line is a bare decimal number.
        evidence.append(f"values: {_pct(degrees)} of this address element are decimal degrees with 4+ decimals, not "
                        f"street lines: the address's geocode ({sample_note})")
        return _location_by_decimals(name, profile, evidence)
    if hit.id == "person_name" and not is_display_name(name) and profile.non_blank >= MIN_VALUES:
        numbered = profile.share(_is_numbered_name)
        if numbered >= VALUE_THRESHOLD and re.search(_NAME_PART_WORDS, normalise_name(name)):
            # (holdout13 classes) a capitalised name with a number appended (`Smith42`): generators of test data
            # (Synthea) and de-duplicating imports make names unique so; under a given or family name it is the name
            evidence.append(f"values: {_pct(numbered)} are capitalised names with a number appended (names made "
                            f"unique), under a part of a person's name ({sample_note})")
            return Judgement(hit.category, 0.7, hit.id, evidence, round(numbered, 4))
        ident = profile.share(is_identifier_shape)
        if ident >= VALUE_THRESHOLD:
            if re.search(ACCOUNT_TABLES, tnorm):
                evidence.append(f"values: {_pct(ident)} are shaped like logins (no space; digits, '_' or '.'), "
                                f"not person names, in a table of accounts ({sample_note})")
                return Judgement("user.account.username", 0.7, "username", evidence, round(ident, 4))
            evidence.append(f"values: {_pct(ident)} are shaped like codes (no space; digits, '_' or '.'), "
                            f"not person names ({sample_note})")
            return Judgement(None, 0.6, None, evidence)
        logins = profile.share(lambda v: bool(_LOWER_LOGIN.fullmatch(v)))
        if logins >= VALUE_THRESHOLD and ident >= CONFIRM_THRESHOLD and profile.distinct >= 10:
            # (holdout15 classes) a name field of a certificate or a directory (`Common Name`) holding lower-case
            # words joined by '.' or '_' (`ana.lopez`, `alopez`): logins made from people's names, not the names
            # (a person's name is written with capitals or spaces)
            evidence.append(f"values: {_pct(logins)} are lower-case words without spaces, {_pct(ident)} joined by "
                            f"'.', '_' or digits: logins, not person names ({sample_note})")
            return Judgement("user.account.username", 0.65, "username", evidence, round(logins, 4))
    if hit.needs_values and (conf_share is None or conf_share < CONFIRM_THRESHOLD):
        evidence.append(f"name alone is not enough for {hit.description}: the values do not confirm it "
                        f"({sample_note})")
        return Judgement(None, 0.6, None, evidence)
    if hit.secret and profile.values:
        stored, plain = _plain_secret(profile)
        evidence.append(f"stored form: {stored} ({_pct(1 - plain)} recognised one-way hashes or digests, "
                        f"{sample_note})")
    if profile.non_blank == 0:
        evidence.append("name alone: no non-blank value in the sample")
        return Judgement(hit.category, 0.5, hit.id, evidence, None, stored)
    if conf_share is None:
        evidence.append("name alone: no value pattern exists for this kind, and the values do not contradict it")
        return Judgement(hit.category, 0.6, hit.id, evidence, None, stored)
    if hit.secret:
        # The stored form above already says what the values are; a secret's name is trusted either way.
        if conf_share < CONFIRM_THRESHOLD:
            evidence.append("name alone for a secret: values that match no hash pattern are taken as stored in clear")
        return Judgement(hit.category, 0.9, hit.id, evidence, round(conf_share, 4), stored)
    if conf_share >= CONFIRM_THRESHOLD:
        evidence.append(f"values: {_pct(conf_share)} match "
                        f"{' or '.join(VALUE_PATTERNS[p].description for p in hit.confirm)} ({sample_note})")
        return Judgement(hit.category, round(min(0.99, 0.75 + 0.25 * conf_share), 2), hit.id,
                         evidence, round(conf_share, 4), stored)
    evidence.append(f"name alone: values are opaque, only {_pct(conf_share)} match the expected pattern "
                    f"(masked, encoded or free text?) ({sample_note})")
    return Judgement(hit.category, 0.5, hit.id, evidence, round(conf_share, 4))


_NICKNAME = words("nickname", "nick_name", "nick", "nicheng")
_LOWER_LOGIN = re.compile(r"[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*")
# Tables of people who are not (only) accounts: staff, employees, contacts, patients, students.
_STAFF_TABLES = words("employee", "employees", "staff", "personnel", "workers", "worker", "hr_employee", "contacts",
                      "contact", "patients", "patient", "students", "student", "persons", "person", "people")
_CN_WHOLE_ADDRESS = re.compile(r"(省|市).{0,30}?(路|街|道|巷|弄|胡同|号|村)")
_ADDRESS_PART_SEP = re.compile(r"[,;\n\t]| {2,}")
_POSTCODE_PART = re.compile(r"(^|\s)(\d{4,6}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d)(\s|$)")


# (holdout18 classes) A US address on one line without separators (an order export's shipping address): a street
# (a number and a word) and, at the end, the last line of USPS Publication 28 (city, two-letter state, ZIP or ZIP+4),
# optionally followed by the country.
_US_ONE_LINE_ADDRESS = re.compile(r"(?i)^\D*\d+ [^\W\d_]{2}.*\s[^\W\d_]{2,}\s+[A-Z]{2}\s+\d{5}(-\d{4})?"
                                  r"(\s+(united states|united states of america|usa|us))?$")


def _has_postal_code_part(v: str) -> bool:
    """A whole address with a postal code after its street (or a Chinese or US one-line address): no street line."""
    if _CN_WHOLE_ADDRESS.search(v) or _US_ONE_LINE_ADDRESS.search(v):
        return True
    parts = [p.strip() for p in _ADDRESS_PART_SEP.split(v) if p.strip()]
    return len(parts) >= 2 and bool(re.search(r"[^\W\d_]{2}", parts[0])) and any(_POSTCODE_PART.search(p) for p in parts[1:])


def is_whole_address(v: str) -> bool:
    """A whole postal address in one field (street with city, postal code or country).

    A Chinese address naming its city or province before the street, or a street (a number and a word) followed by
    parts that hold a postal code, or a city and a country. Parts are separated as exports join an address's fields:
    by commas, semicolons, line breaks, tabs or runs of two or more spaces (Mailchimp's address merge field).
    """
    if _CN_WHOLE_ADDRESS.search(v) or _US_ONE_LINE_ADDRESS.search(v):
        return True
    parts = [p.strip() for p in _ADDRESS_PART_SEP.split(v) if p.strip()]
    if len(parts) < 2 or not (re.search(r"\d", parts[0]) and re.search(r"[^\W\d_]{2}", parts[0])):
        return False
    return len(parts) >= 3 or any(_POSTCODE_PART.search(p) for p in parts[1:])


def _location_by_decimals(name: str, profile: ColumnProfile, evidence: list[str]) -> Judgement:
    """A latitude or longitude in its own column: precise with 3 or more decimals (about 100 m), else imprecise."""
    norm = normalise_name(name)
    zeros = {v: n for v, n in profile.values.items() if re.fullmatch(r"-?0(\.0+)?", v)}
    if zeros and len(zeros) < len(profile.values):
        # (holdout20 classes) 0 is what an application stores for an address it never geocoded (both axes at 0, a
        # point in the ocean no one lives at): a placeholder, judged as a blank; the other rows say the precision
        real = {v: n for v, n in profile.values.items() if v not in zeros}
        profile = ColumnProfile(sum(real.values()), len(real), real)
    if re.search(r"(?:^|_)e[5-7]$", norm):
        # Integer coordinates scaled by 10^5..10^7 (Google `latitudeE7`, microdegrees): the scale is the precision.
        scale = int(norm[-1])
        ints = profile.share(lambda v: bool(re.fullmatch(r"-?\d{1,10}", v)) and abs(int(v)) <= 180 * 10 ** scale)
        if ints >= VALUE_THRESHOLD:
            evidence.append(f"values: {_pct(ints)} are integer coordinates scaled by 10^{scale} "
                            f"({scale} decimals: precise)")
            return Judgement("user.location.precise", 0.9, "precise_location", evidence, round(ints, 4))
    # Integer coordinates under another scale and no suffix (a wearable's degrees x 3,000,000, microdegrees): whole
    # numbers mostly beyond the 180 degrees a coordinate can reach are fixed-point; a scale of 10^4 or more is 4+ decimals.
    fixed = profile.share(lambda v: bool(re.fullmatch(r"-?\d{1,10}", v)) and 180 < abs(int(v)) <= 180 * 10 ** 7)
    sizes = sorted(abs(int(v)) for v in profile.values if re.fullmatch(r"-?\d{1,10}", v))
    if fixed >= VALUE_THRESHOLD and sizes and sizes[len(sizes) // 2] >= 100_000:
        evidence.append(f"values: {_pct(fixed)} are whole numbers beyond 180 degrees and within 180 x 10^7: "
                        f"fixed-point coordinates (a scale of 10^4 or more: 4+ decimals, precise)")
        return Judgement("user.location.precise", 0.8, "precise_location", evidence, round(fixed, 4))
    objects = profile.share(lambda v: v.startswith("{"))
    if objects >= VALUE_THRESHOLD:
        return _location_in_json(profile, evidence)
    places = sorted(p for p in (decimals(v) for v in profile.values) if p is not None)
    numeric = (sum(n for v, n in profile.values.items() if decimals(v) is not None)
               / max(1, sum(profile.values.values())))
    if numeric >= VALUE_THRESHOLD and places:
        median = places[len(places) // 2]
        if median >= 3:
            evidence.append(f"values: {_pct(numeric)} are coordinates with a median of {median} decimals (precise)")
            return Judgement("user.location.precise", 0.9, "precise_location", evidence, round(numeric, 4))
        evidence.append(f"values: coordinates with a median of {median} decimals (city level)")
        return Judgement("user.location.imprecise", 0.7, "precise_location", evidence, round(numeric, 4))
    codes = profile.share(lambda v: bool(re.fullmatch(r"[A-Z]{2,}\d+([-_][A-Z0-9]+)*", v)))
    if codes >= VALUE_THRESHOLD:
        evidence.append(f"values: {_pct(codes)} are site or server codes (letters then digits), not a person's place")
        return Judgement(None, 0.6, None, evidence, round(codes, 4))
    links = profile.share(lambda v: bool(re.match(r"https?://", v)))
    labels = {v for v in profile.values if not re.match(r"https?://", v)}
    if links >= 0.1 and len(labels) <= 6 and profile.non_blank >= MIN_VALUES:
        # (holdout19 classes) a booking's or a meeting's location: a handful of rooms or offices shared by all rows,
        # the rest web links to a video-call room: where the service receives people, not where a person is
        evidence.append(f"values: {len(labels)} place labels shared by all rows and {_pct(links)} web links (online "
                        "rooms): the service's own rooms, not a person's whereabouts")
        return Judgement(None, 0.6, None, evidence, round(links, 4))
    evidence.append("values: not coordinates; taken as a place description (imprecise location)")
    return Judgement("user.location.imprecise", 0.5, "precise_location", evidence, round(numeric, 4))


_LAT_KEYS = {"lat", "latitude"}
_PLACE_KEYS = {"city", "country", "country_code", "region", "timezone", "postal_code", "continent"}


def _location_in_json(profile: ColumnProfile, evidence: list[str]) -> Judgement:
    """A location kept as a JSON object: precise when it holds coordinates of 5+ decimals and no place names."""
    precise = places = total = 0
    for v, n in list(profile.values.items())[:SHARE_PROBE]:
        try:
            obj = json.loads(v)
        except ValueError:
            continue
        if not isinstance(obj, dict):
            continue
        total += n
        keys = {normalise_name(k) for k in obj}
        lat = next((obj[k] for k in obj if normalise_name(k) in _LAT_KEYS), None)
        if lat is not None and (decimals(str(lat)) or 0) >= 5 and not keys & _PLACE_KEYS:
            precise += n
        elif keys & _PLACE_KEYS or lat is not None:
            places += n
    if total and precise / total >= VALUE_THRESHOLD:
        evidence.append(f"values: {_pct(precise / total)} are JSON objects with coordinates of 5+ decimals (precise)")
        return Judgement("user.location.precise", 0.85, "precise_location", evidence, round(precise / total, 4))
    evidence.append(f"values: {_pct(places / max(1, total))} are JSON objects naming a place (country, city, region; "
                    "coordinates of a city at most): an imprecise location")
    return Judgement("user.location.imprecise", 0.7, "precise_location", evidence, round(places / max(1, total), 4))


_OWN_VALUE_PATTERNS = ("phone", "ip", "email")
# Categories of a reference to a person: a few emails or numbers there are a few people, not the service's own lines.
_PERSON_REFERENCES = {"user.id", "user.account.username", "user.name"}


def _few_repeated(profile: ColumnProfile) -> bool:
    """A handful of values (three at most) repeated over many rows (twenty or more each on average).

    In a column not named for contact data, a few numbers or addresses that all rows share are the service's own
    (the lines a phone system answers, its hosts or senders), not the people's.
    """
    return profile.distinct <= 3 and profile.non_blank >= 20 * profile.distinct


def _decoy_reason(d: Detector, pid: str, norm: str, profile: ColumnProfile, person_ref: bool = False) -> str | None:
    """Why values that match a pattern are nevertheless not that kind of personal data (None: they are).

    `person_ref`: the name refers to a person (an id, a login, a name), so a few repeated values are a few people.
    """
    if re.search(_NOT_PERSONAL, norm):
        return f"the name {norm!r} speaks of a version, checksum or catalogue item"
    if pid in ("phone", "ip", "email", "mac", "card") and profile.non_blank >= 20 and profile.distinct <= 2:
        return f"only {profile.distinct} distinct values in {profile.non_blank}: a constant, not people's data"
    if pid in _OWN_VALUE_PATTERNS and _few_repeated(profile) and not person_ref:
        return (f"only {profile.distinct} distinct values repeated over {profile.non_blank} rows: the service's own "
                "lines, hosts or senders, not people's data")
    if pid == "country_code" and profile.distinct < 5:
        return f"only {profile.distinct} distinct two-letter codes: a market or setting, not where people are"
    if pid == "phone" and _is_sequence(profile):
        return "the numbers climb in small steps like order or invoice numbers"
    if pid in ("ip", "ip_port") and profile.share(is_private_ip) >= VALUE_THRESHOLD:
        return (f"{_pct(profile.share(is_private_ip))} are addresses of a private network (RFC 1918, loopback): "
                "servers or LAN devices, not where a person connects from")
    if pid == "ip" and _looks_like_versions(profile):
        return "dotted numbers with small parts and few distinct values, like software versions"
    return None


# --------------------------------------------------------------------------- holdout9 classes (issue 15)
# Values of another kind under a name, categorical answers about a person, health readings and vehicles by context,
# encrypted key material, an alias in a table of people.

# Categorical answers that are special or sensitive data whatever the column is called: (test, what, detector,
# distinct answers needed). A handful of such words over many rows is the answer itself, not a status code.
_ANSWER_VOCABULARIES: tuple[tuple[Callable[[str], bool], str, str, int], ...] = (
    (is_marital_status, "marital statuses", "marital_status", 3),
    (is_religion, "religions or stances on religion", "religion", 3),
    (is_sexual_orientation, "sexual orientations", "sexual_orientation", 2),
    # (holdout13 classes) OMB race and ethnicity categories, written out or as CDC codes (a FHIR race extension)
    (is_race_category, "racial or ethnic categories (OMB, CDC codes)", "race_ethnicity", 2),
)
# Names of a part of a person's name (a middle name or initial repeats: `A`, `J`, `Lee`).
_NAME_PARTS = r"(first|last|middle|given|family|maiden|sur|nick)_?name$"
_COORDINATE_SIBLINGS = r"^(lat|latitude|lng|lon|long|longitude|coordinates|latlng|geo|gps)$"


def _is_place_address(v: str) -> bool:
    """A geocoded place written out (`12, Torstraße, Mitte, Berlin, 10115, Deutschland`): 3+ parts, a postal code."""
    parts = [p.strip() for p in v.split(",") if p.strip()]
    return (len(parts) >= 3 and any(_POSTCODE_PART.fullmatch(" " + p + " ") for p in parts)
            and sum(bool(re.search(r"[^\W\d_]{2}", p)) for p in parts) >= 2)


def _values_of_another_kind(name_hit: Detector | None, norm: str, sibs: frozenset[str], profile: ColumnProfile,
                            evidence: list[str]) -> Judgement | None:
    """Values that say what the column holds, whatever its name (values outvote names).

    Categorical answers about a person (marital status, religion, sexual orientation, a BMI class) decide alone;
    under a person-name column, geocoded places and host names of phones and laptops say it is not a name.
    """
    note = f"{profile.non_blank} non-blank sampled"
    if 10 <= profile.non_blank and profile.distinct <= 60:
        answered = {v: n for v, n in profile.values.items() if not is_withheld_answer(v)}
        total = sum(answered.values())
        for test, what, det, need in _ANSWER_VOCABULARIES if total else ():
            hits = [v for v in answered if test(v)]
            share = sum(answered[v] for v in hits) / total
            if share >= VALUE_THRESHOLD and len(hits) >= need:
                d = DETECTORS_BY_ID[det]
                if name_hit is not None and name_hit.category == d.category:
                    return None  # the name says so too: judged by name below
                evidence.append(f"values: {_pct(share)} of the answered values are {what} ({len(hits)} distinct; "
                                f"answers withheld not counted; {note}): {d.description}, whatever the name says")
                return Judgement(d.category, 0.8, d.id, evidence, round(share, 4))
        if total and len([v for v in answered if is_bmi_class(v)]) >= 2:
            share = sum(n for v, n in answered.items() if is_bmi_class_or_normal(v)) / total
            if share >= VALUE_THRESHOLD:
                evidence.append(f"values: {_pct(share)} are classes of body weight (underweight ... obesity): the "
                                f"person's health condition ({note})")
                return Judgement("user.health.condition", 0.75, "bmi_class", evidence, round(share, 4))
    if name_hit is not None and name_hit.id == "person_pid" and profile.non_blank >= MIN_VALUES \
            and profile.distinct < 10:
        # A person's number varies across people; a few values shared by all rows is a page, folder or parent id.
        evidence.append(f"name: {norm!r} suggests {name_hit.description}, but only {profile.distinct} distinct values "
                        f"in {profile.non_blank}: a folder or parent id shared by the rows ({note})")
        return Judgement(None, 0.7, None, evidence)
    if name_hit is None or name_hit.id != "person_name" or profile.non_blank < 10:
        return None
    if profile.distinct <= 6 and profile.non_blank >= 50 and re.search(r"(?:^|_)name$", norm) \
            and not re.search(_NAME_PARTS, norm) and profile.share(_looks_like_person_name) < 0.5 \
            and profile.share(lambda v: bool(re.fullmatch(r"[A-Z][a-z'-]+", v))) < 0.9:
        # People's names vary even in a small sample; a handful repeated over many rows under a bare `name` names a
        # few things (cars, shops, models). Full names and given names are kept (a few callers in a call log, a few
        # staff by first name), and so are the parts of a name (middle names and initials repeat).
        evidence.append(f"name: {norm!r} suggests a person name, but only {profile.distinct} distinct values in "
                        f"{profile.non_blank}, mostly not shaped like person names: names of a few things ({note})")
        return Judgement(None, 0.7, None, evidence)
    hosts = profile.share(is_personal_device_host)
    if hosts >= 0.5:
        evidence.append(f"name: {norm!r} suggests a person name, but {_pct(hosts)} of values are host names of phones, "
                        f"tablets or computers: the device's name on the network, its identifier ({note})")
        return Judgement("user.device.device_id", 0.6, "device_id", evidence, round(hosts, 4))
    places = profile.share(_is_place_address)
    if places >= VALUE_THRESHOLD:
        if any(re.search(_COORDINATE_SIBLINGS, n) for n in sibs):
            evidence.append(f"name: {norm!r} suggests a person name, but {_pct(places)} of values are places written "
                            f"out (street, city, postal code) beside coordinates: the place at the position, a precise "
                            f"location ({note})")
            return Judgement("user.location.precise", 0.6, "precise_location", evidence, round(places, 4))
        evidence.append(f"name: {norm!r} suggests a person name, but {_pct(places)} of values are whole postal "
                        f"addresses ({note})")
        return Judgement("user.contact.address", 0.6, "postal_address", evidence, round(places, 4))
    return None


def _encrypted_key(norm: str, profile: ColumnProfile, evidence: list[str]) -> Judgement | None:
    """Key material stored encrypted (`akey`, `enc_key` holding Bitwarden EncStrings): a credential, kept encrypted."""
    last = norm.rsplit("_", 1)[-1]
    if not (last.endswith("key") and len(last) <= 8) or profile.non_blank < 10 or re.search(_NOT_A_SECRET, norm):
        return None
    share = profile.share(is_encrypted_envelope)
    if share < VALUE_THRESHOLD:
        return None
    evidence.append(f"name and values: {norm!r} names a key and {_pct(share)} of values are ciphertext in a known "
                    f"envelope (EncString, Fernet, Laravel, PGP): key material, a credential, stored encrypted "
                    f"({profile.non_blank} non-blank sampled)")
    return Judgement("user.authorization.credentials", 0.75, "encrypted_key", evidence, round(share, 4), "encrypted")


# Readings that are vital signs, and body measurements, by their bare names: health data only in a table of health
# readings (a bare `temperature` is as often a device's or the weather's).
_VITAL_NAMES = (r"^(bps|bpd|bp|bp_systolic|bp_diastolic|systolic|diastolic|blood_pressure|pulse|pulse_rate|heart_rate"
                r"|respiration|respirations|respiratory_rate|resp_rate|spo2|oxygen_saturation|o2_sat|o2_saturation"
                r"|temperature|temp|body_temperature|body_temp|blood_glucose|glucose)$"
                r"|^(收缩压|舒张压|血压|脉搏|心率|呼吸|呼吸频率|体温|血氧|血氧饱和度|血糖)$")
_BODY_NAMES = (r"^(weight|height|bmi|body_mass_index|waist|waist_circ|waist_circumference|hip|hip_circ|hip_circumference"
               r"|head_circ|head_circumference|body_fat|body_fat_percentage|weight_kg|weight_lb|weight_lbs|height_cm"
               r"|height_in)$|^(体重|身高|腰围|臀围|头围|体脂率|bmi)$")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _health_by_context(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                       evidence: list[str]) -> Judgement | None:
    """A vital sign or body measurement: a bare name (`pulse`, `weight`) in a table of health readings, numbers.

    The table is one of health readings by its name (vitals, observations, check-ups) or because two other columns
    are vital signs (`bps`, `bpd`, `pulse`): there, a weight or a temperature is the person's own.
    """
    vital = re.search(_VITAL_NAMES, norm)
    if not (vital or re.search(_BODY_NAMES, norm)):
        return None
    if not (re.search(_HEALTH_TABLES, tnorm) or sum(bool(re.search(_VITAL_NAMES, n)) for n in sibs) >= 2):
        return None
    numbers = profile.share(lambda v: bool(_NUMBER.fullmatch(v)))
    if profile.non_blank < 10 or profile.distinct < 3 or numbers < VALUE_THRESHOLD:
        return None
    category = "user.health.vital_signs" if vital else "user.health"
    evidence.append(f"name and context: {norm!r} is a {'vital sign' if vital else 'body measurement'} in a table of "
                    f"health readings ({tnorm!r}) and {_pct(numbers)} of values are numbers "
                    f"({profile.non_blank} non-blank sampled)")
    return Judgement(category, 0.65, "vital_signs" if vital else "body_measure", evidence, round(numbers, 4))


_VEHICLE_TABLES = words("cars", "car", "vehicles", "vehicle", "fleet", "motorcycles", "motorcycle", "车辆")
_ID_LIKE = r"^([a-z]{1,3}id|[a-z0-9_]+_id|[a-z]+_uid)$"


def _vehicle_id_by_context(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                           evidence: list[str]) -> Judgement | None:
    """The maker's ids of a person's car (`eid`, `vid`): in a table of vehicles, unique long ids beside the row key."""
    if not re.fullmatch(_ID_LIKE, norm) or norm == "id" or not (
            re.search(_VEHICLE_TABLES, tnorm) or any(re.search(r"^(vin|vin_code|vin_number)$", n) for n in sibs)):
        return None
    long_ids = profile.share(lambda v: (v.isdigit() and len(v) >= 8) or is_random_token(v) or is_uuid(v))
    if profile.non_blank < 10 or long_ids < VALUE_THRESHOLD or profile.distinct < 0.9 * profile.non_blank:
        return None
    evidence.append(f"name and context: {norm!r} in a table of vehicles ({tnorm!r}) holds one long id per car "
                    f"({_pct(long_ids)} of values): the car's id at its maker's service, the id of a person's connected "
                    f"product ({profile.non_blank} non-blank sampled)")
    return Judgement("user.device.device_id", 0.6, "vehicle_id", evidence, round(long_ids, 4))


_ALIAS_NAMES = (r"^(alias|aka|also_known_as|known_as|goes_by|preferred_name|call_name"
                # (holdout14 classes) the other names a person is known by (a library's `othernames`)
                r"|other_names|othernames|other_name|othername)$")
_GIVEN_NAME_SHAPE = re.compile(r"[A-Z][a-z'-]+( [A-Z][a-z'-]+){0,3}|[\u4e00-\u9fff]{1,4}")
_LOGIN_POINTERS = r"user|owner|reporter|assignee"


def _alias_of_person(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                     evidence: list[str]) -> Judgement | None:
    """An alias in a table of people whose values are names (`Tom`, `Ana Lima`): the name the person goes by."""
    if not re.search(_ALIAS_NAMES, norm) or not _is_table_of_people(tnorm, sibs) or profile.non_blank < 10 \
            or profile.distinct < 5:
        return None
    share = profile.share(lambda v: bool(_GIVEN_NAME_SHAPE.fullmatch(v)))
    if share < VALUE_THRESHOLD:
        return None
    evidence.append(f"name and values: {norm!r} in a table of people and {_pct(share)} of values are shaped like given "
                    f"or full names: the name the person goes by ({profile.non_blank} non-blank sampled)")
    return Judgement("user.name", 0.6, "person_name", evidence, round(share, 4))


# --------------------------------------------------------------------------- evidence across the tables of one scan


# --------------------------------------------------------------------------- holdout13 classes (issue 15)
# Flags named for a racial category, flags about the data, SIP parties, FHIR paths (identifiers, references to
# people), names made unique with a number, an address's geocode.


def _race_flag(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
               evidence: list[str]) -> Judgement | None:
    """A yes/no flag whose name IS a racial or ethnic category (`asian`, `hispanic_or_latino_ethnicity`): the race.

    Where the line runs between a flag that is the data and one that is not: a flag is personal data of the category
    its name gives when its "yes" asserts that category of the person (one bit of the attribute, as a roster's
    `asian` or `is_hispanic`); it is not when its "yes" asserts something about a record or a setting
    (`has_snapshot`, `accepts_email_marketing`, `birthdate_estimated`: whether data exists, was given or is exact).
    Special categories (GDPR Art. 9(1)) make the difference matter: the flag reveals racial origin by itself.
    Needs a table of people or another such flag beside it (a bare `white` could be a colour's flag elsewhere).
    """
    if not RACE_CATEGORY_NAME.match(norm) or profile.non_blank < MIN_VALUES or profile.distinct > 2:
        return None
    if not all(is_boolean_word(v) for v in profile.values):
        return None
    if not (any(RACE_CATEGORY_NAME.match(n) for n in sibs) or _is_table_of_people(tnorm, sibs)):
        return None
    evidence.append(f"name and values: {norm!r} names a racial or ethnic category and the values are yes/no flags "
                    f"({profile.distinct} distinct in {profile.non_blank}): each 'yes' states the person's race or "
                    "ethnicity, a flag that is the data, not one about the data")
    return Judgement("user.demographic.race_ethnicity", 0.7, "race_ethnicity", evidence, 1.0)


# Last words that make `<data>_<word>` a yes/no question about the data (is it estimated, verified, shown?).
_DATA_QUALIFIERS = {"estimated", "estimate", "approximate", "approx", "exact", "known", "unknown", "visible", "hidden",
                    "public", "private", "shown", "masked", "redacted", "provided", "missing", "present", "required",
                    "optional", "locked"}


def _flag_about_the_data(norm: str, profile: ColumnProfile) -> str | None:
    """Why `<data>_<qualifier>` holding yes/no flags (`birthdate_estimated`) is a flag about the data, or None."""
    parts = norm.split("_")
    if len(parts) < 2 or parts[-1] not in _DATA_QUALIFIERS or profile.non_blank < MIN_VALUES:
        return None
    if profile.distinct > 2 or not all(is_boolean_word(v) for v in profile.values):
        return None
    return (f"its last word {parts[-1]!r} asks a yes/no question about the data and the values are flags "
            f"({profile.distinct} distinct): whether the data is so, not the data")


def _sip_user_parts(profile: ColumnProfile) -> ColumnProfile:
    """Values written as SIP or tel URIs (`sip:+4930...@host`) reduced to their user part: the number dialled."""
    if not any(v[:4].lower() in ("sip:", "tel:") or v[:5].lower() == "sips:" for v in profile.values):
        return profile
    out: dict[str, int] = {}
    for v, n in profile.values.items():
        u = re.sub(r"^(sips?|tel):", "", v, flags=re.IGNORECASE).split("@", 1)[0].split(";", 1)[0]
        out[u] = out.get(u, 0) + n
    return ColumnProfile(profile.non_blank, len(out), out)


_DECIMAL_DEGREE = re.compile(r"-?\d{1,3}\.\d{4,}")


def _is_decimal_degree(v: str) -> bool:
    return bool(_DECIMAL_DEGREE.fullmatch(v)) and abs(float(v)) <= 180


# Names of a part of a person's name (a FHIR `name[0].family`, `given[0]`), as words.
_NAME_PART_WORDS = r"(?:^|_)(first|last|middle|given|family|maiden|sur)(_?names?)?$|(?:^|_)(given|family)_\d+$"
_NUMBERED_NAME = re.compile(r"[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)*\d{1,4}")


def _is_numbered_name(v: str) -> bool:
    return bool(_NUMBERED_NAME.fullmatch(v))


# A FHIR reference to a resource that is a person (`Patient/123`; `urn:uuid:` inside a bundle export).
_PERSON_REFERENCE = re.compile(r"(Patient|Person|RelatedPerson|Practitioner)/[A-Za-z0-9.-]{1,64}")
_URN_UUID = re.compile(r"urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _reference_to_person(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                         evidence: list[str]) -> Judgement | None:
    """A column of FHIR references to people (`subject.reference` = `Patient/<id>`): the person's identifier.

    The resource type in the value says whose record it is, whatever the column is called; a bundle's `urn:uuid:`
    references count only beside typed ones (a uuid reference alone may point at any resource).
    """
    if profile.non_blank < MIN_VALUES:
        return None
    typed = profile.share(lambda v: bool(_PERSON_REFERENCE.fullmatch(v)))
    refs = profile.share(lambda v: bool(_PERSON_REFERENCE.fullmatch(v) or _URN_UUID.fullmatch(v)))
    if typed < CONFIRM_THRESHOLD or refs < VALUE_THRESHOLD:
        return None
    evidence.append(f"values: {_pct(typed)} are references to a person's record (Patient, Person, Practitioner) and "
                    f"{_pct(refs - typed)} uuid references beside them: the person's identifier "
                    f"({profile.non_blank} non-blank sampled)")
    return Judgement("user.id", 0.7, "user_id", evidence, round(refs, 4))


# (holdout19/20 classes) A reference to a person's row named by the role the person plays in the record: the patient,
# the provider (dentist, hygienist), the guarantor, the donor, the partner of a CRM (a person or a family), the insured,
# the policy holder, the nominee, the agent, the staff member responsible, the creator of the row. Keyed by a word for
# a key (`PatNum`, `ProvNum`, `partner_key`, `insured_id`), by the key first (`id_users_customer`), or bare for roles
# only people hold (`Guarantor`, `Assistant`). A schema's one-letter type tag (`p_partner_key_n`: `p_` module prefix,
# `_n` number) is no word.
_PERSON_ROLES = (r"patient|patients|pat|provider|prov|guarantor|donor|donors|partner|partners|insured|insuree|"
                 r"policy_holder|policyholder|holder|nominee|beneficiary|agent|responsible|creator|assistant|hygienist"
                 r"|dentist|doctor|physician|subscriber|user|users|customer|member|employee|staff")
_ROLE_KEY_TAIL = r"(num|key|id|no|nr|number|ref)"
_ROLE_KEY = re.compile(r"^(?:[a-z]_)?(?:[a-z0-9]+_)*?(?:" + _PERSON_ROLES + r")_" + _ROLE_KEY_TAIL + r"(?:_[a-z])?$"
                       r"|^id_(?:(?:users|user|people|persons|person)_)?(?:" + _PERSON_ROLES + r")$"
                       # ... or the user who did something to the row (`SecUserNumEntry`: the user who entered it,
                       # `user_id_modified`)
                       r"|^(?:[a-z]+_)?(?:user|users|staff|employee|operator)_" + _ROLE_KEY_TAIL
                       + r"_(?:entry|entered|created|modified|edited|added|changed|approved|updated|deleted)$"
                       # ... or by the rank of the role (`PriProv`: the primary provider; `attending_doctor`)
                       r"|^(?:pri|primary|sec|secondary|main|assigned|attending|referring|treating|usual)_(?:"
                       + _PERSON_ROLES + r")$")
_BARE_ROLE = r"^(guarantor|assistant|hygienist|dentist|physician|nominee|beneficiary|insured|policy_holder|policyholder)$"


def _key_of_person_by_role(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                           evidence: list[str]) -> Judgement | None:
    """A column named for a person's role, keyed (`PatNum`, `partner_key`, `insured_id`) or bare, holding record keys.

    The values must be whole-number keys taking more than a handful of values (5 or more distinct: the providers of a
    small practice are few), not a code of two or three options.
    """
    if not (_ROLE_KEY.fullmatch(norm) or re.fullmatch(_BARE_ROLE, norm)):
        return None
    if profile.non_blank < MIN_VALUES or profile.distinct < 5:
        return None
    keys = profile.share(lambda v: v.isdigit() and len(v) <= 12)
    if keys < VALUE_THRESHOLD:
        return None
    evidence.append(f"name and values: {norm!r} names a person by the role they play in the record and "
                    f"{_pct(keys)} of values are record keys ({profile.distinct} distinct): a reference to the "
                    f"person's row ({profile.non_blank} non-blank sampled)")
    return Judgement("user.id", 0.6, "user_id", evidence, round(keys, 4))


# (holdout19 classes) A table of a person's addresses (an address book of delivery addresses) names its street line
# by what it is within the address: the detail (`detail`, 详细地址), the line. Street lines confirm: a number and a word,
# or a Chinese road, street or lane with its number.
_ADDRESS_TABLES = r"(?:^|_)(address|addresses|address_book|addressbook|shipping_addresses|delivery_addresses)$|地址簿?$"
_ADDRESS_DETAIL = r"^(detail|details|detail_address|address_detail|detailed_address|line|street_line|详细地址|详细信息|详情)$"
_CN_STREET_LINE = re.compile(r"[\u4e00-\u9fff]{1,12}(路|街|大街|大道|道|巷|弄|胡同|村|里)\d+号")


# (holdout20 classes) the line of an address that names a building or whom the mail goes through (c/o), beside a
# street and a city or postal code: part of the street line, in words ("Rear building", "c/o Lopez")
_BUILDING_LINE = r"^(?:[a-z]_)?(building|building_name|care_of|c_o|in_care_of)(?:_\d)?(?:_[a-z])?$"


def _street_in_address_table(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                             evidence: list[str]) -> Judgement | None:
    """The detail line of an address in a table of addresses (street lines), or its building or c/o line in words."""
    if profile.non_blank < MIN_VALUES:
        return None
    if re.fullmatch(_BUILDING_LINE, norm) and any(re.search(r"(?:^|_)street(?:_name|_line)?(?:_[a-z])?$", n) for n in sibs) \
            and any(re.search(r"(?:^|_)(city|town|postal_code|post_code|postcode|zip|zip_code)(?:_[a-z])?$", n) for n in sibs):
        wordy = profile.share(lambda v: bool(re.search(r"[^\W\d_]{2}", v)))
        if wordy >= VALUE_THRESHOLD:
            evidence.append(f"name and context: {norm!r} is the building or c/o line of an address kept beside its "
                            f"street and city or postal code, and {_pct(wordy)} of values are words "
                            f"({profile.non_blank} non-blank sampled)")
            return Judgement("user.contact.address.street", 0.6, "street_address", evidence, round(wordy, 4))
    if not (re.search(_ADDRESS_TABLES, tnorm) and re.fullmatch(_ADDRESS_DETAIL, norm)):
        return None
    lines = profile.share(lambda v: bool(_CN_STREET_LINE.search(v)) or _is_street_line(v))
    if lines < VALUE_THRESHOLD:
        return None
    evidence.append(f"name and values: {norm!r} is the detail line of an address in a table of addresses ({tnorm!r}) "
                    f"and {_pct(lines)} of values are street lines ({profile.non_blank} non-blank sampled)")
    return Judgement("user.contact.address.street", 0.6, "street_address", evidence, round(lines, 4))


# The value of an identifier of a person's record (FHIR `identifier[n].value`), or the identifier column of a table
# of people's identifiers (`patient_identifier.identifier`: the column names what one row of the table is).
_FHIR_IDENTIFIER_VALUE = r"^identifier(_\d+)?_value$"
_SSN_SHAPE = re.compile(r"\d{3}-\d{2}-\d{4}")


def _identifier_of_person(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                          evidence: list[str]) -> Judgement | None:
    """The value of an identifier of a person (FHIR `identifier[n].value` of a Patient): the person's identifier.

    Values in the US social-security shape (AAA-GG-SSSS, any area: test data uses the unissued 9xx) are the national
    number. Which other identifier it is (a driving licence, a passport) is written in the identifier's `type`
    column, whose values a column-by-column reading does not see: it stays the person's identifier.
    """
    own_table = norm in ("identifier", "identifier_value") and re.search(
        r"(?:^|_)(?:" + _PEOPLE_WORDS + r")_identifiers?$", tnorm)
    if not (own_table or (re.search(_FHIR_IDENTIFIER_VALUE, norm) and _is_table_of_people(tnorm, sibs))):
        return None
    if profile.non_blank < MIN_VALUES or profile.distinct < 0.9 * min(profile.non_blank, SHARE_PROBE):
        return None  # an identifier of a person varies across people
    ssn = profile.share(lambda v: bool(_SSN_SHAPE.fullmatch(v)))
    if ssn >= VALUE_THRESHOLD:
        evidence.append(f"name and values: {norm!r} is an identifier of a person and {_pct(ssn)} of values are in "
                        f"the US social-security shape ({profile.non_blank} non-blank sampled)")
        return Judgement("user.government_id.national_identification_number", 0.7, "national_id", evidence,
                         round(ssn, 4))
    evidence.append(f"name and values: {norm!r} is an identifier of a person ({tnorm!r}), one value per person "
                    f"({profile.non_blank} non-blank sampled)")
    return Judgement("user.id", 0.6, "user_id", evidence, 1.0)


@dataclass(frozen=True)
class ColumnVerdict:
    """A column's verdict as the per-table pass left it, with its counts (no values): the input of `cross_table`."""

    table: str
    column: str
    category: str | None
    detector: str | None
    non_blank: int
    distinct: int


# Words naming who people belong to: an organisation, a tenant, a customer company.
_GROUP_WORDS = {"customer", "account", "client", "tenant", "company", "org", "organisation", "organization",
                "partner", "workspace", "team"}
_PERSON_DATA = {"user.name", "user.contact.email", "user.contact.phone_number", "user.account.username"}
_REFERENCE_RE = re.compile(r"^(?P<x>[a-z][a-z0-9_]*?)_?id$")


def _tables_of_people(columns: Iterable[ColumnVerdict]) -> set[str]:
    """Tables whose rows are people: keyed by a person's identifier, or holding two kinds of a person's data."""
    kinds: dict[str, set[str]] = {}
    keyed: set[str] = set()
    for c in columns:
        if c.detector == "row_key_of_people":
            keyed.add(c.table)
        if c.category in _PERSON_DATA:
            kinds.setdefault(c.table, set()).add(c.category)
    return keyed | {t for t, k in kinds.items() if len(k) >= 2}


# Words of `<x>_id` that name no kind of record (`entity_id` is any table's key, `parent_id` a tree's).
_GENERIC_REFERENCES = {"entity", "parent", "object", "record", "item", "row", "ref", "target", "source", "related",
                       "foreign", "external", "internal", "node", "self"}


def _names_table(word: str, table: str) -> bool:
    """Whether `word` (from `<word>_id`) names `table` (`contact` names `contacts`, `oc_customer`)."""
    if word in _GENERIC_REFERENCES:
        return False
    t = normalise_name(table)
    return any(t == f or t.endswith("_" + f) for f in (word, word + "s", word + "es"))


def cross_table(columns: list[ColumnVerdict]) -> dict[tuple[str, str], Judgement]:
    """Verdicts that the scan's other tables change (pure; returns only the columns whose verdict changes).

    - A `<group>_id` (customer, account, tenant...) that many people of a table of people share names the group
      they belong to (an organisation, a tenant), not a person: not personal there, nor in the scan's other tables.
    - A `<x>_id` whose `<x>` names a table of people of the same scan references one of those people: the person's
      identifier (`contact_inboxes.contact_id` when `contacts` holds people).
    """
    people = _tables_of_people(columns)
    groups: dict[str, str] = {}
    for c in columns:
        norm = normalise_name(c.column)
        m = _REFERENCE_RE.match(norm)
        if (c.detector == "user_id" and m and m.group("x") in _GROUP_WORDS and c.table in people
                and c.non_blank >= MIN_VALUES and c.distinct <= max(3, c.non_blank // 20)):
            groups[norm] = (f"cross-table: in {c.table!r}, a table of people, {c.distinct} distinct values of {norm!r} "
                            f"are shared by {c.non_blank} people: it names the group they belong to (an organisation "
                            f"or tenant), not a person")
    out: dict[tuple[str, str], Judgement] = {}
    for c in columns:
        norm = normalise_name(c.column)
        if norm in groups and c.detector == "user_id":
            out[(c.table, c.column)] = Judgement(None, 0.7, None, [groups[norm]])
            continue
        m = _REFERENCE_RE.match(norm)
        if c.category is not None or not m or m.group("x") in _GROUP_WORDS or c.non_blank == 0 or c.distinct < 2:
            continue
        target = next((t for t in sorted(people) if t != c.table and _names_table(m.group("x"), t)), None)
        if target is not None:
            out[(c.table, c.column)] = Judgement(
                "user.id", 0.6, "user_id",
                [f"cross-table: {norm!r} references {target!r}, a table of people in the same scan: "
                 f"the person's identifier ({c.non_blank} non-blank sampled)"])
    return out


# --------------------------------------------------------------------------- holdout10 classes (issue 15)
# Names of two meanings settled by the values, a phone's country code, nicknames that are given names, the keys and
# secrets of a person's devices.


def _is_name_gone_by(v: str) -> bool:
    """A person's name, a given name alone (`Tony`) or a familiar form (`小王`, `老李`, `阿杰`): no digits, no symbols."""
    return _looks_like_person_name(v) or bool(re.fullmatch(r"[A-Z][a-z'-]{1,14}|[小老阿][\u4e00-\u9fff]{1,2}", v))


def _name_of_two_meanings(hit: Detector, norm: str, profile: ColumnProfile, shares: Mapping[str, float],
                          evidence: list[str]) -> Judgement | None:
    """A bare `address` that holds email addresses: the values say which address the name means.

    `address` is a postal address, an email address or a network address; network addresses already contradict a
    postal one. Email addresses as the dominant kind (the rest, say, phone numbers of the same people) make it a
    column of emails.
    """
    if hit.id != "street_address" or profile.non_blank < MIN_VALUES or not re.search(r"(?:^|_)(address|addr)$", norm):
        return None
    share = shares.get("email", 0.0)
    if share < 0.5:
        return None
    evidence.append(f"name: {norm!r} may name a postal or an email address; {_pct(share)} of values are email "
                    f"addresses, the dominant kind ({profile.non_blank} non-blank sampled)")
    return Judgement("user.contact.email", round(0.5 + 0.4 * share, 2), "email", evidence, round(share, 4))


_DIAL_WORDS = r"(?:^|_)(phone|tel|telephone|mobile|cell|cellphone|fax|whatsapp|msisdn|dial|dialing|dialling|calling)\d*_"


def _is_dialling_code(v: str) -> bool:
    """An international calling code (ITU-T E.164: 1 to 3 digits, some with a 4-digit area part), `+` optional."""
    return bool(re.fullmatch(r"\+?\d{1,4}", v.strip()))


def _is_dialling_prefix(norm: str, profile: ColumnProfile) -> bool:
    """A country code of a phone number (`phone1_country_code`, `mobile_country_code` holding `44`, `86`)."""
    return bool(re.search(_DIAL_WORDS, norm)) and profile.non_blank >= MIN_VALUES \
        and profile.share(_is_dialling_code) >= VALUE_THRESHOLD


_DEVICE_KEY_TABLES = r"(?:^|_)(devices|device|installations|installation|things|thing|gadgets)$"
_DEVICE_KEY = re.compile(r"[A-Za-z0-9_-]{12,64}")


def _is_opaque_device_key(v: str) -> bool:
    """A hardware or cloud id of a device: 12+ letters and digits mixed (not a row number, not a word)."""
    return bool(_DEVICE_KEY.fullmatch(v)) and any(c.isdigit() for c in v) and any(c.isalpha() for c in v)


def _is_random_key(v: str) -> bool:
    """A key of 12+ characters drawn at random: three of lower case, upper case, digits and symbols, no spaces."""
    if not 12 <= len(v) <= 128 or " " in v:
        return False
    classes = (any(c.islower() for c in v), any(c.isupper() for c in v), any(c.isdigit() for c in v),
               any(not c.isalnum() for c in v))
    return sum(classes) >= 3 or is_digest(v)


def _device_key_by_context(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                           evidence: list[str]) -> Judgement | None:
    """The key of a device that belongs to a person, and the secret key of such a device.

    In a table of devices that keeps each device's owner (`uid`, `owner_id`), the row's own key (`id`, `uuid`) is
    the device's id when its values are opaque device ids (a cloud or hardware id, not a row number); a `*_key`
    holding random keys, one per device, is the device's secret (it encrypts or unlocks the device, as a camera's
    password does). Without an owner beside it a device is equipment, nobody's.
    """
    if not re.search(_DEVICE_KEY_TABLES, tnorm) or profile.non_blank < MIN_VALUES \
            or profile.distinct < 0.95 * min(profile.non_blank, SHARE_PROBE) \
            or not any(re.search(_PERSON_REFS, n) for n in sibs):
        return None
    note = f"{profile.non_blank} non-blank sampled"
    if re.fullmatch(r"(id|uuid|guid|device_key|hardware_id|hw_id)", norm) \
            and (share := profile.share(_is_opaque_device_key)) >= VALUE_THRESHOLD:
        evidence.append(f"name and values: {norm!r} keys a table of devices that names each device's owner, and "
                        f"{_pct(share)} of values are opaque device ids (not row numbers): the device's id ({note})")
        return Judgement("user.device.device_id", 0.6, "device_id", evidence, round(share, 4))
    if re.search(r"(?:^|_)key$", norm) and not re.search(_NOT_A_SECRET, norm) \
            and (share := profile.share(_is_random_key)) >= VALUE_THRESHOLD:
        evidence.append(f"name and values: {norm!r} is a key kept per device in a table of devices that names each "
                        f"device's owner, and {_pct(share)} of values are random keys: the device's secret ({note})")
        return Judgement("user.authorization.credentials", 0.6, "credentials", evidence, round(share, 4), "plaintext")
    return None


# One syllable of Hanyu Pinyin without tones (an initial, then a final; `v` stands for `ü` as keyboards type it).
_PINYIN_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo"
                    r"|ui|ue|ve|er|a|o|e|i|u|v)")
# A name written in pinyin: two to four syllables glued, or two or three words of syllables (each capitalised or
# not), optionally with its initials (`zhangwei zw`, `Li Taohua`, `liuyang`), as directories keep it to sort and
# search people by.
_PINYIN_WORD = rf"(?:{_PINYIN_SYLLABLE}){{1,3}}"
_PINYIN_NAME = re.compile(rf"(?i)(?:{_PINYIN_SYLLABLE}){{2,4}}|{_PINYIN_WORD}(?: {_PINYIN_WORD}){{1,2}}")
_ROMANISED_NAME = r"(?:^|_)(pinyin|name_pinyin|pinyin_name|full_pinyin|xingming_pinyin|name_py)$|拼音"


def _is_pinyin_name(v: str) -> bool:
    """A person's name in pinyin, with or without its initials (`zhangwei zw`)."""
    if _PINYIN_NAME.fullmatch(v):
        return True
    m = re.fullmatch(r"(\S+) ([a-z]{2,4})", v)
    return bool(m and _PINYIN_NAME.fullmatch(m.group(1)) and m.group(1)[0].lower() == m.group(2)[0])


def _romanised_name(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                    evidence: list[str]) -> Judgement | None:
    """The pinyin of each person's name (a directory's sort and search key) in a table of people: the name itself."""
    if not re.search(_ROMANISED_NAME, norm) or profile.non_blank < 10 or profile.distinct < 5 \
            or not (_is_table_of_people(tnorm, sibs) or re.search(_PEOPLE_ROW_TABLES, tnorm)):
        return None
    share = profile.share(_is_pinyin_name)
    if share < VALUE_THRESHOLD:
        return None
    evidence.append(f"name and values: {norm!r} in a table of people and {_pct(share)} of values are names written in "
                    f"pinyin: each person's name, romanised ({profile.non_blank} non-blank sampled)")
    return Judgement("user.name", 0.6, "person_name", evidence, round(share, 4))


# --------------------------------------------------------------------------- holdout15 classes (issue 15)
# The parties of a message (a chat export's `from` / `from_id`), a demographic attribute kept as an option code
# (`gender_id`), a per-contact secret under a bare `hash`, logins under a `Common Name`, addresses a VPN gives its
# clients, the provider's own equipment, a check item's value.

# A message's sender or recipient, by the words chat, mail and SMS exports use. Alone `from`/`to` also bound ranges
# and routes, so the table (or its other columns) must be about messages.
_MESSAGE_PARTY = r"^(from|to|sender|recipient|receiver|from_name|to_name|sender_name|recipient_name|receiver_name)$"
_MESSAGE_PARTY_ID = (r"^(from|to|sender|recipient|receiver|from_user|to_user|author|peer|actor)_(id|uid|user_id"
                     r"|userid)$")
_MESSAGE_TABLES = (r"(?:^|_)(messages|message|msgs|msg|chat|chats|chat_history|conversation|conversations|mail|mails"
                   r"|emails|inbox|outbox|sms|texts|dm|dms|im|posts|comments|replies)$|(消息|聊天|短信|邮件)")
_MESSAGE_SIBLINGS = (r"^(text|body|message|content|subject|reply_to_message_id|reply_to|in_reply_to|thread_id|chat_id"
                     r"|conversation_id|media_type|message_id|msg_id|sent_at|text_entities|forwarded_from)$")


def _party_of_message(norm: str, tnorm: str, sibs: frozenset[str], profile: ColumnProfile,
                      evidence: list[str]) -> Judgement | None:
    """Who sent or received a message, in a table of messages: their name (names as values) or id (keys as values)."""
    named, keyed = re.search(_MESSAGE_PARTY, norm), re.search(_MESSAGE_PARTY_ID, norm)
    if not (named or keyed) or profile.non_blank < 10 or profile.distinct < 3:
        return None
    if not (re.search(_MESSAGE_TABLES, tnorm) or sum(bool(re.search(_MESSAGE_SIBLINGS, n)) for n in sibs) >= 2):
        return None
    note = f"{profile.non_blank} non-blank sampled"
    if named:
        share = profile.share(lambda v: bool(_GIVEN_NAME_SHAPE.fullmatch(v)))
        if share >= VALUE_THRESHOLD:
            evidence.append(f"name and values: {norm!r} is a party to a message in a table of messages and {_pct(share)} "
                            f"of values are shaped like given or full names: the person's display name ({note})")
            return Judgement("user.name", 0.6, "person_name", evidence, round(share, 4))
        return None
    share = profile.share(_is_key_value)
    if share >= VALUE_THRESHOLD:
        evidence.append(f"name and values: {norm!r} is a party to a message in a table of messages and {_pct(share)} of "
                        f"values are record keys: that person's id ({note})")
        return Judgement("user.id", 0.6, "user_id", evidence, round(share, 4))
    return None


# An entity-attribute-value table (FreeRADIUS `radcheck` attribute/value, WordPress `wp_usermeta` meta_key/meta_value):
# the value column holds, row by row, what its key column names. When most rows' keys name one kind of personal data
# (`Cleartext-Password`, `NT-Password`), the value column holds that kind (a column of two kinds takes the dominant one).
_EAV_VALUE = (r"^(value|val|meta_value|attribute_value|attr_value|field_value|property_value|prop_value|setting_value"
              r"|option_value|param_value|parameter_value)$")
_EAV_KEYS = ("attribute", "attr", "attribute_name", "attr_name", "meta_key", "key", "field", "field_name", "property",
             "prop", "property_name", "setting", "setting_name", "option_name", "param", "parameter", "name")
EAV_DOMINANT = 0.6  # share of rows whose key names the same kind: the dominant kind
EAV_MAX_KEYS = 100  # distinct keys beyond which a column is no attribute list


def polymorphic_person_key(name: str, profile: ColumnProfile, type_name: str,
                           type_profile: ColumnProfile) -> Judgement | None:
    r"""`emailable_id` beside `emailable_type` whose values name classes of people (`Submitter`, `User`): `user.id`.

    (holdout22 classes) A polymorphic reference (Rails' `belongs_to :emailable, polymorphic: true`, Laravel's
    `notifiable_type`/`notifiable_id`) points to a row of the class its type column names: where most rows name a
    class of people (a person noun: `User`, `App\Models\Customer` in PHP), the key is that person's.
    """
    if profile.non_blank < MIN_VALUES or type_profile.non_blank < MIN_VALUES:
        return None

    def person_class(v: str) -> bool:
        last = re.split(r"[\\:./]+", v.strip())[-1]
        word = normalise_name(last)
        return bool(word) and person_keys.person_noun(word.split("_")[-1]) is not None

    people = type_profile.share(person_class)
    keys = profile.share(_is_key_value)
    if people < 0.5 or keys < VALUE_THRESHOLD:
        return None
    return Judgement("user.id", 0.55, "user_id", [
        f"name and context: {normalise_name(name)!r} is a polymorphic key and {_pct(people)} of {type_name!r} name a "
        f"class of people (a person noun), and {_pct(keys)} of values are record keys: a reference to a person "
        f"({profile.non_blank} non-blank sampled)"], round(keys, 4))


def polymorphic_type_column(name: str, columns: Iterable[str]) -> str | None:
    """The `<x>able_type` column beside a `<x>able_id` (a polymorphic reference), or None."""
    m = re.fullmatch(r"(.+able)_?id", normalise_name(name).replace("_able_", "able_"))
    if m is None:
        return None
    want = m.group(1).rstrip("_") + "_type"
    return next((c for c in columns if normalise_name(c).replace("_able_", "able_") in (want, want.replace("_", ""))),
                None)


def eav_key_column(name: str, siblings: Iterable[str]) -> str | None:
    """The sibling column that names what `name` holds row by row (its key), when `name` is an EAV value column."""
    if not re.match(_EAV_VALUE, normalise_name(name)):
        return None
    by_norm = {normalise_name(s): s for s in siblings if s != name}
    return next((by_norm[k] for k in _EAV_KEYS if k in by_norm), None)


def classify_eav_value(name: str, table: str, profile: ColumnProfile, key_name: str,
                       key_profile: ColumnProfile) -> Judgement | None:
    """The category of an EAV value column from what its key column's values name (None: no dominant personal kind)."""
    # an attribute list is a small vocabulary; many distinct keys are no such list (and each key is read as a name)
    if profile.non_blank < MIN_VALUES or key_profile.non_blank < MIN_VALUES or key_profile.distinct > EAV_MAX_KEYS:
        return None
    tnorm, rows = normalise_name(table), 0
    kinds: Counter[str] = Counter()
    empty = ColumnProfile(0, 0, {})
    for key, n in key_profile.values.items():
        rows += n
        hit = _name_detector(expand_name(normalise_name(key)), tnorm, empty, [])
        if hit is not None:
            kinds[hit.id] += n
    if not kinds or not rows:
        return None
    kind, n = kinds.most_common(1)[0]
    d = DETECTORS_BY_ID[kind]
    if n / rows < EAV_DOMINANT or _values_contradict(d, profile, _Shares(profile)):
        return None
    evidence = [f"name: {name!r} holds what {key_name!r} names row by row (an attribute-value table); "
                f"{_pct(n / rows)} of the keys name {d.description} ({profile.non_blank} non-blank sampled)"]
    stored = _plain_secret(profile)[0] if d.secret else None
    return Judgement(d.category, 0.6, d.id, evidence, round(n / rows, 4), stored)
