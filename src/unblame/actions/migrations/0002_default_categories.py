"""Create the default contributing-factor taxonomy.

The rows are ordinary data afterwards: admins rename, redescribe and reorder
them on the factor categories page, and this migration never overwrites those
edits (a category already present by name is left alone).
"""

from django.db import migrations

DEFAULTS = [
    ("Change management", "How changes were planned, reviewed, rolled out and rolled back."),
    ("Testing", "What tests, staging or canaries covered, and what they could not see."),
    ("Monitoring and detection", "What told us something was wrong, and how soon."),
    ("Alerting", "Who was paged, when, with what signal and how much noise around it."),
    ("Capacity", "Headroom, limits, quotas, scaling and load."),
    ("Dependency", "Services, vendors and libraries we rely on and how they behaved."),
    ("Configuration", "Settings, flags, secrets and certificates, and how they are managed."),
    ("Documentation and knowledge", "Runbooks, diagrams and who knew what about the system."),
    ("Tooling and UX", "How the tools and consoles people used shaped what they did."),
    (
        "Communication and coordination",
        "How responders, teams and customers kept each other informed.",
    ),
    ("Process", "Procedures, handovers, approvals and how well they fit the work."),
    ("Staffing and load", "Who was available, how tired or busy they were, competing demands."),
]


def create_defaults(apps, schema_editor):
    FactorCategory = apps.get_model("actions", "FactorCategory")
    for index, (name, description) in enumerate(DEFAULTS, start=1):
        FactorCategory.objects.get_or_create(
            name=name,
            defaults={"description": description, "position": index * 10, "is_default": True},
        )


class Migration(migrations.Migration):
    dependencies = [("actions", "0001_initial")]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
