"""Template context shared by every page: the navigation and the section being shown."""

from typing import NamedTuple

from goodloop.network.models import Person


class Section(NamedTuple):
    key: str  # the URL name of the section's page
    label: str
    built: bool  # False: the page says plainly what is coming
    coming: str = ""  # one line on what the section will do, while it is not built


NAV = [
    Section("today", "Today", True),
    Section("people", "People", True),
    Section("organizations", "Organizations", True),
    Section("targets", "Targets", True),
    Section("asks", "Asks", False,
            "write a specific ask with the coach scoring it as you type, and track who answered"),
    Section("loops", "Loops", False,
            "the thank-yous, reports back and follow-ups you owe people, with their due dates"),
    Section("leads", "Leads", False,
            "a pipeline board of job opportunities, each credited to the people who helped"),
    Section("introductions", "Introductions", False,
            "introductions from introducer to introduced, with double opt-in and where they led"),
    Section("brief", "Brief", False,
            "your one-page networking brief, so helpers know exactly how to help"),
    Section("import", "Import", False,
            "upload a LinkedIn, Google, Outlook or vCard export, with a progress bar and a report"),
    Section("giving", "Giving", False,
            "requests people make of you, your promises and giving budget, and who closes loops with you"),
    Section("reports", "Reports", False,
            "charts of which relationships produce leads, and how your loops are closing"),
]
SECTIONS = {s.key: s for s in NAV}


def mark_built(url_names: set[str]) -> None:
    """A section is built once some urls module names its page (called by web/urls.py)."""
    NAV[:] = [s._replace(built=s.built or s.key in url_names) for s in NAV]
    SECTIONS.update({s.key: s for s in NAV})

# Pages that belong to a section without being its list page.
_SECTION_OF = {"person": "people", "person_edit": "people", "organization": "organizations", "transitions": "giving",
               "givers_report": "giving", "person_giving": "giving"}


def current_section(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    if match.url_name == "coming":
        return match.kwargs.get("section", "")
    return _SECTION_OF.get(match.url_name, match.url_name or "")


class You:
    """Whether you still need to give your name: read only by the pages that ask (Today's
    first-run prompt), so other pages run no extra query."""

    def __init__(self, request):
        self.request = request

    @property
    def unnamed(self) -> bool:
        account = getattr(self.request, "account", None)
        if account is None or account.me_id is None:
            return False
        name = Person.objects.filter(id=account.me_id).values_list("display_name", flat=True).first() or ""
        return name.strip().lower() in ("me", "")


def navigation(request):
    return {"nav": NAV, "current_section": current_section(request), "you": You(request)}
