"""Organization name normalization: "eBay Inc." and "ebay" are one organization."""

import re
import unicodedata
from functools import lru_cache

from cleanco import basename

_PUNCT = re.compile(r"[^\w\s&]+", re.UNICODE)
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)  # cleanco is slow; imports repeat the same few thousand names
def normalize_org(name: str) -> str:
    """Return the matching key of an organization name.

    Case, accents, punctuation and legal suffixes (Inc., LLC, GmbH, Ltd ...) are
    dropped, so spellings of the same company meet on one key.
    """
    text = unicodedata.normalize("NFKC", name or "").strip()
    if not text:
        return ""
    # cleanco strips legal forms; it may return "" for a name that is only a suffix.
    stripped = basename(text) or text
    key = _PUNCT.sub(" ", stripped.casefold())
    key = _SPACE.sub(" ", key).strip()
    return key or text.casefold()
