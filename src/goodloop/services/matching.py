"""Identity matching for imports, in memory (DESIGN.md section 6).

The importer loads every key of the account once (`Matcher.load`), then feeds it the
parsed records one by one. Each record is matched, in order, by email, LinkedIn URL and
phone ("certain" keys); a record whose certain keys reach two people bridges them into
one, unless they carry different LinkedIn URLs (a differing strong key wins: those are
different people, however alike their names). Records with no certain match are checked
against the same normalized name at the same (or a missing) organization, and against
near-identical names at the same organization (rapidfuzz): such matches are only
*suggested*, never merged. Nothing here touches the database; `importer` writes.
"""

from __future__ import annotations

import uuid

from rapidfuzz import fuzz

from .match_entity import Entity
from .match_keys import EMAIL, PHONE, URL, fingerprint, li_key, name_key, org_key, phone_key
from .people import contact_key

FUZZY_CUTOFF = 92


class Matcher:
    """Match records to people and fold them in; see the module docstring."""

    def __init__(self):
        self.by_email: dict = {}
        self.by_li: dict = {}
        self.by_phone: dict = {}
        self.by_fp: dict = {}
        self.by_uid: dict = {}  # UUID string -> stored id or Entity
        self.related: list = []  # (Entity, [UID]) from vCard RELATED, resolved once everyone has an id
        self.stored: dict = {}  # pid -> raw person tuple, materialized on first match
        self.points_of: dict = {}
        self.roles_of: dict = {}
        self.tags_of: dict = {}
        self.entities: dict = {}  # pid -> Entity
        self.new: list[Entity] = []
        self.org_names: dict = {}  # org key -> display name
        self.org_by_id: dict = {}
        self.tag_names: dict = {}  # casefolded -> name
        self.by_name: dict | None = None
        self.by_org: dict = {}
        self.by_org_open: dict = {}
        self.suggestions: list = []  # (Entity, Entity, reason)
        self.merges: list = []  # (keep, gone) stored people

    # ------------------------------------------------------------------ loading

    def load(self, people, points, roles, orgs, tags, person_tags, fingerprints, merged_uids=()) -> None:
        for oid, key, name in orgs:
            self.org_by_id[oid] = key
            self.org_names[key] = name
        by_uid = self.by_uid
        for pid, *rest in people:
            self.stored[pid] = rest
            by_uid[str(rest[9])] = pid
        for pid, uid in merged_uids:  # a merged-away person's card finds the person it was merged into
            if uid:
                by_uid.setdefault(str(uid), pid)
        for pid, kind, key, value in points:
            self.points_of.setdefault(pid, []).append((kind, key, value))
            index = self.by_email if kind == EMAIL else self.by_phone if kind == PHONE else (
                self.by_li if key.startswith("linkedin.com/in/") else None)
            if index is not None:
                index.setdefault(key, pid)
        for rid, pid, oid, title, current, department in roles:
            self.roles_of.setdefault(pid, []).append([self.org_by_id.get(oid, ""), title, current, rid, False,
                                                      department])
        tag_by_id = {}
        for tid, name in tags:
            tag_by_id[tid] = name
            self.tag_names[name.casefold()] = name
        for pid, tid in person_tags:
            self.tags_of.setdefault(pid, []).append(tag_by_id[tid])
        for fp, pid in fingerprints:
            self.by_fp.setdefault(fp, pid)

    def entity(self, handle) -> Entity:
        """The live entity behind an index entry (a stored id or an Entity)."""
        if isinstance(handle, Entity):
            return handle.final()
        e = self.entities.get(handle)
        if e is None:
            (display, given, family, oid, title, connected, location, notes, is_me, uid, birthday, prefix, suffix,
             addresses, met_through) = self.stored[handle]
            e = Entity(handle, display, given, family, self.org_by_id.get(oid, ""), title, connected, location,
                       notes, is_me, None, str(uid), birthday, prefix, suffix, addresses, met_through)
            for kind, key, value in self.points_of.get(handle, ()):
                e.points.add((kind, key))
                if kind == EMAIL:
                    e.emails.append(value)
                elif kind == URL and key.startswith("linkedin.com/in/"):
                    e.li.add(key)
            e.roles = self.roles_of.get(handle, [])
            e.tags = {t.casefold(): t for t in self.tags_of.get(handle, ())}
            self.entities[handle] = e
        return e.final()

    # ------------------------------------------------------------------ matching

    def add(self, rec) -> tuple[Entity, str]:
        """Fold one record in; return its person and the action (created, updated, unchanged)."""
        emails, phones, url = rec.emails, rec.phones, rec.linkedin_url
        keys = [(EMAIL, email, email) for email in emails]  # (kind, value, key)
        li = li_key(url) if url else None
        if li:
            keys.append((URL, url, li))
        if phones:
            keys += [(PHONE, phone, phone_key(phone)) for phone in phones]
        if rec.urls:
            keys += [(URL, other, contact_key(URL, other)) for other in rec.urls]

        group: list[Entity] = []
        if rec.uid:
            handle = self.by_uid.get(rec.uid)
            if handle is not None:
                group.append(self.entity(handle))
        if li:
            handle = self.by_li.get(li)
            if handle is not None and self.entity(handle) not in group:
                group.append(self.entity(handle))
        if emails or phones:
            for kind, _value, key in keys:
                index = self.by_email if kind == EMAIL else self.by_phone if kind == PHONE else None
                if index is not None and key in index:
                    e = self.entity(index[key])
                    if e not in group:
                        group.append(e)
        fp = None
        if not group:
            if not (emails or phones or li):
                fp = fingerprint(rec)
                if fp in self.by_fp:
                    group.append(self.entity(self.by_fp[fp]))
            if not group:  # nobody by a certain key: a new person (most records of a first import)
                target = self._create(rec, keys, li, fp)
                self._suggest(target, rec, li, bool(keys))
                if rec.related:
                    self.related.append((target, rec.related))
                return target, "created"

        target, conflicts = None, []
        lis = {li} if li else set()
        for e in group:
            if e.li and lis and not (e.li & lis):
                conflicts.append(e)  # a differing LinkedIn URL wins over a shared email or phone
                continue
            target = e if target is None else self._bridge(target, e)
            lis |= target.li
        if target is None:
            target = self._create(rec, keys, li, fp)
            for other in conflicts:
                self.suggestions.append((other, target, "shares an email or phone but has a different LinkedIn URL"))
            self._suggest(target, rec, li, bool(keys))
            if rec.related:
                self.related.append((target, rec.related))
            return target, "created"
        for other in conflicts:
            self.suggestions.append((other, target, "shares an email or phone but has a different LinkedIn URL"))
        if rec.related:
            self.related.append((target, rec.related))
        return target, "updated" if self._apply(target, rec, keys, li) else "unchanged"

    def _create(self, rec, keys, li, fp) -> Entity:
        """A new person from a record (the fast path of a first import)."""
        given = f"{rec.given_name} {rec.additional_name}" if rec.additional_name else rec.given_name
        uid = rec.uid if rec.uid and rec.uid not in self.by_uid else str(uuid.uuid4())
        e = Entity(None, (rec.display_name or rec.best_name)[:300], given[:150], rec.family_name[:150], "", "",
                   rec.connected_on, rec.location[:200], rec.notes, False, rec.row, uid, rec.birthday,
                   rec.prefix[:50], rec.suffix[:50], rec.addresses)
        e.dirty = True
        self.new.append(e)
        self.by_uid[uid] = e
        if fp:
            self.by_fp[fp] = e
        points, new_points, labels = e.points, e.new_points, rec.labels
        for kind, value, key in keys:
            if key and (kind, key) not in points:
                points.add((kind, key))
                new_points.append((kind, value[:500], key[:500], labels.get(value, "") if labels else ""))
                if kind == EMAIL:
                    e.emails.append(value)
                    self.by_email.setdefault(key, e)
                elif kind == PHONE:
                    self.by_phone.setdefault(key, e)
                elif key == li:
                    e.li.add(key)
                    self.by_li.setdefault(key, e)
        if rec.roles:
            self._roles(e, rec.roles)
        elif rec.title:
            e.title = rec.title[:300]
        for tag in rec.tags:
            k = tag.casefold()
            if k not in e.tags:
                e.tags[k] = self.tag_names.setdefault(k, tag[:100])
        return e

    def _bridge(self, keep: Entity, gone: Entity) -> Entity:
        """One record reaches two people by certain keys: they are one person."""
        if gone.is_me or (keep.pid is None and gone.pid is not None):
            keep, gone = gone, keep
        if keep.pid is not None and gone.pid is not None and keep.pid > gone.pid and not keep.is_me:
            keep, gone = gone, keep
        gone.merged_into = keep
        if gone.pid is not None:
            self.merges.append((keep, gone))
        else:
            self.new.remove(gone)
        keep.dirty = True
        keep.new_points += [p for p in gone.new_points if (p[0], p[2]) not in keep.points]
        keep.points |= gone.points
        keep.emails += [e for e in gone.emails if e not in keep.emails]
        keep.li |= gone.li
        have = {(r[0], r[1].casefold()) for r in keep.roles}
        keep.roles += [r for r in gone.roles if (r[0], r[1].casefold()) not in have]
        for role in keep.roles:
            role[4] = True  # the stored merge re-picks current roles; write ours back
        for k, t in gone.tags.items():
            keep.tags.setdefault(k, t)
        for field in ("given", "family", "location", "org", "title", "birthday", "prefix", "suffix", "addresses"):
            if not getattr(keep, field) and getattr(gone, field):
                setattr(keep, field, getattr(gone, field))
        if gone.connected_on and (not keep.connected_on or gone.connected_on < keep.connected_on):
            keep.connected_on = gone.connected_on
        keep.notes = "\n\n".join(n for n in (keep.notes, gone.notes) if n)
        keep.absorbed.append(gone)
        return keep

    def _apply(self, e: Entity, rec, keys, li) -> bool:
        changed = False
        if not e.given and rec.given_name:
            e.given, changed = " ".join(p for p in (rec.given_name, rec.additional_name) if p)[:150], True
        if not e.family and rec.family_name:
            e.family, changed = rec.family_name[:150], True
        for kind, value, key in keys:
            if (kind, key) not in e.points and key:
                e.points.add((kind, key))
                e.new_points.append((kind, value[:500], key[:500], rec.labels.get(value, "")))
                if kind == EMAIL:
                    e.emails.append(value)
                    self.by_email.setdefault(key, e)
                elif kind == PHONE:
                    self.by_phone.setdefault(key, e)
                elif key == li:
                    e.li.add(key)
                    self.by_li.setdefault(key, e)
                changed = True
        if rec.roles:
            changed |= self._roles(e, rec.roles)
        elif rec.title and not e.title and not e.org:
            e.title, changed = rec.title[:300], True
        for tag in rec.tags:
            k = tag.casefold()
            if k not in e.tags:
                e.tags[k] = self.tag_names.setdefault(k, tag[:100])
                changed = True
        if rec.connected_on and (e.connected_on is None or rec.connected_on < e.connected_on):
            e.connected_on, changed = rec.connected_on, True
        if rec.location and not e.location:
            e.location, changed = rec.location[:200], True
        for field, value in (("birthday", rec.birthday), ("prefix", rec.prefix[:50]), ("suffix", rec.suffix[:50]),
                             ("addresses", rec.addresses)):
            if value and not getattr(e, field):
                setattr(e, field, value)
                changed = True
        if rec.notes and rec.notes not in e.notes:
            e.notes, changed = (e.notes + "\n\n" + rec.notes) if e.notes else rec.notes, True
        if changed:
            e.dirty = True
        return changed

    def _roles(self, e: Entity, roles) -> bool:
        if not e.roles and len(roles) == 1:
            r = roles[0]
            ok = org_key(r.organization) if r.organization else ""
            if ok:
                if ok not in self.org_names:
                    self.org_names[ok] = r.organization[:300]
                e.roles.append([ok, r.title[:300], r.current, None, True, r.department[:200]])
                if r.current:
                    e.org, e.title = ok, r.title[:300]
                return True
            if r.title and not e.title:
                e.title = r.title[:300]
                return True
            return False
        changed = False
        newest = None
        for r in roles:
            if not r.organization:
                continue
            ok = org_key(r.organization)
            if not ok:
                continue
            self.org_names.setdefault(ok, r.organization[:300])
            title = r.title[:300]
            same = [x for x in e.roles if x[0] == ok]
            if any(x[1].casefold() == title.casefold() for x in same) or (same and not title):
                for x in same:  # the same role: a department it lacked is still news
                    if r.department and not x[5] and (not title or x[1].casefold() == title.casefold()):
                        x[5], x[4], changed = r.department[:200], True, True
                continue
            blank = next((x for x in same if not x[1]), None)
            if blank is not None:
                blank[1], blank[4] = title, True
                blank[5] = blank[5] or r.department[:200]
                if blank[2] and e.org == ok:
                    e.title = title
            else:
                e.roles.append([ok, title, r.current, None, True, r.department[:200]])
                if r.current and newest is None:
                    newest = (ok, title)
            changed = True
        if newest is not None:
            keep = {org_key(r.organization) for r in roles if r.current and r.organization}
            for x in e.roles:
                if x[2] and x[0] not in keep:
                    x[2], x[4] = False, True
            e.org, e.title = newest
        return changed

    # ------------------------------------------------------------------ suggestions

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
