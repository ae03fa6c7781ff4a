"""The manifest model: round trip, and every class of input error reported as FILE:LINE: path: message."""
from __future__ import annotations

import re

import pytest
import yaml

from pia.errors import InputError
from pia.declare.manifest import load_manifest, parse_manifest
from pia.declare.measures import MeasureStatus


def problems_of(path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_manifest(path)
    return info.value.lines


def line_of(text: str, needle: str, start: int = 0) -> int:
    """1-based line of the first line containing `needle` at or after line index `start`."""
    for i, line in enumerate(text.splitlines()[start:], start=start + 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in text")


def test_reference_manifest_round_trips_through_yaml():
    m = load_manifest()
    dumped = yaml.safe_dump(m.to_yaml_data(), sort_keys=False, allow_unicode=True)
    again = parse_manifest(dumped, "dumped.yaml")
    assert again.model_dump() == m.model_dump()
    assert again.to_yaml_data() == m.to_yaml_data()


def test_unmentioned_measure_is_not_assessed_rather_than_missing():
    # how a not-assessed measure counts is the risk method's choice (MethodParameters.not_assessed)
    m = load_manifest()
    cookies = m.activity("website_cookies")
    assert "deidentification" not in cookies.measures
    assert cookies.measure("deidentification") is MeasureStatus.not_assessed
    assert cookies.measure("encryption_in_transit") is MeasureStatus.implemented


def test_measure_with_note_and_own_measure(reference_data, write_manifest):
    reference_data["measures"] = [{"id": "camera_privacy_mask", "name": "Privacy masks on camera images",
                                   "mitigates": ["illegitimate_access"], "lowers": "severity",
                                   "sources": ["pia default: the assessor's own measure"]}]
    act = reference_data["processing_activities"][0]
    act["measures"]["camera_privacy_mask"] = {"status": "planned", "note": "next firmware"}
    act["measures"]["backups"] = "improvable"
    m = load_manifest(write_manifest(reference_data))
    a = m.processing_activities[0]
    assert a.measure("camera_privacy_mask") is MeasureStatus.planned
    assert a.measures["camera_privacy_mask"].note == "next firmware"
    assert a.measure("backups") is MeasureStatus.improvable
    assert "camera_privacy_mask" in m.measure_catalogue() and "backups" in m.measure_catalogue()


def test_unknown_measure_and_redefined_shipped_measure_are_errors(reference_data, write_manifest):
    reference_data["measures"] = [{"id": "backups", "name": "x", "mitigates": ["disappearance"],
                                   "lowers": "likelihood", "sources": ["x"]}]
    reference_data["processing_activities"][0]["measures"]["encrypton_at_rest"] = "implemented"
    reference_data["processing_activities"][1]["measures"]["access_control"] = "done"
    with pytest.raises(InputError) as exc:
        load_manifest(write_manifest(reference_data))
    text = str(exc.value)
    assert "measures[backups].id: measure 'backups' is already in the shipped catalogue" in text
    assert "measure 'encrypton_at_rest' is not in the catalogue; did you mean encryption_at_rest" in text
    assert "processing_activities[minor_protection].measures.access_control: Input should be 'implemented'" in text


def test_sensitivity_comes_from_taxonomy_unless_overridden():
    m = load_manifest()
    assert m.element("password").sensitive is True           # credentials: GB/T 35273 Annex B
    assert m.element("email").sensitive is False
    guardian = m.element("guardian_consent")                 # consent records are general, overridden here
    assert guardian.sensitive is True
    assert guardian.sensitivity_reason.startswith("override:")


def test_invalid_yaml_names_file_and_line(write_manifest):
    path = write_manifest("service:\n  id: x\n  name: [unclosed\ncontroller: {}\n")
    lines = problems_of(path)
    assert len(lines) == 1
    assert re.match(rf"^{re.escape(str(path))}:\d+: invalid YAML", lines[0]) or "manifest.yaml:" in lines[0]
    assert lines[0].split(":")[1].isdigit()


def test_empty_file_is_an_error(write_manifest):
    lines = problems_of(write_manifest(""))
    assert "empty" in lines[0]


def test_top_level_must_be_a_mapping(write_manifest):
    lines = problems_of(write_manifest("- a\n- b\n"))
    assert "mapping" in lines[0]


def test_missing_field_points_at_its_parent_line(reference_text, write_manifest):
    text = reference_text.replace("    category: user.account.username\n", "", 1)
    path = write_manifest(text)
    lines = problems_of(path)
    assert len(lines) == 1
    expected_line = line_of(text, "- id: username")
    assert lines[0] == f"{path}:{expected_line}: data_elements[username].category: required field is missing"


def test_mistyped_enum_value_is_reported_with_allowed_values(reference_text, write_manifest):
    text = reference_text.replace("    group: order\n", "    group: orders\n", 1)
    path = write_manifest(text)
    (line,) = problems_of(path)
    assert f":{line_of(text, 'group: orders')}: data_elements[order_record].group:" in line
    assert ".group:" in line and "'orders'" in line and "'order'" in line


def test_misspelled_field_name_is_an_unknown_field(reference_text, write_manifest):
    text = reference_text.replace("    source: user_provided\n", "    sorce: user_provided\n", 1)
    path = write_manifest(text)
    lines = problems_of(path)
    assert any(l.endswith("data_elements[username].sorce: unknown field (check its spelling)") for l in lines)
    assert any("data_elements[username].source: required field is missing" in l for l in lines)


def test_wrong_type_repeats_the_bad_value(reference_text, write_manifest):
    text = reference_text.replace("subjects_count: 1200000   # estimate\n", "subjects_count: many\n", 1)
    path = write_manifest(text)
    (line,) = problems_of(path)
    assert f":{line_of(text, 'subjects_count: many')}: processing_activities[account_management].subjects_count:" in line
    assert "'many'" in line


def test_unknown_taxonomy_key_suggests_the_closest_keys(reference_text, write_manifest):
    text = reference_text.replace("category: user.contact.email", "category: user.contact.emial", 1)
    path = write_manifest(text)
    (line,) = problems_of(path)
    assert f":{line_of(text, 'user.contact.emial')}: data_elements[email].category: unknown taxonomy category" in line
    assert "did you mean user.contact.email" in line


def test_activity_naming_undefined_element_and_recipient(reference_text, write_manifest):
    text = reference_text.replace("data_elements: [user_id, birth_date, guardian_consent]",
                                  "data_elements: [user_id, birth_day, guardian_consent]", 1)
    text = text.replace("recipients: [payment_processor, logistics_partner, cloud_provider]",
                        "recipients: [payment_processer, logistics_partner, cloud_provider]", 1)
    path = write_manifest(text)
    lines = problems_of(path)
    assert len(lines) == 2, lines
    assert (f":{line_of(text, 'birth_day')}: processing_activities[minor_protection].data_elements.1: "
            "data element 'birth_day' is not defined") in lines[0]
    assert "birth_date" in lines[0]  # the hint lists similar ids
    assert (f":{line_of(text, 'payment_processer')}: processing_activities[order_fulfilment].recipients.0: "
            "recipient 'payment_processer' is not defined") in lines[1]


def test_duplicate_id_names_both_lines(reference_text, write_manifest):
    text = reference_text.replace("  - id: username\n", "  - id: user_id\n", 1)
    path = write_manifest(text)
    lines = problems_of(path)
    dup = [l for l in lines if "duplicate id 'user_id'" in l]
    assert len(dup) == 1
    first = line_of(text, "  - id: user_id")
    second = line_of(text, "  - id: user_id", first)
    assert dup[0].startswith(f"{path}:{second}: data_elements.1.id:")
    assert f"first defined on line {first}" in dup[0]


def test_duplicate_yaml_key_is_an_error_not_silently_overwritten(reference_text, write_manifest):
    text = reference_text.replace("  legal_entity: Zosi Technologies Co., Limited\n",
                                  "  legal_entity: Zosi Technologies Co., Limited\n  legal_entity: Other Ltd\n", 1)
    path = write_manifest(text)
    (line,) = problems_of(path)
    assert "duplicate key 'legal_entity'" in line
    assert f":{line_of(text, 'legal_entity: Other Ltd')}:" in line


def test_all_problems_are_reported_at_once_in_line_order(reference_text, write_manifest):
    text = (reference_text
            .replace("category: user.contact.email", "category: user.contact.emial", 1)
            .replace("    group: order\n", "    group: orders\n", 1)
            .replace("legal_basis: I.5(8)", "legal_basis: I.5(12)", 1)
            .replace("clauses: [I.2]\n", "clauses: [I-2]\n", 1))
    path = write_manifest(text)
    lines = problems_of(path)
    assert len(lines) == 4, lines
    numbers = [int(l.split(":")[1]) for l in lines]
    assert numbers == sorted(numbers)
    assert any("is not a legal basis" in l and "I.5(1) to I.5(11)" in l for l in lines)
    assert any("'I-2' is not a clause reference" in l for l in lines)


def test_sensitivity_override_needs_a_reason(reference_text, write_manifest):
    text = reference_text.replace(
        re.search(r"sensitivity: \{level: sensitive, reason: .*\}", reference_text).group(0),
        "sensitivity: {level: sensitive}", 1)
    path = write_manifest(text)
    (line,) = problems_of(path)
    assert "sensitivity.reason: required field is missing" in line


def test_minor_age_is_a_setting_pipl_fourteen_accepted(reference_data, write_manifest):
    reference_data["settings"]["minor_age"] = 14
    m = load_manifest(write_manifest(reference_data))
    assert m.settings.minor_age == 14
    del reference_data["settings"]
    assert load_manifest(write_manifest(reference_data)).settings.minor_age == 18


def test_missing_file_is_an_input_error(tmp_path):
    lines = problems_of(tmp_path / "nope.yaml")
    assert lines == [f"{tmp_path / 'nope.yaml'}: no such file"]


def test_non_utf8_file_is_an_input_error(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("service: {name: caf\xe9}\n".encode("latin-1"))
    (line,) = problems_of(path)
    assert "not UTF-8" in line


def test_manifest_records_sha256_of_its_bytes():
    import hashlib

    from pia.config import REFERENCE_MANIFEST

    assert load_manifest().sha256 == hashlib.sha256(REFERENCE_MANIFEST.read_bytes()).hexdigest()


def test_unquoted_yes_for_an_enum_explains_yaml_booleans(reference_text, write_manifest):
    text = reference_text.replace("      encryption_in_transit: implemented\n", "      encryption_in_transit: yes\n", 1)
    (line,) = problems_of(write_manifest(text))
    assert "got True" in line and "quote the value" in line


def test_undefined_reference_suggests_close_ids(reference_text, write_manifest):
    text = reference_text.replace("data_elements: [user_id, birth_date, guardian_consent]",
                                  "data_elements: [user_id, birthdate, guardian_consent]", 1)
    (line,) = problems_of(write_manifest(text))
    assert line.endswith("data element 'birthdate' is not defined; did you mean birth_date?")


def test_unquoted_comma_in_a_flow_mapping_says_to_quote(write_manifest):
    # `{kind: access, how: In the app, or by email, ...}`: YAML ends `how` at the comma and reads `or by email` as
    # a key; "check its spelling" sent the analyst the wrong way
    from pia.declare.scaffold import manifest_text

    text = manifest_text("blank", "gym", "Gym")
    old = '{kind: access, how: TODO where or how, clauses: ["5"]}'
    assert old in text
    path = write_manifest(text.replace(old, '{kind: access, how: In the app, or by email, clauses: ["5"]}'))
    lines = problems_of(path)
    want = f"{path}:{line_of(path.read_text(), 'or by email')}: rights.0.or by email: unknown field: it looks like"
    assert len(lines) == 1 and lines[0].startswith(want) and "quote text that holds a comma" in lines[0], lines
