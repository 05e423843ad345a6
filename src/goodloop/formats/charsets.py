"""The character set of a contacts file that is neither UTF-8 nor UTF-16 and names none (old
phones and Outlook wrote the machine's code page: cp1251 for Russian, cp1253 Greek, cp1255
Hebrew, Shift_JIS Japanese, …). Decoding it as cp1252 regardless gave mojibake.

Names are short, too short for a statistical detector alone (charset-normalizer reads a few
Cyrillic names as Korean), so the single-byte code pages are judged by how the decoded words
look: letters only, one script per word, a sensible case (Ivanov, ivanov, IVANOV — not iVAnov),
a vowel in every longer word of an alphabet that writes vowels. charset-normalizer decides
between the multi-byte East Asian encodings, where it is reliable.
"""

import re
import unicodedata

# Order breaks ties: Hebrew and Arabic names have no case, so their bytes read as Greek lowercase
# words score alike; Greek names start with a capital, which cp1255 and cp1256 cannot show.
SINGLE_BYTE = ("cp1252", "cp1250", "cp1251", "cp1255", "cp1256", "cp1253", "cp1254", "cp1257", "koi8_r")
MULTI_BYTE = {"cp932", "shift_jis", "euc_jp", "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp949", "euc_kr",
              "cp950"}
VOWELS = set("aeiouyáàâäãåæéèêëíìîïóòôöõøúùûüýÿœąęėįųūаеёиоуыэюяіїєєαεηιουωάέήίόύώ")
_WORD = re.compile(r"[^\s;:,.=/\\\"'()<>\[\]{}@+\-_0-9!?&*#%|~`^$]+")


def _script(ch: str) -> str:
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def _word_score(word: str) -> int:
    if not all(unicodedata.category(c).startswith("L") for c in word):
        return -3  # a symbol inside a word: ±, ¸, ð-like debris of a wrong code page
    scripts = {_script(c) for c in word}
    if len(scripts) > 1:
        return -2
    script = scripts.pop()
    if script in ("LATIN", "CYRILLIC", "GREEK"):
        if not (word.islower() or word.isupper() or word.istitle()):
            return -2
        if script == "LATIN" and sum(not c.isascii() for c in word) * 2 > len(word):
            return -2  # Latin names carry a few accents, not a word of them: another alphabet misread
        if len(word) >= 3 and not any(c.lower() in VOWELS for c in word):
            return -1
    return 1


def _score(text: str) -> int:
    return sum(_word_score(w) for w in _WORD.findall(text) if not w.isascii())


def guess(data: bytes) -> tuple[str, str]:
    """(text, encoding) for bytes that are not UTF-8; cp1252 when nothing fits better."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
    except Exception:  # noqa: BLE001 — detection is a help; the code pages below still decide
        best = None
    candidates = list(SINGLE_BYTE)
    if best is not None and best.encoding in MULTI_BYTE:
        candidates.append(best.encoding)  # judged like the others: it reads a few Polish names as Japanese
    sample = b"\n".join(line for line in data[:200_000].splitlines() if max(line, default=0) > 127)
    scored = []
    for rank, encoding in enumerate(candidates):
        try:
            scored.append((_score(sample.decode(encoding)), -rank, encoding))
        except UnicodeDecodeError:
            continue
    for _, _, encoding in sorted(scored, reverse=True):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:  # the sample decoded, a later line does not
            continue
    return data.decode("latin-1"), "latin-1"


def warning(encoding: str) -> str:
    """What an import report says about a file read in a guessed code page ("" for Unicode)."""
    if encoding in ("utf-8", "utf-16", "text", ""):
        return ""
    return (f"the file is not UTF-8 and does not say which character set it uses: it was read as {encoding}, "
            "the best fit; if names look wrong, save the file as UTF-8 and import it again")
