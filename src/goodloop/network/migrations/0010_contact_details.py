"""What contacts apps keep and an import used to drop: name prefix and suffix, birthday, postal
addresses, and the department of a role (phone and email types go in ContactPoint.label)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("network", "0009_person_uid"),
    ]

    operations = [
        migrations.AddField(model_name="person", name="name_prefix",
                            field=models.CharField(blank=True, max_length=50)),
        migrations.AddField(model_name="person", name="name_suffix",
                            field=models.CharField(blank=True, max_length=50)),
        migrations.AddField(model_name="person", name="addresses", field=models.JSONField(blank=True, default=list)),
        migrations.AddField(model_name="person", name="birthday", field=models.DateField(blank=True, null=True)),
        migrations.AddField(model_name="role", name="department", field=models.CharField(blank=True, max_length=200)),
    ]
