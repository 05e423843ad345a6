"""The full JSON backup of an account, and restoring it into an empty store.

    data = dump(account)            # bytes: every row of the account, ids included
    restore(account, data)          # into an account that holds nothing but "me"

The backup lists, per model (sorted by label), its field names and its rows ordered by
id, plus the many-to-many links as sorted id pairs; the JSON is written with sorted
keys and fixed separators, so dump → restore → dump is byte-identical. Models are found
from the app registry (every goodloop model with an `account`), so a model or field
added later is backed up without touching this file.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.apps import apps
from django.core.management.color import no_style
from django.db import IntegrityError, connection, transaction

from goodloop.accounts.models import Account
from goodloop.errors import ServiceError
from goodloop.network.models import Person

FORMAT, VERSION = "goodloop-backup", 1
APPS = ("network", "helploop", "leads", "accounts")


# Never in a backup: API tokens (a restored copy elsewhere would bring working tokens back)
# and the uploads kept to retry a failed import.
LEFT_OUT_MODELS = ("accounts.apitoken", "helploop.calendarfeed")  # the feed's secret address is a credential
LEFT_OUT_FIELDS = {"network.importjob": ("data",)}


def owned_models() -> list:
    """Every model with an `account` foreign key, sorted by label (less LEFT_OUT_MODELS)."""
    out = []
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            if (model is not Account and model._meta.label_lower not in LEFT_OUT_MODELS
                    and any(f.name == "account" for f in model._meta.concrete_fields)):
                out.append(model)
    return sorted(out, key=lambda m: m._meta.label_lower)


def _fields(model) -> list:
    left_out = ("account", *LEFT_OUT_FIELDS.get(model._meta.label_lower, ()))
    return [f for f in model._meta.concrete_fields if f.name not in left_out]


def _m2m(model) -> list:
    return [f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    return value


def dump(account) -> bytes:
    """Every row of the account as JSON bytes (deterministic)."""
    tables, links = {}, {}
    for model in owned_models():
        fields = _fields(model)
        names = [f.attname for f in fields]
        rows = model.objects.filter(account=account).order_by("pk").values_list(*names)
        tables[model._meta.label_lower] = {"fields": names, "rows": [[_plain(v) for v in row] for row in rows]}
        for f in _m2m(model):
            through = f.remote_field.through
            src, dst = f.m2m_field_name(), f.m2m_reverse_field_name()
            pairs = through.objects.filter(**{f"{src}__account": account}).order_by(f"{src}_id", f"{dst}_id")
            links[f"{model._meta.label_lower}.{f.name}"] = [list(p) for p in pairs.values_list(f"{src}_id",
                                                                                                f"{dst}_id")]
    doc = {"format": FORMAT, "version": VERSION,
           "account": {"name": account.name, "me": account.me_id}, "tables": tables, "m2m": links}
    return (json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def _load(data: bytes) -> dict:
    try:
        doc = json.loads(data.decode("utf-8-sig") if isinstance(data, bytes | bytearray) else data)
    except (UnicodeDecodeError, ValueError):
        raise ServiceError("not a goodloop backup: the file is not JSON (make one with `goodloop export json`)",
                           field="file") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ServiceError("not a goodloop backup (make one with `goodloop export json`)", field="file")
    if doc.get("version") != VERSION:
        raise ServiceError(f"this backup is version {doc.get('version')!r}; this goodloop reads version {VERSION}",
                           field="file")
    if not isinstance(doc.get("tables"), dict) or not isinstance(doc.get("m2m", {}), dict):
        raise ServiceError("a damaged goodloop backup: no tables", field="file")
    return doc


def is_empty(account) -> bool:
    """True if the account holds nothing but its own "me"."""
    for model in owned_models():
        qs = model.objects.filter(account=account)
        if model is Person:
            qs = qs.exclude(is_me=True)
        if qs.exists():
            return False
    return True


@transaction.atomic
def restore(account, data: bytes) -> dict:
    """Recreate every row of a backup, with the same ids, in an empty account."""
    doc = _load(data)
    if not is_empty(account):
        raise ServiceError("restore needs an empty store, and this one already holds data; restore into a "
                           "new home, e.g. `goodloop --home /tmp/goodloop-restore restore FILE`")
    models = {m._meta.label_lower: m for m in owned_models()}
    unknown = sorted(set(doc["tables"]) - set(models) - set(LEFT_OUT_MODELS))  # older backups held tokens
    if unknown:
        raise ServiceError(f"this backup has tables this goodloop does not know: {', '.join(unknown)}")
    account = Account.objects.select_for_update().get(id=account.id)
    old_me = account.me_id
    account.me = None
    account.save(update_fields=["me"])
    Person.objects.filter(account=account, is_me=True).delete()
    counts, cleaned = {}, []
    try:
        for label, model in models.items():
            counts[str(model._meta.verbose_name_plural)] = _restore_table(account, model, doc["tables"].get(label),
                                                                          cleaned)
        for key, pairs in sorted(doc.get("m2m", {}).items()):
            _restore_links(models, key, pairs)
        me = doc.get("account", {}).get("me")
        account.me_id = me if me is not None else old_me
        account.name = doc.get("account", {}).get("name") or account.name
        account.save(update_fields=["me", "name"])
        sql = connection.ops.sequence_reset_sql(no_style(), list(models.values()) + [
            f.remote_field.through for m in models.values() for f in _m2m(m)])
        with connection.cursor() as cursor:
            for statement in sql:
                cursor.execute(statement)
    except IntegrityError as exc:
        raise ServiceError(f"the backup does not fit this store (its ids are taken or it is damaged): "
                           f"{str(exc).splitlines()[0]}") from None
    except (TypeError, ValueError, KeyError) as exc:
        raise ServiceError(f"a damaged goodloop backup: {exc}") from None
    if cleaned:  # named, so the owner can check them (SQLite stores NUL, PostgreSQL cannot)
        shown = ", ".join(cleaned[:10]) + (f" and {len(cleaned) - 10} more" if len(cleaned) > 10 else "")
        counts[f"values cleaned of NUL characters ({shown})"] = len(cleaned)
    return counts


def _restore_table(account, model, table, cleaned: list) -> int:
    if not table:
        return 0
    by_name = {f.attname: f for f in _fields(model)}
    names = table["fields"]
    missing = [n for n in names if n not in by_name]
    if missing:
        raise ServiceError(f"this backup has fields this goodloop does not know: {model._meta.label_lower}."
                           f"{missing[0]}")
    fields = [by_name[n] for n in names]
    objs = []
    for row in table["rows"]:
        obj = model(account_id=account.id)
        for f, value in zip(fields, row, strict=True):
            if isinstance(value, str) and "\x00" in value:
                value = value.replace("\x00", "")
                cleaned.append(f"{model._meta.label_lower} #{row[names.index('id')] if 'id' in names else '?'} "
                               f"{f.attname}")
            setattr(obj, f.attname, f.to_python(value) if value is not None else None)
        objs.append(obj)
    model.objects.bulk_create(objs, batch_size=500)
    stamps = [f.attname for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)]
    if stamps and objs:
        # bulk_create stamped them "now"; put the backed-up times back
        for obj, row in zip(objs, table["rows"], strict=True):
            for name in stamps:
                setattr(obj, name, by_name[name].to_python(row[names.index(name)]))
        model.objects.bulk_update(objs, stamps, batch_size=500)
    return len(objs)


def _restore_links(models, key: str, pairs) -> None:
    label, _, name = key.rpartition(".")
    model = models.get(label)
    if model is None:
        raise ServiceError(f"this backup links a table this goodloop does not know: {label}")
    f = next((f for f in _m2m(model) if f.name == name), None)
    if f is None:
        raise ServiceError(f"this backup has a link this goodloop does not know: {key}")
    through = f.remote_field.through
    src, dst = f"{f.m2m_field_name()}_id", f"{f.m2m_reverse_field_name()}_id"
    through.objects.bulk_create([through(**{src: a, dst: b}) for a, b in pairs], batch_size=500)
