"""Settings read from the environment, validated at start-up.

A bad value is one clear error (ConfigError), never a silent default.
"""

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import platformdirs


class ConfigError(Exception):
    """A setting is wrong; the message is one line a person can act on."""


@dataclass(frozen=True)
class Database:
    engine: str  # "sqlite" or "postgresql"
    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""


@dataclass(frozen=True)
class Smtp:
    host: str = ""  # empty: no mail server; password reset emails go to the console log
    port: int = 587
    user: str = ""
    password: str = ""
    sender: str = "goodloop@localhost"
    tls: bool = True  # STARTTLS (port 587); GOODLOOP_SMTP_TLS=0 for a plain local relay


@dataclass(frozen=True)
class Config:
    home: Path
    database: Database
    debug: bool
    secret_key: str
    server_mode: bool
    allowed_hosts: tuple[str, ...]
    smtp: Smtp = Smtp()
    https: bool = False
    # How many reverse proxies in front of the server append to X-Forwarded-For: the client's
    # address is the entry that many places from the right (0: REMOTE_ADDR, no proxy trusted).
    trusted_proxies: int = 0
    reset_links_in_log: bool = False  # no mail server: print reset emails (with their link) to the log


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def parse_bool(name: str, raw: str | None) -> bool:
    value = (raw or "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name}={raw!r} is not a yes/no value (use 1/0, true/false, yes/no, on/off)")


def parse_database_url(url: str, home: Path) -> Database:
    """Parse GOODLOOP_DATABASE_URL; empty means the embedded SQLite store in the home."""
    if not url:
        return Database(engine="sqlite", name=str(home / "goodloop.sqlite3"))
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        path = unquote(parts.path)
        if parts.netloc:
            raise ConfigError(f"GOODLOOP_DATABASE_URL {url!r}: use sqlite:///relative/path or sqlite:////absolute/path")
        if not path or path == "/":
            raise ConfigError(f"GOODLOOP_DATABASE_URL {url!r} names no database file")
        return Database(engine="sqlite", name=path[1:] if path.startswith("/") else path)
    if scheme in ("postgres", "postgresql", "postgresql+psycopg", "pgsql"):
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ConfigError(f"GOODLOOP_DATABASE_URL {url!r} names no database (postgresql://user@host:5432/NAME)")
        try:
            port = parts.port
        except ValueError:
            raise ConfigError(f"GOODLOOP_DATABASE_URL {url!r} has an invalid port") from None
        return Database(
            engine="postgresql",
            name=name,
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            host=parts.hostname or "",
            port=str(port or ""),
        )
    raise ConfigError(
        f"GOODLOOP_DATABASE_URL {url!r} is not supported: use postgresql://user@host:port/name or sqlite:///path"
    )


_SENDER = re.compile(r"^(?:[^<>]*<)?[^@\s<>]+@[^@\s<>]+(?:>)?$")


def parse_port(name: str, raw: str) -> int:
    try:
        port = int(raw.strip())
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise ConfigError(f"{name}={raw!r} is not a port number (1 to 65535)")
    return port


def parse_smtp(env: dict) -> Smtp:
    """GOODLOOP_SMTP_HOST/PORT/USER/PASSWORD/FROM/TLS: where password reset emails go."""
    host = env.get("GOODLOOP_SMTP_HOST", "").strip()
    user = env.get("GOODLOOP_SMTP_USER", "").strip()
    password = env.get("GOODLOOP_SMTP_PASSWORD", "")
    sender = env.get("GOODLOOP_SMTP_FROM", "").strip()
    raw_port = env.get("GOODLOOP_SMTP_PORT", "").strip()
    if not host:
        given = [n for n in ("GOODLOOP_SMTP_PORT", "GOODLOOP_SMTP_USER", "GOODLOOP_SMTP_PASSWORD")
                 if env.get(n, "").strip()]
        if given:
            raise ConfigError(f"{given[0]} is set but GOODLOOP_SMTP_HOST is not: name the mail server too")
    if any(c in host for c in " /:@"):
        raise ConfigError(f"GOODLOOP_SMTP_HOST={host!r} is not a host name (no scheme, port or user)")
    if password and not user:
        raise ConfigError("GOODLOOP_SMTP_PASSWORD is set but GOODLOOP_SMTP_USER is not")
    if sender and not _SENDER.match(sender):
        raise ConfigError(f"GOODLOOP_SMTP_FROM={sender!r} is not an email address (e.g. goodloop@example.org)")
    return Smtp(host=host, port=parse_port("GOODLOOP_SMTP_PORT", raw_port) if raw_port else 587, user=user,
                password=password, sender=sender or "goodloop@localhost",
                tls=parse_bool("GOODLOOP_SMTP_TLS", env.get("GOODLOOP_SMTP_TLS", "1")))


MAX_PROXIES = 5


def parse_proxy_count(raw: str | None) -> int:
    """GOODLOOP_TRUSTED_PROXIES: a whole number of proxies, 0 to MAX_PROXIES; anything else stops
    start-up (a wrong count keys the login throttle on an address an attacker chooses)."""
    text = (raw or "").strip()
    if not text:
        return 0
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_PROXIES:
        raise ConfigError(f"GOODLOOP_TRUSTED_PROXIES={raw!r} is not a number of proxies "
                          f"(0 to {MAX_PROXIES}: how many reverse proxies add to X-Forwarded-For)")
    return int(text)


def default_home() -> Path:
    return Path(platformdirs.user_data_dir("goodloop", appauthor=False))


def _secret_key(home: Path, env: dict) -> str:
    key = env.get("GOODLOOP_SECRET_KEY", "")
    if key:
        if len(key) < 32:
            raise ConfigError("GOODLOOP_SECRET_KEY must be at least 32 characters long")
        return key
    # Local mode: one random key kept beside the store, so sessions survive restarts. Several
    # processes may start on a new home at once: the key is written to a private file and
    # linked into place atomically, so nobody ever reads a half-written (empty) key.
    path = home / "secret_key"
    try:
        if not path.exists():
            import secrets

            tmp = home / f".secret_key.{os.getpid()}"
            tmp.write_text(secrets.token_urlsafe(48))
            tmp.chmod(0o600)
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass  # another process won the race; use its key
            finally:
                tmp.unlink(missing_ok=True)
        key = path.read_text().strip()
    except OSError as exc:
        raise ConfigError(f"cannot keep the secret key in {path}: {exc.strerror}") from None
    if not key:
        raise ConfigError(f"the secret key file {path} is empty: delete it and start again")
    return key


def load(env: dict | None = None) -> Config:
    """Read and validate every goodloop setting from the environment."""
    env = dict(os.environ if env is None else env)
    raw_home = env.get("GOODLOOP_HOME", "")
    home = Path(raw_home).expanduser() if raw_home else default_home()
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"GOODLOOP_HOME {str(home)!r} cannot be used: {exc.strerror}") from None
    if not home.is_dir():
        raise ConfigError(f"GOODLOOP_HOME {str(home)!r} is not a directory")
    database = parse_database_url(env.get("GOODLOOP_DATABASE_URL", "").strip(), home)
    debug = parse_bool("GOODLOOP_DEBUG", env.get("GOODLOOP_DEBUG"))
    server_mode = parse_bool("GOODLOOP_SERVER_MODE", env.get("GOODLOOP_SERVER_MODE"))
    if debug and server_mode:
        raise ConfigError("GOODLOOP_DEBUG is refused in server mode: it would show tracebacks and settings "
                          "to every user; unset it (or set GOODLOOP_DEBUG=0)")
    hosts_raw = env.get("GOODLOOP_ALLOWED_HOSTS", "")
    hosts = tuple(h.strip() for h in hosts_raw.split(",") if h.strip()) or ("127.0.0.1", "localhost", "testserver")
    return Config(
        home=home,
        database=database,
        debug=debug,
        secret_key=_secret_key(home, env),
        server_mode=server_mode,
        allowed_hosts=hosts,
        smtp=parse_smtp(env),
        https=parse_bool("GOODLOOP_HTTPS", env.get("GOODLOOP_HTTPS")),
        trusted_proxies=parse_proxy_count(env.get("GOODLOOP_TRUSTED_PROXIES")),
        reset_links_in_log=parse_bool("GOODLOOP_RESET_LINKS_IN_LOG", env.get("GOODLOOP_RESET_LINKS_IN_LOG")),
    )
