"""People as a CSV in Google Contacts' layout (the headers of its import template), which Google,
Outlook.com, most spreadsheets and `goodloop import` read back.

Numbered groups (``E-mail 1 - Label``, ``E-mail 1 - Value``, ...) repeat as many times as the person
with the most emails (phones, addresses, websites) needs; several tags share the ``Labels`` cell,
joined by `` ::: `` as Google does. goodloop's own fields (tier, trust stage, connected on) go in
``Custom Field N`` columns. A cell that a spreadsheet would run as a formula (it starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading apostrophe, except plain
numbers and phone numbers, which cannot call anything (OWASP's CSV injection advice);
``neutralised`` says how, and the Google reader takes the apostrophe off again.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from .records import ExportPerson

MULTI_JOIN = " ::: "
HEAD = ["First Name", "Middle Name", "Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As",
        "Organization Name", "Organization Title", "Organization Department", "Birthday", "Notes", "Labels"]
_GROUPS = {
    "E-mail": ("Label", "Value"),
    "Phone": ("Label", "Value"),
    "Address": ("Label", "Formatted", "Street", "City", "PO Box", "Region", "Postal Code", "Country",
                "Extended Address"),
    "Website": ("Label", "Value"),
    "Custom Field": ("Label", "Value"),
}
_ADDRESS_KEYS = {"Street": "street", "City": "locality", "PO Box": "po_box", "Region": "region",
                 "Postal Code": "postcode", "Country": "country", "Extended Address": "extended"}
_RISKY = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[\d\s().,/-]*\d[\d\s().-]*").fullmatch
EXTRA_LABELS = {"tier": "goodloop tier", "trust_stage": "goodloop trust stage", "connected_on": "connected on"}


def neutralised(cell: str) -> str:
    """The cell, made inert for spreadsheets: an apostrophe before a would-be formula."""
    if cell[:1] in _RISKY and not _PLAIN_NUMBER(cell):
        return "'" + cell
    return cell


def _label(label: str) -> str:
    return label[:1].upper() + label[1:] if label else ""


def _groups(p: ExportPerson) -> dict[str, list[dict[str, str]]]:
    websites = ([{"Label": "LinkedIn", "Value": p.linkedin_url}] if p.linkedin_url else []) + [
        {"Label": _label(p.labels.get(u, "")), "Value": u} for u in p.urls]
    addresses = []
    for a in p.addresses or ([{"locality": p.location}] if p.location else []):
        row = {col: a.get(key, "") for col, key in _ADDRESS_KEYS.items()}
        row["Label"] = _label(a.get("label", ""))
        addresses.append(row)
    return {
        "E-mail": [{"Label": _label(p.labels.get(e, "")), "Value": e} for e in p.emails],
        "Phone": [{"Label": _label(p.labels.get(x, "")), "Value": x} for x in p.phones],
        "Address": addresses,
        "Website": websites,
        "Custom Field": [{"Label": EXTRA_LABELS.get(k, k), "Value": str(v)} for k, v in p.extra.items() if v],
    }


def _row(p: ExportPerson, groups: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    role = next((r for r in p.roles if r.current and (r.organization or r.title)), None)
    row = {
        "First Name": p.given_name, "Middle Name": p.additional_name, "Last Name": p.family_name,
        "Name Prefix": p.prefix, "Name Suffix": p.suffix,
        # a name that is not given + family (an email, a company) is kept whole
        "File As": p.display_name if p.display_name != " ".join(
            x for x in (p.given_name, p.additional_name, p.family_name) if x) else "",
        "Organization Name": role.organization if role else "", "Organization Title": role.title if role else "",
        "Organization Department": role.department if role else "",
        "Birthday": p.birthday.isoformat() if p.birthday else "", "Notes": p.notes,
        "Labels": MULTI_JOIN.join([*p.tags, "* myContacts"]),
    }
    for kind, items in groups.items():
        for n, item in enumerate(items, 1):
            for part, value in item.items():
                row[f"{kind} {n} - {part}"] = value
    return row


def write_csv(people: Iterable[ExportPerson]) -> str:
    """CSV text in Google Contacts' layout (CRLF line endings, as RFC 4180 and spreadsheets expect)."""
    people = list(people)
    grouped = [_groups(p) for p in people]
    header = list(HEAD)
    for kind, parts in _GROUPS.items():
        for n in range(1, max((len(g[kind]) for g in grouped), default=0) + 1):
            header += [f"{kind} {n} - {part}" for part in parts]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for p, groups in zip(people, grouped, strict=True):
        row = _row(p, groups)
        writer.writerow([neutralised(row.get(col, "")) for col in header])
    return buf.getvalue()
