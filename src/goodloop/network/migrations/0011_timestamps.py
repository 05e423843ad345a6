"""Timestamps on every resource the API shows (issue 16, item 5): organization.created, organization.updated, interaction.updated. Rows that exist get the
time of the migration."""

import django.utils.timezone
from django.db import migrations, models


def _stamp(model, name, auto):
    kind = {"auto_now_add": True} if auto == "created" else {"auto_now": True}
    return migrations.AddField(model_name=model, name=name, preserve_default=False,
                               field=models.DateTimeField(default=django.utils.timezone.now, **kind))


class Migration(migrations.Migration):

    dependencies = [
        ("network", "0010_contact_details"),
    ]

    operations = [
        _stamp("organization", "created", "created"),
        _stamp("organization", "updated", "updated"),
        _stamp("interaction", "updated", "updated"),
    ]
