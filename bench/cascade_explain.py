"""EXPLAIN of the cascade Django runs when an organization is deleted, on PostgreSQL at 30,000 people.

Usage: python bench/cascade_explain.py postgresql://postgres@127.0.0.1:5432/EMPTY_DB (docs/benchmarks.md).
The database is migrated and filled; the index is dropped only inside a rolled-back transaction.
"""

import os
import sys


def main(url: str) -> None:
    os.environ["GOODLOOP_DATABASE_URL"] = url
    os.environ.setdefault("GOODLOOP_HOME", "/tmp/explain-home")
    os.environ["DJANGO_SETTINGS_MODULE"] = "goodloop.settings"
    import django

    django.setup()  # the imports below need the app registry
    from django.core.management import call_command
    from django.db import connection, transaction

    from goodloop.accounts import account as accounts
    from goodloop.network.models import Organization, Person

    call_command("migrate", verbosity=0)
    acc = accounts.create_account("explain@example.org", "a long enough password 9")
    orgs = Organization.objects.bulk_create([Organization(account=acc, name=f"Org {i}", normalized_name=f"org {i}")
                                             for i in range(300)])
    Person.objects.bulk_create([Person(account=acc, display_name=f"P {i}", organization=orgs[i % 300])
                                for i in range(30000)], batch_size=2000)
    table = Person._meta.db_table
    query = f"EXPLAIN UPDATE {table} SET organization_id = NULL WHERE organization_id IN ({orgs[7].id})"
    with connection.cursor() as c:
        c.execute(f"ANALYZE {table}")
        c.execute(query)
        print("WITH the index (migration network/0012):\n" + "\n".join(r[0] for r in c.fetchall()))
        names = [n for n, d in connection.introspection.get_constraints(c, table).items()
                 if d["index"] and d["columns"] and d["columns"][0] == "organization_id"]
        with transaction.atomic():
            for name in names:
                c.execute(f'DROP INDEX "{name}"')
            c.execute(query)
            print("WITHOUT it (as network/0007 left it):\n" + "\n".join(r[0] for r in c.fetchall()))
            transaction.set_rollback(True)


if __name__ == "__main__":
    main(sys.argv[1])
