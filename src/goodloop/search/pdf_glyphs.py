"""Text for a PDF font: a character the font cannot draw becomes a visible mark and is
reported, never silently dropped (CJK text and most emoji are outside DejaVu Sans, and the
built-in Helvetica is Latin-1 only)."""

import unicodedata
from functools import lru_cache
from pathlib import Path

MARK = "\u25a1"  # □, where the font has it
INVISIBLE = {"Mn", "Me", "Cf"}  # combining marks, variation selectors, joiners: nothing to show alone
PUNCTUATION = {"\u2014": "-", "\u2013": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
               "\u2026": "..."}


@lru_cache(maxsize=4)
def _codepoints(font: str | None) -> frozenset[int]:
    if font is None:
        return frozenset(range(0x20, 0x7F)) | frozenset(range(0xA0, 0x100))  # Helvetica: Latin-1
    from fontTools.ttLib import TTFont  # fpdf2's own dependency

    return frozenset(TTFont(font, lazy=True).getBestCmap())


class Glyphs:
    """What one font can draw; `clean` maps text onto it and remembers what it could not."""

    def __init__(self, font: Path | None):
        self.codepoints = _codepoints(str(font) if font else None)
        self.mark = MARK if ord(MARK) in self.codepoints else "?"
        self.missing: list[str] = []  # in order of first appearance

    def _has(self, text: str) -> bool:
        return all(ord(c) in self.codepoints or c in "\n\t" for c in text)

    def clean(self, text: str) -> str:
        out = []
        for ch in text:
            if self._has(ch):
                out.append(ch)
                continue
            folded = PUNCTUATION.get(ch) or "".join(
                c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            if folded and folded != ch and self._has(folded):
                out.append(folded)  # é -> e in Latin-1 only, — -> -
            elif unicodedata.category(ch) in INVISIBLE:
                continue
            else:
                out.append(self.mark)
                if ch not in self.missing:
                    self.missing.append(ch)
        return "".join(out)

    def warning(self) -> str:
        """"" when every character was drawn; else one line naming the ones shown as the mark."""
        if not self.missing:
            return ""
        shown = "".join(self.missing[:20]) + ("…" if len(self.missing) > 20 else "")
        return (f"the PDF's font cannot draw {len(self.missing)} of the brief's characters ({shown}): they appear "
                f"as {self.mark}; the HTML and Markdown versions show them")
