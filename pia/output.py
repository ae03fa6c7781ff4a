"""Rendering of tabular and JSON results, and writing outputs whole or not at all."""
from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pia.errors import InputError, Problem


def to_json(data: Any) -> str:
    """Deterministic JSON: sorted keys, two-space indent, UTF-8 characters kept, newline at the end."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=_default) + "\n"


def _default(obj: Any) -> Any:
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    if hasattr(obj, "value"):
        return obj.value
    if isinstance(obj, (set, frozenset)):
        return sorted(obj)
    if isinstance(obj, Path):
        return str(obj)
    raise TypeError(f"cannot serialise {type(obj).__name__}")


def _cell(value: Any) -> str:
    from pia.i18n import LocalizedText, _, pick

    if value is None:
        return ""
    if isinstance(value, LocalizedText):
        return pick(value) or ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (list, tuple, set)):
        return ", ".join(_cell(v) for v in value)
    if hasattr(value, "value"):
        return str(value.value)
    return str(value)


def _width(text: str) -> int:
    """Columns `text` takes on a terminal: CJK characters are two wide (tables line up in zh too)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], headers: Sequence[str] | None = None,
                 max_width: int = 48) -> str:
    """A plain-text table for terminals; long cells are shortened with an ellipsis."""
    headers = list(headers or columns)
    body = [[_shorten(_cell(r.get(c)), max_width) for c in columns] for r in rows]
    widths = [max([_width(h)] + [_width(row[i]) for row in body]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(row) for row in body)
    return "\n".join(out) + "\n"


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    if _width(text) <= width:
        return text
    out, used = [], 1  # room for the ellipsis
    for c in text:
        used += _width(c)
        if used > width:
            break
        out.append(c)
    return "".join(out) + "…"


def md_escape(text: str) -> str:
    """Escape text for a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_markdown_table(rows: Sequence[dict[str, Any]], columns: Sequence[str],
                          headers: Sequence[str] | None = None) -> str:
    """`rows` as a Markdown table with `columns` (cells escaped)."""
    headers = list(headers or columns)
    out = ["| " + " | ".join(md_escape(h) for h in headers) + " |",
           "|" + "|".join("---" for _ in headers) + "|"]
    for r in rows:
        out.append("| " + " | ".join(md_escape(_cell(r.get(c))) for c in columns) + " |")
    return "\n".join(out) + "\n"


def render_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    """`rows` as CSV text with a header of `columns`."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_cell(r.get(c)).replace(", ", ";") if isinstance(r.get(c), (list, tuple)) else _cell(r.get(c))
                         for c in columns])
    return buf.getvalue()


def output_problem(path: str | os.PathLike[str]) -> str | None:
    """Why the kit must not write a file at `path`, or None.

    The kit writes regular files only: a device (`-o /dev/null` would be replaced by a regular file, even
    `/dev/null` itself when run as root), a FIFO, a directory, a socket or a symbolic-link loop is refused, as
    is a path whose directory does not exist.
    """
    from pia.i18n import _
    from pia.inputs import kind_of

    target = Path(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        if os.path.islink(target):
            return _("is a symbolic link to a file that does not exist; pia writes regular files only")
        st = None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _("is a symbolic link loop; pia writes regular files only")
        if exc.errno == errno.ENOTDIR:
            return _("cannot write: a parent in the path is a file, not a directory")
        return _("cannot write: {reason}", reason=exc.strerror or exc)
    except ValueError:
        return _("the file name holds a NUL byte")
    if st is not None and not stat.S_ISREG(st.st_mode):
        return (_("is {kind}, not a regular file: pia writes regular files only", kind=kind_of(st.st_mode))
                + (_(" (use -o - for standard output)") if not stat.S_ISDIR(st.st_mode) else ""))
    parent = target.parent if str(target.parent) else Path(".")
    if parent.exists() and not parent.is_dir():
        return _("cannot write: {parent} is a file, not a directory", parent=parent)
    if not parent.is_dir():
        return _("cannot write: directory {parent} does not exist", parent=parent)
    return None


def check_output(path: str | os.PathLike[str] | None) -> None:
    """InputError when `path` (an -o or --notice target; None or `-` is standard output) cannot be written."""
    if path is None or str(path) == "-":
        return
    problem = output_problem(path)
    if problem:
        raise InputError(Problem(str(path), problem))


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write a regular file whole or not at all: write a temporary file beside it, then rename it into place.

    A symbolic link to a regular file is kept: the file it points at is replaced. Anything but a regular
    file (or nothing) at `path` is refused (see `output_problem`).
    """
    check_output(path)
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise InputError(Problem(str(path), f"cannot write: {exc.strerror}")) from None
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the file the usual permissions
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # Checked again just before the rename: what was a regular file (or nothing) must still be one.
        problem = output_problem(path)
        if problem:
            raise InputError(Problem(str(path), problem))
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise InputError(Problem(str(path), f"cannot write: {exc.strerror}")) from None
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def emit(content: str, output: str | os.PathLike[str] | None) -> None:
    """Print to stdout, or write whole to `output` (`-` means stdout)."""
    if output is None or str(output) == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
    else:
        try:
            write_atomic(output, content)
        except PermissionError:
            raise InputError(Problem(str(output), "cannot write: permission denied")) from None
        except IsADirectoryError:
            raise InputError(Problem(str(output), "cannot write: is a directory")) from None
