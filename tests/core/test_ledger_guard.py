from datetime import date, timedelta

from goodloop.core.guard import check_over_asking
from goodloop.core.ledger import AskRecord, FavorRecord, balance, ledger, weight

TODAY = date(2025, 6, 30)


def fav(days_ago, direction, kind):
    return FavorRecord(TODAY - timedelta(days=days_ago), direction, kind)


def test_weights():
    assert weight("introduction") == 3 and weight("referral") == 3 and weight("reference") == 3
    assert weight("resume_feedback") == 2 and weight("lead") == 2
    assert weight("advice") == 1 and weight("insight") == 1
    assert weight("encouragement") == 0.5 and weight("share") == 0.5
    assert weight("made_up_kind") == 1


def test_ledger_all_time_and_window():
    favors = [
        fav(10, "received", "introduction"),  # 3
        fav(20, "received", "share"),  # 0.5
        fav(30, "given", "advice"),  # 1
        fav(400, "received", "referral"),  # 3, outside the window
        fav(-5, "received", "referral"),  # in the future: ignored
    ]
    asks = [AskRecord(TODAY - timedelta(days=5), "introduction"), AskRecord(TODAY, "advice", status="draft")]
    led = ledger(favors, TODAY, asks)
    assert led.all_time.received == 6.5 and led.all_time.given == 1
    assert led.balance == 5.5
    assert led.recent.received == 3.5 and led.recent.balance == 2.5
    assert led.all_time.asks_made == 3  # the draft does not count
    d = led.as_dict()
    assert d["given"] == 1 and d["received"] == 6.5 and d["balance"] == 5.5 and d["recent"]["balance"] == 2.5


def test_window_boundary():
    favors = [fav(180, "received", "introduction"), fav(179, "received", "advice")]
    assert balance(favors, TODAY, 180) == 1  # exactly 180 days ago is outside (today-180, today]
    assert balance(favors) == 4


def test_guard_quiet_when_fine():
    res = check_over_asking([], [], TODAY)
    assert not res.fired and res.suggestion is None


def test_guard_open_ask():
    asks = [AskRecord(TODAY - timedelta(days=60), "advice", status="sent")]
    res = check_over_asking(asks, [], TODAY, name="Ana")
    assert [w.code for w in res.warnings] == ["open_ask"]
    assert "Ana" in res.suggestion


def test_guard_answered_old_ask_is_fine():
    asks = [AskRecord(TODAY - timedelta(days=60), "advice", status="answered")]
    assert not check_over_asking(asks, [], TODAY).fired


def test_guard_second_ask_within_30_days():
    asks = [AskRecord(TODAY - timedelta(days=29), "advice", status="answered")]
    res = check_over_asking(asks, [], TODAY)
    assert [w.code for w in res.warnings] == ["ask_frequency"]
    assert res.asks_in_window == 2
    # The same history without a new ask: one ask in 30 days does not warn.
    assert not check_over_asking(asks, [], TODAY, counting_new_ask=False).fired
    # 31 days ago is outside the window.
    old = [AskRecord(TODAY - timedelta(days=31), "advice", status="answered")]
    assert not check_over_asking(old, [], TODAY).fired


def test_guard_ignores_drafts_and_asks_they_made():
    asks = [
        AskRecord(TODAY - timedelta(days=2), "advice", status="draft"),
        AskRecord(TODAY - timedelta(days=2), "advice", status="sent", direction="received"),
    ]
    assert not check_over_asking(asks, [], TODAY).fired


def test_guard_balance_threshold():
    at_limit = [fav(10, "received", "introduction"), fav(20, "received", "advice")]  # 4: not above
    assert not check_over_asking([], at_limit, TODAY).fired
    over = at_limit + [fav(5, "received", "share")]  # 4.5
    res = check_over_asking([], over, TODAY, needs=["a designer for their startup"])
    assert [w.code for w in res.warnings] == ["ledger_balance"]
    assert "designer" in res.suggestion
    # Giving back brings it under again.
    assert not check_over_asking([], over + [fav(1, "given", "advice")], TODAY).fired
    # Old favors (beyond 180 days) do not count.
    assert not check_over_asking([], [fav(200, "received", "referral")] * 3, TODAY).fired


def test_guard_all_three():
    asks = [AskRecord(TODAY - timedelta(days=3), "referral", status="sent")]
    favors = [fav(10, "received", "introduction"), fav(11, "received", "referral")]
    res = check_over_asking(asks, favors, TODAY)
    assert {w.code for w in res.warnings} == {"open_ask", "ask_frequency", "ledger_balance"}
    assert len(res.reasons) == 3
