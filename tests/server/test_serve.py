"""Running it: local mode refuses other addresses; `serve --server --workers N` runs gunicorn
with collected static files; settings for SMTP and HTTPS are validated."""

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from goodloop.config import ConfigError, load


def test_local_mode_refuses_to_listen_beyond_loopback(cli):
    code, _, err = cli("serve", "--host", "0.0.0.0")
    assert code == 1 and "refusing to serve on 0.0.0.0" in err and "--server" in err


def test_workers_need_server_mode(cli):
    code, _, err = cli("serve", "--workers", "2")
    assert code == 1 and "--server" in err


def test_gunicorn_command_line():
    from goodloop.cli.demo import gunicorn_argv

    argv = gunicorn_argv("0.0.0.0", 8080, 3)
    assert argv[1:4] == ["-m", "gunicorn", "goodloop.wsgi:application"]
    assert argv[argv.index("--workers") + 1] == "3" and argv[argv.index("--bind") + 1] == "0.0.0.0:8080"
    assert gunicorn_argv("::1", 80, 1)[argv.index("--bind") + 1] == "[::1]:80"
    assert argv[argv.index("--config") + 1] == "python:goodloop.cli.gunicorn_conf"
    assert argv[argv.index("--worker-class") + 1] == "gthread"  # sync workers stall on idle connections


def test_gunicorn_workers_freeze_what_they_loaded():
    import gc

    from goodloop.cli import gunicorn_conf

    try:
        gunicorn_conf.post_worker_init(worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("env,message", [
    ({"GOODLOOP_SMTP_HOST": "mail.example.org", "GOODLOOP_SMTP_PORT": "smtp"}, "GOODLOOP_SMTP_PORT"),
    ({"GOODLOOP_SMTP_HOST": "mail.example.org", "GOODLOOP_SMTP_PORT": "70000"}, "1 to 65535"),
    ({"GOODLOOP_SMTP_USER": "me"}, "GOODLOOP_SMTP_HOST is not"),
    ({"GOODLOOP_SMTP_HOST": "smtp://mail.example.org"}, "not a host name"),
    ({"GOODLOOP_SMTP_HOST": "m.example.org", "GOODLOOP_SMTP_PASSWORD": "x"}, "GOODLOOP_SMTP_USER is not"),
    ({"GOODLOOP_SMTP_HOST": "m.example.org", "GOODLOOP_SMTP_FROM": "goodloop"}, "not an email address"),
    ({"GOODLOOP_SMTP_HOST": "m.example.org", "GOODLOOP_SMTP_TLS": "sometimes"}, "GOODLOOP_SMTP_TLS"),
    ({"GOODLOOP_HTTPS": "maybe"}, "GOODLOOP_HTTPS"),
])
def test_bad_smtp_and_https_settings_are_one_clear_error(tmp_path, env, message):
    with pytest.raises(ConfigError, match=message):
        load({"GOODLOOP_HOME": str(tmp_path), **env})


def test_good_smtp_settings(tmp_path):
    cfg = load({"GOODLOOP_HOME": str(tmp_path), "GOODLOOP_SMTP_HOST": "mail.example.org", "GOODLOOP_SMTP_PORT": "465",
                "GOODLOOP_SMTP_USER": "gl", "GOODLOOP_SMTP_PASSWORD": "pw", "GOODLOOP_SMTP_FROM": "Goodloop <gl@example.org>",
                "GOODLOOP_SMTP_TLS": "0", "GOODLOOP_HTTPS": "1"})
    assert (cfg.smtp.host, cfg.smtp.port, cfg.smtp.user, cfg.smtp.tls, cfg.https) == ("mail.example.org", 465, "gl",
                                                                                     False, True)


def _settings_in_subprocess(tmp_path, **env) -> dict:
    code = ("import json, goodloop.settings as s; print(json.dumps({k: getattr(s, k, None) for k in ["
            "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', "
            "'EMAIL_BACKEND', 'EMAIL_HOST', 'GOODLOOP_SERVER_MODE']}))")
    full = {**os.environ, "GOODLOOP_HOME": str(tmp_path), **env}
    full.pop("GOODLOOP_DATABASE_URL", None)
    out = subprocess.run([sys.executable, "-c", code], env=full, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_https_turns_on_secure_cookies_and_hsts(tmp_path):
    on = _settings_in_subprocess(tmp_path, GOODLOOP_SERVER_MODE="1", GOODLOOP_HTTPS="1",
                                 GOODLOOP_SMTP_HOST="mail.example.org")
    assert on["SESSION_COOKIE_SECURE"] and on["CSRF_COOKIE_SECURE"] and on["SECURE_SSL_REDIRECT"]
    assert on["SECURE_HSTS_SECONDS"] >= 31536000 and on["EMAIL_HOST"] == "mail.example.org"
    assert on["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    off = _settings_in_subprocess(tmp_path)
    assert not off["SESSION_COOKIE_SECURE"] and not off["GOODLOOP_SERVER_MODE"]


def test_server_mode_keeps_its_postgresql_connections():
    """gunicorn's workers reuse a checked connection; local mode opens one per request."""
    from goodloop.config import Database
    from goodloop.settings import _database

    pg = Database(engine="postgresql", name="goodloop", user="gl", host="127.0.0.1", port="5432")
    served = _database(pg, server_mode=True)
    assert served["CONN_MAX_AGE"] > 0 and served["CONN_HEALTH_CHECKS"] is True
    local = _database(pg)
    assert local["CONN_MAX_AGE"] == 0 and not local["CONN_HEALTH_CHECKS"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@contextlib.contextmanager
def _served(tmp_path, workers: int = 2):
    """`goodloop serve --server` on a free port, up and answering; yields its base URL."""
    pytest.importorskip("gunicorn")
    port = _free_port()
    env = {**os.environ, "GOODLOOP_HOME": str(tmp_path)}
    for name in ("GOODLOOP_DATABASE_URL", "GOODLOOP_SERVER_MODE", "DJANGO_SETTINGS_MODULE", "GOODLOOP_DEBUG"):
        env.pop(name, None)
    proc = subprocess.Popen([sys.executable, "-c", "from goodloop.cli.main import entry; entry()", "serve",
                             "--server", "--workers", str(workers), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(base + "/accounts/login/")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stdout.read().decode()) from None
                time.sleep(0.3)
        yield base
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 15)
            proc.wait(timeout=30)


def test_serve_server_runs_gunicorn_workers_with_static_files(tmp_path):
    with _served(tmp_path) as base:
        status, body = _get(base + "/accounts/login/")
        assert status == 200 and b"Sign in" in body
        assert _get(base + "/people/")[0] == 200  # urllib follows the redirect to the login page
        status, body = _get(base + "/api/people")
        assert status == 401 and b"authentication required" in body
        status, css = _get(base + "/static/goodloop/css/goodloop.css")
        assert status == 200 and css
        assert (tmp_path / "static" / "goodloop" / "css" / "goodloop.css").exists()  # collected at start


def test_idle_connections_do_not_stall_the_server(tmp_path):
    """Issue 17: two half-open connections held both sync workers for over 40 s."""
    port_of = lambda base: int(base.rsplit(":", 1)[1])  # noqa: E731
    with _served(tmp_path, workers=2) as base:
        for _ in range(4):
            _get(base + "/accounts/login/")  # both workers warm: what follows times only the wait
        idle = [socket.create_connection(("127.0.0.1", port_of(base)), timeout=5) for _ in range(4)]
        try:
            time.sleep(0.5)  # let the workers take them
            started = time.monotonic()
            with urllib.request.urlopen(base + "/accounts/login/", timeout=20) as r:  # sync workers: 60 s
                assert r.status == 200 and b"Sign in" in r.read()
            assert time.monotonic() - started < 20
        finally:
            for s in idle:
                s.close()
