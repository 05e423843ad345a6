"""Outlook CSV (desktop "Comma Separated Values" and Outlook.com exports).

Header (desktop; Outlook.com has a subset in another order)::

    First Name,Middle Name,Last Name,Title,Suffix,...,Company,Department,Job Title,...,
    Business Phone,...,Mobile Phone,...,E-mail Address,E-mail Type,E-mail Display Name,
    E-mail 2 Address,...,E-mail 3 Address,...,Web Page,...,Categories,...,Notes,...

Outlook's ``Title`` is the honorific (Mr., Dr.); ``Job Title`` is the role title.
Files are often cp1252. Columns are mapped by header name.
"""

from __future__ import annotations

import re

from ._common import CsvRows, decode_bytes, find_header, finish, paused_gc, row_error
from .normalize import DateOrder, clean, normalize_email, normalize_linkedin_url
from .records import ContactRecord, ParseResult, RoleRecord

NAME = "outlook"
WHAT = "an Outlook contacts CSV export"
EXPECTED = "First Name, Last Name, E-mail Address, Job Title"

_EMAIL_COL = re.compile(r"^e-mail(?: (\d+))? address$")
_PHONE_ORDER = [
    "mobile phone",
    "business phone",
    "business phone 2",
    "primary phone",
    "home phone",
    "home phone 2",
    "company main phone",
    "other phone",
    "car phone",
    "callback",
    "radio phone",
    "isdn",
    "tty/tdd phone",
]
_URL_COLS = ["web page", "personal web page", "business web page"]


def matches_header(cells: list[str]) -> bool:
    s = set(cells)
    if "first name" not in s or "last name" not in s:
        return False
    return "e-mail address" in s or "job title" in s or "business phone" in s or "mobile phone" in s


def parse(data: bytes | str) -> ParseResult:
    """Parse an Outlook contacts CSV; FormatError if it is not one."""
    with paused_gc():
        return _parse(data)


def _parse(data: bytes | str) -> ParseResult:
    text, encoding = decode_bytes(data, WHAT)
    rows = CsvRows(text)
    header, it, _ = find_header(rows, matches_header, WHAT, EXPECTED)
    width = len(header)
    idx: dict[str, int] = {}
    for i, name in enumerate(header):
        idx.setdefault(name, i)
    email_cols = sorted(
        (int(m.group(1) or 1), i) for i, name in enumerate(header) if (m := _EMAIL_COL.match(name))
    )
    phone_cols = [idx[c] for c in _PHONE_ORDER if c in idx]
    url_cols = [idx[c] for c in _URL_COLS if c in idx]
    result = ParseResult(format=NAME, layout="outlook", encoding=encoding)
    order = DateOrder()

    def get(row: list[str], name: str) -> str:
        i = idx.get(name)
        return row[i].strip() if i is not None else ""

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
            rec = ContactRecord(
                row=n,
                given_name=clean(get(row, "first name")),
                additional_name=clean(get(row, "middle name")),
                family_name=clean(get(row, "last name")),
                prefix=clean(get(row, "title")),
                suffix=clean(get(row, "suffix")),
                line=rows.line,
            )
            for _, i in email_cols:
                e = normalize_email(row[i])
                if e:
                    rec.emails.append(e)
            for i in phone_cols:
                if row[i].strip():
                    rec.phones.append(row[i].strip())
            for i in url_cols:
                v = row[i].strip()
                if not v:
                    continue
                li = normalize_linkedin_url(v)
                if li and not rec.linkedin_url:
                    rec.linkedin_url = li
                elif not li or li != rec.linkedin_url:
                    rec.urls.append(v)
            company, title = clean(get(row, "company")), clean(get(row, "job title"))
            if company or title:
                rec.roles.append(RoleRecord(organization=company, title=title, current=True,
                                            department=clean(get(row, "department"))))
            cats = get(row, "categories")
            if cats:
                rec.tags.extend(t.strip() for t in cats.split(";") if t.strip())
            rec.notes = get(row, "notes")
            rec.birthday = order.parse(get(row, "birthday"), rec, "birthday")
            for prefix in ("business", "home", "other"):
                parts = [
                    clean(get(row, f"{prefix} city")),
                    clean(get(row, f"{prefix} state")),
                    clean(get(row, f"{prefix} country") or get(row, f"{prefix} country/region")),
                ]
                loc = ", ".join(p for p in parts if p)
                if loc:
                    rec.location = loc
                    break
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
