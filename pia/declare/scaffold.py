"""A new service's starting files: a commented manifest skeleton (or a copy of the reference) and report params.

Used by `pia init`; the files are checked (the manifest must load) before either is written.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from pia import config
from pia.errors import InputError, Problem
from pia.i18n import _

BLANK_TEMPLATE = config.PACKAGE_DATA / "init" / "blank.pia.yaml"
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

PARAMS_TEMPLATE = """\
# Parameters of `pia report` for {name} (paths relative to this file), written by `pia init`:
#   pia report --params {params_name}
# Leave an input "" when you do not have it: the report then says it was not provided.
manifest: {manifest_name}        # the service's manifest
proposed: ""                     # a proposed next version of the manifest, for the change review
estate: ""                       # directory of the service's tables (CSV/Parquet), for validation and discovery
columns: ""                      # column mapping YAML, when the tables use other column names
as_of: {as_of}                   # the assessment date: fixed, so that runs are reproducible
method: ""                       # risk method: "" = the one of the manifest's jurisdictions, as `pia assess` picks it
                                 # (gbt39335 where Chinese law applies, else cnil); or gbt39335, cnil, ico, a method YAML file
scan_sample: 50000               # rows sampled per table by the discovery scan
"""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-_") or "my-service"


# `pia init --jurisdiction CN`: the blank skeleton's lines that make it an EU service, and their Chinese counterparts
# (a controller in China with users in China, PIPL only: its minor age and the kit's names for its officer).
_CN_LINES = (
    ("  jurisdictions: [EU]  ", "  jurisdictions: [CN]  "),
    ("  jurisdiction: NL  ", "  jurisdiction: CN  "),
    ("  minor_age: 16                   # GDPR Art. 8(1) default; 14 under PIPL Art. 31",
     "  minor_age: 14                   # PIPL Art. 28 and 31: the personal information of a minor under 14"),
    ("    name: Data protection officer", "    name: Personal-information protection officer"),
    ("{authority: TODO the supervisory authority,", "{authority: TODO the cyberspace office of the province,"),
    ("    storage: {locations: [NL]}", "    storage: {locations: [CN]}"),
)


def manifest_text(start: str, service_id: str, service_name: str, language: str | None = None,
                  jurisdiction: str = "EU") -> str:
    """The manifest a new service starts from: the blank skeleton, or the reference manifest with a new id.

    `language` (`pia init --lang`) becomes the blank skeleton's `language:`, the default language of the outputs;
    `jurisdiction` (`pia init --jurisdiction`) EU (the skeleton as written) or CN (a Chinese controller and users).
    """
    if start == "blank":
        text = BLANK_TEMPLATE.read_text(encoding="utf-8")
        if jurisdiction == "CN":
            for eu, cn in _CN_LINES:
                if eu not in text:  # pragma: no cover - the skeleton changed without this table (a test reads both)
                    raise AssertionError(f"blank skeleton has no line {eu!r}")
                text = text.replace(eu, cn, 1)
        if language:
            text = text.replace("schema_version: 1\n", f"schema_version: 1\nlanguage: {language}   # the manifest's "
                                "language: of its texts, and of the outputs unless --lang says otherwise\n", 1)
        return text.replace("SERVICE_ID", service_id).replace("SERVICE_NAME", service_name)
    if start == "reference":
        text = config.REFERENCE_MANIFEST.read_text(encoding="utf-8")
        head = (f"# {service_name}: started by `pia init --from reference` from the reference manifest\n"
                f"# (data_samples/{config.REFERENCE_MANIFEST.name}). Every fact below is still the reference "
                "service's: edit it.\n")
        text = re.sub(r"(?m)^(service:\n  id: )\S+$", lambda m: m.group(1) + service_id, text, count=1)
        # the service's name: a plain string, or the reference's bilingual mapping ({en: ..., zh: ...} in block style)
        text = re.sub(r"(?m)^(service:\n  id: \S+\n  name:)(?: .*|(?:\n    (?:en|zh): .*)+)$",
                      lambda m: m.group(1) + " " + service_name, text, count=1)
        # The reference's policy location is relative to the checkout: make it absolute for the copy.
        policy = (config.REFERENCE_MANIFEST.parent / "../shared/seed/privacy-policy.txt").resolve()
        text = text.replace("location: ../shared/seed/privacy-policy.txt", f"location: {policy}")
        return head + text
    raise InputError(Problem("--from", _("unknown starting point {start!r} (allowed: blank, reference)", start=start)))


def scaffold(directory: Path, start: str = "blank", service_id: str | None = None,
             service_name: str | None = None, force: bool = False,
             today: dt.date | None = None, language: str | None = None,
             jurisdiction: str = "EU") -> tuple[Path, Path]:
    """Write `<id>.pia.yaml` and `<id>.params.yaml` into `directory`; return their paths.

    Raises
    ------
    InputError
        A bad id, an existing file without `force`, or a directory that cannot be created.
    """
    from pia.declare.manifest import parse_manifest
    from pia.output import write_atomic

    from pia.inputs import directory_problem, exists

    if exists(directory) and (problem := directory_problem(directory)):  # a file, FIFO, device, symlink loop
        raise InputError(Problem(str(directory), problem))
    sid = service_id or _slug(os.path.basename(os.path.abspath(directory)))
    if not _SLUG.match(sid):
        raise InputError(Problem("--id", _("{sid!r} is not a service id (lower case letters, digits, - and _)",
                                           sid=sid)))
    name = service_name or sid.replace("-", " ").replace("_", " ").title()
    manifest_path = directory / f"{sid}.pia.yaml"
    params_path = directory / f"{sid}.params.yaml"
    existing = [p for p in (manifest_path, params_path) if p.exists()]
    if existing and not force:
        raise InputError([Problem(str(p), _("already exists (use --force to overwrite)")) for p in existing])
    if directory.exists() and not directory.is_dir():
        raise InputError(Problem(str(directory), _("is not a directory")))
    text = manifest_text(start, sid, name, language, jurisdiction)
    parse_manifest(text, str(manifest_path))  # never write a manifest the kit cannot read
    params = PARAMS_TEMPLATE.format(name=name, params_name=params_path.name, manifest_name=manifest_path.name,
                                    as_of=(today or dt.date.today()).isoformat())
    directory.mkdir(parents=True, exist_ok=True)
    write_atomic(manifest_path, text)
    write_atomic(params_path, params)
    return manifest_path, params_path


__all__ = ["BLANK_TEMPLATE", "manifest_text", "scaffold"]
