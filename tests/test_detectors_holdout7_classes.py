"""Failure classes seen on the seventh held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data); names are generic where the class allows, not the corpus's own columns.
"""

from __future__ import annotations

import random

from pia.discovery.detectors import ColumnProfile, ColumnVerdict, classify_column, cross_table
from pia.discovery.value_patterns import is_boolean_word
from tests.column_profiles import profile

RNG = random.Random(7)
HEX = "0123456789abcdef"
GIVEN = ["Ana", "Tom", "Mia", "Wei", "Omar", "Lena", "Ivan", "Sara"]
FAMILY = ["Lopez", "Chen", "Novak", "Smith", "Okafor", "Berg", "Rossi"]
CN_NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴琳", "徐丽", "孙浩"]


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def person() -> str:
    return f"{RNG.choice(GIVEN)} {RNG.choice(FAMILY)}"


def test_chinese_order_attributes_are_not_the_order_record():
    # Chinese puts the head noun last: the order's source, rating or risk tag is an attribute of the order
    assert cat("订单来源", "店铺订单", profile([RNG.choice(["小程序", "公众号", "App"]) for _ in range(60)])) is None
    assert cat("订单星级", "店铺订单", profile([RNG.choice(["1", "3", "5", ""]) for _ in range(60)])) is None
    assert cat("订单风险标签", "店铺订单", profile([RNG.choice(["——", "疑似刷单"]) for _ in range(60)])) is None
    numbers = profile([f"E2024{RNG.randint(10**9, 10**10 - 1)}" for _ in range(60)])
    assert cat("订单号", "店铺订单", numbers) == "user.order.record"
    assert cat("订单编号", "店铺订单", numbers) == "user.order.record"


def test_chinese_yes_no_words_are_flags():
    assert is_boolean_word("是") and is_boolean_word("否")
    assert cat("团购订单", "店铺订单", profile([RNG.choice(["是", "否", "否"]) for _ in range(60)])) is None


def test_a_customers_order_count_and_spending_are_purchase_history():
    counts = profile([str(RNG.randint(0, 40)) for _ in range(60)])
    amounts = profile([f"{RNG.uniform(0, 900):.2f}" for _ in range(60)])
    assert cat("number_of_orders", "shop_customer", counts) == "user.behavior.purchase_history"
    assert cat("total_spent", "customers", amounts) == "user.behavior.purchase_history"
    assert cat("消费次数", "店铺客户", counts) == "user.behavior.purchase_history"
    assert cat("消费金额", "店铺客户", amounts) == "user.behavior.purchase_history"
    assert cat("累计退款订单数", "店铺客户", profile([RNG.choice(["0", "0", "1", "2"]) for _ in range(60)])) \
        == "user.behavior.purchase_history"
    # on an order row, the same words are that order's figures, not a person's history
    assert cat("total_spent", "orders", amounts) is None
    assert cat("消费金额", "店铺订单", amounts) is None


def test_emails_outvote_an_actor_or_owner_name():
    def frappe_like() -> str:
        return "Administrator" if RNG.random() < 0.4 else f"user{RNG.randint(1, 999)}@example.com"
    mostly_emails = profile([frappe_like() for _ in range(120)])
    assert cat("modified_by", "docs", mostly_emails) == "user.contact.email"
    assert cat("owner", "docs", mostly_emails) == "user.contact.email"
    assert cat("assigned_mailbox", "docs", mostly_emails) == "user.contact.email"
    # logins stay logins; a minority of emails among many other words is no email column
    logins = profile([f"{RNG.choice(GIVEN).lower()}.{RNG.choice(FAMILY).lower()}" for _ in range(120)])
    assert cat("modified_by", "docs", logins) == "user.account.username"
    mixed = profile([f"user{RNG.randint(1, 999)}@example.com" if i % 3 == 0 else f"word{i}" for i in range(120)])
    assert cat("assigned_mailbox", "docs", mixed) is None


def test_a_person_by_role_with_name_values_is_a_name():
    staff = profile([RNG.choice(CN_NAMES) for _ in range(60)])
    assert cat("收银员", "店铺订单", staff) == "user.name"
    assert cat("专属导购", "店铺订单", staff) == "user.name"
    assert cat("cashier", "pos_sales", profile([person() for _ in range(60)])) == "user.name"
    # the role's level or team is no name; a role word with codes is no name either
    assert cat("分销员等级", "店铺订单", profile([RNG.choice(["普通分销员", "高级分销员"]) for _ in range(60)])) is None
    assert cat("cashier", "pos_sales", profile([f"POS-{RNG.randint(1, 9)}" for _ in range(60)])) is None
    # a role a firm fills: carrier names look like two capitalised words
    carriers = profile([RNG.choice(["China Mobile", "China Unicom", "Royal Mail", "Deutsche Post", "Vodafone Group"])
                        for _ in range(60)])
    assert cat("operator", "sim_cards", carriers) is None


def test_an_opt_out_flag_is_a_consent_record():
    flags = profile([RNG.choice(["0", "1"]) for _ in range(60)])
    assert cat("unsubscribed", "contacts", flags) == "user.authorization.consent"
    assert cat("do_not_email", "leads", flags) == "user.authorization.consent"
    assert cat("unsubscribed_at", "contacts", profile([f"2024-0{RNG.randint(1, 9)}-1{RNG.randint(0, 9)}"
                                                       for _ in range(60)])) != "user.authorization.consent"


def test_rows_about_a_persons_address_or_email_are_keyed_as_things():
    keys = profile([str(i) for i in range(1, 61)])
    assert cat("id", "account_address", keys) is None
    assert cat("id", "user_email", keys) is None
    assert cat("id", "account_user", keys) == "user.id"
    assert cat("external_reference", "account_user", profile([f"CRM-{RNG.randint(10**5, 10**6)}" for _ in range(60)])) \
        == "user.id"
    # so a reference to a table of email addresses is no person's id
    key = classify_column("id", "user_email", keys)
    cols = [ColumnVerdict("user_email", "id", key.category, key.detector, 60, 60),
            ColumnVerdict("user_email", "address", "user.contact.email", "email", 60, 60),
            ColumnVerdict("ticket", "email_id", None, None, 60, 4)]
    assert ("ticket", "email_id") not in cross_table(cols)


def test_a_picture_in_a_table_of_contacts_or_taken_at_check_in_is_the_persons_own():
    photos = profile([f"/files/{''.join(RNG.choice(HEX) for _ in range(8))}.jpg" for _ in range(60)])
    assert cat("image", "tabContact", photos) == "user.content.self_image"
    assert cat("打卡图片1", "考勤打卡记录", photos) == "user.content.self_image"
    assert cat("image", "camera_events", photos) == "user.content.camera_snapshot"
    assert cat("抓拍图片", "门禁记录", photos) == "user.content.camera_snapshot"


def test_a_check_in_place_is_a_precise_location_not_a_postal_address():
    places = profile([f"浙江省杭州市西湖区文三路{RNG.randint(1, 300)}号" for _ in range(60)])
    assert cat("打卡地址", "考勤打卡记录", places) == "user.location.precise"
    assert cat("punch_location", "attendance", places) == "user.location.precise"
    assert cat("收货地址", "店铺订单", places) in ("user.contact.address", "user.contact.address.street")


def test_an_mqtt_client_id_is_a_device_id():
    ids = profile([f"app-android-{''.join(RNG.choice(HEX) for _ in range(12))}" for _ in range(60)])
    assert cat("clientid", "mqtt_acl", ids) == "user.device.device_id"
    assert cat("clientid", "report_jobs", ids) is None


def test_a_ticket_number_is_the_support_case():
    numbers = profile([str(RNG.randint(100000, 999999)) for _ in range(60)])
    assert cat("number", "helpdesk_ticket", numbers) == "user.support"
    assert cat("number", "invoice_lines", numbers) is None


def test_an_address_title_holding_names_is_the_persons_name():
    titles = profile([person() if RNG.random() < 0.8 else "Globex" for _ in range(60)])
    assert cat("address_title", "addresses", titles) == "user.name"
    streets = profile([f"{RNG.randint(1, 300)} {RNG.choice(['Oak', 'Elm'])} Street" for _ in range(60)])
    assert cat("address_title", "addresses", streets) == "user.contact.address.street"


def test_a_pin_code_is_a_postal_code_only_in_a_table_of_addresses():
    pins = profile([str(RNG.randint(110001, 855999)) for _ in range(60)])
    assert cat("pincode", "customer_address", pins) == "user.contact.address.postal_code"
    assert cat("pincode", "door_locks", pins) != "user.contact.address.postal_code"


def test_a_providers_record_id_is_the_persons_id_there():
    ids = profile([f"people/c{RNG.randint(10**17, 10**18)}" for _ in range(60)])
    assert cat("google_contacts_id", "contacts", ids) == "user.id"
    assert cat("google_analytics_id", "site_settings", profile([f"UA-{RNG.randint(10**5, 10**6)}-1"
                                                                for _ in range(60)])) is None


def test_a_region_column_holding_cities_is_the_city():
    cities = profile([RNG.choice(["北京", "上海", "深圳", "杭州", "成都", "温州市"]) for _ in range(60)])
    assert cat("微信地域", "会员名单", cities) == "user.contact.address.city"
    assert cat("region", "members", cities) == "user.contact.address.city"
    # provinces and districts are not cities (left out, as region columns before)
    assert cat("地区", "会员名单", profile([RNG.choice(["浙江省", "广东省", "西湖区", "南山区"]) for _ in range(60)])) is None
