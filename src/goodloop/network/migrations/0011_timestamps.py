"""Timestamps on every resource the API shows (issue 16, item 5): organization.created, organization.updated, interaction.updated. Rows that exist get the
time of the migration."""

from django.db import migrations

from goodloop.migration_helpers import add_stamp


class Migration(migrations.Migration):

    dependencies = [
        ("network", "0010_contact_details"),
    ]

    operations = [
        add_stamp("organization", "created"),
        add_stamp("organization", "updated"),
        add_stamp("interaction", "updated"),
    ]
