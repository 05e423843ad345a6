"""Password reset by email, sent over SMTP to a local aiosmtpd server."""

import re
import socket
from email import message_from_bytes

import pytest
from django.test import Client

from tests.server.conftest import PASSWORD

aiosmtpd = pytest.importorskip("aiosmtpd.controller")


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(server):
    sink = Sink()
    controller = aiosmtpd.Controller(sink, hostname="127.0.0.1", port=_free_port())
    controller.start()
    server.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    server.EMAIL_HOST, server.EMAIL_PORT = "127.0.0.1", controller.port
    server.EMAIL_USE_TLS, server.EMAIL_HOST_USER, server.EMAIL_HOST_PASSWORD = False, "", ""
    server.DEFAULT_FROM_EMAIL = "goodloop@example.org"
    yield sink
    controller.stop()


def test_password_reset_email_over_smtp_then_a_new_password_works(smtp, member):
    client = Client()
    r = client.post("/accounts/password_reset/", {"email": "member@example.org"})
    assert r.status_code == 302 and r["Location"] == "/accounts/password_reset/done/"
    assert len(smtp.messages) == 1
    envelope = smtp.messages[0]
    assert envelope.rcpt_tos == ["member@example.org"] and envelope.mail_from == "goodloop@example.org"
    mail = message_from_bytes(envelope.content)
    assert mail["Subject"] == "Reset your goodloop password"
    body = mail.get_payload(decode=True).decode()
    link = re.search(r"https?://[^/\s]+(/accounts/reset/[^\s]+/)", body).group(1)
    r = client.get(link)
    assert r.status_code == 302  # Django moves the token into the session
    form_url = r["Location"]
    assert b"new password" in client.get(form_url).content.lower()
    new = "another-long-passphrase-77"
    r = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert r.status_code == 302 and r["Location"] == "/accounts/reset/done/"
    assert Client().post("/accounts/login/", {"username": "member@example.org", "password": new}).status_code == 302
    assert Client().post("/accounts/login/", {"username": "member@example.org",
                                               "password": PASSWORD}).status_code == 200
    assert client.get(link).status_code == 200 and b"no longer valid" in client.get(link).content


def test_unknown_email_sends_nothing_and_says_the_same(smtp, member):
    r = Client().post("/accounts/password_reset/", {"email": "nobody@example.org"})
    assert r.status_code == 302 and r["Location"] == "/accounts/password_reset/done/"
    assert smtp.messages == []


def test_a_weak_new_password_is_refused(smtp, member):
    client = Client()
    client.post("/accounts/password_reset/", {"email": "member@example.org"})
    body = message_from_bytes(smtp.messages[0].content).get_payload(decode=True).decode()
    link = re.search(r"(/accounts/reset/[^\s]+/)", body).group(1)
    form_url = client.get(link)["Location"]
    r = client.post(form_url, {"new_password1": "password", "new_password2": "password"})
    assert r.status_code == 200 and b"too common" in r.content
