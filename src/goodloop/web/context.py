"""Template context shared by every page: the navigation."""

NAV = [
    ("today", "Today", True),
    ("people", "People", True),
    ("organizations", "Organizations", True),
    ("targets", "Targets", True),
    ("asks", "Asks", False),
    ("loops", "Loops", False),
    ("leads", "Leads", False),
    ("introductions", "Introductions", False),
    ("brief", "Brief", False),
    ("import", "Import", False),
    ("reports", "Reports", False),
]


def navigation(request):
    return {"nav": NAV}
