"""The kit's exceptions: one base class, and input errors that carry every problem found.

Library code raises; only the CLI turns these into messages and exit codes.
"""
from __future__ import annotations

from dataclasses import dataclass


class PiaError(Exception):
    """Base class of every error the kit raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what is wrong."""

    file: str
    message: str
    line: int | None = None
    path: str = ""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class InputError(PiaError):
    """Bad input (file, option, data). Carries every problem found, not only the first.

    The CLI prints one line per problem and exits with status 2.
    """

    def __init__(self, problems: list[Problem] | Problem | str, file: str = "<input>"):
        if isinstance(problems, str):
            problems = [Problem(file=file, message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def lines(self) -> list[str]:
        """The problems as printable lines, one per problem."""
        return [str(p) for p in self.problems]
