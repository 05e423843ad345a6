"""Plain dataclasses shared by the parsers and the writers.

Nothing here knows about Django or the database: parsers turn bytes into
``ContactRecord`` objects, writers turn ``ExportPerson`` / ``ExportLoop`` objects
into bytes or text. The services layer maps models to and from these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


class FormatError(Exception):
    """The input is not the claimed format, or not a contacts file at all.

    ``str(err)`` is a clean one-line message suitable for a CLI or a web page.
    """

    def __init__(self, message: str):
        super().__init__(" ".join(str(message).split()))


@dataclass(slots=True)
class RoleRecord:
    organization: str = ""
    title: str = ""
    current: bool = True
    department: str = ""


# The parts of a postal address, in vCard ADR order; an address is a dict of these plus ``label``
# (home, work ...), empty parts left out.
ADDRESS_PARTS = ("po_box", "extended", "street", "locality", "region", "postcode", "country")


def address_location(address: dict) -> str:
    """The short "city, region, country" of an address, as lists show a person's location."""
    return ", ".join(address[k] for k in ("locality", "region", "country") if address.get(k))


@dataclass(slots=True)
class ContactRecord:
    """One contact read from a file.

    ``row`` is the 1-based number of the data record in the source (the first
    data row after a CSV header is 1; the first card of a vCard file is 1).
    ``line`` is the 1-based physical line of the file where it starts, for
    pointing a user at it in an editor. Strings are ``""`` when absent.
    Emails are normalized (stripped, lowercased); phones are kept as written
    (use ``normalize.normalize_phone`` to match them). ``linkedin_url`` is
    normalized to ``https://www.linkedin.com/in/<slug>`` and is not repeated
    in ``urls``.
    """

    row: int
    given_name: str = ""
    additional_name: str = ""
    family_name: str = ""
    display_name: str = ""
    prefix: str = ""
    suffix: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    linkedin_url: str | None = None
    roles: list[RoleRecord] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    location: str = ""
    birthday: date | None = None
    connected_on: date | None = None
    photo: bytes | None = None
    line: int | None = None
    uid: str = ""  # the card's UID as a UUID string (see normalize.normalize_uid), or ""
    labels: dict[str, str] = field(default_factory=dict)  # email/phone/url value -> its type (work, cell ...)
    addresses: list[dict] = field(default_factory=list)  # see ADDRESS_PARTS
    related: list[str] = field(default_factory=list)  # UIDs of related people (vCard RELATED)

    @property
    def organization(self) -> str:
        """The organization of the first current role, or ``""``."""
        for role in self.roles:
            if role.current and role.organization:
                return role.organization
        return ""

    @property
    def title(self) -> str:
        """The title of the first current role, or ``""``."""
        for role in self.roles:
            if role.current and role.title:
                return role.title
        return ""

    @property
    def has_name(self) -> bool:
        return bool(self.display_name or self.given_name or self.family_name)

    @property
    def best_name(self) -> str:
        """A label for display: the name, else an email, organization, phone or profile."""
        if self.display_name:
            return self.display_name
        name = " ".join(p for p in (self.given_name, self.additional_name, self.family_name) if p)
        if name:
            return name
        if self.emails:
            return self.emails[0]
        if self.organization:
            return self.organization
        if self.phones:
            return self.phones[0]
        if self.linkedin_url:
            return self.linkedin_url.rsplit("/", 1)[-1]
        return ""


@dataclass(slots=True)
class RowError:
    row: int
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


@dataclass(slots=True)
class ParseResult:
    format: str
    records: list[ContactRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0
    layout: str = ""
    encoding: str = ""


# --------------------------------------------------------------------------- writers


@dataclass(slots=True)
class ExportRelated:
    """A vCard RELATED entry, e.g. the person who introduced us.

    Give ``uid`` (written as ``urn:uuid:<uid>``) for a person in the export, or
    ``text`` for free text. ``type`` is an RFC 6350 RELATED type (``contact``,
    ``acquaintance``, ``friend``, ``met``, ``co-worker``, ``colleague`` ...).
    """

    type: str = "contact"
    uid: str | None = None
    text: str | None = None


@dataclass(slots=True)
class ExportPerson:
    id: int | str | None = None
    uid: str | None = None  # stable UUID string for vCard UID / RELATED references
    given_name: str = ""
    additional_name: str = ""
    family_name: str = ""
    display_name: str = ""
    prefix: str = ""
    suffix: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    linkedin_url: str | None = None
    roles: list[RoleRecord] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    location: str = ""
    birthday: date | None = None
    related: list[ExportRelated] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # extra CSV columns, e.g. tier
    labels: dict[str, str] = field(default_factory=dict)  # email/phone/url value -> its type (work, cell ...)
    addresses: list[dict] = field(default_factory=list)  # see ADDRESS_PARTS

    @property
    def organization(self) -> str:
        for role in self.roles:
            if role.current and role.organization:
                return role.organization
        return ""

    @property
    def title(self) -> str:
        for role in self.roles:
            if role.current and role.title:
                return role.title
        return ""


@dataclass(slots=True)
class ExportLoop:
    id: int | str
    kind: str  # thank, report, follow_up, check_in, give, promise
    person_name: str
    due: date | None
    reason: str = ""
    status: str = "open"
    person_id: int | str | None = None
    description: str = ""
    uid: str = ""  # the calendar UID (see ics_writer)
