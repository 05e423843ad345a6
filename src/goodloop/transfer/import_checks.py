"""What an import may store of a record (issue 17): the same on SQLite and PostgreSQL.

Control characters (NUL above all: PostgreSQL refuses it, SQLite would keep it) are dropped
with a warning, a name of invisible characters only is dropped, and a web address that is not
http(s) (`javascript:`, `data:`) is dropped with a warning. A record left with nothing to name
its person is a row error. Lengths are cut to the columns by the matcher.
"""

from __future__ import annotations

from goodloop.core.input_bounds import date_problem
from goodloop.core.text_safety import clean_text, has_controls, is_web_url, visible

_ONE_LINE = ("given_name", "additional_name", "family_name", "display_name", "prefix", "suffix", "location")


class Unstorable(ValueError):
    """The record has nothing left that can name a person."""


def check_record(rec) -> list[str]:
    """Clean `rec` in place; return the warnings (one line each), or raise Unstorable."""
    warnings = []
    dropped_controls = False
    for name in _ONE_LINE:
        value = getattr(rec, name)
        if value and has_controls(value):
            setattr(rec, name, clean_text(value))
            dropped_controls = True
    if rec.notes and has_controls(rec.notes, multiline=True):
        rec.notes, dropped_controls = clean_text(rec.notes, multiline=True), True
    if any(len(t) > 100 for t in rec.tags):  # Tag.name's column; cut before the tag is keyed
        rec.tags = [t[:100] for t in rec.tags]
    for attr in ("emails", "phones", "tags"):
        values = getattr(rec, attr)
        if any(has_controls(v) for v in values):
            setattr(rec, attr, [c for c in (clean_text(v) for v in values) if c])
            dropped_controls = True
    for role in rec.roles:
        if has_controls(role.organization) or has_controls(role.title):
            role.organization, role.title = clean_text(role.organization), clean_text(role.title)
            dropped_controls = True
    if dropped_controls:
        warnings.append("control characters removed")
    bad = [u for u in rec.urls if not is_web_url(u)]
    if rec.linkedin_url and not is_web_url(rec.linkedin_url):
        bad.append(rec.linkedin_url)
        rec.linkedin_url = None
    if bad:
        rec.urls = [u for u in rec.urls if is_web_url(u)]
        shown = ", ".join(repr(clean_text(u)[:60]) for u in bad[:3])
        warnings.append(f"web address dropped (only http and https links are kept): {shown}")
    for attr in ("connected_on", "birthday"):
        problem = date_problem(getattr(rec, attr))
        if problem:
            setattr(rec, attr, None)
            warnings.append(f"{attr.replace('_', ' ')} dropped: {problem}")
    names = [n for n in ("display_name", "given_name", "additional_name", "family_name") if getattr(rec, n)]
    if names and not any(visible(getattr(rec, n)) for n in names):
        for n in names:
            setattr(rec, n, "")
        warnings.append("name dropped: it has no visible character")
    if not (rec.has_name or rec.emails or rec.phones or rec.linkedin_url):
        raise Unstorable("nothing to name this person by (no visible name, email, phone or LinkedIn URL)")
    return warnings
