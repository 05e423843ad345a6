"""Reports: server-rendered SVG charts with titles, axis labels and data tables; the ?since=
filter with a field error; the chart helper; query counts at two sizes."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.helploop import asks, favors, loops
from goodloop.helploop.models import Loop
from goodloop.network import interactions, people
from goodloop.search import leads
from goodloop.web import charts
from tests.web.network import build, grow, queries_for

URL = reverse("reports")
KEYS = ["activity", "asks", "scores", "ledger", "closure", "sources", "people", "coverage"]


def recent(account):
    today = date.today()
    ana = people.add_person(account, "Ana Diaz", org="eBay", tier="core")
    interactions.log(account, [ana], "meeting", "mutual", "coffee", today - timedelta(days=10))
    interactions.log(account, [ana], "email", "outbound", "follow-up", today - timedelta(days=3))
    asks.make(account, ana, "Could you introduce me to a PMM at eBay or American Express?", org_names=["eBay"],
              when=today - timedelta(days=9))
    favors.record(account, ana, "received", "advice", when=today - timedelta(days=8))
    favors.record(account, ana, "given", "share", when=today - timedelta(days=7))
    lead = leads.add(account, "eBay", "Senior PMM", via=ana, when=today - timedelta(days=6))
    leads.move(account, lead.id, "interviewing", today - timedelta(days=2))
    thank = Loop.objects.get(account=account, person=ana, kind="thank")
    loops.close(account, thank.id, today - timedelta(days=7))
    return ana


@pytest.mark.django_db
def test_every_chart_with_title_axes_and_a_data_table(client, account):
    recent(account)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for key in KEYS:
        figure = html.split(f'id="chart-{key}"')[1].split("</figure>")[0]
        assert f'<svg class="chart" viewBox="0 0 640 300" role="img" aria-labelledby="chart-{key}-title chart-{key}-desc"' in figure, key
        assert f'<title id="chart-{key}-title">' in figure and 'class="axis-label"' in figure
        assert "<summary>Data table</summary>" in figure and '<th scope="col">' in figure
    activity = html.split('id="chart-activity"')[1].split("</figure>")[0]
    assert "Activity per week, by channel" in activity and ">Week starting<" in activity and ">Interactions<" in activity
    assert "meeting" in activity and "<rect" in activity
    people_chart = html.split('id="chart-people"')[1].split("</figure>")[0]
    assert '<th scope="row">Ana Diaz</th><td class="num">1</td><td class="num">1</td><td class="num">0</td>' in people_chart
    assert "No script" not in html and "<script" not in html.split("<main")[1]  # no JS charting


@pytest.mark.django_db
def test_an_empty_account_says_so(client, account):
    html = client.get(URL).content.decode()
    assert "Nothing to show yet for this period." in html


@pytest.mark.django_db
def test_since_filter(client, account):
    recent(account)
    since = (date.today() - timedelta(days=4)).isoformat()
    html = client.get(URL, {"since": since}).content.decode()
    assert f"from {since} to" in html
    asks_chart = html.split('id="chart-asks"')[1].split("</figure>")[0]
    assert "Nothing to show yet" in asks_chart  # the ask was made before `since`


@pytest.mark.django_db
@pytest.mark.parametrize("value, message", [("last week", "Enter a valid date."),
                                            ("2199-01-01", "not in the future"),
                                            ("2999-01-01", "dates run from 1900-01-01 to 2200-12-31")])
def test_a_malformed_since_is_an_error_next_to_the_field(client, account, value, message):
    response = client.get(URL, {"since": value})
    assert response.status_code == 400
    b = response.content.decode().split('<label for="id_since">')[1].split('<div class="field')[0]
    assert '<p class="field-error" id="id_since_error">' in b and message in b
    assert 'aria-invalid="true"' in b


@pytest.mark.django_db
def test_another_accounts_data_never_counts(client, account):
    other = Account.objects.create(name="other")
    recent(other)
    html = client.get(URL).content.decode()
    assert "Ana Diaz" not in html and "0 interactions" in html


def test_chart_helper_scales_and_escapes():
    assert charts.nice_scale(6) == (2, 6) and charts.nice_scale(1) == (1, 1) and charts.nice_scale(0) == (1, 4)
    assert charts.nice_scale(37) == (10, 40) and charts.nice_scale(0.7, integer=False) == (0.2, 0.8)
    chart = charts.render(charts.Chart("x", "A <b> chart", "X", "Y", ["2025-03-10", "<two>"],
                                       [charts.Series("s&p", [1, None]), charts.Series("t", [2, 3])],
                                       kind="stacked"))
    svg = str(chart.svg)
    assert "<b>" not in svg and "A &lt;b&gt; chart" in svg and "&lt;two&gt;" in svg and "s&amp;p" in svg
    assert ">Mar 10<" in svg and svg.count("<rect") == 3 + 2  # three bars, two legend keys
    assert chart.table_rows == [["2025-03-10", "1", "2"], ["<two>", "—", "3"]]
    line = charts.render(charts.Chart("l", "L", "X", "Y", ["a", "b", "c"], [charts.Series("s", [1.5, None, 2])],
                                      kind="line", y_max=100))
    assert "<polyline" in str(line.svg) and str(line.svg).count("<circle") == 2
    assert charts.render(charts.Chart("e", "E", "X", "Y", [], [charts.Series("s", [])])).empty


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_network(client, account):
    build(account, 20)
    recent(account)
    small = queries_for(client, URL)
    grow(account, 180)
    for i in range(10):
        p = people.add_person(account, f"Giver {i}")
        favors.record(account, p, "received", "lead", when=date.today() - timedelta(days=i))
        leads.add(account, "Globex", f"Role {i}", via=p, when=date.today() - timedelta(days=i))
    assert queries_for(client, URL) == small <= 15, small


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_every_chart_colour_stands_out_from_the_white_plot():
    """WCAG 1.4.11 (non-text contrast): a bar, line or legend swatch reaches 3:1 against white —
    axe does not judge graphics, so the palette is measured here (the WCAG formula)."""
    white = _luminance("#ffffff")
    ratios = {c: (white + 0.05) / (_luminance(c) + 0.05) for c in (*charts.PALETTE, "#D55E00")}
    assert min(ratios.values()) >= 3, ratios
    assert len({c.lower() for c in charts.PALETTE}) == len(charts.PALETTE)
    svg = charts.render(charts.Chart("t", "T", "x", "y", ["a"], [charts.Series("one", [2]), charts.Series("two", [3])],
                                     kind="stacked")).svg
    assert svg.count('stroke="#fff"') == 2  # stacked segments parted by a white line
