"""Nothing `pia validate` prints or writes contains a raw email, phone, password hash or code hash."""
from __future__ import annotations

import csv

import pytest

from pia.cli import main
from pia.samples import generate as samples

AS_OF = "2026-06-30"
PERSONAL = {"users.csv": ("email", "phone", "password_hash"), "devices.csv": ("verification_code_hash",)}


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    out = tmp_path_factory.mktemp("leak-estate")
    samples.generate_estate(out, users=400, seed=3, violations=True)
    return out


@pytest.fixture(scope="module")
def raw_values(estate):
    values: set[str] = set()
    for name, columns in PERSONAL.items():
        with open(estate / name, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                values.update(row[c] for c in columns if row[c])
    assert len(values) > 400  # the estate really has personal values to leak
    return values


def _run(capsys, *args) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(["validate", *map(str, args)])
    out, err = capsys.readouterr()
    return exc.value.code, out + err


def _leaks(text: str, raw: set[str]) -> list[str]:
    return sorted(v for v in raw if v in text)


@pytest.mark.slow
def test_nothing_printed_or_written_holds_raw_personal_values(capsys, estate, raw_values, tmp_path):
    texts = {}
    code, texts["table"] = _run(capsys, estate, "--as-of", AS_OF)
    assert code == 1
    code, texts["json"] = _run(capsys, estate, "--as-of", AS_OF, "--format", "json")
    suites = tmp_path / "suites"
    suites.mkdir()
    code, texts["to-file"] = _run(capsys, estate, "--as-of", AS_OF, "--format", "json", "-o", tmp_path / "v.json",
                                  "--export-suites", suites)
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert len(written) == 21
    for path in written:
        texts[path.name] = path.read_text(encoding="utf-8")
    assert "samples" in texts["v.json"] and "*" in texts["json"]  # samples are there, masked
    for name, text in texts.items():
        assert _leaks(text, raw_values) == [], f"raw personal values in {name}"


@pytest.mark.slow
def test_bad_value_messages_do_not_leak(capsys, tmp_path):
    (tmp_path / "users.csv").write_text(
        "user_id,username,email,phone,password_hash,birth_date,guardian_consent,registered_at,status,cancelled_at\n"
        "u1,jane,jane.doe@example.com,+8613800138000,$2b$12$x,1990-01-01,maybe@example.com,"
        "2026-01-01 00:00:00,active,\n", encoding="utf-8")
    code, text = _run(capsys, tmp_path, "--as-of", AS_OF)
    assert code == 2 and "guardian_consent" in text
    assert "maybe@example.com" not in text and "jane.doe" not in text


@pytest.fixture(scope="module")
def headerless_estate(estate, tmp_path_factory):
    """The estate with the header line of users.csv cut off: its first data row becomes the 'header'."""
    out = tmp_path_factory.mktemp("headerless-estate")
    for f in estate.glob("*.csv"):
        lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
        (out / f.name).write_text("".join(lines[1:] if f.name == "users.csv" else lines), encoding="utf-8")
    with open(estate / "users.csv", newline="", encoding="utf-8") as fh:
        first = next(csv.DictReader(fh))
    values = {v for k, v in first.items() if v and k not in ("status", "country", "guardian_consent", "cancelled_at")}
    assert any("@" in v for v in values)
    return out, values


@pytest.mark.parametrize("command", [["validate", "--as-of", AS_OF], ["scan"], ["scan", "--format", "json"]],
                         ids=["validate", "scan_table", "scan_json"])
def test_headerless_users_csv_never_echoes_its_first_row(capsys, headerless_estate, command):
    where, values = headerless_estate
    with pytest.raises(SystemExit) as exc:
        main([command[0], str(where), *command[1:]])
    out, err = capsys.readouterr()
    assert "no header row" in err and "users.csv" in err
    assert exc.value.code == 2 if command[0] == "validate" else exc.value.code in (0, 1)
    assert _leaks(out + err, values) == []
