"""`pia init`: start a new service with a commented manifest skeleton and report parameters."""
from __future__ import annotations

import click

from pia.commands.options import apply_language, lang_option


@click.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--from", "start", type=click.Choice(["blank", "reference"]), default="blank", show_default=True,
              help="blank: a commented skeleton that passes `pia check`; reference: a copy of the reference manifest.")
@click.option("--id", "service_id", default=None, help="Service id (lower case, digits, - and _); default: the "
              "directory's name.")
@click.option("--name", "service_name", default=None, help="Service name as users know it (default: from the id).")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
@click.option("--jurisdiction", type=click.Choice(["EU", "CN"]), default="EU", show_default=True,
              help="Where the controller and the users are (blank skeleton): EU (GDPR, minor age 16) or CN (PIPL, "
                   "minor age 14).")
@lang_option
def init(directory: str, start: str, service_id: str | None, service_name: str | None, force: bool,
         jurisdiction: str, lang: str | None) -> int:
    """Write DIRECTORY/<id>.pia.yaml and DIRECTORY/<id>.params.yaml for a new service.

    Then: edit the manifest (every TODO), `pia check` it, and `pia report --params DIRECTORY/<id>.params.yaml`.
    """
    from pathlib import Path

    from pia.config import display_path
    from pia.declare.scaffold import scaffold
    from pia.i18n import _

    apply_language(lang)
    written = scaffold(Path(directory), start=start, service_id=service_id, service_name=service_name,
                       force=force, language=lang, jurisdiction=jurisdiction)
    for path in written:
        click.echo(_("wrote {path}", path=display_path(path)))
    manifest, params = written
    click.echo(_("next: edit the TODOs, then `pia check {manifest}` and `pia report --params {params}`",
                 manifest=display_path(manifest), params=display_path(params)))
    return 0
