"""Errors the services raise; every face turns them into a one-line message or a 4xx."""


class ServiceError(Exception):
    """Bad input or a refused operation. `field` names the input at fault, if one is."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(ServiceError):
    pass


class Ambiguous(ServiceError):
    def __init__(self, message: str, candidates: list, field: str | None = None):
        super().__init__(message, field)
        self.candidates = candidates
