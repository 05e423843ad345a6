"""Timestamps on every resource the API shows (issue 16, item 5): ask.updated, favor.updated, loop.created, loop.updated. Rows that exist get the
time of the migration."""

from django.db import migrations

from goodloop.migration_helpers import add_stamp


class Migration(migrations.Migration):

    dependencies = [
        ("helploop", "0004_calendar_feed"),
    ]

    operations = [
        add_stamp("ask", "updated"),
        add_stamp("favor", "updated"),
        add_stamp("loop", "created"),
        add_stamp("loop", "updated"),
    ]
