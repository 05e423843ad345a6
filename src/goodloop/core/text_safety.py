"""Text that is safe to store, link to and print (issue 17): pure rules, no Django.

- `clean_text` drops NUL and other control characters (PostgreSQL stores no NUL; SQLite
  would, so both engines are given the same cleaned text).
- `visible` says whether text has anything a reader can see (a name of zero-width or
  direction-override characters only is refused).
- `is_web_url` accepts only http(s) URLs with a host: `javascript:` and `data:` links never
  reach a page.
- `escape_controls` shows control characters as `\\x1b`-style escapes, so names from imported
  files cannot move a terminal's cursor, clear it or hide a link (OSC 8).
"""

import re
import unicodedata
from urllib.parse import urlsplit

# C0 controls except tab and newline (and CR, folded by callers), DEL, C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROLS_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Never drawn: controls, formatting (zero-width, bidi overrides), separators, marks with no base,
# private use, unassigned.
_UNSEEN = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Co", "Cn"})
_TERMINAL_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
URL_SCHEMES = ("http", "https")


def clean_text(value: str, multiline: bool = False) -> str:
    """`value` without control characters (tabs and newlines kept when `multiline`)."""
    if not value:
        return value
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return _CONTROLS.sub("", value)
    return _CONTROLS_ONE_LINE.sub("", value)


def has_controls(value: str, multiline: bool = False) -> bool:
    return bool(value) and (_CONTROLS if multiline else _CONTROLS_ONE_LINE).search(
        value.replace("\r", "") if multiline else value) is not None


def visible(value: str) -> bool:
    """Does `value` hold a character a reader can see?"""
    if value.isascii():
        return any(c.isprintable() and not c.isspace() for c in value)
    return any(unicodedata.category(c) not in _UNSEEN for c in value)


def is_web_url(value: str) -> bool:
    """An absolute http(s) URL with a host, no spaces and no control characters."""
    value = value or ""
    if not value or any(c.isspace() for c in value) or _CONTROLS_ONE_LINE.search(value):
        return False
    try:
        parts = urlsplit(value)
        return parts.scheme.lower() in URL_SCHEMES and bool(parts.hostname)
    except ValueError:  # a malformed IPv6 host or port
        return False


def escape_controls(value: str, keep_newlines: bool = False) -> str:
    """`value` with control and bidi-override characters shown as escapes (`\\x1b`, `\\u202e`)."""
    if not value:
        return value

    def esc(m: re.Match) -> str:
        c = m.group()
        if keep_newlines and c == "\n":
            return c
        return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"

    return _TERMINAL_UNSAFE.sub(esc, value)
