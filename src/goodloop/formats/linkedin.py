"""LinkedIn ``Connections.csv`` (Settings > Data privacy > Get a copy of your data).

Current layout, after an optional UTF-8 BOM and a ``Notes:`` preamble of any length::

    First Name,Last Name,URL,Email Address,Company,Position,Connected On

Older exports lack the ``URL`` column. Columns are mapped by header name.
"""

from __future__ import annotations

import csv
from operator import itemgetter

from ._common import MAX_MALFORMED, CsvRows, decode_bytes, find_header, finish, lines, paused_gc, row_error
from .normalize import DateOrder, clean, normalize_email, normalize_linkedin_url, parse_date
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
    header, _, _ = find_header(rows, matches_header, WHAT, EXPECTED)
    idx: dict[str, int] = {}
    for i, name in enumerate(header):
        idx.setdefault(name, i)
    width = len(header)
    i_url = idx.get("url", idx.get("profile url"))
    columns = (idx["first name"], idx["last name"], i_url, idx.get("email address", idx.get("e-mail address")),
               idx.get("company"), idx.get("position"), idx.get("connected on"))
    # One C call takes a row's seven cells; a missing column reads the "" appended at `width`.
    pad = None in columns
    pick = itemgetter(*(width if i is None else i for i in columns))

    result = ParseResult(
        format=NAME, layout="current" if i_url is not None else "legacy-no-url", encoding=encoding
    )
    records = result.records
    append = records.append
    errors = result.errors
    reader = rows.reader  # read directly: find_header's iterator has stopped right after the header
    base = 0  # physical lines before the current reader's first (a malformed row restarts the reader)
    prev = reader.line_num  # the line the last row ended on
    physical: list[str] | None = None
    n = 0
    failures = 0
    dates: dict = {}  # an export has a few thousand distinct dates
    order = DateOrder()
    while True:
        restart = False
        try:
            for row in reader:
                line = reader.line_num
                if line - prev > 1:
                    # one row over several lines: LinkedIn writes none, so a quote opened here is never
                    # closed and swallowed the lines after it. Report the row, read them again.
                    start = base + prev + 1
                    n += 1
                    row_error(errors, n, "malformed row: a quote opened on this line is never closed", start)
                    if physical is None:
                        physical = list(lines(text, len(text)))  # split as csv counts lines
                    base, prev = start, 0
                    reader = csv.reader(iter(physical[start:]), strict=False, delimiter=rows.delimiter)
                    restart = True
                    break
                prev = line
                if len(row) != width:
                    if not "".join(row).strip():
                        continue
                    if len(row) > width and any(c.strip() for c in row[width:]):
                        n += 1
                        row_error(errors, n, f"row has {len(row)} fields but the header has {width}",
                                  base + reader.line_num)
                        continue
                    row = (row + [""] * width)[:width]
                if pad:
                    row.append("")
                n += 1
                try:
                    first, last, url, email, company, position, connected = pick(row)
                    given = first.strip()
                    family = last.strip()
                    suffix = ""
                    if "," in family:
                        # "Doe, MBA, PMP": LinkedIn users put credentials in the last name
                        family, _, suffix = family.partition(",")
                        family, suffix = family.strip(), suffix.strip()
                    rec = ContactRecord(n, given, "", family, f"{given} {family}".strip() if family else given,
                                        "", suffix)
                    rec.line = base + reader.line_num
                    li = None
                    if url:
                        li = normalize_linkedin_url(url)
                        if li is not None:
                            rec.linkedin_url = li
                        elif url.strip():
                            rec.urls.append(url.strip())
                    email = normalize_email(email) if email else None
                    if email:
                        rec.emails.append(email)
                    if company or position:
                        company, position = clean(company), clean(position)
                        if company or position:
                            rec.roles.append(RoleRecord(company, position, True))
                    if connected:
                        day = dates.get(connected, dates)
                        if day is dates:
                            if "/" in connected:  # 12/03/2024: the file's unambiguous dates decide
                                day = order.parse(connected, rec, "connected_on")
                            else:
                                day = dates[connected] = parse_date(connected)
                        rec.connected_on = day
                    if rec.display_name or email or li:
                        append(rec)
                        continue
                    if not "".join(row).strip():
                        n -= 1  # a blank line of empty cells
                        continue
                    problem = finish(rec) or "no name, email or LinkedIn URL"
                except Exception as exc:  # never let one row stop the import
                    problem = f"could not read row: {exc}"
                row_error(errors, n, problem, base + reader.line_num)
            if not restart:
                break
        except csv.Error as exc:
            failures += 1
            if failures > MAX_MALFORMED:
                break
            n += 1
            row_error(errors, n, f"malformed CSV row: {exc}", base + reader.line_num)
            prev = reader.line_num
    order.finish()
    result.rows = n
    return result
