"""The keys import records are matched on (DESIGN.md section 6): email, LinkedIn URL, phone
(E.164 when it parses), normalized name and organization, and a content fingerprint for
records that carry no certain key. Pure functions; services/matching.py uses them.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from anyascii import anyascii

from goodloop.core.orgnames import normalize_org
from goodloop.formats.normalize import fold_text, normalize_phone
from goodloop.network.people import contact_key

EMAIL, PHONE, URL = "email", "phone", "url"
LI_PREFIX = "https://www.linkedin.com/in/"


def name_key(name: str) -> str:
    """A name for comparing: casefolded, spaces collapsed, and folded to ASCII by anyascii, so
    "Łukasz" (whose Ł no accent-stripping removes), "Lukasz" and "ŁUKASZ" are one name."""
    if name.isascii():
        return " ".join(name.casefold().split())
    return fold_text(anyascii(name))


_WORD = re.compile(r"\w+")


def name_words(name: str) -> frozenset:
    """The words of a name, folded; none for a stand-in label (an email or a phone number)."""
    if "@" in name or not any(c.isalpha() for c in name):
        return frozenset()
    return frozenset(_WORD.findall(name_key(name)))


def names_agree(a: str, b: str) -> bool:
    """Can two names be one person's? The same words, one name's words within the other's
    ("Ada" / "Ada King Lovelace"), or no name on one side; anything else differs."""
    wa, wb = name_words(a), name_words(b)
    return not wa or not wb or wa <= wb or wb <= wa


@lru_cache(maxsize=65536)
def phone_key(raw: str) -> str:
    """The matching key of a phone: E.164 when it parses, else its digits."""
    return normalize_phone(raw) or contact_key(PHONE, raw)


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    return normalize_org(name)


def li_key(url: str) -> str:
    if url.startswith(LI_PREFIX):
        return "linkedin.com/in/" + url[len(LI_PREFIX):]
    return contact_key(URL, url)


def fingerprint(rec) -> str:
    """A stable hash of a record's content (used for records with no certain key)."""
    parts = (rec.display_name, rec.given_name, rec.additional_name, rec.family_name,
             tuple((r.organization, r.title, r.current) for r in rec.roles), tuple(rec.urls),
             tuple(rec.tags), rec.notes, rec.location, str(rec.connected_on or ""))
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
