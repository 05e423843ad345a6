"""The account: the owner of every row. No query may cross accounts."""

from django.conf import settings
from django.db import models


class Account(models.Model):
    name = models.CharField(max_length=200, default="Me")
    # Server mode ties an account to a login; the local single-user account has none.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="account"
    )
    is_local = models.BooleanField(default=False)
    # The owner as a person, so "me" can take part in introductions and favors.
    me = models.OneToOneField(
        "network.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # IANA zone name: what "today" means for this account (goodloop.clock).
    time_zone = models.CharField(max_length=64, default="UTC")
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only a SHA-256 of the secret is kept: the clear
    token is shown once, when it is created, and cannot be recovered."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=12)  # the first characters, so a listing can tell tokens apart
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    expires = models.DateTimeField(null=True, blank=True)  # None: until revoked
    revoked = models.BooleanField(default=False)
    revoked_on = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.prefix}… ({self.name or 'unnamed'})"


class Throttle(models.Model):
    """A counter of recent events for one key (a client address, a login, a browser, a reset
    email), kept in the database so that every server worker sees the same count."""

    key = models.CharField(max_length=100, unique=True)  # e.g. "login-ip:203.0.113.0", a hash for emails
    count = models.PositiveIntegerField(default=0)
    first = models.DateTimeField()  # the first event counted
    last = models.DateTimeField(db_index=True)  # the latest; old rows are swept by this
    blocked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.key}: {self.count}"
