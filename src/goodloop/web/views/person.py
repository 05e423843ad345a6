"""Person: details, roles, tags; rhythm, trust with its evidence, tie strength with its components,
the ledger, needs, open loops with drafts, merge history, and one timeline of everything."""


from django.core.paginator import Paginator
from django.shortcuts import render

from goodloop import clock
from goodloop.network import people as people_service
from goodloop.overview import agenda
from goodloop.web.forms_helploop import FavorForm, NeedForm, RhythmForm, TrustForm
from goodloop.web.forms_people import LogForm
from goodloop.web.pages import helploop as helploop_pages
from goodloop.web.pages import network as pages

from .common import PAGE_SIZE, not_found_is_404

EVENT_LABELS = {"interaction": ("interaction", "interactions"), "ask": ("ask", "asks"),
                "favor": ("favor", "favors"), "loop": ("loop", "loops"),
                "introduction": ("introduction", "introductions")}


def view(request, pk: int):
    with not_found_is_404():
        person = pages.person_for_page(request.account, pk)
    return render_page(request, person)


def timeline_context(request, person) -> dict:
    """The Person page's timeline (one page of it), also swapped in alone after a conversation is logged."""
    account = request.account
    counts = helploop_pages.timeline_counts(account, person)
    paginator = Paginator(helploop_pages.timeline_keys(account, person), PAGE_SIZE)
    paginator.count = sum(counts.values())  # known from one query; no COUNT over the union
    timeline = paginator.get_page(request.GET.get("page"))
    events = helploop_pages.timeline_events(account, person, list(timeline.object_list))
    return {"person": person, "timeline": timeline, "events": events,
            "event_counts": [(counts[k], *EVENT_LABELS[k]) for k in EVENT_LABELS if counts[k]]}


def panels_context(account, person, today) -> dict:
    """The Person page's badges, details and panels (rhythm, trust, strength, ledger, loops); the
    ones a logged conversation changes are also swapped in alone afterwards."""
    panels = helploop_pages.person_panels(account, person, today)
    open_loops = [{"loop": loop, "draft": loop.draft or agenda._loop_draft(loop, today)}
                  for loop in panels.pop("open_loops")]
    return {"person": person, "info": people_service.summary(person), "open_loops": open_loops, "today": today,
            **panels}


def render_page(request, person, forms: dict | None = None, status: int = 200):
    """The Person page; `forms` carries a bound form with its errors after a refused edit."""
    account = request.account
    today = clock.today(account)
    roles = list(person.roles.all())
    forms = {
        **panel_forms(person),
        "need": NeedForm(),
        "favor": FavorForm(account=account, initial={"person": f"#{person.id} {person.display_name}"}),
        "log": LogForm(initial={"date": today}),
        **(forms or {}),
    }
    return render(request, "goodloop/person.html", {
        "title": person.display_name,
        "current_roles": [r for r in roles if r.current],
        "past_roles": [r for r in roles if not r.current],
        **timeline_context(request, person),
        **panels_context(account, person, today),
        "forms": forms,
    }, status=status)


def panel_forms(person) -> dict:
    """The rhythm panel's forms, as the person stands."""
    return {"rhythm": RhythmForm(initial={"tier": person.tier, "cadence_days": person.cadence_days}),
            "trust": TrustForm(initial={"trust_stage": person.trust_stage})}
