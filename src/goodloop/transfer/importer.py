"""Importing contacts: parse a file, match every record in memory, write in bulk, report.

    report = import_file(account, data, format="auto", filename="", dry_run=False)
    report.as_dict()  # the `import --json` shape of DESIGN.md section 5

The parser (formats.registry) turns bytes into records; `matching.Matcher`, loaded with
every key of the account in a few queries, decides for each record which person it is
(or that it is a new one) and what it adds; then the new and changed rows are written
table by table with one `executemany` each, so the number of queries does not grow with
the file. The whole import is one transaction: a bad file, an error or Ctrl-C leaves the
store as it was, and a dry run rolls back at the end but returns the same report.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from goodloop.accounts.models import Account
from goodloop.core.text_safety import clean_text
from goodloop.errors import ServiceError
from goodloop.formats import charsets, registry
from goodloop.formats.records import FormatError
from goodloop.network.models import (
    Connection,
    ContactPoint,
    ImportBatch,
    MergeRecord,
    Organization,
    Person,
    Role,
    SourceRecord,
    Tag,
)
from goodloop.transfer.bulk_sql import allocate, insert, update
from goodloop.transfer.import_checks import Unstorable, check_record
from goodloop.transfer.matching import Entity, Matcher, fingerprint

FORMATS = ("auto", *registry.PARSERS)
SUGGESTIONS_KEPT = 5000  # a shared switchboard number in a 100k-row file suggests 90k pairs: the report keeps a sample
Progress = Callable[[int, int], None]


@dataclass
class ImportReport:
    format: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)  # rows imported with something dropped, and why
    merge_suggestions: list[dict] = field(default_factory=list)
    dry_run: bool = False
    batch_id: int | None = None
    merged: int = 0  # stored people merged into another by a bridging record
    suggested: int = 0  # possible duplicates found (merge_suggestions lists the first SUGGESTIONS_KEPT)

    def as_dict(self) -> dict:
        return {"format": self.format, "rows": self.rows, "created": self.created, "updated": self.updated,
                "unchanged": self.unchanged, "errors": self.errors, "warnings": self.warnings,
                "merge_suggestions": self.merge_suggestions,
                "dry_run": self.dry_run, "batch": self.batch_id, "merged": self.merged,
                "suggested": self.suggested}


class _DryRun(Exception):
    pass


def import_file(account, data: bytes, format: str = "auto", filename: str = "", dry_run: bool = False,
                progress: Progress | None = None) -> ImportReport:
    """Import a contacts file into the account (see the module docstring)."""
    name = (format or "auto").strip().lower()
    if name not in FORMATS:
        raise ServiceError(f"unknown format {format!r}: choose {', '.join(FORMATS)}", field="format")
    paused = gc.isenabled()
    gc.disable()  # tens of thousands of small acyclic objects, from the parse on: the collector would rescan them
    try:
        return _import(account, data, name, filename, dry_run, progress)
    finally:
        if paused:
            gc.enable()


def _import(account, data: bytes, name: str, filename: str, dry_run: bool, progress: Progress | None) -> ImportReport:
    try:
        parsed = registry.parse(data, name)
    except FormatError as exc:
        raise ServiceError(str(exc), field="file") from None
    except (ValueError, TypeError, LookupError) as exc:  # a parser bug must not look like a crash
        raise ServiceError(f"cannot read this file: {exc}", field="file") from None
    report = ImportReport(format=parsed.format, rows=parsed.rows, dry_run=dry_run)
    report.errors = [{"row": e.row, "message": e.message} for e in parsed.errors]
    if guessed := charsets.warning(parsed.encoding):
        report.warnings.append({"row": 0, "message": guessed})  # row 0: the whole file
    try:
        with transaction.atomic():
            _run(account, parsed, report, filename, progress)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def _run(account, parsed, report: ImportReport, filename: str, progress: Progress | None) -> None:
    Account.objects.select_for_update().filter(id=account.id).first()  # one import at a time per account
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # index pages of a large import stay in memory (this connection)
            cursor.execute("PRAGMA cache_size = -65536")
    matcher = _load(account)
    records = parsed.records
    total = len(records)
    outcomes = []  # (record, entity, action)
    warnings = report.warnings
    for i, rec in enumerate(records):
        if progress is not None and i % 2000 == 0:
            progress(i, total)
        try:
            warnings.extend({"row": rec.row, "message": w} for w in check_record(rec))
            entity, action = matcher.add(rec)
        except Unstorable as exc:
            report.errors.append({"row": rec.row, "message": str(exc)})
            continue
        except Exception as exc:  # noqa: BLE001 — one odd record is a row error, not a failed import
            report.errors.append({"row": rec.row, "message": f"could not import: {exc}"})
            continue
        outcomes.append((rec, entity, action))
    if progress is not None:
        progress(total, total)
    report.errors.sort(key=lambda e: e["row"])
    batch = None
    if not report.dry_run:
        batch = ImportBatch.objects.create(account=account, format=parsed.format, filename=clean_text(filename or "")[:300])
        report.batch_id = batch.id
    _Writer(account, matcher, batch, parsed.format).write(outcomes)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for _rec, entity, action in outcomes:
        if action == "created" and entity.merged_into is not None:
            action = "updated"  # a later row bridged it into someone else
        counts[action] += 1
    report.created, report.updated, report.unchanged = counts["created"], counts["updated"], counts["unchanged"]
    report.merged = len(matcher.merges)
    report.merge_suggestions = matcher.report_suggestions()
    report.suggested = len(report.merge_suggestions)
    del report.merge_suggestions[SUGGESTIONS_KEPT:]
    if report.dry_run:  # people a dry run would create have no id: they are named by their row
        for side in (x for s in report.merge_suggestions for x in (s["a"], s["b"])):
            if "row" in side:
                side.pop("id", None)
    if batch is not None:
        batch.report = report.as_dict()
        batch.save(update_fields=["report"])


def _load(account) -> Matcher:
    """Every key of the account, in a few queries."""
    matcher = Matcher()
    people = Person.objects.filter(account=account).values_list(
        "id", "display_name", "given_name", "family_name", "organization_id", "title", "connected_on", "location",
        "notes", "is_me", "uid", "birthday", "name_prefix", "name_suffix", "addresses", "met_through_id")
    points = ContactPoint.objects.filter(account=account).order_by("id").values_list("person_id", "kind", "key",
                                                                                     "value")
    roles = Role.objects.filter(account=account).order_by("id").values_list("id", "person_id", "organization_id",
                                                                            "title", "current", "department")
    orgs = Organization.objects.filter(account=account).values_list("id", "normalized_name", "name")
    tags = Tag.objects.filter(account=account).values_list("id", "name")
    person_tags = Person.tags.through.objects.filter(tag__account=account).values_list("person_id", "tag_id")
    fps = SourceRecord.objects.filter(account=account).exclude(fingerprint="").order_by("id").values_list(
        "fingerprint", "person_id")
    split = MergeRecord.objects.filter(account=account, undone=True).values_list("kept_id", "gone_id")
    merged = MergeRecord.objects.filter(account=account, undone=False).values_list("kept_id", "snapshot__gone__uid")
    matcher.load(people, points, roles, orgs, tags, person_tags, fps, split, merged)
    return matcher


class _Writer:
    """Write what the matcher decided: one executemany per table."""

    def __init__(self, account, matcher: Matcher, batch, fmt: str):
        self.account, self.m, self.batch, self.format = account, matcher, batch, fmt
        self.now = timezone.now()

    def write(self, outcomes) -> None:
        from goodloop.transfer import merge

        m = self.m
        for keep, gone in m.merges:
            merge.merge_people(self.account, Person.objects.get(id=keep.pid), Person.objects.get(id=gone.pid))
        org_ids = self._organizations()
        tag_ids = self._tags()
        new = [e for e in m.new if e.merged_into is None]
        changed = [e for e in m.entities.values() if e.merged_into is None and e.dirty]
        for e, pid in zip(new, allocate(Person, len(new)), strict=True):
            e.pid = pid
        self._people(new, changed, org_ids)
        people = changed + new
        points, roles, role_updates, person_tags = [], [], [], []
        for e in people:
            pid = e.pid
            for kind, value, key, label in e.new_points:
                points.append((pid, kind, value, key, label))
            for r in e.roles:
                if r[4]:
                    if r[3] is None:
                        roles.append((pid, org_ids[r[0]], r[1], r[2], r[5]))
                    else:
                        role_updates.append((r[1], r[2], r[5], r[3]))
            if not e.tags:
                continue
            if e.pid in m.entities or e.absorbed:
                have = set(m.tags_of.get(e.pid, ()))
                for g in e.absorbed:
                    have.update(m.tags_of.get(g.pid, ()))
                have = {t.casefold() for t in have}
            else:
                have = ()
            person_tags += [(e.pid, tag_ids[k]) for k in e.tags if k not in have]
        account = {"account_id": self.account.id}
        insert(ContactPoint, ("person_id", "kind", "value", "key", "label"), points, account)
        insert(Role, ("person_id", "organization_id", "title", "current", "department"), roles, account)
        if role_updates:
            update(Role, ("title", "current", "department"), role_updates)
        if person_tags:
            insert(Person.tags.through, ("person_id", "tag_id"), person_tags)
        if m.related:
            self._related()
        self._sources(outcomes)

    def _related(self) -> None:
        """vCard RELATED: the first related person someone has becomes who we met them through (when
        unknown), the others links between the two (the card's person knows them)."""
        m = self.m
        linked = set(Connection.objects.filter(account=self.account).values_list("a_id", "b_id"))
        met, links = [], []
        for entity, uids in m.related:
            e = entity.final()
            for uid in uids:
                handle = m.by_uid.get(uid)
                other = m.entity(handle).pid if handle is not None else None
                if other is None or other == e.pid:
                    continue
                if e.met_through is None and not e.is_me:
                    e.met_through = other
                    met.append((other, e.pid))
                elif e.met_through != other and (e.pid, other) not in linked and (other, e.pid) not in linked:
                    linked.add((e.pid, other))
                    links.append((e.pid, other))
        if met:
            update(Person, ("met_through_id",), met)
        insert(Connection, ("a_id", "b_id"), links, {"account_id": self.account.id})

    def _organizations(self) -> dict:
        m = self.m
        ids = {key: oid for oid, key in m.org_by_id.items()}
        needed = {r[0] for e in [*m.new, *m.entities.values()] for r in e.roles if r[3] is None and r[4]}
        missing = sorted(k for k in needed if k not in ids)
        new_ids = allocate(Organization, len(missing))
        rows = [(oid, self.account.id, m.org_names[k], k) for oid, k in zip(new_ids, missing, strict=True)]
        insert(Organization, ("id", "account_id", "name", "normalized_name"), rows)
        ids.update(zip(missing, new_ids, strict=True))
        return ids

    def _tags(self) -> dict:
        m = self.m
        stored = dict(Tag.objects.filter(account=self.account).values_list("name", "id"))
        ids = {name.casefold(): tid for name, tid in stored.items()}
        used = {k for e in [*m.new, *m.entities.values()] for k in e.tags}
        missing = sorted(k for k in used if k not in ids)
        new_ids = allocate(Tag, len(missing))
        insert(Tag, ("id", "account_id", "name"), [(t, self.account.id, m.tag_names[k])
                                                   for t, k in zip(new_ids, missing, strict=True)])
        ids.update(zip(missing, new_ids, strict=True))
        return ids

    def _people(self, new: list[Entity], changed: list[Entity], org_ids: dict) -> None:
        org_names, org_id, adapt = self.m.org_names, org_ids.get, connection.ops.adapt_datefield_value
        now = connection.ops.adapt_datetimefield_value(self.now)
        dates = {None: None}  # a few thousand distinct days
        prep_uid = Person._meta.get_field("uid").get_db_prep_save
        prep_json = Person._meta.get_field("addresses").get_db_prep_save
        no_address = prep_json([], connection)

        def values(e: Entity) -> tuple:
            org = e.org
            text = " ".join(filter(None, (e.display, e.title, org_names.get(org, "") if org else "", *e.emails)))
            day = e.connected_on
            if day not in dates:
                dates[day] = adapt(day)
            return (e.display, e.given, e.family, text.lower(), org_id(org) if org else None, e.title, e.location,
                    dates[day], e.notes, e.prefix, e.suffix, adapt(e.birthday) if e.birthday else None,
                    prep_json(e.addresses, connection) if e.addresses else no_address)

        cols = ("display_name", "given_name", "family_name", "search_text", "organization_id", "title",
                "location", "connected_on", "notes", "name_prefix", "name_suffix", "birthday", "addresses")
        insert(Person, ("id", "uid", *cols), [(e.pid, prep_uid(e.uid, connection), *values(e)) for e in new],
               {"account_id": self.account.id, "created": now, "updated": now})
        if changed:
            update(Person, (*cols, "updated"), [(*values(e), now, e.pid) for e in changed])

    def _sources(self, outcomes) -> None:
        rows = []
        append = rows.append
        for rec, entity, action in outcomes:
            if action == "unchanged":
                continue
            while entity.merged_into is not None:
                entity = entity.merged_into
            if rec.linkedin_url or rec.emails or rec.phones:
                append((entity.pid, rec.row, action, ""))
            else:
                append((entity.pid, rec.row, action, fingerprint(rec)))
        insert(SourceRecord, ("person_id", "row", "action", "fingerprint"), rows,
               {"account_id": self.account.id, "batch_id": self.batch.id if self.batch is not None else None,
                "format": self.format})
