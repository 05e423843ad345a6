"""Decoding and CSV plumbing shared by the parsers (internal)."""

from __future__ import annotations

import csv
import gc
import io
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice

from . import charsets
from .normalize import clean, dedupe, fold_text
from .records import ContactRecord, FormatError, RowError

HEADER_SCAN_ROWS = 100
MAX_MALFORMED = 1000  # malformed CSV rows reported before a parser gives up on the rest
MULTI_SEP = " ::: "
# Built-in Google/Apple groups that carry no meaning as tags.
SYSTEM_TAGS = frozenset({"mycontacts", "starred", "othercontacts", "allcontacts"})


def is_system_tag(tag: str) -> bool:
    return tag.lstrip("*").replace(" ", "").replace("_", "").lower() in SYSTEM_TAGS


class Decoded(str):
    """Text that decode_bytes has already produced and checked, with the encoding it found: a parser handed
    one (registry.parse after detecting the format) does not decode the file a second time."""

    encoding = "text"


def decode_bytes(data: bytes | str, what: str = "a contacts file") -> tuple[str, str]:
    """Decode file bytes: UTF-16 by BOM, else UTF-8 (with or without BOM), else the legacy code page
    that fits best (formats/charsets.py: cp1251, cp1253, Shift_JIS, …; cp1252 when nothing fits better).

    Raises FormatError for an empty or binary input.
    """
    if isinstance(data, Decoded):
        return data, data.encoding
    if isinstance(data, str):
        text, encoding = data.lstrip("\ufeff"), "text"
    else:
        if not isinstance(data, bytes | bytearray | memoryview):
            raise FormatError(f"expected bytes, got {type(data).__name__}")
        data = bytes(data)
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                text, encoding = data.decode("utf-16"), "utf-16"
            except UnicodeDecodeError:
                raise FormatError(f"not {what}: invalid UTF-16 text") from None
            text = text.lstrip("\ufeff")
        else:
            if b"\x00" in data[:8192]:
                raise FormatError(f"not {what}: this is a binary file, not text")
            try:
                text, encoding = data.decode("utf-8-sig"), "utf-8"
            except UnicodeDecodeError:
                text, encoding = charsets.guess(data)  # a legacy code page: the import report says which
    if not text or text.isspace():
        raise FormatError(f"not {what}: the file is empty")
    if "\x00" in text:
        text = text.replace("\x00", "")
    sample = text[:4096]
    controls = sum(1 for c in sample if c < " " and c not in "\r\n\t\f\v")
    if controls > max(2, len(sample) // 50):
        raise FormatError(f"not {what}: this looks like a binary file, not text")
    return text, encoding


_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")


def lines(text: str, end: int) -> Iterator[str]:
    """The lines of ``text[:end]`` as ``io.StringIO(text[:end], newline="")`` reads them, made one at a
    time: for a look at the first rows of a large file without copying it."""
    return (m.group() for m in _LINE.finditer(text, 0, end))


DELIMITERS = (",", ";", "\t")
SNIFF_LINES = 30


def sniff_delimiter(text: str) -> str:
    """The cell delimiter of a CSV: ``,``, or ``;`` (Excel in European locales), or a tab.

    The one that splits the widest row among the first lines wins (a contacts header has seven to
    ninety columns; read with the wrong delimiter it is one or two cells); a tie goes to the comma.
    """
    head = list(islice(lines(text, 200_000), SNIFF_LINES))
    best, widest = ",", 0
    for delimiter in DELIMITERS:
        if delimiter not in "".join(head):
            continue
        try:
            width = max((len(row) for row in csv.reader(head, delimiter=delimiter, strict=False)), default=0)
        except csv.Error:
            continue
        if width > widest:
            best, widest = delimiter, width
    return best


class CsvRows:
    """Iterate CSV rows from text (or its lines), surviving ``csv.Error`` on individual rows.
    The delimiter is sniffed from text (see sniff_delimiter) unless given."""

    def __init__(self, text: str | Iterator[str], delimiter: str | None = None):
        source = io.StringIO(text, newline="") if isinstance(text, str) else text
        if delimiter is None:
            delimiter = sniff_delimiter(text) if isinstance(text, str) else ","
        self.delimiter = delimiter
        self.reader = csv.reader(source, strict=False, delimiter=delimiter)
        self.errors: list[str] = []

    @property
    def line(self) -> int:
        return self.reader.line_num

    def __iter__(self) -> Iterator[list[str]]:
        failures = 0
        while True:
            try:
                row = next(self.reader)
            except StopIteration:
                return
            except csv.Error as exc:
                failures += 1
                self.errors.append(str(exc))
                if failures > MAX_MALFORMED:
                    return
                yield None  # type: ignore[misc]  # signals a malformed row to the caller
                continue
            yield row


def find_header(
    rows: CsvRows, matches: Callable[[list[str]], bool], what: str, expected: str
) -> tuple[list[str], Iterator[list[str]], int]:
    """Scan the first rows for one that ``matches``; return (normalized header, the row iterator, its line).

    The header is normalized to stripped lowercase cell names. Raises FormatError
    when no header row is found (the file is not this format).
    """
    it = iter(rows)
    for i, row in enumerate(it):
        if i >= HEADER_SCAN_ROWS:
            break
        if not row:
            continue
        norm = [c.strip().strip('"').strip().lower() for c in row]
        if matches(norm):
            return norm, it, rows.line
    raise FormatError(f"not {what}: no header row with {expected}")


def finish(rec: ContactRecord) -> str | None:
    """Tidy a record in place; return an error message if it cannot become a person."""
    if len(rec.emails) > 1:
        rec.emails = dedupe(rec.emails)
    if rec.phones:
        rec.phones = dedupe(rec.phones, key=_phone_key)
    if len(rec.urls) > 1:
        rec.urls = dedupe(rec.urls)
    if rec.tags:
        rec.tags = dedupe([clean(t) for t in rec.tags], key=fold_text)
    if rec.notes and "\r" in rec.notes:
        rec.notes = rec.notes.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not rec.display_name:
        rec.display_name = " ".join(p for p in (rec.given_name, rec.additional_name, rec.family_name) if p)
    if not (rec.display_name or rec.emails or rec.phones or rec.linkedin_url):
        return "no name, email, phone or LinkedIn URL"
    return None


def _phone_key(p: str) -> str:
    return "".join(c for c in p if c.isdigit() or c == "+")


def split_multi(value: str) -> list[str]:
    """Split a Google-style ``a ::: b`` cell into cleaned non-empty values."""
    if not value:
        return []
    if ":::" not in value:
        v = value.strip()
        return [v] if v else []
    return [v.strip() for v in value.split(":::") if v.strip()]


def row_error(errors: list[RowError], row: int, message: str, line: int | None = None) -> None:
    errors.append(RowError(row=row, message=" ".join(message.split()), line=line))


@contextmanager
def paused_gc():
    """Pause the cyclic garbage collector while building many small acyclic objects.

    A 30,000-row parse allocates ~200,000 containers; letting the collector scan
    them repeatedly costs a third of the parse time. Restores the previous state.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
