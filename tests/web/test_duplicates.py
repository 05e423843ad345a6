"""Possible duplicates: suggestions from imports and same-name people, side by side; merge either
way round, undo, "not the same person"; other accounts' ids are 404; fixed query counts."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.helploop import favors
from goodloop.network import interactions, people
from goodloop.network.models import DismissedDuplicate, MergeRecord, Person
from goodloop.transfer.importer import import_file
from tests.web.network import build, grow, queries_for

URL = reverse("duplicates")
FIX = Path(__file__).parent.parent / "services" / "fixtures"
CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nEMAIL:{email}\r\nORG:{org}\r\nCATEGORIES:{tag}\r\nEND:VCARD\r\n"


def card(name="Ana Souza", email="other.ana@mail.example", org="Globex", tag="Friends") -> bytes:
    return CARD.format(name=name, email=email, org=org, tag=tag).encode()


def pairs(html) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in re.findall(r'<h2 id="pair-(\d+)-(\d+)"', html)]


@pytest.fixture
def anas(account):
    """Two Ana Souzas: one from LinkedIn, one from a vCard with another email (a suggestion)."""
    import_file(account, (FIX / "cross_linkedin.csv").read_bytes())
    report = import_file(account, card())
    assert len(report.merge_suggestions) == 1
    return list(Person.objects.filter(account=account, display_name="Ana Souza").order_by("id"))


@pytest.mark.django_db
def test_suggestions_side_by_side(client, account, anas):
    a, b = anas
    interactions.log(account, [b], "call", "outbound", "Caught up", date(2025, 3, 1))
    favors.record(account, b, "received", "referral", when=date(2025, 3, 2))
    html = client.get(URL).content.decode()
    assert pairs(html) == [(a.id, b.id)]
    assert "1 possible duplicate" in html
    pair = html.split(f'id="pair-{a.id}-{b.id}"')[1]
    left, right = pair.split('<dl class="side">')[1:3]
    assert f'<a href="/people/{a.id}/">Ana Souza</a>' in left and "Globex, Inc., Product Manager" in left
    assert "https://www.linkedin.com/in/ana-souza-4b2a1c" in left and "0 interactions" in left
    assert "other.ana@mail.example" in right and '<span class="tag">Friends</span>' in right
    assert "1 interaction · 1 favor · 0 asks" in right
    assert "same name at the same organization" in pair.lower()
    for keep, gone in ((a.id, b.id), (b.id, a.id)):
        assert re.search(rf'name="keep" value="{keep}"><input type="hidden" name="gone" value="{gone}">\s*'
                         rf'<button type="submit">Merge into Ana Souza', pair)
    assert "Not the same person" in pair
    # Different LinkedIn URLs are different people: the two Sam Lees are never suggested.
    assert "Sam Lee" not in html


@pytest.mark.django_db
def test_same_name_people_are_suggested_without_an_import(client, account):
    a = people.add_person(account, "Kim Park", org="Initech", email="kim@a.example")
    b = people.add_person(account, "kim park", email="kim@b.example")
    people.add_person(account, "Kim Park", org="Globex")  # another organization: someone else
    c = people.add_person(account, "Lee Wu", url="https://www.linkedin.com/in/lee-1", org="Acme")
    people.add_person(account, "Lee Wu", url="https://www.linkedin.com/in/lee-2", org="Acme")
    html = client.get(URL).content.decode()
    found = pairs(html)
    assert (a.id, b.id) in found or (b.id, a.id) in found
    assert all(c.id not in p for p in found)  # differing LinkedIn URLs
    assert len([p for p in found if a.id in p or b.id in p]) == 2  # a-b, and b with the Globex Kim (no org on b)


@pytest.mark.django_db
def test_merge_keeping_either_side_then_undo(client, account, anas):
    a, b = anas
    response = client.post(reverse("duplicates_merge"), {"keep": b.id, "gone": a.id})
    merge = MergeRecord.objects.get(account=account)
    assert response["Location"] == f"{URL}?merged={merge.id}#last-merge"
    assert not Person.objects.filter(id=a.id).exists()
    kept = people.summary(Person.objects.get(id=b.id))
    assert kept["emails"] == ["other.ana@mail.example"]
    assert kept["urls"] == ["https://www.linkedin.com/in/ana-souza-4b2a1c"]
    html = client.get(response["Location"]).content.decode()
    assert pairs(html) == []  # merged: no longer suggested
    last = html.split('id="last-merge"')[1].split("</div>")[0]
    assert f'Merged Ana Souza into <a href="/people/{b.id}/">Ana Souza</a>' in last
    assert f'action="{reverse("duplicates_undo", args=[merge.id])}"' in last
    undone = client.post(reverse("duplicates_undo", args=[merge.id]))
    assert undone["Location"] == URL
    assert Person.objects.filter(id=a.id).exists()
    html = client.get(URL).content.decode()
    assert "Merge undone: Ana Souza is back as a separate person." in html
    assert pairs(html) == [(a.id, b.id)]  # the suggestion is back
    again = client.post(reverse("duplicates_undo", args=[merge.id]))
    assert "already undone" in client.get(again["Location"]).content.decode()


@pytest.mark.django_db
def test_not_the_same_person(client, account, anas):
    a, b = anas
    response = client.post(reverse("duplicates_dismiss"), {"keep": b.id, "gone": a.id})
    assert response["Location"] == URL
    assert DismissedDuplicate.objects.filter(account=account, first=a.id, second=b.id).exists()
    html = client.get(URL).content.decode()
    assert pairs(html) == [] and "are marked as different people" in html
    assert client.post(reverse("duplicates_dismiss"), {"keep": a.id, "gone": b.id}).status_code == 302
    assert DismissedDuplicate.objects.filter(account=account).count() == 1
    assert Person.objects.filter(id__in=(a.id, b.id)).count() == 2


@pytest.mark.django_db
def test_pairs_whose_people_are_gone_are_skipped(client, account, anas):
    a, b = anas
    Person.objects.filter(id=b.id).delete()
    assert pairs(client.get(URL).content.decode()) == []


@pytest.mark.django_db
def test_merging_me_away_is_refused_with_a_message(client, account):
    me = Person.objects.get(account=account, is_me=True)
    other = people.add_person(account, "Someone")
    response = client.post(reverse("duplicates_merge"), {"keep": other.id, "gone": me.id})
    assert "Not merged: cannot merge yourself" in client.get(response["Location"]).content.decode()
    assert Person.objects.filter(id=me.id).exists()


@pytest.mark.django_db
def test_other_accounts_people_and_merges_are_404(client, account, anas):
    a, b = anas
    other = Account.objects.create(name="other")
    x = people.add_person(other, "Ana Souza", org="Globex")
    y = people.add_person(other, "Ana Souza", org="Globex", email="y@other.example")
    for name in ("duplicates_merge", "duplicates_dismiss"):
        assert client.post(reverse(name), {"keep": a.id, "gone": x.id}).status_code == 404
        assert client.post(reverse(name), {"keep": x.id, "gone": y.id}).status_code == 404
        assert client.post(reverse(name), {"keep": "", "gone": a.id}).status_code == 404
        assert client.get(reverse(name)).status_code == 405
    from goodloop.transfer import merge

    merge.merge_people(other, x, y)
    theirs = MergeRecord.objects.get(account=other)
    assert client.post(reverse("duplicates_undo", args=[theirs.id])).status_code == 404
    assert client.get(f"{URL}?merged={theirs.id}").content.decode().count('id="last-merge"') == 0
    assert Person.objects.filter(account=account, display_name="Ana Souza").count() == 2
    html = client.get(URL).content.decode()
    assert pairs(html) == [(a.id, b.id)]


@pytest.mark.django_db
def test_undo_goes_back_only_to_a_page_of_this_site(client, account, anas):
    a, b = anas
    client.post(reverse("duplicates_merge"), {"keep": a.id, "gone": b.id})
    merge = MergeRecord.objects.get(account=account)
    response = client.post(reverse("duplicates_undo", args=[merge.id]), {"next": "https://evil.example/"})
    assert response["Location"] == URL


@pytest.mark.django_db
def test_query_count_does_not_grow(client, account):
    build(account, 20)
    import_file(account, card("Person0001 Family1", "dup1@x.example", "American Express"))
    assert len(pairs(client.get(URL).content.decode())) == 1
    small = queries_for(client, URL)
    grow(account, 150)
    for i in range(2, 12):
        import_file(account, card(f"Person{i:04d} Family{i % 13}", f"dup{i}@x.example", "Globex"))
    html = client.get(URL).content.decode()
    assert len(pairs(html)) == 4
    assert queries_for(client, URL) == small <= 13, small
