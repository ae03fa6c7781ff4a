"""Text columns as byte matrices, and CSV files assembled from them by numpy alone.

Used by `pia.samples.generate` to write estates of millions of rows fast (arrow's element-wise string joins were
the bottleneck at 12M rows): a column is a (rows, width) uint8 matrix with a length per row.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DAY = 86_400
HOUR = 3_600
NULL = np.iinfo(np.int64).min  # missing timestamp


@dataclass
class Col:
    """A text column: row i is `mat[i, :lens[i]]`; length 0 is blank."""

    mat: np.ndarray
    lens: np.ndarray

    def __len__(self) -> int:
        return len(self.lens)


def valid_mask(col: Col) -> np.ndarray:
    """Boolean (rows, width) mask of the bytes that belong to each row's text."""
    return np.arange(col.mat.shape[1]) < col.lens[:, None]


def const(text: str, n: int) -> Col:
    """The same text in all `n` rows (a broadcast view, no copy)."""
    b = np.frombuffer(text.encode("utf-8"), np.uint8)
    return Col(np.broadcast_to(b, (n, len(b))), np.full(n, len(b), np.int64))


def vocab(values: tuple[str, ...] | list[str], codes: np.ndarray, blank: np.ndarray | None = None) -> Col:
    """Column of `values[codes]`; blank where `blank` is set."""
    enc = [v.encode("utf-8") for v in values]
    width = max([len(e) for e in enc] + [1])
    table = np.zeros((len(enc), width), np.uint8)
    for i, e in enumerate(enc):
        table[i, :len(e)] = np.frombuffer(e, np.uint8)
    codes = np.asarray(codes, np.int64)
    lens = np.array([len(e) for e in enc], np.int64)[codes]
    if blank is not None:
        lens = np.where(blank, 0, lens)
    return Col(table[codes], lens)


def digits(numbers: np.ndarray, width: int) -> Col:
    """Zero-padded decimal numbers of a fixed width."""
    numbers = np.asarray(numbers, np.int64)
    mat = np.empty((len(numbers), width), np.uint8)
    for i in range(width):
        mat[:, width - 1 - i] = 48 + numbers // 10 ** i % 10
    return Col(mat, np.full(len(numbers), width, np.int64))


def rand_chars(rng: np.random.Generator, n: int, length: int, alphabet: str) -> Col:
    """`n` random strings of `length` ASCII characters of `alphabet` (at most 256 characters)."""
    lut = np.frombuffer(alphabet.encode("ascii"), dtype=np.uint8)
    codes = rng.integers(0, len(alphabet), size=(n, length), dtype=np.uint8)
    return Col(lut[codes], np.full(n, length, np.int64))


def cat(*parts: Col | str) -> Col:
    """Row-wise concatenation of columns and constants."""
    n = next(len(p) for p in parts if isinstance(p, Col))
    cols = [p if isinstance(p, Col) else const(p, n) for p in parts]
    mat = np.hstack([c.mat for c in cols])
    lens = np.sum([c.lens for c in cols], axis=0)
    if all((c.lens == c.mat.shape[1]).all() for c in cols):
        return Col(mat, lens)
    out = np.zeros_like(mat)
    out[np.arange(mat.shape[1]) < lens[:, None]] = mat[np.hstack([valid_mask(c) for c in cols])]
    return Col(out, lens)


def blank_where(col: Col, blank: np.ndarray) -> Col:
    """The column with the rows where `blank` is set made blank."""
    return Col(col.mat, np.where(blank, 0, col.lens))


def substr(col: Col, start: int, stop: int) -> Col:
    """Characters `start` to `stop` of every row (bytes, for ASCII text)."""
    return Col(col.mat[:, start:stop], np.clip(col.lens - start, 0, stop - start))


def with_values(col: Col, rows: dict[int, str | None]) -> Col:
    """Replace the values at the given rows (None: blank)."""
    if not rows:
        return col
    enc = {r: (v or "").encode("utf-8") for r, v in rows.items()}
    width = max([col.mat.shape[1]] + [len(e) for e in enc.values()])
    mat = np.zeros((len(col), width), np.uint8)
    mat[:, :col.mat.shape[1]] = col.mat
    lens = col.lens.copy()
    for r, e in enc.items():
        mat[r, :len(e)] = np.frombuffer(e, np.uint8)
        lens[r] = len(e)
    return Col(mat, lens)


def civil(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Proleptic Gregorian (year, month, day) of days since 1970-01-01, vectorized."""
    z = days.astype(np.int64) + 719_468
    era = np.floor_divide(z, 146_097)
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = np.where(mp < 10, mp + 3, mp - 9)
    return yoe + era * 400 + (month <= 2), month, day


def _day_table(lo: int, hi: int) -> np.ndarray:
    """`YYYY-MM-DD` bytes for every day number in [lo, hi)."""
    year, month, day = civil(np.arange(lo, hi))
    return cat(digits(year, 4), "-", digits(month, 2), "-", digits(day, 2)).mat


def _time_table() -> np.ndarray:
    """`HH:MM:SS` bytes for every second of a day."""
    sod = np.arange(DAY)
    return cat(digits(sod // HOUR, 2), ":", digits(sod % HOUR // 60, 2), ":", digits(sod % 60, 2)).mat


def timestamps(secs: np.ndarray, variant: np.ndarray) -> Col:
    """Format UTC seconds; variant 0: `YYYY-MM-DD HH:MM:SS`, 1: with `T`, 2: local time with `+08:00`.

    `NULL` seconds are blank.
    """
    null = secs == NULL
    local = np.where(null, 0, secs) + np.where(variant == 2, 8 * HOUR, 0)
    days, sod = np.divmod(local, DAY)
    lo = int(days[~null].min()) if (~null).any() else 0
    days = np.where(null, lo, days)
    chars = np.empty((len(secs), 25), np.uint8)
    chars[:, :10] = _day_table(lo, int(days.max(initial=lo)) + 1)[days - lo]
    chars[:, 10] = np.where(variant == 0, ord(" "), ord("T"))
    chars[:, 11:19] = _time_table()[sod]
    chars[:, 19:] = np.frombuffer(b"+08:00", np.uint8)
    lens = np.where(null, 0, np.where(variant == 2, 25, 19))
    if not (variant == 2).any():
        chars = chars[:, :19]
    return Col(chars, lens)


def dates(days: np.ndarray, blank: np.ndarray) -> Col:
    """`YYYY-MM-DD` of day numbers since 1970-01-01; blank where `blank` is set."""
    year, month, day = civil(days)
    col = cat(digits(year, 4), "-", digits(month, 2), "-", digits(day, 2))
    return blank_where(col, blank)


def csv_bytes(columns: list[str], cols: list[Col], chunk: int = 500_000) -> bytes:
    """A CSV file: header plus one line per row; blank is an empty field; quotes only where needed."""
    quoted = []
    for col in cols:
        valid = valid_mask(col)
        if (((col.mat == 34) | (col.mat == 10) | (col.mat == 13)) & valid).any():
            raise ValueError("generated text must not contain quotes or line breaks")
        comma = ((col.mat == 44) & valid).any(axis=1)
        if comma.any():
            q = Col(np.full((len(col), 1), 34, np.uint8), comma.astype(np.int64))
            col = cat(q, col, q)
        quoted.append(col)
    out = [(",".join(columns) + "\n").encode("utf-8")]
    n = len(cols[0]) if cols else 0
    for lo in range(0, n, chunk):  # each field is scattered to its byte positions in the chunk's buffer
        parts = [Col(col.mat[lo:lo + chunk], col.lens[lo:lo + chunk]) for col in quoted]
        line = np.sum([p.lens for p in parts], axis=0) + len(parts)
        end = np.cumsum(line).astype(np.int32)
        pos = end - line.astype(np.int32)
        buf = np.empty(int(end[-1]), np.uint8)
        for i, p in enumerate(parts):
            width = p.mat.shape[1]
            idx = pos[:, None] + np.arange(width, dtype=np.int32)
            if (p.lens == width).all():
                buf[idx] = p.mat
            else:
                valid = valid_mask(p)
                buf[idx[valid]] = p.mat[valid]
            pos = pos + p.lens.astype(np.int32)
            buf[pos] = ord(",") if i < len(parts) - 1 else ord("\n")
            pos = pos + 1
        out.append(buf.tobytes())
    return b"".join(out)
