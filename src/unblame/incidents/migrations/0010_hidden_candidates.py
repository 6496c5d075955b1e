from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("incidents", "0009_services_unique_in_any_case")]

    operations = [
        migrations.AddIndex(
            model_name="incident",
            index=models.Index(
                condition=models.Q(
                    ("deleted_at__isnull", False), ("restricted", True), _connector="OR"
                ),
                fields=["id"],
                name="incident_hidden_candidates",
            ),
        ),
    ]
