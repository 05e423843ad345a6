"""`goodloop import`, `export` and `restore` end to end, in-process."""

import json
from pathlib import Path

from goodloop.accounts.models import Account
from goodloop.network.models import Person

FMT = Path(__file__).parent.parent / "formats" / "fixtures"


def test_import_json_report_then_reimport_unchanged(cli):
    code, out, err = cli("import", FMT / "linkedin_connections.csv", "--json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert {k: report[k] for k in ("format", "rows", "created", "updated", "unchanged")} == {
        "format": "linkedin", "rows": 6, "created": 5, "updated": 0, "unchanged": 0}
    assert report["errors"] == [{"row": 5, "message": "no name, email, phone or LinkedIn URL"}]
    assert report["merge_suggestions"] == []
    code, out, _ = cli("import", FMT / "linkedin_connections.csv", "--json")
    assert json.loads(out)["unchanged"] == 5 and json.loads(out)["created"] == 0


def test_import_summary_dry_run_and_format_option(cli):
    code, out, err = cli("import", FMT / "google_current.csv", "--dry-run")
    assert code == 0 and "dry run, nothing written" in out and "3 created" in out and "row 3:" in out
    assert not Person.objects.filter(is_me=False).exists()
    code, out, err = cli("import", FMT / "vcard30_apple.vcf", "--format", "vcard")
    assert code == 0 and "3 rows read (vcard): 2 created" in out
    assert "\x1b[" not in out  # no progress bar when stdout is not a terminal


def test_import_errors_are_one_line(cli, tmp_path):
    code, out, err = cli("import", tmp_path / "missing.csv")
    assert code == 1 and err.startswith("goodloop: no such file") and err.count("\n") == 1
    code, out, err = cli("import", FMT / "google_current.csv", "--format", "linkedin")
    assert code == 1 and "not a LinkedIn Connections.csv export" in err and err.count("\n") == 1
    code, out, err = cli("import", FMT / "google_current.csv", "--format", "excel")
    assert code == 1 and "--format must be one of" in err
    junk = tmp_path / "photo.png"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    code, out, err = cli("import", junk)
    assert code == 1 and "not a contacts file" in err and out == ""


def test_export_formats_and_restore_into_an_empty_store(cli, tmp_path):
    cli("import", FMT / "google_current.csv")
    code, out, err = cli("export", "vcard")
    assert code == 0 and out.count("BEGIN:VCARD") == 3 and "CATEGORIES:Job Search,Mentors" in out
    code, out, err = cli("export", "vcard", "--version", "3.0")
    assert code == 0 and out.count("VERSION:3.0") == 3 and "VERSION:4.0" not in out
    code, out, err = cli("export", "vcard", "--version", "2.1")
    assert code == 1 and "--version must be 4.0 or 3.0" in err
    code, out, _ = cli("export", "csv")
    assert code == 0 and out.lstrip("\ufeff").startswith("First Name,Middle Name,Last Name")
    code, out, _ = cli("export", "ics")
    assert code == 0 and out.startswith("BEGIN:VCALENDAR")
    backup = tmp_path / "backup.json"
    code, out, err = cli("export", "json", "-o", backup)
    assert code == 0 and out == "" and backup.exists()
    code, out, err = cli("restore", backup)
    assert code == 1 and "restore needs an empty store" in err
    Account.objects.all().delete()
    code, out, err = cli("restore", backup)
    assert code == 0 and "restored" in out and "3 persons" not in out  # "me" is restored too
    assert Person.objects.filter(is_me=False).count() == 3
    again = tmp_path / "again.json"
    cli("export", "json", "-o", again)
    assert again.read_bytes() == backup.read_bytes()
    code, out, err = cli("export", "xml")
    assert code == 1 and "export what?" in err
