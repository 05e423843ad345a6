"""Identity matching for imports, in memory (DESIGN.md section 6).

The importer loads every key of the account once (`Matcher.load`), then feeds it the
parsed records one by one. Each record is matched, in order, by LinkedIn URL, email and
phone. A LinkedIn URL is certain; an email or phone is certain only when the names agree
(`names_agree`): a company's main line or a team mailbox shared by people of different names
makes a suggestion, never a merge (issue 17). A record whose certain keys reach two people
bridges them into one, unless they carry different LinkedIn URLs (a differing strong key
wins: those are different people, however alike their names) or a merge of the two was
undone by hand. Records with no certain match are checked
against the same normalized name at the same (or a missing) organization, and against
near-identical names at the same organization (rapidfuzz): such matches are only
*suggested*, never merged. Nothing here touches the database; `importer` writes.
"""

from __future__ import annotations

import uuid

from goodloop.network.people import contact_key
from goodloop.transfer.match_entity import Entity
from goodloop.transfer.match_keys import (
    EMAIL,
    PHONE,
    URL,
    fingerprint,
    li_key,
    names_agree,
    org_key,
    phone_key,
)
from goodloop.transfer.match_suggest import Suggestions

OTHER_LI = "shares an email or phone but has a different LinkedIn URL"
OTHER_NAME = "shares an email or phone but the name differs"
SPLIT = "was split from this person by hand (merge undone)"


class Matcher(Suggestions):
    """Match records to people and fold them in; see the module docstring."""

    def __init__(self):
        self.by_email: dict = {}
        self.by_li: dict = {}
        self.by_phone: dict = {}
        self.shared: dict = {}  # (kind, key) -> more holders of an email or phone than the one indexed
        self.split: set = set()  # frozensets of two stored ids whose merge was undone
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

    def load(self, people, points, roles, orgs, tags, person_tags, fingerprints, split=(), merged_uids=()) -> None:
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
            if index is not None and index.setdefault(key, pid) != pid and kind != URL:
                self.shared.setdefault((kind, key), []).append(pid)
        self.split = {frozenset(pair) for pair in split}
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
        target, action = self._add(rec)
        if rec.related:
            self.related.append((target, rec.related))
        return target, action

    def _add(self, rec) -> tuple[Entity, str]:
        emails, phones, url = rec.emails, rec.phones, rec.linkedin_url
        keys = [(EMAIL, email, email) for email in emails]  # (kind, value, key)
        li = li_key(url) if url else None
        if li:
            keys.append((URL, url, li))
        if phones:
            keys += [(PHONE, phone, phone_key(phone)) for phone in phones]
        if rec.urls:
            keys += [(URL, other, contact_key(URL, other)) for other in rec.urls]

        group: list[Entity] = []  # people this record certainly is
        doubtful: list[Entity] = []  # people sharing an email or phone under another name
        if rec.uid:  # the card's UID: the person it was exported from or imported as
            handle = self.by_uid.get(rec.uid)
            if handle is not None:
                group.append(self.entity(handle))
        if li:
            handle = self.by_li.get(li)
            if handle is not None and self.entity(handle) not in group:
                group.append(self.entity(handle))
        if emails or phones:
            name = rec.display_name or " ".join(filter(None, (rec.given_name, rec.family_name)))
            for kind, _value, key in keys:
                if kind == URL:
                    continue
                for rank, handle in enumerate(self._holders(kind, key)):
                    e = self.entity(handle)
                    if e in group or e in doubtful:
                        continue
                    if names_agree(name, e.display):
                        group.append(e)
                    elif rank == 0:  # suggested against the first holder only: n people on a line, n - 1 pairs
                        doubtful.append(e)
        fp = None
        if not group:
            if not (emails or phones or li):
                fp = fingerprint(rec)
                if fp in self.by_fp:
                    group.append(self.entity(self.by_fp[fp]))
            if not group:  # nobody by a certain key: a new person (most records of a first import)
                target = self._create(rec, keys, li, fp)
                self._suggest_all(target, doubtful, OTHER_NAME)
                self._suggest(target, rec, li, bool(keys))
                return target, "created"

        target, conflicts = None, []
        lis = {li} if li else set()
        for e in group:
            if e.li and lis and not (e.li & lis):
                conflicts.append((e, OTHER_LI))  # a differing LinkedIn URL wins over a shared email or phone
                continue
            if target is not None and frozenset((target.pid, e.pid)) in self.split:
                conflicts.append((e, SPLIT))
                continue
            target = e if target is None else self._bridge(target, e)
            lis |= target.li
        created = target is None
        if created:
            target = self._create(rec, keys, li, fp)
        for other, reason in conflicts:
            self.suggestions.append((other, target, reason))
        self._suggest_all(target, doubtful, OTHER_NAME)
        if created:
            self._suggest(target, rec, li, bool(keys))
            return target, "created"
        return target, "updated" if self._apply(target, rec, keys, li) else "unchanged"

    def _holders(self, kind: str, key: str) -> tuple:
        """Who holds this email or phone: the indexed one first, then any others."""
        held = (self.by_email if kind == EMAIL else self.by_phone).get(key)
        if held is None:
            return ()
        more = self.shared.get((kind, key))
        return (held, *more) if more else (held,)

    def _suggest_all(self, target: Entity, others: list, reason: str) -> None:
        for other in others:
            if other.final() is not target:
                self.suggestions.append((other, target, reason))

    def _point(self, e: Entity, kind: str, value: str, key: str, li, label: str = "") -> None:
        """Give `e` a new contact point and index it (a key held by someone else is shared, not taken)."""
        e.points.add((kind, key))
        e.new_points.append((kind, value[:500], key[:500], label))
        if kind == EMAIL:
            e.emails.append(value)
            index = self.by_email
        elif kind == PHONE:
            index = self.by_phone
        elif key == li:
            e.li.add(key)
            self.by_li.setdefault(key, e)
            return
        else:
            return
        held = index.setdefault(key, e)
        if held is not e and self.entity(held) is not e:
            self.shared.setdefault((kind, key), []).append(e)

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
        labels = rec.labels
        for kind, value, key in keys:
            if key and (kind, key) not in e.points:
                self._point(e, kind, value, key, li, labels.get(value, "") if labels else "")
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
                self._point(e, kind, value, key, li, rec.labels.get(value, ""))
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
            # One current role per organization: a new title at the same company ends the old one.
            now = [(org_key(r.organization), r.title[:300].casefold()) for r in roles if r.current and r.organization]
            keep, untitled = set(now), {ok for ok, title in now if not title}  # no title: any role there stays
            for x in e.roles:
                if x[2] and (x[0], x[1].casefold()) not in keep and x[0] not in untitled:
                    x[2], x[4] = False, True
            e.org, e.title = newest
        return changed
