"""After each request on SQLite, let the query planner refresh the statistics it lacked
(see goodloop.transfer.planner: next to free when nothing changed)."""

from goodloop.transfer import planner


class PlannerStatisticsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        planner.refresh()
        return response
