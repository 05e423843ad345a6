"""Fuzzing the importer: any bytes give a report or a ServiceError, and an error writes nothing."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goodloop.errors import ServiceError
from goodloop.network.models import ContactPoint, ImportBatch, Person, SourceRecord
from goodloop.transfer.importer import ImportReport, import_file

HEADERS = [
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n",
    b"First Name,Middle Name,Last Name,Organization Name,Labels,E-mail 1 - Value,Phone 1 - Value\r\n",
    b"First Name,Last Name,Company,Job Title,E-mail Address,Mobile Phone\r\n",
    b"BEGIN:VCARD\r\nVERSION:3.0\r\n",
    b"",
]
cells = st.sampled_from([b"Ana", b"Souza", b"https://www.linkedin.com/in/ana", b"ana@x.example", b"+1 415 555 0100",
                         b"Acme, Inc.", b'"q,uoted"', b"12 Mar 2024", b"", b"\xff\xfe", b"FN:Bo", b"EMAIL:b@x.example",
                         b"END:VCARD", b"\r\n", b"::: ", b"item1.TEL:1"])
bodies = st.one_of(st.binary(max_size=300), st.lists(cells, max_size=40).map(lambda xs: b",".join(xs)))


def state(account):
    return tuple(m.objects.filter(account=account).count() for m in (Person, ContactPoint, SourceRecord, ImportBatch))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.sampled_from(HEADERS), body=bodies,
       fmt=st.sampled_from(["auto", "auto", "linkedin", "google", "outlook", "vcard"]), dry=st.booleans())
def test_any_bytes_give_a_report_or_a_clean_error(account, header, body, fmt, dry):
    before = state(account)
    try:
        report = import_file(account, header + body, format=fmt, dry_run=dry)
    except ServiceError as exc:
        assert str(exc) and "\n" not in str(exc)
        assert state(account) == before
        return
    assert isinstance(report, ImportReport)
    assert report.created + report.updated + report.unchanged + len(report.errors) == report.rows
    if dry:
        assert state(account) == before
