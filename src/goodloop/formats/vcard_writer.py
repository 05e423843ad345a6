"""vCard 4.0 (RFC 6350) and 3.0 (RFC 2426) writer for plain ``ExportPerson`` objects.

Writes FN, N (with prefix and suffix), UID, EMAIL and TEL with their types, URL (the LinkedIn
profile first), ORG (with the department) and TITLE (grouped ``roleN.`` when a person has several
current roles), CATEGORIES for tags, ADR (every stored address, else the location), BDAY, NOTE and
RELATED (3.0 has no RELATED: ``X-GOODLOOP-RELATED``, which our reader takes back). Lines end in CRLF
and are folded at 75 octets without splitting a UTF-8 character.

Escaping: a semicolon is escaped only inside the structured values (N, ADR, ORG), where it separates
components; in single text values (FN, NOTE, TITLE) RFC 6350 does not ask for it and Thunderbird
shows the backslash. Commas and newlines are escaped everywhere, as both RFCs require.
"""

from __future__ import annotations

from collections.abc import Iterable

from .records import ADDRESS_PARTS, ExportPerson, ExportRelated

PRODID = "-//goodloop//goodloop export//EN"
VERSIONS = ("4.0", "3.0")
# our labels as the vCard TYPE contacts apps know (RFC 6350 section 6.4.1)
_TYPES = {"mobile": "cell", "personal": "home", "other": ""}


def escape(value: str) -> str:
    """Escape a single text value: backslash, comma and newline (RFC 6350 section 3.4)."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def escape_component(value: str) -> str:
    """Escape one component of a structured value (N, ADR, ORG): a semicolon too."""
    return escape(value).replace(";", "\\;")


def _structured(parts: Iterable[str]) -> str:
    return ";".join(escape_component(p or "") for p in parts)


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


def _related_line(rel: ExportRelated, version: str) -> str | None:
    rtype = (rel.type or "contact").lower()
    name = "RELATED" if version == "4.0" else "X-GOODLOOP-RELATED"
    if rel.uid:
        uid = rel.uid if rel.uid.startswith("urn:") else f"urn:uuid:{rel.uid}"
        return f"{name};TYPE={rtype}:{uid}"
    if rel.text:
        return f"{name};VALUE=text;TYPE={rtype}:{escape(rel.text)}"
    return None


def _params(label: str, first: bool, version: str, extra: str = "") -> str:
    """`;TYPE=…` (and preference) of an EMAIL/TEL/URL/ADR line in the dialect of `version`."""
    label = _TYPES.get(label.lower(), label.lower()) if label else ""
    label = "".join(c for c in label if c.isalnum() or c in "-_")
    types = [t for t in (extra, label) if t]
    if version == "4.0":
        out = f";TYPE={','.join(types)}" if types else ""
        return out + (";PREF=1" if first else "")
    if first:
        types.append("pref")
    return f";TYPE={','.join(types)}" if types else ""


def person_lines(person: ExportPerson, version: str = "4.0") -> list[str]:
    """The unfolded content lines of one card, BEGIN to END, in vCard `version` (4.0 or 3.0)."""
    if version not in VERSIONS:
        raise ValueError(f"vCard version must be one of {', '.join(VERSIONS)}")
    display = person.display_name or " ".join(
        p for p in (person.given_name, person.additional_name, person.family_name) if p
    )
    if not display:
        display = (person.emails[0] if person.emails else "") or person.organization or "Unnamed"
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"PRODID:{PRODID}"]
    if person.uid:
        uid = person.uid if person.uid.startswith("urn:") else f"urn:uuid:{person.uid}"
        lines.append(f"UID:{uid}")
    lines.append(f"FN:{escape(display)}")
    lines.append("N:" + _structured([person.family_name, person.given_name, person.additional_name,
                                     person.prefix, person.suffix]))
    labels = person.labels
    internet = "internet" if version == "3.0" else ""
    for i, email in enumerate(person.emails):
        lines.append(f"EMAIL{_params(labels.get(email, ''), i == 0, version, internet)}:{escape(email)}")
    for i, phone in enumerate(person.phones):
        lines.append(f"TEL{_params(labels.get(phone, ''), i == 0, version)}:{escape(phone)}")
    if person.linkedin_url:
        lines.append("URL;TYPE=linkedin:" + person.linkedin_url)
    for url in person.urls:
        lines.append(f"URL{_params(labels.get(url, ''), False, version)}:{url}")
    roles = [r for r in person.roles if r.current and (r.organization or r.title)]
    grouped = len(roles) > 1
    for i, role in enumerate(roles, 1):
        prefix = f"role{i}." if grouped else ""
        if role.organization:
            parts = [role.organization, role.department] if role.department else [role.organization]
            lines.append(f"{prefix}ORG:{_structured(parts)}")
        if role.title:
            lines.append(f"{prefix}TITLE:{escape(role.title)}")
    if person.tags:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in person.tags))
    addresses = person.addresses or ([{"locality": person.location}] if person.location else [])
    for address in addresses:
        lines.append(f"ADR{_params(address.get('label', ''), False, version)}:"
                     + _structured(address.get(k, "") for k in ADDRESS_PARTS))
    if person.birthday:
        lines.append("BDAY:" + person.birthday.strftime("%Y%m%d" if version == "4.0" else "%Y-%m-%d"))
    if person.notes:
        lines.append("NOTE:" + escape(person.notes))
    for rel in person.related:
        line = _related_line(rel, version)
        if line:
            lines.append(line)
    lines.append("END:VCARD")
    return lines


def write_vcard(person: ExportPerson, version: str = "4.0") -> str:
    """One vCard as text with CRLF line endings."""
    return "".join(fold(line) + "\r\n" for line in person_lines(person, version))


def write_vcards(people: Iterable[ExportPerson], version: str = "4.0") -> str:
    """A vCard file (4.0 or 3.0) holding every person, as text (encode it as UTF-8)."""
    return "".join(write_vcard(p, version) for p in people)
