from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("incidents", "0010_hidden_candidates")]

    operations = [
        migrations.AddIndex(
            model_name="incident",
            index=models.Index(
                condition=models.Q(("status__in", ["resolved", "closed"]), _negated=True),
                fields=["declared_at", "id"],
                name="incident_open",
            ),
        ),
    ]
