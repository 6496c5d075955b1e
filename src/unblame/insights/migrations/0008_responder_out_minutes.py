"""Responder rollup rows keep how many of their incident's minutes fell out of working hours.

A nullable column (SQLite adds it in place; no table is rebuilt, so the
response digest's triggers on insights_incidentfacts stay). The rows that
exist are filled here from what they already hold, as the builder
(insights.rollups) would write them.
"""

from django.db import migrations, models


def fill(apps, schema_editor):
    from unblame.insights.hours import out_of_hours_minutes, zone

    facts = apps.get_model("insights", "ResponderFacts")
    rows = facts.objects.filter(minutes__gt=0).values_list(
        "pk", "minutes", "declared_at", "incident__resolved_at", "zone"
    )
    batch = []
    for pk, minutes, declared, resolved, name in rows.iterator(chunk_size=2000):
        out = out_of_hours_minutes(minutes, declared, resolved, zone(name))
        batch.append(facts(pk=pk, out_minutes=out))
        if len(batch) == 1000:
            facts.objects.bulk_update(batch, ["out_minutes"])
            batch = []
    facts.objects.bulk_update(batch, ["out_minutes"])


class Migration(migrations.Migration):
    dependencies = [("insights", "0007_response_digest")]

    operations = [
        migrations.AddField(
            model_name="responderfacts",
            name="out_minutes",
            field=models.FloatField(null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
