"""A corpus of malformed inputs and hostile outputs for every `pia` command, generated into a directory.

`build(root)` writes every file the cases need under `root` and returns the cases: the command line,
the exit status expected, a phrase the error must contain, and how to run it (in-process through click's
runner, or as a real subprocess for devices, memory bombs and the like). `python -m tests.hardening.corpus`
runs them all and prints the counts (cases, wrong exits, tracebacks, hangs) without pytest.

The expected messages were written from the issue (the classes of failure), not from the code's messages:
they name the class ("FIFO", "nest", "alias", "tag", ...), so a message in other words still has to say what
went wrong.
"""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pia import config

REPO = config.PROJECT_ROOT
BIG = 20 * 1024 * 1024  # larger than any input limit of the kit


@dataclass
class Case:
    """One malformed input (or hostile output target) and what `pia` must do with it."""

    id: str
    argv: list[str]
    exit: int = 2
    expect: str = ""  # a phrase stderr must contain (case-insensitive); "" for none
    mode: str = "inproc"  # or "subprocess": devices, memory bombs, anything that could hurt the test process
    timeout: float = 20.0
    lines: int | None = None  # exact number of stderr lines, when the case has a known number of problems
    after: Callable[[], str | None] | None = field(default=None, repr=False)  # returns what went wrong, or None


# --------------------------------------------------------------------------- file kinds


def _kind(path: Path, kind: str) -> Path:
    """Make `path` a file system object of `kind` (missing, dir, fifo, loop, dangling, empty, ...)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "missing":
        pass
    elif kind == "dir":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "loop":
        other = path.with_name(path.name + ".other")
        os.symlink(other.name, path)
        os.symlink(path.name, other)
    elif kind == "dangling":
        os.symlink("does-not-exist", path)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    elif kind == "big":
        with open(path, "wb") as fh:  # sparse: all zero bytes, costs no disk
            fh.truncate(BIG)
    elif kind == "chardev":
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a second /dev/null
    else:  # pragma: no cover
        raise ValueError(kind)
    return path


KIND_EXPECT = {"missing": "no such", "dir": "directory", "fifo": "FIFO", "loop": "symbolic link",
               "dangling": "symbolic link", "empty": "empty", "binary": "", "big": "limit"}


# --------------------------------------------------------------------------- YAML payloads


def _bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["zz_lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        refs = ", ".join([f"*l{i - 1}"] * width)
        lines.append(f"zz_lol{i}: &l{i} [{refs}]")
    return "\n".join(lines) + "\n"


def _many_aliases(n: int = 5000) -> str:
    return "zz_anchor: &x 1\nzz_many: [" + ", ".join(["*x"] * n) + "]\n"


# name -> (text appended to a valid document or a whole document, expected phrase, mode, replaces document)
YAML_PAYLOADS: dict[str, tuple[str | bytes, str, str, bool]] = {
    "alias_bomb": (_bomb(), "alias", "subprocess", False),
    "many_aliases": (_many_aliases(), "alias", "inproc", False),
    "deep_flow": ("zz_deep: " + "[" * 100_000 + "]" * 100_000 + "\n", "nest", "inproc", False),
    "deep_map": ("zz_deep: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n", "nest", "inproc", False),
    "deep_block": ("zz_deep:\n" + "".join("  " * i + "- \n" for i in range(1, 1000)), "nest", "inproc", False),
    "binary_tag": ("zz_bin: !!binary aGVsbG8=\n", "tag", "inproc", False),
    "python_apply": ("zz_py: !!python/object/apply:os.system ['echo pwned']\n", "tag", "inproc", False),
    "python_name": ("zz_py: !!python/name:os.system\n", "tag", "inproc", False),
    "python_object_map": ("zz_py: !!python/object:os.sep {}\n", "tag", "inproc", False),
    "local_tag": ("zz_local: !custom {a: 1}\n", "tag", "inproc", False),
    "set_tag": ("zz_set: !!set {a, b}\n", "tag", "inproc", False),
    "omap_tag": ("zz_omap: !!omap [a: 1]\n", "tag", "inproc", False),
    "verbatim_tag": ("zz_v: !<tag:example.com,2000:x> 1\n", "tag", "inproc", False),
    "nul_byte": ("zz_nul: a\x00b\nzz_after: 1\n", "", "inproc", False),
    "esc_in_key": ('"zz_esc\\e[31m\\nline two": 1\n', "", "inproc", False),
    "newline_key": ('"zz_bad\\nkey\\r\\n": 1\n', "", "inproc", False),
    "bad_date": ("zz_date: 2026-02-30\n", "2026-02-30", "inproc", False),
    "bad_timestamp": ("zz_ts: 2026-06-30 25:61:00\n", "", "inproc", False),
    "huge_int": ("zz_int: " + "9" * 5000 + "\n", "", "inproc", False),
    "merge_key": ("zz_base: &b {a: 1}\nzz_merged:\n  <<: *b\n", "", "inproc", False),
    "complex_key": ("? [zz_a, zz_b]\n: 1\n", "key", "inproc", False),
    "duplicate_key": ("zz_dup: 1\nzz_dup: 2\n", "duplicate", "inproc", False),
    "multi_document": ("---\nzz_second: 1\n", "", "inproc", False),
    "top_list": ("- a\n- b\n", "mapping", "inproc", True),
    "top_scalar": ("just a string\n", "mapping", "inproc", True),
    "only_comments": ("# nothing here\n", "empty", "inproc", True),
    "unclosed_quote": ('zz_q: "never closed\n', "", "inproc", False),
    "tab_indent": ("zz_t:\n\t- a\n", "", "inproc", False),
    "latin1": (b"zz_l: caf\xe9\n", "UTF-8", "inproc", False),
    "utf16": ("zz: 1\n".encode("utf-16"), "UTF-8", "inproc", True),
    "control_chars": ("zz_c: \"\\x07\\x1b\\x7f\"\n", "", "inproc", False),
    "bidi_override": ("zz_b\u202e: 1\n", "", "inproc", False),
    "recursive_alias": ("zz_r: &r [1, *r]\n", "recursive", "inproc", False),
}


# Payloads given to every YAML loader (the manifest takes all of them): one per class of the issue.
EVERY_YAML_LOADER = ("alias_bomb", "many_aliases", "recursive_alias", "deep_flow", "deep_block", "binary_tag",
                     "python_apply", "local_tag", "nul_byte", "newline_key", "bad_date", "huge_int", "latin1",
                     "top_list", "multi_document")


# --------------------------------------------------------------------------- JSON evidence payloads


def _evidence_doc(**checks_override: object) -> dict:
    return {"kind": "pia.validation", "passed": False, "as_of": "2026-06-30",
            "checks": [dict({"id": "users.unique_id", "clause": "I.1", "dataset": "users", "status": "pass",
                             "rows_checked": 1, "failed_rows": 0, "samples": [], "reason": "",
                             "activities": [], "controls": []}, **checks_override)]}


EVIDENCE_PAYLOADS: dict[str, tuple[bytes, str]] = {
    "deep_list": (b"[" * 100_000 + b"]" * 100_000, "nest"),
    "deep_object": (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nest"),
    "deep_inside": (json.dumps(_evidence_doc()).encode()[:-1] + b', "x": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
                    "nest"),
    "not_json": (b"this is not json", "JSON"),
    "truncated": (json.dumps(_evidence_doc()).encode()[:40], "JSON"),
    "huge_int": (b'{"kind": "pia.validation", "checks": [], "n": ' + b"9" * 5000 + b"}", ""),
    "nan": (b'{"kind": "pia.validation", "checks": [], "x": NaN}', ""),
    "top_list": (b"[]", "object"),
    "top_string": (b'"pia.validation"', "object"),
    "no_kind": (b'{"checks": []}', "kind"),
    "unknown_kind": (b'{"kind": "pia.other"}', "kind"),
    "kind_newline": (b'{"kind": "pia.valid\\nation\\u0000"}', "kind"),
    "checks_not_list": (b'{"kind": "pia.validation", "checks": {}}', "checks"),
    "check_id_newline": (json.dumps(_evidence_doc(id="users\nunique\r\x1b[2J", status="oops\nx")).encode(), "status"),
    "lone_surrogate": (json.dumps(_evidence_doc(id="\ud800", status="bad")).encode(), "status"),
    "bom": (b"\xef\xbb\xbf" + json.dumps(_evidence_doc()).encode(), ""),
    "latin1": (b'{"kind": "caf\xe9"}', "UTF-8"),
    "utf16": (json.dumps(_evidence_doc()).encode("utf-16"), "UTF-8"),
    "nul": (b'{"kind": "pia.validation"\x00}', "JSON"),
    "activities_not_list": (json.dumps(_evidence_doc(status="fail", activities="all")).encode(), "activities"),
    "scan_rec_not_object": (b'{"kind": "pia.scan", "reconciliation": []}', "reconciliation"),
    "scan_finding_newline": (b'{"kind": "pia.scan", "reconciliation": {"undeclared": [{"category": 1}],'
                             b' "not_found": 5}}', "not_found"),
}
# the `bom` case is a valid document behind a byte order mark: accepted or refused, but on one line


# --------------------------------------------------------------------------- builders


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _still(path: Path, kind: str) -> Callable[[], str | None]:
    """A check that `path` is still what it was (an output must never replace a device, FIFO or directory)."""
    test = {"chardev": stat.S_ISCHR, "fifo": stat.S_ISFIFO, "dir": stat.S_ISDIR, "loop": stat.S_ISLNK}[kind]

    def check() -> str | None:
        try:
            mode = os.lstat(path).st_mode if kind == "loop" else os.stat(path).st_mode
        except OSError as exc:
            return f"{path} is gone: {exc}"
        return None if test(mode) else f"{path} was replaced by a regular file"

    return check


def _unchanged(path: Path) -> Callable[[], str | None]:
    before = path.read_bytes()
    return lambda: None if path.read_bytes() == before else f"{path} was changed"


def _small_estate(directory: Path) -> Path:
    from pia.samples.generate import generate_estate

    if not (directory / "users.csv").exists():
        generate_estate(directory, users=40, seed=3, violations=False)
    return directory


def _git_repo(root: Path, manifest_text: str) -> Path:
    repo = root / "repo"
    (repo / "sub").mkdir(parents=True)
    _write(repo / "m.pia.yaml", manifest_text)
    _write(repo / "bomb.pia.yaml", manifest_text + _bomb())
    _write(repo / "latin1.pia.yaml", b"service: caf\xe9\n")
    _write(repo / "sub" / "x.txt", "x\n")
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.com")
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "x"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    return repo


def build(root: Path) -> list[Case]:
    """Write the corpus's files under `root` and return its cases."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    manifest_text = config.REFERENCE_MANIFEST.read_text(encoding="utf-8")
    good = _write(root / "good.pia.yaml", manifest_text)
    method_text = (config.PACKAGE_DATA / "methods" / "gbt39335.yaml").read_text(encoding="utf-8")
    estate = _small_estate(root / "estate")
    params_text = (f"manifest: {good}\nproposed: ''\nestate: ''\ncolumns: ''\nas_of: 2026-06-30\n"
                   "method: gbt39335\nscan_sample: 100\n")
    columns_text = "orders:\n  user_id: user_id\n"
    out = root / "out"
    out.mkdir(exist_ok=True)
    rout = str(root / "reports")
    cases: list[Case] = []

    # Every slot on a command line where the kit reads a file of one kind.
    slots: dict[str, tuple[str, Callable[[str], list[str]]]] = {
        "check": ("manifest", lambda f: ["check", f]),
        "inventory": ("manifest", lambda f: ["inventory", f]),
        "assess": ("manifest", lambda f: ["assess", f]),
        "diff_old": ("manifest", lambda f: ["diff", f, str(good)]),
        "diff_new": ("manifest", lambda f: ["diff", str(good), f]),
        "validate_manifest": ("manifest", lambda f: ["validate", str(estate), "--manifest", f, "--as-of",
                                                     "2026-06-30"]),
        "scan_manifest": ("manifest", lambda f: ["scan", str(estate / "orders.csv"), "--manifest", f]),
        "samples_manifest": ("manifest", lambda f: ["samples", str(out / "samples-never"), "--users", "5",
                                                    "--manifest", f]),
        "report_manifest": ("manifest", lambda f: ["report", "--params", str(root / "params.yaml"),
                                                   "-p", "manifest", f, "--out", rout]),
        "assess_method": ("method", lambda f: ["assess", str(good), "--method", f]),
        "diff_method": ("method", lambda f: ["diff", str(good), str(good), "--method", f]),
        "report_method": ("method", lambda f: ["report", "--params", str(root / "params.yaml"),
                                               "-p", "method", f, "--out", rout]),
        "report_params": ("params", lambda f: ["report", "--params", f, "--out", rout]),
        "assess_evidence": ("evidence", lambda f: ["assess", str(good), "--evidence", f]),
        "validate_columns": ("columns", lambda f: ["validate", str(estate), "--columns", f, "--as-of",
                                                   "2026-06-30"]),
        "report_columns": ("columns", lambda f: ["report", "--params", str(root / "params.yaml"),
                                                 "-p", "columns", f, "--out", rout]),
    }
    _write(root / "params.yaml", params_text)
    base_text = {"manifest": manifest_text, "method": method_text, "params": params_text,
                 "columns": columns_text}

    # 1. The kind of file system object: every slot.
    for slot, (_what, argv) in slots.items():
        for kind in ("missing", "dir", "fifo", "loop", "dangling", "empty", "binary", "big"):
            path = _kind(root / "kinds" / slot / kind / "input.yaml", kind)
            expect = KIND_EXPECT[kind]
            if kind == "missing" and slot == "assess_evidence":
                expect = "not found"
            if kind == "dangling" and slot in ("report_manifest", "report_columns", "report_method"):
                expect = "no such"  # -p paths are resolved first: the link's target is named as missing
            mode = "subprocess" if kind == "fifo" and slot in ("check", "assess_evidence") else "inproc"
            cases.append(Case(f"kind-{slot}-{kind}", argv(str(path)), 2, expect, mode=mode))
    # Devices given as inputs: /dev/zero never ends, so it must be refused, not read.
    for slot in ("check", "assess_method", "report_params", "assess_evidence", "validate_columns", "diff_new"):
        cases.append(Case(f"device-{slot}-dev-zero", slots[slot][1]("/dev/zero"), 2, "device", mode="subprocess"))

    # 2. YAML content: every YAML loader, every payload.
    yaml_slots = {"manifest": "check", "manifest_diff": "diff_new", "method": "assess_method",
                  "params": "report_params", "columns": "validate_columns"}
    for what, slot in yaml_slots.items():
        base = base_text[what.split("_")[0]]
        for name, (payload, expect, mode, replaces) in YAML_PAYLOADS.items():
            if what != "manifest" and name not in EVERY_YAML_LOADER:
                continue  # the manifest takes every payload; the other loaders the representative ones
            if isinstance(payload, bytes):
                content: str | bytes = payload if replaces else base.encode("utf-8") + payload
            else:
                content = payload if replaces else base + payload
            path = _write(root / "yaml" / what / f"{name}.yaml", content)
            cases.append(Case(f"yaml-{what}-{name}", slots[slot][1](str(path)), 2, expect, mode=mode))

    # 3. Evidence JSON content.
    for name, (payload, expect) in EVIDENCE_PAYLOADS.items():
        path = _write(root / "evidence" / f"{name}.json", payload)
        exit_code = 0 if name == "bom" else 2
        cases.append(Case(f"evidence-{name}", ["assess", str(good), "--evidence", str(path)], exit_code,
                          expect if exit_code == 2 else ""))

    # 4. Report parameters: dates, numbers, names, paths, newlines in -p values.
    params_cases = {
        "as_of_feb30": ("as_of: 2026-02-30", "2026-02-30"),
        "as_of_month13": ("as_of: 2026-13-01", "date"),
        "as_of_word": ("as_of: tomorrow", "date"),
        "as_of_timestamp": ("as_of: 2026-06-30 10:00:00", "date"),
        "as_of_int": ("as_of: 20260630", "date"),
        "as_of_list": ("as_of: [2026-06-30]", "date"),
        "scan_sample_negative": ("scan_sample: -5", "scan_sample"),
        "scan_sample_word": ("scan_sample: many", "scan_sample"),
        "scan_sample_huge": ("scan_sample: " + "9" * 5000, ""),
        "estate_file": (f"estate: {good}", "directory"),
        "manifest_missing": ("manifest: nowhere.yaml", "no such"),
        "method_unknown": ("method: nomethod", "method"),
        "unknown_param": ("colour: blue", "unknown parameter"),
        "nested_value": ("manifest: {a: 1}", ""),
    }
    for name, (line, expect) in params_cases.items():
        key = line.split(":")[0]
        text = "\n".join(ln for ln in params_text.splitlines() if not ln.startswith(key + ":")) + "\n" + line + "\n"
        path = _write(root / "params" / f"{name}.yaml", text)
        cases.append(Case(f"params-{name}", ["report", "--params", str(path), "--out", rout], 2, expect, lines=1))
    p = str(root / "params.yaml")
    for name, pair, expect in [
        ("p_as_of_feb30", ("as_of", "2026-02-30"), "2026-02-30"),
        ("p_as_of_newline", ("as_of", "2026-06-30\npia: forged line"), "date"),
        ("p_name_newline", ("as\nof", "2026-06-30"), "unknown parameter"),
        ("p_manifest_newline", ("manifest", "a\nb.yaml"), "no such"),
        ("p_method_newline", ("method", "gbt\n39335"), "method"),
        ("p_estate_nul", ("estate", "a\x01b"), "no such"),
        ("p_scan_sample_word", ("scan_sample", "lots"), "scan_sample"),
    ]:
        cases.append(Case(f"params-{name}", ["report", "--params", p, "-p", *pair, "--out", rout], 2, expect,
                          lines=1))

    # 5. Datasets of `pia validate`: users.csv of every kind; missing skips its checks.
    def estate_copy(name: str) -> Path:
        target = root / "estates" / name
        shutil.copytree(estate, target)
        return target

    for kind in ("missing", "dir", "fifo", "loop", "dangling", "chardev"):
        e = estate_copy(f"users-{kind}")
        (e / "users.csv").unlink()
        _kind(e / "users.csv", kind)
        expect = {"missing": "", "chardev": "device"}.get(kind, KIND_EXPECT.get(kind, ""))
        cases.append(Case(f"validate-users-{kind}", ["validate", str(e), "--as-of", "2026-06-30"],
                          0 if kind == "missing" else 2, expect, lines=None if kind == "missing" else 1))
    e = estate_copy("devices-fifo")
    (e / "devices.csv").unlink()
    _kind(e / "devices.csv", "fifo")
    cases.append(Case("validate-devices-fifo", ["validate", str(e), "--as-of", "2026-06-30"], 2, "FIFO", lines=1))
    e = estate_copy("users-parquet-fifo")
    (e / "users.csv").unlink()
    _kind(e / "users.parquet", "fifo")
    cases.append(Case("validate-users-parquet-fifo", ["validate", str(e), "--as-of", "2026-06-30"], 2, "FIFO"))
    for name, content, expect in [
        ("empty", b"", ""),
        ("binary", bytes(range(256)) * 4, ""),
        ("header_only_wrong", b"a,b,c\n", "missing required column"),
        ("nul_in_cell", (estate / "users.csv").read_bytes().replace(b"@", b"\x00", 1), ""),  # data: exit 1
        ("duplicate_header", b"user_id,user_id,email\n1,2,3\n", "duplicate"),
        ("latin1", (estate / "users.csv").read_bytes().replace(b"@", b"\xe9@", 1), ""),
    ]:
        e = estate_copy(f"users-{name}")
        _write(e / "users.csv", content)
        cases.append(Case(f"validate-users-{name}", ["validate", str(e), "--as-of", "2026-06-30"],
                          1 if name == "nul_in_cell" else 2, expect))
    e = estate_copy("users-parquet-garbage")
    (e / "users.csv").unlink()
    _write(e / "users.parquet", b"PAR1 not really parquet")
    cases.append(Case("validate-users-parquet-garbage", ["validate", str(e), "--as-of", "2026-06-30"], 2, ""))
    cols_dup = _write(root / "columns" / "two_onto_one.yaml", "users:\n  email: contact\n  phone: contact\n")
    cols_dup2 = _write(root / "columns" / "onto_other.yaml", "users:\n  email: phone\n")
    cols_unknown = _write(root / "columns" / "unknown.yaml", "customers:\n  id: x\n")
    cols_list = _write(root / "columns" / "list.yaml", "users: [email, phone]\n")
    for name, f, expect in [("columns-two-onto-one", cols_dup, "contact"), ("columns-onto-other", cols_dup2, "phone"),
                            ("columns-unknown-dataset", cols_unknown, "unknown dataset"),
                            ("columns-list", cols_list, "mapping")]:
        cases.append(Case(f"validate-{name}", ["validate", str(estate), "--columns", str(f), "--as-of", "2026-06-30"],
                          2, expect, lines=1))
    for name, args, expect in [
        ("as-of-feb30", ["--as-of", "2026-02-30"], "2026-02-30"),
        ("as-of-newline", ["--as-of", "2026-06-30\npia: forged"], "date"),
        ("minor-age-0", ["--minor-age", "0"], "minor-age"),
    ]:
        cases.append(Case(f"validate-{name}", ["validate", str(estate), *args], 2, expect, lines=1))
    for kind in ("missing", "fifo", "chardev", "loop"):
        d = _kind(root / "dirs" / kind / "estate", kind)
        cases.append(Case(f"validate-dir-{kind}", ["validate", str(d)], 2, "", lines=1))
    cases.append(Case("validate-dir-is-file", ["validate", str(good)], 2, "directory", lines=1))
    cases.append(Case("validate-dir-empty", ["validate", str(_kind(root / "dirs" / "emptydir", "dir"))], 2, ""))

    # 6. Inputs of `pia scan`.
    scan_dir = root / "scan"
    loopdir = scan_dir / "loopdir"
    loopdir.mkdir(parents=True)
    _write(loopdir / "t.csv", "a,b\n1,2\n")
    os.symlink(".", loopdir / "again")
    os.symlink("again2", loopdir / "again1")
    os.symlink("again1", loopdir / "again2")
    fifo_dir = scan_dir / "fifodir"
    fifo_dir.mkdir()
    _write(fifo_dir / "t.csv", "a,b\n1,2\n")
    os.mkfifo(fifo_dir / "pipe.csv")
    scan_cases = [
        ("missing", [str(scan_dir / "nothing.csv")], 2, "no such"),
        ("fifo", [str(_kind(scan_dir / "p.csv", "fifo"))], 2, ""),
        ("dev_zero", ["/dev/zero"], 2, ""),
        ("loop", [str(_kind(scan_dir / "l.csv", "loop"))], 2, ""),
        ("sqlite_missing", [f"sqlite:///{scan_dir}/none.db"], 2, ""),
        ("sqlite_garbage", [str(_write(scan_dir / "g.db", b"SQLite format 3\x00" + b"\xff" * 200))], 2, ""),
        ("sqlite_fifo", [f"sqlite:///{_kind(scan_dir / 'pipe.db', 'fifo')}"], 2, ""),
        ("csv_binary", [str(_write(scan_dir / "b.csv", bytes(range(256)) * 4))], 2, ""),
        ("parquet_garbage", [str(_write(scan_dir / "g.parquet", b"PAR1xxxxPAR1"))], 2, ""),
        ("symlink_loop_in_dir", [str(loopdir)], 0, ""),
        ("fifo_in_dir", [str(fifo_dir)], 0, ""),
        ("sample_zero", [str(estate / "orders.csv"), "--sample", "0"], 2, "sample"),
        ("unknown_url", ["postgres://x"], 2, ""),
    ]
    for name, args, code, expect in scan_cases:
        cases.append(Case(f"scan-{name}", ["scan", *args, "--manifest", str(good)], code, expect,
                          mode="subprocess" if name == "dev_zero" else "inproc"))

    # 7. Revisions of `pia diff`.
    repo = _git_repo(root, manifest_text)
    diff_cases = [
        ("unknown_rev", ["nosuchrev:m.pia.yaml", "m.pia.yaml"], "revision"),
        ("missing_path", ["HEAD:none.pia.yaml", "m.pia.yaml"], "no file"),
        ("dir_in_rev", ["HEAD:sub", "m.pia.yaml"], "directory"),
        ("empty_path", ["HEAD:", "m.pia.yaml"], "path"),
        ("bomb_in_rev", ["HEAD:bomb.pia.yaml", "m.pia.yaml"], "alias"),
        ("latin1_in_rev", ["HEAD:latin1.pia.yaml", "m.pia.yaml"], "UTF-8"),
        ("option_injection", ["--output=/tmp/pia-pwned:x", "m.pia.yaml"], ""),
        ("rev_newline", ["HE\nAD:m.pia.yaml", "m.pia.yaml"], ""),
    ]
    for name, sides, expect in diff_cases:
        mode = "subprocess" if name == "bomb_in_rev" else "inproc"
        cases.append(Case(f"diff-{name}", ["diff", *sides, "--repo", str(repo)], 2, expect, mode=mode, lines=1))
    for name, repo_arg in [("repo_missing", str(root / "norepo")), ("repo_not_git", str(root / "dirs")),
                           ("repo_is_file", str(good))]:
        cases.append(Case(f"diff-{name}", ["diff", "HEAD:m.pia.yaml", "m.pia.yaml", "--repo", repo_arg], 2, ""))

    # 8. Outputs: never replace a device, FIFO or directory; say so on one line.
    out_cmds = {
        "check": ["check", str(good), "--format", "json"],
        "inventory": ["inventory", str(good), "--format", "csv"],
        "assess": ["assess", str(good), "--format", "json"],
        "diff": ["diff", str(good), str(good), "--format", "json"],
        "validate": ["validate", str(estate), "--as-of", "2026-06-30", "--format", "json"],
        "scan": ["scan", str(estate / "orders.csv"), "--manifest", str(good), "--format", "json"],
    }
    for cmd, argv in out_cmds.items():
        for kind in ("chardev", "fifo", "dir", "loop"):
            target = _kind(root / "outputs" / cmd / kind / "out.json", kind)
            expect = {"chardev": "device", "fifo": "FIFO", "dir": "directory", "loop": "symbolic link"}[kind]
            cases.append(Case(f"output-{cmd}-{kind}", [*argv, "-o", str(target)], 2, expect, lines=1,
                              after=_still(target, kind)))
        cases.append(Case(f"output-{cmd}-no-parent", [*argv, "-o", str(root / "outputs" / "none" / "x.json")], 2,
                          "does not exist", lines=1))
        cases.append(Case(f"output-{cmd}-parent-is-file", [*argv, "-o", str(good / "x.json")], 2, "", lines=1,
                          after=_unchanged(good)))
    cases.append(Case("output-check-stdout-dash", ["check", str(good), "--format", "json", "-o", "-"], 0, ""))
    for kind in ("chardev", "fifo", "dir"):
        target = _kind(root / "notices" / kind / "notice.md", kind)
        cases.append(Case(f"output-diff-notice-{kind}", ["diff", str(good), str(good), "--notice", str(target)], 2,
                          "", lines=1, after=_still(target, kind)))
    for kind in ("fifo", "chardev"):
        target = _kind(root / "suites" / kind / "suites", kind)
        cases.append(Case(f"output-validate-export-suites-{kind}",
                          ["validate", str(estate), "--as-of", "2026-06-30", "--export-suites", str(target)], 2, "",
                          lines=1, after=_still(target, kind)))
    for kind in ("chardev", "fifo"):
        target = _kind(root / "report-out" / kind / "out", kind)
        cases.append(Case(f"output-report-out-{kind}", ["report", "--params", p, "--out", str(target)], 2, "",
                          lines=1, after=_still(target, kind)))
    cases.append(Case("output-report-out-file", ["report", "--params", p, "--out", str(good)], 2, "", lines=1,
                      after=_unchanged(good)))
    for kind in ("chardev", "fifo", "loop"):
        target = _kind(root / "samples-out" / kind / "estate", kind)
        cases.append(Case(f"output-samples-dir-{kind}", ["samples", str(target), "--users", "5"], 2, "", lines=1,
                          after=_still(target, kind)))

    # `pia init` and `pia taxonomy` (the scaffold writes through the same output layer).
    for kind in ("chardev", "fifo", "loop"):
        target = _kind(root / "init-out" / kind / "svc", kind)
        cases.append(Case(f"output-init-dir-{kind}", ["init", str(target)], 2, "", lines=1,
                          after=_still(target, kind)))
    d = root / "init-out" / "fifo-target" / "svc"
    d.mkdir(parents=True)
    _kind(d / "svc.pia.yaml", "fifo")
    cases.append(Case("output-init-existing-fifo-force", ["init", str(d), "--force"], 2, "FIFO", lines=1,
                      after=_still(d / "svc.pia.yaml", "fifo")))
    cases.append(Case("output-init-id-newline", ["init", str(root / "init-out" / "x"), "--id", "a\nb"], 2, "",
                      lines=1))
    for kind in ("chardev", "fifo", "dir"):
        target = _kind(root / "outputs" / "taxonomy" / kind / "t.json", kind)
        cases.append(Case(f"output-taxonomy-{kind}", ["taxonomy", "--format", "json", "-o", str(target)], 2, "",
                          lines=1, after=_still(target, kind)))

    # `pia export` (record of processing, CNIL PIA, fideslang): inputs and outputs through the same layers.
    for kind in ("chardev", "fifo", "dir"):
        target = _kind(root / "outputs" / "export" / kind / "e.json", kind)
        cases.append(Case(f"output-export-{kind}", ["export", str(good), "--format", "cnil-pia", "-o", str(target)],
                          2, "", lines=1, after=_still(target, kind)))
    for kind in ("fifo", "loop"):
        f = _kind(root / "kinds" / "export" / kind / "m.yaml", kind)
        cases.append(Case(f"kind-export-{kind}", ["export", str(f), "--format", "fideslang"], 2, KIND_EXPECT[kind]))
    cases.append(Case("params-export-as-of-feb30", ["export", str(good), "--format", "cnil-pia", "--as-of",
                                                    "2026-02-30"], 2, "2026-02-30", lines=1))
    cases.append(Case("params-export-as-of-newline", ["export", str(good), "--format", "cnil-pia", "--as-of",
                                                      "2026-06-30\npia: forged"], 2, "date", lines=1))

    # 9. Manifest meaning the hardening issue names: a commitment citing an undefined check id.
    bad_commit = manifest_text.replace("commitments:\n", "commitments:\n  - id: zz_cites_nothing\n"
                                       "    summary: Cites a check that does not exist.\n    clauses: [I]\n"
                                       "    evidence: [users.no_such_check]\n", 1)
    f = _write(root / "semantic" / "undefined_check.pia.yaml", bad_commit)
    cases.append(Case("manifest-commitment-undefined-check", ["check", str(f)], 2, "users.no_such_check", lines=1))
    cases.append(Case("manifest-commitment-undefined-check-validate",
                      ["validate", str(estate), "--manifest", str(f), "--as-of", "2026-06-30"], 2,
                      "users.no_such_check", lines=1))

    # 10. Usage errors: one line each.
    for name, argv in [("unknown-command", ["frobnicate"]), ("unknown-option", ["check", "--frob"]),
                       ("bad-format", ["check", "--format", "xml"]), ("users-zero", ["samples", "x", "--users", "0"]),
                       ("p-one-arg", ["report", "-p", "as_of"]), ("bad-reference-date",
                                                                  ["samples", "x", "--reference-date", "2026-02-30"])]:
        cases.append(Case(f"usage-{name}", argv, 2, "", lines=1))
    return cases


# --------------------------------------------------------------------------- running


@dataclass
class Outcome:
    """What one case did."""

    exit: int | None
    stdout: str
    stderr: str
    hung: bool = False
    traceback: bool = False
    seconds: float = 0.0


class _Hang(BaseException):
    """Raised by SIGALRM in the test process when an in-process case runs past its timeout."""


def run_inproc(case: Case, cwd: Path) -> Outcome:
    """Run `pia` in this process through click's isolation (stdin empty), with SIGALRM as the timeout."""
    import signal
    import sys
    import time
    import traceback

    from click.testing import CliRunner

    from pia.cli import main

    def on_alarm(signum, frame):  # noqa: ANN001
        raise _Hang()

    import pia.report.run as report_run

    def no_kernel(*args, **kwargs):  # noqa: ANN002, ANN003
        raise RuntimeError("corpus: a bad-input report case reached the notebook kernel")

    execute = report_run._execute
    report_run._execute = no_kernel  # every report case must fail before any kernel starts (restored below)
    old = signal.signal(signal.SIGALRM, on_alarm)
    start = time.monotonic()
    code: int | None = None
    hung = tb = False
    prev = os.getcwd()
    os.chdir(cwd)
    try:
        with CliRunner().isolation(input=b"") as (out, err, _):
            signal.setitimer(signal.ITIMER_REAL, case.timeout)
            try:
                main(case.argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except _Hang:
                hung = True
            except BaseException:  # noqa: BLE001 - what the corpus counts
                tb = True
                sys.stderr.write(traceback.format_exc())
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            sys.stdout.flush()
            sys.stderr.flush()
            stdout, stderr = out.getvalue(), err.getvalue()
    finally:
        signal.signal(signal.SIGALRM, old)
        report_run._execute = execute
        os.chdir(prev)
    text_err = stderr.decode("utf-8", "replace")
    return Outcome(code, stdout.decode("utf-8", "replace"), text_err, hung, tb or "Traceback" in text_err,
                   time.monotonic() - start)


def run_subprocess(case: Case, cwd: Path, memory_bytes: int = 3 << 30) -> Outcome:
    """Run `python -m pia.cli` as a real process with a timeout and an address-space limit (memory bombs)."""
    import resource
    import sys
    import time

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

    env = dict(os.environ, PYTHONPATH=str(REPO), PIA_GX_WORKER="0")
    start = time.monotonic()
    try:
        proc = subprocess.run([sys.executable, "-m", "pia.cli", *case.argv], cwd=cwd, env=env, capture_output=True,
                              timeout=case.timeout, stdin=subprocess.DEVNULL, preexec_fn=limit)
    except subprocess.TimeoutExpired as exc:
        return Outcome(None, (exc.stdout or b"").decode("utf-8", "replace"),
                       (exc.stderr or b"").decode("utf-8", "replace"), hung=True, seconds=time.monotonic() - start)
    err = proc.stderr.decode("utf-8", "replace")
    return Outcome(proc.returncode, proc.stdout.decode("utf-8", "replace"), err, False, "Traceback" in err,
                   time.monotonic() - start)


def run(case: Case, cwd: Path) -> Outcome:
    return run_subprocess(case, cwd) if case.mode == "subprocess" else run_inproc(case, cwd)


def judge(case: Case, outcome: Outcome) -> list[str]:
    """Everything wrong with an outcome (empty: the case passes)."""
    wrong: list[str] = []
    if outcome.hung:
        return [f"hung (more than {case.timeout:.0f} s)"]
    if outcome.traceback:
        wrong.append("traceback")
    if outcome.exit != case.exit:
        wrong.append(f"exit {outcome.exit}, expected {case.exit}")
    lines = outcome.stderr.splitlines()
    if case.exit == 2:
        if not lines:
            wrong.append("nothing on stderr")
        bad = [ln for ln in lines if not ln.startswith("pia: ")]
        if bad:
            wrong.append(f"{len(bad)} stderr line(s) not of the form 'pia: ...', first: {bad[0][:120]!r}")
        if case.lines is not None and len(lines) != case.lines:
            wrong.append(f"{len(lines)} stderr lines, expected {case.lines}")
        if case.expect and case.expect.lower() not in outcome.stderr.lower():
            wrong.append(f"stderr does not say {case.expect!r}: {outcome.stderr.strip()[:200]!r}")
        if any(ch in outcome.stderr for ch in "\x00\x1b\r\x07\u202e"):
            wrong.append("raw control character on stderr")
    if case.after is not None:
        problem = case.after()
        if problem:
            wrong.append(problem)
    return wrong


def main() -> None:  # pragma: no cover - a report for the README and the issue
    import collections
    import sys
    import tempfile

    os.environ["PIA_GX_WORKER"] = "0"
    root = Path(tempfile.mkdtemp(prefix="pia-hardening-"))
    try:
        cases = build(root / "corpus")
        only = sys.argv[1:]
        counts: collections.Counter[str] = collections.Counter()
        times: list[tuple[float, str]] = []
        for case in cases:
            if only and not any(o in case.id for o in only):
                continue
            outcome = run(case, root)
            wrong = judge(case, outcome)
            times.append((outcome.seconds, case.id))
            counts["cases"] += 1
            counts["hangs"] += outcome.hung
            counts["tracebacks"] += outcome.traceback
            counts["wrong exit"] += (not outcome.hung and outcome.exit != case.exit)
            counts["failing"] += bool(wrong)
            if wrong:
                print(f"FAIL {case.id} [{outcome.seconds:.1f}s]: {'; '.join(wrong)}", flush=True)
                if outcome.traceback:
                    last = [ln for ln in outcome.stderr.splitlines() if ln.strip()][-1:]
                    print(f"     {last[0][:200] if last else ''}", flush=True)
        print("slowest:", ", ".join(f"{c} {t:.1f}s" for t, c in sorted(times, reverse=True)[:12]))
        print(f"total {sum(t for t, _ in times):.0f}s")
        print(dict(counts))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    main()
