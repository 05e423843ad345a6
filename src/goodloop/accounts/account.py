"""Accounts: the local single-user account, created on first use; server-mode accounts
tied to a Django login, created by an administrator."""

import re
from typing import NamedTuple
from weakref import WeakKeyDictionary

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.db.models.query import get_related_populators

from goodloop import clock
from goodloop.accounts.models import Account
from goodloop.errors import NotFound, ServiceError
from goodloop.network import derived
from goodloop.network.models import Person

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LOCAL_ACCOUNT_LOCK = 0x6C6F63616C  # "local": processes starting at once on a new store create one account
MAX_EMAIL = 150  # Django's username length: the email is the login


def local_account() -> Account:
    """Return the local account, creating it (and its "me" person) on first use."""
    account = _read_local_account()
    if account is not None:
        return account
    with transaction.atomic():
        if connection.vendor == "postgresql":  # SQLite's IMMEDIATE transactions already take turns
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCAL_ACCOUNT_LOCK])
        account = Account.objects.filter(is_local=True).select_related("me").first()
        if account is not None:  # another process created it while this one waited
            return account
        account = Account.objects.create(name="Me", is_local=True, time_zone=clock.machine_zone())
        me = Person.objects.create(account=account, display_name="Me", is_me=True, tier="dormant")
        account.me = me
        account.save(update_fields=["me"])
        derived.refresh(me)
    return account


class _CompiledQuery(NamedTuple):
    sql: str
    params: tuple
    columns: list  # the selected expressions, whose converters turn the row into Python values
    init_list: list[str]  # the account's attribute names, in the row's order
    start: int  # the account's columns in the row
    end: int
    related: list  # Django's populators of the select_related "me"


_LOCAL_QUERY: dict[tuple[str, str], _CompiledQuery] = {}
# Each database connection's converters for those columns (a connection belongs to one thread).
_CONVERTERS: WeakKeyDictionary = WeakKeyDictionary()


def _local_account_query():
    return Account.objects.filter(is_local=True).select_related("me").order_by("pk")[:1]


def _compiled_local_query(db: str) -> _CompiledQuery:
    """The local account's query (as `.select_related("me").first()` writes it), compiled once per
    process and database engine. Every web request in local mode reads the account: building and
    compiling the queryset each time cost 0.7-1.1 ms of CPU a request, the compiled read ~0.1 ms
    (tests/accounts/test_local_account_read.py checks it gives what the queryset gives)."""
    key = (db, connections[db].vendor)
    compiled = _LOCAL_QUERY.get(key)
    if compiled is None:
        compiler = _local_account_query().query.get_compiler(using=db)
        sql, params = compiler.as_sql()  # also fills the compiler's select and klass_info
        select, klass_info = compiler.select, compiler.klass_info
        fields = klass_info["select_fields"]
        compiled = _CompiledQuery(
            sql=sql, params=tuple(params), columns=[column for column, _, _ in select[:compiler.col_count]],
            init_list=[select[i][0].target.attname for i in range(fields[0], fields[-1] + 1)],
            start=fields[0], end=fields[-1] + 1, related=get_related_populators(klass_info, select, db))
        _LOCAL_QUERY[key] = compiled
    return compiled


def _read_local_account() -> Account | None:
    """The local account and its "me" person, read afresh (one query, every call: another process,
    a command or a rolled-back test may have changed or removed them), as Django's ModelIterable
    builds them: the same values, converters and cached "me"; only the compiling is done once."""
    db = Account.objects.db
    compiled = _compiled_local_query(db)
    conn = connections[db]
    with conn.cursor() as cursor:
        cursor.execute(compiled.sql, compiled.params)
        row = cursor.fetchone()
    if row is None:
        return None
    converters = _CONVERTERS.get(conn)
    if converters is None:
        converters = _CONVERTERS[conn] = [
            (i, column, convs) for i, column in enumerate(compiled.columns)
            if (convs := conn.ops.get_db_converters(column) + column.get_db_converters(conn))]
    row = list(row)
    for i, column, convs in converters:
        for convert in convs:
            row[i] = convert(row[i], column, conn)
    account = Account.from_db(db, compiled.init_list, row[compiled.start:compiled.end])
    for populator in compiled.related:
        populator.populate(row, account)
    return account


def server_mode() -> bool:
    return bool(getattr(settings, "GOODLOOP_SERVER_MODE", False))


def account_for_request(request):
    """The account a web request acts for: the logged-in user's; in local mode, with no
    login, the local account; in server mode, None (the request must log in first)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        account = Account.objects.filter(user=user).first()
        if account is not None:
            return account
    if server_mode():
        return None
    return local_account()


def normalize_email(email: str) -> str:
    email = (email or "").strip()
    if not _EMAIL.match(email) or len(email) > MAX_EMAIL:
        raise ServiceError(f"{email!r} is not an email address", field="email")
    return email.lower()


def check_password(email: str, password: str) -> None:
    """Django's password validators, as one ServiceError naming every reason."""
    User = get_user_model()
    try:
        validate_password(password or "", user=User(username=email, email=email))
    except ValidationError as exc:
        raise ServiceError("password refused: " + " ".join(exc.messages), field="password") from None


@transaction.atomic
def create_account(email: str, password: str, name: str = "", time_zone: str = clock.DEFAULT_ZONE) -> Account:
    """A server-mode account: a Django user (login = email), its account and its "me" person."""
    email = normalize_email(email)
    check_password(email, password)
    check_time_zone(time_zone)
    User = get_user_model()
    if User.objects.filter(username=email).exists():
        raise ServiceError(f"an account for {email} exists already", field="email")
    user = User.objects.create_user(username=email, email=email, password=password)
    account = Account.objects.create(name=(name or email)[:200], user=user, time_zone=time_zone)
    me = Person.objects.create(account=account, display_name=name or "Me", is_me=True, tier="dormant")
    account.me = me
    account.save(update_fields=["me"])
    derived.refresh(me)
    return account


def check_time_zone(name: str) -> str:
    if not clock.is_zone(name):
        raise ServiceError(f"unknown time zone {name!r}: use an IANA name such as Europe/Berlin or "
                           "America/Los_Angeles", field="time_zone")
    return name


def set_time_zone(account: Account, name: str) -> Account:
    """Change what "today" means for the account (its agenda, defaults and due dates)."""
    account.time_zone = check_time_zone((name or "").strip())
    account.save(update_fields=["time_zone"])
    return account


def by_email(email: str) -> Account:
    account = Account.objects.filter(user__username=(email or "").strip().lower()).first()
    if account is None:
        raise NotFound(f"no account for {email!r}", field="account")
    return account


def set_active(email: str, active: bool) -> Account:
    """Disable (or enable again) an account's login. A disabled account's sessions, API tokens
    and calendar export stop at once: Django's session check and tokens.authenticate both refuse
    an inactive login on every request. Its data stays."""
    account = by_email(email)
    account.user.is_active = active
    account.user.save(update_fields=["is_active"])
    return account


def set_password(email: str, password: str) -> Account:
    """A new password for an account's login (the same rules as at creation). Its existing web
    sessions end: Django ties a session to the password it was opened with."""
    account = by_email(email)
    check_password(account.user.username, password)
    account.user.set_password(password)
    account.user.save(update_fields=["password"])
    return account


@transaction.atomic
def remove_account(email: str) -> dict[str, int]:
    """Delete an account, every row it owns and its login; returns the rows deleted per model."""
    account = by_email(email)
    user = account.user
    Person.objects.filter(account=account).update(met_through=None)  # people point at each other
    _, counts = account.delete()
    user.delete()
    return counts
