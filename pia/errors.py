"""The kit's exceptions: one base class, and input errors that carry every problem found.

Library code raises; only the CLI turns these into messages and exit codes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that would break a message over lines, move the cursor, recolour the terminal or reorder text:
# C0 and C1 controls, DEL, line/paragraph separators, bidirectional overrides, and lone surrogates (which
# cannot even be encoded on stderr).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def one_line(text: str) -> str:
    r"""`text` with every control character escaped (`\\n`, `\\x00`, `\\u202e`): safe on one terminal line."""
    return _UNSAFE.sub(_escape, text)


def quote(value: object, limit: int = 60) -> str:
    """A value from an input, for a message: one line, escaped, shortened to `limit` characters."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    # Strings in quotes; anything else (None, 3, [...]) as Python shows it, like `{value!r}`.
    return "'" + one_line(text).replace("'", "\\'") + "'" if isinstance(value, str) else one_line(text)


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
        # Every part may hold text from an input (a file name, a key, a value): escaped, so one problem is
        # always one line.
        where = one_line(self.file) if self.line is None else f"{one_line(self.file)}:{self.line}"
        message = one_line(self.message)
        return f"{where}: {one_line(str(self.path))}: {message}" if self.path else f"{where}: {message}"


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
