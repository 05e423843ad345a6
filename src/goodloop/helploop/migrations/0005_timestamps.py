"""Timestamps on every resource the API shows (issue 16, item 5): ask.updated, favor.updated, loop.created, loop.updated. Rows that exist get the
time of the migration."""

import django.utils.timezone
from django.db import migrations, models


def _stamp(model, name, auto):
    kind = {"auto_now_add": True} if auto == "created" else {"auto_now": True}
    return migrations.AddField(model_name=model, name=name, preserve_default=False,
                               field=models.DateTimeField(default=django.utils.timezone.now, **kind))


class Migration(migrations.Migration):

    dependencies = [
        ("helploop", "0004_calendar_feed"),
    ]

    operations = [
        _stamp("ask", "updated", "updated"),
        _stamp("favor", "updated", "updated"),
        _stamp("loop", "created", "created"),
        _stamp("loop", "updated", "updated"),
    ]
