"""Google Contacts CSV ("Google CSV" export), current and legacy layouts.

Current (2023-)::

    First Name,Middle Name,Last Name,...,Name Prefix,Name Suffix,Nickname,File As,
    Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,
    Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,...,
    Website 1 - Label,Website 1 - Value

Legacy::

    Name,Given Name,Additional Name,Family Name,...,Birthday,...,Notes,...,Group Membership,
    E-mail 1 - Type,E-mail 1 - Value,...,Phone 1 - Type,Phone 1 - Value,...,
    Organization 1 - Type,Organization 1 - Name,...,Organization 1 - Title,...,
    Website 1 - Type,Website 1 - Value

Numbered columns repeat for N = 1, 2, ... and one cell may hold several values
joined by `` ::: ``. Everything is mapped by header name, never by position.
"""

from __future__ import annotations

import re

from ._common import (
    CsvRows,
    decode_bytes,
    find_header,
    finish,
    is_system_tag,
    paused_gc,
    row_error,
    split_multi,
)
from .normalize import clean, normalize_email, normalize_linkedin_url, parse_date, split_name
from .records import ContactRecord, ParseResult, RoleRecord

NAME = "google"
WHAT = "a Google Contacts CSV export"
EXPECTED = "First Name/Last Name or Given Name/Family Name and E-mail 1 - Value"

_NUMBERED = re.compile(r"^([a-z][a-z -]*?) (\d+) - (.+)$")


def matches_header(cells: list[str]) -> bool:
    s = set(cells)
    if "given name" in s and "family name" in s:
        return True
    if "first name" not in s and "name" not in s:
        return False
    if "labels" in s or "group membership" in s or "organization name" in s:
        return True
    return any(c.startswith(("e-mail 1 - ", "phone 1 - ", "website 1 - ")) for c in cells)


def _tag(raw: str) -> str | None:
    t = raw.strip()
    if not t or is_system_tag(t):
        return None
    return t.lstrip("*").strip() or None


def parse(data: bytes | str) -> ParseResult:
    """Parse a Google Contacts CSV (either layout); FormatError if it is not one."""
    with paused_gc():
        return _parse(data)


def _parse(data: bytes | str) -> ParseResult:
    text, encoding = decode_bytes(data, WHAT)
    rows = CsvRows(text)
    header, it, _ = find_header(rows, matches_header, WHAT, EXPECTED)
    width = len(header)
    single: dict[str, int] = {}
    numbered: dict[str, dict[int, dict[str, int]]] = {}
    for i, name in enumerate(header):
        m = _NUMBERED.match(name)
        if m:
            kind, num, part = m.group(1), int(m.group(2)), m.group(3)
            numbered.setdefault(kind, {}).setdefault(num, {}).setdefault(part, i)
        else:
            single.setdefault(name, i)
    legacy = "given name" in single or "group membership" in single
    result = ParseResult(format=NAME, layout="legacy" if legacy else "current", encoding=encoding)

    def groups(kind: str) -> list[dict[str, int]]:
        return [numbered[kind][n] for n in sorted(numbered.get(kind, {}))]

    email_cols = [g["value"] for g in groups("e-mail") if "value" in g]
    phone_cols = [g["value"] for g in groups("phone") if "value" in g]
    web_cols = [g["value"] for g in groups("website") if "value" in g]
    org_groups = groups("organization")
    addr_groups = groups("address")

    def col(*names: str) -> int | None:
        for n in names:
            if n in single:
                return single[n]
        return None

    c_given = col("first name", "given name")
    c_middle = col("middle name", "additional name")
    c_family = col("last name", "family name")
    c_name = col("name")
    c_prefix = col("name prefix")
    c_suffix = col("name suffix")
    c_org = col("organization name")
    c_title = col("organization title")
    c_labels = col("labels", "group membership")
    c_notes = col("notes")
    c_bday = col("birthday")

    n = 0
    for row in it:
        if row is None:
            n += 1
            row_error(result.errors, n, "malformed CSV row", rows.line)
            continue
        if not row or not "".join(row).strip():
            continue
        n += 1
        if len(row) != width:
            if len(row) > width and any(c.strip() for c in row[width:]):
                row_error(
                    result.errors, n, f"row has {len(row)} fields but the header has {width}", rows.line
                )
                continue
            row = (row + [""] * width)[:width]
        try:
            rec = _record(
                row,
                n,
                rows.line,
                c_given,
                c_middle,
                c_family,
                c_name,
                c_prefix,
                c_suffix,
                c_org,
                c_title,
                c_labels,
                c_notes,
                c_bday,
                email_cols,
                phone_cols,
                web_cols,
                org_groups,
                addr_groups,
            )
            problem = finish(rec)
        except Exception as exc:  # one bad row never stops the import
            problem = f"could not read row: {exc}"
        if problem:
            row_error(result.errors, n, problem, rows.line)
        else:
            result.records.append(rec)
    result.rows = n
    return result


def _get(row: list[str], i: int | None) -> str:
    return row[i].strip() if i is not None else ""


def _record(
    row,
    n,
    line,
    c_given,
    c_middle,
    c_family,
    c_name,
    c_prefix,
    c_suffix,
    c_org,
    c_title,
    c_labels,
    c_notes,
    c_bday,
    email_cols,
    phone_cols,
    web_cols,
    org_groups,
    addr_groups,
) -> ContactRecord:
    rec = ContactRecord(
        row=n,
        given_name=clean(_get(row, c_given)),
        additional_name=clean(_get(row, c_middle)),
        family_name=clean(_get(row, c_family)),
        display_name=clean(_get(row, c_name)),
        prefix=clean(_get(row, c_prefix)),
        suffix=clean(_get(row, c_suffix)),
        line=line,
    )
    if rec.display_name and not (rec.given_name or rec.family_name):
        rec.given_name, rec.additional_name, rec.family_name = split_name(rec.display_name)
    for i in email_cols:
        for v in split_multi(row[i]):
            e = normalize_email(v)
            if e:
                rec.emails.append(e)
    for i in phone_cols:
        rec.phones.extend(split_multi(row[i]))
    for i in web_cols:
        for v in split_multi(row[i]):
            li = normalize_linkedin_url(v)
            if li and not rec.linkedin_url:
                rec.linkedin_url = li
            elif li != rec.linkedin_url or not li:
                rec.urls.append(v)
    pairs: list[tuple[str, str]] = []
    if c_org is not None or c_title is not None:
        pairs.append((_get(row, c_org), _get(row, c_title)))
    for g in org_groups:
        pairs.append((_get(row, g.get("name")), _get(row, g.get("title"))))
    for org_cell, title_cell in pairs:
        orgs, titles = split_multi(org_cell), split_multi(title_cell)
        for k in range(max(len(orgs), len(titles))):
            org = clean(orgs[k]) if k < len(orgs) else ""
            title = clean(titles[k]) if k < len(titles) else ""
            rec.roles.append(RoleRecord(organization=org, title=title, current=True))
    if c_labels is not None:
        for raw in split_multi(row[c_labels]):
            t = _tag(raw)
            if t:
                rec.tags.append(t)
    rec.notes = _get(row, c_notes)
    rec.birthday = parse_date(_get(row, c_bday))
    for g in addr_groups:
        parts = [clean(_get(row, g.get(k))) for k in ("city", "region", "country")]
        loc = ", ".join(p for p in parts if p and ":::" not in p)
        if loc:
            rec.location = loc
            break
    return rec
