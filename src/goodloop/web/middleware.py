"""Every request knows its account; in local mode that is the one local account."""

from goodloop.services import accounts


class AccountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.account = accounts.account_for_request(request)
        return self.get_response(request)
