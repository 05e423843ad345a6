"""Uncertain matches of an import (services/matching.py): the same normalized name at the same (or a
missing) organization, and near-identical names at the same organization (rapidfuzz). Suggested, never
merged."""

from __future__ import annotations

from rapidfuzz import fuzz

from goodloop.transfer.match_entity import Entity
from goodloop.transfer.match_keys import URL, name_key

FUZZY_CUTOFF = 92


class Suggestions:
    """The suggestion half of `Matcher` (it holds the indexes these methods read)."""

    def _suggest(self, new: Entity, rec, li, has_keys: bool) -> None:
        """Record uncertain matches of a record that became a new person (never merged)."""
        name = name_key(new.display)
        if not name:
            return
        if self.by_name is None:
            self._build_name_index()
        ok = new.org
        same = self.by_name.get(name)
        for handle in same or ():
            other = self.entity(handle)
            if other is new or other.is_me or (li and other.li and li not in other.li):
                continue  # different LinkedIn URLs: different people
            if ok and other.org and ok != other.org:
                continue
            where = "at the same organization" if ok and ok == other.org else "(organization missing on one side)"
            self.suggestions.append((other, new, f"same name {where}, no shared email, phone or LinkedIn URL"))
        if ok:
            # near-identical spellings; a LinkedIn record only meets people without a LinkedIn URL
            for handle in (self.by_org_open if li else self.by_org).get(ok, ()):
                other = self.entity(handle)
                if other is new or other.is_me or (li and other.li):
                    continue
                other_name = name_key(other.display)
                if other_name != name and fuzz.ratio(other_name, name, score_cutoff=FUZZY_CUTOFF):
                    self.suggestions.append((other, new, "near-identical name at the same organization"))
        self._index_name(new, name)

    def _index_name(self, e: Entity | int, name: str, ok: str = "", has_li: bool = False) -> None:
        self.by_name.setdefault(name, []).append(e)
        if isinstance(e, Entity):
            ok, has_li = e.org, bool(e.li)
        if ok:
            self.by_org.setdefault(ok, []).append(e)
            if not has_li:
                self.by_org_open.setdefault(ok, []).append(e)

    def _build_name_index(self) -> None:
        self.by_name, self.by_org, self.by_org_open = {}, {}, {}
        stored_li = {pid for pid, pts in self.points_of.items()
                     if any(k == URL and key.startswith("linkedin.com/in/") for k, key, _ in pts)}
        for pid, raw in self.stored.items():
            if not raw[8]:  # not me
                self._index_name(pid, name_key(raw[0]), self.org_by_id.get(raw[3], ""), pid in stored_li)
        for e in self.new[:-1]:
            self._index_name(e, name_key(e.display))

    def report_suggestions(self) -> list[dict]:
        out, seen = [], set()
        for a, b, reason in self.suggestions:
            a, b = a.final(), b.final() if b is not None else None
            if b is None or a is b:
                continue
            pair = (id(a), id(b))
            if pair in seen or (id(b), id(a)) in seen:
                continue
            seen.add(pair)
            out.append({"a": a.ref(), "b": b.ref(), "reason": reason})
        return out
