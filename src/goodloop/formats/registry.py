"""Parsers registered by name, content-based detection, and one entry point.

>>> result = parse(data)                    # detect the format from the content
>>> result = parse(data, format="linkedin") # or insist on one (FormatError if it is not)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import google, linkedin, outlook, vcard
from ._common import HEADER_SCAN_ROWS, CsvRows, Decoded, decode_bytes, lines, sniff_delimiter
from .records import FormatError, ParseResult

Parser = Callable[[bytes | str], ParseResult]
_SPACE = re.compile(r"\s*")

PARSERS: dict[str, Parser] = {
    "linkedin": linkedin.parse,
    "google": google.parse,
    "outlook": outlook.parse,
    "vcard": vcard.parse,
}

LABELS = {
    "linkedin": "LinkedIn Connections.csv",
    "google": "Google Contacts CSV",
    "outlook": "Outlook CSV",
    "vcard": "vCard",
}

# Order matters: LinkedIn's header is the most specific, Outlook's the least.
_CSV_MATCHERS = (
    ("linkedin", linkedin.matches_header),
    ("google", google.matches_header),
    ("outlook", outlook.matches_header),
)

SUPPORTED = "LinkedIn Connections.csv, Google Contacts CSV, Outlook CSV or vCard"


def detect(data: bytes | str) -> str:
    """The format name of a contacts file, judged by its content (never the file name).

    Raises FormatError when the input is empty, binary or not a supported contacts file.
    """
    text, _ = decode_bytes(data)
    return _detect(text)


def _detect(text: str) -> str:
    start = _SPACE.match(text).end()  # text.lstrip(), without copying the file
    first = text[start:start + 64].upper().replace(" ", "")
    if first.startswith("BEGIN:VCARD"):
        return "vcard"
    rows = CsvRows(lines(text, 2_000_000), sniff_delimiter(text))
    for i, row in enumerate(rows):
        if i >= HEADER_SCAN_ROWS:
            break
        if not row:
            continue
        cells = [c.strip().strip('"').strip().lower() for c in row]
        for name, matches in _CSV_MATCHERS:
            if matches(cells):
                return name
    if vcard.looks_like(text):
        return "vcard"
    raise FormatError(f"not a contacts file: expected a {SUPPORTED}")


def parse(data: bytes | str, format: str = "auto") -> ParseResult:
    """Parse contacts from ``data``; ``format`` is ``auto`` or a key of PARSERS."""
    name = (format or "auto").strip().lower()
    if name == "auto":
        text, encoding = decode_bytes(data)
        name = _detect(text)
        data = Decoded(text)  # decoded once, for the parser too
        data.encoding = encoding
    parser = PARSERS.get(name)
    if parser is None:
        raise FormatError(f"unknown format {format!r}: choose auto, {', '.join(PARSERS)}")
    return parser(data)
