"""A random UUID per person (the vCard UID and the API's `uid`), unique within an account.

Added nullable, filled with uuid4 for the people already stored (one UPDATE per 1,000 people), then
made required; the unique constraint comes last, once every row has its own value.
"""

import uuid

from django.db import migrations, models


def fill(apps, schema_editor):
    Person = apps.get_model("network", "Person")
    ids = list(Person.objects.filter(uid__isnull=True).values_list("id", flat=True))
    for start in range(0, len(ids), 1000):
        batch = [Person(id=pid, uid=uuid.uuid4()) for pid in ids[start:start + 1000]]
        Person.objects.bulk_update(batch, ["uid"])


class Migration(migrations.Migration):

    dependencies = [
        ("network", "0008_import_job_worker"),
    ]

    operations = [
        migrations.AddField(model_name="person", name="uid", field=models.UUIDField(null=True)),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(model_name="person", name="uid", field=models.UUIDField(default=uuid.uuid4)),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(fields=("account", "uid"), name="person_uid_per_account"),
        ),
    ]
