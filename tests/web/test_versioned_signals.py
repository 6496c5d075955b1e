"""A versioned save tells post_save receivers, as Model.save does, so derived data follows edits."""

from django.db.models.signals import post_save

from unblame.incidents.models import Incident


def test_an_edit_of_an_existing_row_sends_post_save(incident):
    seen = []

    def receiver(sender, instance, created, update_fields, **kwargs):
        seen.append((sender, instance.pk, created, update_fields, instance.version))

    post_save.connect(receiver, sender=Incident)
    try:
        incident.title = "Renamed"
        incident.save(update_fields=["title"])
        incident.summary = "Longer."
        incident.save()
    finally:
        post_save.disconnect(receiver, sender=Incident)
    assert seen == [
        (Incident, incident.pk, False, frozenset({"title"}), 2),
        (Incident, incident.pk, False, None, 3),
    ]


def test_a_refused_edit_sends_nothing(incident):
    seen = []
    stale = Incident.objects.get(pk=incident.pk)
    incident.title = "First"
    incident.save()
    post_save.connect(lambda **kw: seen.append(kw), sender=Incident, weak=False, dispatch_uid="t")
    try:
        stale.title = "Second"
        try:
            stale.save()
        except Exception as error:
            assert type(error).__name__ == "EditConflict"
    finally:
        post_save.disconnect(sender=Incident, dispatch_uid="t")
    assert seen == []
