"""A person as an import sees it (services/matching.py): what the store holds plus what the import adds."""

from __future__ import annotations


class Entity:
    """A person as the import sees it: what the store holds plus what this import adds."""

    __slots__ = ("pid", "is_me", "display", "given", "family", "org", "title", "connected_on", "location",
                 "notes", "points", "new_points", "roles", "tags", "li", "dirty", "row", "merged_into",
                 "absorbed", "emails", "uid", "birthday", "prefix", "suffix", "addresses", "met_through")

    def __init__(self, pid=None, display="", given="", family="", org="", title="", connected_on=None,
                 location="", notes="", is_me=False, row=None, uid="", birthday=None, prefix="", suffix="",
                 addresses=(), met_through=None):
        self.pid = pid
        self.is_me = is_me
        self.display, self.given, self.family = display, given, family
        self.org, self.title = org, title  # org is the organization key of the current role
        self.connected_on, self.location, self.notes = connected_on, location, notes
        self.uid, self.birthday, self.prefix, self.suffix = uid, birthday, prefix, suffix
        self.addresses = list(addresses)
        self.met_through = met_through  # a stored person's id
        self.points: set = set()  # (kind, key)
        self.new_points: list = []  # (kind, value, key, label)
        self.emails: list = []  # email values, for search_text
        self.roles: list = []  # [org key, title, current, role id or None, changed?, department]
        self.tags: dict = {}  # casefolded -> name
        self.li: set = set()  # LinkedIn keys
        self.dirty = False
        self.row = row  # the row that created it (new people only)
        self.merged_into: Entity | None = None
        self.absorbed: list = []  # stored people merged into this one at write time

    def final(self) -> Entity:
        e = self
        while e.merged_into is not None:
            e = e.merged_into
        return e

    def ref(self) -> dict:
        out = {"id": self.pid, "name": self.display} if self.pid else {"name": self.display}
        if self.row is not None:
            out["row"] = self.row
        return out
