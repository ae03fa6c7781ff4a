"""The `pia` command: a thin click layer over the library.

Subcommands live in `pia/commands/` and are imported only when invoked (or listed by --help), so
that `pia --help` and `pia inventory` never import great-expectations, papermill or Jupyter.
Library code raises; this module turns errors into messages and exit codes:
0 ok, 1 findings (e.g. a failed dataset check), 2 bad input, 3 a gate tripped (--fail-on-...),
4 the report could not be made (a notebook cell raised).
"""
from __future__ import annotations

import functools
import importlib
import importlib.util
import sys
from typing import Any

import click

from pia.commands.help import Context, help_language, localized, short_help, usage_message
from pia.errors import InputError, PiaError, one_line
from pia.i18n import LANGUAGES

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_GATE = 3

# Options naming a file a command writes: checked before the command does any work (a device, FIFO or
# directory there is refused at once, not after minutes of validation).
OUTPUT_OPTIONS = ("output", "notice")

# command name -> "module:function"; a command whose module is absent is simply not offered.
COMMANDS = {
    "check": "pia.commands.check:check",
    "inventory": "pia.commands.inventory:inventory",
    "assess": "pia.commands.assess:assess",
    "diff": "pia.commands.diff:diff",
    "validate": "pia.commands.validate:validate",
    "samples": "pia.commands.samples:samples",
    "scan": "pia.commands.scan:scan",
    "report": "pia.commands.report:report",
    "export": "pia.commands.export:export",
    "taxonomy": "pia.commands.taxonomy:taxonomy",
    "init": "pia.commands.init:init",
    "schema": "pia.commands.schema:schema",
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when it is needed; help in the language in force."""

    context_class = Context

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The subcommand names, sorted, without importing their modules."""
        return [name for name, target in COMMANDS.items()
                if importlib.util.find_spec(target.split(":")[0]) is not None]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        """The subcommand `name`, imported on first use."""
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        if importlib.util.find_spec(module_name) is None:
            return None
        return localized(_check_outputs_first(getattr(importlib.import_module(module_name), attr)))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands, each with the first sentence of its help in the language in force."""
        commands = [(name, cmd) for name in self.list_commands(ctx)
                    if (cmd := self.get_command(ctx, name)) is not None and not cmd.hidden]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _cmd in commands)
            with formatter.section("Commands"):  # the kit's formatter translates the heading
                formatter.write_dl([(name, short_help(cmd, limit)) for name, cmd in commands])


def _check_outputs_first(command: click.Command) -> click.Command:
    """Wrap the command's callback so that its output targets are checked before it runs (once per command)."""
    if getattr(command, "_pia_outputs_checked", False) or command.callback is None:
        return command
    callback = command.callback

    @functools.wraps(callback)
    def checked(*args: Any, **kwargs: Any) -> Any:
        from pia.errors import Problem
        from pia.output import output_problem

        problems = [Problem(str(kwargs[name]), problem) for name in OUTPUT_OPTIONS
                    if kwargs.get(name) not in (None, "-") and (problem := output_problem(kwargs[name]))]
        if problems:
            raise InputError(problems)
        return callback(*args, **kwargs)

    command.callback = checked
    command._pia_outputs_checked = True  # type: ignore[attr-defined]
    return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pia", prog_name="pia")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the help and of every command's output (the same as the command's own --lang).")
def cli(lang: str | None) -> None:
    """Privacy impact assessment from evidence: inventory, risk, change review, validation, discovery, reports.

    With no file arguments every command works on the shipped samples in data_samples/. Help and messages follow
    --lang (before or after the command), else the locale (LANG).
    """


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and map the kit's errors to exit codes without tracebacks."""
    from pia.i18n import use_language

    # click renders --help while parsing, before any --lang is processed: the language of help and of errors met
    # before a command runs is read from the command line (else the locale) first. A command then sets the
    # language of its run (--lang, the manifest's language, the locale); it ends with the run.
    with use_language(help_language(sys.argv[1:] if argv is None else argv)):
        _run(argv)


def _run(argv: list[str] | None) -> None:
    """Run the CLI in the language the command sets; messages of the errors below follow it."""
    from pia.i18n import _

    try:
        rv = cli.main(args=argv, prog_name="pia", standalone_mode=False)
    except InputError as exc:
        for line in exc.lines:
            click.echo(f"pia: {line}", err=True)
        sys.exit(EXIT_INPUT)
    except PiaError as exc:
        click.echo(f"pia: {one_line(str(exc))}", err=True)
        sys.exit(EXIT_INPUT)
    except click.exceptions.Abort:
        click.echo("pia: " + _("aborted"), err=True)
        sys.exit(130)
    except click.exceptions.NoArgsIsHelpError as exc:
        # Bare `pia` (or a command group without a command) asks for the help, as `pia --help` does: the full help
        # on standard output and success, not a usage error folded into one line.
        click.echo(exc.ctx.get_help())
        sys.exit(EXIT_OK)
    except click.UsageError as exc:
        # One line, like every other input error: the command, the problem, and where to read more.
        command = exc.ctx.command_path if exc.ctx is not None else "pia"
        message = one_line(" ".join(usage_message(exc).split()))
        see = _("see {command_help}", command_help=repr(command + " --help"))
        click.echo(f"pia: {command}: {message} ({see})", err=True)
        sys.exit(EXIT_INPUT)
    except click.ClickException as exc:
        click.echo(f"pia: {one_line(' '.join(exc.format_message().split()))}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:  # e.g. `pia inventory | head`
        sys.exit(0)
    sys.exit(rv if isinstance(rv, int) else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
