"""Timestamps on every resource the API shows (issue 16, item 5): introduction.created, introduction.updated, lead.created, lead.updated, target.updated. Rows that exist get the
time of the migration."""

from django.db import migrations

from goodloop.migration_helpers import add_stamp


class Migration(migrations.Migration):

    dependencies = [
        ("leads", "0001_initial"),
    ]

    operations = [
        add_stamp("introduction", "created"),
        add_stamp("introduction", "updated"),
        add_stamp("lead", "created"),
        add_stamp("lead", "updated"),
        add_stamp("target", "updated"),
    ]
