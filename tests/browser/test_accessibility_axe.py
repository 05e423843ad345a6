"""Issue 16, item 10: every page passes axe-core (WCAG 2.1 A and AA, plus best practice) with no
serious or critical violation and no structure violation (heading order, one h1, landmarks), on
the demo network, at a desktop width and at a phone's 390×844; server mode's login, password
reset and signed-in header too.

Every page is found from the URL patterns (tests/security/conftest.py walks them), its ids
filled from the demo's own objects, so a page added later is checked without editing this file.
A URL that answers no full HTML document (a POST-only action, a download, an htmx fragment) is
not a page: fragments are checked where their page shows them.
"""

import pytest
from django.test import Client, override_settings

from tests.security.conftest import fill, route_params, web_patterns
from tests.security.test_isolation_matrix import WEB_NOT_OBJECTS, WEB_OBJECT_KIND

from . import axe
from .waits import Traffic

# The rendered page: the same on either engine, so CI's PostgreSQL pass leaves it out (tests/conftest.py).
pytestmark = pytest.mark.page_audit

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PASSWORD = "a-long-enough-passphrase-for-axe"


def _demo_ids(account) -> dict:
    """One object of each kind a URL names, taken from the demo network where it has one (the
    busiest, so the page shows the most), else added here: an API token, a finished import, a
    merge, a promise and someone in transition — the demo has none of those."""
    from django.db.models import Count

    from goodloop.accounts import tokens
    from goodloop.accounts.models import ApiToken
    from goodloop.giving import requests, transition
    from goodloop.helploop.models import Ask, Loop, Transition
    from goodloop.network import people
    from goodloop.network.models import ImportJob, MergeRecord, Organization, Person
    from goodloop.search.models import Introduction, Lead, Target
    from goodloop.transfer import import_jobs, merge

    mine = {"account": account}
    person = (Person.objects.filter(**mine, is_me=False).annotate(n=Count("interactions"))
              .order_by("-n", "id").first())
    org = Organization.objects.filter(**mine).annotate(n=Count("people")).order_by("-n", "id").first()
    if not ApiToken.objects.filter(**mine).exists():
        tokens.create(account, "laptop sync script")
    if not ImportJob.objects.filter(**mine).exists():
        card = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Odile Marchetti\r\nORG:Harbor Freight Analytics\r\n"
                b"TITLE:Data engineer\r\nEMAIL:odile.marchetti@example.net\r\nEND:VCARD\r\n")
        with override_settings(GOODLOOP_IMPORT_INLINE=True):
            import_jobs.start(account, card, format="vcard", filename="phone-contacts.vcf")
    untriaged = Ask.objects.filter(**mine, direction=Ask.RECEIVED, triage__isnull=True).order_by("id")
    if not Loop.objects.filter(**mine, kind="promise").exists() and untriaged.count() > 1:
        requests.triage(account, untriaged.last().id, "accept")  # a promise on the giver's pages
    if not Transition.objects.filter(**mine).exists():
        transition.mark_seeking(account, person)  # someone in transition, with a check-in due
    if not MergeRecord.objects.filter(**mine).exists():
        kept = people.add_person(account, "Tobias Lindqvist", org="Northwind Ferries")
        merge.merge_people(account, kept, people.add_person(account, "Tobias Lindqvist (old phone)"))

    def first(qs):
        return qs.filter(**mine).values_list("id", flat=True).first()

    seeker = Transition.objects.filter(**mine).values_list("person_id", flat=True).first()
    other = Person.objects.filter(**mine, is_me=False).exclude(id=person.id).order_by("id").first()
    ids = {"person": person.id, "other_person": other.id, "organization": org.id, "ask": first(Ask.objects.filter(direction=Ask.MADE)),
           "loop": first(Loop.objects.filter(status="open")), "merge": first(MergeRecord.objects),
           "target": first(Target.objects), "introduction": first(Introduction.objects), "lead": first(Lead.objects),
           "import_job": first(ImportJob.objects), "token": first(ApiToken.objects),
           "request": first(Ask.objects.filter(direction=Ask.RECEIVED)),
           "promise": first(Loop.objects.filter(kind="promise")), "seeker": seeker}
    return {kind: pk for kind, pk in ids.items() if pk is not None}


# States of list pages a URL alone reaches: a search that finds nobody, a filter, a second page.
STATES = ["/people/?q=no-such-name-anywhere", "/people/?tier=close", "/people/?page=2", "/organizations/?q=a",
          "/loops/?status=all", "/loops/?status=done", "/asks/?status=answered", "/reports/?since=2000-01-01"]


# A new page's id before the isolation matrix (tests/security) names its kind: by its first segment.
BY_SEGMENT = {"people": "person", "organizations": "organization", "targets": "target", "asks": "ask",
              "loops": "loop", "leads": "lead", "introductions": "introduction", "import": "import_job"}


def _pages(ids: dict, client) -> list[str]:
    """Every URL pattern filled with the demo's ids that answers a full HTML page to a GET."""
    out = []
    for route, name, _ in web_patterns():
        if route.startswith("/accounts/"):
            continue  # server mode's pages: checked below, signed out
        choices = [{}]
        for _, param in route_params(route):
            if (name, param) in WEB_OBJECT_KIND or param == "pk":
                kind = WEB_OBJECT_KIND.get((name, param)) or BY_SEGMENT.get(route.split("/")[1])
                choices = [{**c, param: ids[kind]} for c in choices] if kind in ids else []
            else:
                choices = [{**c, param: v} for c in choices for v in WEB_NOT_OBJECTS[(name, param)]]
        for url in (fill(route, c) for c in choices):
            response = client.get(url)
            assert response.status_code < 500, url
            if response.status_code == 200 and response.content.lstrip()[:15].lower() == b"<!doctype html>":
                out.append(url)
    states = STATES + [f"/duplicates/preview/?keep={ids['person']}&gone={ids['other_person']}"]  # two side by side
    for url in states:
        assert client.get(url).status_code == 200, url
    return sorted(set(out)) + states


def _audit(browser, base: str, urls: list[str], audit: axe.Audit, login=None) -> None:
    """axe on every url at each viewport."""
    errors = []
    for name, viewport in VIEWPORTS.items():
        context = axe.new_context(browser, viewport=viewport)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.on("pageerror", lambda exc, page=page: errors.append(f"{page.url}: {exc}"))
        if login:
            login(page)
        for url in urls:
            response = page.goto(base + url)
            assert response is not None and response.status == 200, (url, response and response.status)
            page.wait_for_load_state("load")
            audit.run(page, f"{name} {url}")
        context.close()
    assert errors == [], errors


@pytest.fixture
def network(transactional_db, demo):
    """The demo network (committed, so the live server's thread sees it) and its ids."""
    demo.ids = _demo_ids(demo)
    return demo


def test_every_page_passes_axe_on_the_demo_network(live_server, network, browser):
    urls = _pages(network.ids, Client())
    # Today, People, a person, organizations, asks, loops, brief, reports, giving, import, tokens…
    for must in ("/", "/people/", f"/people/{network.ids['person']}/", "/organizations/", "/asks/", "/loops/",
                 "/introductions/", "/leads/", "/targets/", "/brief/", "/reports/", "/giving/", "/import/",
                 "/duplicates/", "/tokens/", f"/import/{network.ids['import_job']}/"):
        assert must in urls, must
    audit = axe.Audit()
    _audit(browser, live_server.url, urls, audit)
    audit.report(f"local mode, {len(urls)} pages × {len(VIEWPORTS)} viewports")
    assert audit.failures == [], "\n" + "\n".join(audit.failures)


@pytest.fixture
def server_account(transactional_db, settings):
    """Server mode on, with one account holding the demo network and a password."""
    from django.core.cache import cache

    from goodloop.accounts import account as accounts
    from goodloop.demo import load as demo_service

    settings.GOODLOOP_SERVER_MODE = True
    cache.clear()
    account = accounts.create_account("noor.haddad@example.org", PASSWORD)
    demo_service.load_demo(account)
    yield account
    cache.clear()


def test_server_mode_sign_in_pages_and_signed_in_header_pass_axe(live_server, server_account, browser):
    signed_out = ["/accounts/login/", "/accounts/password_reset/", "/accounts/password_reset/done/",
                  "/accounts/reset/done/", "/accounts/reset/MQ/set-password/"]
    audit = axe.Audit()
    _audit(browser, live_server.url, signed_out, audit)

    def login(page):
        page.goto(live_server.url + "/accounts/login/")
        page.get_by_label("Email").fill("noor.haddad@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(live_server.url + "/")

    signed_in = ["/", "/people/", "/tokens/"]  # the header's account menu (email, API tokens, sign out)
    _audit(browser, live_server.url, signed_in, audit, login=login)
    audit.report(f"server mode, {len(signed_out + signed_in)} pages × {len(VIEWPORTS)} viewports")
    assert audit.failures == [], "\n" + "\n".join(audit.failures)


def test_axe_finds_what_it_should(live_server, transactional_db, browser):
    """The check is live: a page with low-contrast text, a skipped heading level and an unlabelled
    field fails it (so a green run means the pages passed, not that axe did not run)."""
    page = browser.new_context(bypass_csp=True).new_page()
    page.goto(live_server.url + "/")
    page.evaluate("""() => {
      const main = document.querySelector('main');
      main.insertAdjacentHTML('beforeend',
        '<h4>Skipped</h4><p class="x">faint</p><input type="text">');
      const p = main.querySelector('p.x'); p.style.color = '#eeeeee'; p.style.background = '#ffffff';
    }""")
    found = {v["id"] for v in axe.failing(axe.check(page)["violations"])}
    assert {"color-contrast", "heading-order", "label"} <= found, found


# A form "with fields" is one a person fills in; sent empty it shows its errors (or, for the
# optional ones, its result). Forms of buttons alone (Done, Snooze, a status) are sent once per
# kind of action, so their htmx results are checked too.
FIELDS = ("input[type=text]:visible, input:not([type]):visible, input[type=email]:visible, input[type=url]:visible, "
          "input[type=number]:visible, input[type=date]:visible, input[type=file]:visible, textarea:visible")
OPEN_DETAILS = "document.querySelectorAll('main details').forEach(d => { d.open = true; })"  # forms folded away
SUBMIT = "button[type=submit]:enabled:visible, button:not([type]):enabled:visible, input[type=submit]:enabled:visible"


def test_forms_and_their_htmx_results_pass_axe(live_server, network, browser):
    """Every form in every page's main content sent once (empty where it has fields): the page
    with its error messages, or with the fragment htmx swapped in, passes axe."""
    import re

    # a page whose form removes its object (a person's delete page) last, so the others still show it
    urls = sorted(_pages(network.ids, Client()), key=lambda url: "delete" in url)
    audit, errors, sent = axe.Audit(), [], set()
    context = axe.new_context(browser, viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))
    page.on("dialog", lambda dialog: dialog.accept())
    traffic = Traffic(page)
    for url in urls:
        if page.goto(live_server.url + url).status != 200:
            continue  # an object an earlier form merged or removed
        page.evaluate(OPEN_DETAILS)
        sent_here = False  # whether a form was sent since the page was loaded
        for i in range(page.locator("main form").count()):
            # loaded again only after a form was sent: a form passed over (no button, a kind
            # already sent) left the page as it was loaded
            if sent_here and page.goto(live_server.url + url).status != 200:
                break
            sent_here = False
            page.evaluate(OPEN_DETAILS)
            form = page.locator("main form").nth(i)
            if form.count() == 0:
                break
            button = form.locator(SUBMIT).first
            if button.count() == 0:
                continue
            action = re.sub(r"\d+", "N", form.get_attribute("hx-post") or form.get_attribute("action") or url)
            kind = (url, action, button.inner_text().strip()) if form.locator(FIELDS).count() else (action,)
            if kind in sent:
                continue
            sent.add(kind)
            sent_here = True
            button.click()
            traffic.settle()
            audit.run(page, f"{url} form {i + 1} ({action}, '{kind[-1] if len(kind) > 1 else 'button'}')")
    context.close()
    audit.report(f"forms sent, {len(sent)} forms")
    assert len(sent) >= 15, sent
    assert errors == [], errors
    assert audit.failures == [], "\n" + "\n".join(audit.failures)
