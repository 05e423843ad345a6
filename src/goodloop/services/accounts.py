"""Accounts: the local single-user account, created on first use."""

from django.db import transaction

from goodloop.accounts.models import Account
from goodloop.network.models import Person


def local_account() -> Account:
    """Return the local account, creating it (and its "me" person) on first use."""
    account = Account.objects.filter(is_local=True).select_related("me").first()
    if account is not None:
        return account
    with transaction.atomic():
        account = Account.objects.create(name="Me", is_local=True)
        me = Person.objects.create(account=account, display_name="Me", is_me=True, tier="dormant")
        account.me = me
        account.save(update_fields=["me"])
    return account


def account_for_request(request):
    """The account a web request acts for (local mode: the local account)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        account = Account.objects.filter(user=user).first()
        if account is not None:
            return account
    return local_account()
