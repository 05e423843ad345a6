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
from .normalize import DateOrder, clean, normalize_email, normalize_linkedin_url, split_name
from .records import ContactRecord, ParseResult, RoleRecord, address_location

NAME = "google"
WHAT = "a Google Contacts CSV export"
EXPECTED = "First Name/Last Name or Given Name/Family Name and E-mail 1 - Value"

_NUMBERED = re.compile(r"^([a-z][a-z -]*?) (\d+) - (.+)$")
_NEUTRALISED = ("=", "+", "-", "@", "\t", "\r")
_ADDRESS = {"street": "street", "city": "locality", "po box": "po_box", "region": "region",
            "postal code": "postcode", "country": "country", "extended address": "extended"}


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
    order = DateOrder()
    result = ParseResult(format=NAME, layout="legacy" if legacy else "current", encoding=encoding)

    def groups(kind: str) -> list[dict[str, int]]:
        return [numbered[kind][n] for n in sorted(numbered.get(kind, {}))]

    # (value column, label column or None); the label is Google's "Label" (current) or "Type" (legacy)
    email_cols = [(g["value"], g.get("label", g.get("type"))) for g in groups("e-mail") if "value" in g]
    phone_cols = [(g["value"], g.get("label", g.get("type"))) for g in groups("phone") if "value" in g]
    web_cols = [(g["value"], g.get("label", g.get("type"))) for g in groups("website") if "value" in g]
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
    c_name = col("name", "file as")
    c_prefix = col("name prefix")
    c_suffix = col("name suffix")
    c_org = col("organization name")
    c_title = col("organization title")
    c_dept = col("organization department")
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
        if any(c[:1] == "'" for c in row):  # an apostrophe our CSV export put before a would-be formula
            row = [c[1:] if c[:1] == "'" and c[1:2] in _NEUTRALISED else c for c in row]
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
                (c_title, c_dept),
                c_labels,
                c_notes,
                c_bday,
                email_cols,
                phone_cols,
                web_cols,
                org_groups,
                addr_groups,
                order,
            )
            problem = finish(rec)
        except Exception as exc:  # one bad row never stops the import
            problem = f"could not read row: {exc}"
        if problem:
            row_error(result.errors, n, problem, rows.line)
        else:
            result.records.append(rec)
    order.finish()
    result.rows = n
    return result


def _get(row: list[str], i: int | None) -> str:
    return row[i].strip() if i is not None else ""


def _labelled(row: list[str], cols) -> list[tuple[str, str]]:
    """(value, label) pairs of numbered value/label columns; several values in one cell share its label."""
    out = []
    for value_col, label_col in cols:
        label = _get(row, label_col).lstrip("* ").strip().lower()
        out += [(v, label) for v in split_multi(row[value_col])]
    return out


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
    c_title_dept,
    c_labels,
    c_notes,
    c_bday,
    email_cols,
    phone_cols,
    web_cols,
    org_groups,
    addr_groups,
    order,
) -> ContactRecord:
    c_title, c_dept = c_title_dept
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
    labels = rec.labels
    for v, label in _labelled(row, email_cols):
        e = normalize_email(v)
        if e:
            rec.emails.append(e)
            if label:
                labels.setdefault(e, label)
    for v, label in _labelled(row, phone_cols):
        rec.phones.append(v)
        if label:
            labels.setdefault(v, label)
    for v, label in _labelled(row, web_cols):
        li = normalize_linkedin_url(v)
        if li and not rec.linkedin_url:
            rec.linkedin_url = li
        elif li != rec.linkedin_url or not li:
            rec.urls.append(v)
            if label:
                labels.setdefault(v, label)
    pairs: list[tuple[str, str, str]] = []
    if c_org is not None or c_title is not None:
        pairs.append((_get(row, c_org), _get(row, c_title), _get(row, c_dept)))
    for g in org_groups:
        pairs.append((_get(row, g.get("name")), _get(row, g.get("title")), _get(row, g.get("department"))))
    for org_cell, title_cell, dept_cell in pairs:
        orgs, titles, depts = split_multi(org_cell), split_multi(title_cell), split_multi(dept_cell)
        for k in range(max(len(orgs), len(titles))):
            org = clean(orgs[k]) if k < len(orgs) else ""
            title = clean(titles[k]) if k < len(titles) else ""
            dept = clean(depts[k]) if k < len(depts) else ""
            rec.roles.append(RoleRecord(organization=org, title=title, current=True, department=dept))
    if c_labels is not None:
        for raw in split_multi(row[c_labels]):
            t = _tag(raw)
            if t:
                rec.tags.append(t)
    rec.notes = _get(row, c_notes)
    rec.birthday = order.parse(_get(row, c_bday), rec, "birthday")
    for g in addr_groups:
        address = {key: clean(_get(row, g.get(col))) for col, key in _ADDRESS.items()}
        address = {k: v for k, v in address.items() if v and ":::" not in v}
        if not address:
            continue
        label = _get(row, g.get("label", g.get("type"))).lstrip("* ").strip().lower()
        rec.addresses.append({"label": label, **address} if label else address)
        rec.location = rec.location or address_location(address)
    return rec
