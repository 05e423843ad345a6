"""Login hardening (issue 17, item 7): a throttle every worker shares (in the database), keyed
on the client's real address behind the configured proxies, that slows an attacker without
locking the owner out; capped password resets; no reset link in the log; GOODLOOP_DEBUG and a
bad proxy count refused at start-up."""

import logging
from datetime import timedelta

import pytest
from django.test import Client

from tests.server.conftest import PASSWORD

EMAIL = "member@example.org"


def _login(client, ip="198.51.100.7", password="wrong-password", username=EMAIL, **extra):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)


def _signed_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.client.session


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, moved forward by hand."""
    from django.utils import timezone

    from goodloop.accounts import throttle

    now = [timezone.now()]
    monkeypatch.setattr(throttle, "_now", lambda: now[0])

    def advance(seconds: float) -> None:
        now[0] += timedelta(seconds=seconds)

    return advance


def test_the_right_password_works_after_a_short_delay(server, member, clock):
    attacker = Client()
    for _ in range(10):
        _login(attacker)
    r = _login(Client(), ip="203.0.113.5", password=PASSWORD)  # the owner, elsewhere, this very second
    assert r.status_code == 200 and b"Too many failed sign-ins" in r.content
    seconds = int(r.content.decode().split("Wait ")[1].split(" seconds")[0])
    assert 1 <= seconds <= 60  # the old throttle said 15 minutes
    clock(seconds)
    assert _signed_in(_login(Client(), ip="203.0.113.5", password=PASSWORD))


def test_a_wrong_guess_while_waiting_is_refused_unchecked_and_the_wait_is_capped(server, member, clock):
    attacker = Client()
    for i in range(40):
        clock(61)  # the attacker waits out every delay, from many addresses: it never grows past a minute
        _login(attacker, ip=f"198.51.100.{i}")
    r = _login(Client(), ip="203.0.113.5", password=PASSWORD)
    assert b"Too many failed sign-ins" in r.content
    clock(60)
    assert _signed_in(_login(Client(), ip="203.0.113.5", password=PASSWORD))


def test_an_attacker_cannot_hold_back_a_browser_that_signed_in_before(server, member, clock):
    owner = Client()
    assert _signed_in(_login(owner, ip="203.0.113.5", password=PASSWORD))
    owner.post("/accounts/logout/")
    attacker = Client()
    for _ in range(30):
        _login(attacker, ip="198.51.100.7")
        _login(attacker, ip="198.51.100.8")
    assert b"Too many failed sign-ins" in _login(Client(), ip="203.0.113.6", password=PASSWORD).content
    assert _signed_in(_login(owner, ip="203.0.113.5", password=PASSWORD))  # at once, from its own browser
    owner.post("/accounts/logout/")
    assert _signed_in(_login(owner, ip="198.51.100.7", password=PASSWORD))  # even from the attacker's network


def test_a_known_browser_still_has_a_count_of_its_own(server, member, clock):
    browser = Client()
    assert _signed_in(_login(browser, password=PASSWORD))
    browser.post("/accounts/logout/")
    for _ in range(6):
        _login(browser)  # someone else at that computer guessing
    assert b"Too many failed sign-ins" in _login(browser, password=PASSWORD).content
    assert _signed_in(_login(Client(), ip="203.0.113.9", password=PASSWORD))  # the login itself is not held


def test_password_spraying_from_one_address_is_slowed(server, db, clock):
    from goodloop.accounts import account as accounts

    for i in range(3):
        accounts.create_account(f"user{i}@example.org", PASSWORD)
    sprayer = Client()
    refused = 0
    for i in range(60):
        r = _login(sprayer, username=f"user{i % 3}@example.org" if i % 20 == 0 else f"nobody{i}@example.org",
                   password="Winter2026!")
        refused += b"Too many failed sign-ins" in r.content
    assert refused >= 35  # 20 free failures, then one guess per growing delay (the old code: 0)
    assert _signed_in(_login(Client(), ip="203.0.113.5", username="user1@example.org", password=PASSWORD))


def test_behind_a_proxy_each_client_counts_by_its_own_address(server, member, clock):
    server.GOODLOOP_TRUSTED_PROXIES = 1
    proxy = "10.0.0.1"  # every request arrives from the proxy
    for i in range(60):
        _login(Client(), ip=proxy, username=f"nobody{i}@example.org", HTTP_X_FORWARDED_FOR="198.51.100.7")
    r = _login(Client(), ip=proxy, username="other@example.org", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert b"Too many failed sign-ins" in r.content
    # a forged entry in front of the real one changes nothing
    r = _login(Client(), ip=proxy, username="other@example.org", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    assert b"Too many failed sign-ins" in r.content
    # the owner behind the same proxy is not held back by the attacker's address
    assert _signed_in(_login(Client(), ip=proxy, password=PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5"))


def test_the_counts_live_in_the_database_shared_by_every_worker(server, member, clock):
    from django.core.cache import cache

    from goodloop.accounts.models import Throttle

    for _ in range(10):
        _login(Client())
    cache.clear()  # another worker process has its own memory, not these counts
    assert b"Too many failed sign-ins" in _login(Client(), ip="203.0.113.5", password=PASSWORD).content
    # 5 free failures, the 6th sets a wait, the 4 made while waiting were refused uncounted
    assert Throttle.objects.filter(key__startswith="login:").get().count == 6
    assert EMAIL not in str(list(Throttle.objects.values_list("key", flat=True)))  # digests only


def test_a_success_starts_the_logins_count_again(server, member, clock):
    for _ in range(4):
        _login(Client())
    assert _signed_in(_login(Client(), ip="203.0.113.5", password=PASSWORD))
    for _ in range(4):
        _login(Client())
    assert _signed_in(_login(Client(), ip="203.0.113.5", password=PASSWORD))


@pytest.mark.parametrize("meta,proxies,expected", [
    ({"REMOTE_ADDR": "198.51.100.7", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, 0, "198.51.100.7"),
    ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.7"}, 1, "198.51.100.7"),
    ({"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "1.2.3.4,198.51.100.7, 10.0.0.1"}, 2, "198.51.100.7"),
    ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": ""}, 1, "10.0.0.1"),
    ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "2001:db8:1:2:3:4:5:6"}, 1, "2001:db8:1:2::/64"),
    ({"REMOTE_ADDR": "::ffff:198.51.100.7"}, 0, "198.51.100.7"),
    ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "not-an-address"}, 1, "not-an-address"),
])
def test_client_address(settings, meta, proxies, expected):
    from django.test import RequestFactory

    from goodloop.web.login import client_address

    settings.GOODLOOP_TRUSTED_PROXIES = proxies
    assert client_address(RequestFactory().get("/", **meta)) == expected


@pytest.mark.parametrize("raw", ["two", "-1", "9", "1.5", "١"])
def test_a_bad_proxy_count_stops_start_up(tmp_path, raw):
    from goodloop.config import ConfigError, load

    with pytest.raises(ConfigError, match="GOODLOOP_TRUSTED_PROXIES"):
        load({"GOODLOOP_HOME": str(tmp_path), "GOODLOOP_TRUSTED_PROXIES": raw})
    assert load({"GOODLOOP_HOME": str(tmp_path), "GOODLOOP_TRUSTED_PROXIES": " 2 "}).trusted_proxies == 2


def test_debug_is_refused_in_server_mode(tmp_path):
    from goodloop.config import ConfigError, load

    with pytest.raises(ConfigError, match="GOODLOOP_DEBUG is refused in server mode"):
        load({"GOODLOOP_HOME": str(tmp_path), "GOODLOOP_DEBUG": "1", "GOODLOOP_SERVER_MODE": "1"})
    assert load({"GOODLOOP_HOME": str(tmp_path), "GOODLOOP_DEBUG": "1"}).debug  # local mode may


# --- password resets


@pytest.fixture
def mail(server):
    """django.core.mail, whose `outbox` lists the mails sent."""
    from django.core import mail

    server.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    return mail


def _reset(email=EMAIL, ip="198.51.100.7"):
    return Client().post("/accounts/password_reset/", {"email": email}, REMOTE_ADDR=ip)


def test_reset_mails_are_capped_per_email_without_telling(mail, member, clock):
    answers = [_reset(ip=f"198.51.100.{i}") for i in range(6)]
    assert all(r.status_code == 302 and r["Location"] == "/accounts/password_reset/done/" for r in answers)
    assert len(mail.outbox) == 3  # the old code sent 6
    clock(3601)
    _reset()
    assert len(mail.outbox) == 4


def test_reset_requests_are_capped_per_address(mail, member, clock):
    for i in range(10):
        assert _reset(email=f"someone{i}@example.org").status_code == 302
    r = _reset()
    assert r.status_code == 200 and b"Too many password reset requests" in r.content
    assert mail.outbox == []
    assert _reset(ip="203.0.113.5").status_code == 302 and len(mail.outbox) == 1


def test_without_a_mail_server_the_reset_link_is_not_logged(server, member, caplog, capsys):
    server.EMAIL_BACKEND = "goodloop.web.mail.UnsentMailBackend"
    with caplog.at_level(logging.WARNING, logger="goodloop.mail"):
        assert _reset().status_code == 302
    out, err = capsys.readouterr()
    logged = caplog.text + out + err
    assert "not sent" in logged and EMAIL in logged and "GOODLOOP_SMTP_HOST" in logged
    assert "/accounts/reset/" not in logged


def test_the_mail_backend_by_setting(tmp_path):
    from tests.server.test_serve import _settings_in_subprocess

    unset = _settings_in_subprocess(tmp_path, GOODLOOP_SERVER_MODE="1")
    assert unset["EMAIL_BACKEND"] == "goodloop.web.mail.UnsentMailBackend"  # was the console: links in the log
    opted = _settings_in_subprocess(tmp_path, GOODLOOP_SERVER_MODE="1", GOODLOOP_RESET_LINKS_IN_LOG="1")
    assert opted["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


@pytest.mark.parametrize("password", [EMAIL, "member-example-org", "73920184655123"])
def test_the_password_rules_refuse_the_email_and_all_digits(db, password):
    from goodloop.accounts import account as accounts
    from goodloop.errors import ServiceError

    with pytest.raises(ServiceError, match="password refused"):
        accounts.create_account(EMAIL, password)
