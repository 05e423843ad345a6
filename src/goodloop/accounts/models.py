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
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name
