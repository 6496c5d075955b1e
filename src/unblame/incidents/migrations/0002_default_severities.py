"""Create SEV1–SEV4 so a new installation can declare incidents at once.

The rows are ordinary data afterwards: admins rename and redescribe them on
the Severities page, and this migration never overwrites those edits.
"""

from django.db import migrations

DEFAULTS = [
    (1, "SEV1", "Critical", "A core service is down or data is at risk for many customers."),
    (2, "SEV2", "Major", "A core feature is badly degraded, or a minor one is down for everyone."),
    (3, "SEV3", "Minor", "Partial degradation with a workaround; few customers notice."),
    (4, "SEV4", "Low", "No customer impact yet, but something needs a coordinated response."),
]


def create_defaults(apps, schema_editor):
    Severity = apps.get_model("incidents", "Severity")
    for rank, name, label, description in DEFAULTS:
        Severity.objects.get_or_create(
            name=name, defaults={"rank": rank, "label": label, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("incidents", "0001_initial")]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
