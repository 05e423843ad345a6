from datetime import date, datetime, timedelta

from icalendar import Calendar

from goodloop.formats import csv_writer, ics_writer, registry, vcard, vcard_writer
from goodloop.formats.records import ExportLoop, ExportPerson, ExportRelated, RoleRecord


def people():
    return [
        ExportPerson(
            id=1,
            uid="6f1c0a52-0000-4000-8000-000000000001",
            given_name="Ana",
            family_name="Souza",
            display_name="Ana Souza",
            emails=["ana@globex.example", "ana.souza@gmail.example"],
            phones=["+1 415 555 0101", "(415) 555-0102"],
            urls=["https://ana.example/blog?a=1,2"],
            linkedin_url="https://www.linkedin.com/in/ana-souza",
            roles=[
                RoleRecord("Globex, Inc.", "Product Manager; Growth", True),
                RoleRecord("Old Co", "Intern", False),
            ],
            tags=["mentor", "job search", "a,b"],
            notes="Met at PyCon.\nLikes tea; hates coffee.\\ backslash",
            location="San Francisco, CA",
            birthday=date(1990, 1, 2),
            related=[ExportRelated(type="contact", uid="6f1c0a52-0000-4000-8000-000000000002")],
        ),
        ExportPerson(
            id=2,
            uid="6f1c0a52-0000-4000-8000-000000000002",
            given_name="Björn",
            additional_name="K.",
            family_name="Åberg",
            display_name="Björn K. Åberg",
            emails=["bjorn@nordic.example"],
            roles=[RoleRecord("Nordic AB", "CTO", True), RoleRecord("Uni", "Adjunct", True)],
            tags=["Nordics"],
            notes="Ü" * 200,
            related=[ExportRelated(type="met", text="Introduced by Ana Souza")],
        ),
        ExportPerson(id=3, display_name="Cher", given_name="Cher"),
    ]


def test_vcard_round_trip():
    text = vcard_writer.write_vcards(people())
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "RELATED;TYPE=contact:urn:uuid:6f1c0a52-0000-4000-8000-000000000002" in text
    assert "RELATED;VALUE=text;TYPE=met:Introduced by Ana Souza" in text
    assert "CATEGORIES:mentor,job search,a\\,b" in text
    data = text.encode("utf-8")
    assert registry.detect(data) == "vcard"
    result = vcard.parse(data)
    assert result.errors == [] and result.rows == 3
    for src, rec in zip(people(), result.records, strict=True):
        assert (rec.given_name, rec.additional_name, rec.family_name) == (
            src.given_name,
            src.additional_name,
            src.family_name,
        )
        assert rec.display_name == src.display_name
        assert rec.emails == src.emails
        assert rec.phones == src.phones
        assert rec.urls == src.urls
        assert rec.linkedin_url == src.linkedin_url
        assert rec.roles == [r for r in src.roles if r.current]
        assert (rec.organization, rec.title) == (src.organization, src.title)
        assert rec.tags == src.tags
        assert rec.notes == src.notes
        assert rec.location == src.location
        assert rec.birthday == src.birthday


def test_vcard_is_also_readable_by_vobject():
    import vobject

    cards = list(vobject.readComponents(vcard_writer.write_vcards(people())))
    assert [c.fn.value for c in cards] == ["Ana Souza", "Björn K. Åberg", "Cher"]


def test_csv_writer_google_layout_reads_back_with_the_google_parser():
    import csv
    import io

    from goodloop.formats import registry

    p = people()
    p[0].extra = {"tier": "close"}
    text = csv_writer.write_csv(p)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 3
    assert list(rows[0])[:13] == csv_writer.HEAD
    assert (rows[0]["E-mail 1 - Value"], rows[0]["E-mail 2 - Value"]) == ("ana@globex.example",
                                                                          "ana.souza@gmail.example")
    assert rows[0]["Organization Name"] == "Globex, Inc." and rows[0]["Organization Title"] == "Product Manager; Growth"
    assert rows[0]["Notes"] == p[0].notes
    assert rows[0]["Birthday"] == "1990-01-02"
    assert (rows[0]["Custom Field 1 - Label"], rows[0]["Custom Field 1 - Value"]) == ("goodloop tier", "close")
    assert text.count("\r\n") >= 4
    parsed = registry.parse(text)
    assert (parsed.format, parsed.errors) == ("google", [])
    for record, person in zip(parsed.records, p, strict=True):
        assert record.display_name == person.display_name
        assert record.emails == person.emails and record.organization == person.organization
        assert record.birthday == person.birthday and record.linkedin_url == person.linkedin_url


def test_csv_cells_that_would_run_as_formulas_are_neutralised_and_read_back():
    import csv

    from goodloop.formats import registry

    evil = ExportPerson(display_name="=HYPERLINK(\"http://x.example\",\"y\")", given_name="=HYPERLINK(1)",
                        family_name="@SUM(A1)", phones=["+1 206 555 0100"], notes="-2+3",
                        roles=[RoleRecord("+Acme", "=cmd|' /C calc'!A0", True)], emails=["a@b.example"])
    text = csv_writer.write_csv([evil])
    cells = text.splitlines()[1]
    assert "'=HYPERLINK(1)" in cells and "'@SUM(A1)" in cells and "'+Acme" in cells and "'-2+3" in cells
    row = next(csv.reader([cells]))
    assert "+1 206 555 0100" in row  # a phone number runs nothing: written as it is
    assert not [c for c in row if c.startswith(("=", "+", "-", "@")) and c != "+1 206 555 0100"]
    (rec,) = registry.parse(text).records
    assert (rec.given_name, rec.family_name, rec.notes, rec.organization) == ("=HYPERLINK(1)", "@SUM(A1)", "-2+3",
                                                                              "+Acme")
    assert rec.phones == ["+1 206 555 0100"]


def test_ics_writer_todos_and_events():
    loops = [
        ExportLoop(
            id=7, kind="thank", person_name="Ana Souza", due=date(2024, 3, 14), reason="Favor received"
        ),
        ExportLoop(id=8, kind="report", person_name="Björn Åberg", due=date(2024, 4, 10)),
        ExportLoop(id=9, kind="check_in", person_name="Cher", due=None),
    ]
    stamp = datetime(2024, 3, 12, 9, 0, 0)
    data = ics_writer.write_ics(loops, todo=True, dtstamp=stamp)
    assert data == ics_writer.write_ics(loops, todo=True, dtstamp=stamp)  # deterministic
    cal = Calendar.from_ical(data)
    todos = [c for c in cal.walk("VTODO")]
    assert [str(t["uid"]) for t in todos] == ["loop-7@goodloop", "loop-8@goodloop"]
    assert [str(t["summary"]) for t in todos] == ["Thank Ana Souza", "Report back to Björn Åberg"]
    assert todos[0]["dtstart"].dt == date(2024, 3, 14)
    assert todos[0]["due"].dt == date(2024, 3, 15)  # after DTSTART, as RFC 5545 wants
    assert str(todos[0]["description"]) == "Favor received"
    assert not cal.walk("VEVENT")

    events = Calendar.from_ical(ics_writer.write_ics(loops, dtstamp=stamp)).walk("VEVENT")  # the default
    assert len(events) == 2
    assert events[0]["dtstart"].dt == date(2024, 3, 14) and events[0]["dtend"].dt == date(2024, 3, 15)
    assert str(events[1]["uid"]) == "loop-8@goodloop"
    (alarm,) = events[0].walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY" and alarm["trigger"].dt == timedelta(hours=9)
    assert str(alarm["description"]) == "Thank Ana Souza"
