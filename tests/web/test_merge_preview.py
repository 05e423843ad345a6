"""Merging any two people from the web: the Person page names a duplicate, a side-by-side preview
comes first, then the merge, then an undo (issue 15 item 6)."""

from datetime import date

from django.urls import reverse

from goodloop.helploop import favors
from goodloop.network import interactions, people
from goodloop.network.models import MergeRecord, Person
from tests.web.network import build, grow, queries_for

PREVIEW = reverse("merge_preview")


def _pair(account):
    keep = people.add_person(account, "Wren Alder", org="Larchwood Nursery", title="Grower",
                             email="wren@larch.example")
    gone = people.add_person(account, "W. Alder", email="wren.alder@mail.example")
    interactions.log(account, [gone], "call", "mutual", "caught up", date(2026, 10, 2))
    favors.record(account, gone, "given", "advice", when=date(2026, 10, 3))
    return keep, gone


def test_the_person_page_offers_the_merge_and_the_preview_shows_both(client, account):
    keep, gone = _pair(account)
    page = client.get(reverse("person", args=[keep.id])).content.decode()
    assert f'action="{PREVIEW}"' in page and 'name="gone"' in page and "Compare first" in page
    r = client.get(PREVIEW, {"keep": keep.id, "gone": "wren.alder@mail.example"})
    html = r.content.decode()
    assert r.status_code == 200
    for text in ("Wren Alder", "W. Alder", "Larchwood Nursery, Grower", "wren@larch.example",
                 "wren.alder@mail.example", "1 interaction", "1 favor", "0 asks",
                 "Merge W. Alder into Wren Alder", f'name="keep" value="{keep.id}"', f'name="gone" value="{gone.id}"'):
        assert text in html, text
    assert not MergeRecord.objects.exists()  # a preview merges nothing
    assert Person.objects.filter(id=gone.id).exists()


def test_merge_after_the_preview_and_undo(client, account):
    keep, gone = _pair(account)
    r = client.post(reverse("duplicates_merge"), {"keep": keep.id, "gone": gone.id})
    record = MergeRecord.objects.get()
    assert r.status_code == 302 and r["Location"].endswith(f"?merged={record.id}#last-merge")
    html = client.get(r["Location"]).content.decode()
    assert "Merged W. Alder into" in html and reverse("duplicates_undo", args=[record.id]) in html
    assert not Person.objects.filter(id=gone.id).exists()
    client.post(reverse("duplicates_undo", args=[record.id]))
    assert Person.objects.filter(display_name="W. Alder").exists()


def test_bad_names_are_shown_next_to_the_field(client, account):
    keep, _ = _pair(account)
    people.add_person(account, "Wren Birch")
    for named, message in (("Nobody Atall", "Nobody Atall"), ("Wren", "Wren Alder"), ("", "Name the duplicate"),
                           (str(keep.id), "name someone else"), ("me", "cannot be merged")):
        r = client.get(PREVIEW, {"keep": keep.id, "gone": named})
        html = r.content.decode()
        assert r.status_code == 422 and 'id="merge-gone-error"' in html and message in html, (named, html[-800:])
        assert reverse("duplicates_merge") not in html  # no merge button without two people
    assert client.get(PREVIEW, {"keep": 999999, "gone": "Wren Birch"}).status_code == 404
    assert client.get(PREVIEW, {"keep": "x²", "gone": "Wren Birch"}).status_code == 404


def test_the_preview_costs_the_same_whatever_the_network(client, account):
    build(account, n=10)
    keep, gone = _pair(account)
    url = f"{PREVIEW}?keep={keep.id}&gone={gone.id}"
    small = queries_for(client, url)
    grow(account, 40)
    assert queries_for(client, url) == small
