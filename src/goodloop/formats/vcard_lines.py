"""vCard content lines: splitting a file into cards, unfolding, tokenizing a property
(vobject's content-line reader where it works, a local tokenizer where it does not), and
decoding values: quoted-printable with CHARSET, escapes, structured values, base64 photos.

formats/vcard.py maps the properties onto contact records.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import io
import quopri
import re
from dataclasses import dataclass, field

MAX_PHOTO_BYTES = 2_000_000

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
_NAME_RE = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(slots=True)
class Prop:
    group: str
    name: str  # upper case
    params: dict[str, list[str]] = field(default_factory=dict)
    value: str = ""

    def param(self, key: str) -> str:
        vals = self.params.get(key)
        return vals[0] if vals else ""

    @property
    def types(self) -> set[str]:
        return {t.lower() for t in self.params.get("TYPE", [])}


# --------------------------------------------------------------------------- splitting


def split_cards(text: str) -> list[tuple[int, list[str]]]:
    """Physical lines of each card (BEGIN..END exclusive) with the card's first line number."""
    cards: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    start = 0
    for no, line in enumerate(_LINE_SPLIT.split(text), 1):
        key = line.strip().upper().replace(" ", "")
        if key == "BEGIN:VCARD":
            if current is not None:  # missing END:VCARD: close the previous card
                cards.append((start, current))
            current, start = [], no
        elif key == "END:VCARD":
            if current is not None:
                cards.append((start, current))
            current = None
        elif current is not None:
            current.append(line)
    if current is not None:
        cards.append((start, current))
    return cards


def logical_lines(lines: list[str]) -> list[str]:
    """Unfold lines, preferring vobject's reader (handles QP soft breaks), else our own."""
    try:
        from vobject import base as vbase

        stream = io.StringIO("\r\n".join(lines) + "\r\n")
        return [ln for ln, _ in vbase.getLogicalLines(stream) if ln.strip()]
    except Exception:
        return _unfold(lines)


def _unfold(lines: list[str]) -> list[str]:
    out: list[str] = []
    qp_open = False
    for line in lines:
        if out and line[:1] in (" ", "\t"):
            out[-1] += line[1:]
        elif out and qp_open:
            out[-1] += "\n" + line
        elif line.strip():
            out.append(line)
        else:
            continue
        head = out[-1].split(":", 1)[0].upper()
        qp_open = "QUOTED-PRINTABLE" in head and out[-1].endswith("=")
    return out


def parse_line(line: str) -> Prop | None:
    """Tokenize a logical line with vobject, falling back to a local tokenizer."""
    try:
        from vobject import base as vbase

        name, params, value, group = vbase.parseLine(line)
        prop = Prop(group=group or "", name=name.upper(), value=value)
        for p in params:
            if not p:
                continue
            if len(p) == 1:
                _add_param(prop.params, "TYPE", p[0])
            else:
                for v in p[1:]:
                    _add_param(prop.params, p[0], v)
        return prop
    except Exception:
        return _parse_line_fallback(line)


def _add_param(params: dict[str, list[str]], key: str, value: str) -> None:
    key = key.strip().upper()
    if not key:
        return
    bucket = params.setdefault(key, [])
    for v in value.split(","):
        v = v.strip().strip('"').strip()
        if v:
            bucket.append(v)


def _parse_line_fallback(line: str) -> Prop | None:
    in_quote = False
    colon = -1
    for i, ch in enumerate(line):
        if ch == '"':
            in_quote = not in_quote
        elif ch == ":" and not in_quote:
            colon = i
            break
    if colon <= 0:
        return None
    head, value = line[:colon], line[colon + 1 :]
    parts: list[str] = []
    buf: list[str] = []
    in_quote = False
    for ch in head:
        if ch == '"':
            in_quote = not in_quote
            buf.append(ch)
        elif ch == ";" and not in_quote:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    group, _, name = parts[0].strip().rpartition(".")
    if not name or not _NAME_RE.match(name):
        return None
    prop = Prop(group=group, name=name.upper(), value=value)
    for p in parts[1:]:
        if "=" in p:
            k, _, v = p.partition("=")
            _add_param(prop.params, k, v)
        else:
            _add_param(prop.params, "TYPE", p)
    return prop


# --------------------------------------------------------------------------- values


def _decode_qp(prop: Prop) -> str:
    charset = prop.param("CHARSET") or "utf-8"
    raw = quopri.decodestring(prop.value.encode("utf-8", "replace"))
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    try:
        return raw.decode(charset)
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def text_of(prop: Prop) -> str:
    """The property value as text, still escaped (QP and base64 text decoded)."""
    enc = prop.param("ENCODING").upper()
    if enc in ("QUOTED-PRINTABLE", "QP"):
        return _decode_qp(prop)
    if enc in ("B", "BASE64") and prop.name not in ("PHOTO", "LOGO", "SOUND", "KEY"):
        data = _b64(prop.value)
        if data is not None:
            charset = prop.param("CHARSET") or "utf-8"
            try:
                return data.decode(charset)
            except (UnicodeDecodeError, LookupError):
                return data.decode("utf-8", "replace")
    return prop.value


_ESCAPES = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":"}


def unescape_text(s: str) -> str:
    if "\\" not in s:
        return s
    out: list[str] = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == "\\" and i + 1 < n and s[i + 1] in _ESCAPES:
            out.append(_ESCAPES[s[i + 1]])
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def split_value(s: str, seps: str, unescape: bool = True) -> list[str]:
    """Split on unescaped separators, then unescape each part (unless told not to)."""
    parts: list[str] = []
    buf: list[str] = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == "\\" and i + 1 < n:
            buf.append(s[i : i + 2])
            i += 2
            continue
        if ch in seps:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    parts.append("".join(buf))
    return [unescape_text(p) for p in parts] if unescape else parts


def _b64(value: str) -> bytes | None:
    s = "".join(value.split())
    if not s:
        return None
    s += "=" * (-len(s) % 4)
    try:
        return base64.b64decode(s, validate=False)
    except (binascii.Error, ValueError):
        return None


def photo(prop: Prop) -> bytes | None:
    enc = prop.param("ENCODING").upper()
    value = prop.value.strip()
    if enc in ("B", "BASE64"):
        data = _b64(value)
    elif value[:5].lower() == "data:" and ";base64," in value[:100].lower():
        data = _b64(value.split(",", 1)[1])
    else:
        return None  # a URL or an unknown encoding: dropped
    if not data or len(data) > MAX_PHOTO_BYTES:
        return None
    return data
