"""Reading input files as bytes or UTF-8 text, with one-line input errors instead of OS tracebacks.

Every loader of the kit (manifests, evidence, column mappings) reads its file through here.
"""
from __future__ import annotations

import os
from pathlib import Path

from pia.errors import InputError, Problem


def read_bytes(path: str | os.PathLike[str], expected: str = "a file", source: str | None = None,
               missing: str = "no such file") -> bytes:
    """The bytes of `path`; a missing file, a directory or an unreadable file is an InputError.

    `expected` says what the file should be (used when a directory is given), `source` how to name it in
    messages (default: the path as given), `missing` the message for a file that does not exist.
    """
    src = source if source is not None else str(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(src, missing)) from None
    except IsADirectoryError:
        raise InputError(Problem(src, f"is a directory, expected {expected}")) from None
    except OSError as exc:
        raise InputError(Problem(src, f"cannot read: {exc.strerror}")) from None


def decode_utf8(raw: bytes, source: str, what: str = "") -> str:
    """`raw` decoded as UTF-8; undecodable bytes are an InputError naming the first bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = f"{what} is not" if what else "not"
        raise InputError(Problem(source, f"{prefix} UTF-8 text (byte {exc.start})")) from None


def read_text(path: str | os.PathLike[str], expected: str = "a file", source: str | None = None,
              missing: str = "no such file") -> tuple[bytes, str]:
    """The bytes of `path` and their UTF-8 text (both: callers hash the bytes)."""
    raw = read_bytes(path, expected, source, missing)
    return raw, decode_utf8(raw, source if source is not None else str(path))
