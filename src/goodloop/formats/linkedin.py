"""LinkedIn ``Connections.csv`` (Settings > Data privacy > Get a copy of your data).

Current layout, after an optional UTF-8 BOM and a ``Notes:`` preamble of any length::

    First Name,Last Name,URL,Email Address,Company,Position,Connected On

Older exports lack the ``URL`` column. Columns are mapped by header name.
"""

from __future__ import annotations

from ._common import CsvRows, decode_bytes, find_header, finish, paused_gc, row_error
from .normalize import clean, normalize_email, normalize_linkedin_url, parse_date
from .records import ContactRecord, ParseResult, RoleRecord

NAME = "linkedin"
WHAT = "a LinkedIn Connections.csv export"
EXPECTED = "First Name, Last Name, Company, Position, Connected On"


def matches_header(cells: list[str]) -> bool:
    s = set(cells)
    if "first name" not in s or "last name" not in s:
        return False
    if "connected on" in s:
        return True
    return "position" in s and "company" in s and ("email address" in s or "url" in s)


def parse(data: bytes | str) -> ParseResult:
    """Parse a LinkedIn Connections.csv; FormatError if it is not one."""
    with paused_gc():
        return _parse(data)


def _parse(data: bytes | str) -> ParseResult:
    text, encoding = decode_bytes(data, WHAT)
    rows = CsvRows(text)
    header, it, _ = find_header(rows, matches_header, WHAT, EXPECTED)
    idx: dict[str, int] = {}
    for i, name in enumerate(header):
        idx.setdefault(name, i)
    width = len(header)
    i_first = idx.get("first name")
    i_last = idx.get("last name")
    i_url = idx.get("url", idx.get("profile url"))
    i_email = idx.get("email address", idx.get("e-mail address"))
    i_company = idx.get("company")
    i_position = idx.get("position")
    i_connected = idx.get("connected on")

    result = ParseResult(
        format=NAME, layout="current" if i_url is not None else "legacy-no-url", encoding=encoding
    )
    records = result.records
    append = records.append
    errors = result.errors
    reader = rows.reader
    n = 0
    for row in it:
        if row is None:
            n += 1
            row_error(
                errors, n, "malformed CSV row: " + (rows.errors[-1] if rows.errors else ""), reader.line_num
            )
            continue
        if len(row) != width:
            if not "".join(row).strip():
                continue
            if len(row) > width and any(c.strip() for c in row[width:]):
                n += 1
                row_error(errors, n, f"row has {len(row)} fields but the header has {width}", reader.line_num)
                continue
            row = (row + [""] * width)[:width]
        n += 1
        try:
            given = row[i_first].strip()
            family = row[i_last].strip()
            suffix = ""
            if "," in family:
                # "Doe, MBA, PMP": LinkedIn users put credentials in the last name
                family, _, suffix = family.partition(",")
                family, suffix = family.strip(), suffix.strip()
            rec = ContactRecord(n, given, "", family, f"{given} {family}".strip(), "", suffix)
            rec.line = reader.line_num
            if i_url is not None:
                url = row[i_url]
                if url:
                    li = normalize_linkedin_url(url)
                    if li:
                        rec.linkedin_url = li
                    elif url.strip():
                        rec.urls.append(url.strip())
            if i_email is not None and row[i_email]:
                email = normalize_email(row[i_email])
                if email:
                    rec.emails.append(email)
            company = row[i_company].strip() if i_company is not None else ""
            position = row[i_position].strip() if i_position is not None else ""
            if company or position:
                rec.roles.append(RoleRecord(clean(company), clean(position), True))
            if i_connected is not None:
                rec.connected_on = parse_date(row[i_connected])
            if rec.display_name or rec.emails or rec.linkedin_url:
                append(rec)
                continue
            if not "".join(row).strip():
                n -= 1  # a blank line of empty cells
                continue
            problem = finish(rec) or "no name, email or LinkedIn URL"
        except Exception as exc:  # never let one row stop the import
            problem = f"could not read row: {exc}"
        row_error(errors, n, problem, reader.line_num)
    result.rows = n
    return result
