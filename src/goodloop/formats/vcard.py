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

import re

from ._common import decode_bytes, finish, is_system_tag, paused_gc, row_error
from .normalize import clean, normalize_email, normalize_linkedin_url, normalize_uid, parse_date, split_name
from .records import ADDRESS_PARTS, ContactRecord, FormatError, ParseResult, RoleRecord, address_location
from .vcard_lines import (
    Prop,
    logical_lines,
    parse_line,
    photo,
    split_cards,
    split_value,
    text_of,
    unescape_text,
)

NAME = "vcard"
WHAT = "a vCard file"
_BEGIN_RE = re.compile(r"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t\r]*$", re.IGNORECASE | re.MULTILINE)


def looks_like(text: str) -> bool:
    """True if the text contains a ``BEGIN:VCARD`` line."""
    return _BEGIN_RE.search(text, 0, 1_000_000) is not None


# --------------------------------------------------------------------------- mapping


def _card_to_record(lines: list[str], number: int, line_no: int) -> tuple[ContactRecord | None, str | None]:
    props: list[Prop] = []
    bad = 0
    for ln in logical_lines(lines):
        prop = parse_line(ln)
        if prop is None:
            bad += 1
        else:
            props.append(prop)
    if not props:
        return None, "malformed card: no readable properties" if bad else "empty card"

    rec = ContactRecord(row=number, line=line_no)
    orgs: list[tuple[str, str, str]] = []
    titles: list[tuple[str, str]] = []
    notes: list[str] = []
    kind = ""
    for prop in props:
        name = prop.name
        if name == "FN":
            if not rec.display_name:
                rec.display_name = clean(unescape_text(text_of(prop)))
        elif name == "N":
            comps = [clean(" ".join(split_value(c, ","))) for c in split_value(text_of(prop), ";", unescape=False)]
            comps += [""] * (5 - len(comps))
            if not (rec.given_name or rec.family_name):
                rec.family_name, rec.given_name, rec.additional_name, rec.prefix, rec.suffix = comps[:5]
        elif name == "EMAIL":
            e = normalize_email(unescape_text(text_of(prop)))
            if e:
                rec.emails.append(e)
                _label(rec, e, prop)
        elif name == "TEL":
            v = unescape_text(text_of(prop)).strip()
            if v[:4].lower() == "tel:":
                v = v[4:].strip()
            if v:
                rec.phones.append(v)
                _label(rec, v, prop)
        elif name == "UID":
            rec.uid = rec.uid or normalize_uid(unescape_text(text_of(prop)))
        elif name in ("RELATED", "X-GOODLOOP-RELATED"):
            v = text_of(prop).strip()
            if prop.param("VALUE").lower() != "text" and v[:9].lower() == "urn:uuid:":
                rec.related.append(normalize_uid(v))
        elif name in ("URL", "X-SOCIALPROFILE"):
            v = unescape_text(text_of(prop)).strip()
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
                _label(rec, v, prop)
        elif name == "ORG":
            comps = split_value(text_of(prop), ";")
            org = clean(comps[0]) if comps else ""
            if org:
                orgs.append((prop.group, org, clean(" ".join(comps[1:2]))))
        elif name == "TITLE":
            t = clean(unescape_text(text_of(prop)))
            if t:
                titles.append((prop.group, t))
        elif name == "CATEGORIES":
            rec.tags.extend(
                t.strip() for t in split_value(text_of(prop), ",;") if t.strip() and not is_system_tag(t)
            )
        elif name == "NOTE":
            v = unescape_text(text_of(prop)).replace("\r\n", "\n").replace("\r", "\n").strip()
            if v:
                notes.append(v)
        elif name == "BDAY":
            if "X-APPLE-OMIT-YEAR" not in prop.params and prop.param("VALUE").lower() != "text":
                rec.birthday = parse_date(unescape_text(text_of(prop)))
        elif name == "ADR":
            comps = [clean(c) for c in split_value(text_of(prop), ";")] + [""] * 7
            address = {k: v for k, v in zip(ADDRESS_PARTS, comps, strict=False) if v}
            if address:
                label = _type_label(prop)
                rec.addresses.append({"label": label, **address} if label else address)
                rec.location = rec.location or address_location(address)
        elif name == "PHOTO":
            if rec.photo is None:
                rec.photo = photo(prop)
        elif name in ("KIND", "X-ADDRESSBOOKSERVER-KIND"):
            kind = text_of(prop).strip().lower()
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


# TYPE values that say nothing a contacts app shows as a label
_NOT_LABELS = frozenset({"pref", "internet", "voice", "x400", "text", "linkedin"})


def _type_label(prop: Prop) -> str:
    """The first TYPE of a property that is a label (work, home, cell ...), lowercased."""
    for t in prop.params.get("TYPE", ()):
        t = t.strip().lower()
        if t and t not in _NOT_LABELS:
            return t[:100]
    return ""


def _label(rec: ContactRecord, value: str, prop: Prop) -> None:
    label = _type_label(prop)
    if label:
        rec.labels.setdefault(value, label)


def _pair_roles(orgs: list[tuple[str, str, str]], titles: list[tuple[str, str]]) -> list[RoleRecord]:
    """Pair ORG (with its department) and TITLE by their itemN group when grouped, else in order."""
    titles_by_group = {g: t for g, t in titles if g}
    used_groups: set[str] = set()
    loose = [t for g, t in titles if not g or g not in {og for og, _, _ in orgs}]
    roles: list[RoleRecord] = []
    for group, org, department in orgs:
        if group and group in titles_by_group and group not in used_groups:
            used_groups.add(group)
            roles.append(RoleRecord(org, titles_by_group[group], True, department))
        else:
            roles.append(RoleRecord(org, loose.pop(0) if loose else "", True, department))
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
    cards = split_cards(text)
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
