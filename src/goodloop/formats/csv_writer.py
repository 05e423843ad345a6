"""A flat CSV of people: one header row, one row per person.

Multi-valued fields (emails, phones, urls, tags) are joined with ``"; "``.
Columns from ``ExportPerson.extra`` are appended after the fixed ones, in
first-seen order.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from .records import ExportPerson

MULTI_JOIN = "; "
COLUMNS = [
    "id",
    "display_name",
    "given_name",
    "additional_name",
    "family_name",
    "emails",
    "phones",
    "linkedin_url",
    "urls",
    "organization",
    "title",
    "tags",
    "location",
    "birthday",
    "notes",
]


def _row(p: ExportPerson) -> dict[str, str]:
    return {
        "id": "" if p.id is None else str(p.id),
        "display_name": p.display_name,
        "given_name": p.given_name,
        "additional_name": p.additional_name,
        "family_name": p.family_name,
        "emails": MULTI_JOIN.join(p.emails),
        "phones": MULTI_JOIN.join(p.phones),
        "linkedin_url": p.linkedin_url or "",
        "urls": MULTI_JOIN.join(p.urls),
        "organization": p.organization,
        "title": p.title,
        "tags": MULTI_JOIN.join(p.tags),
        "location": p.location,
        "birthday": p.birthday.isoformat() if p.birthday else "",
        "notes": p.notes,
    }


def write_csv(people: Iterable[ExportPerson]) -> str:
    """CSV text (CRLF line endings, as RFC 4180 and spreadsheets expect)."""
    people = list(people)
    extra: list[str] = []
    for p in people:
        for key in p.extra:
            if key not in extra and key not in COLUMNS:
                extra.append(key)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS + extra, lineterminator="\r\n")
    writer.writeheader()
    for p in people:
        row = _row(p)
        for key in extra:
            value = p.extra.get(key)
            row[key] = "" if value is None else str(value)
        writer.writerow(row)
    return buf.getvalue()
