"""Normalization helpers used by the parsers and by the importer for matching."""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import unquote

import phonenumbers

_EMAIL_RE = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+$")
_LINKEDIN_RE = re.compile(
    r"^(?:https?://)?(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com/(?:m/)?in/([^/?#\s]+)(?:[/?#]|$)", re.IGNORECASE
)
_WS_RE = re.compile(r"\s+")
_SPACES_RE = re.compile(r"[ \t\xa0]+")
_LI_PREFIX = "https://www.linkedin.com/in/"
_LI_LEN = len(_LI_PREFIX)
_LI_SLUG_OK = re.compile(r"[A-Za-z0-9_\-]+").fullmatch

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}


def clean(value: object) -> str:
    """Strip a cell and collapse internal whitespace runs (not newlines) to one space."""
    if value is None:
        return ""
    s = str(value).strip()
    if "  " in s or "\t" in s or "\xa0" in s:
        s = _SPACES_RE.sub(" ", s)
    return s


def normalize_email(raw: str | None) -> str | None:
    """Lowercase and strip an email (and a ``mailto:`` prefix); None if it is not an address."""
    if not raw:
        return None
    s = raw.strip().strip("<>").strip()
    if s[:7].lower() == "mailto:":
        s = s[7:].strip()
    s = s.lower()
    if not _EMAIL_RE.match(s) or s.startswith("@") or s.endswith("@") or "." not in s.rsplit("@", 1)[1]:
        return None
    return s


def normalize_phone(raw: str | None, region: str = "US") -> str | None:
    """E.164 form of a phone number (``+14155550123``), or None if it is not a possible number."""
    if not raw:
        return None
    s = raw.strip()
    if s[:4].lower() == "tel:":
        s = s[4:]
    if not s or len(s) > 64:
        return None
    if s.startswith("00"):
        s = "+" + s[2:]
    try:
        num = phonenumbers.parse(s, region or None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(num):
        return None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


def normalize_linkedin_url(raw: str | None) -> str | None:
    """``https://www.linkedin.com/in/<slug>`` (lowercase, no query or trailing slash), or None."""
    if not raw:
        return None
    if raw.startswith(_LI_PREFIX):
        # fast path for the canonical form found in every LinkedIn export
        slug = raw[_LI_LEN:].strip()
        if slug.endswith("/"):
            slug = slug.rstrip("/")
        if _LI_SLUG_OK(slug):
            return _LI_PREFIX + slug.lower()
    m = _LINKEDIN_RE.match(raw.strip())
    if not m:
        return None
    slug = m.group(1)
    if "%" in slug:
        slug = unquote(slug).strip()
        if not slug or any(c.isspace() for c in slug):
            return None
    slug = slug.lower()
    return "https://www.linkedin.com/in/" + slug


def is_linkedin_url(raw: str | None) -> bool:
    return normalize_linkedin_url(raw) is not None


def fold_text(s: str) -> str:
    """Casefold, strip accents and collapse whitespace: a key for comparing names."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return _WS_RE.sub(" ", s.casefold()).strip()


@lru_cache(maxsize=8192)
def parse_date(raw: str | None, dayfirst: bool = False) -> date | None:
    """Parse the date formats seen in contact exports; None when empty or unparseable.

    Handles ``12 Mar 2024``, ``Mar 12, 2024``, ``2024-03-12``, ``20240312``,
    ``2024-03-12T00:00:00Z``, US ``03/12/24`` and ``3/12/2024``, ``12-Mar-24``.
    Year-less dates (``--03-12``) and Outlook's ``0/0/00`` give None. ``dayfirst`` reads
    ``12/03/24`` as 12 March (see DateOrder: a file's own unambiguous dates decide).
    """
    if not raw:
        return None
    s = raw.strip()
    if not s or s.startswith("--") or len(s) > 40:
        return None
    try:
        parts = s.replace(",", " ").split()
        if len(parts) == 3 and parts[0].isdigit() and parts[1][:3].lower() in _MONTHS and parts[2].isdigit():
            return _mkdate(int(parts[2]), _month(parts[1]), int(parts[0]))
        if len(parts) == 3 and parts[1].isdigit() and parts[0][:3].lower() in _MONTHS and parts[2].isdigit():
            return _mkdate(int(parts[2]), _month(parts[0]), int(parts[1]))
        if "T" in s:
            s = s.split("T", 1)[0]
        if len(s) == 8 and s.isdigit():
            return _mkdate(int(s[:4]), int(s[4:6]), int(s[6:]))
        if "-" in s:
            p = s.split("-")
            if len(p) == 3 and len(p[0]) == 4 and p[1].isdigit() and p[2].isdigit():
                return _mkdate(int(p[0]), int(p[1]), int(p[2]))
            if len(p) == 3 and p[0].isdigit() and p[1][:3].lower() in _MONTHS and p[2].isdigit():
                return _mkdate(_year(p[2]), _month(p[1]), int(p[0]))
        if "/" in s:
            p = s.split("/")
            if len(p) == 3 and all(x.isdigit() for x in p):
                if len(p[0]) == 4:
                    return _mkdate(int(p[0]), int(p[1]), int(p[2]))
                if dayfirst:
                    return _mkdate(_year(p[2]), int(p[1]), int(p[0]))
                return _mkdate(_year(p[2]), int(p[0]), int(p[1]))
        if "." in s:
            p = s.split(".")
            if len(p) == 3 and all(x.isdigit() for x in p) and len(p[2]) == 4:
                return _mkdate(int(p[2]), int(p[1]), int(p[0]))
    except (ValueError, KeyError, OverflowError):
        return None
    return None


def _month(tok: str) -> int:
    t = tok.lower().rstrip(".")
    return _MONTHS.get(t) or _MONTHS[t[:3]]


def _year(y: str) -> int:
    n = int(y)
    if len(y) <= 2:
        # two-digit years: 00-69 -> 2000s, 70-99 -> 1900s (like strptime's %y)
        n += 2000 if n < 70 else 1900
    return n


def _mkdate(y: int, m: int, d: int) -> date | None:
    if y == 0 or m == 0 or d == 0:
        return None
    if y < 1000:
        return None
    return date(y, m, d)


def parse_datetime_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date(str(value)) if value else None


_NAME_PREFIXES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "mx",
    "sir",
    "rev",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "prof.",
}


def split_name(full: str) -> tuple[str, str, str]:
    """Split a display name into (given, additional, family).

    Fast path for the common "Given Family" / "Given Middle Family" shapes; uses
    nameparser for anything with commas, titles or more parts.
    """
    s = clean(full)
    if not s:
        return "", "", ""
    parts = s.split(" ")
    if "," not in s and "(" not in s and parts[0].lower() not in _NAME_PREFIXES:
        if len(parts) == 1:
            return parts[0], "", ""
        if len(parts) == 2:
            return parts[0], "", parts[1]
    try:
        from nameparser import HumanName

        hn = HumanName(s)
        given, middle, last = hn.first, hn.middle, hn.last
        if given or last:
            return given, middle, last
    except Exception:  # nameparser is a best-effort helper here
        pass
    return parts[0], " ".join(parts[1:-1]), parts[-1] if len(parts) > 1 else ""


def dedupe(values: list[str], key=None) -> list[str]:
    """Drop empty values and duplicates (by ``key``), keeping the first spelling and order."""
    seen: set = set()
    out: list[str] = []
    for v in values:
        if not v:
            continue
        k = key(v) if key else v
        if k in seen:
            continue
        seen.add(k)
        out.append(v)
    return out


# A card UID that is not a UUID (Apple's "…:ABPerson", Google's hex ids) maps to one in this namespace,
# the same every time, so re-importing the card finds the person it made.
_UID_NAMESPACE = uuid.UUID("0b5e7c52-6a43-4c1e-9f1d-6d2c3a9e4b10")


def normalize_uid(raw: str | None) -> str:
    """A card's UID as a lowercase UUID string (``urn:uuid:`` dropped); ``""`` when empty."""
    s = (raw or "").strip()
    if s[:9].lower() == "urn:uuid:":
        s = s[9:].strip()
    if not s:
        return ""
    try:
        return str(uuid.UUID(s))
    except ValueError:
        return str(uuid.uuid5(_UID_NAMESPACE, s))


def slash_order(raw: str) -> str | None:
    """How a ``a/b/y`` date reads: ``"dmy"`` when ``a`` can only be a day, ``"mdy"`` when ``b`` can
    only be, ``""`` when either could be; None for any other date."""
    p = raw.strip().split("/")
    if len(p) != 3 or not all(x.isdigit() for x in p) or len(p[0]) == 4:
        return None
    a, b = int(p[0]), int(p[1])
    if a > 12 >= b:
        return "dmy"
    if b > 12 >= a:
        return "mdy"
    return ""


class DateOrder:
    """Day/month order of one file's slash dates, decided by the file itself: ``25/03/2024`` says
    day first, ``03/25/2024`` month first; the ambiguous ones (``03/04/2024``) are read month first
    (the US exports' order) and read again day first at ``finish`` if the file's unambiguous dates
    say so (more day-first than month-first ones)."""

    __slots__ = ("dayfirst", "monthfirst", "pending")

    def __init__(self):
        self.dayfirst = self.monthfirst = 0
        self.pending: list = []  # (raw, object, attribute) of the ambiguous dates

    def parse(self, raw: str, obj, attr: str) -> date | None:
        """The date of `raw` for ``obj.attr`` (set again by `finish` if the order turns out day first)."""
        order = slash_order(raw) if "/" in raw else None
        if order == "dmy":
            self.dayfirst += 1
            return parse_date(raw, True)
        if order == "mdy":
            self.monthfirst += 1
        elif order == "":
            self.pending.append((raw, obj, attr))
        return parse_date(raw)

    def finish(self) -> None:
        if self.dayfirst > self.monthfirst:
            for raw, obj, attr in self.pending:
                setattr(obj, attr, parse_date(raw, True))
