"""Timestamps on every resource the API shows (issue 16, item 5): introduction.created, introduction.updated, lead.created, lead.updated, target.updated. Rows that exist get the
time of the migration."""

import django.utils.timezone
from django.db import migrations, models


def _stamp(model, name, auto):
    kind = {"auto_now_add": True} if auto == "created" else {"auto_now": True}
    return migrations.AddField(model_name=model, name=name, preserve_default=False,
                               field=models.DateTimeField(default=django.utils.timezone.now, **kind))


class Migration(migrations.Migration):

    dependencies = [
        ("leads", "0001_initial"),
    ]

    operations = [
        _stamp("introduction", "created", "created"),
        _stamp("introduction", "updated", "updated"),
        _stamp("lead", "created", "created"),
        _stamp("lead", "updated", "updated"),
        _stamp("target", "updated", "updated"),
    ]
