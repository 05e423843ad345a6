"""vCard 4.0 writer (RFC 6350) for plain ``ExportPerson`` objects.

Writes FN, N, UID, EMAIL, TEL, URL (the LinkedIn profile first), ORG/TITLE
(grouped ``roleN.`` when a person has several current roles), CATEGORIES
for tags, ADR for the location, BDAY, NOTE and RELATED. Lines end in CRLF and
are folded at 75 octets without splitting a UTF-8 character.
"""

from __future__ import annotations

from collections.abc import Iterable

from .records import ExportPerson, ExportRelated

PRODID = "-//goodloop//goodloop export//EN"


def escape(value: str) -> str:
    """Escape a text value (RFC 6350 section 3.4)."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line at ``limit`` octets, never inside a UTF-8 sequence."""
    if len(line.encode("utf-8")) <= limit:
        return line
    out: list[str] = []
    buf: list[str] = []
    size = 0
    room = limit
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > room:
            out.append("".join(buf))
            buf, size, room = [], 0, limit - 1  # continuation lines start with a space
        buf.append(ch)
        size += n
    out.append("".join(buf))
    return "\r\n ".join(out)


def _related_line(rel: ExportRelated) -> str | None:
    rtype = (rel.type or "contact").lower()
    if rel.uid:
        uid = rel.uid if rel.uid.startswith("urn:") else f"urn:uuid:{rel.uid}"
        return f"RELATED;TYPE={rtype}:{uid}"
    if rel.text:
        return f"RELATED;VALUE=text;TYPE={rtype}:{escape(rel.text)}"
    return None


def person_lines(person: ExportPerson) -> list[str]:
    """The unfolded content lines of one card, BEGIN to END."""
    display = person.display_name or " ".join(
        p for p in (person.given_name, person.additional_name, person.family_name) if p
    )
    if not display:
        display = (person.emails[0] if person.emails else "") or person.organization or "Unnamed"
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"PRODID:{PRODID}"]
    if person.uid:
        uid = person.uid if person.uid.startswith("urn:") else f"urn:uuid:{person.uid}"
        lines.append(f"UID:{uid}")
    lines.append(f"FN:{escape(display)}")
    n = [person.family_name, person.given_name, person.additional_name, person.prefix, person.suffix]
    lines.append("N:" + ";".join(escape(x or "") for x in n))
    for i, email in enumerate(person.emails):
        lines.append(("EMAIL;PREF=1:" if i == 0 else "EMAIL:") + escape(email))
    for i, phone in enumerate(person.phones):
        lines.append(("TEL;PREF=1:" if i == 0 else "TEL:") + escape(phone))
    if person.linkedin_url:
        lines.append("URL;TYPE=linkedin:" + person.linkedin_url)
    for url in person.urls:
        lines.append("URL:" + url)
    roles = [r for r in person.roles if r.current and (r.organization or r.title)]
    grouped = len(roles) > 1
    for i, role in enumerate(roles, 1):
        prefix = f"role{i}." if grouped else ""
        if role.organization:
            lines.append(f"{prefix}ORG:{escape(role.organization)}")
        if role.title:
            lines.append(f"{prefix}TITLE:{escape(role.title)}")
    if person.tags:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in person.tags))
    if person.location:
        lines.append(f"ADR:;;;{escape(person.location)};;;")
    if person.birthday:
        lines.append("BDAY:" + person.birthday.strftime("%Y%m%d"))
    if person.notes:
        lines.append("NOTE:" + escape(person.notes))
    for rel in person.related:
        line = _related_line(rel)
        if line:
            lines.append(line)
    lines.append("END:VCARD")
    return lines


def write_vcard(person: ExportPerson) -> str:
    """One vCard 4.0 as text with CRLF line endings."""
    return "".join(fold(line) + "\r\n" for line in person_lines(person))


def write_vcards(people: Iterable[ExportPerson]) -> str:
    """A vCard 4.0 file holding every person, as text (encode it as UTF-8)."""
    return "".join(write_vcard(p) for p in people)
