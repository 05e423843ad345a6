"""Reading a pasted email: who sent it, when, and the message itself."""

import re
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime

_HEADER = re.compile(r"^(from|sent|date|to|cc|subject)\s*:\s*(.*)$", re.I)
_ADDRESS = re.compile(r'^\s*"?(?P<name>[^"<]*?)"?\s*<(?P<email>[^>\s]+@[^>\s]+)>')
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINKEDIN = re.compile(r"^(?P<name>[^\n]{2,80}?) sent the following messages? at .*$", re.I)
_GREETING = re.compile(r"^(hi|hello|hey|dear|good (morning|afternoon|evening))\b[^\n]{0,40}$", re.I)
_SIGNOFF = re.compile(r"^(best|thanks|thank you|many thanks|thanks so much|cheers|regards|best regards|"
                      r"kind regards|warm regards|warmly|all the best|sincerely|talk soon)[ ,!.]*$", re.I)
_NAME = re.compile(r"^[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}$")


@dataclass
class PastedMessage:
    name: str = ""
    email: str = ""
    sent: date | None = None
    body: str = ""


def parse_message(text: str) -> PastedMessage:
    """Who sent a pasted message and what it asks: headers (From/Date), LinkedIn's "X sent the
    following message at ..." line, the greeting and the signature are taken off the body."""
    out = PastedMessage()
    lines = [x.rstrip() for x in text.replace("\r\n", "\n").split("\n")]
    while lines and (not lines[0].strip() or _HEADER.match(lines[0].strip()) or _LINKEDIN.match(lines[0].strip())):
        line = lines.pop(0).strip()
        header = _HEADER.match(line)
        if header and header.group(1).lower() == "from":
            addr = _ADDRESS.match(header.group(2))
            out.name = (addr.group("name") if addr else "").strip().strip("'\"")
            found = _EMAIL.search(header.group(2))
            out.email = found.group(0) if found else ""
            if not addr and not found:
                out.name = header.group(2).strip()
        elif header and header.group(1).lower() in ("date", "sent"):
            out.sent = _parse_date(header.group(2))
        elif _LINKEDIN.match(line):
            out.name = _LINKEDIN.match(line).group("name").strip()
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and _GREETING.match(lines[0].strip()):
        lines.pop(0)
    for i in range(len(lines) - 1, max(-1, len(lines) - 6), -1):
        if _SIGNOFF.match(lines[i].strip()):
            tail = [x.strip() for x in lines[i + 1:] if x.strip()]
            if tail and _NAME.match(tail[0]) and not out.name:
                out.name = tail[0]
            if tail and not out.email:
                found = _EMAIL.search(" ".join(tail))
                out.email = found.group(0) if found else ""
            lines = lines[: i + 1]  # keep the sign-off: "Thanks," is gratitude the coach should see
            break
    out.body = "\n".join(lines).strip()
    return out


def _parse_date(value: str) -> date | None:
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
