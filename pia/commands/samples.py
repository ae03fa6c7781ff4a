"""`pia samples`: write a synthetic estate in the data contract, clean or with planted violations.

The estate is generated into a temporary directory beside DIR and then moved into place, file by file.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import click

from pia.commands.options import apply_language, lang_option
from pia.config import display_path


def _is_previous_estate(path: Path) -> bool:
    from pia.samples.generate import EXPECTED_FILE

    names = {p.name for p in path.iterdir()}
    return EXPECTED_FILE in names and all(n == EXPECTED_FILE or n.endswith(".csv") for n in names)


def _declares_own_datasets(m) -> bool:
    """Whether a manifest declares datasets other than the reference's (its estate is generated from them)."""
    if m is None or not m.datasets:
        return False
    from pia.validation.checks import reference_datasets

    ref = reference_datasets()
    mine = {d.id: d for d in m.datasets}
    return set(mine) != set(ref) or any(list(mine[k].columns) != list(ref[k].columns) for k in ref)


@click.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--users", type=click.IntRange(min=1), default=1800, show_default=True, help="Number of users.")
@click.option("--seed", type=int, default=7, show_default=True, help="Random seed (same seed, same bytes).")
@click.option("--violations", is_flag=True, help="Plant a few violations of every dataset check.")
@click.option("--reference-date", type=click.DateTime(formats=["%Y-%m-%d"]), default="2026-06-30",
              show_default=True, help="Every timestamp is before it; expectations hold for --as-of on or after it.")
@click.option("--manifest", type=click.Path(dir_okay=False),
              help="Manifest for settings and recipients (default: the reference inventory).")
@click.option("--force", is_flag=True, help="Write into a non-empty DIR that is not a previous estate.")
@lang_option
def samples(directory: str, users: int, seed: int, violations: bool, reference_date: dt.datetime,
            manifest: str | None, force: bool, lang: str | None) -> int:
    """Generate a synthetic estate (one CSV file per dataset and expected_violations.json) in DIRECTORY.

    Without --manifest (or with a manifest that keeps the reference's 7 datasets) the reference estate;
    with a manifest declaring its own datasets, an estate of those (values from the column roles).
    With --violations, the checks have a few failing rows, and expected_violations.json gives the
    exact failed-row count per check.
    """
    from pia.declare.manifest import load_manifest
    from pia.errors import InputError, Problem
    from pia.samples.generate import generate_estate

    from pia.i18n import _, ngettext
    from pia.inputs import directory_problem, exists

    apply_language(lang)
    target = Path(directory)
    if exists(target) and (problem := directory_problem(target)):  # a file, FIFO, device or symlink loop
        raise InputError(Problem(directory, f"exists and {problem.removeprefix('is ')}"
                                 if problem.startswith("is ") else problem))
    if target.is_dir() and any(target.iterdir()) and not _is_previous_estate(target) and not force:
        raise InputError(Problem(directory, _("directory is not empty and is not a sample estate "
                                              "(use --force to write into it)")))
    m = load_manifest(manifest) if manifest else None
    apply_language(lang, m)
    parent = target.resolve().parent
    if not parent.is_dir():
        raise InputError(Problem(directory, _("cannot write: directory {parent} does not exist", parent=parent)))
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    except OSError as exc:
        raise InputError(Problem(directory, _("cannot write: {reason}", reason=exc.strerror))) from None
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it private; the estate is an ordinary directory
    try:
        try:
            if _declares_own_datasets(m):
                from pia.samples.declared import generate_declared

                expected = generate_declared(tmp, m, users, seed, violations=violations,
                                             reference_date=reference_date.date())
            else:
                expected = generate_estate(tmp, users, seed, violations=violations,
                                           reference_date=reference_date.date(), manifest=m)
        except InputError as exc:  # name DIR, not the temporary directory
            raise InputError([Problem(directory if p.file == str(tmp) else p.file, p.message, p.line, p.path)
                              for p in exc.problems]) from None
        from pia.samples.generate import read_expected

        rows = read_expected(tmp)["rows"]
        if not target.exists():
            os.replace(tmp, target)
        else:
            for item in sorted(tmp.iterdir()):
                os.replace(item, target / item.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    planted = sum(expected.values())
    what = (ngettext("{planted} planted failing rows across {n} check", "{planted} planted failing rows across {n} checks",
                     sum(1 for v in expected.values() if v), planted=planted)
            if violations else _("no planted violations"))
    total, people = format(sum(rows.values()), ","), format(users, ",")
    click.echo(_("wrote {rows} rows in {files} files ({users} users, seed {seed}, reference date {date}) to {target}: "
                 "{what}", rows=total, files=len(rows), users=people, seed=seed,
                 date=reference_date.date().isoformat(), target=display_path(target), what=what))
    return 0
