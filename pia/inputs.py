"""The one input layer: every document the kit reads comes through here, bounded, or is a one-line InputError.

Documents are manifests, method and params files, column mappings, evidence JSON and git revisions.
The limits (pia defaults, named in the README):

- regular files only: a directory, FIFO, device, socket, symbolic-link loop or dangling link is refused before
  a byte is read (a FIFO would block forever, /dev/zero never ends);
- `MAX_INPUT_BYTES` (8 MiB) per document; datasets (CSV, Parquet, SQLite) are not documents and have no limit;
- `MAX_DEPTH` (100) levels of nesting in YAML and JSON (100,000 levels would exhaust the interpreter's stack);
- YAML aliases: at most `MAX_ALIASES` (1,000), adding at most `MAX_ALIAS_NODES` (100,000) nodes when expanded
  (a "billion laughs" document expands 9 aliases per level into 10^9 nodes); see `pia.yamlsource`.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import stat
from typing import Any

from pia.errors import InputError, Problem, quote
from pia.i18n import N_, _

# The default reason a missing file is refused (marked for the catalogs; translated when the message is made).
NO_SUCH_FILE = N_("no such file")

MAX_INPUT_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 100
MAX_ALIASES = 1_000
MAX_ALIAS_NODES = 100_000


def size_text(n: int) -> str:
    """A byte count for messages: `8 MiB`, `20.0 MiB`, `512 bytes`."""
    if n < 1024 * 1024:
        return _("{n:,} bytes", n=n)
    mib = n / (1024 * 1024)
    return f"{mib:.0f} MiB" if mib == int(mib) else f"{mib:.1f} MiB"


def kind_of(mode: int) -> str:
    """What a file system object is, in words, from its `st_mode`."""
    if stat.S_ISDIR(mode):
        return _("a directory")
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISCHR(mode):
        return _("a character device")
    if stat.S_ISBLK(mode):
        return _("a block device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISREG(mode):
        return _("a regular file")
    return _("not a regular file")


def _word(text: str) -> str:
    """A phrase a caller passed (marked there with `N_`) in the language in force; "" stays "" (the header)."""
    return _(text) if text else text


def _not_expected(mode: int, expected: str) -> str:
    """`is a directory, expected a manifest YAML file` in the language in force (`expected` marked by the caller)."""
    return _("is {kind}, expected {expected}", kind=kind_of(mode), expected=_word(expected))


def _os_message(exc: OSError, path: str | os.PathLike[str], missing: str) -> str:
    """The one-line reason an OS call on `path` failed."""
    missing = _word(missing)
    if exc.errno == errno.ENOENT:
        return _("is a symbolic link to a file that does not exist") if os.path.islink(path) else missing
    if exc.errno == errno.ELOOP:
        return _("is a symbolic link loop (the links point at each other)")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _("cannot read: permission denied")
    if exc.errno == errno.ENOTDIR:
        return _("{missing} (a parent in the path is not a directory)", missing=missing)
    if exc.errno == errno.ENAMETOOLONG:
        return _("the file name is too long")
    return _("cannot read: {reason}", reason=exc.strerror or exc)


def regular_file_problem(path: str | os.PathLike[str], expected: str = N_("a file"),
                         missing: str = NO_SUCH_FILE) -> str | None:
    """Why `path` cannot be read as a regular file (missing, a directory, a FIFO, a loop, ...), or None."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return _os_message(exc, path, missing)
    except ValueError:  # an embedded NUL byte in the name
        return _("the file name holds a NUL byte")
    if not stat.S_ISREG(st.st_mode):
        return _not_expected(st.st_mode, expected)
    return None


def directory_problem(path: str | os.PathLike[str], missing: str = N_("no such directory")) -> str | None:
    """Why `path` is not a directory one can read, or None."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return _os_message(exc, path, missing)
    except ValueError:
        return _("the name holds a NUL byte")
    if not stat.S_ISDIR(st.st_mode):
        return _not_expected(st.st_mode, N_("a directory"))
    if not os.access(path, os.R_OK | os.X_OK):
        return _("cannot read: permission denied")
    return None


def exists(path: str | os.PathLike[str]) -> bool:
    """True when anything is at `path`, a dangling or looping symbolic link included."""
    try:
        return os.path.lexists(path)
    except ValueError:
        return False


def open_regular(path: str | os.PathLike[str], expected: str = N_("a file"), source: str | None = None,
                 missing: str = NO_SUCH_FILE) -> int:
    """A read-only descriptor of the regular file `path`; anything else is an InputError, never a wait.

    The file is opened non-blocking and checked with `fstat` on the open descriptor, so a FIFO or device
    swapped in after a first check is still refused (opening a FIFO for reading would block until a writer
    comes).
    """
    src = source if source is not None else str(path)
    problem = regular_file_problem(path, expected, missing)
    if problem:
        raise InputError(Problem(src, problem))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise InputError(Problem(src, _os_message(exc, path, missing))) from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise InputError(Problem(src, _not_expected(st.st_mode, expected)))
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    return fd


def check_size(size: int, source: str, limit: int = MAX_INPUT_BYTES) -> None:
    """InputError when a document of `size` bytes is over `limit`."""
    if size > limit:
        raise InputError(Problem(source, _("is {size}, larger than the limit of {limit} for a document the kit reads",
                                           size=size_text(size), limit=size_text(limit))))


def read_bytes(path: str | os.PathLike[str], expected: str = N_("a file"), source: str | None = None,
               missing: str = NO_SUCH_FILE, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them; anything else is an InputError.

    `expected` says what the file should be (used when something else is given), `source` how to name it in
    messages (default: the path as given), `missing` the message for a file that does not exist.
    """
    src = source if source is not None else str(path)
    fd = open_regular(path, expected, src, missing)
    with os.fdopen(fd, "rb") as fh:
        check_size(os.fstat(fh.fileno()).st_size, src, limit)
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(Problem(src, _("cannot read: {reason}", reason=exc.strerror or exc))) from None
    check_size(len(data), src, limit)  # the file grew while it was read
    return data


def decode_utf8(raw: bytes, source: str, what: str = "") -> str:
    """`raw` decoded as UTF-8; undecodable bytes are an InputError naming the first bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = _("{what} is not UTF-8 text (byte {at})", what=_word(what), at=exc.start) if what else \
            _("not UTF-8 text (byte {at})", at=exc.start)
        raise InputError(Problem(source, message)) from None


def read_text(path: str | os.PathLike[str], expected: str = N_("a file"), source: str | None = None,
              missing: str = NO_SUCH_FILE) -> tuple[bytes, str]:
    """The bytes of `path` and their UTF-8 text (both: callers hash the bytes)."""
    raw = read_bytes(path, expected, source, missing)
    return raw, decode_utf8(raw, source if source is not None else str(path))


# --------------------------------------------------------------------------- JSON

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def json_depth(text: str) -> tuple[int, int]:
    """The deepest nesting of `text` read as JSON, and the character offset where it is reached first.

    Strings are skipped, so brackets inside them do not count. Linear in the text; no recursion.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return 0, 0  # cannot be deeper than the limit
    depth = deepest = where = 0
    for m in _BRACKET.finditer(_JSON_STRING.sub('""', text)):
        if m.group() in "[{":
            depth += 1
            if depth > deepest:
                deepest, where = depth, m.start()
        else:
            depth -= 1
    return deepest, where


def parse_json(text: str, source: str, what: str = "") -> Any:
    """JSON text as data, with every failure (syntax, depth, NaN, oversized numbers) a one-line InputError.

    A leading byte order mark is allowed. NaN and Infinity are refused: they are not JSON, and the kit's own
    outputs would then not be JSON either.
    """
    text = text.removeprefix("\ufeff")
    deepest, where = json_depth(text)
    if deepest > MAX_DEPTH:
        line = text.count("\n", 0, where) + 1
        raise InputError(Problem(source, _("nested deeper than {limit} levels (the limit for documents the kit reads)",
                                           limit=MAX_DEPTH), line))

    def constant(name: str) -> Any:
        raise ValueError(f"{name} is not a JSON number")

    try:
        return json.loads(text, parse_constant=constant)
    except json.JSONDecodeError as exc:
        # the json module's own reason ("Expecting value") stays as it is: it names the syntax rule broken
        message = _("{what} is not valid JSON: {reason} (column {column})", what=_word(what), reason=exc.msg,
                    column=exc.colno) if what else \
            _("not valid JSON: {reason} (column {column})", reason=exc.msg, column=exc.colno)
        raise InputError(Problem(source, message, exc.lineno)) from None
    except (ValueError, RecursionError) as exc:  # NaN, integers of more than 4,300 digits
        reason = quote(str(exc), 120)
        message = _("{what} is not usable JSON: {reason}", what=_word(what), reason=reason) if what else \
            _("not usable JSON: {reason}", reason=reason)
        raise InputError(Problem(source, message)) from None


def load_json(path: str | os.PathLike[str], expected: str = N_("a JSON file"), source: str | None = None,
              missing: str = NO_SUCH_FILE, what: str = "") -> tuple[bytes, Any]:
    """The bytes of a JSON file (for hashing) and its data, through the same bounds as every input."""
    src = source if source is not None else str(path)
    raw = read_bytes(path, expected, src, missing)
    return raw, parse_json(decode_utf8(raw, src, what), src, what)


__all__ = [
    "MAX_ALIASES",
    "MAX_ALIAS_NODES",
    "MAX_DEPTH",
    "MAX_INPUT_BYTES",
    "check_size",
    "decode_utf8",
    "directory_problem",
    "exists",
    "json_depth",
    "kind_of",
    "load_json",
    "open_regular",
    "parse_json",
    "read_bytes",
    "read_text",
    "regular_file_problem",
]
