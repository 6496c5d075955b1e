"""Action items keep their try-harder findings (actions.findings), filled in for existing items.

The backfill reads the roster as unblame.accounts.roster does (every account's
names, the admins' roster names, the incident's chat authors) from the
historical models. It only saves work: a stored result whose key does not
match the roster and analyzer met at reading is analysed again then.
"""

from django.db import migrations, models

BATCH = 500


def backfill(apps, schema_editor):
    from unblame.actions import findings
    from unblame.actions.models import try_harder_in
    from unblame.language.names import Roster

    item_model = apps.get_model("actions", "ActionItem")
    everyone = _everyone(apps)
    items = item_model.objects.order_by("pk").only("pk", "incident_id", "title", "description")
    last = 0
    while True:
        batch = list(items.filter(pk__gt=last)[:BATCH])
        if not batch:
            return
        authors = _chat_authors(apps, {item.incident_id for item in batch})
        for item in batch:
            names = Roster(everyone, authors.get(item.incident_id, frozenset()))
            key = findings.key_for(item.title, item.description, names)
            by_field = {name: try_harder_in(getattr(item, name), names) for name in findings.FIELDS}
            item.stored_findings = findings.stored(key, by_field)
        item_model.objects.bulk_update(batch, ["stored_findings"])
        last = batch[-1].pk


def _everyone(apps) -> frozenset[str]:
    names: set[str] = set()
    users = apps.get_model("accounts", "User").objects
    for username, first, last in users.values_list("username", "first_name", "last_name"):
        names.update((username, first, last, f"{first} {last}"))
    names.update(apps.get_model("accounts", "RosterName").objects.values_list("name", flat=True))
    return _clean(names)


def _chat_authors(apps, incident_ids: set[int]) -> dict[int, frozenset[str]]:
    events = apps.get_model("incidents", "TimelineEvent").objects.filter(
        incident_id__in=incident_ids, kind="chat_message", deleted_at__isnull=True
    )
    found: dict[int, set[str]] = {}
    for pk, name in events.exclude(author_name="").values_list("incident_id", "author_name"):
        found.setdefault(pk, set()).add(name)
    return {pk: _clean(names) for pk, names in found.items()}


def _clean(names) -> frozenset[str]:
    return frozenset(name.strip() for name in names if name and name.strip())


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0005_due_email"),
        ("accounts", "0006_user_email_on_fell_due"),
        ("incidents", "0009_services_unique_in_any_case"),
    ]

    operations = [
        migrations.AddField(
            model_name="actionitem",
            name="stored_findings",
            field=models.JSONField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
