"""Organization name normalization: "eBay Inc." and "ebay" are one organization."""

import re
import unicodedata
from functools import lru_cache

from cleanco import basename as _cleanco_basename
from cleanco.clean import prepare_default_terms, strip_punct, strip_tail

_PUNCT = re.compile(r"[^\w\s&]+", re.UNICODE)
_SPACE = re.compile(r"\s+")
KEY_MAX = 300  # Organization.normalized_name's column: every key is cut the same way, on both databases


# The last word of every legal form cleanco knows, as it compares them (normalized); from the terms
# cleanco's basename already prepared at import, rather than preparing them a second time.
_TERMS = getattr(_cleanco_basename, "keywords", {}).get("terms") or prepare_default_terms()
_TERM_ENDS = frozenset(parts[-1] for _, parts in _TERMS)


def basename(name: str) -> str:
    """cleanco's basename (legal suffixes removed), without its per-term scan for the common name
    whose last word (plain ASCII) ends no legal form: nothing can be removed from it, and the
    result is the name as cleanco would rejoin it. Exact: tested against cleanco on any text."""
    trimmed = strip_tail(name)
    words = trimmed.split()
    if words and words[-1].isascii() and strip_punct(words[-1].casefold()) not in _TERM_ENDS:
        return strip_tail(" ".join(words))
    return _cleanco_basename(name)


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
    return (key or text.casefold())[:KEY_MAX]
