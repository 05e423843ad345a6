"""Issue 17, item 9: a backup made on SQLite with a NUL character restores on either engine, and
the restore names each record it cleaned (PostgreSQL refused it with an error naming nothing)."""

import json

from goodloop.accounts import account as accounts
from goodloop.network import people
from goodloop.network.models import Person
from goodloop.transfer import backup, exporter


def test_a_backup_with_a_nul_restores_and_names_the_record(account):
    ada = people.add_person(account, "Ada Lovelace")
    doc = json.loads(exporter.export(account, "json"))
    table = doc["tables"]["network.person"]
    row = next(r for r in table["rows"] if r[table["fields"].index("id")] == ada.id)
    row[table["fields"].index("notes")] = "met at\x00 the conference"
    data = json.dumps(doc).encode()
    Person.objects.all().delete()
    target = accounts.create_account("restore@example.org", "a-long-enough-passphrase-42")
    counts = backup.restore(target, data)
    restored = Person.objects.get(id=ada.id)
    assert restored.notes == "met at the conference"
    (key,) = [k for k in counts if "NUL" in k]
    assert f"network.person #{ada.id} notes" in key and counts[key] == 1
