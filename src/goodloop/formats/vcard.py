"""vCard 2.1, 3.0 and 4.0 (Apple, Google, Android, Outlook, Monica exports).

Each card is tokenized with vobject's content-line reader (line unfolding,
quoted-printable soft line breaks, parameters) where it works, with a local
tokenizer as fallback for lines or cards vobject rejects. Values are decoded
here: quoted-printable with CHARSET, base64 photos, ``data:`` URIs, escapes
(``\\n \\, \\; \\: \\\\``), structured values. Grouped ``itemN.`` properties are
read like ungrouped ones; their ``X-ABLabel`` is used to pair ORG/TITLE.
A card that cannot be read becomes a per-record error; the rest continue.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import io
import quopri
import re
from dataclasses import dataclass, field

from ._common import decode_bytes, finish, is_system_tag, paused_gc, row_error
from .normalize import clean, normalize_email, normalize_linkedin_url, parse_date, split_name
from .records import ContactRecord, FormatError, ParseResult, RoleRecord

NAME = "vcard"
WHAT = "a vCard file"
MAX_PHOTO_BYTES = 2_000_000

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
_BEGIN_RE = re.compile(r"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t\r]*$", re.IGNORECASE | re.MULTILINE)
_NAME_RE = re.compile(r"^[A-Za-z0-9_-]+$")


def looks_like(text: str) -> bool:
    """True if the text contains a ``BEGIN:VCARD`` line."""
    return _BEGIN_RE.search(text, 0, 1_000_000) is not None


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


def _split_cards(text: str) -> list[tuple[int, list[str]]]:
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


def _logical_lines(lines: list[str]) -> list[str]:
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


def _parse_line(line: str) -> Prop | None:
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


def _text(prop: Prop) -> str:
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


def _unescape(s: str) -> str:
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


def _split(s: str, seps: str, unescape: bool = True) -> list[str]:
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
    return [_unescape(p) for p in parts] if unescape else parts


def _b64(value: str) -> bytes | None:
    s = "".join(value.split())
    if not s:
        return None
    s += "=" * (-len(s) % 4)
    try:
        return base64.b64decode(s, validate=False)
    except (binascii.Error, ValueError):
        return None


def _photo(prop: Prop) -> bytes | None:
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


# --------------------------------------------------------------------------- mapping


def _card_to_record(lines: list[str], number: int, line_no: int) -> tuple[ContactRecord | None, str | None]:
    props: list[Prop] = []
    bad = 0
    for ln in _logical_lines(lines):
        prop = _parse_line(ln)
        if prop is None:
            bad += 1
        else:
            props.append(prop)
    if not props:
        return None, "malformed card: no readable properties" if bad else "empty card"

    rec = ContactRecord(row=number, line=line_no)
    orgs: list[tuple[str, str]] = []
    titles: list[tuple[str, str]] = []
    notes: list[str] = []
    kind = ""
    for prop in props:
        name = prop.name
        if name == "FN":
            if not rec.display_name:
                rec.display_name = clean(_unescape(_text(prop)))
        elif name == "N":
            comps = [clean(" ".join(_split(c, ","))) for c in _split(_text(prop), ";", unescape=False)]
            comps += [""] * (5 - len(comps))
            if not (rec.given_name or rec.family_name):
                rec.family_name, rec.given_name, rec.additional_name, rec.prefix, rec.suffix = comps[:5]
        elif name == "EMAIL":
            e = normalize_email(_unescape(_text(prop)))
            if e:
                rec.emails.append(e)
        elif name == "TEL":
            v = _unescape(_text(prop)).strip()
            if v[:4].lower() == "tel:":
                v = v[4:].strip()
            if v:
                rec.phones.append(v)
        elif name in ("URL", "X-SOCIALPROFILE"):
            v = _unescape(_text(prop)).strip()
            li = normalize_linkedin_url(v)
            if not li and name == "X-SOCIALPROFILE" and "linkedin" in prop.types:
                user = prop.param("X-USER")
                li = normalize_linkedin_url(v) or (
                    normalize_linkedin_url("https://www.linkedin.com/in/" + user) if user else None
                )
            if li and not rec.linkedin_url:
                rec.linkedin_url = li
            elif li and li == rec.linkedin_url:
                pass
            elif v and (name == "URL" or v.lower().startswith(("http://", "https://"))):
                rec.urls.append(v)
        elif name == "ORG":
            comps = _split(_text(prop), ";")
            org = clean(comps[0]) if comps else ""
            if org:
                orgs.append((prop.group, org))
        elif name == "TITLE":
            t = clean(_unescape(_text(prop)))
            if t:
                titles.append((prop.group, t))
        elif name == "CATEGORIES":
            rec.tags.extend(
                t.strip() for t in _split(_text(prop), ",;") if t.strip() and not is_system_tag(t)
            )
        elif name == "NOTE":
            v = _unescape(_text(prop)).replace("\r\n", "\n").replace("\r", "\n").strip()
            if v:
                notes.append(v)
        elif name == "BDAY":
            if "X-APPLE-OMIT-YEAR" not in prop.params and prop.param("VALUE").lower() != "text":
                rec.birthday = parse_date(_unescape(_text(prop)))
        elif name == "ADR":
            if not rec.location:
                comps = [clean(c) for c in _split(_text(prop), ";")] + [""] * 7
                rec.location = ", ".join(c for c in (comps[3], comps[4], comps[6]) if c)
        elif name == "PHOTO":
            if rec.photo is None:
                rec.photo = _photo(prop)
        elif name in ("KIND", "X-ADDRESSBOOKSERVER-KIND"):
            kind = _text(prop).strip().lower()
    rec.notes = "\n\n".join(notes)
    rec.roles = _pair_roles(orgs, titles)
    if kind == "group":
        return None, "a contact group card, not a person"
    if not (rec.given_name or rec.family_name) and rec.display_name and kind != "org":
        rec.given_name, rec.additional_name, rec.family_name = split_name(rec.display_name)
    problem = finish(rec)
    if problem and bad:
        problem = f"malformed card ({bad} unreadable line{'s' if bad > 1 else ''}): {problem}"
    return (None, problem) if problem else (rec, None)


def _pair_roles(orgs: list[tuple[str, str]], titles: list[tuple[str, str]]) -> list[RoleRecord]:
    """Pair ORG and TITLE by their itemN group when grouped, else in order."""
    titles_by_group = {g: t for g, t in titles if g}
    used_groups: set[str] = set()
    loose = [t for g, t in titles if not g or g not in {og for og, _ in orgs}]
    roles: list[RoleRecord] = []
    for group, org in orgs:
        if group and group in titles_by_group and group not in used_groups:
            used_groups.add(group)
            roles.append(RoleRecord(org, titles_by_group[group], True))
        else:
            roles.append(RoleRecord(org, loose.pop(0) if loose else "", True))
    for t in loose:
        roles.append(RoleRecord("", t, True))
    return roles


def parse(data: bytes | str) -> ParseResult:
    """Parse a file of one or more vCards; FormatError if it holds none."""
    with paused_gc():
        return _parse(data)


def _parse(data: bytes | str) -> ParseResult:
    text, encoding = decode_bytes(data, WHAT)
    if not looks_like(text):
        raise FormatError(f"not {WHAT}: no BEGIN:VCARD line found")
    cards = _split_cards(text)
    versions: set[str] = set()
    result = ParseResult(format=NAME, encoding=encoding)
    for number, (line_no, lines) in enumerate(cards, 1):
        for ln in lines:
            if ln[:8].upper() == "VERSION:":
                versions.add(ln.split(":", 1)[1].strip())
        try:
            rec, problem = _card_to_record(lines, number, line_no)
        except Exception as exc:  # a malformed card never stops the import
            rec, problem = None, f"malformed card: {exc}"
        if rec is not None:
            result.records.append(rec)
        else:
            row_error(result.errors, number, problem or "unreadable card", line_no)
    result.rows = len(cards)
    result.layout = "vcard-" + "/".join(sorted(versions)) if versions else "vcard"
    return result
