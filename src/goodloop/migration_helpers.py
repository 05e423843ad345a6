"""Operations more than one app's migrations share (a migration imports them; keep them stable)."""

import django.utils.timezone
from django.db import migrations, models


def add_stamp(model: str, name: str) -> migrations.AddField:
    """Add `created` (auto_now_add) or `updated` (auto_now) to `model`; rows already there get the time of
    the migration."""
    kind = {"auto_now_add": True} if name == "created" else {"auto_now": True}
    return migrations.AddField(model_name=model, name=name, preserve_default=False,
                               field=models.DateTimeField(default=django.utils.timezone.now, **kind))
